"""“Did you mean …?”: a query's unknown words replaced by the nearest terms of the index.

The vocabulary is the index's own: the terms stored in the full-text index with the number of
documents that hold them (SQLite: an `fts5vocab` table over the FTS5 table, made per
connection as a TEMP table; PostgreSQL: `ts_stat` over the stored vectors). It is read at
most every `VOCABULARY_SECONDS` per process and kept in memory, by length and first or last
letter, so that a word is compared only with terms of about its length that share its first
or its last letter: a bounded Levenshtein distance (1 for words up to 4 letters, 2 beyond) over
a few hundred terms. Among terms at the same distance the most frequent wins.

A word is unknown when none of its analysed terms is in the index. The suggestion is shown as
a word, not a stem: the stem found replaces the word's own stem ("bicyle" → stem "bicyl" →
"bicycl" → "bicycle").
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict

from django.db import connection

from . import fulltext
from .analysis import HANGUL, WORD, get_analyser, normalise

VOCABULARY_SECONDS = 600
# A large vocabulary keeps the terms of two documents or more: typos are corrected to words
# that are used, and the memory stays bounded.
LARGE_VOCABULARY = 50_000
MAX_WORDS = 8

_lock = threading.Lock()
_cache: dict[str, tuple[float, Vocabulary]] = {}


class Vocabulary:
    def __init__(self, frequencies: dict[str, int]):
        self.frequencies = frequencies
        self.buckets: dict[tuple[int, str, str], list[str]] = defaultdict(list)
        for term in frequencies:
            self.buckets[(len(term), "first", term[0])].append(term)
            self.buckets[(len(term), "last", term[-1])].append(term)

    def __contains__(self, term: str) -> bool:
        return term in self.frequencies

    def nearest(self, term: str) -> str | None:
        """The most frequent term at the smallest distance (at most 1 or 2), or None."""
        limit = 1 if len(term) <= 4 else 2
        best: tuple[int, int, str] | None = None
        seen = set()
        for length in range(len(term) - limit, len(term) + limit + 1):
            for key in ((length, "first", term[0]), (length, "last", term[-1])):
                for candidate in self.buckets.get(key, ()):
                    if candidate in seen or candidate == term:
                        continue
                    seen.add(candidate)
                    distance = bounded_distance(term, candidate, limit)
                    if distance > limit:
                        continue
                    rank = (distance, -self.frequencies[candidate], candidate)
                    if best is None or rank < best:
                        best = rank
        return best[2] if best else None


def bounded_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of a and b, or limit + 1 as soon as it must exceed the limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _read_vocabulary() -> dict[str, int]:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Constant identifiers, no input.
            stored = f"SELECT {fulltext.VECTOR_COLUMN} FROM {fulltext.DOCUMENT_TABLE}"  # noqa: S608
            cursor.execute("SELECT word, ndoc FROM ts_stat(%s)", [stored])
        else:
            cursor.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.portal_search_vocabulary "
                f"USING fts5vocab(main, {fulltext.FTS_TABLE}, 'row')"
            )
            cursor.execute("SELECT term, doc FROM temp.portal_search_vocabulary")
        rows = cursor.fetchall()
    frequencies = {term: count for term, count in rows if len(term) > 1 and not term.isdigit()}
    if len(frequencies) > LARGE_VOCABULARY:
        frequencies = {term: count for term, count in frequencies.items() if count > 1}
    return frequencies


def vocabulary() -> Vocabulary:
    key = connection.alias + ":" + str(connection.settings_dict.get("NAME"))
    now = time.monotonic()
    with _lock:
        found = _cache.get(key)
        if found and now - found[0] < VOCABULARY_SECONDS:
            return found[1]
    fresh = Vocabulary(_read_vocabulary())
    with _lock:
        _cache[key] = (now, fresh)
    return fresh


def forget_vocabulary() -> None:
    """Read the vocabulary again on the next suggestion (tests, after a rebuild)."""
    with _lock:
        _cache.clear()


def did_you_mean(query: str, *, language: str = "") -> str:
    """The query with each unknown word replaced by the nearest known one; "" if none is."""
    analyser = get_analyser()
    known = vocabulary()
    if not known.frequencies:
        return ""
    changed = False
    words = []
    for word in query.split()[:MAX_WORDS]:
        replacement = _replacement(word, analyser, known, language)
        changed = changed or replacement != word
        words.append(replacement)
    return " ".join(words) if changed else ""


def _replacement(word: str, analyser, known: Vocabulary, language: str) -> str:
    terms = analyser.terms(word, language)
    if not terms or any(term in known for term in terms):
        return word
    # The word's main term: its first (the stem of a Latin word, the noun of a Korean one).
    term = max(terms, key=len) if HANGUL.match(terms[0]) else terms[0]
    nearest = known.nearest(term)
    if nearest is None:
        return word
    plain = "".join(WORD.findall(normalise(word)))
    # A stem is the start of its word: put the word's own ending back on the nearer stem.
    suggestion = nearest + plain[len(term) :] if plain.startswith(term) else nearest
    if not any(t in known for t in analyser.terms(suggestion, language)):
        suggestion = nearest
    return suggestion
