"""Themes made before they had draft state (policies 0004, 0005) stay published, and the
groups that manage themes may publish them.

The test database is migrated back to `policies/0003`, a theme is made with the model as it
was then, and the database is migrated forward again (as `inquiries/tests/
test_migration_split.py` does).
"""

from django.apps import apps as django_apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import TransactionTestCase
from wagtail.models import Locale

from policyshare.policies.models import Theme

BEFORE = [("policies", "0003_policycase_featured_index")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()


class ThemeDraftStateMigrationTests(TransactionTestCase):
    serialized_rollback = True

    def _fixture_teardown(self):
        # As in inquiries/tests/test_migration_split.py: put back what the migrations made.
        ContentType.objects.clear_cache()
        ContentType.objects.get_for_models(*django_apps.get_models())
        super()._fixture_teardown()
        connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
        ContentType.objects.clear_cache()

    def setUp(self):
        self.addCleanup(migrate, None)

    def test_existing_themes_stay_live_and_editors_may_publish(self):
        locale = Locale.objects.get_or_create(language_code="ko")[0]
        publish = Permission.objects.filter(
            content_type__app_label="policies", codename="publish_theme"
        )
        migrate(BEFORE)
        old_apps = MigrationExecutor(connection).loader.project_state(BEFORE[0]).apps
        self.assertNotIn(
            "live", {f.name for f in old_apps.get_model("policies", "Theme")._meta.fields}
        )
        for group in Group.objects.filter(name__in=["Editors", "Moderators"]):
            group.permissions.remove(*publish)
        old = old_apps.get_model("policies", "Theme").objects.create(
            locale_id=locale.pk, name="교통", slug="transport"
        )

        migrate(None)

        theme = Theme.objects.get(pk=old.pk)
        self.assertTrue(theme.live)
        self.assertFalse(theme.has_unpublished_changes)
        self.assertIsNone(theme.latest_revision)
        self.assertEqual(list(Theme.objects.live()), [theme])
        for name in ("Editors", "Moderators"):
            with self.subTest(name):
                self.assertTrue(
                    Group.objects.get(name=name)
                    .permissions.filter(
                        content_type__app_label="policies", codename="publish_theme"
                    )
                    .exists()
                )
