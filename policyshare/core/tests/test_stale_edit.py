"""Two editors open the same page: the one who saves second from a stale form is refused."""

import re

from django.test import Client, TestCase
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from policyshare.core.models import StandardPage
from policyshare.core.tests import builders


class StaleEditFormTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = builders.sections()["policies"]["en"].get_parent()
        cls.page = builders.make_standard_page(parent=home, title="About", slug="about")
        cls.url = reverse("wagtailadmin_pages:edit", args=[cls.page.pk])
        cls.ana = builders.make_admin_user("ana", superuser=True)
        cls.min = builders.make_admin_user("min", superuser=True)

    def loaded_revision(self, response) -> dict:
        """The hidden inputs that tell which revision the form shows."""
        loaded = dict(
            re.findall(
                r'<input type="hidden" name="(loaded_revision_\w+)" value="([^"]*)"',
                response.content.decode(),
            )
        )
        self.assertEqual(set(loaded), {"loaded_revision_id", "loaded_revision_created_at"})
        return loaded

    def open_form(self, user) -> tuple[Client, dict]:
        """An editor's browser with the edit form loaded."""
        client = Client()
        client.force_login(user)
        return client, self.loaded_revision(client.get(self.url))

    def save_draft(self, client, loaded, *, introduction):
        data = nested_form_data(
            {
                "title": "About",
                "slug": "about",
                "introduction": introduction,
                "body": streamfield([]),
                "questions": streamfield([]),
                "comments": inline_formset([]),
            }
        )
        return client.post(self.url, {**data, **loaded})

    def draft_introduction(self):
        page = StandardPage.objects.get(pk=self.page.pk)
        return page.get_latest_revision_as_object().introduction

    def test_second_save_from_a_stale_form_is_refused_and_the_first_draft_is_intact(self):
        ana, ana_loaded = self.open_form(self.ana)
        min_, min_loaded = self.open_form(self.min)

        response = self.save_draft(ana, ana_loaded, introduction="Ana's new introduction")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.draft_introduction(), "Ana's new introduction")
        revisions = self.page.revisions.count()

        response = self.save_draft(min_, min_loaded, introduction="Min's older edit")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Someone else saved this page after you opened it")
        # Min's input is kept on the form.
        self.assertContains(response, "Min&#x27;s older edit")
        self.assertEqual(self.draft_introduction(), "Ana's new introduction")
        self.assertEqual(self.page.revisions.count(), revisions)

        # Having seen the warning, Min can save the refused form again on purpose.
        response = self.save_draft(
            min_, self.loaded_revision(response), introduction="Min's older edit"
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.draft_introduction(), "Min's older edit")

    def test_saving_twice_from_ones_own_form_is_allowed(self):
        ana, loaded = self.open_form(self.ana)
        self.assertEqual(self.save_draft(ana, loaded, introduction="One").status_code, 302)
        _client, reloaded = self.open_form(self.ana)
        self.assertEqual(self.save_draft(ana, reloaded, introduction="Two").status_code, 302)
        self.assertEqual(self.draft_introduction(), "Two")
