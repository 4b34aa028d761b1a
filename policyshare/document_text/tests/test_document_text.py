"""The text of attached PDFs is searched with the page that attaches it (docs/search.md,
"Documents"): extracted in a task, skipped when unchanged, and never a reason to fail."""

import hashlib
import io
import itertools
import logging
import signal
import unittest
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.test import TestCase
from pypdf import PdfReader, PdfWriter
from wagtail.documents import get_document_model

from policyshare.demo.files import demo_pdf
from policyshare.document_text import extraction, services
from policyshare.document_text.models import DocumentText, DocumentUse
from policyshare.policies.models import PolicyAttachment
from policyshare.search.models import SearchDocument
from policyshare.search.selectors import search_documents
from policyshare.search.tests import factories as make

# Words found only inside the PDF, never in the page's own fields.
PDF_WORDS = "Zebracrossing audit of the Jongno corridor found luminous bollards effective."


def report_pdf(text=PDF_WORDS):
    return demo_pdf(title="Annex", paragraphs=[text])


def encrypted_pdf():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(report_pdf())))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def document(data, *, name="annex.pdf", title="Annex"):
    made = get_document_model()(
        title=title,
        file=ContentFile(data, name=name),
        file_size=len(data),
        file_hash=hashlib.sha1(data, usedforsecurity=False).hexdigest(),
    )
    made.save()
    return made


def titles(query):
    return [hit.document.title for hit in search_documents(query=query, language="en").hits]


