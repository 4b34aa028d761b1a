"""The glossary probe's translations and the benchmark's production settings (no database).

.venv/bin/pytest -q -p no:cacheprovider bench/search/tests/test_glossary_probe.py
"""

import sys
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import glossary_probe
import run


def glossary():
    # 10 Korean-English pairs: "bus" is in 6 English versions, 버스 in 5 Korean ones, and
    # both in 4 pairs; 교통 is with "bus" in 2 pairs, 심야 in 1.
    together = {("en", "bus"): Counter({"버스": 4, "교통": 2, "심야": 1})}
    frequency = {"en": Counter({"bus": 6}), "ko": Counter({"버스": 5, "교통": 10, "심야": 1})}
    return together, frequency


def options(**changes):
    return SimpleNamespace(**({"min_pairs": 2, "min_dice": 0.0, "per_term": 5} | changes))


def test_terms_are_translated_by_dice_best_first():
    together, frequency = glossary()
    found = glossary_probe.translations("bus", "en", "ko", together, frequency, options())
    # Dice: 2 x 4 / (6 + 5) for 버스, 2 x 2 / (6 + 10) for 교통; 심야 is in one pair only.
    assert found == [(pytest.approx(8 / 11), "버스"), (pytest.approx(4 / 16), "교통")]


def test_the_thresholds_and_the_number_kept():
    together, frequency = glossary()

    def words(**changes):
        found = glossary_probe.translations(
            "bus", "en", "ko", together, frequency, options(**changes)
        )
        return [word for _dice, word in found]

    assert words(min_dice=0.5) == ["버스"]
    assert words(per_term=1) == ["버스"]
    assert words(min_pairs=1) == ["버스", "심야", "교통"]  # 심야: 2 x 1 / (6 + 1)
    assert words(min_pairs=5) == []
    assert glossary_probe.translations("nope", "en", "ko", together, frequency, options()) == []


def test_searches_are_timed_with_the_fragment_cache_of_a_site():
    from policyshare.settings import base

    assert settings.FRAGMENT_CACHE_SECONDS == 0  # the test settings the benchmark starts from
    with run.as_in_production():
        assert settings.FRAGMENT_CACHE_SECONDS == base.FRAGMENT_CACHE_SECONDS > 0
    assert settings.FRAGMENT_CACHE_SECONDS == 0
