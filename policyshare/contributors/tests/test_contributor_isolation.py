"""Partner-city contributors of one organisation never see another organisation's uploads or
pages: not in the document chooser, not by download, not in the explorer, the page chooser,
the admin's page search or the site history, and a page form refuses their documents."""

import importlib.util
import shutil
import tempfile
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import TestCase, override_settings
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.log_actions import log
from wagtail.permissions import policy_registry

from policyshare.contributors import services as contributors
from policyshare.contributors.tests.test_contributors import page_form_data
from policyshare.core.tests import builders
from policyshare.core.tests.builders import make_editor
from policyshare.policies.models import PolicyAttachment, PolicyCase

NGINX_TEMPLATE = Path(__file__).resolve().parents[3] / "deploy" / "render_nginx.py"


def invite(email, organisation, invited_by):
    return contributors.invite_contributor(
        email=email,
        name="Partner Contributor",
        organisation=organisation,
        city="City",
        country="CO",
        language="en",
        invited_by=invited_by,
    ).user


def upload(user, title):
    """A PDF in the collection the contributor's upload form offers."""
    policy = policy_registry.get_by_type(get_document_model())
    collection = policy.collections_user_has_permission_for(user, "add").first()
    return get_document_model().objects.create(
        title=title,
        file=ContentFile(b"%PDF-1.7\n%%EOF\n", name=f"{title.lower().replace(' ', '-')}.pdf"),
        collection=collection,
        uploaded_by_user=user,
    )


def draft_case(library, owner, title, slug, document=None):
    """A case the contributor wrote and submitted: not live, as the admin leaves it."""
    case = PolicyCase(
        title=title, slug=slug, summary="In review.", period_start_year=2020, owner=owner
    )
    case.live = False
    library.add_child(instance=case)
    if document is not None:
        PolicyAttachment.objects.create(page=case, document=document)
    case.save_revision(user=owner)
    log(instance=case, action="wagtail.create", user=owner)
    return case


MEDIA_ROOT = tempfile.mkdtemp(prefix="policyshare-isolation-")


