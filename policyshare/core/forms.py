"""Forms shared by every app: the fields for what the public types in (one-line text, ids of
records), and the base of every page's edit form in the admin.

Every public form (requests, newsletter, lost links, contributor invitations) builds its
one-line fields and its choices of records from here.
"""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page

from .params import parse_int

# Joiners are part of writing some scripts and emoji; every other format character (bidi
# overrides, invisible marks) and every control character (newlines, tabs, NUL) is refused.
_ALLOWED_FORMAT_CHARACTERS = {"\u200c", "\u200d"}
_REFUSED_CATEGORIES = {"Cc", "Cf", "Zl", "Zp"}


def validate_one_line(value: str) -> None:
    """Refuse line breaks and control characters: a name printed into a mail must not be
    able to add lines (or links) of its own."""
    for character in value:
        if (
            unicodedata.category(character) in _REFUSED_CATEGORIES
            and character not in _ALLOWED_FORMAT_CHARACTERS
        ):
            raise ValidationError(
                _("Enter a single line of text, without line breaks or control characters."),
                code="one_line",
            )


class OneLineCharField(forms.CharField):
    """A CharField for a name, an organisation, a city, a subject: one line of text."""

    default_validators = [validate_one_line]


class RecordIdMixin:
    """Refuse ids that are not ASCII digits within the database's integer range before they
    reach a query. Django guards integer lookups against overflow, but not the primary key
    of a page model (a one-to-one link to Page), where SQLite raises OverflowError."""

    @staticmethod
    def is_valid_id(value) -> bool:
        return not isinstance(value, str) or parse_int(value) is not None


class RecordChoiceField(RecordIdMixin, forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values and not self.is_valid_id(value):
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return super().to_python(value)


class RecordMultipleChoiceField(RecordIdMixin, forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        for pk in value:
            if not self.is_valid_id(pk):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


class PortalPageForm(WagtailAdminPageForm):
    """Refuses to save an edit form that was opened before someone else's newer save.

    Wagtail checks this for its autosave only; a plain "Save draft" or "Publish" from a
    stale form would replace the other editor's newer draft without a word. The form's
    hidden `loaded_revision_id` / `loaded_revision_created_at` (or `overwrite_revision_id`,
    this editor's own autosave) are compared with the page's latest revision exactly as
    Wagtail's edit view does (`EditView.is_out_of_date`). The editor's input is kept on the
    refused form; saving it again then replaces the newer version knowingly.
    """

    stale_message = _(
        "Someone else saved this page after you opened it, so your changes were not saved: "
        "that would have replaced their newer version. Compare it in the page's history. "
        "Saving again will replace it with what you see here."
    )

    def offer_page_language_only(self, *field_names: str) -> None:
        """Limit these choice fields (translatable records: themes, policies) to the page's
        own language, drafts included: a translation's copied themes are drafts until
        published, and the editor keeps them ticked meanwhile. What the page already links
        to in another language stays offered, so that saving never drops a link unseen."""
        locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
        if not locale_id:
            return
        for name in field_names:
            if name in self.fields:
                field = self.fields[name]
                offered = Q(locale_id=locale_id)
                if self.instance.pk:
                    linked = self.instance._meta.get_field(name)
                    if linked.many_to_many:
                        items = getattr(self.instance, name).all()
                        offered |= Q(pk__in=[item.pk for item in items])
                    elif getattr(self.instance, linked.attname) is not None:
                        offered |= Q(pk=getattr(self.instance, linked.attname))
                field.queryset = field.queryset.filter(offered)

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk and self.is_out_of_date():
            raise ValidationError(self.stale_message, code="stale")
        return cleaned_data

    def is_out_of_date(self) -> bool:
        latest = (
            Page.objects.select_related("latest_revision").get(pk=self.instance.pk).latest_revision
        )
        if latest is None:
            return False
        if overwrite_revision_id := self.data.get("overwrite_revision_id"):
            return overwrite_revision_id != str(latest.pk)
        if loaded_revision_id := self.data.get("loaded_revision_id"):
            return (
                loaded_revision_id != str(latest.pk)
                or self.data.get("loaded_revision_created_at", "") != latest.created_at.isoformat()
            )
        # A form without them (not from the admin's edit page) cannot be checked.
        return False


class LanguageRadioSelect(forms.RadioSelect):
    """Radio buttons whose choices are languages named in themselves ("العربية", "English"):
    each name carries its own `lang`, whatever the page's language."""

    option_template_name = "core/widgets/language_option.html"
