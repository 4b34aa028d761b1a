"""The admin form that invites a partner-city contributor."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from policyshare.core.forms import OneLineCharField


def _country_choices():
    # Names in the reader's language, sorted for that language (django-countries).
    return [("", _("Choose a country")), *countries]


class ContributorInviteForm(forms.Form):
    name = OneLineCharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail"), max_length=254)
    organisation = OneLineCharField(label=_("Organisation"), max_length=200)
    city = OneLineCharField(label=_("City"), max_length=100)
    country = forms.ChoiceField(label=_("Country"), choices=_country_choices)
    language = forms.ChoiceField(label=_("Language of the invitation"), choices=settings.LANGUAGES)
