"""The board-post form in the admin shows, and saves, only the fields of the post's board.

Tested as a member of the Editors group, the people who write posts.
"""

import re

from django.core.files.base import ContentFile
from django.test import TestCase
from django.urls import reverse
from django.utils import translation
from wagtail.documents import get_document_model

from policyshare.boards.models import BoardPost
from policyshare.core.tests import builders

# Board slug (from ensure_sections) → the board-specific fields its form shows.
SHOWN = {
    "news": set(),
    "media": {"source_outlet", "source_country"},
    "videos": {"video_url", "source_outlet"},
    "reports": {"report_document", "source_outlet"},
}
BOARD_SPECIFIC = {"source_outlet", "source_country", "video_url", "report_document"}
COMMON = {"title", "registered_on", "writer", "summary", "body", "original_url"}


class BoardPostFormTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        cls.document = get_document_model().objects.create(
            title="Plan", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="plan.pdf")
        )
        cls.posts = {
            "news": builders.make_post(board=cls.sections["news"]["ko"]),
            "media": builders.make_post(board=cls.sections["media"]["ko"], source_outlet="X"),
            "videos": builders.make_post(
                board=cls.sections["videos"]["ko"],
                video_url="https://www.youtube.com/watch?v=abcdefghijk",
            ),
            "reports": builders.make_post(
                board=cls.sections["reports"]["ko"], report_document=cls.document
            ),
        }
        cls.editor = builders.make_admin_user("editor", group="Editors")

    def setUp(self):
        self.client.force_login(self.editor)

    def add_url(self, board):
        return reverse(
            "wagtailadmin_pages:add", args=["boards", "boardpost", self.sections[board]["ko"].pk]
        )

    def edit_url(self, board):
        return reverse("wagtailadmin_pages:edit", args=[self.posts[board].pk])

    def assert_fields(self, response, board):
        self.assertEqual(response.status_code, 200)
        inputs = set(re.findall(r'\bname="([^"]+)"', response.content.decode()))
        self.assertLessEqual(COMMON, inputs)
        self.assertEqual(inputs & BOARD_SPECIFIC, SHOWN[board])

    def test_create_view_shows_only_the_fields_of_the_board(self):
        for board in SHOWN:
            with self.subTest(board=board):
                self.assert_fields(self.client.get(self.add_url(board)), board)

    def test_edit_view_shows_only_the_fields_of_the_board(self):
        for board in SHOWN:
            with self.subTest(board=board):
                self.assert_fields(self.client.get(self.edit_url(board)), board)

    def other_boards_values(self):
        return {
            "source_outlet": "Somebody else's outlet",
            "source_country": "Elsewhere",
            "video_url": "https://www.youtube.com/watch?v=zyxwvutsrqp",
            "report_document": str(self.document.pk),
        }

    def test_creating_a_news_post_ignores_other_boards_fields(self):
        response = self.client.post(
            self.add_url("news"),
            {
                "title": "City news",
                "slug": "city-news",
                "registered_on": "2017-04-18",
                "writer": "w",
                **self.other_boards_values(),
            },
        )
        self.assertEqual(response.status_code, 302)
        post = BoardPost.objects.get(slug="city-news").get_latest_revision_as_object()
        self.assertEqual(
            (post.source_outlet, post.source_country, post.video_url, post.report_document),
            ("", "", "", None),
        )

    def test_editing_a_media_post_ignores_other_boards_fields(self):
        post = self.posts["media"]
        response = self.client.post(
            self.edit_url("media"),
            {
                "title": post.title,
                "slug": post.slug,
                "registered_on": "2017-04-18",
                "writer": "w",
                **self.other_boards_values(),
            },
        )
        self.assertEqual(response.status_code, 302)
        draft = BoardPost.objects.get(pk=post.pk).get_latest_revision_as_object()
        # The media post's own fields are saved; the video and report fields are not.
        self.assertEqual(
            (draft.source_outlet, draft.source_country, draft.video_url, draft.report_document),
            ("Somebody else's outlet", "Elsewhere", "", None),
        )

    def test_each_board_still_asks_for_what_it_needs(self):
        for board, field, message in [
            ("media", "source_outlet", "Media coverage needs its source outlet."),
            ("videos", "video_url", "A video post needs a video URL."),
            ("reports", "report_document", "A report needs its document or a link to it."),
        ]:
            with self.subTest(board=board):
                response = self.client.post(
                    self.add_url(board),
                    {"title": "Missing", "slug": f"missing-{board}", "registered_on": "2017-04-18"},
                )
                self.assertEqual(response.status_code, 200)
                with translation.override("en"):
                    self.assertEqual(response.context["form"].errors[field], [message])
                self.assertFalse(BoardPost.objects.filter(slug=f"missing-{board}").exists())
