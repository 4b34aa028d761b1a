"""The home page's latest posts per board, read for all boards in one query."""

from datetime import date

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from policyshare.core.tests import builders
from policyshare.home.selectors import POSTS_PER_BOARD, latest_posts_by_board


class LatestPostsByBoardTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        cls.news = cls.sections["news"]["en"]
        cls.media = cls.sections["media"]["en"]
        cls.news_posts = [
            builders.make_post(board=cls.news, registered_on=date(2020, 1, day))
            for day in (3, 1, 5, 2, 4, 6)
        ]
        cls.media_post = builders.make_post(board=cls.media, registered_on=date(2019, 1, 1))

    def test_each_board_shows_its_own_newest_posts_in_one_query(self):
        home = self.news.get_parent().specific
        with CaptureQueriesContext(connection) as queries:
            sections = latest_posts_by_board(home)
        shown = {section["board"].pk: section["posts"] for section in sections}
        newest = sorted(self.news_posts, key=lambda post: post.registered_on, reverse=True)
        self.assertEqual(shown[self.news.pk], newest[:POSTS_PER_BOARD])
        self.assertEqual(shown[self.media.pk], [self.media_post])
        self.assertTrue(all(hasattr(post, "views") for post in shown[self.news.pk]))
        post_queries = [q for q in queries if 'FROM "boards_boardpost"' in q["sql"]]
        self.assertEqual(len(post_queries), 1)
        self.assertEqual(len(sections), len({s["board"].pk for s in sections}))
