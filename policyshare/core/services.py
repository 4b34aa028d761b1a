"""Writes shared by every content app: view counting, rate-limit counters."""

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
from .models import PageViewCount, PageViewDay, PageVisit
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

    In one transaction: the visitor-day's row (whose unique constraint refuses a second
    view, also under concurrent requests), one more in the page's total and one more in its
    row for the day. The beacon calls this on every hit, so the three statements of the
    common case (the page already has a total and a row for the day) are written as SQL
    once, here, rather than built by the ORM on each hit: building them cost about three
    times what running them did (bench/beacon, docs/analytics.md). The rare first total and
    first day row go through the ORM.
    """
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(_INSERT_VISIT, [page_id, visitor, day])
            cursor.execute(_ADD_TO_TOTAL, [page_id])
            if not cursor.rowcount:
                add_to_view_count(page_id=page_id, amount=1)
            cursor.execute(_ADD_TO_DAY, [page_id, day])
            if not cursor.rowcount:
                _first_view_on_day(page_id=page_id, day=day)
    except IntegrityError:
        # Already counted today (the unique constraint, also under concurrent requests).
        return False
    return True


def _sql(template: str, *models_) -> str:
    names = [connection.ops.quote_name(model._meta.db_table) for model in models_]
    return template.format(*names)


# Plain SQL that SQLite and PostgreSQL both run; Django's cursor takes %s parameters for both.
_INSERT_VISIT = _sql("INSERT INTO {} (page_id, visitor, day) VALUES (%s, %s, %s)", PageVisit)
_ADD_TO_TOTAL = _sql("UPDATE {} SET count = count + 1 WHERE page_id = %s", PageViewCount)
_ADD_TO_DAY = _sql("UPDATE {} SET views = views + 1 WHERE page_id = %s AND day = %s", PageViewDay)


def _first_view_on_day(*, page_id: int, day: date) -> None:
    """The page's row for the day, with its first view: an INSERT in a savepoint, so that
    a concurrent first view ends as an UPDATE."""
    try:
        with transaction.atomic():
            PageViewDay.objects.create(page_id=page_id, day=day, views=1)
    except IntegrityError:
        PageViewDay.objects.filter(page_id=page_id, day=day).update(views=F("views") + 1)


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
