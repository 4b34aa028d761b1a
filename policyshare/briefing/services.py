"""Rendered briefing packs: kept in the media storage by content version, rendered by the
task worker when missing (`tasks.render_pack`)."""

from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from policyshare.core.cache import LIMITS

from . import render
from .selectors import Pack, pack_for

FORMATS = {
    "pdf": ("application/pdf", render.render_pdf),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        render.render_docx,
    ),
}
# How long a queued render keeps others from queueing the same pack again.
QUEUED_SECONDS = 600


def stored_name(pack: Pack, fmt: str) -> str:
    return f"briefing/{pack.version}.{fmt}"


def stored_file(pack: Pack, fmt: str) -> bytes | None:
    """The pack's file in this content version, if it was rendered already."""
    name = stored_name(pack, fmt)
    if not default_storage.exists(name):
        return None
    with default_storage.open(name, "rb") as stored:
        return stored.read()


def render_and_store(*, ids: list[int], language: str, fmt: str) -> str:
    """Render the pack of these ids as it is now and store it; returns the stored name.

    A pack already stored in this version is not rendered again."""
    pack = pack_for([str(pk) for pk in ids], language=language)
    name = stored_name(pack, fmt)
    if pack.policies and not default_storage.exists(name):
        _content_type, render_file = FORMATS[fmt]
        default_storage.save(name, ContentFile(render_file(pack)))
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


def _queued_key(pack: Pack, fmt: str) -> str:
    return f"briefing:queued:{pack.version}:{fmt}"
