# ruff: noqa: RUF002 - Arabic letters are the subject of this module
"""Word analysis that depends on the language or the script: what `analysis` calls for a word
that is not Korean.

- Latin script (accents already removed by `analysis.normalise`): the language's stop words
  are dropped and its Snowball stemmer applied (English, French, Spanish; any other language
  is treated as English). Stemming the unaccented word makes "deces" find "décès".
- Arabic script, whatever the language: marks (tashkeel) and tatweel removed, alef forms
  unified (أ إ آ ٱ → ا), ta marbuta → ha, alef maqsura → ya, Arabic-Indic digits → 0-9, stop
  words dropped, then a light stemmer (Larkey's "light10": common prefixes such as و, ال,
  بال and suffixes such as ات, ون, ين, ها).
- Han characters, whatever the language: overlapping character bigrams (a lone character
  stays as it is). jieba was measured and not chosen: see docs/search.md.

Every function here returns terms that are runs of letters or of digits (see `analysis`).
"""

from __future__ import annotations

import re
import threading
import unicodedata

import snowballstemmer

# The Snowball algorithm of each language whose Latin words are stemmed its own way.
SNOWBALL = {"en": "english", "fr": "french", "es": "spanish"}

_EN = """
a about above after again against all am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from
further had has have having he her here hers him his how i if in into is it its itself
just me more most my no nor not now of off on once only or other our ours out over own s
same she should so some such t than that the their theirs them then there these they this
those through to too under until up very was we were what when where which while who whom
why will with would you your yours
"""
# Accents folded, as the words are compared after folding.
_FR = """
a au aux avec ce ces c cela celle celles celui comme d dans de des du elle elles en est et
etre eu il ils j je l la le les leur leurs lui m ma mais me meme mes moi mon n ne nos notre
nous on ou par pas pour qu que qui s sa sans se ses si son sont sur t ta te tes toi ton tu un
une vos votre vous y a ete etait sont aussi plus tres cette ces
"""
_ES = """
a al algo algunas algunos ante antes como con contra cual cuando de del desde donde durante
e el ella ellas ellos en entre era es esa esas ese eso esos esta estas este esto estos fue
ha han hasta hay la las le les lo los mas me mi mis muy ni no nos o os otra otro para pero
poco por porque que quien se sea ser si sin sobre su sus tambien te tiene todo todos tu un
una uno unos y ya yo
"""
STOP_WORDS = {
    "en": frozenset(_EN.split()),
    "fr": frozenset(_FR.split()),
    "es": frozenset(_ES.split()),
}

# After normalisation (alef unified, ta marbuta → ha, alef maqsura → ya).
_AR = """
في من علي الي عن مع هذا هذه ذلك تلك التي الذي الذين اللتي ان او ثم قد لقد كان كانت يكون
تكون هو هي هم هن نحن انا انت ما لا لم لن كل بعض غير بين عند حتي اذا اذ منذ ضمن عبر لدي
و ف ب ل ك
"""
ARABIC_STOP_WORDS = frozenset(_AR.split())

ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef]")
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef]+")
# Tashkeel and other Arabic marks, tatweel.
_ARABIC_MARKS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ة": "ه",
        "ى": "ي",
        "ی": "ي",  # Persian ya
        "ک": "ك",  # Persian kaf
        **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + d): str(d) for d in range(10)},  # Eastern Arabic-Indic digits
    }
)
# Light10 (Larkey, Ballesteros and Connell 2002), on normalised text.
_ARABIC_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
_ARABIC_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")


def latin_language(language: str) -> str:
    """The language whose rules apply to Latin words: "fr" or "es", else English."""
    base = (language or "").split("-")[0].lower()
    return base if base in SNOWBALL else "en"


def fold(word: str) -> str:
    """Accents removed ("décès" → "deces")."""
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


class _Stemmers(threading.local):
    """Snowball stemmers keep state: one set per thread."""

    def get(self, language: str):
        stemmer = self.__dict__.get(language)
        if stemmer is None:
            stemmer = self.__dict__[language] = snowballstemmer.stemmer(SNOWBALL[language])
        return stemmer


_stemmers = _Stemmers()


def is_stop_word(word: str, language: str = "") -> bool:
    """Whether a lower-case word is a stop word of the language (Latin) or of Arabic."""
    if ARABIC.search(word):
        return normalise_arabic(word) in ARABIC_STOP_WORDS
    return fold(word) in STOP_WORDS[latin_language(language)]


def latin_word_terms(word: str, language: str = "") -> list[str]:
    """The term of one lower-case, unaccented Latin word in the language, or none for a stop
    word or a single letter."""
    language = latin_language(language)
    if len(word) < 2 or word in STOP_WORDS[language]:
        return []
    if language != "en" and len(word) >= 4 and word[-1] == "s" and word[-2] in "aeiou":
        # Snowball keeps the plural s after a vowel in French ("velos") and in some Spanish
        # words ("bicis"): drop it, so that the plural finds the singular.
        word = word[:-1]
    return [_stemmers.get(language).stemWord(word)]


def normalise_arabic(word: str) -> str:
    return _ARABIC_MARKS.sub("", word).translate(_ARABIC_LETTERS)


def arabic_stem(word: str) -> str:
    """Light10: one prefix (the article and its companions, or a leading و), then suffixes."""
    for prefix in _ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            word = word[len(prefix) :]
            break
    else:
        if word.startswith("و") and len(word) >= 4:
            word = word[1:]
    for suffix in _ARABIC_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            word = word[: -len(suffix)]
    return word


def arabic_terms(word: str) -> list[str]:
    """Terms of one run of Arabic letters."""
    word = normalise_arabic(word)
    terms = []
    for part in re.findall(r"[^\W_]+", word):
        if part.isdigit():
            terms.append(part)
        elif part not in ARABIC_STOP_WORDS and len(part) >= 2:
            terms.append(arabic_stem(part))
    return terms


def han_terms(run: str) -> list[str]:
    """Overlapping bigrams of a run of Han characters; a lone character is its own term."""
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def split_scripts(word: str) -> list[tuple[str, str]]:
    """A run of letters cut where the script changes: [("han", …), ("arabic", …), ("other", …)]."""
    parts: list[tuple[str, str]] = []
    for ch in word:
        script = "han" if HAN.match(ch) else "arabic" if ARABIC.match(ch) else "other"
        if parts and parts[-1][0] == script:
            parts[-1] = (script, parts[-1][1] + ch)
        else:
            parts.append((script, ch))
    return parts
