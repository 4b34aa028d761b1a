"""Rate-limit counters: in their own cache alias, shared by every process, never evicted by
the page cache, and their window is not moved by counting."""

import os
import subprocess
import sys
import tempfile
import threading
import unittest
from pathlib import Path

from django.conf import settings
from django.core.cache import cache, caches
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection, connections
from django.test import TestCase, TransactionTestCase, override_settings

from policyshare.core.cache import LIMITS
from policyshare.core.services import count_in_window, over_rate_limit

ROOT = Path(settings.BASE_DIR)
# A page cache that holds ten entries: filling it evicts almost everything in it.
SMALL_PAGE_CACHE = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "small-page-cache",
    "OPTIONS": {"MAX_ENTRIES": 10, "CULL_FREQUENCY": 1},
}


@override_settings(CACHES={"default": SMALL_PAGE_CACHE, "limits": settings.LIMITS_CACHE})
class LimitsSurvivePageCachingTests(TestCase):
    def setUp(self):
        cache.clear()
        caches[LIMITS].clear()

    def fill_page_cache(self):
        for n in range(100):
            cache.set(f"pagecache:1:{n}", b"<html>" * 100)

    def test_filling_the_page_cache_does_not_evict_a_request_form_limit(self):
        for _ in range(3):
            self.assertFalse(over_rate_limit(scope="request", address="192.0.2.1", limit=3))
        self.fill_page_cache()
        self.assertTrue(over_rate_limit(scope="request", address="192.0.2.1", limit=3))

    @override_settings(OPEN_DATA_API_RATE_LIMIT=2, OPEN_DATA_API_RATE_WINDOW=60)
    def test_filling_the_page_cache_does_not_evict_an_api_limit(self):
        for _ in range(2):
            self.assertEqual(self.client.get("/api/v1/themes").status_code, 200)
        self.fill_page_cache()
        self.assertEqual(self.client.get("/api/v1/themes").status_code, 429)


class CounterDatabaseCacheTests(TestCase):
    def setUp(self):
        caches[LIMITS].clear()

    def expires(self, key):
        table = connection.ops.quote_name(settings.LIMITS_CACHE["LOCATION"])
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT expires FROM {table} WHERE cache_key = %s",
                [caches[LIMITS].make_key(key)],
            )
            return cursor.fetchone()[0]

    def test_without_redis_limits_are_in_the_database(self):
        self.assertEqual(
            settings.CACHES[LIMITS]["BACKEND"], "policyshare.core.cache.CounterDatabaseCache"
        )

    def test_two_cache_connections_on_the_table_see_one_count(self):
        first = caches.create_connection(LIMITS)
        second = caches.create_connection(LIMITS)
        self.assertIsNot(first, second)
        first.add("shared", 0, timeout=60)
        self.assertEqual(first.incr("shared"), 1)
        self.assertEqual(second.incr("shared"), 2)
        self.assertEqual(first.get("shared"), 2)

    def test_counting_keeps_the_window_that_add_opened(self):
        caches[LIMITS].add("window", 0, timeout=3600)
        opened = self.expires("window")
        for _ in range(3):
            count = count_in_window(key="window", window_seconds=3600)
        self.assertEqual(count, 3)
        # Django's stock incr() would move the expiry to now + TIMEOUT (300 s).
        self.assertEqual(self.expires("window"), opened)

    def test_a_missing_or_expired_counter_cannot_be_incremented(self):
        limits = caches[LIMITS]
        with self.assertRaises(ValueError):
            limits.incr("missing")
        limits.add("old", 5, timeout=-1)
        with self.assertRaises(ValueError):
            limits.incr("old")
        self.assertEqual(count_in_window(key="old", window_seconds=60), 1)

    def test_migrate_creates_the_limits_table(self):
        table = settings.LIMITS_CACHE["LOCATION"]
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE {connection.ops.quote_name(table)}")
        self.assertNotIn(table, connection.introspection.table_names())
        emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
        self.assertIn(table, connection.introspection.table_names())


@unittest.skipUnless(connection.vendor == "postgresql", "concurrent writers need PostgreSQL")
class ConcurrentCountingTests(TransactionTestCase):
    def _fixture_teardown(self):
        # Only the counter was committed: remove it instead of flushing the whole database.
        caches[LIMITS].delete("concurrent")

    def test_concurrent_counts_are_never_lost(self):
        caches[LIMITS].delete("concurrent")

        def count(results):
            try:
                for _ in range(10):
                    results.append(count_in_window(key="concurrent", window_seconds=60))
            finally:
                connections.close_all()

        results = []
        threads = [threading.Thread(target=count, args=(results,)) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        # Every count was seen once: Django's stock incr() would repeat some and end lower.
        self.assertEqual(sorted(results), list(range(1, 81)))
        self.assertEqual(caches[LIMITS].get("concurrent"), 80)


def test_two_app_processes_share_the_request_limit():
    """Two separate processes (as two gunicorn workers) against one database without Redis:
    the second sees the first's submission."""
    script = (
        "from policyshare.core.services import over_rate_limit; "
        "print(over_rate_limit(scope='request', address='192.0.2.9', limit=1))"
    )
    with tempfile.TemporaryDirectory() as directory:
        environment = {
            key: value
            for key, value in os.environ.items()
            if key not in {"REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
        }
        environment.update(
            DJANGO_SETTINGS_MODULE="policyshare.settings.production",
            SECRET_KEY="s" * 20 + "-Xy7_q9Lp2Zr4Wt6Vb8Nc1Md3Kf5Hj0Gs",
            ALLOWED_HOSTS="x.example",
            DATABASE_URL=f"sqlite:///{directory}/limits.sqlite3",
        )

        def manage(*args):
            result = subprocess.run(
                [sys.executable, "manage.py", *args],
                cwd=ROOT,
                env=environment,
                capture_output=True,
                text=True,
                check=False,
                timeout=120,
            )
            assert result.returncode == 0, result.stderr
            return result.stdout.strip()

        manage("createcachetable")
        assert manage("shell", "--no-imports", "-c", script) == "False"
        assert manage("shell", "--no-imports", "-c", script) == "True"
