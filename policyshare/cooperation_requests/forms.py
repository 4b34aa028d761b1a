"""The public request form and the staff inbox's forms."""

from datetime import timedelta

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail.models import Locale

from policyshare.consent.forms import (
    check_consent_version,
    consent_version_field,
    show_consent,
)
from policyshare.consent.models import ConsentPurpose
from policyshare.core.datetimes import valid_zone
from policyshare.core.forms import (
    OneLineCharField,
    RecordChoiceField,
    RecordMultipleChoiceField,
)
from policyshare.core.languages import is_rtl, translations_with_fallback
from policyshare.core.params import parse_int
from policyshare.partners.models import FIRM_KINDS, Partner
from policyshare.policies.models import PolicyCase
from policyshare.sharing.models import City
from policyshare.sharing.selectors import city_named

from .models import CooperationRequest, MeetingLanguage, RequestKind, RequestStatus
from .selectors import city_matches, known_city
from .validators import validate_phone

MAX_POLICIES = 10
MAX_MESSAGE_CHARS = 5000
MAX_PARTICIPANTS = 200
# How far ahead a preferred date may be.
MAX_DAYS_AHEAD = 3 * 365


def _text(max_length, label, *, autocomplete=None, required=True, help_text="", **attrs):
    if autocomplete:
        attrs["autocomplete"] = autocomplete
    return OneLineCharField(
        max_length=max_length,
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.TextInput(attrs=attrs),
    )


def _country_choices():
    # Names in the reader's language, sorted for that language (django-countries).
    return [("", _("Choose a country")), *countries]


def city_choices():
    """Known cities (not the portal's own), by their name in the reader's language."""
    cities = sorted(
        City.objects.partners().only("slug", "names"), key=lambda city: city.name.casefold()
    )
    return [("", _("Another city: type its name below")), *((c.slug, c.name) for c in cities)]


