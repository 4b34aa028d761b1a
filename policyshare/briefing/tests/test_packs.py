"""Briefing packs: choosing cases, what is left out and why, limits, caching and the queue."""

import io
import logging
from decimal import Decimal
from unittest import mock
from urllib.parse import urlencode

from django.core.cache import caches
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import PageViewRestriction

from policyshare.briefing import services
from policyshare.briefing.selectors import MAX_CASES, pack_for
from policyshare.core.cache import LIMITS
from policyshare.core.tests import builders
from policyshare.policies.models import PolicyCase

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def forget_stored_packs():
    """The tests' storage lives as long as the process: each test starts without packs."""
    if default_storage.exists("briefing"):
        for name in default_storage.listdir("briefing")[1]:
            default_storage.delete(f"briefing/{name}")


def query(*ids) -> str:
    return urlencode([("ids", pk) for pk in ids])


class PackTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        sections = builders.sections(languages=("ko", "en"))
        cls.library = sections["policies"]["ko"]
        cls.cases = [
            builders.make_policy(
                library=cls.library,
                title=f"사례 {n}",
                budget="100억 원",
                lessons="<p>교훈 <b>&amp;</b> 시사점</p>",
                department="교통정책과",
                contact_email="traffic@example.org",
                indicators=[
                    {
                        "name": "사망자",
                        "unit": "명",
                        "direction": "lower",
                        "baseline_value": Decimal("3.7"),
                        "baseline_year": 2015,
                        "target_value": Decimal("1.8"),
                        "target_year": 2021,
                        "achieved": [{"year": 2019, "value": "2.6"}],
                    }
                ],
            )
            for n in range(3)
        ]
        cls.english = builders.translate_page(cls.cases[0], language="en", title="Case zero")
        cls.draft = builders.make_policy(library=cls.library, title="비공개 사례")
        cls.draft.unpublish()
        cls.private = builders.make_policy(library=cls.library, title="로그인 사례")
        PageViewRestriction.objects.create(
            page=cls.private, restriction_type=PageViewRestriction.LOGIN
        )

    def setUp(self):
        caches[LIMITS].clear()
        forget_stored_packs()

    def test_pack_page_lists_the_cases_and_links_the_files(self):
        ids = [case.pk for case in self.cases]
        response = self.client.get(f"/ko/briefing/?{query(*ids)}")
        self.assertEqual(response.status_code, 200)
        for case in self.cases:
            self.assertContains(response, case.title)
        self.assertContains(response, f"/ko/briefing/pack.pdf?{query(*ids)}".replace("&", "&amp;"))
        self.assertContains(response, "/ko/briefing/pack.docx?")

    def test_reader_gets_the_case_in_their_language(self):
        with translation.override("en"):
            response = self.client.get(f"/en/briefing/?{query(self.cases[0].pk)}")
        self.assertContains(response, "Case zero")
        self.assertNotContains(response, "사례 0")

    def test_unknown_unpublished_private_and_malformed_ids_are_left_out_and_said(self):
        ids = [self.cases[0].pk, 999999, self.draft.pk, self.private.pk, "x1"]
        with translation.override("en"):
            response = self.client.get(f"/en/briefing/?{query(*ids)}")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Case zero")
        self.assertNotContains(response, "비공개 사례")
        self.assertNotContains(response, "로그인 사례")
        self.assertContains(response, "4 chosen cases are not published or do not exist")

    def test_at_most_twenty_cases_with_a_message(self):
        ids = [case.pk for case in self.cases] + list(range(900000, 900000 + MAX_CASES))
        pack = pack_for([str(pk) for pk in ids], language="ko")
        self.assertEqual(pack.over_limit, 3)
        self.assertEqual(pack.ids, [case.pk for case in self.cases])
        self.assertEqual(len(pack.left_out), MAX_CASES - 3)
        with translation.override("en"):
            response = self.client.get(f"/en/briefing/?{query(*ids)}")
        self.assertContains(response, "A pack holds at most 20 cases: 3 cases beyond that")

    def test_an_empty_pack_offers_no_download(self):
        with translation.override("en"):
            response = self.client.get("/en/briefing/?ids=999999")
            self.assertNotContains(response, "pack.pdf")
            self.assertContains(response, "No case is chosen")
            self.assertEqual(self.client.get("/en/briefing/pack.pdf?ids=999999").status_code, 404)
            self.assertEqual(
                self.client.get(f"/en/briefing/case/{self.draft.pk}.pdf").status_code, 404
            )

    def test_the_pack_reads_a_fixed_number_of_queries(self):
        few = [str(case.pk) for case in self.cases[:1]]
        many = [str(case.pk) for case in self.cases]
        with CaptureQueriesContext(connection) as one:
            pack_for(few, language="en")
        with CaptureQueriesContext(connection) as three:
            pack_for(many, language="en")
        self.assertEqual(len(one), len(three))
        self.assertLessEqual(len(three), 8)

    def test_files_are_kept_by_content_version(self):
        ids = [self.cases[1].pk, self.cases[2].pk]
        first = self.client.get(f"/ko/briefing/pack.pdf?{query(*ids)}")
        self.assertEqual(first.status_code, 200)
        self.assertEqual(first["Content-Type"], "application/pdf")
        self.assertTrue(first.content.startswith(b"%PDF"))
        with mock.patch("policyshare.briefing.render.render_pdf") as render:
            again = self.client.get(f"/ko/briefing/pack.pdf?{query(*ids)}")
        render.assert_not_called()
        self.assertEqual(again.content, first.content)
        old = pack_for([str(pk) for pk in ids], language="ko")
        page = PolicyCase.objects.get(pk=self.cases[1].pk)
        page.summary = "바뀐 요약"
        page.save_revision().publish()
        new = pack_for([str(pk) for pk in ids], language="ko")
        self.assertNotEqual(old.version, new.version)
        self.assertNotEqual(new.version, pack_for([str(pk) for pk in ids], language="en").version)
        self.assertFalse(default_storage.exists(services.stored_name(new, "pdf")))
        self.assertEqual(self.client.get(f"/ko/briefing/pack.pdf?{query(*ids)}").status_code, 200)
        self.assertTrue(default_storage.exists(services.stored_name(new, "pdf")))

    def test_docx_holds_the_cases(self):
        from docx import Document

        response = self.client.get(f"/ko/briefing/pack.docx?{query(self.cases[0].pk)}")
        self.assertEqual(response.status_code, 200)
        document = Document(io.BytesIO(response.content))
        text = "\n".join(p.text for p in document.paragraphs)
        self.assertIn("사례 0", text)
        self.assertIn("교훈 & 시사점", text)
        self.assertIn("100억 원", text)  # the budget note
        # The outcomes table: baseline, achieved and target with their years, and the verdict.
        cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        self.assertIn("사망자", cells)
        for figure in ("3.7 (2015)", "2.6 (2019)", "1.8 (2021)"):
            self.assertIn(figure, cells)
        self.assertIn("목표 미달성", cells)  # "Target not met": 2.6 in 2019, 1.8 due by 2021

    def test_one_case_pdf_at_a_stable_address(self):
        response = self.client.get(f"/ko/briefing/case/{self.cases[0].pk}.pdf")
        self.assertEqual(response.status_code, 200)
        self.assertIn(f'filename="policy-{self.cases[0].pk}.pdf"', response["Content-Disposition"])

    @override_settings(BRIEFING_RATE_LIMIT=1)
    def test_renders_are_rate_limited_but_stored_packs_are_not(self):
        a, b = self.cases[0].pk, self.cases[1].pk
        self.assertEqual(self.client.get(f"/ko/briefing/pack.pdf?ids={a}").status_code, 200)
        with translation.override("en"):
            refused = self.client.get(f"/en/briefing/pack.pdf?ids={b}")
        self.assertEqual(refused.status_code, 429)
        self.assertIn("Retry-After", refused)
        self.assertContains(refused, "Too many briefing packs", status_code=429)
        # The first pack is stored: sending it again renders nothing and costs nothing.
        self.assertEqual(self.client.get(f"/ko/briefing/pack.pdf?ids={a}").status_code, 200)


