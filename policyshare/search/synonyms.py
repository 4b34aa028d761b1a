"""Query expansion with the editors' synonym lists (`SearchSynonym`).

A query whose terms contain all the terms of one word of a list also looks for the terms of
the list's other words: "bike" also finds "bicycle" and "cycling", 자전거 also finds 따릉이.
Only the lists of the reader's language apply. The lists are analysed once and cached under
a versioned key; saving or deleting a list changes the version (`bump_version`, connected in
`signal_handlers`), so every process sees the change on its next search.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache

from .analysis import ANALYSIS_VERSION, get_analyser
from .models import SearchSynonym

VERSION_KEY = "portal_search:synonyms:version"
CACHE_SECONDS = 24 * 60 * 60
# At most this many terms are added to one query.
MAX_ADDED_TERMS = 24

# [[terms of a word, …] per list]
Groups = list[list[tuple[str, ...]]]


def bump_version(**_kwargs) -> None:
    """Make every cached list stale (a signal receiver, hence the keyword arguments)."""
    cache.set(VERSION_KEY, time.time_ns(), None)


def _version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = time.time_ns()
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    return version


def groups(language: str) -> Groups:
    """The synonym lists of a language, each word as its analysed terms."""
    key = f"portal_search:synonyms:{ANALYSIS_VERSION}:{_version()}:{language}"
    found = cache.get(key)
    if found is None:
        analyser = get_analyser()
        found = []
        for synonym in SearchSynonym.objects.filter(language=language).only("terms"):
            group = [tuple(analyser.query_terms(word, language)) for word in synonym.words]
            group = [terms for terms in group if terms]
            if len(group) > 1:
                found.append(group)
        cache.set(key, found, CACHE_SECONDS)
    return found


def expand(terms: list[str], language: str) -> list[str]:
    """The query's terms followed by those of the synonyms of its words."""
    # The API passes its `lang` parameter as it came: only a known language has lists.
    if not terms or language not in dict(settings.LANGUAGES):
        return terms
    present = set(terms)
    added: dict[str, None] = {}
    for group in groups(language):
        if any(present.issuperset(word) for word in group):
            for word in group:
                for term in word:
                    if term not in present:
                        added.setdefault(term, None)
    return terms + list(added)[:MAX_ADDED_TERMS]
