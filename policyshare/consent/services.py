"""The consent text a form shows, recorded the first time it is shown."""

from django.core.exceptions import ImproperlyConfigured
from django.db import IntegrityError, transaction

from . import wordings
from .models import ConsentText, text_digest


def wording(*, purpose: str, version: int, language: str) -> str:
    return wordings.WORDINGS[(purpose, version)][language]


def current_version(purpose: str) -> int:
    return wordings.CURRENT[purpose]


def consent_text(*, purpose: str, version: int, language: str) -> ConsentText:
    """The stored row of a wording, created from `wordings.py` on first use.

    A wording whose text differs from what is stored for its version is refused: someone
    edited a text people have already agreed to instead of adding a version.
    """
    text = wording(purpose=purpose, version=version, language=language)
    stored = ConsentText.objects.filter(purpose=purpose, version=version, language=language)
    row = stored.first()
    if row is None:
        try:
            with transaction.atomic():
                row = ConsentText.objects.create(
                    purpose=purpose, version=version, language=language, text=text
                )
        except IntegrityError:  # created meanwhile by a concurrent request
            row = stored.get()
    if row.text_sha256 != text_digest(text):
        raise ImproperlyConfigured(
            f"The {purpose} consent wording v{version} ({language}) differs from the one "
            "already stored for that version. Add a new version in consent/wordings.py "
            "instead of editing one."
        )
    return row


def current_text(*, purpose: str, language: str) -> ConsentText:
    return consent_text(purpose=purpose, version=current_version(purpose), language=language)
