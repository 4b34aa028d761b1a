"""Semantic retrieval: search documents by meaning, in any of the encoder's languages.

- **Index time** (the task worker, never a request): each search document's title and the
  start of its text become one vector (`encoder`), stored in `DocumentVector`. A saved
  document is noted and embedded when the transaction commits (`tasks.embed_search_documents`);
  a document whose text did not change is not embedded again.
- **Query time**: the query's vector is compared with every stored vector by an exact dot
  product in numpy (`VectorIndex`); the matrix is read once per process and read again when a
  vector changes (a version key in the shared cache).
- **Fusion**: the best semantic matches are merged with the lexical candidates by reciprocal
  rank fusion (`fuse`, called by `selectors.search_documents`).
- **Related policies**: the nearest documents of the same kind, one per translation group
  (`related_page_ids`, for a policy whose editors chose none).

If the encoder cannot be loaded, search carries on with words only (`encoder.get_encoder`
logs the warning once) and no vectors are made; related policies still use the stored vectors
of the installed encoder, which they compare without loading it.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import Page

from .analysis import MAX_QUERY_CHARS, normalise
from .encoder import (
    DIMENSIONS,
    EncoderError,
    document_source,
    encoder_name,
    get_encoder,
    query_vector,
)
from .models import DocumentVector, SearchDocument

logger = logging.getLogger(__name__)

# Reciprocal rank fusion: a document's fused score is the sum, over the rankings it is in, of
# 1 / (RRF_K + its rank). 60 is the constant of Cormack et al. (2009).
RRF_K = 60
# The weight of the semantic ranking in the fusion (the lexical one weighs 1).
SEMANTIC_WEIGHT = 1.0
# How many semantic matches a search fuses, and how similar they must be. With this encoder a
# short query scores 0.2–0.45 against a policy it is about, in either language ("traffic
# deaths" → 교통사고 사망자 0.36, "housing for young people" → 청년 주택 0.23) and -0.1–0.15
# against most unrelated ones; a query with no lexical match must still be able to find
# nothing. To be tuned on the judged queries (bench/search).
SEMANTIC_CANDIDATES = 50
SEMANTIC_MIN_SIMILARITY = 0.2
RELATED_MIN_SIMILARITY = 0.25
# A document with less text than this (a section page that is only a title: "Partners",
# "Videos", "해외 언론 속 서울") gets no vector: a vector of one or two words is near every
# short query ("bike sharing" → "Partners" 0.28, above the policy about it).
MIN_SOURCE_CHARS = 20
# Documents embedded per encoder call, and ids per queued task.
EMBED_BATCH = 32
TASK_BATCH = 500
VERSION_KEY = "portal_search:vectors_version"


def enabled() -> bool:
    """Semantic search is on unless `PORTAL_SEARCH_SEMANTIC` is False (the tests' default, so
    that only the tests about it load the encoder)."""
    return getattr(settings, "PORTAL_SEARCH_SEMANTIC", True)


# --- Index time ------------------------------------------------------------------------------


@dataclass
class EmbedReport:
    embedded: int = 0
    unchanged: int = 0
    failed: int = 0
    too_short: int = 0
    encoder_available: bool = True

    def summary(self) -> str:
        if not self.encoder_available:
            return "The sentence encoder could not be loaded: no vectors were made."
        return (
            f"{self.embedded} vectors made, {self.unchanged} unchanged, "
            f"{self.too_short} too short, {self.failed} documents failed."
        )


def embed_documents(
    *,
    document_ids: Iterable[int] | None = None,
    force: bool = False,
    progress: Callable[[int], None] | None = None,
) -> EmbedReport:
    """Make the vectors of these documents (all when None) whose text or encoder changed.

    A document the encoder fails on is logged and skipped; the others are embedded.
    `progress` is called with the number of documents done after each batch.
    """
    report = EmbedReport()
    encoder = get_encoder()
    if encoder is None:
        report.encoder_available = False
        return report
    documents = SearchDocument.objects.order_by("pk")
    if document_ids is not None:
        documents = documents.filter(pk__in=list(document_ids))
    ids = list(documents.values_list("pk", flat=True))
    for start in range(0, len(ids), EMBED_BATCH):
        batch = ids[start : start + EMBED_BATCH]
        _embed_batch(encoder, batch, force=force, report=report)
        if progress:
            progress(len(batch))
    return report


def _embed_batch(encoder, ids: list[int], *, force: bool, report: EmbedReport) -> None:
    rows = SearchDocument.objects.filter(pk__in=ids).values_list("pk", "title", "text")
    stored = dict(
        DocumentVector.objects.filter(document_id__in=ids).values_list("document_id", "source_hash")
    )
    todo, too_short = [], []
    for pk, title, text in rows:
        source = document_source(title, text)
        if len(source) < MIN_SOURCE_CHARS:
            too_short.append(pk)
            continue
        digest = hashlib.sha256(f"{encoder.name}\n{source}".encode()).hexdigest()[:32]
        if not force and stored.get(pk) == digest:
            report.unchanged += 1
        else:
            todo.append((pk, source, digest))
    report.too_short += len(too_short)
    if set(too_short) & stored.keys():  # its text became too short: its vector goes
        DocumentVector.objects.filter(document_id__in=too_short).delete()
        transaction.on_commit(vectors_changed)
    if not todo:
        return
    vectors = _encode_each(encoder, todo)
    now = timezone.now()
    made = [
        DocumentVector(
            document_id=pk,
            vector=vector.astype("<f4").tobytes(),
            encoder=encoder.name,
            source_hash=digest,
            updated_at=now,
        )
        for (pk, _source, digest), vector in zip(todo, vectors, strict=True)
        if vector is not None
    ]
    report.failed += len(todo) - len(made)
    if made:
        try:
            report.embedded += _store(made)
        except IntegrityError:  # SQLite checks the foreign keys on commit
            report.embedded += _store(made)


def _store(vectors: list[DocumentVector]) -> int:
    """Write the vectors of the documents that still exist (one may have been unpublished
    while it was being embedded); their rows are locked until the vectors are in."""
    with transaction.atomic():
        existing = set(
            SearchDocument.objects.select_for_update()
            .filter(pk__in=[v.document_id for v in vectors])
            .values_list("pk", flat=True)
        )
        vectors = [v for v in vectors if v.document_id in existing]
        DocumentVector.objects.bulk_create(
            vectors,
            update_conflicts=True,
            unique_fields=["document"],
            update_fields=["vector", "encoder", "source_hash", "updated_at"],
        )
        transaction.on_commit(vectors_changed)
    return len(vectors)


def _encode_each(encoder, todo) -> list[np.ndarray | None]:
    """The vectors of a batch; if the batch fails, each document alone, so that one document
    the encoder cannot read does not cost the others their vectors."""
    try:
        return list(encoder.encode([source for _pk, source, _digest in todo]))
    except EncoderError:
        pass
    vectors = []
    for pk, source, _digest in todo:
        try:
            vectors.append(encoder.encode([source])[0])
        except EncoderError as error:
            logger.warning("The sentence encoder failed on search document %s (%s).", pk, error)
            vectors.append(None)
    return vectors


class _PendingEmbedding(threading.local):
    def __init__(self):
        self.ids: set[int] = set()


_pending = _PendingEmbedding()


def schedule_embedding(*, document_ids: Iterable[int]) -> None:
    """Embed these documents in the task worker once the current transaction commits."""
    if not enabled():
        return
    _pending.ids.update(document_ids)
    transaction.on_commit(_enqueue_pending)


def _enqueue_pending() -> None:
    from .tasks import embed_search_documents

    ids, _pending.ids = sorted(_pending.ids), set()
    for start in range(0, len(ids), TASK_BATCH):
        embed_search_documents.enqueue(document_ids=ids[start : start + TASK_BATCH])


def document_saved(sender, instance, raw=False, **kwargs):
    """post_save of a search document: embed it later (connected in `signal_handlers`)."""
    if not raw:
        schedule_embedding(document_ids=[instance.pk])


def document_deleted(sender, instance, **kwargs):
    """post_delete of a search document: its vector went with it."""
    transaction.on_commit(vectors_changed)


def vectors_changed() -> None:
    """Tell every process that its matrix is out of date."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


