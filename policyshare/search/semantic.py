"""Semantic retrieval: search documents by meaning, in any of the encoder's languages.

- **Index time** (the task worker, never a request): each search document's title and the
  start of its text, and its title with each of those sentences, become one vector
  (`encoder.document_passages`, `encoder.combine_passages`), stored in `DocumentVector`. A saved
  document is noted and embedded when the transaction commits (`tasks.embed_search_documents`);
  a document whose text did not change is not embedded again.
- **Query time**: the query's vector is compared with every stored vector by an exact dot
  product in numpy (`VectorIndex`); the matrix is read once per process and read again when a
  vector changes (a version key in the shared cache). A search embeds its query and makes the
  product in a helper thread while its own thread runs the lexical query (`start_matching`).
- **Fusion**: the best semantic matches are merged with the lexical candidates by reciprocal
  rank fusion (`fuse`, called by `selectors.search_documents`).
- **Related policies**: the nearest documents of the same kind, one per translation group
  (`related_page_ids`, for a policy whose editors chose none).

If the encoder cannot be loaded, search carries on with words only (`encoder.get_encoder`
logs the warning once) and no vectors are made; related policies still use the stored vectors
of the installed encoder, which they compare without loading it.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import multiprocessing
import os
import threading
import unicodedata
import uuid
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone

from .analysis import MAX_QUERY_CHARS, normalise
from .encoder import (
    DIMENSIONS,
    EncoderError,
    combine_passages,
    document_passages,
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
# A lexical match at least this share of the best one's relevance is a strong match: it stays
# above the fused results, in lexical order (`fuse_groups`). When the words of the query were
# not checked (`_coverage`), its cosine with the query must also be at least
# STRONG_MIN_SIMILARITY (unrelated in meaning: a word matched in another sense); when they
# were, having every word decides, whatever the cosine: the encoder puts a Korean text far
# from a romanised name ("Cheonggyecheon 청계천", "Ttareungyi 따릉이": cosine 0.0–0.07 with the
# policies that contain both words). Tuned on the judged queries (bench/search): 0.8 and 0.1.
STRONG_LEXICAL = 0.8
STRONG_MIN_SIMILARITY = 0.1
# It must also contain every word of the query (`_coverage`): a document that has one word
# of "urban farming on rooftops" ("urban") or of "국제회의 유치" ("유치") is a weak match,
# however many documents match so, and it goes through the fusion like the others. A
# document with only some of the words is still strong when it has at least
# PARTIAL_MIN_COVERAGE of them, no document has more, and its cosine is at least
# PARTIAL_RELATIVE_SIMILARITY of the best one: "사망자가 줄어든" (no text has the verb) keeps
# its policy on top, "국제회의 유치" does not keep a water policy that has "유치" above the
# convention policy in English (cosine 0.18 against 0.47). Measured on the judged queries
# (docs/search.md, "Fusion"): 0.5 and 0.7.
STRONG_COVERAGE = 1.0
PARTIAL_MIN_COVERAGE = 0.5
PARTIAL_RELATIVE_SIMILARITY = 0.7
# A weaker lexical match (below STRONG_LEXICAL) with every word of the query and a cosine at
# least PARTIAL_RELATIVE_SIMILARITY of the best still ranks above every result that lacks a
# word of the query or is found by meaning only (this much is added to its fused score, at
# most 2 / (RRF_K + 1) otherwise; strong matches stay above it). When a strong match in the
# reader's language has every word of the query (the words answered it), the cosine test is
# dropped: every match with all the words ranks above those that lack one and above the
# matches by meaning only, whatever the encoder thinks of it ("복원": the transport guide's
# Cheonggyecheon chapter, cosine -0.02, is not passed by the English regeneration policies).
# Measured on the judged queries (docs/search.md, "Variants compared, fourth round" and
# "fifth round").
EVERY_WORD_BONUS = 0.5
# The lexical candidates whose words are checked: the best COVERAGE_CANDIDATES by rank within
# COVERAGE_MIN_SHARE of the best rank (kind, freshness and language weigh at most about 2.1
# together, so a candidate below 0.35 of the best cannot reach STRONG_LEXICAL of it). One
# query for their analysed text; a candidate not checked is no strong match.
COVERAGE_CANDIDATES = 40
COVERAGE_MIN_SHARE = 0.35
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
    processes: int = 1,
) -> EmbedReport:
    """Make the vectors of these documents (all when None) whose text or encoder changed.

    A document the encoder fails on is logged and skipped; the others are embedded.
    `progress` is called with the number of documents done after each batch. With
    `processes` above 1 the encoding (nearly all of the time) runs in that many forked worker
    processes, which inherit the loaded encoder and touch no database; this process reads the
    documents and writes the vectors, batch by batch, so that a failure keeps every batch
    written before it (`rebuild_search_vectors --processes`).
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
    batches = [ids[start : start + EMBED_BATCH] for start in range(0, len(ids), EMBED_BATCH)]
    if processes > 1 and len(batches) > 1:
        _embed_in_processes(
            encoder, batches, processes, force=force, report=report, progress=progress
        )
        return report
    for batch in batches:
        todo = _to_embed(encoder, batch, force=force, report=report)
        if todo:
            _save(encoder, todo, _encode_each(encoder, todo), report=report)
        if progress:
            progress(len(batch))
    return report


