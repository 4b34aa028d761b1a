"""Ticking cases: the library, a theme's page and the search results put a checkbox on each
policy inside a GET form to the pack page; other results get none."""

from django.test import TestCase

from policyshare.core.tests import builders
from policyshare.themes.tests.builders import make_theme_page


def checkbox(pk) -> str:
    # Named by its label and the policy's title (aria-labelledby), which is written once.
    return (
        f'<input type="checkbox" name="ids" value="{pk}" id="choose-{pk}" '
        f'aria-labelledby="choose-label-{pk} title-{pk}">'
    )


FORM = '<form class="pack-select" method="get" action="/ko/briefing/">'


class ChoosingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        with cls.captureOnCommitCallbacks(execute=True):
            cls.sections = builders.sections(languages=("ko", "en"))
            cls.theme = builders.make_theme(name="교통", slug="transport")
            cls.policy = builders.make_policy(
                library=cls.sections["policies"]["ko"],
                title="버스 개편 정책",
                summary="서울은 버스 노선을 개편했다.",
                themes=[cls.theme],
                is_featured=True,
            )
            cls.post = builders.make_post(
                board=cls.sections["news"]["ko"], title="버스 개편 소식", body=[]
            )
            cls.theme_page = make_theme_page(index=cls.sections["themes"]["ko"], theme=cls.theme)

    def assert_choosable(self, response):
        self.assertContains(response, FORM, html=False)
        self.assertContains(response, checkbox(self.policy.pk))
        self.assertContains(
            response, f'<label id="choose-label-{self.policy.pk}" for="choose-{self.policy.pk}">'
        )
        self.assertContains(response, f'id="title-{self.policy.pk}"', count=1)
        self.assertContains(response, "버스 개편 정책", count=1)

    def test_library(self):
        self.assert_choosable(self.client.get(self.sections["policies"]["ko"].url))

    def test_theme_page(self):
        self.assert_choosable(self.client.get(self.theme_page.url))

    def test_search_results_offer_policies_only(self):
        response = self.client.get("/ko/search/", {"q": "버스 개편"})
        self.assertContains(response, "버스 개편 소식")
        self.assert_choosable(response)
        self.assertNotContains(response, f'value="{self.post.pk}" id="choose-')

    def test_home_page_cards_have_no_checkbox(self):
        response = self.client.get("/ko/")
        self.assertContains(response, "버스 개편 정책")  # its featured card
        self.assertNotContains(response, 'name="ids"')
