"""The bench's adapter to semantic search: documents to pages, one per translation group.

.venv/bin/pytest -q -p no:cacheprovider bench/search/tests/test_semantic_adapter.py

`semantic_matches` is replaced by a fixed ranking, so the encoder is not loaded.
"""

import sys
import threading
import time
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


def test_critical_path_adds_the_helpers_cpu_that_did_not_overlap(monkeypatch):
    """`CriticalPath`: the search thread's CPU, plus the helper thread's CPU for the search
    less what the search thread spent between handing the work over and waiting for it."""

    def burn(seconds):
        end = time.thread_time() + seconds
        while time.thread_time() < end:
            pass

    monkeypatch.setattr(semantic, "start_matching", lambda query: "meaning")
    monkeypatch.setattr(semantic.QueryMeaning, "matches", lambda self, also=(): [])
    monkeypatch.setattr(semantic, "_score_query", lambda: burn(0.03))
    critical = semantic_adapter.critical_path()

    def search(main_work):
        critical.begin()
        semantic.start_matching("q")
        helper = threading.Thread(target=semantic._score_query)  # the patched helper's work
        helper.start()
        burn(main_work)  # the lexical side, meanwhile
        helper.join()
        semantic.QueryMeaning.matches(None)
        return critical.end()

    # Nothing to overlap: the helper's 30 ms are on the path.
    assert 0.03 <= search(0.0) < 0.045
    # 20 ms of the search's own work ran meanwhile: 20 + (30 - 20) = 30 ms, not 50.
    assert 0.03 <= search(0.02) < 0.045
    assert set(critical.marks) == {"submitted", "waited", "helper"}
    # More of its own work than the helper's: the helper costs the path nothing.
    assert 0.04 <= search(0.04) < 0.055
    # Without the helper (words only), the search thread's CPU.
    critical.begin()
    burn(0.01)
    assert 0.01 <= critical.end() < 0.02