def _embed_in_processes(encoder, batches, processes: int, *, force, report, progress) -> None:
    """`embed_documents` with the encoding in worker processes: a few batches in flight per
    worker, read and written here in order."""
    # Forked, not spawned: a child starts with the encoder loaded (its table file shared) and
    # Django set up; it only encodes. One BLAS thread each, as the encoder always uses.
    context = multiprocessing.get_context("fork")
    in_flight: deque[tuple[int, list, Future]] = deque()
    with ProcessPoolExecutor(max_workers=processes, mp_context=context) as pool:
        for batch in batches:
            todo = _to_embed(encoder, batch, force=force, report=report)
            passages = [(pk, texts) for pk, texts, _digest in todo]
            in_flight.append((len(batch), todo, pool.submit(_encode_in_worker, passages)))
            while len(in_flight) > 2 * processes:
                _finish(encoder, in_flight.popleft(), report=report, progress=progress)
        while in_flight:
            _finish(encoder, in_flight.popleft(), report=report, progress=progress)


def _finish(encoder, pending: tuple[int, list, Future], *, report, progress) -> None:
    size, todo, future = pending
    vectors, failures = future.result()
    for pk, error in failures:
        logger.warning("The sentence encoder failed on search document %s (%s).", pk, error)
    if todo:
        _save(encoder, todo, vectors, report=report)
    if progress:
        progress(size)


def _encode_in_worker(passages: list[tuple[int, list[str]]]):
    """In a worker process: the vectors of a batch, and the (id, error) of the documents the
    encoder failed on, for the parent to log."""
    return _try_encode(get_encoder(), passages)


def _to_embed(encoder, ids: list[int], *, force: bool, report: EmbedReport) -> list:
    """The (id, passages, digest) of the documents of this batch whose vector must be made;
    counts the others, and deletes the vectors of documents whose text became too short."""
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
            todo.append((pk, document_passages(title, text), digest))
    report.too_short += len(too_short)
    if set(too_short) & stored.keys():  # its text became too short: its vector goes
        DocumentVector.objects.filter(document_id__in=too_short).delete()
        transaction.on_commit(vectors_changed)
    return todo


