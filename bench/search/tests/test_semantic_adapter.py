"""The bench's adapter to semantic search: documents to pages, one per translation group.

.venv/bin/pytest -q -p no:cacheprovider bench/search/tests/test_semantic_adapter.py

`semantic_matches` is replaced by a fixed ranking, so the encoder is not loaded.
"""

import sys
from pathlib import Path

import pytest
from django.conf import settings
from wagtail.models import Page

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import semantic_adapter

from policyshare.search import semantic
from policyshare.search.models import SearchDocument


def document(key, *, page, language, group=""):
    return SearchDocument.objects.create(
        key=key,
        kind="policy",
        page=page,
        language=language,
        title=key,
        url=f"/{language}/{key}/",
        translation_group=group,
    )


def page(title):
    child = Page(title=title, slug=title)
    Page.get_first_root_node().add_child(instance=child)
    return child


@pytest.mark.django_db
def test_semantic_search_maps_to_pages_one_per_group_in_the_readers_language(monkeypatch):
    ko, en, fr, alone = page("ko"), page("en"), page("fr"), page("alone")
    ko_doc = document("a-ko", page=ko, language="ko", group="page:a")
    en_doc = document("a-en", page=en, language="en", group="page:a")
    fr_doc = document("a-fr", page=fr, language="fr", group="page:a")
    snippet = document("partner:1", page=None, language="en")
    alone_doc = document("b", page=alone, language="ko")
    seen = {}

    def matches(query):
        seen["enabled"] = semantic.enabled()
        # The Korean version is the best match, then a snippet, then the other group.
        return [(ko_doc.pk, 0.5), (snippet.pk, 0.45), (fr_doc.pk, 0.4), (alone_doc.pk, 0.3)]

    monkeypatch.setattr(semantic, "semantic_matches", matches)

    english = semantic_adapter.semantic_search("bus", language="en", limit=10)
    french = semantic_adapter.semantic_search("bus", language="fr", limit=10)
    first_only = semantic_adapter.semantic_search("bus", language="en", limit=1)

    # The snippet is skipped; group "a" ranks first and once, shown through the matched
    # version first in the reader's fallback order (English is not matched; an English
    # reader's order is en, ko, then the others).
    assert english == [ko.pk, alone.pk]
    assert french == [fr.pk, alone.pk]
    assert first_only == [ko.pk]
    assert en_doc.page_id == en.pk
    assert seen["enabled"] is True  # turned on for the call
    assert settings.PORTAL_SEARCH_SEMANTIC is False  # and off again after it


def test_load_encoder_raises_without_the_encoder(monkeypatch):
    from policyshare.search import encoder

    monkeypatch.setattr(encoder, "get_encoder", lambda: None)
    with pytest.raises(RuntimeError, match="could not be loaded"):
        semantic_adapter.load_encoder()
