"""The split of `inquiries` (its migration 0011 and the new apps' 0001-0003) keeps a database
made before it whole: every row, key and relation, and every group's permissions.

The test database is migrated back to `inquiries/0010` (the code before the split), filled
through the models as they were then, and migrated forward again; then the same content is
read through today's models. It runs on SQLite and on PostgreSQL (table renames and the
identity sequences behind the primary keys differ between them).
"""

from datetime import date

from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import TransactionTestCase
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks_db.models import DBTaskResult
from wagtail.models import Collection

from policyshare.contributors.models import ContributingOrganisation, PartnerContributor
from policyshare.cooperation_requests.models import (
    CooperationRequest,
    ReferenceCounter,
    RequestEvent,
)
from policyshare.cooperation_requests.tests.builders import make_request
from policyshare.core.tests import builders
from policyshare.mail.models import OutgoingMail
from policyshare.mail.tasks import deliver_mail
from policyshare.newsletter.models import DigestItem, NewsletterSubscription

BEFORE = [
    ("inquiries", "0010_outgoingmail_next_attempt_at"),
    ("cooperation_requests", None),
    ("newsletter", None),
    ("contributors", None),
    ("mail", None),
]
MOVED_TABLES = {
    "inquiries_referencecounter": "cooperation_requests_referencecounter",
    "inquiries_cooperationrequest": "cooperation_requests_cooperationrequest",
    "inquiries_cooperationrequest_policies": "cooperation_requests_cooperationrequest_policies",
    "inquiries_requestevent": "cooperation_requests_requestevent",
    "inquiries_requestreply": "cooperation_requests_requestreply",
    "inquiries_requestnote": "cooperation_requests_requestnote",
    "inquiries_newslettersubscription": "newsletter_newslettersubscription",
    "inquiries_digestitem": "newsletter_digestitem",
    "inquiries_contributingorganisation": "contributors_contributingorganisation",
    "inquiries_partnercontributor": "contributors_partnercontributor",
    "inquiries_outgoingmail": "mail_outgoingmail",
}


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()


