"""Policy sharing in export_content / import_content: a lossless round trip into an empty
database, compared field by field, and bad records refused with nothing written."""

import json
import tempfile
import zipfile
from datetime import date, datetime
from decimal import Decimal
from io import StringIO
from pathlib import Path

from django.core.management import CommandError, call_command
from django.db.models import ManyToManyField
from django.test import TestCase
from wagtail.models import Page, Site

from policyshare.core.tests import builders
from policyshare.opendata.archive import MANIFEST, sha256
from policyshare.partners.models import Partner
from policyshare.policies.models import Theme
from policyshare.sharing.models import (
    City,
    CityRelationship,
    CooperationProjectPage,
    FirmInterest,
    Network,
    PolicyTransfer,
    ProjectDocument,
    ProjectParticipant,
    ProjectRelation,
    ProjectResult,
    ProjectSource,
    TenderNotice,
    TransferOutcome,
    TransferSource,
    TransferStage,
)

from .builders import make_city, make_project, make_relationship, make_seoul, make_transfer

# Every sharing model, with what identifies its rows across databases: records keep their ids;
# child rows are compared by their parent and position.
RECORD_MODELS = [Network, City, PolicyTransfer, FirmInterest, TenderNotice]
CHILD_MODELS = {
    CityRelationship: "city_id",
    TransferStage: "transfer_id",
    TransferOutcome: "transfer_id",
    TransferSource: "transfer_id",
    ProjectParticipant: "page_id",
    ProjectResult: "page_id",
    ProjectDocument: "page_id",
    ProjectRelation: "page_id",
    ProjectSource: "page_id",
}
PROJECT_FIELDS = [
    "title",
    "slug",
    "summary",
    "description",
    "status",
    "activity_id",
    "planned_start",
    "actual_start",
    "planned_end",
    "actual_end",
    "budget_amount",
    "budget_currency",
    "budget_source",
    "illustrative",
    "translation_key",
    "locale_id",
]


def field_values(obj, *, leave_out=()) -> dict:
    values = {
        field.attname: getattr(obj, field.attname)
        for field in obj._meta.concrete_fields
        if field.attname not in leave_out
    }
    for field in obj._meta.many_to_many:
        values[field.name] = sorted(getattr(obj, field.name).values_list("pk", flat=True))
    for field in obj._meta.private_fields:  # modelcluster's ParentalManyToManyField
        if isinstance(field, ManyToManyField):
            values[field.name] = sorted(getattr(obj, field.name).values_list("pk", flat=True))
    return values


def snapshot() -> dict:
    """Every sharing record and project page, field by field."""
    data = {}
    for model in RECORD_MODELS:
        data[model._meta.label] = [field_values(obj) for obj in model.objects.order_by("pk")]
    for model, parent in CHILD_MODELS.items():
        data[model._meta.label] = sorted(
            (field_values(row, leave_out=("id",)) for row in model.objects.all()),
            key=lambda row, parent=parent: (row[parent], row["sort_order"] or 0),
        )
    data["projects"] = [
        {name: getattr(page, name) for name in PROJECT_FIELDS}
        | {
            "cities": sorted(page.cities.values_list("pk", flat=True)),
            "policies": sorted(page.policies.values_list("pk", flat=True)),
        }
        for page in CooperationProjectPage.objects.order_by("pk")
    ]
    return data


