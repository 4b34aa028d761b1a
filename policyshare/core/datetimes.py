"""Times as readers see them: in their language's format, with the zone always named.

A time is shown in the reader's zone when we know it (a cooperation request records the
requester's zone when their browser gives it) and otherwise in the site's zone
(`TIME_ZONE`, Asia/Seoul); either way the zone is written out, so "15:08" is never read in
the wrong zone: "26 novembre 2026 14:08 KST (UTC+9)", "26 de noviembre de 2026 a las 00:08
UTC-5 (Bogota)". The format is Django's `DATETIME_FORMAT` of the active language
(`django.utils.formats`; Arabic's is in `core/formats/ar`).
"""

from contextlib import nullcontext
from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

from django.conf import settings
from django.utils import formats, timezone, translation

MAX_ZONE_LENGTH = 64


@lru_cache(maxsize=1)
def _zone_names() -> frozenset[str]:
    return frozenset(available_timezones())


def valid_zone(name: str | None) -> str:
    """`name` if it is an IANA zone this server knows ("America/Bogota"), else ""."""
    name = (name or "").strip()
    if not name or len(name) > MAX_ZONE_LENGTH or name not in _zone_names():
        return ""
    return name


def _zone(name: str | None) -> ZoneInfo:
    return ZoneInfo(valid_zone(name) or settings.TIME_ZONE)


def utc_offset(value: datetime) -> str:
    """ "UTC+9", "UTC-5", "UTC+5:30", "UTC" for an aware datetime."""
    minutes = int(value.utcoffset().total_seconds() // 60)
    if not minutes:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def zone_label(value: datetime) -> str:
    """ "KST (UTC+9)" where the zone has a letter abbreviation, else "UTC-5 (Bogota)"."""
    offset = utc_offset(value)
    abbreviation = value.tzname() or ""
    if abbreviation.isalpha() and abbreviation != "UTC":
        return f"{abbreviation} ({offset})"
    key = getattr(value.tzinfo, "key", "") or ""
    place = key.rsplit("/", 1)[-1].replace("_", " ")
    if not place or place == "UTC":
        return offset
    return f"{offset} ({place})"


def in_zone(value: datetime, zone: str | None = None) -> datetime:
    return timezone.localtime(value, _zone(zone))


def format_datetime(value: datetime, *, zone: str | None = None, language: str | None = None):
    """The date and time in `language` (default: the active one) and in `zone` (default and
    for an unknown zone: the site's), followed by the zone."""
    local = in_zone(value, zone)
    with translation.override(language) if language else nullcontext():
        text = formats.date_format(local, "DATETIME_FORMAT")
    return f"{text} {zone_label(local)}"
