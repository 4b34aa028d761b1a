"""Migration inquiries/0009: existing contributors' uploads move to their organisation's own
collection, and the shared group loses its permission on the shared collection."""

import importlib

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.test import TestCase
from wagtail.documents import get_document_model
from wagtail.models import Collection, GroupCollectionPermission
from wagtail.permissions import policy_registry

from policyshare.contributors.models import ContributingOrganisation, PartnerContributor

migration = importlib.import_module(
    "policyshare.inquiries.migrations.0009_contributors_documents_per_organisation"
)


class AppsAfterTheSplit:
    """The app registry as the migration asks it, at the time these models were in
    `inquiries`: they are in `contributors` now (migration inquiries/0011), the same tables."""

    moved = {"partnercontributor": "contributors", "contributingorganisation": "contributors"}

    def get_model(self, app_label, model_name):
        if app_label == "inquiries":
            app_label = self.moved[model_name.lower()]
        return apps.get_model(app_label, model_name)


class DocumentsPerOrganisationMigrationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        # The state before: one shared collection that the "Contributors" group may add to
        # and choose from, as `ensure_contributor_access` set it up.
        cls.shared = Collection.get_first_root_node().add_child(name="Partner-city documents")
        cls.group = Group.objects.get(name="Contributors")  # migration 0004
        for codename in ("add_document", "choose_document"):
            GroupCollectionPermission.objects.create(
                group=cls.group,
                collection=cls.shared,
                permission=Permission.objects.get(
                    codename=codename, content_type__app_label="wagtaildocs"
                ),
            )
        User = get_user_model()
        cls.ana, cls.luis, cls.bia, cls.staff = (
            User.objects.create_user(name, f"{name}@example.org")
            for name in ("ana", "luis", "bia", "staff")
        )
        for user, organisation in (
            (cls.ana, "Alcaldía de Bogotá"),
            (cls.luis, " alcaldía de Bogotá"),
            (cls.bia, "Prefeitura de Curitiba"),
        ):
            user.groups.add(cls.group)
            PartnerContributor.objects.create(
                user=user, organisation=organisation, city="City", country="CO"
            )
        cls.docs = {
            user.username: get_document_model().objects.create(
                title=f"{user.username} upload",
                file=ContentFile(b"%PDF-1.7\n", name=f"{user.username}.pdf"),
                collection=cls.shared,
                uploaded_by_user=user,
            )
            for user in (cls.ana, cls.luis, cls.bia, cls.staff)
        }

    def migrate(self):
        migration.split_by_organisation(AppsAfterTheSplit(), None)
        self.shared.refresh_from_db()
        for document in self.docs.values():
            document.refresh_from_db()

    def test_each_organisation_gets_its_collection_and_its_contributors_documents(self):
        self.migrate()
        bogota, curitiba = ContributingOrganisation.objects.order_by("name")
        self.assertEqual(bogota.name, "Alcaldía de Bogotá")
        self.assertEqual(
            set(bogota.contributors.values_list("user__username", flat=True)), {"ana", "luis"}
        )
        self.assertEqual(bogota.collection.get_parent(), self.shared)
        self.assertEqual(self.docs["ana"].collection, bogota.collection)
        self.assertEqual(self.docs["luis"].collection, bogota.collection)
        self.assertEqual(self.docs["bia"].collection, curitiba.collection)
        # A staff upload in the shared collection stays where it was.
        self.assertEqual(self.docs["staff"].collection, self.shared)
        # The tree is sound: treebeard finds the new collections under the shared one.
        self.assertEqual(
            list(self.shared.get_children().order_by("name")),
            [bogota.collection, curitiba.collection],
        )

    def test_contributors_choose_only_their_organisations_documents_afterwards(self):
        self.migrate()
        policy = policy_registry.get_by_type(get_document_model())
        for user in (self.ana, self.luis, self.bia):
            user = get_user_model().objects.get(pk=user.pk)  # no cached permissions
            choosable = set(
                policy.instances_user_has_any_permission_for(user, ["choose"]).values_list(
                    "title", flat=True
                )
            )
            expected = {"bia upload"} if user.username == "bia" else {"ana upload", "luis upload"}
            self.assertEqual(choosable, expected, user.username)
        self.assertFalse(
            GroupCollectionPermission.objects.filter(
                group=self.group, permission__content_type__app_label="wagtaildocs"
            ).exists()
        )

    def test_running_it_again_changes_nothing(self):
        self.migrate()
        self.migrate()
        self.assertEqual(ContributingOrganisation.objects.count(), 2)
        self.assertEqual(self.shared.get_children().count(), 2)
