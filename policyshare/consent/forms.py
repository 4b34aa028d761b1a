"""The consent checkbox of a public form, with the version of the wording it showed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .services import current_text

CHANGED_MESSAGE = _(
    "The consent text has changed since this form was opened. Read it again and tick the "
    "box if you agree."
)


def consent_version_field() -> forms.IntegerField:
    # The version shown travels with the form, so what is recorded is what the reader saw.
    return forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)


def show_consent(form: forms.Form, *, purpose: str, language: str) -> None:
    """Label the form's `consent` checkbox with the current wording in `language` and keep
    it as `form.consent_text`."""
    form.consent_text = current_text(purpose=purpose, language=language)
    form.fields["consent"].label = form.consent_text.text
    form.fields["consent_version"].initial = form.consent_text.version


def check_consent_version(form: forms.Form, cleaned: dict) -> None:
    """Refuse a consent given to another version (the wording changed while the form was
    open, or the version is missing): the form is shown again with the current wording."""
    if cleaned.get("consent") and cleaned.get("consent_version") != form.consent_text.version:
        form.add_error("consent", CHANGED_MESSAGE)
