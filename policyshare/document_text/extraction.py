"""Text from a PDF file's bytes, with caps on pages, characters and time.

Only a file that starts with the PDF signature is read (by its bytes, never its name). The
reader is pypdf (pure Python, BSD-3-Clause). A broken, encrypted or hostile file gives an
outcome without text, never an exception: the search then indexes its page without it.

pypdf is imported by `extract_pdf_text`, not with this module: the search's signal handlers
import this module in every process, and pypdf (with the fontTools it imports) holds about
6.5 MB that only the process that extracts a file needs (docs/search.md, "Korean model and
memory"; `core/tests/test_startup_imports.py`).
"""

from __future__ import annotations

import contextlib
import io
import signal
import struct
import threading
import time
import unicodedata
import zlib
from dataclasses import dataclass

PDF_SIGNATURE = b"%PDF-"
# Caps: a document's text is searched, not kept whole; a longer file is cut here.
MAX_PAGES = 200
MAX_CHARS = 200_000
MAX_SECONDS = 30
MAX_FILE_BYTES = 50 * 1024 * 1024

# What pypdf raises on a malformed file. Besides its own errors (`PyPdfError`, added where
# pypdf is imported), a hostile file reaches Python's: a bad number, a missing key, a broken
# stream, a cycle, an oversized object. They are named here (no broad `except Exception`),
# and only around pypdf's calls.
READ_ERRORS = (
    ValueError,  # includes UnicodeError
    KeyError,
    IndexError,
    TypeError,
    AttributeError,
    AssertionError,
    ArithmeticError,
    RecursionError,
    MemoryError,
    zlib.error,
    struct.error,
    EOFError,
)


@dataclass(frozen=True)
class Extraction:
    outcome: str  # a `DocumentText.Outcome` value
    text: str = ""
    pages: int = 0
    truncated: bool = False
    error: str = ""  # the exception's class name, for the log (never the file's content)


class ExtractionTimeout(Exception):
    """The extraction ran past its time limit."""


def is_pdf(head: bytes) -> bool:
    return head.startswith(PDF_SIGNATURE)


def extract_pdf_text(
    data: bytes,
    *,
    max_pages: int = MAX_PAGES,
    max_chars: int = MAX_CHARS,
    max_seconds: float = MAX_SECONDS,
) -> Extraction:
    """The text of the PDF in `data`, page by page, up to the caps."""
    if not is_pdf(data[:8]):
        return Extraction("not_pdf")
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    deadline = time.monotonic() + max_seconds
    parts: list[str] = []
    length = 0
    pages_read = 0
    truncated = False
    try:
        with _alarm(max_seconds):
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                return Extraction("encrypted")
            pages = reader.pages
            total = len(pages)
            for number in range(min(total, max_pages)):
                if time.monotonic() > deadline:
                    raise ExtractionTimeout
                text = clean_text(pages[number].extract_text() or "")
                pages_read += 1
                if text:
                    parts.append(text)
                    length += len(text) + 1
                if length >= max_chars:
                    truncated = True
                    break
            truncated = truncated or total > max_pages
    except ExtractionTimeout:
        return Extraction("timed_out", pages=pages_read, error="ExtractionTimeout")
    except (PyPdfError, *READ_ERRORS) as error:
        return Extraction("unreadable", pages=pages_read, error=type(error).__name__)
    text = "\n".join(parts)[:max_chars]
    return Extraction("extracted", text=text, pages=pages_read, truncated=truncated)


def clean_text(text: str) -> str:
    """Words only: control characters (NUL, which PostgreSQL refuses), private-use glyphs and
    lone surrogates become spaces, format characters (soft hyphens, joiners) go, and runs of
    white space become one space."""
    kept = [_CLEAN.get(unicodedata.category(char), char) for char in text]
    return " ".join("".join(kept).split())


_CLEAN = {"Cc": " ", "Co": " ", "Cs": " ", "Cf": ""}


@contextlib.contextmanager
def _alarm(seconds: float):
    """Interrupt the extraction after `seconds`, where a signal can (the worker's main thread
    on POSIX, no other alarm set); elsewhere the deadline is checked between pages only."""
    usable = (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        # Never take over an alarm that something else in the process has set.
        and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None)
        and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    )
    if not usable:
        yield
        return

    def _timed_out(signum, frame):
        raise ExtractionTimeout

    previous = signal.signal(signal.SIGALRM, _timed_out)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
