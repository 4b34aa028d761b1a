"""Theme tags link to the theme's page in the reader's language (or its fallback version,
under the reader's language); a theme without a page links to the library filtered by it.
The addresses are read once per request, never per tag."""

from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory, TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Site

from policyshare.core.tests import builders
from policyshare.policies.models import Theme

from .builders import make_theme_page

TAGS = Template("{% load policy_tags %}{% for theme in themes %}{% theme_url theme %}|{% endfor %}")


class ThemeUrlTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections(languages=("ko", "en", "fr"))
        cls.transport_ko = builders.make_theme(name="교통", slug="transport", is_popular=True)
        cls.transport_en = builders.make_theme(
            language="en", name="Transport", slug="transport", translation_of=cls.transport_ko
        )
        cls.housing_ko = builders.make_theme(name="주택", slug="housing", is_popular=True)
        page_ko = make_theme_page(index=cls.sections["themes"]["ko"], theme=cls.transport_ko)
        make_theme_page(
            index=cls.sections["themes"]["en"], theme=cls.transport_en, translation_of=page_ko
        )

    def render(self, language, themes) -> list[str]:
        request = RequestFactory().get(f"/{language}/")
        request.site = Site.objects.get(is_default_site=True)
        with translation.override(language):
            return TAGS.render(Context({"request": request, "themes": themes})).split("|")[:-1]

    def test_page_or_library(self):
        self.assertEqual(
            self.render("ko", [self.transport_ko, self.housing_ko]),
            ["/ko/themes/transport/", "/ko/policies/?theme=housing"],
        )
        self.assertEqual(self.render("en", [self.transport_en]), ["/en/themes/transport/"])
        # French has no theme page: the English one, under /fr/ (the router shows it).
        self.assertEqual(
            self.render("fr", [self.transport_en, self.housing_ko]),
            ["/fr/themes/transport/", "/fr/policies/?theme=housing"],
        )

    def test_unpublished_page_is_not_linked(self):
        page = self.sections["themes"]["ko"].get_children().get(slug="transport")
        page.unpublish()
        self.assertEqual(self.render("ko", [self.transport_ko]), ["/ko/policies/?theme=transport"])

    def test_no_query_per_tag(self):
        def queries(themes):
            with CaptureQueriesContext(connection) as captured:
                urls = self.render("ko", themes)
            self.assertEqual(len(urls), len(themes))
            return len(captured)

        many = [builders.make_theme(name=f"주제 {n}", slug=f"theme-x{n}") for n in range(18)] + [
            self.transport_ko,
            self.housing_ko,
        ]
        # One theme with a page and one without (which reads the library's address).
        two = [self.transport_ko, self.housing_ko]
        queries(two)  # warm what every request reads once (content types)
        few = queries(two)
        self.assertEqual(queries(list(Theme.objects.filter(pk__in=[t.pk for t in many]))), few)

    def test_policy_page_and_home_link_the_theme_page(self):
        policy = builders.make_policy(
            library=self.sections["policies"]["ko"], slug="bus", themes=[self.transport_ko]
        )
        response = self.client.get(policy.url)
        self.assertContains(response, 'href="/ko/themes/transport/"')
        response = self.client.get("/ko/")
        self.assertContains(response, 'href="/ko/themes/transport/"')
        self.assertContains(response, 'href="/ko/policies/?theme=housing"')

    def test_library_filter_keeps_working(self):
        builders.make_policy(
            library=self.sections["policies"]["ko"],
            title="버스",
            slug="bus",
            themes=[self.transport_ko],
        )
        builders.make_policy(library=self.sections["policies"]["ko"], title="임대", slug="rent")
        response = self.client.get("/ko/policies/?theme=transport")
        self.assertContains(response, "버스")
        self.assertNotContains(response, "임대")