def _save(encoder, todo: list, vectors: list, *, report: EmbedReport) -> None:
    now = timezone.now()
    made = [
        DocumentVector(
            document_id=pk,
            vector=vector.astype("<f4").tobytes(),
            encoder=encoder.name,
            source_hash=digest,
            updated_at=now,
        )
        for (pk, _passages, digest), vector in zip(todo, vectors, strict=True)
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
    """The vectors of a batch of (id, passages, …), None for a document the encoder failed on
    (logged by its id)."""
    vectors, failures = _try_encode(encoder, [(pk, passages) for pk, passages, *_ in todo])
    for pk, error in failures:
        logger.warning("The sentence encoder failed on search document %s (%s).", pk, error)
    return vectors


def _try_encode(encoder, passages) -> tuple[list[np.ndarray | None], list[tuple[int, str]]]:
    """The vectors of a batch, each made of its document's passages (`combine_passages`); if
    the batch fails, each document alone, so that one document the encoder cannot read does
    not cost the others their vectors. Also the (id, error) of each document that failed."""
    if not passages:
        return [], []
    try:
        rows = encoder.encode([p for _pk, texts in passages for p in texts])
    except EncoderError:
        pass
    else:
        vectors, start = [], 0
        for _pk, texts in passages:
            vectors.append(combine_passages(rows[start : start + len(texts)]))
            start += len(texts)
        return vectors, []
    vectors, failures = [], []
    for pk, texts in passages:
        try:
            vectors.append(combine_passages(encoder.encode(texts)))
        except EncoderError as error:
            failures.append((pk, str(error)))
            vectors.append(None)
    return vectors, failures


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


class _OneBlasThread:
    """A context in which numpy's BLAS uses one thread (through threadpoolctl, a dependency of
    the encoder package; without it, nothing changes).

    OpenBLAS splits a large matrix-vector product over every core, and its threads then spin,
    waiting for more work, for a while after it: at 10,000 vectors on a 2-core machine that
    doubled the CPU time of a whole search (41 ms instead of 22 ms, `bench/search/
    profile_stages.py`) and took a core from the request itself. One thread reads the matrix
    as fast (memory bandwidth sets the time), as the encoder does (`encoder._load`).
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._limit = None

    def __call__(self):
        if self._limit is None:
            with self._lock:
                if self._limit is None:
                    self._limit = _blas_limit()
        return self._limit(limits=1, user_api="blas")


def _blas_limit():
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # pragma: no cover - installed with the encoder package
        return lambda **_kwargs: contextlib.nullcontext()
    # The controller finds the BLAS libraries once, not on every search.
    return ThreadpoolController().limit


_one_blas_thread = _OneBlasThread()


def nearest(
    vector: np.ndarray,
    *,
    limit: int,
    min_similarity: float,
    encoder_name: str,
    also: Iterable[int] = (),
) -> list[tuple[int, float]]:
    """The documents whose vectors are closest to `vector`: (id, cosine), best first; then the
    documents of `also` that are not among them, whatever their cosine (those with a vector)."""
    ids, matrix = _index.current(encoder_name)
    if not len(ids):
        return []
    scores, top = _nearest_rows(matrix, vector, limit)
    return _found(ids, scores, top, min_similarity=min_similarity, also=also)


def _nearest_rows(matrix: np.ndarray, vector: np.ndarray, limit: int):
    """The cosine of `vector` with every row of `matrix` (an exact dot product), and the rows
    of the best `limit`, best first."""
    with _one_blas_thread():
        scores = matrix @ vector
    limit = min(limit, len(scores))
    top = np.argpartition(-scores, limit - 1)[:limit]
    return scores, top[np.argsort(-scores[top], kind="stable")]


def _found(ids, scores, top, *, min_similarity: float, also: Iterable[int] = ()):
    """`nearest`'s answer from the scores of every row and the best rows."""
    top = top[scores[top] >= min_similarity]
    found = list(zip(ids[top].tolist(), scores[top].tolist(), strict=True))
    seen = {pk for pk, _score in found}
    wanted = np.asarray(sorted(set(also) - seen), dtype=np.int64)
    if len(wanted):
        rows = np.minimum(np.searchsorted(ids, wanted), len(ids) - 1)
        rows = rows[ids[rows] == wanted]
        # A thousand candidates a search: converted as arrays, not one number at a time.
        found += zip(ids[rows].tolist(), scores[rows].tolist(), strict=True)
    return found


def _query_text(query: str) -> str:
    return " ".join(normalise(query[:MAX_QUERY_CHARS], lower=False).split())


def semantic_matches(query: str, *, also: Iterable[int] = ()) -> list[tuple[int, float]]:
    """The documents closest in meaning to the query, best first (then the cosine of each
    document of `also` that has a vector); none without the encoder. (A search starts the
    same work beside its lexical query instead: `start_matching`.)"""
    if not enabled():
        return []
    vector = query_vector(_query_text(query))
    encoder = get_encoder()
    if vector is None or encoder is None:
        return []
    return nearest(
        vector,
        limit=SEMANTIC_CANDIDATES,
        min_similarity=SEMANTIC_MIN_SIMILARITY,
        encoder_name=encoder.name,
        also=also,
    )


# --- The semantic side of a search, beside its lexical query ---------------------------------
#
# A search's semantic side (the query's embedding and the dot product with every stored
# vector, about 20 ms of CPU at 100,000 documents, mostly in numpy) needs nothing from the
# lexical side, which is mostly the database's work (the full-text query). numpy releases the
# interpreter lock during the product, and sqlite3 and psycopg during a query, so the two run
# at once on two cores: `start_matching` hands the semantic side to a helper thread and the
# request's thread runs the lexical query meanwhile (docs/search.md, "A fused search, stage
# by stage"). The helper never touches the database: Django's connections belong to the
# thread that opened them, and the vectors are read (`VectorIndex.current`) by the request's
# thread before the work is handed over.


@dataclass
class QueryMeaning:
    """The semantic side of one search, running in the helper thread (`start_matching`)."""

    ids: np.ndarray
    future: Future

    def matches(self, *, also: Iterable[int] = ()) -> list[tuple[int, float]]:
        """As `semantic_matches`: waits for the helper thread. A search asks twice when a
        filter makes it fetch its candidates again; the product is not made again."""
        scored = self.future.result()
        if scored is None:  # no vector for the query (the encoder failed: it logged why)
            return []
        scores, top = scored
        return _found(self.ids, scores, top, min_similarity=SEMANTIC_MIN_SIMILARITY, also=also)


def start_matching(query: str) -> QueryMeaning | None:
    """Start the semantic side of a search in the helper thread; None when semantic search is
    off, the encoder cannot be loaded or there are no vectors (search then uses words only).

    The encoder is loaded (on first use) and the matrix read (when stale) here, in the
    request's thread; the helper embeds the query and makes the dot product.
    """
    if not enabled():
        return None
    encoder = get_encoder()
    if encoder is None:
        return None
    ids, matrix = _index.current(encoder.name)
    if not len(ids):
        return None
    work = (_score_query, _query_text(query), matrix, SEMANTIC_CANDIDATES)
    try:
        future = _helper().submit(*work)
    except RuntimeError:  # no thread to be had (the interpreter is shutting down): right here
        future = Future()
        future.set_result(work[0](*work[1:]))
    return QueryMeaning(ids, future)


def _score_query(text: str, matrix: np.ndarray, limit: int):
    """In the helper thread: the query's vector, then its scores against `matrix` and the best
    rows (`_nearest_rows`); None if the query has no vector."""
    vector = query_vector(text)
    if vector is None:
        return None
    return _nearest_rows(matrix, vector, limit)


# One helper thread per process: the searches of a process's threads take turns in it, so the
# encoder and the BLAS thread limit (`_one_blas_thread`, process-wide) are never used by two
# threads at once. Made on first use, in the process that searches: a thread does not survive
# a fork (gunicorn forks its workers from a preloaded app), so a child forgets its parent's.
_helper_lock = threading.Lock()
_helper_executor: ThreadPoolExecutor | None = None


def _helper() -> ThreadPoolExecutor:
    global _helper_executor
    if _helper_executor is None:
        with _helper_lock:
            if _helper_executor is None:
                _helper_executor = ThreadPoolExecutor(
                    max_workers=1, thread_name_prefix="search-meaning"
                )
    return _helper_executor


def _forget_helper() -> None:
    global _helper_executor, _helper_lock
    _helper_executor, _helper_lock = None, threading.Lock()


os.register_at_fork(after_in_child=_forget_helper)


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


def query_words(query: str, language: str) -> list[tuple[frozenset[str], frozenset[str]]]:
    """Each word of the query that has terms (not a stop word): its terms with the synonyms of
    the word (a document contains the word if it has one of them), and their scripts."""
    from . import synonyms
    from .analysis import get_analyser

    analyser = get_analyser()
    words = []
    for word in normalise(query[:MAX_QUERY_CHARS], lower=False).split()[:MAX_QUERY_WORDS]:
        terms = analyser.query_terms(word, language)
        if terms:
            terms = frozenset(synonyms.expand(terms, language))
            words.append((terms, frozenset(filter(None, map(_script, terms)))))
    return words


# Words of a query whose coverage is checked; longer queries are rarely matched whole.
MAX_QUERY_WORDS = 8


def _script(term: str) -> str | None:
    """The script of a term (its first character's); None for a number, which any text may
    hold."""
    first = term[:1]
    if not first or first.isdigit():
        return None
    if "\uac00" <= first <= "\ud7a3":
        return "hangul"
    if first.isascii():
        return "latin"
    return unicodedata.name(first, "other").split()[0]


def _coverage(query: str, language: str, candidates: list) -> dict[int, float]:
    """The share of the query's words that each of the best lexical candidates contains (see
    STRONG_COVERAGE); candidates not checked are absent.

    A word in a script the document does not use at all is left out of its share: in
    "Cheonggyecheon 청계천" a Korean text without Latin words could not have contained the
    romanised name, which is not a sign that it is about something else.
    """
    words = query_words(query, language)
    scored = sorted((c for c in candidates if c.score > 0), key=lambda c: -c.score)
    if not words or not scored:
        return {}
    floor = scored[0].score * COVERAGE_MIN_SHARE
    pks = [c.pk for c in scored[:COVERAGE_CANDIDATES] if c.score >= floor]
    rows = SearchDocument.objects.filter(pk__in=pks).values_list(
        "pk", "analysed_title", "analysed_summary", "analysed_body", "analysed_documents"
    )
    coverage = {}
    for pk, *texts in rows:
        terms = set(" ".join(texts).split())
        scripts = {_script(term) for term in terms}
        expected = [t for t, word_scripts in words if not word_scripts or word_scripts & scripts]
        found = sum(1 for word_terms in expected if not word_terms.isdisjoint(terms))
        coverage[pk] = found / len(expected) if expected else 0.0
    return coverage


def fuse(
    query: str,
    candidates: list,
    *,
    filters=None,
    language: str = "",
    meaning: QueryMeaning | None = None,
) -> list:
    """The lexical candidates (`selectors.Candidate`) with the semantic matches.

    A candidate that semantic search found gets its `similarity`, and each of the best lexical
    candidates the share of the query's words it contains (`coverage`); semantic matches that
    the words did not find are added (score 0), with their facet columns, unless they fail the
    filters. Without the encoder (or with no semantic match) the candidates come back as they
    were. The rankings are fused per translation group by `fuse_groups` (`selectors._ranked`).
    With `meaning` (`start_matching`) the semantic matches come from the helper thread, and
    the words are checked while it works; without, they are found here (`semantic_matches`).
    """
    coverage = None
    if meaning is None:
        matches = semantic_matches(query, also=[c.pk for c in candidates])
    else:
        coverage = _coverage(query, language, candidates)
        matches = meaning.matches(also=[c.pk for c in candidates])
    if not matches:
        return candidates
    from .selectors import Candidate

    similarity = dict(matches)
    if coverage is None:
        coverage = _coverage(query, language, candidates)
    # `similarity` and `coverage` are a candidate's last two fields: replaced by slicing, a
    # third of the time of `_replace` (a thousand candidates a search).
    by_pk = {c.pk: Candidate(*c[:-2], similarity.get(c.pk), coverage.get(c.pk)) for c in candidates}
    missing = [pk for pk, _score in matches if pk not in by_pk]
    rows = SearchDocument.objects.filter(pk__in=missing).values_list(
        "pk", "kind", "board", "language", "year", "themes", "date", "translation_group"
    )
    for pk, kind, board, language, year, themes, date, group in rows:
        candidate = Candidate(
            pk,
            0.0,
            kind,
            board,
            language,
            year,
            themes,
            str(date or ""),
            group or f"#{pk}",
            similarity[pk],
        )
        if filters is None or not candidate.failed_filters(filters):
            by_pk[pk] = candidate
    return list(by_pk.values())


def fuse_groups(
    lexical: dict,
    similarity: dict,
    foreign: frozenset = frozenset(),
    coverage: dict | None = None,
) -> dict:
    """The fused score of each translation group, best first when sorted by it.

    `lexical`: each group's weighted lexical relevance (0 for a match by meaning only);
    `similarity`: the best cosine of the group's versions, when known; `foreign`: the groups
    with no version in the reader's language; `coverage`: the share of the query's words in
    the group's best-covering version, when checked. Each side ranks groups, one rank per group
    however many versions matched, and the ranks are fused by reciprocal-rank fusion
    (`RRF_K`, `SEMANTIC_WEIGHT`), with three exceptions:

    - a strong lexical match (at least `STRONG_LEXICAL` of the best lexical relevance, with
      every word of the query (`STRONG_COVERAGE`); when the words were not checked, not
      unrelated in meaning: cosine at least `STRONG_MIN_SIMILARITY`) keeps its lexical order
      above every other result;
    - below them, a weaker lexical match with every word of the query whose cosine is at least
      `PARTIAL_RELATIVE_SIMILARITY` of the best (`EVERY_WORD_BONUS`) ranks above the results
      that lack a word, in fused order; when the words answered the query (a strong match in
      the reader's language has every word), whatever its cosine: a page in the reader's
      language with all the query's words is then better evidenced than a page found by
      meaning only, in another language or not;
    - a semantic match that the words did not find counts its semantic rank for the lexical
      side too (the missing rank is imputed) when their silence is no evidence against it:
      when it has no version in the reader's language (the words could not have found it), and,
      whatever its language, when the words found nothing or no lexical candidate has every
      word of the query (`coverage` below `STRONG_COVERAGE`: the query is worded otherwise than
      the documents, a paraphrase, so a document without its words is not the worse for it).
    """
    lexical_ranking = sorted((g for g, score in lexical.items() if score > 0), key=lexical.get)
    lexical_ranking.reverse()
    semantic_ranking = sorted(
        (g for g, s in similarity.items() if s >= SEMANTIC_MIN_SIMILARITY),
        key=lambda g: -similarity[g],
    )
    scores: dict = {}
    for rank, group in enumerate(lexical_ranking, start=1):
        scores[group] = 1.0 / (RRF_K + rank)
    # No word found anything, or no candidate has every word (words not checked: unknown).
    worded_otherwise = not lexical_ranking or (
        bool(coverage) and max(coverage.values()) < STRONG_COVERAGE
    )
    for rank, group in enumerate(semantic_ranking, start=1):
        weight = SEMANTIC_WEIGHT
        if group not in scores and (group in foreign or worded_otherwise):
            weight += 1.0
        scores[group] = scores.get(group, 0.0) + weight / (RRF_K + rank)
    strong = _strong_groups(lexical_ranking, lexical, similarity, coverage)
    if coverage:
        nearest = max(similarity.values(), default=0.0)
        # The words answered the query: a strong match in the reader's language has them all.
        answered = any(
            coverage.get(group, 0.0) >= STRONG_COVERAGE and group not in foreign for group in strong
        )
        for group in lexical_ranking:
            if coverage.get(group, 0.0) >= STRONG_COVERAGE and (
                answered or similarity.get(group, 0.0) >= PARTIAL_RELATIVE_SIMILARITY * nearest
            ):
                scores[group] += EVERY_WORD_BONUS
    if strong:
        best = lexical[lexical_ranking[0]]
        for group in strong:
            # Above any fused score (at most 2 / (RRF_K + 1)).
            scores[group] = 1.0 + lexical[group] / best
    return scores


def _strong_groups(lexical_ranking: list, lexical: dict, similarity: dict, coverage) -> list:
    """The strong matches among the best lexical matches (`_strong`), in lexical order."""
    if not lexical_ranking:
        return []
    best = lexical[lexical_ranking[0]]
    strong = []
    for group in lexical_ranking:
        if lexical[group] < best * STRONG_LEXICAL:
            break
        if _strong(group, similarity, coverage):
            strong.append(group)
    return strong


def _strong(group, similarity: dict, coverage: dict | None) -> bool:
    """Whether a group among the best lexical matches keeps its lexical order on top (see
    `fuse_groups`)."""
    cosine = similarity.get(group, 1.0)
    if coverage is None:  # words not checked: the lexical relevance decides, unless unrelated
        return cosine >= STRONG_MIN_SIMILARITY
    share = coverage.get(group, 0.0)
    if share >= STRONG_COVERAGE:
        return True
    # Some words missing: still strong if no document has more of them and no document is much
    # closer in meaning.
    return (
        share >= PARTIAL_MIN_COVERAGE
        and share >= max(coverage.values(), default=0.0)
        and cosine >= PARTIAL_RELATIVE_SIMILARITY * max(similarity.values(), default=0.0)
    )


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
    # No stored vectors (none made yet, or no worker to make them): nothing to compare, and
    # nothing to read. The index is the one searches use, kept per process.
    ids, _matrix = _index.current(name)
    if not len(ids):
        return []
    own = (
        SearchDocument.objects.filter(key=f"page:{page_id}")
        .values_list("pk", "kind", "vector__vector", "vector__encoder", "page__translation_key")
        .first()
    )
    if own is None or own[2] is None or own[3] != name:
        return []
    document_pk, kind, blob, _encoder, own_group = own
    vector = np.frombuffer(bytes(blob), dtype="<f4")
    near = nearest(
        vector, limit=limit * 8 + 1, min_similarity=RELATED_MIN_SIMILARITY, encoder_name=name
    )
    near = [(pk, score) for pk, score in near if pk != document_pk]
    # The page and translation group of each near document of this kind, in one query.
    pages = {
        pk: (found, group)
        for pk, found, group in SearchDocument.objects.filter(
            pk__in=[pk for pk, _score in near], kind=kind, page__isnull=False
        ).values_list("pk", "page_id", "page__translation_key")
    }
    chosen: dict = {}  # translation key → the best version's page id, best first
    for pk, _score in near:
        found, group = pages.get(pk, (None, None))
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
