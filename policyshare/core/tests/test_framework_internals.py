"""The framework internals the serving layer keeps (`policyshare.core.framework_internals`)
still work as the installed Django and Wagtail do: a test here fails on an upgrade that
breaks one, and names it."""

import threading

from django.core.files.base import ContentFile
from django.db import connection
from django.test import RequestFactory, TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model
from wagtail.models import Page, Site

from policyshare.core.framework_internals import (
    PreparedRead,
    has_unsaved_relation,
    remember_site,
    site_key,
)
from policyshare.core.selectors import read_page
from policyshare.core.tests import builders
from policyshare.policies.models import (
    OutcomeIndicator,
    PolicyAttachment,
    PolicyCase,
    RelatedPolicy,
    Theme,
    _reads,
)
from policyshare.translations.selectors import VERSION_FIELDS, _versions_read


def rows(objects) -> list:
    return [
        (type(obj), obj.pk, {k: v for k, v in vars(obj).items() if not k.startswith("_")})
        for obj in objects
    ]


class PreparedReadTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        sections = builders.sections()
        library = sections["policies"]["en"]
        themes = [builders.make_theme(language="en") for _ in range(3)]
        cls.policy = builders.make_policy(
            library=library,
            themes=themes,
            indicators=[
                {
                    "name": f"Indicator {n}",
                    "baseline_value": "1.5",
                    "target_value": "2",
                    "unit": "%",
                }
                for n in range(3)
            ],
        )
        cls.other = builders.make_policy(library=library, indicators=[{"name": "Other"}])
        for n in range(2):
            related = builders.make_policy(library=library)
            RelatedPolicy.objects.create(page=cls.policy, policy=related, sort_order=n)
        document = get_document_model().objects.create(
            title="Report", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="report.pdf")
        )
        PolicyAttachment.objects.create(page=cls.policy, document=document, sort_order=0)
        cls.translation = builders.translate_page(cls.policy, language="ko", title="번역")

    def test_each_policy_read_gives_what_its_queryset_gives(self):
        reads = _reads()
        for policy in (self.policy, self.other):
            pk = policy.pk
            with self.subTest(policy=policy.slug):
                self.assertEqual(
                    rows(reads.indicators(pk)),
                    rows(OutcomeIndicator.objects.filter(page_id=pk)),
                )
                self.assertEqual(
                    rows(reads.attachments(pk)),
                    rows(PolicyAttachment.objects.filter(page_id=pk).select_related("document")),
                )
                self.assertEqual(
                    [(link.pk, link.policy.title, link.policy.url) for link in reads.related(pk)],
                    [(link.pk, link.policy.title, link.policy.url) for link in
                     RelatedPolicy.objects.filter(page_id=pk).order_by("sort_order")],
                )  # fmt: skip
                self.assertEqual(rows(reads.themes(pk)), rows(Theme.objects.filter(policies=pk)))
        self.assertEqual(len(reads.indicators(self.policy.pk)), 3)
        self.assertEqual(reads.indicators(10**9), [])

    def test_the_sql_is_built_once(self):
        reads = _reads()
        reads.indicators(self.other.pk)
        prepared = reads.indicators._prepared[connection.alias]
        reads.indicators(self.policy.pk)
        self.assertIs(reads.indicators._prepared[connection.alias], prepared)

    def test_pages_are_read_with_locale_and_view_count_in_one_query(self):
        with CaptureQueriesContext(connection) as queries:
            by_pk = read_page(PolicyCase, pk=self.policy.pk)
            by_path = read_page(PolicyCase, slug=self.policy.slug, url_path=self.policy.url_path)
            self.assertEqual(by_pk.locale.language_code, "en")
            self.assertEqual(by_path.views, 0)
        self.assertEqual(len(queries), 2)
        self.assertEqual((by_pk.pk, by_path.pk), (self.policy.pk, self.policy.pk))
        self.assertEqual(by_pk.summary, self.policy.summary)
        self.assertIsNone(read_page(PolicyCase, slug=self.policy.slug, url_path="/elsewhere/"))

    def test_pages_are_read_with_what_they_have(self):
        # `other_versions_exist` for every page, `PolicyCase.read_annotations` for a policy:
        # the prepared read gives what the database holds.
        policy, other = (read_page(PolicyCase, pk=page.pk) for page in (self.policy, self.other))
        relations = ("indicators", "attachments", "related_policies", "themes", "budget_lines")
        self.assertEqual(
            [policy.other_versions_exist, *(getattr(policy, f"has_stored_{r}") for r in relations)],
            [True, True, True, True, True, False],
        )
        self.assertEqual(
            [other.other_versions_exist, *(getattr(other, f"has_stored_{r}") for r in relations)],
            [False, True, False, False, False, False],
        )
        self.assertTrue(read_page(PolicyCase, pk=self.translation.pk).other_versions_exist)

    def test_versions(self):
        versions = _versions_read()(self.policy.translation_key)
        expected = (
            Page.objects.filter(translation_key=self.policy.translation_key)
            .select_related("locale")
            .only(*VERSION_FIELDS)
        )
        self.assertEqual(sorted(v.pk for v in versions), sorted(v.pk for v in expected))
        self.assertEqual(
            {v.locale.language_code: v.url for v in versions},
            {"en": self.policy.url, "ko": self.translation.url},
        )

    def test_a_preview_shows_its_own_unsaved_indicators(self):
        page = PolicyCase.objects.get(pk=self.policy.pk)
        page.indicators = [OutcomeIndicator(name="Only in the draft")]
        response = page.make_preview_request(RequestFactory().get("/"), "")
        self.assertContains(response, "Only in the draft")
        self.assertNotContains(response, "Indicator 0")

    def test_modelcluster_keeps_unsaved_rows_where_has_unsaved_relation_looks(self):
        page = PolicyCase.objects.get(pk=self.policy.pk)
        self.assertFalse(has_unsaved_relation(page, "indicators"))
        page.indicators = [OutcomeIndicator(name="Only in the draft")]
        self.assertTrue(has_unsaved_relation(page, "indicators"))
        self.assertFalse(has_unsaved_relation(page, "attachments"))

    def test_a_queryset_that_changes_a_value_is_refused(self):
        field = PolicyCase._meta.get_field("slug")
        read = PreparedRead(
            PolicyCase, lambda slug: PolicyCase.objects.filter(slug__startswith=slug), [field]
        )
        with self.assertRaisesMessage(ValueError, "must appear once"):
            read("x")


