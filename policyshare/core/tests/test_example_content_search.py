"""The worked example, search: a new page type with no search code of its own is found.

`exampleapp.Notice` lists its fields in Wagtail's `search_fields` and overrides nothing of
`policyshare.core.content.search`; the defaults make it a result of kind "page", dated by its
first publication, with its summary opening the snippet.
"""

from django.test import TestCase
from django.utils import timezone, translation

from policyshare.core.tests.exampleapp.models import Notice
from policyshare.home.services import ensure_site
from policyshare.search.models import SearchDocument

QUERY = "lighthouse"


class NoticeInSearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        # Documents are written when a transaction commits; a TestCase never commits.
        with cls.captureOnCommitCallbacks(execute=True):
            home = ensure_site(languages=("ko", "en"))["en"]
            cls.notice = Notice(
                title="Harbour notice",
                slug="harbour-notice",
                summary="The old lighthouse reopens to visitors in spring.",
                body="Guided tours start at the harbour office every morning.",
            )
            home.add_child(instance=cls.notice)
            cls.notice.save_revision().publish()
        cls.notice.refresh_from_db()

    def test_the_document_describes_a_plain_page(self):
        document = SearchDocument.objects.get(page=self.notice)
        published = self.notice.first_published_at
        with translation.override("en"):
            self.assertEqual(
                (document.kind, document.get_kind_display(), document.language),
                ("page", "Page", "en"),
            )
        # The day of first publication in Seoul time (TIME_ZONE), and its year.
        self.assertEqual(document.date, timezone.localdate(published))
        self.assertEqual(document.year, document.date.year)
        self.assertTrue(document.text.startswith("The old lighthouse reopens"))
        self.assertIn("Guided tours", document.text)

    def test_found_on_the_search_page_with_its_summary(self):
        response = self.client.get("/en/search/", {"q": QUERY})
        hits = response.context["outcome"].hits
        self.assertEqual([hit.document.title for hit in hits], ["Harbour notice"])
        self.assertIn("The old <mark>lighthouse</mark> reopens", str(hits[0].snippet))
        self.assertContains(response, self.notice.url)
        kinds = {value.value: value.label for value in response.context["outcome"].facets["kind"]}
        self.assertEqual(kinds, {"page": "Page"})

    def test_found_by_the_api_with_its_summary(self):
        data = self.client.get("/api/v1/search", {"q": QUERY, "type": "page"}).json()
        self.assertEqual([r["title"] for r in data["results"]], ["Harbour notice"])
        result = data["results"][0]
        self.assertEqual((result["type"], result["lang"]), ("page", "en"))
        self.assertIn("The old <mark>lighthouse</mark> reopens", result["snippet"])
        self.assertTrue(result["url"].endswith(self.notice.url))

    def test_gone_once_unpublished(self):
        with self.captureOnCommitCallbacks(execute=True):
            self.notice.unpublish()
        self.assertFalse(SearchDocument.objects.filter(page=self.notice).exists())
        response = self.client.get("/en/search/", {"q": QUERY})
        self.assertEqual(response.context["outcome"].hits, [])
        self.assertEqual(self.client.get("/api/v1/search", {"q": QUERY}).json()["results"], [])
