"""Give the C heap's free memory back to the system after a model loads.

Loading the Korean analyser and the sentence encoder allocates and frees tens of megabytes of
buffers (the encoder's compressed weights, the tokenizer's tables while they are built). glibc
keeps freed memory in the process for reuse, so without a trim it stays in the worker's RSS:
about 10 MB after the encoder loads (docs/search.md, "Encoder memory").
"""

from __future__ import annotations

import ctypes
import logging

logger = logging.getLogger(__name__)


def trim() -> bool:
    """`malloc_trim(0)`: True if glibc gave memory back; False where there is no glibc."""
    try:
        malloc_trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # not glibc (musl, macOS): nothing to do
        return False
    malloc_trim.argtypes = [ctypes.c_size_t]
    malloc_trim.restype = ctypes.c_int
    return bool(malloc_trim(0))
