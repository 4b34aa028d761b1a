"""What both analysed backends share."""

from __future__ import annotations

from modelsearch.query import MATCH_NONE, Phrase, PlainText

from ..analysis import WORD, get_analyser, normalise


def analysed(text: str) -> str:
    return get_analyser().index_text(text)


def autocomplete_text(text: str) -> str:
    """Analysed terms plus the words as written, so that a prefix of a word still matches."""
    return " ".join([analysed(text), *WORD.findall(normalise(text))])


def query_groups(query_string: str, *, prefix_last: bool) -> list[tuple[list[str], str | None]]:
    """For autocomplete: per written word, its terms and (for the last word) its prefix."""
    words = WORD.findall(normalise(query_string[:200]))[:16]
    groups = []
    for position, word in enumerate(words):
        terms = get_analyser().query_terms(word)
        prefix = word if prefix_last and position == len(words) - 1 else None
        if terms or prefix:
            groups.append((terms, prefix))
    return groups


class AnalysedQueryMixin:
    """Replaces a query that analyses to no term at all by a query that matches nothing."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if isinstance(self.query, PlainText | Phrase) and not self._has_terms(self.query):
            self.query = MATCH_NONE

    def _has_terms(self, query) -> bool:
        return bool(get_analyser().query_terms(query.query_string))
