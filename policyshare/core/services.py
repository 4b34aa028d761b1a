"""Writes shared by every content app: view and download counting, rate-limit counters."""

import hashlib
import hmac
import re
from datetime import date

from django.conf import settings
from django.core.cache import caches
from django.db import IntegrityError, models, transaction
from django.db.models import F, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce

from .cache import LIMITS
from .models import DocumentDownloadDay, PageViewCount, PageViewDay, PageVisit

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


def record_page_view(*, page_id: int, visitor: str, day: date) -> bool:
    """Count a view once per visitor per page per day. Returns True if it was counted."""
    try:
        with transaction.atomic():
            PageVisit.objects.create(page_id=page_id, visitor=visitor, day=day)
            updated = PageViewCount.objects.filter(page_id=page_id).update(count=F("count") + 1)
            if not updated:
                add_to_view_count(page_id=page_id, amount=1)
            _count_view_on_day(page_id=page_id, day=day)
    except IntegrityError:
        # Already counted today (the unique constraint, also under concurrent requests).
        return False
    return True


def _count_view_on_day(*, page_id: int, day: date) -> None:
    """One more view in the page's row for the day: an UPDATE, and an INSERT for the day's
    first view (in a savepoint, so a concurrent first view ends as an UPDATE)."""
    if PageViewDay.objects.filter(page_id=page_id, day=day).update(views=F("views") + 1):
        return
    try:
        with transaction.atomic():
            PageViewDay.objects.create(page_id=page_id, day=day, views=1)
    except IntegrityError:
        PageViewDay.objects.filter(page_id=page_id, day=day).update(views=F("views") + 1)


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
