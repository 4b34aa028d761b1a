"""The text of uploaded documents, extracted for the public search (docs/search.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentText(models.Model):
    """The text of one Wagtail document, as extracted from the file whose SHA-256 is `sha256`.

    A file that was not extracted (not a PDF, broken, encrypted) has a row too, with its
    outcome and no text, so that the same file is not tried again.
    """

    class Outcome(models.TextChoices):
        EXTRACTED = "extracted", _("Extracted")
        NOT_PDF = "not_pdf", _("Not a PDF")
        ENCRYPTED = "encrypted", _("Encrypted")
        UNREADABLE = "unreadable", _("Unreadable")
        TIMED_OUT = "timed_out", _("Timed out")
        MISSING = "missing", _("File missing")

    document = models.OneToOneField(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="extracted_text"
    )
    sha256 = models.CharField(max_length=64)
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    text = models.TextField(blank=True)
    pages = models.PositiveIntegerField(default=0, help_text="Pages read.")
    truncated = models.BooleanField(
        default=False, help_text="Stopped at the page or character cap."
    )
    extracted_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("document text")
        verbose_name_plural = _("document texts")

    def __str__(self):
        return f"{self.document_id}: {self.outcome}"


class DocumentUse(models.Model):
    """A search document (`key`: "page:12", "partners.partner:3") whose text includes a
    document's: written when the search document is indexed, read when the document's text
    changes, to index those search documents again. Not a foreign key: either side may go
    first."""

    key = models.CharField(max_length=100, db_index=True)
    document_id = models.BigIntegerField(db_index=True)

    class Meta:
        verbose_name = _("document use")
        verbose_name_plural = _("document uses")
        constraints = [
            models.UniqueConstraint(fields=["key", "document_id"], name="document_use_unique")
        ]

    def __str__(self):
        return f"{self.key} uses {self.document_id}"
