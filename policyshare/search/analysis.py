"""Text analysis shared by indexing and querying, so both see exactly the same terms.

Korean: kiwipiepy morphemes of content words (nouns, verb and adjective stems, roots), the
compound formed by nouns written together, and Hangul bigrams of every noun or compound of
three syllables or more, so that 자전거 finds 공공자전거 and 도시재생 finds 도시재생을.
English and other Latin text: lower-cased, accents removed, stop words dropped, Snowball
stemmed, so that "restoration" finds "restored".

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

import snowballstemmer
from django.conf import settings

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

_ENGLISH_STOP_WORDS_TEXT = """
a about above after again against all am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from
further had has have having he her here hers him his how i if in into is it its itself
just me more most my no nor not now of off on once only or other our ours out over own s
same she should so some such t than that the their theirs them then there these they this
those through to too under until up very was we were what when where which while who whom
why will with would you your yours
"""
ENGLISH_STOP_WORDS = frozenset(_ENGLISH_STOP_WORDS_TEXT.split())
# Verb and adjective stems so common that they carry no meaning on their own.
KOREAN_STOP_STEMS = frozenset({"하", "되", "있", "없", "않", "같", "이", "보", "주", "받", "통하"})

_NOUN_TAGS = frozenset({"NNG", "NNP"})
# Parts that form a compound with the nouns they are written against (prefixes, suffixes).
_COMPOUND_TAGS = frozenset({"NNG", "NNP", "XPN", "XSN", "XR"})


def normalise(text: str, *, lower: bool = True) -> str:
    """NFKC, accents removed, control characters turned into spaces, lower case by default."""
    text = unicodedata.normalize("NFKC", text)
    decomposed = unicodedata.normalize("NFD", text)
    if decomposed != text:
        # NFD splits Hangul syllables into jamo too; only strip combining marks and recompose.
        text = unicodedata.normalize(
            "NFC", "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
        )
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    return text.lower() if lower else text


def hangul_bigrams(word: str) -> list[str]:
    return [word[i : i + 2] for i in range(len(word) - 1)]


class _EnglishStemmer:
    """Snowball stemmer; one per thread because the stemmer object keeps state."""

    def __init__(self):
        self._local = threading.local()

    def stem(self, word: str) -> str:
        stemmer = getattr(self._local, "stemmer", None)
        if stemmer is None:
            stemmer = self._local.stemmer = snowballstemmer.stemmer("english")
        return stemmer.stemWord(word)


_english = _EnglishStemmer()


def latin_terms(word: str) -> list[str]:
    """Terms of one run of letters that contains no Hangul."""
    if _LATIN.fullmatch(word):
        if word in ENGLISH_STOP_WORDS or len(word) < 2:
            return []
        return [_english.stem(word)]
    if HAN.search(word):
        # Chinese has no spaces between words: 首尔交通安全计划 must be found by 交通安全.
        terms = []
        for part in HAN.split(word):
            if HAN.fullmatch(part):
                terms.extend(hangul_bigrams(part) if len(part) > 1 else [part])
            elif part:
                terms.extend(latin_terms(part))
        return terms
    # Other scripts (Cyrillic, Arabic, …): the word as it is.
    return [word]


class Analyser:
    """Turns text into terms. `name` says which analysis produced an index."""

    name = "base"

    def terms(self, text: str) -> list[str]:
        raise NotImplementedError

    def index_text(self, text: str) -> str:
        """The analysed form of a text, as stored in the index."""
        return " ".join(self.terms(text))

    def query_terms(self, text: str) -> list[str]:
        """Distinct terms of a query, first occurrence first, at most MAX_QUERY_TERMS."""
        seen: dict[str, None] = {}
        for term in self.terms(text[:MAX_QUERY_CHARS]):
            seen.setdefault(term, None)
        return list(seen)[:MAX_QUERY_TERMS]


class BigramAnalyser(Analyser):
    """The fallback: Hangul as overlapping character bigrams, other text as words."""

    name = "bigram"

    def terms(self, text: str) -> list[str]:
        return _words_terms(normalise(text))


def _words_terms(text: str) -> list[str]:
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
                terms.extend(latin_terms(part))
    return terms


class KiwiAnalyser(Analyser):
    """Korean morphological analysis with kiwipiepy; text without Hangul skips the model."""

    name = "kiwi"

    def __init__(self, kiwi):
        self._kiwi = kiwi
        # Whether the model may be called from several threads at once is not documented.
        self._lock = threading.Lock()

    def terms(self, text: str) -> list[str]:
        # Case helps the model tell English from Korean; Latin terms are lower-cased after.
        text = normalise(text, lower=False)
        if not HANGUL.search(text):
            return _words_terms(text.lower())
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
            elif tag == "SL":
                terms.extend(latin_terms(token.form.lower()))
            elif tag in ("SN", "SH"):
                terms.extend(WORD.findall(token.form.lower()))
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


def index_text(text: str) -> str:
    return get_analyser().index_text(text)


def query_terms(text: str) -> list[str]:
    return get_analyser().query_terms(text)


def join_texts(texts: Iterable[str]) -> str:
    return "\n".join(t for t in texts if t)