class SplitMigrationTests(TransactionTestCase):
    serialized_rollback = True

    def _fixture_teardown(self):
        # As in core/tests/test_backup.py: put back the content types, groups and pages the
        # migrations made, which the tests that run after this one rely on. The content-type
        # cache is filled first (from rows whose ids the migrations kept): signal handlers
        # that run while the rows are put back look content types up, and with an empty
        # cache they would insert rows that the restored ones then collide with.
        ContentType.objects.clear_cache()
        ContentType.objects.get_for_models(*django_apps.get_models())
        super()._fixture_teardown()
        connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
        ContentType.objects.clear_cache()

    def setUp(self):
        # Whatever happens, later tests get the schema of today's code back.
        self.addCleanup(migrate, None)

    def make_content_outside_the_moved_apps(self):
        """Users, groups, pages and a collection: made with today's models before migrating
        back (deleting or saving a page with them afterwards would reach the new tables)."""
        User = get_user_model()
        self.handler = User.objects.create_user("handler", "handler@example.org")
        self.handler.groups.add(Group.objects.get(name="Request handlers"))
        self.editor = User.objects.create_user("editor", "editor@example.org")
        self.editor.groups.add(Group.objects.get(name="Editors"))
        self.contributor_user = User.objects.create_user("ana", "ana@example.org")
        sections = builders.sections(languages=("en",))
        self.policy = builders.make_policy(library=sections["policies"]["en"], slug="buses")
        self.organisation_group = Group.objects.create(name="Contributors: Alcaldía de Bogotá")
        self.contributor_user.groups.add(self.organisation_group)
        self.collection = Collection.get_first_root_node().add_child(name="Alcaldía de Bogotá")
        self.all_moved = Group.objects.create(name="Everything about requests")
        # A mail task queued by the old code but not yet run, and one that ran.
        queued = {
            "task_path": "policyshare.inquiries.tasks.deliver_mail",
            "args_kwargs": {"args": [], "kwargs": {"mail_id": 1, "attempt": 0}},
            "backend_name": "default",
            "run_after": timezone.now(),
            "exception_class_path": "",
            "traceback": "",
        }
        self.waiting_task = DBTaskResult.objects.create(status="READY", **queued)
        self.finished_task = DBTaskResult.objects.create(status="SUCCESSFUL", **queued)

    def make_content_before_the_split(self, old_apps):
        """Rows of every moved model, made with the models as they were at inquiries/0010."""
        model = lambda name: old_apps.get_model("inquiries", name)  # noqa: E731
        request = model("CooperationRequest").objects.create(
            reference="PS-2026-000007",
            kind="study_visit",
            status="assigned",
            language="en",
            name="Ana Gómez",
            organisation="Alcaldía de Bogotá",
            city="Bogotá",
            country="CO",
            email="ana@example.org",
            topic="Bus reform",
            meeting_language="en",
            date_from=date(2027, 3, 1),
            participants=12,
            access_token_hash="a" * 64,
            assigned_to_id=self.handler.pk,
        )
        request.policies.add(self.policy.pk)
        model("ReferenceCounter").objects.create(year=2026, last_number=7)
        model("RequestEvent").objects.create(
            request=request, kind="status_changed", from_status="received", to_status="assigned"
        )
        model("RequestReply").objects.create(request=request, author_id=self.handler.pk, body="Hi")
        model("RequestNote").objects.create(request=request, author_id=self.handler.pk, body="N")
        model("OutgoingMail").objects.create(
            to="ana@example.org", subject="Received", body="Your link", request=request
        )
        model("OutgoingMail").objects.create(to="x@example.org", subject="Digest", body="…")
        subscription = model("NewsletterSubscription").objects.create(
            email="reader@example.org",
            language="en",
            theme_slugs=["housing"],
            status="active",
            consent_given_at=timezone.now(),
        )
        model("DigestItem").objects.create(subscription=subscription, page_id=self.policy.pk)
        organisation = model("ContributingOrganisation").objects.create(
            name="Alcaldía de Bogotá",
            group_id=self.organisation_group.pk,
            collection_id=self.collection.pk,
        )
        model("PartnerContributor").objects.create(
            user_id=self.contributor_user.pk,
            organisation="Alcaldía de Bogotá",
            contributing_organisation=organisation,
            city="Bogotá",
            country="CO",
            invited_by_id=self.editor.pk,
        )
        # A group given every permission of the moved models, as an administrator may have.
        self.all_moved.permissions.set(
            Permission.objects.filter(content_type__app_label="inquiries")
        )
        self.all_moved_before = set(self.all_moved.permissions.values_list("pk", flat=True))
        self.assertGreaterEqual(len(self.all_moved_before), 3)
        return request, subscription, organisation

    def test_rows_keys_and_permissions_survive_the_split(self):
        self.make_content_outside_the_moved_apps()
        migrate(BEFORE)
        old_apps = MigrationExecutor(connection).loader.project_state(BEFORE[0]).apps
        tables = set(connection.introspection.table_names())
        self.assertLessEqual(set(MOVED_TABLES), tables)
        self.assertFalse(set(MOVED_TABLES.values()) & tables)
        old_types = dict(
            ContentType.objects.filter(app_label="inquiries").values_list("model", "pk")
        )
        # The data migrations 0002, 0004 and 0006 made these three (and their groups).
        self.assertLessEqual(
            {"cooperationrequest", "partnercontributor", "newslettersubscription"},
            set(old_types),
        )
        old_request, old_subscription, old_organisation = self.make_content_before_the_split(
            old_apps
        )

        migrate(None)

        tables = set(connection.introspection.table_names())
        self.assertLessEqual(set(MOVED_TABLES.values()), tables)
        self.assertFalse(set(MOVED_TABLES) & tables)

        # Rows, with their primary keys and every relation.
        request = CooperationRequest.objects.get(pk=old_request.pk)
        self.assertEqual(request.reference, "PS-2026-000007")
        self.assertEqual(request.kind, "study_visit")
        self.assertEqual(request.assigned_to, self.handler)
        self.assertEqual(request.participants, 12)
        self.assertEqual(list(request.policies.all()), [self.policy.specific])
        self.assertEqual(
            list(request.events.values_list("from_status", "to_status")),
            [("received", "assigned")],
        )
        self.assertEqual(
            [(r.author, r.body) for r in request.replies.all()], [(self.handler, "Hi")]
        )
        self.assertEqual([(n.author, n.body) for n in request.notes.all()], [(self.handler, "N")])
        self.assertEqual(ReferenceCounter.objects.get(year=2026).last_number, 7)
        self.assertEqual(
            set(OutgoingMail.objects.values_list("subject", "request")),
            {("Received", request.pk), ("Digest", None)},
        )
        subscription = NewsletterSubscription.objects.get(pk=old_subscription.pk)
        self.assertEqual(subscription.theme_slugs, ["housing"])
        self.assertEqual(
            list(subscription.sent_items.values_list("page", flat=True)), [self.policy.pk]
        )
        organisation = ContributingOrganisation.objects.get(pk=old_organisation.pk)
        self.assertEqual(organisation.group, self.organisation_group)
        contributor = PartnerContributor.objects.get(user=self.contributor_user)
        self.assertEqual(contributor.contributing_organisation, organisation)
        self.assertEqual(contributor.invited_by, self.editor)
        self.assertEqual(list(organisation.contributors.all()), [contributor])

        # Content types renamed in place: same ids, so permissions and log entries follow.
        self.assertFalse(ContentType.objects.filter(app_label="inquiries").exists())
        for model, pk in old_types.items():
            moved = ContentType.objects.get(pk=pk)
            self.assertNotEqual(moved.app_label, "inquiries")
            self.assertEqual(moved.model_class()._meta.model_name, model)
        self.assertEqual(
            ContentType.objects.get_for_model(CooperationRequest).pk,
            old_types["cooperationrequest"],
        )
        User = get_user_model()
        handler = User.objects.get(pk=self.handler.pk)  # no cached permissions
        self.assertTrue(handler.has_perm("cooperation_requests.handle_requests"))
        editor = User.objects.get(pk=self.editor.pk)
        self.assertTrue(editor.has_perm("contributors.invite_contributors"))
        self.assertTrue(editor.has_perm("newsletter.send_newsletter"))
        self.assertFalse(editor.has_perm("cooperation_requests.handle_requests"))
        # The group given every permission of the moved models holds the same ones, each
        # under its new app label.
        after = set(self.all_moved.permissions.values_list("pk", "content_type__app_label"))
        self.assertEqual({pk for pk, _label in after}, self.all_moved_before)
        self.assertEqual(
            {label for _pk, label in after},
            {"cooperation_requests", "newsletter", "contributors", "mail"},
        )
        contributor_user = User.objects.get(pk=self.contributor_user.pk)
        self.assertEqual(contributor_user.partner_contributor, contributor)

        # The worker finds the waiting task under its new path; history stays as it was.
        self.waiting_task.refresh_from_db()
        self.assertEqual(self.waiting_task.task_path, "policyshare.mail.tasks.deliver_mail")
        self.assertIs(import_string(self.waiting_task.task_path), deliver_mail)
        self.finished_task.refresh_from_db()
        self.assertEqual(self.finished_task.task_path, "policyshare.inquiries.tasks.deliver_mail")

        # New rows after the old ones: the primary-key sequences came along with the tables.
        new_request, _token = make_request()
        self.assertGreater(new_request.pk, request.pk)
        self.assertEqual(new_request.events.count(), 1)
        self.assertGreater(RequestEvent.objects.latest("pk").pk, request.events.get().pk)
        self.assertEqual(DigestItem.objects.count(), 1)