# Files on disk, as in production: Wagtail serves a document from its local path.
@override_settings(
    MEDIA_ROOT=MEDIA_ROOT,
    STORAGES={
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    },
)
class IsolationTests(TestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.addClassCleanup(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)

    @classmethod
    def setUpTestData(cls):
        cls.library = builders.sections()["policies"]["en"]
        editor = make_editor()
        cls.ana = invite("ana@bogota.example", "Alcaldía de Bogotá", editor)
        # Same organisation, typed differently: one organisation.
        cls.luis = invite("luis@bogota.example", "alcaldía de  Bogotá", editor)
        cls.bia = invite("bia@curitiba.example", "Prefeitura de Curitiba", editor)
        cls.bogota_doc = upload(cls.ana, "Bogota bike report")
        cls.curitiba_doc = upload(cls.bia, "Curitiba transit secrets")
        cls.bogota_case = draft_case(cls.library, cls.ana, "Bogota bike lanes", "bogota-bikes")
        cls.curitiba_case = draft_case(
            cls.library, cls.bia, "Curitiba transit draft", "curitiba-transit", cls.curitiba_doc
        )
        cls.moderator = get_user_model().objects.create_user("mod", "mod@example.org", "pw")
        cls.moderator.groups.add(Group.objects.get(name="Moderators"))

    # --- Document chooser --------------------------------------------------------------

    def test_chooser_lists_only_the_organisations_documents(self):
        self.client.force_login(self.ana)
        response = self.client.get("/admin/documents/chooser/")
        self.assertContains(response, "Bogota bike report")
        self.assertNotContains(response, "Curitiba transit secrets")

    def test_chooser_search_finds_only_the_organisations_documents(self):
        self.client.force_login(self.ana)
        response = self.client.get("/admin/documents/chooser/results/", {"q": "Curitiba"})
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "Curitiba transit secrets")
        response = self.client.get("/admin/documents/chooser/", {"q": "transit"})
        self.assertNotContains(response, "Curitiba transit secrets")

    def test_colleagues_of_one_organisation_share_its_documents(self):
        self.client.force_login(self.luis)
        response = self.client.get("/admin/documents/chooser/", {"q": "bike"})
        self.assertContains(response, "Bogota bike report")

    # --- Downloads ---------------------------------------------------------------------

    def test_an_unapproved_attachment_is_not_downloadable_by_the_public(self):
        self.assertEqual(self.client.get(self.curitiba_doc.url).status_code, 404)

    def test_an_unapproved_attachment_is_not_downloadable_by_another_organisation(self):
        self.client.force_login(self.ana)
        self.assertEqual(self.client.get(self.curitiba_doc.url).status_code, 404)

    def test_its_organisation_and_moderators_download_it_for_review(self):
        for user in (self.bia, self.moderator):
            self.client.force_login(user)
            response = self.client.get(self.curitiba_doc.url)
            self.assertEqual(response.status_code, 200, user)
            self.assertEqual(b"".join(response.streaming_content), b"%PDF-1.7\n%%EOF\n")

    def test_once_the_case_is_live_everyone_may_download_its_attachment(self):
        self.curitiba_case.save_revision(user=self.moderator).publish()
        response = self.client.get(self.curitiba_doc.url)
        self.assertEqual(response.status_code, 200)
        # The unattached upload of another organisation stays private.
        self.assertEqual(self.client.get(self.bogota_doc.url).status_code, 404)

    # --- Pages -------------------------------------------------------------------------

    def test_explorer_lists_only_the_organisations_pages(self):
        self.client.force_login(self.luis)
        response = self.client.get(reverse("wagtailadmin_explore", args=[self.library.pk]))
        self.assertContains(response, "Bogota bike lanes")
        self.assertNotContains(response, "Curitiba transit draft")

    def test_admin_page_search_finds_only_the_organisations_pages(self):
        self.client.force_login(self.ana)
        response = self.client.get(reverse("wagtailadmin_pages:search"), {"q": "transit"})
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "Curitiba transit draft")

    def test_page_chooser_offers_only_the_organisations_pages(self):
        self.client.force_login(self.ana)
        response = self.client.get(
            reverse("wagtailadmin_choose_page_child", args=[self.library.pk])
        )
        self.assertContains(response, "Bogota bike lanes")
        self.assertNotContains(response, "Curitiba transit draft")
        response = self.client.get(reverse("wagtailadmin_choose_page_search"), {"q": "transit"})
        self.assertNotContains(response, "Curitiba transit draft")

    def test_site_history_shows_only_the_organisations_pages(self):
        self.client.force_login(self.ana)
        response = self.client.get(reverse("wagtailadmin_reports:site_history"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Bogota bike lanes")
        self.assertNotContains(response, "Curitiba transit draft")

    def test_moderators_still_see_every_case(self):
        self.client.force_login(self.moderator)
        response = self.client.get(reverse("wagtailadmin_explore", args=[self.library.pk]))
        self.assertContains(response, "Bogota bike lanes")
        self.assertContains(response, "Curitiba transit draft")

    # --- Attaching by id ---------------------------------------------------------------

    def attachment(self, document):
        return {
            "attachments-TOTAL_FORMS": "1",
            "attachments-0-document": str(document.pk),
            "attachments-0-title": "",
            "attachments-0-ORDER": "1",
            "attachments-0-id": "",
            "attachments-0-DELETE": "",
        }

    def add_url(self):
        return reverse("wagtailadmin_pages:add", args=["policies", "policycase", self.library.pk])

    def test_another_organisations_document_id_is_refused_with_a_form_error(self):
        self.client.force_login(self.ana)
        response = self.client.post(
            self.add_url(), page_form_data(slug="stolen", **self.attachment(self.curitiba_doc))
        )
        self.assertEqual(response.status_code, 200)
        errors = response.context["form"].formsets["attachments"].errors
        self.assertEqual(list(errors[0]), ["document"], errors)
        self.assertFalse(PolicyCase.objects.filter(slug="stolen").exists())
        self.assertFalse(PolicyAttachment.objects.filter(page__slug="stolen").exists())

    def test_the_organisations_own_document_is_attached(self):
        self.client.force_login(self.luis)
        response = self.client.post(
            self.add_url(), page_form_data(slug="own", **self.attachment(self.bogota_doc))
        )
        self.assertEqual(response.status_code, 302)
        case = PolicyCase.objects.get(slug="own")
        self.assertEqual([a.document_id for a in case.attachments.all()], [self.bogota_doc.pk])


class NginxTests(TestCase):
    def render(self):
        spec = importlib.util.spec_from_file_location("render_nginx", NGINX_TEMPLATE)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module.render({"MEDIA_ROOT": "/srv/media"})

    def test_nginx_serves_no_document_from_disk(self):
        config = self.render()
        # The documents location is an exact-prefix one (^~: no regex location can take
        # the request) that answers 404 instead of reading the file.
        start = config.index("location ^~ /media/documents/ {")
        block = config[start : config.index("}", start)]
        self.assertIn("return 404;", block)
        self.assertNotIn("alias", block)
        self.assertNotIn("root ", block)
