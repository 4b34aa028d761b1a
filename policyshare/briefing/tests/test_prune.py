"""`manage.py prune_briefing_packs`: stored pack files unused for N days, obsolete ones and
files without a record go; the rest stay."""

import io
from datetime import timedelta
from unittest import mock

from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.test import TestCase, override_settings
from django.utils import timezone

from policyshare.briefing import services
from policyshare.briefing.models import StoredPack
from policyshare.briefing.selectors import pack_for
from policyshare.briefing.tests.test_packs import forget_stored_packs
from policyshare.core.cache import LIMITS
from policyshare.core.tests import builders
from policyshare.policies.models import PolicyCase


def fake_pdf(pack):
    return b"%PDF-1.7 " + pack.version.encode()


class PruneTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        library = builders.sections(languages=("ko",))["policies"]["ko"]
        cls.fresh, cls.old, cls.edited = (
            builders.make_policy(library=library, title=f"사례 {n}") for n in range(3)
        )

    def setUp(self):
        caches[LIMITS].clear()
        forget_stored_packs()
        # The files' content does not matter here: no WeasyPrint.
        self.enterContext(mock.patch("policyshare.briefing.render.render_pdf", fake_pdf))
        self.names = {
            case: services.render_and_store(ids=[case.pk], language="ko", fmt="pdf")
            for case in (self.fresh, self.old, self.edited)
        }
        StoredPack.objects.filter(name=self.names[self.old]).update(
            used_at=timezone.now() - timedelta(days=40)
        )
        page = PolicyCase.objects.get(pk=self.edited.pk)
        page.summary = "바뀐 요약"
        page.save_revision().publish()
        # A file from before the records (or left by a save that failed half-way).
        self.unrecorded = default_storage.save("briefing/0123456789abcdef.pdf", ContentFile(b"x"))

    def prune(self, *args):
        out = io.StringIO()
        call_command("prune_briefing_packs", *args, stdout=out)
        return out.getvalue()

    def stored(self):
        return set(services.stored_files())

    def test_unused_obsolete_and_unrecorded_files_go(self):
        with mock.patch.object(services, "UNRECORDED_GRACE", timedelta(0)):
            output = self.prune("--older-than", "30")
        self.assertEqual(self.stored(), {self.names[self.fresh]})
        self.assertEqual(
            output,
            "Deleted 3 stored pack file(s): 1 unused for 30 day(s), 1 obsolete, "
            "1 without a record; kept 1.\n",
        )
        self.assertEqual(
            list(StoredPack.objects.values_list("name", flat=True)), [self.names[self.fresh]]
        )
        # The kept pack is still sent without rendering.
        response = self.client.get(f"/ko/briefing/pack.pdf?ids={self.fresh.pk}")
        self.assertEqual(response.content, fake_pdf(pack_for([str(self.fresh.pk)], language="ko")))

    def test_a_file_being_saved_is_not_taken_for_an_unrecorded_one(self):
        self.prune("--older-than", "30")
        self.assertIn(self.unrecorded, self.stored())

    def test_a_download_keeps_a_pack(self):
        self.client.get(f"/ko/briefing/pack.pdf?ids={self.old.pk}")
        self.prune("--older-than", "30")
        self.assertIn(self.names[self.old], self.stored())
        self.prune("--older-than", "1")
        self.assertIn(self.names[self.old], self.stored())

    def test_an_unpublished_case_makes_its_packs_obsolete(self):
        PolicyCase.objects.get(pk=self.fresh.pk).unpublish()
        self.prune()
        self.assertNotIn(self.names[self.fresh], self.stored())

    @override_settings(BRIEFING_PACK_KEEP_DAYS=45)
    def test_the_default_comes_from_the_setting(self):
        self.assertIn("0 unused for 45 day(s)", self.prune())
        self.assertIn(self.names[self.old], self.stored())

    def test_a_layout_change_makes_every_pack_obsolete(self):
        with mock.patch("policyshare.briefing.services.LAYOUT_VERSION", 999):
            self.assertIn("3 obsolete", self.prune())
        self.assertFalse(StoredPack.objects.exists())

    def test_bad_input_is_refused_and_deletes_nothing(self):
        before = self.stored()
        for args in (["--older-than", "0"], ["--older-than", "-3"], ["--older-than", "soon"]):
            with self.subTest(args=args), self.assertRaises(CommandError) as raised:
                self.prune(*args)
            self.assertIn("--older-than", str(raised.exception))
        self.assertEqual(self.stored(), before)
        self.assertEqual(StoredPack.objects.count(), 3)

    def test_non_zero_exit_on_the_command_line(self):
        from policyshare.briefing.management.commands.prune_briefing_packs import Command

        stderr = io.StringIO()
        command = Command(stdout=io.StringIO(), stderr=stderr)
        # run_from_argv closes every database connection when it ends, as a process about to
        # exit may; here that would close the test's own connection (PostgreSQL) under the
        # tests that follow.
        with (
            mock.patch("django.core.management.base.connections.close_all"),
            self.assertRaises(SystemExit) as exited,
        ):
            command.run_from_argv(["manage.py", "prune_briefing_packs", "--older-than", "0"])
        self.assertNotEqual(exited.exception.code, 0)
        self.assertIn("at least 1 day", stderr.getvalue())
