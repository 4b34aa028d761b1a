"""API contribution of a content type: which of its fields the open-data API publishes.

Wagtail's pattern (`api_fields = [APIField("summary"), …]` on the model, as for its API v2):
a page type lists the fields it adds in `api_fields`; the API's generic page detail
(`/api/v1/pages/{id}`) answers them under `fields`, next to the fields every page has (id,
type, title, URL, language, translations, parent, dates), which the API builds from `Page`
itself. The default is none: a public API publishes only what a type opts into, so a field
added for editors (an internal note, a contact's private line) never leaks by default.

    class Notice(PortalPageMixin, Page):
        summary = models.TextField(blank=True)
        body = RichTextField(blank=True)

        api_fields = ["summary", "body"]  # or APIField("body", serializer=...)

How a value is written, unless the `APIField` has a `serializer`: rich text as HTML with
its internal links expanded, a StreamField as its JSON data, a relation as the related ids,
anything else as its value (dates in ISO 8601), a method's result if the name is a method.

Domain apps may also register typed endpoints with their own schemas (docs/open-data.md,
"Adding to the API"); this protocol is what makes any page type appear without them.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import expand_db_html


@dataclass(frozen=True)
class APIField:
    """One published field: `name` in the answer, read from the attribute of that name, or
    computed by `serializer(obj, request)` (like the `serializer` of Wagtail's APIField)."""

    name: str
    serializer: Callable[[Any, Any], Any] | None = None

    def value_of(self, obj, request) -> Any:
        if self.serializer is not None:
            return self.serializer(obj, request)
        return field_value(obj, self.name)


def field_value(obj, name: str) -> Any:
    """The JSON-ready value of `obj`'s field or attribute `name` (see the module's text)."""
    try:
        field = obj._meta.get_field(name)
    except FieldDoesNotExist:
        value = getattr(obj, name)
        return value() if callable(value) else value
    if field.many_to_many or field.one_to_many:
        return list(getattr(obj, name).values_list("pk", flat=True))
    if field.many_to_one or field.one_to_one:
        return getattr(obj, field.attname)
    value = getattr(obj, name)
    if isinstance(field, RichTextField):
        return expand_db_html(value or "")
    if isinstance(field, StreamField):
        return list(value.raw_data)
    if isinstance(field, models.DecimalField) and value is not None:
        return str(value)  # exact, as the typed endpoints' Decimal fields are
    return value


class ApiContribution:
    """The API protocol of a page type (mixed into every portal page by PortalPageMixin)."""

    # The fields this type adds to the common page fields: names or APIField declarations.
    api_fields: ClassVar[Sequence[str | APIField]] = ()

    @classmethod
    def get_api_fields(cls) -> list[APIField]:
        return [f if isinstance(f, APIField) else APIField(f) for f in cls.api_fields]

    def get_api_representation(self, request) -> dict[str, Any]:
        """This item's own fields, by name, ready for JSON."""
        return {field.name: field.value_of(self, request) for field in self.get_api_fields()}
