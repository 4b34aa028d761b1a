"""Attachment downloads: the public link counts a download for the day and redirects to
Wagtail's serve view; nothing about the reader is kept; private documents stay private."""

from django.core.files.base import ContentFile
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from policyshare.contributors.selectors import DOCUMENTS_COLLECTION
from policyshare.core.models import DocumentDownloadDay
from policyshare.core.tests import builders

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120 Safari/537.36"


def make_document(title="Traffic safety plan", *, collection=None):
    extra = {"collection": collection} if collection else {}
    return get_document_model().objects.create(
        title=title, file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="plan.pdf"), **extra
    )


def download_path(document):
    return f"/downloads/{document.pk}/{document.filename}"


def downloads_today(document) -> int:
    row = DocumentDownloadDay.objects.filter(document=document, day=timezone.localdate()).first()
    return row.downloads if row else 0


class DownloadLinkTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.document = make_document()

    def get(self, path, **headers):
        return self.client.get(path, headers={"user-agent": BROWSER, **headers})

    def test_redirects_to_the_file_and_counts_each_download_of_the_day(self):
        response = self.get(download_path(self.document))
        self.assertEqual(response.status_code, 302)
        self.assertEqual(response["Location"], self.document.url)
        self.assertEqual(downloads_today(self.document), 1)
        self.get(download_path(self.document))
        self.assertEqual(downloads_today(self.document), 2)
        self.assertEqual(DocumentDownloadDay.objects.count(), 1)
        # The file itself comes from Wagtail's serve view, which checks privacy again.
        self.assertEqual(
            response["Location"],
            reverse("wagtaildocs_serve", args=[self.document.pk, self.document.filename]),
        )

    def test_the_redirect_is_cacheable_by_the_browser_only_and_sets_nothing(self):
        response = self.get(download_path(self.document))
        cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
        self.assertEqual(cache_control, {"private", "max-age=3600"})
        self.assertFalse(response.cookies)

    def test_nothing_personal_is_stored(self):
        fields = {field.name for field in DocumentDownloadDay._meta.get_fields()}
        self.assertEqual(fields, {"id", "document", "day", "downloads"})
        self.get(download_path(self.document), x_forwarded_for="203.0.113.9")
        stored = DocumentDownloadDay.objects.values_list("document", "day", "downloads")
        self.assertEqual(list(stored), [(self.document.pk, timezone.localdate(), 1)])

    def test_robots_and_blank_user_agents_are_redirected_but_not_counted(self):
        for agent in ("Googlebot/2.1 (+http://www.google.com/bot.html)", "curl/8.0", ""):
            with self.subTest(agent):
                response = self.client.get(
                    download_path(self.document), headers={"user-agent": agent}
                )
                self.assertEqual(response.status_code, 302)
        self.assertEqual(downloads_today(self.document), 0)

    def test_unknown_documents_and_wrong_names_are_not_found(self):
        for path in (
            f"/downloads/{self.document.pk + 1000}/plan.pdf",
            f"/downloads/{self.document.pk}/other.pdf",
        ):
            with self.subTest(path):
                self.assertEqual(self.get(path).status_code, 404)
        self.assertEqual(self.client.post(download_path(self.document)).status_code, 405)
        self.assertFalse(DocumentDownloadDay.objects.exists())

    def test_a_fixed_number_of_queries(self):
        self.get(download_path(self.document))  # the day's row exists from now on
        for _ in range(3):
            # The site (middleware), the document and its collection, the partner-city and
            # privacy checks, the UPDATE.
            with self.assertNumQueries(5):
                self.get(download_path(self.document))
        self.assertEqual(downloads_today(self.document), 4)


class PrivateDocumentTests(TestCase):
    """The download link never gets around Wagtail's collection privacy or the partner-city
    uploads awaiting approval, and counts nothing for a reader who is refused."""

    @classmethod
    def setUpTestData(cls):
        root = Collection.get_first_root_node()
        cls.staff_only = root.add_child(name="Staff only")
        CollectionViewRestriction.objects.create(
            collection=cls.staff_only, restriction_type=CollectionViewRestriction.LOGIN
        )
        cls.with_password = root.add_child(name="With password")
        CollectionViewRestriction.objects.create(
            collection=cls.with_password,
            restriction_type=CollectionViewRestriction.PASSWORD,
            password="seoul",
        )
        partners = root.add_child(name=DOCUMENTS_COLLECTION)
        cls.partner_collection = partners.add_child(name="Curitiba")
        cls.editor = builders.make_admin_user("editor", group="Editors")

    def get(self, path):
        return self.client.get(path, headers={"user-agent": BROWSER})

    def test_a_login_restricted_document_asks_for_a_login_and_counts_nothing(self):
        document = make_document("Internal memo", collection=self.staff_only)
        response = self.get(download_path(document))
        self.assertEqual(response.status_code, 302)
        self.assertIn("login", response["Location"])
        self.assertNotIn(document.file.url, response["Location"])
        self.assertIn("no-store", response["Cache-Control"])
        self.assertEqual(downloads_today(document), 0)
        # Signed in, the reader gets it, and the download counts.
        self.client.force_login(self.editor)
        response = self.get(download_path(document))
        self.assertEqual(response["Location"], document.url)
        self.assertIn("private", response["Cache-Control"])
        self.assertEqual(downloads_today(document), 1)

    def test_a_password_protected_document_shows_the_password_form(self):
        document = make_document("Draft budget", collection=self.with_password)
        response = self.get(download_path(document))
        self.assertEqual(response.status_code, 200)
        self.assertNotIn(document.file.url, response.content.decode())
        self.assertIn("password", response.content.decode().lower())
        self.assertIn("no-store", response["Cache-Control"])
        self.assertEqual(downloads_today(document), 0)

    def test_a_partner_upload_awaiting_approval_is_not_found(self):
        document = make_document("Curitiba bus plan", collection=self.partner_collection)
        self.assertEqual(self.get(download_path(document)).status_code, 404)
        self.assertEqual(downloads_today(document), 0)


class PublicTemplatesTests(TestCase):
    """Public pages link attachments through the counted download link."""

    @classmethod
    def setUpTestData(cls):
        sections = builders.sections(languages=("en",))
        cls.document = make_document()
        cls.policy = builders.make_policy(library=sections["policies"]["en"], title="Bus reform")
        cls.policy.attachments.create(document=cls.document)
        cls.policy.save_revision().publish()

    def test_a_policy_case_links_its_attachment_through_the_download_link(self):
        html = self.client.get(self.policy.url).content.decode()
        self.assertIn(f'href="{download_path(self.document)}"', html)
        self.assertNotIn(f'href="{self.document.url}"', html)

    def test_the_page_stays_the_same_for_everyone_and_the_link_counts(self):
        first = self.client.get(self.policy.url)
        self.assertEqual(first.status_code, 200)
        self.assertFalse(first.cookies)
        other = self.client_class().get(self.policy.url, headers={"user-agent": BROWSER})
        self.assertEqual(other.content, first.content)
        self.client.get(download_path(self.document), headers={"user-agent": BROWSER})
        self.assertEqual(downloads_today(self.document), 1)
