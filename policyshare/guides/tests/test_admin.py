"""Who may write guides in the admin: Editors create and edit them, Moderators publish, the
public may not; the edit form offers the page's own language's themes only."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from policyshare.core.tests import builders
from policyshare.guides.models import GuideChapterPage, GuidePage

from .builders import make_guide


class GuideAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections(languages=("ko", "en"))
        cls.index = cls.sections["guides"]["en"]
        cls.english_theme = builders.make_theme(language="en", slug="water", name="Water")
        cls.korean_theme = builders.make_theme(language="ko", slug="water", name="상수도")
        cls.editor = builders.make_editor()
        cls.moderator = builders.make_admin_user("moderator", group="Moderators")

    def guide_data(self, **fields):
        values = {
            "title": "Arisu: Seoul's tap water",
            "slug": "arisu",
            "summary": "How Seoul supplies drinking water.",
            "introduction": rich_text("<p>Introduction.</p>"),
            "publisher_name": "Office of Waterworks",
            "authors": "",
            "sources": inline_formset([]),
        }
        values.update(fields)
        data = nested_form_data(values)
        # A list would be flattened into "themes-0"; the checkboxes post one key, many values.
        data["themes"] = [self.english_theme.pk]
        return data

    def test_editor_creates_a_guide_and_a_chapter(self):
        self.client.force_login(self.editor)
        self.assertCanCreate(self.index, GuidePage, self.guide_data(), publish=False)
        guide = GuidePage.objects.get(slug="arisu")
        draft = guide.get_latest_revision_as_object()
        self.assertEqual(list(draft.themes.all()), [self.english_theme])
        chapter = nested_form_data(
            {
                "title": "Purification",
                "slug": "purification",
                "summary": "",
                "body": streamfield(
                    [
                        ("heading", {"text": "Ttukdo, 1908", "level": "h2"}),
                        ("paragraph", rich_text("<p>The first plant.</p>")),
                        ("key_figure", {"figure": "1908", "label": "First plant", "source": ""}),
                    ]
                ),
            }
        )
        self.assertCanCreate(guide, GuideChapterPage, chapter, publish=False)
        created = GuideChapterPage.objects.get(slug="purification")
        self.assertEqual([s.text for s in created.sections()], ["Ttukdo, 1908"])

    def test_editor_edits_but_does_not_publish(self):
        guide = make_guide(index=self.index, slug="edited")
        self.client.force_login(self.editor)
        edit = f"/admin/pages/{guide.pk}/edit/"
        self.assertEqual(self.client.get(edit).status_code, 200)
        data = self.guide_data(title="Edited title", slug="edited")
        response = self.client.post(edit, data)
        self.assertEqual(response.status_code, 302)
        guide.refresh_from_db()
        self.assertEqual(guide.get_latest_revision_as_object().title, "Edited title")
        permissions = guide.permissions_for_user(self.editor)
        self.assertTrue(permissions.can_edit())
        self.assertFalse(permissions.can_publish())
        self.assertTrue(guide.permissions_for_user(self.moderator).can_publish())

    def test_form_offers_only_the_pages_language_themes(self):
        self.client.force_login(self.editor)
        response = self.client.get(f"/admin/pages/add/guides/guidepage/{self.index.pk}/")
        self.assertEqual(response.status_code, 200)
        queryset = response.context["form"].fields["themes"].queryset
        self.assertEqual(list(queryset), [self.english_theme])

    def test_chapter_slug_all_is_a_form_error(self):
        guide = make_guide(index=self.index, slug="g")
        self.client.force_login(self.editor)
        data = nested_form_data(
            {"title": "All", "slug": "all", "summary": "", "body": streamfield([])}
        )
        response = self.client.post(f"/admin/pages/add/guides/guidechapterpage/{guide.pk}/", data)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(GuideChapterPage.objects.filter(slug="all").exists())

    def test_anonymous_and_staff_without_admin_access_cannot(self):
        add = f"/admin/pages/add/guides/guidepage/{self.index.pk}/"
        response = self.client.get(add)
        self.assertEqual(response.status_code, 302)
        self.assertIn("/admin/login/", response["Location"])
        self.client.post(add, self.guide_data(slug="sneaky"))
        self.assertFalse(Page.objects.filter(slug="sneaky").exists())
        organiser = builders.make_admin_user("organiser", group="Event organisers")
        self.client.force_login(organiser)
        self.assertNotEqual(self.client.get(add).status_code, 200)
        self.assertFalse(self.index.permissions_for_user(organiser).can_add_subpage())

    def test_preview_of_a_new_chapter_and_of_the_guide(self):
        guide = make_guide(index=self.index, slug="previewed")
        self.client.force_login(self.editor)
        data = nested_form_data(
            {
                "title": "Draft chapter",
                "slug": "draft-chapter",
                "summary": "",
                "body": streamfield([("heading", {"text": "First part", "level": "h2"})]),
            }
        )
        url = f"/admin/pages/add/guides/guidechapterpage/{guide.pk}/preview/"
        self.assertEqual(self.client.post(url, data).json()["is_valid"], True)
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, '<h2 id="section-1">First part</h2>', html=False)
        self.assertContains(response, f'rel="prev" class="guide-pager__prev" href="{guide.url}"')
        edit_preview = f"/admin/pages/{guide.pk}/edit/preview/"
        self.assertEqual(self.client.post(edit_preview, self.guide_data()).json()["is_valid"], True)
        self.assertEqual(self.client.get(edit_preview).status_code, 200)
