"""Text analysis shared by indexing and querying, so both see exactly the same terms.

Korean: kiwipiepy morphemes of content words (nouns, verb and adjective stems, roots), the
compound formed by nouns written together, and Hangul bigrams of every noun or compound of
three syllables or more, so that 자전거 finds 공공자전거 and 도시재생 finds 도시재생을.
Latin text: lower-cased, stop words dropped, Snowball stemmed in the document's language
(English, French or Spanish; English for any other), so that "restoration" finds "restored";
accents are removed. Arabic is normalised and lightly stemmed, Han characters become bigrams,
whatever the language (`languages`). The language is the document's at index time and the
reader's for a query; a French or Spanish reader's Latin words are also looked up as English,
the language most documents share.

Every term is a run of letters or of digits with nothing else in it, and terms are joined by
single spaces: the SQLite FTS5 `unicode61` tokenizer and the PostgreSQL `simple` configuration
then split the analysed text exactly where the analyser did.

The Korean model is loaded once per process, on first use. If it cannot be loaded, character
bigrams of Hangul take over and a warning is logged; the index should then be rebuilt
(`manage.py rebuild_search_documents` and `manage.py update_index`) so that index and query
agree again.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from collections.abc import Iterable

from django.conf import settings

from . import heap
from .languages import (
    STOP_WORDS,
    arabic_terms,
    han_terms,
    is_stop_word,
    latin_language,
    latin_word_terms,
    split_scripts,
)

logger = logging.getLogger(__name__)

# A query longer than this is cut: nobody types more, and analysis time grows with length.
MAX_QUERY_CHARS = 200
# At most this many distinct terms reach the database for one query.
MAX_QUERY_TERMS = 32

HANGUL = re.compile(r"[\uac00-\ud7a3]")
# Han ideographs (Chinese): written without spaces between words, so bigrams like Hangul.
HAN = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)")
_HANGUL_RUN = re.compile(r"[\uac00-\ud7a3]+")
# Runs of letters (any script) or of digits; everything else separates terms.
WORD = re.compile(r"[^\W\d_]+|\d+")
_LATIN = re.compile(r"[a-z]+")
_ANY_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
# Bumped when what the analysers produce changes: documents analysed by an older version are
# rebuilt by `manage.py rebuild_search_documents --if-stale` (docs/search.md).
ANALYSIS_VERSION = 2
_DIGITS = str.maketrans(
    {
        **{chr(0x0660 + d): str(d) for d in range(10)},
        **{chr(0x06F0 + d): str(d) for d in range(10)},
    }
)

ENGLISH_STOP_WORDS = STOP_WORDS["en"]
# Verb and adjective stems so common that they carry no meaning on their own.
KOREAN_STOP_STEMS = frozenset({"하", "되", "있", "없", "않", "같", "이", "보", "주", "받", "통하"})

_NOUN_TAGS = frozenset({"NNG", "NNP"})
# Parts that form a compound with the nouns they are written against (prefixes, suffixes).
_COMPOUND_TAGS = frozenset({"NNG", "NNP", "XPN", "XSN", "XR"})


def normalise(text: str, *, lower: bool = True) -> str:
    """NFKC, accents removed, Arabic-Indic digits as 0-9, control characters turned into
    spaces, lower case by default."""
    text = unicodedata.normalize("NFKC", text).translate(_DIGITS)
    decomposed = unicodedata.normalize("NFD", text)
    # Arabic marks (tashkeel) are already apart in NFC: look for marks, not only for a change.
    if decomposed != text or any(unicodedata.category(ch) == "Mn" for ch in text):
        # NFD splits Hangul syllables into jamo too; only strip combining marks and recompose.
        text = unicodedata.normalize(
            "NFC", "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
        )
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    return text.lower() if lower else text


def hangul_bigrams(word: str) -> list[str]:
    return [word[i : i + 2] for i in range(len(word) - 1)]


def latin_terms(word: str, language: str = "") -> list[str]:
    """Terms of one run of letters that contains no Hangul."""
    terms: list[str] = []
    for script, part in split_scripts(word):
        if script == "han":
            terms.extend(han_terms(part))
        elif script == "arabic":
            terms.extend(arabic_terms(part))
        elif _LATIN.fullmatch(part):
            terms.extend(latin_word_terms(part, language))
        else:
            # Other scripts (Cyrillic, kana, …): the word as it is.
            terms.append(part)
    return terms


class Analyser:
    """Turns text into terms. `name` says which analysis produced an index."""

    kind = "base"

    @property
    def name(self) -> str:
        """Recorded with each document: the analyser and the version of the analysis."""
        return f"{self.kind}-{ANALYSIS_VERSION}"

    def terms(self, text: str, language: str = "") -> list[str]:
        """The terms of a text in a language ("" for the default rules: English for Latin
        words)."""
        raise NotImplementedError

    def index_text(self, text: str, language: str = "") -> str:
        """The analysed form of a text in the document's language, as stored in the index."""
        return " ".join(self.terms(text, language))

    def query_terms(self, text: str, language: str = "") -> list[str]:
        """Distinct terms of a query in the reader's language, first occurrence first, at
        most MAX_QUERY_TERMS. A French or Spanish reader's Latin words are also analysed as
        English (a name or an English word typed on the French site)."""
        text = text[:MAX_QUERY_CHARS]
        seen: dict[str, None] = {}
        for term in self.terms(text, language):
            seen.setdefault(term, None)
        if latin_language(language) != "en" and _ANY_LATIN.search(text):
            # Not the reader's language's stop words ("de", "la"), which English keeps.
            words = [w for w in text.split() if not is_stop_word(w.lower(), language)]
            for term in self.terms(" ".join(words), "en"):
                seen.setdefault(term, None)
        return list(seen)[:MAX_QUERY_TERMS]