# --- Query time ------------------------------------------------------------------------------


class VectorIndex:
    """Every stored vector of the current encoder as one float32 matrix, one per process.

    Read again when the version in the shared cache changes (`vectors_changed`). At 100,000
    documents the matrix is 100,000 x 512 float32 = 205 MB, read in about 1 to 2 s.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self.version = None
        self.encoder = None
        self.ids = np.empty(0, dtype=np.int64)
        self.matrix = np.empty((0, DIMENSIONS), dtype=np.float32)

    def current(self, encoder_name: str) -> tuple[np.ndarray, np.ndarray]:
        version = cache.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, uuid.uuid4().hex, None)
            version = cache.get(VERSION_KEY)
        if version != self.version or encoder_name != self.encoder:
            with self._lock:
                if version != self.version or encoder_name != self.encoder:
                    self._load(encoder_name)
                    self.version, self.encoder = version, encoder_name
        return self.ids, self.matrix

    def _load(self, encoder_name: str) -> None:
        rows = DocumentVector.objects.filter(encoder=encoder_name).order_by("document_id")
        ids, blobs = [], []
        for pk, blob in rows.values_list("document_id", "vector").iterator(chunk_size=2000):
            ids.append(pk)
            blobs.append(bytes(blob))
        self.ids = np.asarray(ids, dtype=np.int64)
        self.matrix = np.frombuffer(b"".join(blobs), dtype="<f4").reshape(len(ids), DIMENSIONS)


_index = VectorIndex()


def nearest(
    vector: np.ndarray, *, limit: int, min_similarity: float, encoder_name: str
) -> list[tuple[int, float]]:
    """The documents whose vectors are closest to `vector`: (id, cosine), best first."""
    ids, matrix = _index.current(encoder_name)
    if not len(ids):
        return []
    scores = matrix @ vector
    limit = min(limit, len(ids))
    top = np.argpartition(-scores, limit - 1)[:limit]
    top = top[np.argsort(-scores[top], kind="stable")]
    return [(int(ids[i]), float(scores[i])) for i in top if scores[i] >= min_similarity]


def semantic_matches(query: str) -> list[tuple[int, float]]:
    """The documents closest in meaning to the query, best first; none without the encoder."""
    if not enabled():
        return []
    vector = query_vector(" ".join(normalise(query[:MAX_QUERY_CHARS], lower=False).split()))
    encoder = get_encoder()
    if vector is None or encoder is None:
        return []
    return nearest(
        vector,
        limit=SEMANTIC_CANDIDATES,
        min_similarity=SEMANTIC_MIN_SIMILARITY,
        encoder_name=encoder.name,
    )


def reciprocal_rank_fusion(
    rankings: list[list], *, k: int = RRF_K, weights: list[float] | None = None
) -> dict:
    """The fused score of each item: the sum of weight / (k + rank) over the rankings (rank 1
    is the best; each weight 1 unless given), in order of fused score, best first."""
    scores: dict = {}
    for ranking, weight in zip(rankings, weights or [1.0] * len(rankings), strict=True):
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    return dict(sorted(scores.items(), key=lambda pair: pair[1], reverse=True))


def fuse(query: str, candidates: list, *, filters=None) -> list:
    """The lexical candidates (`selectors.Candidate`) merged with the semantic matches.

    Each candidate's score becomes its fused score; semantic matches that the words did not
    find are added, with their facet columns, unless they fail the filters. Without the
    encoder (or with no semantic match) the candidates come back as they were.
    """
    matches = semantic_matches(query)
    if not matches:
        return candidates
    from .selectors import Candidate

    lexical = sorted(candidates, key=lambda c: (c.score, c.pk), reverse=True)
    fused = reciprocal_rank_fusion(
        [[c.pk for c in lexical], [pk for pk, _score in matches]],
        k=RRF_K,
        weights=[1.0, SEMANTIC_WEIGHT],
    )
    by_pk = {c.pk: c for c in candidates}
    missing = [pk for pk, _score in matches if pk not in by_pk]
    rows = SearchDocument.objects.filter(pk__in=missing).values_list(
        "pk", "kind", "board", "language", "year", "themes", "date", "translation_group"
    )
    for pk, kind, board, language, year, themes, date, group in rows:
        candidate = Candidate(
            pk, 0.0, kind, board, language, year, themes, str(date or ""), group or f"#{pk}"
        )
        if filters is None or not candidate.failed_filters(filters):
            by_pk[pk] = candidate
    return [by_pk[pk]._replace(score=score) for pk, score in fused.items() if pk in by_pk]


# --- Related policies ------------------------------------------------------------------------


def related_page_ids(*, page_id: int, language: str, limit: int = 5) -> list[int]:
    """Pages like this one, of the same kind, one per translation group (in `language` where
    that version is public), best first; none without vectors or the encoder.

    For "Related policies" when editors chose none. Only stored vectors are compared, so the
    encoder itself is not loaded: a policy page does not pay for it.
    """
    name = encoder_name() if enabled() else None
    if name is None:
        return []
    own = (
        SearchDocument.objects.filter(key=f"page:{page_id}")
        .values_list("pk", "kind", "vector__vector", "vector__encoder")
        .first()
    )
    if own is None or own[2] is None or own[3] != name:
        return []
    document_pk, kind, blob, _encoder = own
    vector = np.frombuffer(bytes(blob), dtype="<f4")
    near = nearest(
        vector, limit=limit * 8 + 1, min_similarity=RELATED_MIN_SIMILARITY, encoder_name=name
    )
    near = [(pk, score) for pk, score in near if pk != document_pk]
    pages = dict(
        SearchDocument.objects.filter(
            pk__in=[pk for pk, _score in near], kind=kind, page__isnull=False
        ).values_list("pk", "page_id")
    )
    groups = dict(
        Page.objects.filter(pk__in=[*pages.values(), page_id]).values_list("pk", "translation_key")
    )
    own_group = groups.get(page_id)
    chosen: dict = {}  # translation key → the best version's page id, best first
    for pk, _score in near:
        found = pages.get(pk)
        group = groups.get(found)
        if found is None or group is None or group == own_group or group in chosen:
            continue
        chosen[group] = found
        if len(chosen) == limit:
            break
    in_language = dict(
        SearchDocument.objects.filter(
            page__translation_key__in=list(chosen), language=language, kind=kind
        ).values_list("page__translation_key", "page_id")
    )
    return [in_language.get(group, found) for group, found in chosen.items()]
