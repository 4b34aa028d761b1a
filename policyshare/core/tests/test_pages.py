"""Every page type renders in both languages and passes the structural accessibility checks."""

from datetime import date

from django.core.files.base import ContentFile
from django.test import TestCase
from wagtail.documents import get_document_model
from wagtail.test.utils import WagtailPageTestCase

from policyshare.boards.models import BoardIndexPage, BoardPost
from policyshare.core.models import StandardPage
from policyshare.core.tests import builders
from policyshare.core.tests.html_checks import assert_accessible_page
from policyshare.home.models import HomePage
from policyshare.partners.models import PartnerKind, PartnersPage
from policyshare.policies.models import PolicyCase, PolicyLibraryPage


class PageTypesRenderTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        sections = builders.sections()
        cls.sections = sections
        theme_ko = builders.make_theme(name="교통", slug="transport", is_popular=True)
        builders.make_theme(
            language="en",
            name="Transport",
            slug="transport",
            translation_of=theme_ko,
            is_popular=True,
        )
        document = get_document_model().objects.create(
            title="Traffic safety plan", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="plan.pdf")
        )
        cls.policy = builders.make_policy(
            library=sections["policies"]["ko"],
            title="교통사고 사망자 절반 줄이기",
            slug="traffic-safety",
            themes=[theme_ko],
            period_end_year=2021,
            budget="1억 원",
            department="교통정책과",
            contact_email="traffic@example.org",
            background="<p>배경</p>",
            lessons="<p>교훈</p>",
            indicators=[
                {
                    "name": "사망자 수",
                    "baseline_value": 3.7,
                    "baseline_year": 2015,
                    "target_value": 1.8,
                    "target_year": 2021,
                    "direction": "lower",
                    "unit": "명/10만",
                }
            ],
        )
        cls.policy.attachments.create(document=document)
        cls.policy.save_revision().publish()
        cls.policy_en = builders.translate_page(
            cls.policy, language="en", title="Halving traffic deaths", summary="Summary."
        )
        cls.posts = {}
        for slug, extra in [
            ("news", {}),
            ("media", {"source_outlet": "Cities Today", "original_url": "https://example.org/a"}),
            ("videos", {"video_url": "https://www.youtube.com/watch?v=abcdefghijk"}),
            ("reports", {"report_document": document}),
        ]:
            for language in ("ko", "en"):
                cls.posts[(slug, language)] = builders.make_post(
                    board=sections[slug][language], registered_on=date(2017, 4, 18), **extra
                )
        builders.make_partner(name="CITYNET", kind=PartnerKind.INTERNATIONAL)
        builders.make_partner(language="en", name="CITYNET", kind=PartnerKind.INTERNATIONAL)
        home_ko = sections["policies"]["ko"].get_parent()
        cls.about = builders.make_standard_page(
            parent=home_ko,
            title="공유도시 서울",
            slug="sharing-city",
            questions=[("question", {"question": "공유도시란?", "answer": "<p>나누는 도시</p>"})],
        )

    def urls(self, language):
        section = {slug: pages[language] for slug, pages in self.sections.items()}
        return [
            f"/{language}/",
            section["policies"].url,
            f"/{language}/policies/traffic-safety/",
            section["news"].url,
            section["media"].url,
            *[self.posts[(slug, language)].url for slug in ("news", "media", "videos", "reports")],
            section["partners"].url,
            f"/{language}/sharing-city/",
            f"/{language}/search/",
        ]

    def test_every_page_type_renders_accessibly_in_both_languages(self):
        for language in ("ko", "en"):
            for url in self.urls(language):
                with self.subTest(url=url):
                    response = self.client.get(url)
                    self.assertEqual(response.status_code, 200)
                    assert_accessible_page(response.content.decode(), lang=language)

    def test_policy_page_shows_its_structured_fields(self):
        html = self.client.get("/ko/policies/traffic-safety/").content.decode()
        for expected in (
            "교통사고 사망자 절반 줄이기",
            "2015–2021",
            "사망자 수",
            "3.7",
            "1.8",
            "1억 원",
            "교통정책과",
            "traffic@example.org",
            "Traffic safety plan",
            "교통",
            "배경",
            "교훈",
        ):
            self.assertIn(expected, html)

    def test_video_player_is_not_loaded_before_a_click(self):
        html = self.client.get(self.posts[("videos", "en")].url).content.decode()
        self.assertNotIn("<iframe", html)
        self.assertIn('data-embed-url="https://www.youtube-nocookie.com/embed/abcdefghijk', html)
        self.assertIn('href="https://www.youtube.com/watch?v=abcdefghijk"', html)

    def test_media_post_names_its_outlet_and_links_the_original(self):
        html = self.client.get(self.posts[("media", "ko")].url).content.decode()
        self.assertIn("Cities Today", html)
        self.assertIn('href="https://example.org/a"', html)

    def test_report_post_links_its_document(self):
        html = self.client.get(self.posts[("reports", "ko")].url).content.decode()
        self.assertIn("Traffic safety plan", html)
        # Through the counted download link (policyshare.core.views.document_download).
        self.assertRegex(html, r'href="/downloads/\d+/plan[^"/]*\.pdf"')

    def test_questions_and_answers_render(self):
        html = self.client.get("/ko/sharing-city/").content.decode()
        self.assertIn("공유도시란?", html)
        self.assertIn("나누는 도시", html)


class PageTreeRulesTests(WagtailPageTestCase):
    def test_allowed_parents_and_children(self):
        self.assertCanCreateAt(HomePage, PolicyLibraryPage)
        self.assertCanCreateAt(PolicyLibraryPage, PolicyCase)
        self.assertCanCreateAt(HomePage, BoardIndexPage)
        self.assertCanCreateAt(BoardIndexPage, BoardPost)
        self.assertCanCreateAt(HomePage, PartnersPage)
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanNotCreateAt(HomePage, PolicyCase)
        self.assertCanNotCreateAt(HomePage, BoardPost)
        self.assertCanNotCreateAt(PolicyCase, PolicyCase)


class ContributedCaseTests(TestCase):
    def test_a_partner_city_case_names_its_city(self):
        library = builders.sections()["policies"]["en"]
        builders.make_policy(library=library, slug="bogota-brt", contributing_city="Bogotá")
        builders.make_policy(library=library, slug="seoul-own")
        html = self.client.get("/en/policies/bogota-brt/").content.decode()
        self.assertRegex(html, r"<dt>Contributed by</dt><dd>Bogotá</dd>")
        self.assertNotIn(
            "Contributed by", self.client.get("/en/policies/seoul-own/").content.decode()
        )


class PaginationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        board = builders.sections()["news"]["en"]
        for day in range(1, 13):
            builders.make_post(
                board=board, title=f"Post of day {day}", registered_on=date(2017, 4, day)
            )

    def test_bad_page_numbers_fall_back_and_filters_are_kept(self):
        last = self.client.get("/en/news/?year=2017&page=999")
        self.assertEqual(last.status_code, 200)
        self.assertContains(last, "Post of day 1")  # oldest, on the last page
        self.assertContains(last, 'href="?year=2017&amp;page=1"')
        first = self.client.get("/en/news/?page=abc")
        self.assertEqual(first.status_code, 200)
        self.assertContains(first, "Post of day 12")
        self.assertNotContains(first, "Post of day 1<")
