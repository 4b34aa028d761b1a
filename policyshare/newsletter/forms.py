"""The public subscription form."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

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
    consent = forms.BooleanField(
        label=_(
            "I agree that my e-mail address is used to send me this newsletter until I unsubscribe."
        ),
        error_messages={"required": _("We can only send the newsletter with your consent.")},
    )
    website = OneLineCharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, theme_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].choices = theme_choices
        if not theme_choices:
            del self.fields["themes"]

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(_("Leave this field empty."))
        return ""