class ExtractionTests(TestCase):
    def test_text_of_a_valid_pdf(self):
        result = extraction.extract_pdf_text(report_pdf())
        self.assertEqual(result.outcome, "extracted")
        self.assertIn("luminous bollards", result.text)
        self.assertEqual(result.pages, 1)

    def test_only_files_that_start_like_a_pdf_are_read(self):
        with mock.patch("pypdf.PdfReader") as reader:
            result = extraction.extract_pdf_text(b"PK\x03\x04 a zip renamed annex.pdf")
        self.assertEqual(result.outcome, "not_pdf")
        reader.assert_not_called()

    def test_broken_pdf_is_unreadable_not_an_error(self):
        result = extraction.extract_pdf_text(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9")
        self.assertEqual(result.outcome, "unreadable")
        self.assertEqual(result.text, "")

    def test_encrypted_pdf_gives_no_text(self):
        result = extraction.extract_pdf_text(encrypted_pdf())
        self.assertEqual(result.outcome, "encrypted")
        self.assertEqual(result.text, "")

    def test_caps_on_characters_and_pages(self):
        result = extraction.extract_pdf_text(report_pdf(), max_chars=20)
        self.assertEqual(len(result.text), 20)
        self.assertTrue(result.truncated)
        result = extraction.extract_pdf_text(report_pdf(), max_pages=0)
        self.assertEqual((result.text, result.truncated), ("", True))

    def test_time_box(self):
        # Each reading of the clock is 100 s after the one before.
        clock = itertools.count(0.0, 100.0)
        with mock.patch.object(extraction.time, "monotonic", side_effect=clock):
            result = extraction.extract_pdf_text(report_pdf(), max_seconds=1)
        self.assertEqual(result.outcome, "timed_out")

    def test_control_characters_are_cleaned(self):
        self.assertEqual(extraction.clean_text("a\x00b\u00adc\n\n d\ue000"), "a bc d")


class ReportSearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        with cls.captureOnCommitCallbacks(execute=True):
            cls.document = document(report_pdf())
            cls.report = make.post(
                title="Pedestrian safety report",
                summary="What the city learned about crossings.",
                body="<p>The full report is attached.</p>",
                kind="report",
                language="en",
                report_document=cls.document,
            )

    def test_a_word_only_in_the_pdf_finds_the_report(self):
        self.assertEqual(titles("zebracrossing bollards"), [self.report.title])

    def test_the_snippet_comes_from_the_page_not_the_pdf(self):
        hit = search_documents(query="zebracrossing", language="en").hits[0]
        self.assertNotIn("ebracrossing", hit.snippet)
        self.assertIn("crossings", hit.snippet)
        stored = SearchDocument.objects.get(page=self.report)
        self.assertNotIn("Zebracrossing", stored.text)
        self.assertIn("zebracross", stored.analysed_documents)

    def test_the_pdf_weighs_less_than_the_body(self):
        with self.captureOnCommitCallbacks(execute=True):
            make.post(
                title="Crossing note",
                summary="Short.",
                body="<p>Luminous bollards were tested.</p>",
                kind="report",
                language="en",
            )
        self.assertEqual(titles("luminous bollards"), ["Crossing note", self.report.title])

    def test_an_unchanged_file_is_not_extracted_again(self):
        with mock.patch.object(extraction, "extract_pdf_text") as extract:
            self.assertEqual(
                services.extract_document(document_id=self.document.pk), services.UNCHANGED
            )
            call_command("extract_document_text", stdout=io.StringIO())
        extract.assert_not_called()

    def test_a_replaced_file_is_extracted_and_the_report_indexed_again(self):
        data = report_pdf("Replacement annex about tramline kiosks.")
        with self.captureOnCommitCallbacks(execute=True):
            self.document.file = ContentFile(data, name="annex-2.pdf")
            self.document.save()
        self.assertEqual(titles("tramline kiosks"), [self.report.title])
        self.assertEqual(titles("zebracrossing"), [])

    def test_a_deleted_document_leaves_the_report_without_its_text(self):
        with self.captureOnCommitCallbacks(execute=True):
            self.document.delete()
        self.assertEqual(titles("zebracrossing"), [])
        self.assertEqual(titles("crossings"), [self.report.title])

    def test_the_command_extracts_again_with_force_and_sums_up(self):
        out = io.StringIO()
        call_command("extract_document_text", "--force", stdout=out)
        self.assertEqual(out.getvalue().strip(), "1 documents: 1 extracted.")


class BadFileTests(TestCase):
    """A broken, encrypted or disguised file: a warning without its content, the page indexed
    without the text, and the other documents extracted all the same."""

    def attach(self, data, *, name="annex.pdf"):
        with self.captureOnCommitCallbacks(execute=True):
            attached = document(data, name=name, title="Private title of a file")
            page = make.post(
                title=f"Report with {name}",
                summary="Findings on crossings.",
                kind="report",
                language="en",
                report_document=attached,
            )
        return attached, page

    def test_each_bad_file_is_recorded_and_its_page_still_found(self):
        cases = [
            ("broken.pdf", b"%PDF-1.7\n\x00\xff garbage without objects", "unreadable"),
            ("locked.pdf", encrypted_pdf(), "encrypted"),
            ("image.pdf", b"\x89PNG\r\n\x1a\n not really a pdf", "not_pdf"),
        ]
        for name, data, outcome in cases:
            with self.subTest(name), self.assertNoLogs("pypdf", level="ERROR"):
                attached, page = self.attach(data, name=name)
                self.assertEqual(DocumentText.objects.get(document=attached).outcome, outcome)
                self.assertEqual(SearchDocument.objects.get(page=page).analysed_documents, "")
                self.assertIn(page.title, titles("crossings"))

    def test_the_warning_names_no_title_file_or_content(self):
        with self.assertLogs("policyshare.document_text", level=logging.WARNING) as logs:
            attached, _page = self.attach(encrypted_pdf(), name="secret-minutes.pdf")
        message = "\n".join(logs.output)
        self.assertIn(f"Document {attached.pk}", message)
        for private in ("Private title", "secret-minutes", "Zebracrossing"):
            self.assertNotIn(private, message)

    def test_one_failure_does_not_stop_the_others(self):
        self.attach(b"%PDF-1.4 broken", name="broken.pdf")
        _good, page = self.attach(report_pdf(), name="good.pdf")
        DocumentText.objects.all().delete()
        out = io.StringIO()
        with self.assertLogs("policyshare.document_text", level=logging.WARNING):
            call_command("extract_document_text", stdout=out)
        self.assertEqual(out.getvalue().strip(), "2 documents: 1 extracted, 1 unreadable.")
        self.assertEqual(titles("zebracrossing"), [page.title])


class PolicyAttachmentTests(TestCase):
    def test_a_policys_attachment_is_searched_with_the_policy(self):
        with self.captureOnCommitCallbacks(execute=True):
            attached = document(report_pdf())
            policy = make.policy(
                title="Safer crossings", summary="Crossings near schools.", language="en"
            )
            PolicyAttachment.objects.create(page=policy, document=attached)
            policy.save_revision().publish()
        self.assertEqual(titles("zebracrossing"), [policy.title])
        self.assertTrue(DocumentUse.objects.filter(key=f"page:{policy.pk}").exists())


@pytest.mark.postgres
@unittest.skipUnless(connection.vendor == "postgresql", "the stored vector is PostgreSQL's")
class PostgresWeightTests(TestCase):
    def test_the_attached_text_is_weight_d_of_the_vector(self):
        with self.captureOnCommitCallbacks(execute=True):
            attached = document(report_pdf())
            page = make.post(
                title="Crossings", summary="Notes.", language="en", report_document=attached
            )
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT search_vector::text FROM portal_search_searchdocument WHERE page_id = %s",
                [page.pk],
            )
            vector = cursor.fetchone()[0]
        # D is the default weight: PostgreSQL prints no letter for it.
        self.assertRegex(vector, r"'zebracross':\d+(?![\dABC])")
        self.assertRegex(vector, r"'cross':\d+A")


class AlarmTests(TestCase):
    def test_the_alarm_interrupts_a_slow_page(self):
        def slow(*args, **kwargs):
            signal.pause()  # wakes only when the alarm fires

        with mock.patch("pypdf.PageObject.extract_text", slow):
            result = extraction.extract_pdf_text(report_pdf(), max_seconds=0.2)
        self.assertEqual(result.outcome, "timed_out")
        self.assertEqual(signal.getsignal(signal.SIGALRM), signal.SIG_DFL)
