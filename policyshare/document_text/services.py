"""Writes of document text: extracting a document's file, and telling the search which
search documents to index again when it changes."""

from __future__ import annotations

import hashlib
import logging

from django.db import transaction
from django.dispatch import Signal
from wagtail.documents import get_document_model

from . import extraction
from .models import DocumentText, DocumentUse

logger = logging.getLogger(__name__)

UNCHANGED = "unchanged"


def _read(document) -> bytes | None:
    """The document's bytes (at most the file cap, plus one to notice a larger file), or None
    if the file is gone from storage."""
    try:
        with document.file.open("rb") as handle:
            return handle.read(extraction.MAX_FILE_BYTES + 1)
    except (FileNotFoundError, OSError, ValueError):
        return None


def extract_document(*, document_id: int, force: bool = False) -> str:
    """Extract a document's text unless its file is unchanged since the last extraction;
    returns the outcome ("unchanged" when skipped, "" when the document is gone).

    The pages and records that show the document are indexed again when the text changed.
    """
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        return ""
    data = _read(document)
    digest = hashlib.sha256(data).hexdigest() if data is not None else ""
    stored = DocumentText.objects.filter(document_id=document_id).first()
    if stored is not None and not force and stored.sha256 == digest:
        return UNCHANGED
    if data is None:
        result = extraction.Extraction(DocumentText.Outcome.MISSING)
    elif len(data) > extraction.MAX_FILE_BYTES:
        result = extraction.Extraction(DocumentText.Outcome.UNREADABLE, error="TooLarge")
    else:
        result = extraction.extract_pdf_text(data)
    if result.outcome not in (DocumentText.Outcome.EXTRACTED, DocumentText.Outcome.NOT_PDF):
        # The document's id and the error's class only: no title, file name or content.
        logger.warning(
            "Document %s: no text extracted (%s%s).",
            document_id,
            result.outcome,
            f", {result.error}" if result.error else "",
        )
    _store(document_id=document_id, digest=digest, result=result, previous=stored)
    return result.outcome


@transaction.atomic
def _store(*, document_id: int, digest: str, result, previous) -> None:
    DocumentText.objects.update_or_create(
        document_id=document_id,
        defaults={
            "sha256": digest,
            "outcome": result.outcome,
            "text": result.text,
            "pages": result.pages,
            "truncated": result.truncated,
        },
    )
    if previous is None or previous.text != result.text:
        schedule_index_of_users(document_ids=[document_id])


# Sent with `page_ids` and `records` (("app_label.model", pk) pairs) when the text of the
# documents they include changed; the search app indexes them again (its signal handlers).
# A signal, so that this app, which the search imports, does not import the search.
document_users_changed = Signal()


def schedule_index_of_users(*, document_ids) -> None:
    """Index again, once the transaction commits, the search documents that include the text
    of these documents (through `document_users_changed`)."""
    pages, records = [], []
    for key in DocumentUse.objects.filter(document_id__in=document_ids).values_list(
        "key", flat=True
    ):
        label, _sep, pk = key.rpartition(":")
        if label == "page":
            pages.append(int(pk))
        elif label:
            records.append((label, pk))
    if pages or records:
        document_users_changed.send(sender=DocumentUse, page_ids=pages, records=records)


def record_uses(*, key: str, document_ids) -> None:
    """Note which documents a search document includes (replacing what it included before)."""
    wanted = set(document_ids)
    current = set(DocumentUse.objects.filter(key=key).values_list("document_id", flat=True))
    if current - wanted:
        DocumentUse.objects.filter(key=key, document_id__in=current - wanted).delete()
    DocumentUse.objects.bulk_create(
        [DocumentUse(key=key, document_id=pk) for pk in sorted(wanted - current)],
        ignore_conflicts=True,
    )


def forget_uses(*, key: str) -> None:
    DocumentUse.objects.filter(key=key).delete()


def request_extraction(*, document_ids) -> None:
    """Queue the extraction of these documents for the worker, after the commit."""
    from .tasks import extract_document_text

    for document_id in document_ids:
        transaction.on_commit(
            lambda document_id=document_id: extract_document_text.enqueue(document_id=document_id)
        )


def search_text(*, key: str, document_ids) -> str:
    """The extracted text of these documents, joined, for the search document `key`.

    Notes that `key` uses them (so it is indexed again when one changes), and queues the
    extraction of any that has none yet: its text arrives with that later indexing.
    """
    ids = [pk for pk in dict.fromkeys(document_ids) if pk]
    record_uses(key=key, document_ids=ids)
    if not ids:
        return ""
    texts = dict(
        DocumentText.objects.filter(document_id__in=ids).values_list("document_id", "text")
    )
    missing = [pk for pk in ids if pk not in texts]
    if missing:
        request_extraction(document_ids=missing)
    return "\n".join(texts[pk] for pk in ids if texts.get(pk))