class ThreadTests(TestCase):
    """Prepared once, in one thread; run in others, on their own connections (Django refuses
    a connection used outside the thread that opened it). Other threads see only what is
    committed: the tree's root page, which the migrations made."""

    def test_other_threads_use_their_own_connection(self):
        root = Page.objects.get(depth=1)
        self.assertEqual(read_page(Page, pk=root.pk).pk, root.pk)  # prepared here
        results, errors = [], []

        def run():
            try:
                results.append(read_page(Page, pk=root.pk).pk)
            except Exception as error:  # noqa: BLE001 - reported below
                errors.append(error)
            finally:
                connection.close()

        threads = [threading.Thread(target=run) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(errors, [])
        self.assertEqual(results, [root.pk] * 4)


class SiteOnRequestTests(TestCase):
    """Wagtail keeps the request's site and the sites' root paths on the request; if it stops
    reading them from where `remember_site` puts them, the site would be looked up again on
    every request (and these fail)."""

    @classmethod
    def setUpTestData(cls):
        builders.sections()
        cls.site = Site.objects.get(is_default_site=True)

    def test_wagtail_finds_the_remembered_site_without_a_query(self):
        request = RequestFactory().get("/en/")
        remember_site(request, site=self.site, root_paths=[])
        with self.assertNumQueries(0):
            self.assertIs(Site.find_for_request(request), self.site)

    def test_wagtail_reads_the_remembered_root_paths(self):
        request = RequestFactory().get("/en/")
        root_paths = Site.get_site_root_paths()
        remember_site(request, site=self.site, root_paths=root_paths)
        page = Page.objects.get(pk=self.site.root_page_id)
        with self.assertNumQueries(0):
            self.assertIs(page._get_site_root_paths(request), root_paths)
        # And page addresses are built from them.
        self.assertEqual(page.get_url(request), page.get_url())

    def test_the_site_key_is_what_wagtail_matches_a_site_by(self):
        request = RequestFactory().get("/en/", HTTP_HOST="portal.example:8443")
        self.assertEqual(site_key(request), ("portal.example:8443", request.get_port()))
        # Wagtail's own look-up reads the same host and port.
        found = Site._find_for_request(request)
        self.assertEqual(found, self.site)  # the default site answers any host
