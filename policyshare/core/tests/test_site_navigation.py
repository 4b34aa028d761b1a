"""The menu, the footer and the reading aids every page shares (issue 18, points 6 and 7)."""

import re

from django.test import SimpleTestCase, TestCase

from policyshare.core.models import PageViewCount, StandardPage
from policyshare.core.site_pages import FOOTER_PAGE_SLUGS
from policyshare.core.templatetags.portal_tags import truncate_words_at
from policyshare.core.tests import builders
from policyshare.home.services import ensure_site_pages

SIX = ("ko", "en", "fr", "es", "ar", "zh-hans")


def menu_of(html: str) -> str:
    match = re.search(r'<nav class="site-nav".*?</nav>', html, re.S)
    assert match, "no main menu"
    return match.group(0)


def footer_of(html: str) -> str:
    match = re.search(r'<footer class="site-footer">.*?</footer>', html, re.S)
    assert match, "no footer"
    return match.group(0)


class MenuTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        home_en = cls.sections["policies"]["en"].get_parent()
        cls.about = builders.make_standard_page(
            parent=home_en, title="About", slug="about", show_in_menus=True
        )
        cls.miti = builders.make_standard_page(
            parent=home_en, title="MITI", slug="miti", show_in_menus=True
        )
        cls.hidden = builders.make_standard_page(parent=home_en, title="Hidden", slug="hidden")

    def test_every_section_and_page_marked_for_menus_is_in_it_in_tree_order(self):
        menu = menu_of(self.client.get("/en/").content.decode())
        paths = re.findall(r'<a href="(/en/[^"]*)"', menu)
        sections = [f"/en/{slug}/" for slug in ("policies", "sharing", "cities", "news")]
        for path in [*sections, "/en/media/", "/en/partners/", "/en/about/", "/en/miti/"]:
            self.assertIn(path, paths)
        self.assertNotIn("/en/hidden/", paths)
        self.assertLess(paths.index("/en/policies/"), paths.index("/en/about/"))
        self.assertLess(paths.index("/en/about/"), paths.index("/en/miti/"))

    def test_a_new_section_appears_once_marked_for_menus(self):
        # The way a later section (city networks, say) joins: a child of the home page with
        # "Show in menus" ticked; no template names it.
        home_en = self.sections["policies"]["en"].get_parent()
        builders.make_standard_page(
            parent=home_en, title="Networks", slug="networks", show_in_menus=True
        )
        self.assertIn('href="/en/networks/"', menu_of(self.client.get("/en/").content.decode()))

    def test_the_menu_folds_into_a_disclosure_and_marks_the_current_section(self):
        menu = menu_of(self.client.get("/en/about/").content.decode())
        self.assertRegex(menu, r'<details class="site-nav__menu"[^>]*>\s*<summary')
        self.assertNotRegex(menu, r"<details[^>]* open")
        self.assertIn('<a href="/en/about/" aria-current="page"', menu)
        self.assertEqual(menu.count("aria-current"), 1)
        self.assertIn("About", re.search(r"<summary.*?</summary>", menu, re.S).group(0))


class FooterTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        builders.sections(languages=SIX)
        cls.created = ensure_site_pages(languages=SIX)

    def test_the_footer_pages_exist_in_korean_and_english_only_and_not_in_the_menu(self):
        self.assertEqual(set(self.created), set(FOOTER_PAGE_SLUGS))
        for pages in self.created.values():
            self.assertEqual(set(pages), {"ko", "en"})
            self.assertEqual(pages["ko"].translation_key, pages["en"].translation_key)
            self.assertFalse(any(page.show_in_menus for page in pages.values()))
            self.assertTrue(all(page.live for page in pages.values()))

    def test_running_it_again_changes_nothing(self):
        before = StandardPage.objects.count()
        privacy = self.created["privacy"]["en"]
        StandardPage.objects.filter(pk=privacy.pk).update(title="Our privacy notice")
        ensure_site_pages(languages=SIX)
        self.assertEqual(StandardPage.objects.count(), before)
        self.assertEqual(StandardPage.objects.get(pk=privacy.pk).title, "Our privacy notice")

    def test_the_footer_links_contact_policies_open_data_and_newsletter_in_six_languages(self):
        for code in SIX:
            with self.subTest(language=code):
                response = self.client.get(f"/{code}/")
                self.assertEqual(response.status_code, 200)
                footer = footer_of(response.content.decode())
                for href in (
                    f"/{code}/requests/",
                    f"/{code}/privacy/",
                    f"/{code}/accessibility/",
                    f"/{code}/licence/",
                    "/api/v1/",
                    f"/feeds/{code}/latest.atom",
                    f"/feeds/{code}/latest.rss",
                    "/sitemap.xml",
                    f"/{code}/newsletter/",
                ):
                    self.assertIn(f'href="{href}"', footer)

    def test_a_language_without_the_page_links_the_english_one_marked_english(self):
        footer = footer_of(self.client.get("/fr/").content.decode())
        self.assertRegex(footer, r'<a href="/fr/privacy/" lang="en" dir="ltr">Privacy notice</a>')
        footer = footer_of(self.client.get("/ko/").content.decode())
        self.assertIn('<a href="/ko/privacy/">개인정보 처리방침</a>', footer)

    def test_a_menu_page_not_yet_translated_is_in_the_menu_in_its_fallback_language(self):
        home_en = self.created["privacy"]["en"].get_parent()
        builders.make_standard_page(
            parent=home_en, title="Sharing City Seoul", slug="sharing-city", show_in_menus=True
        )
        menu = menu_of(self.client.get("/fr/sharing-city/").content.decode())
        self.assertIn(
            '<a href="/fr/sharing-city/" aria-current="page" lang="en" dir="ltr">'
            "Sharing City Seoul</a>",
            menu,
        )
        self.assertIn('href="/fr/policies/"', menu)

    def test_the_footer_pages_render(self):
        for path in ("/en/privacy/", "/ko/accessibility/", "/fr/licence/"):
            with self.subTest(path=path):
                self.assertEqual(self.client.get(path).status_code, 200)


class CardTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        sections = builders.sections()
        cls.theme = builders.make_theme(language="en", name="Transport", slug="transport")
        cls.policy = builders.make_policy(
            library=sections["policies"]["en"],
            title="Night buses",
            slug="night-buses",
            themes=[cls.theme],
            summary="word " * 80,
        )

    def test_a_view_count_of_zero_is_not_shown(self):
        for path in ("/en/policies/", self.policy.url):
            self.assertNotContains(self.client.get(path), "Views")
        PageViewCount.objects.create(page=self.policy, count=1234)
        for path in ("/en/policies/", self.policy.url):
            self.assertContains(self.client.get(path), "1,234")

    def test_summaries_end_on_a_word_with_an_ellipsis(self):
        html = self.client.get("/en/policies/").content.decode()
        summary = re.search(r'<p class="card__summary"[^>]*>(.*?)</p>', html, re.S).group(1)
        self.assertTrue(summary.endswith("word…"), summary)
        self.assertLessEqual(len(summary), 200)

    def test_theme_tags_link_to_the_library_filtered_by_theme(self):
        html = self.client.get(self.policy.url).content.decode()
        self.assertIn('<a href="/en/policies/?theme=transport">Transport</a>', html)


class TruncateWordsAtTests(SimpleTestCase):
    def test_short_text_is_unchanged(self):
        self.assertEqual(truncate_words_at("  A short   summary. ", 40), "A short summary.")

    def test_english_is_cut_at_a_space(self):
        text = "Seoul lowered urban speed limits and restored safety for people on foot."
        self.assertEqual(truncate_words_at(text, 40), "Seoul lowered urban speed limits and…")

    def test_arabic_is_cut_at_a_space(self):
        text = "خفضت سيول حدود السرعة في المدينة وأعادت السلامة للمشاة في كل حي."
        cut = truncate_words_at(text, 40)
        self.assertTrue(cut.endswith("…"))
        self.assertTrue(text.startswith(cut[:-1]))
        self.assertEqual(text[len(cut) - 1], " ")

    def test_korean_counts_two_columns_a_syllable_and_keeps_words_whole(self):
        text = "서울시는 도시재생을 추진하며 도심 제한속도를 낮춰 교통사고 사망자를 줄였다."
        self.assertEqual(truncate_words_at(text, 40), "서울시는 도시재생을 추진하며 도심…")

    def test_chinese_is_cut_after_punctuation_or_between_characters(self):
        self.assertEqual(
            truncate_words_at("首尔市推进城市更新，降低市中心限速，减少了交通事故死亡人数。", 40),
            "首尔市推进城市更新，降低市中心限速…",
        )
        self.assertEqual(
            truncate_words_at("首尔市推进城市更新降低市中心限速减少了交通事故死亡人数", 40),
            "首尔市推进城市更新降低市中心限速减少了…",
        )

    def test_one_long_word_is_cut_inside_it(self):
        self.assertEqual(truncate_words_at("x" * 50, 10), "x" * 9 + "…")
