"""What a theme page accepts: its slug is its theme's, one page per theme and language,
milestone and indicator years within 1900 to 2100, indicator sources as web addresses with a
name."""

from django.core.exceptions import ValidationError
from django.test import TestCase
from django.utils import translation

from policyshare.core.tests import builders
from policyshare.themes.models import ThemeIndicator, ThemeMilestone, ThemePage
from policyshare.themes.selectors import decades

from .builders import make_theme_page


class ThemePageValidationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections(languages=("ko", "en"))
        cls.index = cls.sections["themes"]["ko"]
        cls.theme = builders.make_theme(name="교통", slug="transport")

    def page(self, **fields):
        values = {"title": "교통", "slug": "transport", "theme": self.theme}
        values.update(fields)
        page = ThemePage(**values)
        # Placed in the tree as the admin does before it validates.
        page.locale = self.index.locale
        page.depth = self.index.depth + 1
        page.path = self.index.path + "0099"
        return page

    def errors(self, page) -> dict:
        with self.assertRaises(ValidationError) as caught:
            page.full_clean()
        return caught.exception.message_dict

    def test_slug_must_be_the_themes(self):
        errors = self.errors(self.page(slug="traffic"))
        self.assertIn("slug", errors)
        self.assertIn("“transport”", errors["slug"][0])
        self.page().full_clean()  # the theme's slug is accepted

    def test_theme_is_required(self):
        self.assertIn("theme", self.errors(self.page(theme=None)))

    def test_one_page_per_theme_and_language(self):
        make_theme_page(index=self.index, theme=self.theme, title="교통 정책")
        errors = self.errors(self.page())
        self.assertIn("theme", errors)
        self.assertIn("교통 정책", errors["theme"][0])
        # The English section may have its own.
        theme_en = builders.make_theme(
            language="en", name="Transport", slug="transport", translation_of=self.theme
        )
        english = make_theme_page(index=self.sections["themes"]["en"], theme=theme_en)
        english.full_clean()

    def test_milestone_year(self):
        for year, valid in [(1899, False), (1900, True), (1974, True), (2100, True), (2101, False)]:
            with self.subTest(year=year):
                milestone = ThemeMilestone(year=year, title="Line 1")
                if valid:
                    milestone.full_clean(exclude=["page"])
                else:
                    with self.assertRaises(ValidationError) as caught:
                        milestone.full_clean(exclude=["page"])
                    self.assertIn("year", caught.exception.message_dict)

    def test_indicator_source(self):
        def errors(**fields):
            values = {"label": "Leak rate", "value": "2.0", "unit": "%", "year": 2015}
            values.update(fields)
            try:
                ThemeIndicator(**values).full_clean(exclude=["page"])
            except ValidationError as error:
                return error.message_dict
            return {}

        self.assertEqual(errors(source_name="Arisu", source_url="https://arisu.seoul.go.kr/"), {})
        self.assertEqual(errors(), {})
        self.assertIn("source_url", errors(source_name="x", source_url="javascript:alert(1)"))
        self.assertIn("source_url", errors(source_name="x", source_url="ftp://example.org/a"))
        self.assertIn("source_name", errors(source_url="https://example.org/"))
        self.assertIn("year", errors(year=1850))
        self.assertIn("value", errors(value=""))


class DecadeTests(TestCase):
    def test_grouped_by_decade_in_year_order(self):
        milestones = [
            ThemeMilestone(year=year, title=str(year), sort_order=position)
            for position, year in enumerate([2015, 1966, 1974, 1969, 2004, 2020, 1908])
        ]
        with translation.override("en"):
            groups = decades(milestones)
        self.assertEqual([g["decade"] for g in groups], [1900, 1960, 1970, 2000, 2010, 2020])
        self.assertEqual([m.year for m in groups[1]["milestones"]], [1966, 1969])
        self.assertEqual([g["label"] for g in groups][:2], ["1900s", "1960s"])
