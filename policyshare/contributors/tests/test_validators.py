"""Attachments are checked by their content, never by their name."""

import io
import zipfile

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import SimpleTestCase

from policyshare.contributors.validators import (
    MAX_ATTACHMENT_BYTES,
    sniff_file_type,
    validate_attachment,
)


def office_file(marker: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(marker, "<xml/>")
    return buffer.getvalue()


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


class AttachmentTests(SimpleTestCase):
    def test_accepted_types_are_recognised_by_content(self):
        cases = {
            "pdf": b"%PDF-1.7\n...",
            "png": b"\x89PNG\r\n\x1a\n....",
            "jpeg": b"\xff\xd8\xff\xe0....",
            "docx": office_file("word/document.xml"),
            "xlsx": office_file("xl/workbook.xml"),
        }
        for kind, content in cases.items():
            with self.subTest(kind=kind):
                # The name says nothing: a PDF named .txt is still a PDF.
                self.assertEqual(validate_attachment(upload("file.txt", content)), kind)

    def test_a_script_named_pdf_is_refused(self):
        with self.assertRaises(ValidationError) as raised:
            validate_attachment(upload("report.pdf", b"<script>alert(1)</script>"))
        self.assertEqual(raised.exception.code, "file_type")

    def test_other_zip_files_and_broken_zips_are_refused(self):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("payload.exe", b"MZ")
        self.assertIsNone(sniff_file_type(upload("a.docx", buffer.getvalue())))
        self.assertIsNone(sniff_file_type(upload("a.docx", b"PK\x03\x04broken")))

    def test_oversized_files_are_refused(self):
        big = upload("big.pdf", b"%PDF-" + b"0" * MAX_ATTACHMENT_BYTES)
        with self.assertRaises(ValidationError) as raised:
            validate_attachment(big)
        self.assertEqual(raised.exception.code, "too_large")
