"""API contribution of a content type: which of its fields the open-data API publishes.

Wagtail's own declaration: `api_fields`, a list of field names or `wagtail.api.APIField`s on
the model, which Wagtail's APIs read too (its API v3 builds a schema from every page type's
at start-up). A page type lists there the fields it adds; the API's generic page detail
(`/api/v1/pages/{id}`) answers them under `fields`, next to the fields every page has (id,
type, title, URL, language, translations, parent, dates), which the API builds from `Page`
itself. The default is none: a public API publishes only what a type opts into, so a field
added for editors (an internal note, a contact's private line) never leaks by default.

    class Notice(PortalPageMixin, Page):
        summary = models.TextField(blank=True)
        body = RichTextField(blank=True)

        api_fields = ["summary", "body"]

How a value is written: rich text as HTML with its internal links expanded, a StreamField
as its blocks' API representation (`get_api_representation`, as Wagtail's APIs write it), a
relation as the related ids, a property or method by its value, anything else as its value
(dates in ISO 8601). An `APIField(name, serializer=...)` takes a Django REST framework field,
as in Wagtail; none of ours needs one.

Domain apps may also register typed endpoints with their own schemas (docs/open-data.md,
"How the API is put together"); this protocol is what makes any page type appear without
them.
"""

import copy
from typing import Any, ClassVar

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import expand_db_html

__all__ = ["APIField", "ApiContribution", "field_value"]


def field_value(obj, api_field: APIField) -> Any:
    """The JSON-ready value of `obj`'s field or attribute `api_field.name` (see above)."""
    name = api_field.name
    if api_field.serializer is not None:
        # A REST framework field, as in Wagtail's APIs: bound on a copy, since the declared
        # one is shared by every request (Wagtail's API v3 does the same).
        serializer = copy.deepcopy(api_field.serializer)
        serializer.bind(field_name=name, parent=None)
        return serializer.to_representation(serializer.get_attribute(obj))
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
        return value.stream_block.get_api_representation(value)
    if isinstance(field, models.DecimalField) and value is not None:
        return str(value)  # exact, as the typed endpoints' Decimal fields are
    return value


class ApiContribution:
    """The API protocol of a page type (mixed into every portal page by PortalPageMixin)."""

    # The fields this type adds to the common page fields: names or wagtail.api.APIField.
    api_fields: ClassVar[list[str | APIField]] = []

    @classmethod
    def get_api_fields(cls) -> list[APIField]:
        return APIField.get_fields_for_model(cls)

    def get_api_representation(self, request) -> dict[str, Any]:
        """This item's own fields, by name, ready for JSON."""
        return {field.name: field_value(self, field) for field in self.get_api_fields()}
