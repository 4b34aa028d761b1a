"""Which fields of a page or snippet are translated, and how their text is compared."""

import hashlib

from django.db.models import Model
from wagtail.models import Page

# Every page has a title; models list the rest in `translated_fields`.
DEFAULT_PAGE_FIELDS = ("title",)


def translated_fields(model_or_obj) -> list[str]:
    fields = getattr(model_or_obj, "translated_fields", None)
    if fields is not None:
        return list(fields)
    model = model_or_obj if isinstance(model_or_obj, type) else type(model_or_obj)
    return list(DEFAULT_PAGE_FIELDS) if issubclass(model, Page) else []


def field_label(model, name: str) -> str:
    return str(model._meta.get_field(name).verbose_name)


def field_text(obj: Model, name: str) -> str:
    """The field's content as text (StreamField as its JSON), whitespace trimmed."""
    field = obj._meta.get_field(name)
    return (field.value_to_string(obj) or "").strip()


def fingerprint(obj: Model, name: str) -> str:
    text = field_text(obj, name)
    if not text or text in ("[]", "None"):
        return ""
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def fingerprints(obj: Model) -> dict[str, str]:
    return {name: fingerprint(obj, name) for name in translated_fields(obj)}
