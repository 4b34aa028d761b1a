"""The home page's featured policies and latest posts per board: a few rows each, in a
query count that does not grow with the content."""

from datetime import date, timedelta
from unittest import mock

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from policyshare.core.tests import builders
from policyshare.home import selectors
from policyshare.home.selectors import (
    FEATURED_POLICIES,
    POSTS_PER_BOARD,
    featured_policies,
    latest_posts_by_board,
)


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
        post_queries = [q["sql"] for q in queries if 'FROM "boards_boardpost"' in q["sql"]]
        self.assertEqual(len(post_queries), 1)
        self.assertEqual(len(sections), len({s["board"].pk for s in sections}))
        # A few rows in the order of the index, not a rank of every post of every board.
        self.assertIn("LIMIT", post_queries[0])
        self.assertNotIn("ROW_NUMBER", post_queries[0].upper())

    def test_a_board_crowded_out_of_the_newest_posts_is_read_on_its_own(self):
        home = self.news.get_parent().specific
        first = date(2021, 1, 1)
        # One share (16 posts for 4 boards): the newest are all news, so the older media
        # post is not among them.
        newer = [
            builders.make_post(board=self.news, registered_on=first + timedelta(days=n))
            for n in range(POSTS_PER_BOARD * 4)
        ]
        with (
            mock.patch.object(selectors, "NEWEST_SHARE", 1),
            CaptureQueriesContext(connection) as queries,
        ):
            sections = latest_posts_by_board(home)
        shown = {section["board"].pk: section["posts"] for section in sections}
        self.assertEqual(shown[self.news.pk], newer[::-1][:POSTS_PER_BOARD])
        self.assertEqual(shown[self.media.pk], [self.media_post])
        post_queries = [q for q in queries if 'FROM "boards_boardpost"' in q["sql"]]
        # All boards together, then each of the three boards short of posts.
        self.assertEqual(len(post_queries), 4)


class FeaturedPoliciesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        cls.library = cls.sections["policies"]["en"]
        cls.home = cls.library.get_parent().specific
        # Made in this order, so each is newer than the one before.
        cls.featured = [
            builders.make_policy(library=cls.library, is_featured=True) for _ in range(2)
        ]
        cls.others = [builders.make_policy(library=cls.library) for _ in range(FEATURED_POLICIES)]

    def test_featured_first_then_the_newest_others(self):
        with CaptureQueriesContext(connection) as queries:
            shown = featured_policies(self.home, self.library)
        expected = self.featured[::-1] + self.others[::-1][: FEATURED_POLICIES - 2]
        self.assertEqual([p.pk for p in shown], [p.pk for p in expected])
        self.assertTrue(all(hasattr(policy, "views") for policy in shown))
        reads = [q["sql"] for q in queries if 'FROM "policies_policycase"' in q["sql"]]
        self.assertEqual(len(reads), 2)
        # No sort on is_featured across the policy and page tables.
        self.assertFalse([sql for sql in reads if 'ORDER BY "policies_policycase"."is_f' in sql])

    def test_enough_featured_policies_are_one_read(self):
        featured = self.featured + [
            builders.make_policy(library=self.library, is_featured=True)
            for _ in range(FEATURED_POLICIES)
        ]
        with CaptureQueriesContext(connection) as queries:
            shown = featured_policies(self.home, self.library)
        self.assertEqual([p.pk for p in shown], [p.pk for p in featured[::-1][:FEATURED_POLICIES]])
        reads = [q for q in queries if 'FROM "policies_policycase"' in q["sql"]]
        self.assertEqual(len(reads), 1)
