"""Checks on files that partner-city contributors upload: by content, never by name."""

import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# The largest attachment we accept, in bytes.
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
# Office files are zip archives; these members tell which kind.
OFFICE_MARKERS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
_SIGNATURES = [
    ("pdf", b"%PDF-"),
    ("png", b"\x89PNG\r\n\x1a\n"),
    ("jpeg", b"\xff\xd8\xff"),
]


def sniff_file_type(uploaded) -> str | None:
    """What the file is by its first bytes (never by its name): pdf, png, jpeg, docx, xlsx."""
    uploaded.seek(0)
    head = uploaded.read(16)
    uploaded.seek(0)
    for kind, signature in _SIGNATURES:
        if head.startswith(signature):
            return kind
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(uploaded) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            return None
        finally:
            uploaded.seek(0)
        for kind, marker in OFFICE_MARKERS.items():
            if marker in names and "[Content_Types].xml" in names:
                return kind
    return None


def validate_attachment(uploaded) -> str:
    """Refuse files that are too large or not PDF, PNG, JPEG, DOCX or XLSX. Returns the type."""
    if uploaded.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            _("The file is too large: at most %(size)s MB.")
            % {"size": MAX_ATTACHMENT_BYTES // (1024 * 1024)},
            code="too_large",
        )
    kind = sniff_file_type(uploaded)
    if kind is None:
        raise ValidationError(
            _("This file type is not accepted: send a PDF, PNG, JPEG, DOCX or XLSX file."),
            code="file_type",
        )
    return kind
