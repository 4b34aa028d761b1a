"""Writes shared by every content app: view and download counting, rate-limit counters."""

import hashlib
import hmac
import re
from datetime import date

from django.conf import settings
from django.core.cache import cache, caches
from django.db import IntegrityError, connection, models, transaction
from django.db.models import F, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from wagtail.models import Page

from .cache import LIMITS
from .models import DocumentDownloadDay, PageViewCount, PageViewDay, PageVisit
from .page_cache import shared_generation

# The window of `over_rate_limit`: public form submissions are counted per hour.
RATE_LIMIT_WINDOW_SECONDS = 60 * 60

_bot_pattern = None


def is_bot(user_agent: str) -> bool:
    global _bot_pattern
    if _bot_pattern is None:
        _bot_pattern = re.compile(settings.VIEW_COUNT_BOT_PATTERN, re.IGNORECASE)
    return not user_agent.strip() or bool(_bot_pattern.search(user_agent))


def visitor_key(*, address: str, user_agent: str, day: date) -> str:
    """A daily pseudonym for a visitor: it changes every day and cannot be reversed."""
    message = f"{day.isoformat()}|{address}|{user_agent}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def is_countable_page(page_id: int) -> bool:
    """Whether views of the page are counted: it exists, is live and is public.

    Asked on every beacon hit, so the answer is kept in the cache (FRAGMENT_CACHE_SECONDS)
    under the page-cache generation, which publishing, unpublishing, deleting a page and
    making it private or public again all bump (`policyshare.core.signal_handlers`): a
    change is seen on the next hit. When the generation cannot be read (the cache is down),
    or caching is off, the database answers.
    """
    seconds = settings.FRAGMENT_CACHE_SECONDS
    gen = shared_generation() if seconds > 0 else None
    if gen is None:
        return Page.objects.live().public().filter(pk=page_id).exists()
    key = f"countable-page:{gen}:{page_id}"
    countable = cache.get(key)
    if countable is None:
        countable = Page.objects.live().public().filter(pk=page_id).exists()
        cache.set(key, countable, timeout=seconds)
    return countable


def record_page_view(*, page_id: int, visitor: str, day: date) -> bool:
    """Count a view once per visitor per page per day. Returns True if it was counted.

    Atomically: the visitor-day's row (whose unique constraint refuses a second view, also
    under concurrent requests), one more in the page's total and one more in its row for the
    day, each created by its first view (an upsert, so concurrent first views add up).

    The beacon calls this on every hit (issue 20: at most 1 ms of app CPU a hit), so the
    statements are SQL written once, here: built by the ORM on each hit they cost several
    times what running them did. On PostgreSQL they are one statement (data-modifying
    `WITH`), atomic without a transaction, so a hit is one round trip instead of five; on
    SQLite, which runs in the process, three statements in a transaction.
    Figures: docs/analytics.md, "The view-count beacon".
    """
    try:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(_COUNT_VIEW_IN_ONE_STATEMENT, [page_id, visitor, day, day])
                return bool(cursor.fetchone()[0])
            with transaction.atomic():
                cursor.execute(_INSERT_VISIT, [page_id, visitor, day])
                cursor.execute(_ADD_TO_TOTAL, [page_id])
                cursor.execute(_ADD_TO_DAY, [page_id, day])
    except IntegrityError:
        # Already counted today (SQLite: the unique constraint, also under concurrent
        # requests), or the page was deleted since the beacon checked it.
        return False
    return True


def _sql(template: str) -> str:
    tables = {
        name: connection.ops.quote_name(model._meta.db_table)
        for name, model in (("visit", PageVisit), ("total", PageViewCount), ("day", PageViewDay))
    }
    return template.format(**tables)


