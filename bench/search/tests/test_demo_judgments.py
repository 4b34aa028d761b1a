"""The demo pages judged for the judged queries (pooling): their keys, their grades, and the
check that fails when a judged page is no longer in the demo content.

.venv/bin/pytest -q -p no:cacheprovider bench/search/tests/test_demo_judgments.py
"""

import importlib
import pkgutil
import sys
from pathlib import Path

import pytest
from wagtail.models import Locale, Page

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import corpus
import run

import policyshare.demo.content as demo_content


def _slugs(value, found: set[str]) -> set[str]:
    """Every "slug" and "key" value (the slug of a page: sharing projects name it "key") in the
    nested dicts and lists of a content module, and the keys of dicts that may be keyed by slug
    (`{"slug": {...}}`)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in {"slug", "key"} and isinstance(item, str):
                found.add(item)
            elif isinstance(key, str) and isinstance(item, dict):
                found.add(key)
            _slugs(item, found)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _slugs(item, found)
    return found


def demo_content_slugs() -> set[str]:
    found: set[str] = set()
    for module_info in pkgutil.walk_packages(demo_content.__path__, demo_content.__name__ + "."):
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if name.isupper():
                _slugs(value, found)
    return found


def test_every_judged_demo_page_is_in_the_demo_content():
    from policyshare.home.services import SECTIONS, SITE_PAGES

    known = demo_content_slugs() | {section[0] for section in SECTIONS} | set(SITE_PAGES)
    judged = {path for grades in corpus.DEMO_JUDGMENTS.values() for path in grades}
    assert judged, "no demo page is judged"
    unknown = {path for path in judged if not set(path.split("/")) <= known}
    assert not unknown


def test_judgments_are_for_judged_queries_on_the_grade_scale():
    queries = {query for _cls, query, *_rest in corpus.QUERIES}
    assert set(corpus.DEMO_JUDGMENTS) <= queries
    for grades in corpus.DEMO_JUDGMENTS.values():
        assert set(grades.values()) <= {0, 1, 2}
    # Some demo pages answer judged queries, most of the pool does not.
    grades = [g for judged in corpus.DEMO_JUDGMENTS.values() for g in judged.values()]
    assert 0 < sum(1 for g in grades if g) < len(grades)


def test_demo_grades_join_the_corpus_grades_under_the_demo_prefix():
    documents = [corpus.Judged("bus-en-0", "bus", "en", "t", "x", 2)]
    demo = {"policies/late-night-bus": 2, "themes/transport": 0}
    grades = run.grades_for(documents, ["bus"], "en", demo)
    assert grades == {
        "bus-en-0": 2,
        "demo:policies/late-night-bus": 2,
        "demo:themes/transport": 0,
    }
    assert run.recall_at_10(["demo:policies/late-night-bus"], grades) == 0.5


def test_demo_keys_are_one_per_translation_group_by_the_korean_path():
    live = [
        (1, "g1", "en", "/home-en/policies/night-bus/"),
        (2, "g1", "ko", "/home/policies/night-bus/"),
        (3, "g2", "fr", "/home-en-fr/parcs/"),
        (4, "g2", "en", "/home-en/parks/"),
        (5, "g3", "ar", "/home-en-ar/souq/"),
        # The same slug in another section is another page.
        (6, "g4", "ko", "/home/themes/night-bus/"),
        (9, "judged", "ko", "/home/policies/bench-9/"),
    ]
    keys = run.demo_keys(live, {9: "stream-ko-0"})
    assert keys == {
        1: "demo:policies/night-bus",
        2: "demo:policies/night-bus",
        3: "demo:parks",
        4: "demo:parks",
        5: "demo:souq",
        6: "demo:themes/night-bus",
    }


@pytest.mark.django_db
def test_page_index_fails_loudly_when_a_judged_demo_page_is_gone():
    root = Page.get_first_root_node()
    home = root.add_child(instance=Page(title="Home", slug="bench-home"))
    korean = home.add_child(instance=Page(title="심야버스", slug="late-night-bus"))
    english = korean.copy_for_translation(
        Locale.objects.get_or_create(language_code="en")[0], copy_parents=True
    )
    english.save_revision().publish()
    judged = home.add_child(instance=Page(title="judged", slug="bench-1"))
    judgments = {"late-night bus": {"late-night-bus": 2}}

    pages = run.page_index({judged.pk: "owlbus-ko-0"}, judgments)
    assert pages.key[korean.pk] == pages.key[english.pk] == "demo:late-night-bus"
    assert pages.key[judged.pk] == "owlbus-ko-0"
    assert pages.language[english.pk] == "en"

    with pytest.raises(run.DemoJudgmentsOutdated, match="renamed-page"):
        run.page_index({}, {"late-night bus": {"late-night-bus": 2, "renamed-page": 1}})