@override_settings(TASKS=DATABASE_QUEUE)
class QueuedRenderTests(TestCase):
    """As in production: the request queues the render; the worker makes the file."""

    @classmethod
    def setUpTestData(cls):
        sections = builders.sections(languages=("ko", "en"))
        cls.case = builders.make_policy(library=sections["policies"]["ko"], title="대기 사례")

    def setUp(self):
        caches[LIMITS].clear()
        forget_stored_packs()

    def work(self):
        with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
            call_command(
                "db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=io.StringIO()
            )

    def test_a_page_says_the_pack_is_being_prepared_then_the_file_comes(self):
        url = f"/en/briefing/pack.pdf?ids={self.case.pk}"
        with translation.override("en"):
            pending = self.client.get(url)
            self.assertEqual(pending.status_code, 202)
            self.assertContains(pending, "being prepared", status_code=202)
            self.assertContains(pending, '<meta http-equiv="refresh" content="5">', status_code=202)
            # Asking again while it is queued queues nothing more and counts nothing.
            self.assertEqual(self.client.get(url).status_code, 202)
        from django_tasks_db.models import DBTaskResult

        renders = DBTaskResult.objects.filter(task_path__endswith="render_pack")
        self.assertEqual(renders.count(), 1)
        self.assertEqual(self.client.get(url).status_code, 202)
        self.work()
        done = self.client.get(url)
        self.assertEqual(done.status_code, 200)
        self.assertTrue(done.content.startswith(b"%PDF"))

    def test_the_waiting_page_turns_into_the_failure_page(self):
        from django_tasks import TaskResultStatus
        from django_tasks_db.models import DBTaskResult

        url = f"/en/briefing/pack.pdf?ids={self.case.pk}"
        self.assertEqual(self.client.get(url).status_code, 202)
        with (
            mock.patch("policyshare.briefing.render.render_pdf", side_effect=failing_render),
            self.assertLogs("policyshare.briefing.services", "ERROR"),
        ):
            self.work()
        task = DBTaskResult.objects.get(task_path__endswith="render_pack")
        self.assertEqual(task.status, TaskResultStatus.FAILED)
        self.assertEqual(self.client.get(url).status_code, 503)
        # Try again: queued anew, and the page says it is being prepared.
        self.client.get(f"{url}&retry=1")
        self.assertEqual(self.client.get(url).status_code, 202)
        self.assertEqual(DBTaskResult.objects.filter(task_path__endswith="render_pack").count(), 2)


