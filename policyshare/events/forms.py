"""The public registration form, in the reader's language."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from policyshare.consent.forms import check_consent_version, consent_version_field, show_consent
from policyshare.consent.models import ConsentPurpose
from policyshare.core.datetimes import valid_zone
from policyshare.core.forms import OneLineCharField


def _text(max_length, label, *, autocomplete):
    return OneLineCharField(
        max_length=max_length,
        label=label,
        widget=forms.TextInput(attrs={"autocomplete": autocomplete}),
    )


def _country_choices():
    # Names in the reader's language, sorted for that language (django-countries).
    return [("", _("Choose a country")), *countries]


class RegistrationForm(forms.Form):
    name = _text(200, _("Your name"), autocomplete="name")
    organisation = _text(200, _("Organisation"), autocomplete="organization")
    city = _text(100, _("City"), autocomplete="address-level2")
    country = forms.ChoiceField(
        label=_("Country"),
        choices=_country_choices,
        widget=forms.Select(attrs={"autocomplete": "country"}),
    )
    email = forms.EmailField(
        max_length=254,
        label=_("E-mail"),
        help_text=_("We send the confirmation and a private link to your registration here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    # Labelled with the current event consent wording (consent/wordings.py).
    consent = forms.BooleanField(
        error_messages={
            "required": _(
                "We can only register you with your consent to the processing of your "
                "personal data."
            )
        },
    )
    consent_version = consent_version_field()
    # Filled in by site.js with the browser's zone; empty without JavaScript.
    time_zone = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)
    # A honeypot: hidden from people, filled in by bots.
    website = OneLineCharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, language: str, **kwargs):
        super().__init__(*args, **kwargs)
        show_consent(self, purpose=ConsentPurpose.EVENT, language=language)

    def clean_time_zone(self):
        return valid_zone(self.cleaned_data["time_zone"])

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(_("Leave this field empty."))
        return ""

    def clean(self):
        cleaned = super().clean()
        check_consent_version(self, cleaned)
        return cleaned

    def registration_fields(self) -> dict:
        """The cleaned values as `services.register` takes them."""
        names = ("name", "organisation", "city", "country", "email", "time_zone")
        return {name: self.cleaned_data[name] for name in names}