# Plain SQL: ON CONFLICT … DO UPDATE is an upsert in SQLite and PostgreSQL alike, and
# Django's cursor takes %s parameters for both.
_INSERT_VISIT = _sql("INSERT INTO {visit} (page_id, visitor, day) VALUES (%s, %s, %s)")
_ADD_TO_TOTAL = _sql(
    "INSERT INTO {total} (page_id, count) VALUES (%s, 1) "
    "ON CONFLICT (page_id) DO UPDATE SET count = {total}.count + 1"
)
_ADD_TO_DAY = _sql(
    "INSERT INTO {day} (page_id, day, views) VALUES (%s, %s, 1) "
    "ON CONFLICT (page_id, day) DO UPDATE SET views = {day}.views + 1"
)
# PostgreSQL: the visit is inserted unless the visitor-day exists (DO NOTHING, also under
# concurrent requests: the second waits for the first and inserts nothing), and the total
# and the day's row are added to only for an inserted visit. Returns the visits inserted.
_COUNT_VIEW_IN_ONE_STATEMENT = _sql(
    "WITH visit AS ("
    " INSERT INTO {visit} (page_id, visitor, day) VALUES (%s, %s, %s)"
    " ON CONFLICT DO NOTHING RETURNING page_id"
    "), total AS ("
    " INSERT INTO {total} (page_id, count) SELECT page_id, 1 FROM visit"
    " ON CONFLICT (page_id) DO UPDATE SET count = {total}.count + 1"
    "), on_day AS ("
    " INSERT INTO {day} (page_id, day, views) SELECT page_id, %s, 1 FROM visit"
    " ON CONFLICT (page_id, day) DO UPDATE SET views = {day}.views + 1"
    ") SELECT count(*) FROM visit"
)


def record_document_download(*, document_id: int, day: date) -> None:
    """One more download in the document's row for the day: an UPDATE, and an INSERT for the
    day's first download (in a savepoint, so a concurrent first download ends as an UPDATE).
    Nothing about the visitor is stored, so nothing guards against counting twice: the
    download link's redirect is cached by the browser instead (docs/analytics.md)."""
    rows = DocumentDownloadDay.objects.filter(document_id=document_id, day=day)
    if rows.update(downloads=F("downloads") + 1):
        return
    try:
        with transaction.atomic():
            DocumentDownloadDay.objects.create(document_id=document_id, day=day, downloads=1)
    except IntegrityError:
        rows.update(downloads=F("downloads") + 1)


def views_since(day: date):
    """A subquery for annotating pages (`OuterRef("pk")`) with their views from `day` on."""
    total = (
        PageViewDay.objects.filter(page=OuterRef("pk"), day__gte=day)
        .order_by()
        .values("page")
        .annotate(total=Sum("views"))
        .values("total")
    )
    return Coalesce(Subquery(total, output_field=models.PositiveIntegerField()), 0)


def add_to_view_count(*, page_id: int, amount: int) -> None:
    """Add to a page's count, creating its row if needed (imports carry legacy counts)."""
    with transaction.atomic():
        _counter, created = PageViewCount.objects.get_or_create(
            page_id=page_id, defaults={"count": amount}
        )
        if not created:
            PageViewCount.objects.filter(page_id=page_id).update(count=F("count") + amount)


def set_view_count(*, page_id: int, count: int) -> None:
    PageViewCount.objects.update_or_create(page_id=page_id, defaults={"count": count})


def prune_page_visits(*, before: date) -> int:
    """Forget visitor-days older than `before`; they only guard against double counting."""
    deleted, _ = PageVisit.objects.filter(day__lt=before).delete()
    return deleted


def count_in_window(*, key: str, window_seconds: int) -> int:
    """Count one event under `key`; returns the count in the window its first event opened.

    In the limits cache (`policyshare.core.cache.LIMITS`), which every worker shares and
    page caching cannot evict.
    """
    limits = caches[LIMITS]
    # add() opens a window only if none is open; incr() is atomic in every limits backend.
    limits.add(key, 0, timeout=window_seconds)
    try:
        return limits.incr(key)
    except ValueError:  # the window closed between add() and incr()
        limits.add(key, 1, timeout=window_seconds)
        return 1


def over_rate_limit(*, scope: str, address: str, limit: int | None = None) -> bool:
    """Count one public form submission from an address; True once it exceeds the hourly
    limit (REQUEST_RATE_LIMIT unless `limit` is given).

    `scope` keeps the forms apart (a request does not use up the newsletter's allowance).
    The address is stored only as a keyed digest.
    """
    limit = settings.REQUEST_RATE_LIMIT if limit is None else limit
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
    # The prefix predates the split of the `inquiries` app; kept so counts survive a deploy.
    key = f"inquiries:rate:{scope}:{digest}"
    return count_in_window(key=key, window_seconds=RATE_LIMIT_WINDOW_SECONDS) > limit
