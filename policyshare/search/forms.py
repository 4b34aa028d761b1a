"""The editors' form that hides a popular search or shows it again."""

from django import forms
from django.conf import settings

from .services import RECORDED_QUERY_CHARS


class SearchTermVisibilityForm(forms.Form):
    language = forms.ChoiceField(choices=settings.LANGUAGES)
    query = forms.CharField(max_length=RECORDED_QUERY_CHARS, strip=True)
    hidden = forms.BooleanField(required=False)
