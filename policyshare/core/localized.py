"""Short texts of records that are not pages, held in every content language in one field.

Pages and translatable snippets are translated the Wagtail way: one copy per locale. Some
records are facts shared by every language, with only a few words that differ: a city (its
coordinates, population and time zone are the same in Korean and in Arabic; only its name
differs), a policy transfer (cities, stages, dates and figures are one record; only the sentence
saying what was transferred is written per language). Copying such a record per locale would
let the facts drift apart, so its texts live in a `LocalizedTextField`: a JSON object keyed
by content language code, `{"ko": "울란바토르", "en": "Ulaanbaatar"}`, edited in the admin as
one input per language and read in the reader's fallback chain with `localized()`.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .languages import fallback_chain, reader_language


def _languages() -> list[tuple[str, str]]:
    return list(settings.WAGTAIL_CONTENT_LANGUAGES)


def localized(values: dict | None, language_code: str | None = None) -> str:
    """The text in `language_code` (the reader's language by default), else in the first
    language of its fallback chain that has one, else in any language; "" when there is none."""
    if not values:
        return ""
    for code in fallback_chain(language_code or reader_language()):
        text = values.get(code)
        if text:
            return text
    return next((text for text in values.values() if text), "")


def localized_language(values: dict | None, language_code: str | None = None) -> str:
    """The language code of the text `localized()` returns ("" when there is none), so a
    template can mark a fallback text with its own `lang`."""
    if not values:
        return ""
    for code in fallback_chain(language_code or reader_language()):
        if values.get(code):
            return code
    return next((code for code, text in values.items() if text), "")


class LocalizedTextWidget(forms.MultiWidget):
    template_name = "core/widgets/localized_text.html"

    def __init__(self, *, multiline: bool = False, attrs=None):
        self.languages = _languages()
        widget = forms.Textarea(attrs={"rows": 3}) if multiline else forms.TextInput()
        widgets = {code: widget for code, _name in self.languages}
        super().__init__(widgets, attrs)

    def decompress(self, value):
        value = value or {}
        return [value.get(code, "") for code, _name in self.languages]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for subwidget, (code, label) in zip(
            context["widget"]["subwidgets"], self.languages, strict=True
        ):
            subwidget["language_code"] = code
            subwidget["language_name"] = label
            subwidget["attrs"]["lang"] = code
            subwidget["attrs"]["dir"] = "rtl" if code == "ar" else "ltr"
        return context


class LocalizedTextFormField(forms.MultiValueField):
    """One input per content language; at least `required_languages` must be filled in."""

    def __init__(
        self,
        *,
        max_length: int | None = None,
        multiline: bool = False,
        required_languages=(),
        **kwargs,
    ):
        kwargs.pop("encoder", None)
        kwargs.pop("decoder", None)
        self.required_languages = tuple(required_languages)
        self.max_length = max_length
        fields = [
            forms.CharField(required=False, max_length=max_length, strip=True)
            for _code in _languages()
        ]
        kwargs.setdefault("widget", LocalizedTextWidget(multiline=multiline))
        super().__init__(fields=fields, require_all_fields=False, **kwargs)

    def compress(self, data_list):
        if not data_list:
            return {}
        return {
            code: text for (code, _name), text in zip(_languages(), data_list, strict=True) if text
        }

    def validate(self, value):
        names = dict(_languages())
        missing = [names[code] for code in self.required_languages if not value.get(code)]
        if missing:
            raise ValidationError(
                _("Fill in this text in: %(languages)s.") % {"languages": ", ".join(missing)},
                code="required",
            )
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")

    def has_changed(self, initial, data):
        return (initial or {}) != self.compress(data if isinstance(data, list) else [])


class LocalizedTextField(models.JSONField):
    """A text per content language, stored as `{language code: text}`.

    Unknown language codes and empty texts are refused on validation, so what is stored is
    always what the admin form would have written.
    """

    description = _("Text in each content language")

    def __init__(
        self,
        *args,
        max_length: int | None = None,
        multiline: bool = False,
        required_languages=(),
        **kwargs,
    ):
        self.text_max_length = max_length
        self.multiline = multiline
        self.required_languages = tuple(required_languages)
        kwargs.setdefault("default", dict)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.text_max_length is not None:
            kwargs["max_length"] = self.text_max_length
        if self.multiline:
            kwargs["multiline"] = True
        if self.required_languages:
            kwargs["required_languages"] = self.required_languages
        if kwargs.get("default") is dict:
            del kwargs["default"]
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if value in (None, {}):
            return
        if not isinstance(value, dict):
            raise ValidationError(_("Expected texts keyed by language code."), code="invalid")
        known = {code for code, _name in _languages()}
        for code, text in value.items():
            if code not in known:
                raise ValidationError(
                    _("“%(code)s” is not a content language.") % {"code": code}, code="invalid"
                )
            if not isinstance(text, str) or not text.strip():
                raise ValidationError(_("Each text must be a non-empty string."), code="invalid")
            if self.text_max_length and len(text) > self.text_max_length:
                raise ValidationError(
                    _("At most %(max)d characters in each language.")
                    % {"max": self.text_max_length},
                    code="max_length",
                )

    def formfield(self, **kwargs):
        defaults = {
            "form_class": LocalizedTextFormField,
            "max_length": self.text_max_length,
            "multiline": self.multiline,
            "required_languages": self.required_languages,
            # The default is an empty dict, not a value worth a hidden "initial" copy.
            "show_hidden_initial": False,
        }
        defaults.update(kwargs)
        return models.Field.formfield(self, **defaults)
