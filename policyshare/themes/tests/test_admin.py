"""Editors create and edit theme pages in the admin (Wagtail's page permissions, which
Editors hold on the whole tree); a slug that is not the theme's is a form error; readers
without an admin account cannot reach the forms. Board posts take themes too."""

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from policyshare.boards.models import BoardPost
from policyshare.core.tests import builders
from policyshare.themes.models import ThemeIndexPage, ThemePage

from .builders import make_theme_page


class ThemePageAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections(languages=("ko", "en"))
        cls.index = cls.sections["themes"]["en"]
        cls.theme = builders.make_theme(language="en", name="Water supply", slug="water-supply")
        cls.editor = builders.make_editor()

    def data(self, **fields):
        values = {
            "title": "Water supply (Arisu)",
            "slug": "water-supply",
            "theme": self.theme.pk,
            "introduction": rich_text("<p>Tap water.</p>"),
            "indicators": inline_formset(
                [
                    {
                        "label": "Leak rate",
                        "value": "2.4",
                        "unit": "%",
                        "year": "2020",
                        "source_name": "Seoul",
                        "source_url": "https://arisu.seoul.go.kr/",
                    }
                ]
            ),
            "milestones": inline_formset(
                [{"year": "1908", "title": "Ttukdo plant", "text": "", "image": "", "policy": ""}]
            ),
        }
        values.update(fields)
        return nested_form_data(values)

    def test_editor_creates_and_edits(self):
        self.client.force_login(self.editor)
        self.assertAllowedSubpageTypes(ThemeIndexPage, {ThemePage})
        # Editors save drafts; Moderators publish (Wagtail's default groups).
        self.assertCanCreate(self.index, ThemePage, self.data(), publish=False)
        page = ThemePage.objects.get(slug="water-supply")
        self.assertFalse(page.live)
        self.assertEqual(page.milestones.get().year, 1908)
        self.assertEqual(page.indicators.get().source_url, "https://arisu.seoul.go.kr/")
        response = self.client.get(f"/admin/pages/{page.pk}/edit/")
        self.assertEqual(response.status_code, 200)
        response = self.client.post(
            f"/admin/pages/{page.pk}/edit/", self.data(title="Water supply")
        )
        self.assertEqual(response.status_code, 302)
        page = ThemePage.objects.get(pk=page.pk)
        self.assertEqual(page.get_latest_revision_as_object().title, "Water supply")
        # A moderator publishes it.
        self.client.force_login(builders.make_admin_user("moderator", group="Moderators"))
        data = self.data(title="Water supply")
        data["action-publish"] = "publish"
        response = self.client.post(f"/admin/pages/{page.pk}/edit/", data)
        self.assertEqual(response.status_code, 302)
        self.assertTrue(ThemePage.objects.get(pk=page.pk).live)

    def test_form_errors(self):
        self.client.force_login(self.editor)
        url = f"/admin/pages/add/themes/themepage/{self.index.pk}/"
        response = self.client.post(url, self.data(slug="arisu"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "must be its theme&#x27;s slug: “water-supply”")
        bad_year = self.data(
            milestones=inline_formset(
                [{"year": "19080", "title": "Typo", "text": "", "image": "", "policy": ""}]
            )
        )
        self.assertEqual(self.client.post(url, bad_year).status_code, 200)
        self.assertFalse(ThemePage.objects.exists())

    def test_anonymous_and_readers_cannot(self):
        page = make_theme_page(index=self.index, theme=self.theme)
        for url in (
            f"/admin/pages/add/themes/themepage/{self.index.pk}/",
            f"/admin/pages/{page.pk}/edit/",
        ):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 302)
                self.assertIn("/admin/login/", response["Location"])
        # A contributor (partner city) has no page permission here.
        contributor = builders.make_admin_user("city", group="Contributors")
        self.client.force_login(contributor)
        response = self.client.get(f"/admin/pages/{page.pk}/edit/")
        self.assertNotEqual(response.status_code, 200)

    def test_board_post_takes_themes_of_its_language(self):
        board = self.sections["news"]["en"]
        other = builders.make_theme(language="ko", name="상수도", slug="water-supply")
        self.client.force_login(self.editor)
        response = self.client.get(f"/admin/pages/add/boards/boardpost/{board.pk}/")
        self.assertContains(response, f'value="{self.theme.pk}"')
        self.assertNotContains(response, f'name="themes" value="{other.pk}"')
        post = builders.make_post(board=board)
        post.themes.add(self.theme)
        post.save_revision().publish()
        self.assertEqual(list(BoardPost.objects.get(pk=post.pk).themes.all()), [self.theme])
