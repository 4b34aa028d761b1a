"""Indicators made with "before"/"after" values (policies 0005) become baselines, targets
and achieved values (0006), nothing lost, and back.

The test database is migrated back to 0005, rows are made with the model as it was then
(and a page revision holding them, as a draft does), then the database is migrated forward
and back again (as `test_migration_theme_draft_state.py` does).
"""

import io
from contextlib import redirect_stdout
from decimal import Decimal

from django.apps import apps as django_apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import TransactionTestCase
from wagtail.models import Revision

from policyshare.core.tests import builders
from policyshare.policies.models import OutcomeIndicator

BEFORE = [("policies", "0005_editors_and_moderators_publish_themes")]
AFTER = [("policies", "0006_outcome_indicator_baseline_target_achieved")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()


OLD_ROWS = [
    # name, before, after, year → what it becomes
    ("Road deaths per 100,000 residents (2021 target)", "3.700", "1.800", 2021),
    ("인구 10만 명당 교통사고 사망자 (2021년 목표)", "3.700", "1.800", 2021),
    ("Bus speed", "11.500", "20.000", 2010),
    ("목표 달성률", None, "85.000", 2020),  # target and result: undecided
    ("Members of the citizen group", None, "100.000", None),  # achieved without a year
    ("Only a value before", "5.000", None, None),
    ("Metadata sets published", None, "4.000", 2017),  # "meta" inside a word: achieved
]


class OutcomeIndicatorMigrationTests(TransactionTestCase):
    serialized_rollback = True

    def _fixture_teardown(self):
        ContentType.objects.clear_cache()
        ContentType.objects.get_for_models(*django_apps.get_models())
        super()._fixture_teardown()
        connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
        ContentType.objects.clear_cache()

    def setUp(self):
        self.addCleanup(migrate, None)

    def test_forward_and_back(self):
        sections = builders.sections(languages=("ko",))
        policy = builders.make_policy(library=sections["policies"]["ko"], slug="old")
        migrate(BEFORE)
        old_apps = MigrationExecutor(connection).loader.project_state(BEFORE[0]).apps
        OldIndicator = old_apps.get_model("policies", "OutcomeIndicator")
        ids = []
        for position, (name, before, after, year) in enumerate(OLD_ROWS):
            row = OldIndicator.objects.create(
                page_id=policy.pk,
                sort_order=position,
                name=name,
                value_before=Decimal(before) if before else None,
                value_after=Decimal(after) if after else None,
                year=year,
                unit="u",
                source="SMG",
            )
            ids.append(row.pk)
        # A draft revision holds the old rows as JSON.
        revision = Revision.objects.filter(object_id=str(policy.pk)).latest("pk")
        revision.content["indicators"] = [
            {"pk": ids[0], "name": OLD_ROWS[0][0], "value_before": "3.700",
             "value_after": "1.800", "year": 2021, "unit": "u", "source": "SMG",
             "sort_order": 0, "page": policy.pk},
        ]  # fmt: skip
        revision.save()

        report = io.StringIO()
        with redirect_stdout(report):
            migrate(AFTER)
        rows = {row.pk: row for row in OutcomeIndicator.objects.filter(pk__in=ids)}
        deaths, deaths_ko, bus, rate, members, only_before, metadata = (rows[i] for i in ids)
        for row in (deaths, deaths_ko):
            self.assertEqual(
                (row.baseline_value, row.baseline_year, row.target_value, row.target_year),
                (Decimal("3.7"), None, Decimal("1.8"), 2021),
            )
            self.assertEqual((row.achieved, row.direction, row.review_note), ([], "lower", ""))
        self.assertEqual(bus.baseline_value, Decimal("11.5"))
        self.assertIsNone(bus.target_value)
        self.assertEqual(bus.achieved, [{"year": 2010, "value": "20"}])
        self.assertEqual(bus.direction, "higher")
        self.assertEqual(metadata.achieved, [{"year": 2017, "value": "4"}])
        self.assertEqual((only_before.baseline_value, only_before.review_note), (5, ""))
        # The undecided: value kept in the note, reported by the migration.
        for row, reason in (
            (rate, "the name says both target and result"),
            (members, "an achieved value needs a year and it has none"),
        ):
            self.assertIsNone(row.target_value)
            self.assertEqual(row.achieved, [])
            self.assertIn(reason, row.review_note)
            self.assertIn(f"page {policy.pk}, row {row.pk}", report.getvalue())
        self.assertIn("value 85 (year 2020)", rate.review_note)
        self.assertIn("value 100 (year unknown)", members.review_note)
        self.assertIn("Outcome indicators to check (2;", report.getvalue())
        # The draft's copy was changed the same way.
        revision.refresh_from_db()
        (draft_row,) = revision.content["indicators"]
        self.assertEqual((draft_row["target_value"], draft_row["target_year"]), ("1.800", 2021))
        self.assertNotIn("value_after", draft_row)
        # Read back as a page by today's model, whose later migrations add its other fields.
        migrate(None)
        revision.refresh_from_db()
        draft = revision.as_object()
        self.assertEqual(draft.indicators.get().target_value, Decimal("1.8"))

        migrate(BEFORE)
        old_apps = MigrationExecutor(connection).loader.project_state(BEFORE[0]).apps
        OldIndicator = old_apps.get_model("policies", "OutcomeIndicator")
        restored = {
            row.pk: (row.name, row.value_before, row.value_after, row.year)
            for row in OldIndicator.objects.filter(pk__in=ids)
        }
        for pk, (name, before, after, year) in zip(ids, OLD_ROWS, strict=True):
            self.assertEqual(
                restored[pk],
                (
                    name,
                    Decimal(before) if before else None,
                    Decimal(after) if after else None,
                    year,
                ),
            )
        revision.refresh_from_db()
        self.assertEqual(revision.content["indicators"][0]["value_after"], "1.800")
