"""Field values from an archive, validated the way the editor validates what it saves.

An archive is data from outside: a website that is `javascript:alert(1)`, a title longer
than its column or a board kind that does not exist would be stored as they are, and a URL
ends up in an `href`. Before anything is written, each value goes through its own field's
validators (`Field.clean`: type, choices, length, URL, e-mail, slug, ranges) and each
StreamField block value through its block's `clean()` (`URLBlock`, `CharBlock`, …).

References to other rows of the archive (foreign keys, chooser blocks) are not validated
here: those rows are not in the database yet; the database checks foreign keys on writing.
"""

from django.core.exceptions import ValidationError
from django.utils import translation
from modelcluster.models import model_from_serializable_data
from wagtail import blocks
from wagtail.models import Page


class InvalidValue(ValueError):
    """A value its field or block refuses; the message names the field and says why."""


def _reason(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return "; ".join(
            f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
        )
    return " ".join(error.messages)


def _is_id(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def validate_block(block, raw) -> None:
    """Validate one leaf block value of a StreamField (not a struct, list or stream)."""
    if isinstance(block, blocks.ChooserBlock):
        # A reference (image, document, page): only its form is checked, see the module.
        if raw is not None and not _is_id(raw):
            raise InvalidValue(f"{block.name}: not an id.")
        return
    if not isinstance(block, blocks.FieldBlock):
        return
    with translation.override(None):  # see validate_fields
        try:
            block.clean(block.to_python(raw))
        except ValidationError as error:
            raise InvalidValue(f"{block.name}: {_reason(error)}") from error
        except (TypeError, ValueError) as error:  # to_python on a value of the wrong type
            raise InvalidValue(f"{block.name}: a value of the wrong type.") from error


def validate_fields(model, data: dict) -> None:
    """Run the validators of every field `data` holds, then, but for pages, the model's own
    `clean()`. Raises InvalidValue naming the first field that fails.

    Reasons are in the command's language (English), not the site's default one: they are
    part of a message to the operator, like the rest of the import's messages.
    """
    with translation.override(None):
        _validate_fields(model, data)


def _validate_fields(model, data: dict) -> None:
    values = {"pk": data.get("pk")}
    for field in model._meta.concrete_fields:
        if field.is_relation or field.name not in data:
            continue
        value = data[field.name]
        values[field.name] = value
        # As Model.clean_fields does: an empty value of a field that may be blank is not checked.
        if field.blank and value in field.empty_values:
            continue
        try:
            field.clean(value, None)
        except ValidationError as error:
            raise InvalidValue(f"{field.name}: {_reason(error)}") from error
        except (TypeError, ValueError) as error:
            raise InvalidValue(f"{field.name}: a value of the wrong type.") from error
    if issubclass(model, Page):
        # Page.clean() looks for the page's parent and siblings in the database, where they
        # are not yet; the import checks the tree and sibling slugs in the archive instead.
        return
    try:
        model_from_serializable_data(model, values, check_fks=False).clean()
    except ValidationError as error:
        raise InvalidValue(_reason(error)) from error