class BigramAnalyser(Analyser):
    """The fallback: Hangul as overlapping character bigrams, other text as words."""

    kind = "bigram"

    def terms(self, text: str, language: str = "") -> list[str]:
        return _words_terms(normalise(text), language)


def _words_terms(text: str, language: str = "") -> list[str]:
    """Terms of normalised text without morphological analysis."""
    terms: list[str] = []
    for word in WORD.findall(text):
        if word.isdigit():
            terms.append(word)
            continue
        for part in _split_hangul(word):
            if HANGUL.match(part):
                terms.extend(hangul_bigrams(part) if len(part) > 1 else [part])
            else:
                terms.extend(latin_terms(part, language))
    return terms


class KiwiAnalyser(Analyser):
    """Korean morphological analysis with kiwipiepy; text without Hangul skips the model."""

    kind = "kiwi"

    def __init__(self, kiwi):
        self._kiwi = kiwi
        # Whether the model may be called from several threads at once is not documented.
        self._lock = threading.Lock()

    def terms(self, text: str, language: str = "") -> list[str]:
        # Case helps the model tell English from Korean; Latin terms are lower-cased after.
        text = normalise(text, lower=False)
        if not HANGUL.search(text):
            return _words_terms(text.lower(), language)
        with self._lock:
            tokens = self._kiwi.tokenize(text)
        terms: list[str] = []
        run: list = []  # nouns and affixes written together: one compound
        for token in tokens:
            if run and (token.tag not in _COMPOUND_TAGS or token.start != _end(run[-1])):
                terms.extend(_compound_terms(run))
                run = []
            tag = token.tag
            if tag in _COMPOUND_TAGS:
                run.append(token)
            elif tag.startswith(("VV", "VA")):
                if token.form not in KOREAN_STOP_STEMS and _HANGUL_RUN.fullmatch(token.form):
                    terms.append(token.form)
            elif tag in ("SL", "SN", "SH", "SW"):
                # Latin, numbers, Han, other scripts (Arabic is "SW"): as without the model.
                terms.extend(_words_terms(token.form.lower(), language))
        if run:
            terms.extend(_compound_terms(run))
        return terms


def _end(token) -> int:
    return token.start + token.len


def _split_hangul(word: str) -> list[str]:
    """Split a letter run into Hangul and non-Hangul parts ("seoul은" -> "seoul", "은")."""
    parts, last = [], 0
    for match in _HANGUL_RUN.finditer(word):
        if match.start() > last:
            parts.append(word[last : match.start()])
        parts.append(match.group())
        last = match.end()
    if last < len(word):
        parts.append(word[last:])
    return parts


def _compound_terms(run: list) -> list[str]:
    terms: list[str] = []
    nouns = [t.form for t in run if t.tag in _NOUN_TAGS or t.tag == "XR"]
    for noun in nouns:
        if _HANGUL_RUN.fullmatch(noun):
            terms.append(noun)
            if len(noun) >= 3:
                terms.extend(hangul_bigrams(noun))
        else:
            terms.extend(WORD.findall(noun))
    compound = "".join(t.form for t in run)
    if len(run) > 1 and _HANGUL_RUN.fullmatch(compound):
        terms.append(compound)
        if len(compound) >= 3:
            # Bigrams across the joins: 공공자전거 also gives 공자, 전거.
            known = set(terms)
            terms.extend(b for b in hangul_bigrams(compound) if b not in known)
    return terms


# Kiwi's built-in dictionaries cost memory in every process and add little to search
# (docs/search.md#korean-model-and-memory); settings.SEARCH_KIWI_OPTIONS replaces these.
DEFAULT_KIWI_OPTIONS = {
    "load_default_dict": False,
    "load_typo_dict": False,
    "load_multi_dict": False,
}


def _load_kiwi():
    from kiwipiepy import Kiwi

    kiwi = Kiwi(**getattr(settings, "SEARCH_KIWI_OPTIONS", DEFAULT_KIWI_OPTIONS))
    kiwi.tokenize("")  # the model loads lazily; load it now, not in the first request
    heap.trim()  # what loading freed (docs/search.md, "Korean model and memory")
    return kiwi


_analyser: Analyser | None = None
_analyser_lock = threading.Lock()


def get_analyser() -> Analyser:
    """The process-wide analyser, created on first use."""
    global _analyser
    if _analyser is None:
        with _analyser_lock:
            if _analyser is None:
                _analyser = _create_analyser()
    return _analyser


def _create_analyser() -> Analyser:
    if getattr(settings, "PORTAL_SEARCH_ANALYSER", "kiwi") == "bigram":
        return BigramAnalyser()
    try:
        return KiwiAnalyser(_load_kiwi())
    except (ImportError, OSError, RuntimeError, MemoryError) as error:
        logger.warning(
            "The Korean analyser could not be loaded (%s); falling back to character "
            "bigrams. Rebuild the search index once the model loads again.",
            error,
        )
        return BigramAnalyser()


def reset_analyser() -> None:
    """Forget the analyser so that the next use loads it again (tests, settings changes)."""
    global _analyser
    with _analyser_lock:
        _analyser = None


def index_text(text: str, language: str = "") -> str:
    return get_analyser().index_text(text, language)


def query_terms(text: str, language: str = "") -> list[str]:
    return get_analyser().query_terms(text, language)


def join_texts(texts: Iterable[str]) -> str:
    return "\n".join(t for t in texts if t)
