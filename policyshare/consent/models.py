"""The consent texts people agreed to: one row per purpose, version and language, never changed.

A cooperation request and a newsletter subscription point at the row that was shown with the
form, so what someone agreed to stays readable word for word after the wording changes.
"""

import hashlib

from django.db import models
from django.utils.translation import gettext_lazy as _


class ConsentPurpose(models.TextChoices):
    REQUEST = "request", _("Cooperation request")
    NEWSLETTER = "newsletter", _("Newsletter")
    EVENT = "event", _("Event registration")


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


class ConsentText(models.Model):
    """One wording of a consent, as it was shown: written once, then only read."""

    purpose = models.CharField(
        max_length=20, choices=ConsentPurpose.choices, verbose_name=_("purpose")
    )
    version = models.PositiveSmallIntegerField(verbose_name=_("version"))
    language = models.CharField(max_length=10, verbose_name=_("language"))
    text = models.TextField(verbose_name=_("text"))
    # SHA-256 of the text: a stored copy can be checked against the wording in the code.
    text_sha256 = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("first shown at"))

    class Meta:
        ordering = ["purpose", "version", "language"]
        verbose_name = _("consent text")
        verbose_name_plural = _("consent texts")
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(
                fields=["purpose", "version", "language"], name="one_consent_text_per_version"
            )
        ]

    def __str__(self):
        return f"{self.purpose} v{self.version} ({self.language})"

    def save(self, *args, **kwargs):
        # What someone agreed to is evidence: a stored wording is never rewritten. A new
        # wording is a new version (consent/wordings.py).
        if not self._state.adding:
            raise ValueError("A stored consent text is never changed; add a new version.")
        self.text_sha256 = text_digest(self.text)
        super().save(*args, **kwargs)
