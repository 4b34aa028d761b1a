"""Content in another language than the page's carries lang and dir; short mixed items are
isolated (portal_tags.content_lang and isolate)."""

from datetime import date

from django.template import Context, Template
from django.test import TestCase
from django.utils import translation

from policyshare.core.tests import builders
from policyshare.search import services as search_services


def render(source: str, **context) -> str:
    return Template("{% load portal_tags %}" + source).render(Context(context))


class ContentLangTagTests(TestCase):
    def test_marks_only_what_differs_from_the_interface_with_its_direction(self):
        with translation.override("ar"):
            self.assertEqual(render("<p{% content_lang 'en' %}>"), '<p lang="en" dir="ltr">')
            self.assertEqual(render("<p{% content_lang 'ar' %}>"), "<p>")
            self.assertEqual(render("<p{% content_lang '' %}>"), "<p>")
        with translation.override("en"):
            self.assertEqual(render("<p{% content_lang 'ar' %}>"), '<p lang="ar" dir="rtl">')

    def test_isolate_escapes_and_marks(self):
        with translation.override("ar"):
            self.assertEqual(
                render("{% isolate name 'en' %}", name="<b>Cities</b>"),
                '<bdi lang="en" dir="ltr">&lt;b&gt;Cities&lt;/b&gt;</bdi>',
            )
            self.assertEqual(render("{% isolate 'x' %}"), "<bdi>x</bdi>")


class MarkedPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        sections = builders.sections(languages=("ko", "en", "ar"))
        for language in ("ko", "en"):
            builders.make_post(
                board=sections["media"][language],
                title=f"Seoul streets ({language})",
                source_outlet="Cities Today",
                registered_on=date(2020, 1, 2),
            )
        builders.make_policy(
            library=sections["policies"]["ar"],
            title="سلامة المرور speed",
            slug="safety-ar",
            summary="خفض السرعة في المدينة speed.",
        )
        search_services.rebuild_documents()

    def test_an_english_post_on_an_arabic_board_is_marked_and_its_outlet_isolated(self):
        html = self.client.get("/ar/media/").content.decode()
        # The line is English; the outlet and the title are isolated from each other.
        self.assertRegex(
            html,
            r'<a class="post-row__title" href="/ar/media/[\w-]+/" lang="en" dir="ltr">'
            r'<bdi class="post-row__outlet">\[Cities Today\]</bdi> <bdi>Seoul streets \(en\)</bdi>',
        )
        # The Arabic board's own title is the page's language: no mark.
        self.assertIn("<h1>سيول في وسائل الإعلام العالمية</h1>", html)

    def test_an_arabic_result_and_the_arabic_facet_on_an_english_search_page(self):
        html = self.client.get("/en/search/", {"q": "speed"}).content.decode()
        self.assertIn('<bdi lang="ar" dir="rtl">العربية</bdi>', html)
        self.assertIn('(<bdi dir="ltr">1</bdi>)', html)
        self.assertIn('lang="ar" dir="rtl">سلامة المرور speed</a>', html)
        # The hit's type and language are interface, outside the Arabic.
        self.assertNotIn('<li class="search-hit" lang=', html)
