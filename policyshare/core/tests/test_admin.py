"""Editors manage every content type in the Wagtail admin; policies go through review."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import TestCase
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.users.models import UserProfile

from policyshare.boards.models import BoardPost
from policyshare.core.tests import builders
from policyshare.policies.models import PolicyCase


class AdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        cls.theme_ko = builders.make_theme(name="교통", slug="transport")
        cls.theme_en = builders.make_theme(
            language="en", name="Transport", slug="transport", translation_of=cls.theme_ko
        )
        cls.policy = builders.make_policy(library=cls.sections["policies"]["ko"], slug="p")
        cls.post = builders.make_post(board=cls.sections["media"]["ko"], source_outlet="X")
        cls.admin = get_user_model().objects.create_superuser("admin", "a@example.org", "pw")
        # The admin follows each user's language; these tests read English messages.
        profile = UserProfile.get_for_user(cls.admin)
        profile.preferred_language = "en"
        profile.save()

    def setUp(self):
        self.client.force_login(self.admin)

    def test_edit_and_add_views_open_for_every_page_type(self):
        home = self.sections["policies"]["ko"].get_parent()
        urls = [
            reverse("wagtailadmin_pages:edit", args=[self.policy.pk]),
            reverse("wagtailadmin_pages:edit", args=[self.post.pk]),
            reverse(
                "wagtailadmin_pages:add",
                args=["policies", "policycase", self.sections["policies"]["ko"].pk],
            ),
            reverse(
                "wagtailadmin_pages:add",
                args=["boards", "boardpost", self.sections["news"]["ko"].pk],
            ),
            reverse("wagtailadmin_pages:add", args=["core", "standardpage", home.pk]),
            reverse("wagtailsnippets_policies_theme:list"),
            reverse("wagtailsnippets_partners_partner:list"),
            reverse("wagtailsnippets_partners_partner:add"),
        ]
        for url in urls:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 200)

    def test_policy_form_offers_only_themes_of_its_language(self):
        url = reverse("wagtailadmin_pages:edit", args=[self.policy.pk])
        form = self.client.get(url).context["form"]
        self.assertEqual(list(form.fields["themes"].queryset), [self.theme_ko])

    def test_media_post_without_outlet_is_refused_and_nothing_is_saved(self):
        url = reverse(
            "wagtailadmin_pages:add", args=["boards", "boardpost", self.sections["media"]["ko"].pk]
        )
        before = BoardPost.objects.count()
        response = self.client.post(
            url,
            {
                "title": "No outlet",
                "slug": "no-outlet",
                "registered_on": "2017-04-18",
                "writer": "w",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "source outlet")
        self.assertEqual(BoardPost.objects.count(), before)

    def test_policy_end_year_before_start_year_is_refused(self):
        url = reverse(
            "wagtailadmin_pages:add",
            args=["policies", "policycase", self.sections["policies"]["ko"].pk],
        )
        response = self.client.post(
            url,
            {
                "title": "Bad period",
                "slug": "bad-period",
                "summary": "s",
                "period_start_year": "2020",
                "period_end_year": "2010",
                **{
                    f"{name}-{field}": "0"
                    for name in ("indicators", "budget_lines", "attachments", "related_policies")
                    for field in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS")
                },
                **{
                    f"{name}-MAX_NUM_FORMS": "1000"
                    for name in ("indicators", "budget_lines", "attachments", "related_policies")
                },
                "actions-count": "0",
                **{
                    f"{name}-count": "0"
                    for name in ("obstacles", "stakeholders", "legal_basis", "lifecycle")
                },
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "The end year cannot be before the start year.")
        self.assertFalse(PolicyCase.objects.filter(slug="bad-period").exists())

    def test_policies_are_under_the_review_workflow(self):
        workflow = self.policy.get_workflow()
        self.assertIsNotNone(workflow)
        self.assertEqual(workflow.name, "Policy review")
        moderators = Group.objects.get(name="Moderators")
        task = workflow.tasks.first().specific
        self.assertIn(moderators, task.groups.all())
        workflow.start(self.policy, self.admin)
        self.assertTrue(
            WorkflowState.objects.filter(
                base_content_type__model="page",
                object_id=str(self.policy.pk),
                status=WorkflowState.STATUS_IN_PROGRESS,
            ).exists()
        )

    def test_preview_renders(self):
        url = reverse("wagtailadmin_pages:preview_on_edit", args=[self.policy.pk])
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)

    def test_anonymous_users_cannot_reach_the_admin(self):
        self.client.logout()
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.policy.pk]))
        self.assertEqual(response.status_code, 302)
        self.assertIn("/admin/login/", response["Location"])