class CooperationRequestForm(forms.Form):
    """A consultation, study visit or webinar request. The study visit also asks for numbers.

    An officials invitation comes from a firm or agency: it names the city whose officials
    it would like Seoul to invite (chosen among the known cities, or typed), and its
    purpose; `city` and `country` then describe that city.
    """

    name = _text(200, _("Your name"), autocomplete="name")
    position = _text(
        200, _("Position (optional)"), autocomplete="organization-title", required=False
    )
    organisation = _text(
        200,
        _("Organisation"),
        autocomplete="organization",
        help_text=_("For example: Bogotá Mayor's Office, Mobility Department"),
    )
    # Only for an officials invitation: the city, chosen among the known ones.
    target_city = forms.ChoiceField(
        label=_("City whose officials you would like invited"), required=False
    )
    city = _text(100, _("City"), autocomplete="address-level2")
    country = forms.ChoiceField(
        label=_("Country"),
        choices=_country_choices,
        widget=forms.Select(attrs={"autocomplete": "country"}),
    )
    email = forms.EmailField(
        max_length=254,
        label=_("E-mail"),
        help_text=_(
            "We send the confirmation and a private link to follow your request to this address."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = OneLineCharField(
        max_length=50,
        required=False,
        label=_("Phone (optional)"),
        validators=[validate_phone],
        help_text=_("With the country code, e.g. +57 1 381 3000."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    topic = _text(200, _("Topic"), help_text=_("In a few words, what you would like to learn."))
    policies = RecordMultipleChoiceField(
        queryset=PolicyCase.objects.none(),
        required=False,
        label=_("Policies of interest (optional)"),
        help_text=_("Choose up to 10 policies from the library."),
        widget=forms.CheckboxSelectMultiple,
    )
    date_from = forms.DateField(
        label=_("Preferred from"),
        required=False,
        help_text=_("Format: YYYY-MM-DD"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_to = forms.DateField(
        label=_("Preferred until"),
        required=False,
        help_text=_("Format: YYYY-MM-DD"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    participants = forms.IntegerField(
        label=_("Number of participants"),
        min_value=1,
        max_value=MAX_PARTICIPANTS,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    meeting_language = forms.ChoiceField(
        label=_("Preferred language"), choices=MeetingLanguage.choices, widget=forms.RadioSelect
    )
    message = forms.CharField(
        label=_("Message"),
        max_length=MAX_MESSAGE_CHARS,
        help_text=_(
            "What your city wants to achieve and what you would like from Seoul "
            "(at most 5,000 characters)."
        ),
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    # Labelled with the current wording of the request consent in the reader's language
    # (consent/wordings.py, a legal text kept out of the catalogues).
    consent = forms.BooleanField(
        error_messages={
            "required": _(
                "We can only handle your request with your consent "
                "to the processing of your personal data."
            )
        },
    )
    consent_version = consent_version_field()
    # Filled in by site.js with the browser's time zone; empty without JavaScript (the site's
    # zone is used then). An unknown zone is ignored rather than refused.
    time_zone = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)
    # The city record a city page's link names (?city=<slug>); kept only when the city
    # typed is still that city (`clean`).
    city_record = forms.SlugField(required=False, max_length=80, widget=forms.HiddenInput)
    # A honeypot: hidden from people, filled in by bots.
    website = OneLineCharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, kind: str, language: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        show_consent(self, purpose=ConsentPurpose.REQUEST, language=language)
        self.fields["policies"].queryset = policy_choices(language).select_related("locale")
        self.fields["policies"].label_from_instance = lambda policy: _policy_label(policy, language)
        self.language = language
        if kind != RequestKind.STUDY_VISIT:
            del self.fields["participants"]
        if kind == RequestKind.OFFICIALS_INVITATION:
            self._ask_for_the_target_city()
        else:
            del self.fields["target_city"]
        if kind in {RequestKind.STUDY_VISIT, RequestKind.WEBINAR}:
            self.fields["date_from"].required = True
            self.fields["date_to"].required = True
            self.fields["date_from"].label = _("Preferred from")
        else:
            self.fields["date_from"].label = _("Preferred from (optional)")
            self.fields["date_to"].label = _("Preferred until (optional)")

    def _ask_for_the_target_city(self):
        fields = self.fields
        fields["target_city"].choices = city_choices()
        fields["organisation"].label = _("Firm or agency")
        fields["organisation"].help_text = _(
            "The firm or agency that would like to work with the city."
        )
        fields["city"].label = _("Or type the city's name")
        fields["city"].required = False
        fields["city"].help_text = _("If the city is not in the list.")
        fields["country"].label = _("Country of the city")
        fields["country"].required = False
        fields["country"].help_text = _("Not needed when you chose the city from the list.")
        # The city is not the requester's address: no autofill from it.
        fields["city"].widget.attrs["autocomplete"] = "off"
        fields["country"].widget.attrs["autocomplete"] = "off"
        fields["topic"].label = _("Purpose of the invitation")
        fields["topic"].help_text = _(
            "In a few words, what the officials would see or discuss with you."
        )
        fields["policies"].label = _("Policy of interest (optional)")
        fields["message"].help_text = _(
            "What your firm or agency does, what it would like to do with the city, and what "
            "you would like from Seoul (at most 5,000 characters)."
        )

    def clean_target_city(self):
        slug = self.cleaned_data["target_city"]
        if not slug:
            return None
        city = City.objects.partners().filter(slug=slug).first()
        if city is None:  # deleted since the form was shown
            raise forms.ValidationError(_("Choose a city from the list."))
        return city

    def clean_policies(self):
        policies = self.cleaned_data["policies"]
        if len(policies) > MAX_POLICIES:
            raise forms.ValidationError(
                _("Choose at most %(count)s policies.") % {"count": MAX_POLICIES}
            )
        return policies

    def clean_time_zone(self):
        return valid_zone(self.cleaned_data["time_zone"])

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(_("Leave this field empty."))
        return ""

    def clean(self):
        cleaned = super().clean()
        check_consent_version(self, cleaned)
        today = timezone.localdate()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_from < today:
            self.add_error("date_from", _("The date cannot be in the past."))
        if date_from and date_from > today + timedelta(days=MAX_DAYS_AHEAD):
            self.add_error("date_from", _("Choose a date within the next three years."))
        if date_from and date_to and date_to < date_from:
            self.add_error("date_to", _("The end of the range cannot be before its start."))
        if date_to and not date_from and "date_from" not in self.errors:
            self.add_error("date_from", _("Give the start of the range as well."))
        if self.kind == RequestKind.OFFICIALS_INVITATION:
            self._clean_target_city(cleaned)
        else:
            # The city a city page sent the reader with (?city=), while the typed name is
            # still one of its names; else the known city the typed name and country mean.
            city = known_city(cleaned.get("city_record", ""))
            if city is not None and city_matches(city, cleaned.get("city", "")):
                cleaned["city_record"] = city
            elif cleaned.get("city") and cleaned.get("country"):
                cleaned["city_record"] = city_named(cleaned["city"], country=cleaned["country"])
            else:
                cleaned["city_record"] = None
        return cleaned

    def _clean_target_city(self, cleaned):
        """The city is required: chosen (its name and country are the record's) or typed
        with its country (and matched to a record when it is a known one)."""
        target = cleaned.get("target_city")
        if target is not None:
            # A record's name may be longer than the request's field allows.
            max_length = CooperationRequest._meta.get_field("city").max_length
            cleaned["city"] = target.name_in(self.language)[:max_length]
            cleaned["country"] = target.country.code
            cleaned["city_record"] = target
        elif cleaned.get("city"):
            if not cleaned.get("country"):
                if "country" not in self.errors:
                    self.add_error("country", _("Give the country of the city."))
            else:
                cleaned["city_record"] = city_named(cleaned["city"], country=cleaned["country"])
        elif "target_city" not in self.errors and "city" not in self.errors:
            self.add_error(
                "target_city",
                _("Choose the city whose officials you would like invited, or type its name."),
            )

    def request_fields(self) -> dict:
        """The cleaned values as `services.submit_request` takes them."""
        data = self.cleaned_data
        fields = {
            name: data[name]
            for name in (
                "name",
                "position",
                "organisation",
                "city",
                "country",
                "email",
                "phone",
                "topic",
                "date_from",
                "date_to",
                "meeting_language",
                "message",
                "time_zone",
                "city_record",
            )
        }
        if "participants" in self.fields:
            fields["participants"] = data["participants"]
        fields["city_record"] = data.get("city_record")
        return fields


def policy_choices(language: str) -> QuerySet:
    """The policies a form in `language` offers, as that language's library lists them: one
    version of each translation group, the reader's where it exists, else the first of the
    fallback chain (English, then Korean; `core.languages.translations_with_fallback`).
    Korean and English forms offer their own language only, as their libraries do."""
    policies = PolicyCase.objects.live().public()
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return policies.none()
    return translations_with_fallback(policies, locale).order_by("title")


def _policy_label(policy, language: str):
    """The title; marked with its own language and direction when it is a fallback version
    (an English title in an Arabic form)."""
    code = policy.locale.language_code
    if code == language:
        return policy.title
    return format_html(
        '<span lang="{}" dir="{}">{}</span>', code, "rtl" if is_rtl(code) else "ltr", policy.title
    )


def initial_policies(*, policy_id: str | None, language: str) -> list[int]:
    """The policy preselected by ?policy=<id>: the form's choice of the id's translation
    group, so any version of a policy (the Korean original, the English fallback shown on a
    French page) ticks the version the form offers."""
    pk = parse_int(policy_id)
    if pk is None:
        return []
    policy = PolicyCase.objects.live().public().filter(pk=pk).values("translation_key").first()
    if policy is None:
        return []
    choice = policy_choices(language).filter(translation_key=policy["translation_key"]).first()
    return [choice.pk] if choice else []


# --- Staff inbox --------------------------------------------------------------------------


def request_handlers():
    """Active users who may handle requests: they are the ones a request can be given to."""
    permission = Permission.objects.get(
        codename="handle_requests", content_type__app_label="cooperation_requests"
    )
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(groups__permissions=permission)
            | Q(user_permissions=permission)
        )
        .distinct()
        .order_by("username")
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=RequestStatus.choices)
    reason = forms.CharField(
        label=_("Reason for declining (sent to the requester)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea({"rows": 3}),
    )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("status") == RequestStatus.DECLINED
            and not cleaned.get("reason", "").strip()
        ):
            self.add_error("reason", _("Give the reason for declining the request."))
        return cleaned


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label=_("Assign to"), queryset=None, required=False, empty_label=_("Nobody")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = request_handlers()


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Text"), max_length=MAX_MESSAGE_CHARS, widget=forms.Textarea({"rows": 5})
    )


class FirmInterestForm(forms.Form):
    """Staff record, from an officials invitation they took up, the firm's public interest
    (sharing.FirmInterest): the firm's partner record, the city, one of the policies asked
    about."""

    firm = RecordChoiceField(
        label=_("Firm or agency"),
        queryset=Partner.objects.none(),
        help_text=_("Its partner record (private sector or government agency)."),
    )
    city = RecordChoiceField(label=_("City"), queryset=City.objects.none(), required=False)
    policy = RecordChoiceField(
        label=_("Policy"), queryset=PolicyCase.objects.none(), required=False
    )
    note = forms.CharField(
        label=_("Note (public)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea({"rows": 3}),
    )
    public = forms.BooleanField(
        label=_("Show on the firm's profile and the city's page"), required=False, initial=True
    )

    def __init__(self, *args, cooperation_request, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["firm"].queryset = Partner.objects.filter(kind__in=FIRM_KINDS).select_related(
            "locale"
        )
        self.fields["firm"].label_from_instance = lambda partner: (
            f"{partner.name} ({partner.locale.language_code})"
        )
        self.fields["city"].queryset = City.objects.partners()
        self.fields["policy"].queryset = cooperation_request.policies.all()

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("city") and not cleaned.get("policy"):
            raise forms.ValidationError(_("Name a city, a policy or both."))
        return cleaned


class NewLinkForm(forms.Form):
    reference = OneLineCharField(
        label=_("Reference"), max_length=20, help_text=_("For example: PS-2026-000123")
    )
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_("The address you gave with the request."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
