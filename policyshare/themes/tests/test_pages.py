"""Theme pages render in Korean and English and through the fallback (French gets the
English version, marked as such); the timeline is grouped by decade in year order; the
section lists the themes that have pages; other apps add sections through the hook."""

from datetime import timedelta

from django.test import TestCase
from django.utils import translation
from lxml import html
from wagtail import hooks

from policyshare.core.tests import builders
from policyshare.events.tests.builders import make_event
from policyshare.themes.sections import THEME_PAGE_SECTIONS_HOOK

from .builders import make_theme_page


def decade_labels(language, *decades):
    """The decades' headings as the catalogue of `language` has them (the translations are
    merged into the catalogues after this branch)."""
    with translation.override(language):
        return [translation.gettext("%(decade)ss") % {"decade": decade} for decade in decades]


def C(name: str) -> str:
    """An XPath test for an element of class `name`."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


class ThemePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections(languages=("ko", "en", "fr"))
        cls.theme_ko = builders.make_theme(name="교통", slug="transport")
        cls.theme_en = builders.make_theme(
            language="en", name="Transport", slug="transport", translation_of=cls.theme_ko
        )
        library_ko = cls.sections["policies"]["ko"]
        cls.policy_ko = builders.make_policy(
            library=library_ko, title="버스 체계 개편", slug="bus-reform", themes=[cls.theme_ko]
        )
        cls.policy_en = builders.translate_page(
            cls.policy_ko, language="en", title="Bus system reform"
        )
        cls.policy_en.themes.set([cls.theme_en])
        cls.policy_en.save_revision().publish()
        milestones = [
            {"year": 2004, "title": "버스 개편", "policy": cls.policy_ko},
            {"year": 1974, "title": "지하철 1호선 개통", "text": "서울역–청량리"},
            {"year": 1971, "title": "첫 공사"},
            {"year": 2015, "title": "따릉이"},
        ]
        cls.page_ko = make_theme_page(
            index=cls.sections["themes"]["ko"],
            theme=cls.theme_ko,
            introduction="<p>서울의 교통</p>",
            milestones=milestones,
            indicators=[{"label": "버스 전용차로", "value": 120, "unit": "km", "year": 2015}],
        )
        cls.page_en = make_theme_page(
            index=cls.sections["themes"]["en"],
            theme=cls.theme_en,
            translation_of=cls.page_ko,
            title="Transport",
            introduction="<p>Seoul's transport</p>",
            milestones=[
                {"year": 2004, "title": "Bus reform", "policy": cls.policy_ko},
                {"year": 1974, "title": "Subway Line 1 opens"},
            ],
            indicators=[
                {
                    "label": "Median bus lanes",
                    "value": 120,
                    "unit": "km",
                    "source_name": "Seoul",
                    "source_url": "https://example.org/",
                }
            ],
        )

    def get(self, path):
        response = self.client.get(path)
        self.assertEqual(response.status_code, 200, path)
        return response, html.fromstring(response.content)

    def test_korean_page_groups_milestones_by_decade_in_year_order(self):
        response, doc = self.get("/ko/themes/transport/")
        decades = [h.text_content().strip() for h in doc.xpath(f"//h3[{C('timeline__decade')}]")]
        self.assertEqual(decades, decade_labels("ko", 1970, 2000, 2010))
        lists = doc.xpath(f"//ol[{C('timeline__list')}]")
        years = [[t.text for t in ol.xpath(".//time")] for ol in lists]
        self.assertEqual(years, [["1971", "1974"], ["2004"], ["2015"]])
        self.assertContains(response, "서울의 교통")
        self.assertContains(response, "버스 전용차로")
        # The linked policy in the reader's language.
        link = doc.xpath(f"//*[{C('timeline__policy')}]/a")[0]
        self.assertEqual(link.get("href"), self.policy_ko.url)
        # The theme's policies.
        self.assertIn("버스 체계 개편", doc.xpath(f"//*[{C('card-grid')}]")[0].text_content())

    def test_english_page_links_the_english_policy(self):
        with translation.override("en"):
            _response, doc = self.get("/en/themes/transport/")
        self.assertEqual(
            [h.text_content().strip() for h in doc.xpath(f"//h3[{C('timeline__decade')}]")],
            ["1970s", "2000s"],
        )
        link = doc.xpath(f"//*[{C('timeline__policy')}]/a")[0]
        self.assertEqual(link.get("href"), self.policy_en.url)
        self.assertEqual(link.text_content(), "Bus system reform")
        source = doc.xpath(f"//*[{C('theme-indicator__source')}]/a")[0]
        self.assertEqual(source.get("href"), "https://example.org/")
        self.assertIn("Bus system reform", doc.xpath(f"//*[{C('card-grid')}]")[0].text_content())

    def test_french_reader_gets_the_english_version_marked_english(self):
        _response, doc = self.get("/fr/themes/transport/")
        title = doc.xpath("//h1[@id='theme-title']")[0]
        self.assertEqual(title.text_content(), "Transport")
        self.assertEqual(title.get("lang"), "en")
        self.assertTrue(doc.xpath(f"//*[{C('notice--language')}]"))
        self.assertEqual(
            [h.text_content().strip() for h in doc.xpath(f"//h3[{C('timeline__decade')}]")],
            decade_labels("fr", 1970, 2000),
        )
        # The policy has no French version: the English one, linked under /fr/ and marked.
        link = doc.xpath(f"//*[{C('timeline__policy')}]/a")[0]
        self.assertEqual(link.get("href"), "/fr/policies/bus-reform/")
        self.assertEqual(link.get("lang"), "en")

    def test_index_lists_themes_with_pages(self):
        builders.make_theme(name="주택", slug="housing")  # no page: not listed
        _response, doc = self.get("/ko/themes/")
        links = doc.xpath(f"//*[{C('theme-list')}]//a")
        self.assertEqual([a.get("href") for a in links], ["/ko/themes/transport/"])
        self.assertEqual(links[0].text_content(), "교통")
        _response, doc = self.get("/fr/themes/")
        links = doc.xpath(f"//*[{C('theme-list')}]//a")
        self.assertEqual([a.get("href") for a in links], ["/fr/themes/transport/"])
        self.assertEqual(links[0].get("lang"), "en")

    def test_events_upcoming_first_and_posts(self):
        events = self.sections["events"]["ko"]
        past = make_event(index=events, starts_in=timedelta(days=-30))
        soon = make_event(index=events, starts_in=timedelta(days=5))
        later = make_event(index=events, starts_in=timedelta(days=50))
        make_event(index=events, starts_in=timedelta(days=6))  # other theme
        for event in (past, soon, later):
            event.themes.add(self.theme_ko)
            event.save_revision().publish()
        post = builders.make_post(board=self.sections["news"]["ko"], title="교통 소식")
        post.themes.add(self.theme_ko)
        post.save_revision().publish()
        builders.make_post(board=self.sections["news"]["ko"], title="다른 소식")
        _response, doc = self.get("/ko/themes/transport/")
        titles = [a.text_content() for a in doc.xpath(f"//*[{C('event-list')}]//h3/a")]
        self.assertEqual(titles, [soon.title, later.title, past.title])
        posts = [
            a.text_content().strip()
            for a in doc.xpath(f"//*[{C('post-list')}]//*[{C('post-row__title')}]")
        ]
        self.assertEqual(posts, ["교통 소식"])

    def test_hook_sections_render_in_order_after_the_policies(self):
        def late(page, request, theme_slug):
            return {
                "order": 20,
                "template": "themes/tests/section.html",
                "context": {"heading": f"Late {theme_slug} <script>"},
            }

        def early(page, request, theme_slug):
            return {
                "order": 10,
                "template": "themes/tests/section.html",
                "context": {"heading": f"Early {page.pk}"},
            }

        def nothing(page, request, theme_slug):
            return None

        with (
            hooks.register_temporarily(THEME_PAGE_SECTIONS_HOOK, late),
            hooks.register_temporarily(THEME_PAGE_SECTIONS_HOOK, nothing),
            hooks.register_temporarily(THEME_PAGE_SECTIONS_HOOK, early),
        ):
            response, doc = self.get("/ko/themes/transport/")
        headings = [h.text_content() for h in doc.xpath("//article//h2")]
        policies = headings.index("정책")
        self.assertEqual(
            headings[policies + 1 : policies + 3],
            [f"Early {self.page_ko.pk}", "Late transport <script>"],
        )
        # Escaped like any template's output.
        self.assertContains(response, "Late transport &lt;script&gt;")
