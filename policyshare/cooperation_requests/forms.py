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
from policyshare.core.forms import OneLineCharField, RecordMultipleChoiceField
from policyshare.core.languages import is_rtl, translations_with_fallback
from policyshare.core.params import parse_int
from policyshare.policies.models import PolicyCase

from .models import MeetingLanguage, RequestKind, RequestStatus
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


class CooperationRequestForm(forms.Form):
    """A consultation, study visit or webinar request. The study visit also asks for numbers."""

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
        if kind != RequestKind.STUDY_VISIT:
            del self.fields["participants"]
        if kind in {RequestKind.STUDY_VISIT, RequestKind.WEBINAR}:
            self.fields["date_from"].required = True
            self.fields["date_to"].required = True
            self.fields["date_from"].label = _("Preferred from")
        else:
            self.fields["date_from"].label = _("Preferred from (optional)")
            self.fields["date_to"].label = _("Preferred until (optional)")

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
        city = known_city(cleaned.get("city_record", ""))
        cleaned["city_record"] = (
            city if city is not None and city_matches(city, cleaned.get("city", "")) else None
        )
        return cleaned

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
