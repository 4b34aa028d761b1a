"""The mechanics that keep a search fast at 100,000 documents (docs/search.md, "Speed")."""

import time
from unittest import mock

from django.core.cache import cache
from django.test import SimpleTestCase
from threadpoolctl import threadpool_info

from policyshare.search import selectors, semantic


class DocumentFrequencyMemoTests(SimpleTestCase):
    def setUp(self):
        selectors._frequency_memo.clear()
        cache.clear()
        self.addCleanup(selectors._frequency_memo.clear)
        self.addCleanup(cache.clear)

    def count(self, value):
        return mock.patch.object(selectors._FulltextQuery, "document_count", return_value=value)

    def test_a_term_is_counted_once_per_process_while_its_count_is_fresh(self):
        with self.count(7) as document_count:
            self.assertEqual(
                selectors._document_frequencies(["bus", "night"]), {"bus": 7, "night": 7}
            )
            # The shared cache lost the counts (a LocMemCache of 300 entries evicts them).
            cache.clear()
            self.assertEqual(
                selectors._document_frequencies(["bus", "night"]), {"bus": 7, "night": 7}
            )
        self.assertEqual(document_count.call_count, 2)  # once per term, not once per search

    def test_a_count_older_than_the_cache_time_is_made_again(self):
        with self.count(7):
            selectors._document_frequencies(["bus"])
        cache.clear()
        later = time.monotonic() + selectors.FREQUENCY_CACHE_SECONDS + 1
        with (
            self.count(9) as document_count,
            mock.patch.object(selectors.time, "monotonic", return_value=later),
        ):
            self.assertEqual(selectors._document_frequencies(["bus"]), {"bus": 9})
        document_count.assert_called_once_with()

    def test_a_count_in_the_shared_cache_is_not_made_again(self):
        cache.set("portal_search:df:bus", 5)
        with self.count(7) as document_count:
            self.assertEqual(selectors._document_frequencies(["bus"]), {"bus": 5})
        document_count.assert_not_called()


class OneBlasThreadTests(SimpleTestCase):
    def test_the_dot_product_runs_on_one_blas_thread(self):
        blas = [info for info in threadpool_info() if info["user_api"] == "blas"]
        self.assertTrue(blas, "numpy's BLAS was not found")
        with semantic._one_blas_thread():
            inside = [
                info["num_threads"] for info in threadpool_info() if info["user_api"] == "blas"
            ]
        self.assertEqual(set(inside), {1})
        after = [info["num_threads"] for info in threadpool_info() if info["user_api"] == "blas"]
        self.assertEqual(after, [info["num_threads"] for info in blas])
