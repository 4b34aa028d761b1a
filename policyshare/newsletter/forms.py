"""The public subscription form."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from policyshare.consent.forms import (
    check_consent_version,
    consent_version_field,
    show_consent,
)
from policyshare.consent.models import ConsentPurpose
from policyshare.core.forms import LanguageRadioSelect, OneLineCharField


class NewsletterForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    language = forms.ChoiceField(
        label=_("Language of the newsletter"),
        choices=settings.LANGUAGES,
        widget=LanguageRadioSelect,
    )
    themes = forms.MultipleChoiceField(
        label=_("Themes (optional)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Leave all unticked to hear about every theme. News and other posts are "
            "always included."
        ),
    )
    # Labelled with the current newsletter consent wording (consent/wordings.py).
    consent = forms.BooleanField(
        error_messages={"required": _("We can only send the newsletter with your consent.")},
    )
    consent_version = consent_version_field()
    website = OneLineCharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, theme_choices, language, **kwargs):
        super().__init__(*args, **kwargs)
        # In the language of the page it is shown on: that is what the reader agrees to.
        show_consent(self, purpose=ConsentPurpose.NEWSLETTER, language=language)
        self.fields["themes"].choices = theme_choices
        if not theme_choices:
            del self.fields["themes"]

    def clean(self):
        cleaned = super().clean()
        check_consent_version(self, cleaned)
        return cleaned

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(_("Leave this field empty."))
        return ""