def failing_render(pack):
    # The message quotes content, as a renderer's might: it must reach no log.
    raise OSError(f"cannot draw {pack.policies[0].title} for jane.doe@example.org")


class FailedRenderTests(TestCase):
    """A render that fails is logged (no content), and readers are told at once."""

    @classmethod
    def setUpTestData(cls):
        sections = builders.sections(languages=("ko", "en"))
        cls.case = builders.make_policy(library=sections["policies"]["ko"], title="실패 사례")

    def setUp(self):
        caches[LIMITS].clear()
        forget_stored_packs()

    def assert_nothing_personal(self, records):
        for record in records:
            text = logging.Formatter().format(record)
            self.assertNotIn("jane.doe", text)
            self.assertNotIn("실패 사례", text)

    def test_the_render_itself_records_the_failure_and_raises(self):
        pack = pack_for([str(self.case.pk)], language="ko")
        # The queued marker is cleared whatever happens.
        caches[LIMITS].set(services._queued_key(pack, "pdf"), 1)
        with (
            mock.patch("policyshare.briefing.render.render_pdf", side_effect=failing_render),
            self.assertLogs("policyshare.briefing.services", "ERROR") as logs,
            self.assertRaises(services.RenderFailed) as raised,
        ):
            services.render_and_store(ids=[self.case.pk], language="ko", fmt="pdf")
        self.assertIn("OSError", str(raised.exception))
        self.assertNotIn("jane.doe", str(raised.exception))
        [line] = logs.output
        self.assertIn(f"version={pack.version} format=pdf language=ko cases=1", line)
        self.assertIn("error=OSError at test_packs.py:", line)
        self.assert_nothing_personal(logs.records)
        self.assertIsNotNone(services.failed_at(pack, "pdf"))
        self.assertFalse(services.is_queued(pack, "pdf"))
        self.assertFalse(default_storage.exists(services.stored_name(pack, "pdf")))

    def test_the_reader_gets_a_page_with_a_retry_link_then_the_retry_renders_again(self):
        url = f"/en/briefing/pack.pdf?ids={self.case.pk}"
        with (
            translation.override("en"),
            mock.patch("policyshare.briefing.render.render_pdf", side_effect=failing_render),
            self.assertLogs("policyshare.briefing.services", "ERROR") as logs,
            self.assertLogs("django_tasks", "ERROR") as task_logs,
        ):
            failed = self.client.get(url)
        self.assertEqual(failed.status_code, 503)
        self.assertTrue(0 < int(failed["Retry-After"]) <= services.FAILED_SECONDS)
        self.assertContains(failed, "could not be made", status_code=503)
        self.assertContains(failed, f'href="{url}&amp;retry=1"', status_code=503)
        self.assertNotContains(failed, "http-equiv", status_code=503)  # no reloading
        self.assertIn("Briefing pack render failed", "\n".join(logs.output))
        self.assert_nothing_personal(logs.records + task_logs.records)
        # Asked again, the failure is said again: nothing is queued or rendered meanwhile.
        with mock.patch("policyshare.briefing.render.render_pdf") as render:
            self.assertEqual(self.client.get(url).status_code, 503)
        render.assert_not_called()
        # "Try again" forgets the failure and goes back to the file's own address, which
        # renders anew (here the renderer works again).
        retry = self.client.get(f"{url}&retry=1")
        self.assertRedirects(retry, url, fetch_redirect_response=False)
        done = self.client.get(url)
        self.assertEqual(done.status_code, 200)
        self.assertTrue(done.content.startswith(b"%PDF"))

    def test_a_one_case_pdf_that_fails_links_its_retry(self):
        url = f"/ko/briefing/case/{self.case.pk}.pdf"
        with (
            mock.patch("policyshare.briefing.render.render_pdf", side_effect=failing_render),
            self.assertLogs("policyshare.briefing.services", "ERROR"),
        ):
            failed = self.client.get(url)
        self.assertContains(failed, f'href="{url}?retry=1"', status_code=503)