def build_sharing():
    """Records of every kind, with every field filled in somewhere."""
    sections = builders.sections()
    library = sections["policies"]["ko"]
    policy = builders.make_policy(library=library, title="교통카드", slug="transport-card")
    policy_en = builders.translate_page(policy, language="en", title="Transport card")
    firm = builders.make_partner(language="en", name="Korea Smart Card", kind="private")
    citynet = Network.objects.create(
        acronym="CITYNET", name="CITYNET Asia Pacific", website="https://citynet-ap.org"
    )
    metropolis = Network.objects.create(acronym="Metropolis", name="Metropolis")
    seoul = make_seoul()
    ub = make_city(
        slug="ulaanbaatar",
        names={"ko": "울란바토르", "en": "Ulaanbaatar", "ar": "أولان باتور"},
        population=1_672_627,
        population_year=2023,
        population_source="National Statistics Office of Mongolia",
        income_group="lower_middle",
        climate_zone="continental",
        geonames_id=2028462,
    )
    ub.networks.add(citynet, metropolis)
    ub.save()
    make_relationship(
        city=ub, kind="friendship", signed_year=2009, signed_on=date(2009, 3, 11), status="active"
    )
    make_relationship(
        city=ub, kind="memorandum", signed_year=2016, illustrative=True, source_url=""
    )
    bogota = make_city(slug="bogota", country="CO", time_zone="America/Bogota", latitude=4.711)
    darkhan = make_city(slug="darkhan", longitude=105.95)
    project = make_project(
        section=sections["sharing"]["en"],
        title="Ulaanbaatar transport card",
        slug="ub-card",
        cities=[ub],
        policies=[policy_en],
        status="closed",
        description='<p>A <a href="https://example.org">card</a> system.</p>',
        planned_start=date(2014, 1, 1),
        actual_start=date(2014, 3, 1),
        planned_end=date(2016, 12, 31),
        actual_end=date(2017, 2, 1),
        budget_amount=Decimal("1500000.00"),
        budget_currency="USD",
        budget_source="KOICA",
        activity_id="UB-CARD",
    )
    other = make_project(section=sections["sharing"]["en"], slug="other", status="pipeline")
    ProjectParticipant.objects.create(
        page=project,
        sort_order=0,
        name="Ulaanbaatar City",
        role="partner_city",
        organisation_type="11",
        city=ub,
    )
    ProjectParticipant.objects.create(
        page=project, sort_order=1, name="KOICA", role="funding", organisation_ref="KR-GOV-010"
    )
    ProjectResult.objects.create(
        page=project,
        sort_order=0,
        title="Card use",
        indicator="Share of trips paid by card",
        unit="%",
        baseline=Decimal("0"),
        baseline_year=2014,
        target=Decimal("80"),
        target_year=2016,
        actual=Decimal("92.5"),
        actual_year=2017,
        source_url="https://example.org/results",
    )
    ProjectDocument.objects.create(
        page=project, sort_order=0, title="Final report", url="https://example.org/r.pdf"
    )
    ProjectRelation.objects.create(page=project, sort_order=0, related=other, kind="3")
    ProjectSource.objects.create(
        page=project,
        sort_order=0,
        title="News release",
        url="https://example.org/release",
        publisher="SMG",
        published_on=date(2017, 3, 2),
    )
    root = make_transfer(
        policy=policy,
        source_city=seoul,
        target_city=ub,
        project=project,
        channel="project",
        mode="adaptation",
        summary={"ko": "교통카드 체계", "en": "The card system", "fr": "La carte"},
        stages=(
            ("interest", date(2013, 5, 1)),
            ("agreement", date(2014, 1, 15)),
            ("implemented", date(2015, 11, 30)),
        ),
    )
    TransferOutcome.objects.create(
        transfer=root,
        sort_order=0,
        indicator={"en": "Card users", "ko": "카드 이용자"},
        unit="people",
        baseline=Decimal("0"),
        baseline_year=2014,
        value=Decimal("850000.5"),
        year=2018,
        evidence_url="https://example.org/evidence",
        evidence_note="City report",
    )
    TransferSource.objects.filter(transfer=root).update(
        publisher="SMG", published_on=date(2016, 1, 2)
    )
    onward = make_transfer(
        policy=policy_en,
        source_city=ub,
        target_city=darkhan,
        parent=root,
        channel="study_visit",
        mode="inspiration",
        illustrative=True,
        sources=(),
        stages=(
            ("interest", date(2018, 1, 1)),
            ("not_pursued", date(2019, 1, 1), "No budget"),
        ),
    )
    make_transfer(policy=policy, source_city=seoul, target_city=bogota, mode="copy")
    FirmInterest.objects.create(
        firm=firm, city=ub, policy=policy, note={"en": "We run card systems"}, public=True
    )
    # Not public: not published, so not exported either (like a draft).
    FirmInterest.objects.create(firm=firm, city=bogota, declared_on=date(2024, 5, 6), public=False)
    TenderNotice.objects.create(
        title={"en": "Bus depot", "ko": "버스 차고지"},
        summary={"en": "A depot for 200 buses"},
        city=ub,
        country="MN",
        sector="Transport",
        buyer="Ulaanbaatar City",
        source_name="UNDB",
        source_url="https://example.org/tender",
        published_on=date(2025, 1, 2),
        deadline=datetime.fromisoformat("2025-03-04T05:06:07.123456+08:00"),
        status="awarded",
    )
    TenderNotice.objects.create(
        title={"en": "Traffic lights"},
        country="CO",
        source_name="SECOP",
        source_url="https://example.org/t2",
        published_on=date(2025, 2, 1),
        deadline=datetime.fromisoformat("2025-04-01T00:00:00+00:00"),
        illustrative=True,
    )
    return {"onward": onward, "root": root}


