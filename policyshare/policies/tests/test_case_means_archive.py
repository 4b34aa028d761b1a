"""The content archive carries a case's budget lines, how it was done, its lifecycle and the
exchange-rate table, and leaves out a successor that is not published."""

import datetime
import json
import tempfile
import zipfile
from decimal import Decimal
from io import StringIO
from pathlib import Path

from django.core.management import CommandError, call_command
from django.test import TestCase
from wagtail.models import Page, Site

from policyshare.core.tests import builders
from policyshare.opendata.archive import sha256
from policyshare.policies.models import BudgetLine, ExchangeRate, PolicyCase, Theme


class CaseMeansArchiveTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        sections = builders.sections(languages=("ko", "en"))
        library = sections["policies"]["en"]
        cls.rate = ExchangeRate.objects.create(
            currency="KRW", year=2019, units_per_usd=Decimal("1165.36"), source="Test table"
        )
        cls.successor = builders.make_policy(library=library, slug="next", title="Next")
        cls.draft = builders.make_policy(library=library, slug="draft", title="Draft")
        cls.policy = builders.make_policy(
            library=library,
            slug="buses",
            staff_fte=Decimal("2.5"),
            sdg_targets="11.2",
            obstacles=[("obstacle", {"obstacle": "Opposition", "response": "Talks"})],
            lifecycle=[
                (
                    "stage",
                    {
                        "status": "superseded",
                        "start": datetime.date(2020, 1, 1),
                        "end": None,
                        "reason": "Merged",
                    },
                )
            ],
            successor=cls.successor,
        )
        BudgetLine.objects.create(
            page=cls.policy, amount=Decimal("1165360"), currency="KRW", year=2019
        )
        cls.orphan = builders.make_policy(library=library, slug="orphan", successor=cls.draft)
        cls.draft.unpublish()

    def setUp(self):
        self.tmp = Path(self.enterContext(tempfile.TemporaryDirectory()))

    def export(self) -> Path:
        path = self.tmp / "export.zip"
        call_command("export_content", str(path), stdout=StringIO())
        return path

    def wipe(self):
        Page.objects.filter(depth__gt=1).delete()
        Site.objects.all().delete()
        Theme.objects.all().delete()
        ExchangeRate.objects.all().delete()

    def test_round_trip(self):
        archive = self.export()
        with zipfile.ZipFile(archive) as zipped:
            pages = {r["id"]: r["data"] for r in json.loads(zipped.read("pages.json"))}
            records = json.loads(zipped.read("records.json"))
        self.assertEqual(pages[self.orphan.pk]["successor"], None)
        self.assertEqual(pages[self.policy.pk]["successor"], self.successor.pk)
        self.assertEqual(records["policies"]["exchange_rates"][0]["currency"], "KRW")
        self.wipe()
        call_command("import_content", str(archive), stdout=StringIO())
        policy = PolicyCase.objects.get(pk=self.policy.pk)
        self.assertEqual(policy.successor_id, self.successor.pk)
        self.assertEqual(policy.lifecycle_status, "superseded")
        self.assertEqual(policy.sdg_targets, "11.2")
        self.assertEqual(policy.staff_fte, Decimal("2.5"))
        self.assertEqual(policy.obstacles[0].value["obstacle"], "Opposition")
        self.assertEqual(policy.costs().lines[0].usd, Decimal("1000.00"))
        rate = ExchangeRate.objects.get()
        self.assertEqual((rate.pk, rate.units_per_usd), (self.rate.pk, Decimal("1165.36")))

    def test_a_bad_rate_is_refused_and_nothing_is_written(self):
        archive = self.export()
        with zipfile.ZipFile(archive) as zipped:
            contents = {name: zipped.read(name) for name in zipped.namelist()}
        records = json.loads(contents["records.json"])
        records["policies"]["exchange_rates"][0]["units_per_usd"] = "-3"
        contents["records.json"] = json.dumps(records).encode()
        manifest = json.loads(contents["manifest.json"])
        manifest["files"]["records.json"] = sha256(contents["records.json"])
        contents["manifest.json"] = json.dumps(manifest).encode()
        bad = self.tmp / "bad.zip"
        with zipfile.ZipFile(bad, "w") as zipped:
            for name, data in contents.items():
                zipped.writestr(name, data)
        self.wipe()
        with self.assertRaisesMessage(CommandError, "Exchange rate 1 has a value that is not"):
            call_command("import_content", str(bad), stdout=StringIO())
        self.assertFalse(PolicyCase.objects.exists())
        self.assertFalse(ExchangeRate.objects.exists())
