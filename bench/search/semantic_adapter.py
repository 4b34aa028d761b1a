"""The benchmark's adapter to the portal's semantic search (`run.SEMANTIC_MODULE`).

`run.py` asks for page ids; the portal works in search documents. This module maps one to the
other, so that no bench-only function lives in `policyshare.search.semantic`:

- `semantic_search`: `semantic.semantic_matches` (exact dot product, the portal's threshold
  and candidate count), search documents mapped to their pages (snippets and other documents
  that are no page are skipped), one result per translation group: the group ranks by its best
  version's similarity and is shown through the version the reader should read
  (`core.languages.fallback_order`), as the search page chooses it.
- `fused_search`: `selectors.search_documents` with semantic search on (it fuses the semantic
  matches with the lexical candidates itself).

Both forget the cached query vectors first (`encoder.query_vector` keeps 256), so that the
latency part, which repeats every query, times the query's embedding each time.
- `rebuild_vectors`: `semantic.embed_documents()` over every search document, at once in this
  process (not through the task queue).
- `load_encoder`: `encoder.get_encoder()`; raises if the encoder cannot be loaded.

The bench's worker runs on the test settings, where `PORTAL_SEARCH_SEMANTIC` is False (so
that publishing the judged pages does not embed them one by one); each function here turns it
on for its own call. `semantic.enabled()` reads the setting on every call: nothing to reset.
"""

from __future__ import annotations

from django.test import override_settings


def _semantic_on():
    return override_settings(PORTAL_SEARCH_SEMANTIC=True)


def semantic_search(query: str, *, language: str, limit: int) -> list[int]:
    from policyshare.core.languages import fallback_order
    from policyshare.search.encoder import query_vector
    from policyshare.search.models import SearchDocument
    from policyshare.search.semantic import semantic_matches

    query_vector.cache_clear()
    with _semantic_on():
        matches = semantic_matches(query)
    rows = SearchDocument.objects.filter(
        pk__in=[pk for pk, _score in matches], page__isnull=False
    ).values_list("pk", "page_id", "language", "translation_group")
    found = {pk: (page_id, lang, group or f"#{pk}") for pk, page_id, lang, group in rows}
    preference = {code: n for n, code in enumerate(fallback_order(language))}
    groups: dict[str, list[tuple[int, str]]] = {}  # best group first (matches are best first)
    for pk, _score in matches:
        if pk in found:
            page_id, lang, group = found[pk]
            groups.setdefault(group, []).append((page_id, lang))
    shown = [
        min(versions, key=lambda v: preference.get(v[1], len(preference)))[0]
        for versions in groups.values()
    ]
    return shown[:limit]


def fused_search(query: str, *, language: str, limit: int) -> list[int | None]:
    from policyshare.search.encoder import query_vector
    from policyshare.search.selectors import search_documents

    query_vector.cache_clear()
    with _semantic_on():
        outcome = search_documents(query=query, language=language, per_page=limit)
    return [hit.document.page_id for hit in outcome.hits]


def rebuild_vectors():
    from policyshare.search.semantic import embed_documents

    with _semantic_on():
        report = embed_documents()
    if not report.encoder_available:
        raise RuntimeError(report.summary())
    return report


def load_encoder():
    from policyshare.search.encoder import get_encoder

    encoder = get_encoder()
    if encoder is None:
        raise RuntimeError("the sentence encoder could not be loaded")
    return encoder
