"""What each translation was made from, field by field."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale


class FieldStatus(models.TextChoices):
    UP_TO_DATE = "up_to_date", _("Up to date")
    OUTDATED = "outdated", _("Outdated: the source changed after it was translated")
    MISSING = "missing", _("Missing: still the source text")
    MACHINE = "machine", _("Machine translated: not reviewed yet")


class ItemStatus(models.TextChoices):
    UP_TO_DATE = "up_to_date", _("Up to date")
    OUTDATED = "outdated", _("Outdated")
    PARTIAL = "partial", _("Partly translated")
    MACHINE = "machine", _("Machine translated")
    MISSING = "missing", _("Missing")


class TranslationRecord(models.Model):
    """One translated page or snippet: its source language and, per translated field, a
    fingerprint of the source's text and of the translation's text when they last matched.

    A field is outdated when the source's text no longer has the recorded fingerprint: the
    source changed after the translation was made. Keyed like Wagtail's translations (the
    model's base content type, `translation_key`, locale), so it survives revisions.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    translation_key = models.UUIDField(db_index=True)
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    source_locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    # {field name: {"source": fingerprint, "translation": fingerprint, "checked": bool}}
    fields = models.JSONField(default=dict, blank=True)
    # Field names filled by machine translation and not yet approved by an editor.
    machine_fields = models.JSONField(default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("translation record")
        verbose_name_plural = _("translation records")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "translation_key", "locale"],
                name="one_record_per_translation",
            )
        ]
        permissions = [("view_translation_status", _("Can see what needs translating"))]

    def __str__(self):
        return f"{self.translation_key} ({self.locale_id})"
