"""Rendered briefing packs: kept in the media storage by content version, rendered by the
task worker when missing (`tasks.render_pack`), and pruned (`prune_briefing_packs`)."""

import logging
import time
import traceback
from dataclasses import dataclass
from datetime import timedelta
from pathlib import PurePosixPath

from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from policyshare.core.cache import LIMITS
from policyshare.core.privacy import public
from policyshare.policies.models import PolicyCase

from . import render
from .models import StoredPack
from .selectors import LAYOUT_VERSION, Pack, content_version, pack_for

logger = logging.getLogger(__name__)

# The renderer is looked up by name when it runs (so a test can replace it).
FORMATS = {
    "pdf": ("application/pdf", "render_pdf"),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "render_docx",
    ),
}
FOLDER = "briefing"
# How long a queued render keeps others from queueing the same pack again.
QUEUED_SECONDS = 600
# How long a failed render is reported to readers instead of being queued again by itself
# (a reader's "Try again" queues it at once).
FAILED_SECONDS = 600
# A download marks its file as used at most this often (one write, not one per download).
USED_RESOLUTION = timedelta(hours=1)
# A file that has no record yet may be being saved: pruning leaves it this long.
UNRECORDED_GRACE = timedelta(hours=1)


class RenderFailed(Exception):
    """A pack could not be rendered. Its message names the error's class and where it
    happened, never its text (which may quote the cases' content)."""


def stored_name(pack: Pack, fmt: str) -> str:
    return f"{FOLDER}/{pack.version}.{fmt}"


def stored_file(pack: Pack, fmt: str) -> bytes | None:
    """The pack's file in this content version, if it was rendered already (marked as used:
    pruning keeps the files readers download)."""
    name = stored_name(pack, fmt)
    if not default_storage.exists(name):
        return None
    with default_storage.open(name, "rb") as stored:
        data = stored.read()
    now = timezone.now()
    StoredPack.objects.filter(name=name, used_at__lt=now - USED_RESOLUTION).update(used_at=now)
    return data


def render_and_store(*, ids: list[int], language: str, fmt: str) -> str:
    """Render the pack of these ids as it is now and store it; returns the stored name.

    A pack already stored in this version is not rendered again. A render that fails is
    logged (its version, format, language, number of cases and error class: nothing from
    the content) and recorded for `FAILED_SECONDS` (`failed_at`), so readers are told at
    once instead of waiting; then `RenderFailed` is raised, for the task's own record."""
    pack = pack_for([str(pk) for pk in ids], language=language)
    name = stored_name(pack, fmt)
    try:
        if pack.policies and not default_storage.exists(name):
            _content_type, renderer = FORMATS[fmt]
            # The renderers are WeasyPrint (Pango, fonts, images) and python-docx: whatever
            # they raise, the failure is recorded and raised again, never swallowed.
            try:
                data = getattr(render, renderer)(pack)
            except Exception as error:  # noqa: BLE001 - recorded, then raised again
                where = traceback.extract_tb(error.__traceback__)[-1]
                logger.error(
                    "Briefing pack render failed: version=%s format=%s language=%s cases=%d "
                    "error=%s at %s:%d",
                    pack.version,
                    fmt,
                    pack.language,
                    len(pack.policies),
                    type(error).__name__,
                    PurePosixPath(where.filename).name,
                    where.lineno,
                )
                caches[LIMITS].set(_failed_key(pack, fmt), int(time.time()), FAILED_SECONDS)
                raise RenderFailed(
                    f"{type(error).__name__} at {PurePosixPath(where.filename).name}:{where.lineno}"
                ) from None
            default_storage.save(name, ContentFile(data))
            now = timezone.now()
            StoredPack.objects.update_or_create(
                name=name,
                defaults={
                    "language": pack.language,
                    "layout": LAYOUT_VERSION,
                    "revisions": [list(pair) for pair in pack.revisions],
                    "used_at": now,
                },
            )
    finally:
        caches[LIMITS].delete(_queued_key(pack, fmt))
    return name


def queue_render(pack: Pack, fmt: str) -> bool:
    """Ask the task worker for the pack's file; False if it was asked already and has not
    finished (the marker is shared by every web process)."""
    from .tasks import render_pack

    if not caches[LIMITS].add(_queued_key(pack, fmt), 1, timeout=QUEUED_SECONDS):
        return False
    render_pack.enqueue(ids=pack.ids, language=pack.language, fmt=fmt)
    return True


def is_queued(pack: Pack, fmt: str) -> bool:
    return caches[LIMITS].get(_queued_key(pack, fmt)) is not None


def failed_at(pack: Pack, fmt: str) -> int | None:
    """When the last render of the pack's file in this version failed (Unix time), if that
    was less than `FAILED_SECONDS` ago."""
    return caches[LIMITS].get(_failed_key(pack, fmt))


def forget_failure(pack: Pack, fmt: str) -> None:
    """A reader asks to try again: the next request queues the render anew."""
    caches[LIMITS].delete(_failed_key(pack, fmt))


def _queued_key(pack: Pack, fmt: str) -> str:
    return f"briefing:queued:{pack.version}:{fmt}"


def _failed_key(pack: Pack, fmt: str) -> str:
    return f"briefing:failed:{pack.version}:{fmt}"


# Pruning


@dataclass
class PruneResult:
    unused: int = 0
    obsolete: int = 0
    unrecorded: int = 0
    kept: int = 0

    @property
    def deleted(self) -> int:
        return self.unused + self.obsolete + self.unrecorded


def stored_files() -> list[str]:
    """The names of every stored pack file."""
    if not default_storage.exists(FOLDER):
        return []
    return sorted(f"{FOLDER}/{name}" for name in default_storage.listdir(FOLDER)[1])


def current_versions(records) -> set[str]:
    """The content versions the records' packs would have today, in one query: a pack whose
    stored version is not among them can no longer be asked for (a case was edited,
    unpublished or made private, or the layout changed)."""
    ids = {pk for record in records for pk, _revision in record.revisions}
    latest = dict(
        public(PolicyCase.objects.live().filter(pk__in=ids)).values_list("pk", "latest_revision_id")
    )
    versions = set()
    for record in records:
        pairs = [(pk, latest.get(pk)) for pk, _revision in record.revisions]
        if all(pk in latest for pk, _revision in record.revisions):
            versions.add(
                content_version(language=record.language, revisions=pairs, layout=LAYOUT_VERSION)
            )
    return versions


def prune_stored_packs(*, older_than: timedelta, progress=lambda names: names) -> PruneResult:
    """Delete the stored packs nobody made or downloaded within `older_than`, those whose
    content version is obsolete, and files without a record (from before the records, or
    left by an interrupted save) once `UNRECORDED_GRACE` has passed. `progress` wraps the
    list of files (a progress bar in a terminal)."""
    now = timezone.now()
    names = stored_files()
    records = {record.name: record for record in StoredPack.objects.filter(name__in=names)}
    current = current_versions(records.values())
    result = PruneResult()
    for name in progress(names):
        record = records.get(name)
        version = PurePosixPath(name).stem
        if record is None:
            if default_storage.get_modified_time(name) > now - UNRECORDED_GRACE:
                result.kept += 1
                continue
            result.unrecorded += 1
        elif version not in current or record.layout != LAYOUT_VERSION:
            result.obsolete += 1
        elif record.used_at < now - older_than:
            result.unused += 1
        else:
            result.kept += 1
            continue
        default_storage.delete(name)
        if record is not None:
            record.delete()
    # Records whose file is gone (deleted by hand): nothing left to keep them for.
    StoredPack.objects.exclude(name__in=names).delete()
    return result