def delete_everything():
    """What a freshly migrated database holds."""
    TenderNotice.objects.all().delete()
    FirmInterest.objects.all().delete()
    while PolicyTransfer.objects.exists():  # descendants first: a parent is protected
        PolicyTransfer.objects.filter(children__isnull=True).delete()
    Page.objects.filter(depth__gt=1).delete()
    Site.objects.all().delete()
    City.objects.all().delete()
    Network.objects.all().delete()
    Theme.objects.all().delete()
    Partner.objects.all().delete()


def change_records(source: Path, target: Path, change) -> Path:
    """A copy of an archive with its sharing records changed and the checksum made to match."""
    with zipfile.ZipFile(source) as archive:
        contents = {name: archive.read(name) for name in archive.namelist()}
    records = json.loads(contents["records.json"])
    change(records["sharing"])
    contents["records.json"] = json.dumps(records).encode()
    manifest = json.loads(contents[MANIFEST])
    manifest["files"]["records.json"] = sha256(contents["records.json"])
    contents[MANIFEST] = json.dumps(manifest).encode()
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in contents.items():
            archive.writestr(name, data)
    return target


def city_record(sharing, slug):
    return next(record for record in sharing["cities"] if record["slug"] == slug)


def transfer_record(sharing, pk):
    return next(record for record in sharing["transfers"] if record["id"] == pk)


class SharingRoundTripTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.content = build_sharing()

    def setUp(self):
        self.tmp = Path(self.enterContext(tempfile.TemporaryDirectory()))
        self.archive = self.tmp / "export.zip"
        call_command("export_content", str(self.archive), stdout=StringIO())

    def test_import_into_an_empty_database_gives_identical_records(self):
        before = snapshot()
        self.assertEqual(len(before["sharing.PolicyTransfer"]), 3)
        before["sharing.FirmInterest"] = [
            row for row in before["sharing.FirmInterest"] if row["public"]
        ]
        self.assertEqual(len(before["sharing.TransferStage"]), 7)
        delete_everything()
        self.assertFalse(City.objects.exists())
        call_command("import_content", str(self.archive), stdout=StringIO())
        after = snapshot()
        for label in before:
            self.assertEqual(before[label], after[label], label)
        # And what the import made exports the same again.
        again = self.tmp / "again.zip"
        call_command("export_content", str(again), stdout=StringIO())
        with zipfile.ZipFile(self.archive) as first, zipfile.ZipFile(again) as second:
            self.assertEqual(first.read("records.json"), second.read("records.json"))
        # New records get fresh ids (the sequences moved past the archive's).
        self.assertGreater(make_city().pk, max(row["id"] for row in before["sharing.City"]))

    def test_archive_names_cities_by_slug_and_policies_by_translation_key(self):
        with zipfile.ZipFile(self.archive) as archive:
            sharing = json.loads(archive.read("records.json"))["sharing"]
            manifest = json.loads(archive.read(MANIFEST))
        onward = transfer_record(sharing, self.content["onward"].pk)
        self.assertEqual((onward["source_city"], onward["target_city"]), ("ulaanbaatar", "darkhan"))
        self.assertEqual(onward["parent"], self.content["root"].pk)
        self.assertEqual(onward["policy"]["language"], "en")
        self.assertEqual(manifest["version"], 2)
        self.assertEqual(manifest["counts"]["sharing.transfers"], 3)
        # Only public interests are published, and so exported.
        self.assertEqual(len(sharing["firm_interests"]), 1)

    def test_a_draft_policys_transfers_and_their_descendants_are_left_out(self):
        self.content["root"].policy.unpublish()
        call_command("export_content", str(self.archive), stdout=StringIO())
        with zipfile.ZipFile(self.archive) as archive:
            sharing = json.loads(archive.read("records.json"))["sharing"]
        # The root's policy (ko) is a draft: the root, its descendant (whose policy is the
        # published English version) and the Bogotá transfer go.
        self.assertEqual(sharing["transfers"], [])


class SharingRefusalTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.content = build_sharing()

    def setUp(self):
        self.tmp = Path(self.enterContext(tempfile.TemporaryDirectory()))
        self.archive = self.tmp / "good.zip"
        call_command("export_content", str(self.archive), stdout=StringIO())
        delete_everything()

    def assertRefused(self, change, message):
        path = change_records(self.archive, self.tmp / "bad.zip", change)
        pages_before = Page.objects.count()
        with self.assertRaisesMessage(CommandError, message):
            call_command("import_content", str(path), stdout=StringIO())
        self.assertEqual(Page.objects.count(), pages_before)
        for model in [*RECORD_MODELS, Partner]:
            self.assertFalse(model.objects.exists(), model)

    def test_the_good_archive_imports(self):
        call_command("import_content", str(self.archive), stdout=StringIO())
        self.assertEqual(PolicyTransfer.objects.count(), 3)

    def test_a_transfer_to_itself(self):
        def change(sharing):
            transfer_record(sharing, self.content["root"].pk)["target_city"] = "seoul"

        self.assertRefused(change, "goes from a city to itself (seoul)")

    def test_a_lineage_cycle(self):
        root, onward = self.content["root"].pk, self.content["onward"].pk

        def change(sharing):
            record = transfer_record(sharing, root)
            record["parent"] = onward
            record["source_city"] = "darkhan"  # so that only the cycle is wrong

        self.assertRefused(change, f"Policy transfers {root} → {onward} → {root} form a cycle")

    def test_a_stage_dated_before_the_previous_one(self):
        def change(sharing):
            stages = transfer_record(sharing, self.content["root"].pk)["stages"]
            stages[2]["reached_on"] = "2012-01-01"

        self.assertRefused(change, "“Implemented” is dated before the stage before it.")

    def test_an_unknown_city_slug(self):
        def change(sharing):
            transfer_record(sharing, self.content["onward"].pk)["target_city"] = "atlantis"

        self.assertRefused(change, "names a city, 'atlantis', that is not in the archive")

    def test_an_unknown_city_in_a_tender(self):
        def change(sharing):
            sharing["tenders"][0]["city"] = "atlantis"

        self.assertRefused(change, "Tender notice")

    def test_an_unknown_policy(self):
        def change(sharing):
            transfer_record(sharing, self.content["root"].pk)["policy"]["language"] = "fr"

        self.assertRefused(change, "names a policy that is not in the archive")

    def test_script_urls_and_bad_values_are_refused_like_the_rest_of_the_import(self):
        for change, message in [
            (
                lambda s: city_record(s, "ulaanbaatar")["relationships"][0].update(
                    source_url="javascript:alert(1)"
                ),
                "source_url: Enter a valid URL.",
            ),
            (
                lambda s: transfer_record(s, self.content["root"].pk)["sources"][0].update(
                    url="javascript:alert(1)"
                ),
                "url: Enter a valid URL.",
            ),
            (lambda s: s["cities"][0].update(time_zone="Mars/Olympus"), "time_zone"),
            (lambda s: s["cities"][0]["names"].update(xx="?"), "is not a content language"),
            (lambda s: s["tenders"][0].update(status="maybe"), "status"),
            (lambda s: s["cities"][0].update(owner=1), "is not a record of"),
            (lambda s: s["networks"][0].update(acronym=["A"]), "acronym: not text"),
            (
                lambda s: transfer_record(s, self.content["root"].pk).update(parent=[1]),
                "has a parent that is not an id",
            ),
            (lambda s: s["tenders"][0].update(city=["x"]), "names a city, ['x']"),
        ]:
            with self.subTest(message=message):
                self.assertRefused(change, message)

    def test_a_project_page_naming_a_city_not_in_the_archive(self):
        def change(sharing):
            sharing["cities"] = [c for c in sharing["cities"] if c["slug"] == "seoul"]
            sharing["transfers"] = []
            sharing["firm_interests"] = []
            sharing["tenders"] = []

        self.assertRefused(change, "which is not in the archive")


class OlderArchiveTests(TestCase):
    """Version 1 archives, from before records.json, are still read."""

    def test_a_version_1_archive_imports(self):
        builders.make_policy(library=builders.sections()["policies"]["ko"], slug="bikes")
        tmp = Path(self.enterContext(tempfile.TemporaryDirectory()))
        path = tmp / "v2.zip"
        call_command("export_content", str(path), stdout=StringIO())
        with zipfile.ZipFile(path) as archive:
            contents = {name: archive.read(name) for name in archive.namelist()}
        manifest = json.loads(contents.pop(MANIFEST))
        del contents["records.json"]
        del manifest["files"]["records.json"]
        manifest["version"] = 1
        old = tmp / "v1.zip"
        with zipfile.ZipFile(old, "w") as archive:
            archive.writestr(MANIFEST, json.dumps(manifest))
            for name, data in contents.items():
                archive.writestr(name, data)
        delete_everything()
        call_command("import_content", str(old), stdout=StringIO())
        self.assertTrue(Page.objects.filter(slug="bikes").exists())
        self.assertFalse(City.objects.exists())
