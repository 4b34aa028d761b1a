"""Cache keys by release; the cache backends: a Redis cache that degrades to "no cache"
instead of failing the request, and a database cache for rate-limit counters.

The caches only ever hold copies (pages, fragments) and rate-limit counters. When Redis is
down, reads miss and writes are dropped, so pages are rendered uncached and nobody sees a
500. After a failure the backend leaves Redis alone for a moment instead of paying a
connection timeout on every call.

Counters live in their own alias, `LIMITS`, so filling the page cache never evicts them, and
in a store every worker process shares: Redis when `REDIS_URL` is set, otherwise a database
table (`CounterDatabaseCache`, created by `migrate`; see `policyshare.core.apps`).
"""

import base64
import logging
import pickle
import time

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.db import connections, models, router, transaction
from django.utils.timezone import now as tz_now
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("policyshare.cache")

REDIS_ERRORS = (RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError)
# Seconds to skip Redis after a failed call.
RETRY_AFTER = 1.0
# The cache alias of rate-limit counters (settings.CACHES).
LIMITS = "limits"


def release_key(key: str, key_prefix: str, version: int) -> str:
    """Django's cache key with the release in it (`KEY_FUNCTION` in the settings).

    A deploy changes `RELEASE`, so the new code never reads pages, fragments or pickled
    objects cached by the old one (which may not even unpickle into the new models); the old
    entries expire unread. Read on every call, so a test can change it.
    """
    return f"{key_prefix}:{settings.RELEASE}:{version}:{key}"


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's client makes a new `redis.Redis` for every call, which costs more than the
    call itself on a page that reads a dozen keys; a client per pool is thread-safe and
    enough."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(
                connection_pool=self._get_connection_pool(write)
            )
        return client


class ResilientRedisCache(RedisCache):
    _down_until = 0.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient

    def _unavailable(self) -> bool:
        return time.monotonic() < self._down_until

    def _failed(self, operation: str, error: Exception) -> None:
        if not self._unavailable():
            logger.warning("cache unavailable (%s): %s; serving uncached", operation, error)
        type(self)._down_until = time.monotonic() + RETRY_AFTER

    def _call(self, operation: str, fallback, *args, **kwargs):
        if self._unavailable():
            return fallback
        try:
            return getattr(super(), operation)(*args, **kwargs)
        except REDIS_ERRORS as error:
            self._failed(operation, error)
            return fallback

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", list(data), data, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", False, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def incr(self, key, delta=1, version=None):
        # Without Redis a counter starts afresh: rate limits fail open rather than with a 500.
        return self._call("incr", delta, key, delta, version)

    def clear(self):
        return self._call("clear", None)


class CounterDatabaseCache(DatabaseCache):
    """Django's database cache with an `incr()` fit for counters.

    The stock `incr()` reads, adds and writes back with the default timeout: two workers
    counting at once lose a count, and every count moves the key's expiry (an hour's window
    would end `TIMEOUT` seconds after the last hit). This one adds under a row lock and keeps
    the expiry that `add()` gave the key.
    """

    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        quote_name = connection.ops.quote_name
        table, key_column, value_column = (
            quote_name(self._table),
            quote_name("cache_key"),
            quote_name("value"),
        )
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        with transaction.atomic(using=db), connection.cursor() as cursor:
            # SQLite has no row locks: its write transaction (transaction_mode IMMEDIATE in
            # settings) serialises the read and the write instead.
            cursor.execute(
                f"SELECT {value_column}, expires FROM {table} WHERE {key_column} = %s{lock}",  # noqa: S608
                [key],
            )
            row = cursor.fetchone()
            if row is None or _to_datetime(connection, row[1]) < tz_now():
                raise ValueError(f"Key '{key}' not found")
            value = pickle.loads(base64.b64decode(connection.ops.process_clob(row[0]).encode()))  # noqa: S301 - our own value
            value += delta
            encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
            cursor.execute(
                f"UPDATE {table} SET {value_column} = %s WHERE {key_column} = %s",  # noqa: S608
                [encoded, key],
            )
        return value


def _to_datetime(connection, value):
    """A stored expiry as an aware or naive datetime, the way `DatabaseCache.get` reads it."""
    expression = models.Expression(output_field=models.DateTimeField())
    for converter in connection.ops.get_db_converters(expression) + expression.get_db_converters(
        connection
    ):
        value = converter(value, expression, connection)
    return value
