"""Guides, their chapters, the table of contents, the pager, the whole-guide page, the
fallback for partial languages, search, metadata and the theme pages' hook."""

import json
import re

from django.test import RequestFactory, TestCase
from django.utils import translation
from wagtail import hooks
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from policyshare.core.models import StandardPage
from policyshare.core.tests import builders
from policyshare.guides.models import GuideChapterPage, GuideIndexPage, GuidePage
from policyshare.guides.wagtail_hooks import theme_guides
from policyshare.home.models import HomePage
from policyshare.search.models import SearchDocument
from policyshare.search.selectors import search_documents

from .builders import make_chapter, make_guide


def json_ld_blocks(html: str) -> list[dict]:
    return [
        json.loads(block)
        for block in re.findall(
            r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, flags=re.S
        )
    ]


class GuideTreeTests(WagtailPageTestCase):
    def test_where_guides_and_chapters_may_go(self):
        self.assertCanCreateAt(HomePage, GuideIndexPage)
        self.assertCanCreateAt(GuideIndexPage, GuidePage)
        self.assertCanCreateAt(GuidePage, GuideChapterPage)
        self.assertCanNotCreateAt(HomePage, GuidePage)
        self.assertCanNotCreateAt(GuideIndexPage, GuideChapterPage)
        self.assertCanNotCreateAt(HomePage, GuideChapterPage)
        self.assertCanNotCreateAt(GuidePage, GuidePage)
        self.assertCanNotCreateAt(GuidePage, StandardPage)
        self.assertCanNotCreateAt(GuideChapterPage, GuideChapterPage)
        self.assertAllowedSubpageTypes(GuidePage, {GuideChapterPage})
        self.assertAllowedParentPageTypes(GuideChapterPage, {GuidePage})


class GuidePagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        with cls.captureOnCommitCallbacks(execute=True):
            cls.sections = builders.sections(languages=("ko", "en", "fr"))
            cls.index = cls.sections["guides"]["en"]
            cls.theme = builders.make_theme(language="en", slug="transport", name="Transport")
            cls.policy = builders.make_policy(
                library=cls.sections["policies"]["en"], title="Bus reform", slug="bus-reform"
            )
            cls.guide = make_guide(
                index=cls.index,
                title="A Guide to Transportation Policy",
                slug="transportation",
                themes=[cls.theme],
                authors="Kim Minji, Lee Jun",
                publisher_name="Seoul Transport Department",
            )
            cls.guide.related_policies.set([cls.policy])
            cls.guide.save_revision().publish()
            cls.first = make_chapter(
                guide=cls.guide,
                title="Buses",
                slug="buses",
                headings=["Median bus lanes", "Trunk and branch routes"],
            )
            cls.second = make_chapter(
                guide=cls.guide,
                title="Cards & fares <b>",
                slug="fares",
                headings=["Distance-based fares"],
            )
            cls.third = make_chapter(
                guide=cls.guide,
                title="Bicycles",
                slug="bicycles",
                body=[
                    ("heading", {"text": "Ttareungyi stations", "level": "h2"}),
                    ("heading", {"text": "A sub-heading", "level": "h3"}),
                    (
                        "key_figure",
                        {"figure": "2015", "label": "Public bikes since", "source": ""},
                    ),
                    (
                        "table",
                        {
                            "data": [["Year", "Stations"], ["2015", "<script>x</script>"]],
                            "first_row_is_table_header": True,
                            "first_col_is_header": False,
                            "table_caption": "Growth",
                        },
                    ),
                ],
            )
            cls.draft = make_chapter(guide=cls.guide, title="Draft chapter", publish=False)
            cls.other_guide = make_guide(index=cls.index, title="Water guide", slug="water")

    def test_index_lists_guides_with_chapter_counts_and_themes(self):
        with translation.override("en"):
            response = self.client.get("/en/guides/")
        self.assertEqual(response.status_code, 200)
        guides = response.context["guides"]
        self.assertEqual({guide.pk for guide in guides}, {self.guide.pk, self.other_guide.pk})
        counts = {guide.pk: guide.chapter_total for guide in guides}
        self.assertEqual(counts, {self.guide.pk: 3, self.other_guide.pk: 0})
        self.assertContains(response, "A Guide to Transportation Policy")
        self.assertContains(response, "3 chapters")
        self.assertContains(response, "Transport</li>")

    def test_section_exists_in_every_built_language(self):
        for language, title in (("ko", "정책 가이드"), ("en", "Policy guides"), ("fr", "Guides")):
            with self.subTest(language):
                response = self.client.get(f"/{language}/guides/")
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, title)

    def test_guide_page_has_table_of_contents_with_headings(self):
        response = self.client.get(self.guide.url)
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        chapters = [
            m.start()
            for m in (
                re.search(rf'href="{c.url}"', html) for c in (self.first, self.second, self.third)
            )
            if m
        ]
        self.assertEqual(len(chapters), 3)
        self.assertEqual(chapters, sorted(chapters))
        self.assertIn(f'href="{self.first.url}#section-2">Trunk and branch routes</a>', html)
        self.assertIn(f'href="{self.third.url}#section-1">Ttareungyi stations</a>', html)
        # Only H2 headings are entries; the draft chapter is not listed.
        self.assertNotIn("A sub-heading</a>", html)
        self.assertNotIn("Draft chapter", html)
        self.assertIn(f'href="{self.guide.url}all/"', html)
        self.assertIn(f'rel="next" class="guide-pager__next" href="{self.first.url}"', html)

    def test_chapter_has_anchored_headings_and_its_toc(self):
        response = self.client.get(self.first.url)
        html = response.content.decode()
        self.assertIn('<h2 id="section-1">Median bus lanes</h2>', html)
        self.assertIn('<h2 id="section-2">Trunk and branch routes</h2>', html)
        self.assertIn('<a href="#section-2">Trunk and branch routes</a>', html)
        self.assertIn('aria-current="page"', html)
        self.assertIn(f'href="{self.second.url}#section-1">Distance-based fares</a>', html)

    def test_previous_and_next_at_both_ends(self):
        self.assertEqual(self.first.neighbours(), (self.guide, self.second))
        self.assertEqual(self.second.neighbours(), (self.first, self.third))
        self.assertEqual(self.third.neighbours(), (self.second, None))
        first = self.client.get(self.first.url).content.decode()
        self.assertIn(f'rel="prev" class="guide-pager__prev" href="{self.guide.url}"', first)
        self.assertIn(f'rel="next" class="guide-pager__next" href="{self.second.url}"', first)
        last = self.client.get(self.third.url).content.decode()
        self.assertIn(f'rel="prev" class="guide-pager__prev" href="{self.second.url}"', last)
        self.assertNotIn('rel="next"', last)

    def test_body_blocks_render_escaped(self):
        response = self.client.get(self.third.url)
        self.assertContains(response, '<p class="key-figure__value">2015</p>', html=False)
        self.assertContains(response, "<caption>Growth</caption>", html=False)
        self.assertContains(response, "&lt;script&gt;x&lt;/script&gt;")
        self.assertNotContains(response, "<script>x</script>")
        self.assertContains(response, '<h3 id="section-2">A sub-heading</h3>', html=False)

    def test_print_page_has_every_chapter_in_order_escaped(self):
        response = self.client.get(f"{self.guide.url}all/")
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn('class="guide-print"', html)
        positions = [
            html.index(f'id="chapter-{c.pk}-title"') for c in (self.first, self.second, self.third)
        ]
        self.assertEqual(positions, sorted(positions))
        self.assertIn("Cards &amp; fares &lt;b&gt;", html)
        self.assertNotIn("Cards & fares <b>", html)
        self.assertNotIn("Draft chapter", html)
        # Headings one level down (the chapter's title is the h2), anchors unique.
        self.assertIn(f'<h3 id="chapter-{self.first.pk}-section-1">Median bus lanes</h3>', html)
        self.assertIn(f'<h4 id="chapter-{self.third.pk}-section-2">A sub-heading</h4>', html)
        self.assertIn(f'href="#chapter-{self.second.pk}-section-1"', html)
        ids = re.findall(r' id="([^"]+)"', html)
        self.assertEqual(len(ids), len(set(ids)))

    def test_unknown_sub_path_is_404(self):
        self.assertEqual(self.client.get(f"{self.guide.url}everything/").status_code, 404)

    def test_chapter_slug_all_is_refused(self):
        chapter = GuideChapterPage(title="All", slug="all")
        chapter.set_url_path(self.guide)
        with self.assertRaises(Exception) as raised:
            chapter.full_clean()
        self.assertIn("slug", raised.exception.message_dict)

    def test_fallback_language_shows_english_marked(self):
        with translation.override("fr"):
            listing = self.client.get("/fr/guides/")
        self.assertContains(listing, 'lang="en" dir="ltr">A Guide to Transportation Policy')
        for url in ("/fr/guides/transportation/", "/fr/guides/transportation/buses/"):
            with self.subTest(url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, 'lang="en" dir="ltr">A Guide to Transportation')
        whole = self.client.get("/fr/guides/transportation/all/")
        self.assertEqual(whole.status_code, 200)
        self.assertContains(whole, f'id="chapter-{self.first.pk}-title" lang="en" dir="ltr"')

    def test_translated_guide_replaces_the_fallback(self):
        french = builders.translate_page(
            self.guide, language="fr", title="Guide des transports", summary="Résumé."
        )
        with translation.override("fr"):
            response = self.client.get("/fr/guides/")
        self.assertIn(french.pk, [guide.pk for guide in response.context["guides"]])
        self.assertNotIn(self.guide.pk, [guide.pk for guide in response.context["guides"]])

    def test_json_ld_parses(self):
        guide_data = json_ld_blocks(self.client.get(self.guide.url).content.decode())
        book = next(block for block in guide_data if block.get("@type") == "Book")
        self.assertEqual(book["name"], "A Guide to Transportation Policy")
        self.assertEqual([part["name"] for part in book["hasPart"]][:1], ["Buses"])
        self.assertEqual(len(book["hasPart"]), 3)
        self.assertEqual([a["name"] for a in book["author"]], ["Kim Minji", "Lee Jun"])
        chapter_data = json_ld_blocks(self.client.get(self.second.url).content.decode())
        chapter = next(block for block in chapter_data if block.get("@type") == "Chapter")
        self.assertEqual(chapter["isPartOf"]["name"], "A Guide to Transportation Policy")
        self.assertEqual(chapter["position"], 2)

    def test_search_finds_a_chapter_and_names_its_guide(self):
        outcome = search_documents(query="Distance-based fares", language="en")
        titles = [hit.document.title for hit in outcome.hits]
        self.assertIn("Cards & fares <b> · A Guide to Transportation Policy", titles)
        hit = next(h for h in outcome.hits if h.document.title.startswith("Cards"))
        self.assertEqual(hit.document.kind, "guide")
        self.assertNotIn("Draft chapter", [h.document.title for h in outcome.hits])

    def test_renaming_a_guide_or_its_themes_indexes_its_chapters_again(self):
        # Each chapter's result shows the guide's title and takes the guide's themes.
        housing = builders.make_theme(language="en", slug="housing", name="Housing")
        guide = GuidePage.objects.get(pk=self.guide.pk)
        guide.title = "Moving People: A Transport Guide"
        guide.themes.set([housing])
        with self.captureOnCommitCallbacks(execute=True):
            guide.save_revision().publish()
        chapter = SearchDocument.objects.get(page=self.second)
        self.assertEqual(chapter.title, "Cards & fares <b> · Moving People: A Transport Guide")
        self.assertIn("housing", chapter.themes)
        self.assertNotIn("transport", chapter.themes)

    def test_search_finds_the_guide_by_theme_facet(self):
        outcome = search_documents(query="Transportation", language="en")
        guide = [h for h in outcome.hits if h.document.title == self.guide.title]
        self.assertEqual(len(guide), 1)
        self.assertIn("transport", guide[0].document.themes)

    def test_theme_hook_returns_the_themes_guides(self):
        theme_page = Page.objects.get(pk=self.sections["policies"]["en"].pk)
        request = RequestFactory().get("/en/themes/transport/")
        self.assertIn(theme_guides, hooks.get_hooks("theme_page_sections"))
        with translation.override("en"):
            found = theme_guides(page=theme_page, request=request, theme_slug="transport")
            nothing = theme_guides(page=theme_page, request=request, theme_slug="housing")
        with translation.override("ko"):
            korean = theme_guides(page=theme_page, request=request, theme_slug="transport")
        self.assertEqual(found["order"], 20)
        self.assertEqual(found["template"], "guides/includes/theme_guides.html")
        self.assertEqual([guide.pk for guide in found["context"]["guides"]], [self.guide.pk])
        self.assertIsNone(nothing)
        # Korean is complete: no fallback to the English guide.
        self.assertIsNone(korean)

    def test_theme_hook_falls_back_for_partial_languages(self):
        french_home = self.sections["policies"]["fr"]
        request = RequestFactory().get("/fr/themes/transport/")
        with translation.override("fr"):
            found = theme_guides(page=french_home, request=request, theme_slug="transport")
        self.assertEqual([guide.pk for guide in found["context"]["guides"]], [self.guide.pk])
        from django.template.loader import render_to_string

        with translation.override("fr"):
            html = render_to_string(found["template"], found["context"])
        self.assertIn('<h2 id="theme-guides-title">', html)
        self.assertIn('lang="en" dir="ltr">A Guide to Transportation Policy', html)

    def test_related_policy_and_sources_are_shown(self):
        response = self.client.get(self.guide.url)
        self.assertContains(response, f'href="{self.policy.url}"')
        self.assertContains(response, "Kim Minji, Lee Jun")

    def test_api_publishes_guide_fields(self):
        response = self.client.get(f"/api/v1/pages/{self.guide.pk}")
        self.assertEqual(response.status_code, 200)
        fields = response.json()["fields"]
        self.assertEqual(fields["chapter_count"], 3)
        self.assertEqual(fields["themes"], [self.theme.pk])
        chapter = self.client.get(f"/api/v1/pages/{self.first.pk}").json()["fields"]
        self.assertEqual(chapter["guide_id"], self.guide.pk)

    def test_sitemap_lists_guides_and_chapters(self):
        response = self.client.get("/sitemap.xml")
        self.assertContains(response, f"{self.guide.url}</loc>")
        self.assertContains(response, f"{self.first.url}</loc>")
        self.assertNotContains(response, "/draft")


class GuidePurgeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        sections = builders.sections(languages=("ko", "en"))
        cls.guide = make_guide(index=sections["guides"]["en"], slug="purged")
        cls.first = make_chapter(guide=cls.guide, slug="one")
        cls.second = make_chapter(guide=cls.guide, slug="two")

    def test_a_chapter_change_purges_the_whole_guide_and_the_other_chapters(self):
        urls = self.first.purge_urls()
        for page in (self.guide, self.second):
            self.assertIn(page.get_full_url(), urls)
        self.assertIn(f"{self.guide.get_full_url()}all/", urls)
        self.assertIn(self.first.get_full_url(), self.guide.purge_urls())
