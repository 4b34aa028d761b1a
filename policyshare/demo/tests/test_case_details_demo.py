"""The flagship cases' cost, means and lifecycle in the demo content: every field is filled
from a cited source or says why it is empty, in each language the demo carries the case in,
and every budget line has the exchange rate its year needs. (That the loader puts them on the
pages: test_load_demo.py.)"""

import re
from datetime import date
from decimal import Decimal

import pytest

from policyshare.demo.content import case_details
from policyshare.demo.content.case_details import (
    DETAILS,
    EXCHANGE_RATES,
    LANGUAGES,
    SOURCES,
    UNPUBLISHED,
)
from policyshare.demo.content.policies import POLICIES, SMG
from policyshare.demo.services import case_detail_problems
from policyshare.policies.blocks import LifecycleStatus
from policyshare.policies.means import parse_sdg_targets, sdg_target_codes

from .test_load_demo import FLAGSHIP_POLICIES, fake_translation

SPECS = {spec["slug"]: spec for spec in POLICIES}
FIELDS_THAT_MAY_BE_UNPUBLISHED = {"budget_lines", "staff_fte", "legal_basis"}


def flagship_problems(spec: dict, details: dict, unpublished: dict) -> list[str]:
    """What a flagship case lacks: a figure or text with no source and no stated reason, a
    language missing, a budget line with no rate for its year."""
    slug = spec["slug"]
    problems = []
    rates = {(rate["currency"], rate["year"]) for rate in EXCHANGE_RATES}

    def filled_or_explained(field: str, filled: bool):
        if filled and field in unpublished:
            problems.append(f"{slug}: {field} is filled and also said to be unpublished")
        if not filled and not unpublished.get(field, "").strip():
            problems.append(f"{slug}: no {field} and no reason why")

    lines = spec.get("budget_lines", [])
    filled_or_explained("budget_lines", bool(lines))
    for line in lines:
        if Decimal(line["amount"]) < 0:
            problems.append(f"{slug}: negative amount")
        if not (line.get("source") or "").strip():
            problems.append(f"{slug}: a budget line of {line['year']} names no source")
        if line["currency"] != "USD" and (line["currency"], line["year"]) not in rates:
            problems.append(f"{slug}: no rate for {line['currency']} in {line['year']}")
        problems += missing_languages(f"{slug} funding source", line["funding_source"])

    if not spec["indicators"]:
        problems.append(f"{slug}: no indicator")
    if not any(indicator.get("source_url") for indicator in spec["indicators"]):
        problems.append(f"{slug}: no indicator gives the address of its source")
    for indicator in spec["indicators"]:
        if not (indicator.get("source") or SMG["en"]).strip():
            problems.append(f"{slug}: an indicator names no source")
        url = indicator.get("source_url", "")
        if url and not url.startswith(("http://", "https://")):
            problems.append(f"{slug}: {url!r} is not an address")

    filled_or_explained("staff_fte", details.get("staff_fte") is not None)
    filled_or_explained("legal_basis", bool(details.get("legal_basis")))
    for field in ("obstacles", "stakeholders", "lifecycle"):
        if not details.get(field) and not (field == "stakeholders" and spec.get(field)):
            problems.append(f"{slug}: no {field}")
    for position, obstacle in enumerate(details.get("obstacles", [])):
        problems += missing_languages(f"{slug} obstacle {position}", obstacle)
    for position, stakeholder in enumerate(details.get("stakeholders", [])):
        problems += missing_languages(f"{slug} stakeholder {position}", stakeholder)
    for position, law in enumerate(details.get("legal_basis", [])):
        problems += missing_languages(f"{slug} legal basis {position}", law, extra={"url"})
        if law["url"] and not law["url"].startswith(("http://", "https://")):
            problems.append(f"{slug}: legal basis {position} has no address")
    for kind in ("legal", "budget", "technology", "size"):
        problems += missing_languages(
            f"{slug} precondition {kind}", details.get("preconditions", {}).get(kind, {})
        )

    starts = []
    for position, stage in enumerate(details.get("lifecycle", [])):
        if stage["status"] not in LifecycleStatus.values:
            problems.append(f"{slug}: stage {position} has status {stage['status']!r}")
        if not isinstance(stage["start"], date):
            problems.append(f"{slug}: stage {position} has no start date")
            continue
        if stage["end"] is not None and stage["end"] < stage["start"]:
            problems.append(f"{slug}: stage {position} ends before it starts")
        starts.append(stage["start"])
        problems += missing_languages(f"{slug} stage {position}", stage["reason"])
    if starts != sorted(starts):
        problems.append(f"{slug}: the lifecycle stages are not oldest first")

    if not any(url.startswith(("http://", "https://")) for _title, url in SOURCES.get(slug, [])):
        problems.append(f"{slug}: no source listed in case_details.SOURCES")
    return problems


def missing_languages(where: str, texts: dict, *, extra=frozenset()) -> list[str]:
    """A dict of the six languages, each a text or a dict of texts, none empty."""
    problems = []
    if set(texts) - set(LANGUAGES) - set(extra):
        problems.append(f"{where}: unknown keys {sorted(set(texts) - set(LANGUAGES) - extra)}")
    for code in LANGUAGES:
        value = texts.get(code)
        values = value.values() if isinstance(value, dict) else [value]
        if value is None or not all(isinstance(v, str) and v.strip() for v in values):
            problems.append(f"{where}: no {code} text")
    return problems


def texts_in(code: str):
    """Every text of the flagships' details in one language, with where it is."""
    for slug, details in case_details.DETAILS.items():
        for field in ("obstacles", "stakeholders", "legal_basis"):
            for item in details.get(field, []):
                for key, text in item[code].items():
                    yield f"{slug} {field} {key}", text
        for kind, texts in details.get("preconditions", {}).items():
            yield f"{slug} precondition {kind}", texts[code]
        for stage in details.get("lifecycle", []):
            yield f"{slug} lifecycle", stage["reason"][code]
    for slug in FLAGSHIP_POLICIES:
        for line in SPECS[slug].get("budget_lines", []):
            yield f"{slug} funding source", line["funding_source"][code]


# --- The demo content as written -------------------------------------------------------------


@pytest.mark.parametrize("slug", sorted(FLAGSHIP_POLICIES))
def test_each_flagship_case_has_sourced_means_and_lifecycle(slug):
    assert flagship_problems(SPECS[slug], DETAILS.get(slug, {}), UNPUBLISHED.get(slug, {})) == []


def test_only_flagships_have_details_and_reasons():
    assert set(DETAILS) == FLAGSHIP_POLICIES
    assert set(UNPUBLISHED) <= FLAGSHIP_POLICIES
    for reasons in UNPUBLISHED.values():
        assert set(reasons) <= FIELDS_THAT_MAY_BE_UNPUBLISHED


def test_staff_figures_are_numbers():
    for slug, details in DETAILS.items():
        if details.get("staff_fte") is not None:
            assert Decimal(details["staff_fte"]) > 0, slug


def test_exchange_rates_are_sourced_yearly_averages_covering_every_budget_line():
    used = {
        (line["currency"], line["year"])
        for spec in POLICIES
        for line in spec.get("budget_lines", [])
        if line["currency"] != "USD"
    }
    pairs = [(rate["currency"], rate["year"]) for rate in EXCHANGE_RATES]
    assert len(pairs) == len(set(pairs))
    # 2015's is there for the fund's other yearly figures (docs/demo-content.md).
    assert used <= set(pairs)
    for rate in EXCHANGE_RATES:
        assert re.fullmatch(r"[A-Z]{3}", rate["currency"]) and rate["currency"] != "USD"
        # The won has traded between about 900 and 1,600 to the dollar since 2000.
        assert 900 < Decimal(rate["units_per_usd"]) < 1600, rate
        assert "http" in rate["source"] and len(rate["source"]) <= 255, rate


def test_sources_fit_the_models_fields():
    for spec in POLICIES:
        for line in spec.get("budget_lines", []):
            assert len(line.get("source", "")) <= 255, spec["slug"]
        for indicator in spec["indicators"]:
            assert len(indicator.get("source", "")) <= 255, spec["slug"]
    for details in DETAILS.values():
        for law in details.get("legal_basis", []):
            for code in LANGUAGES:
                assert len(law[code]["title"]) <= 255 and len(law[code]["note"]) <= 255
        for stakeholder in details.get("stakeholders", []):
            for code in LANGUAGES:
                assert len(stakeholder[code]["name"]) <= 200


def test_the_flagships_sdg_targets_are_real_targets():
    for slug in FLAGSHIP_POLICIES:
        codes = parse_sdg_targets(SPECS[slug].get("sdg_targets", ""))
        assert codes and set(codes) <= sdg_target_codes(), slug


@pytest.mark.parametrize(
    ("code", "pattern", "rule"),
    [
        # A no-break space (U+00A0 or U+202F) before : ; ? ! % and inside « ».
        ("fr", r"[^\u00a0\u202f][:;?!%»]|«[^\u00a0\u202f]", "French spacing"),
        ("fr", r"'", "French apostrophe (’)"),
        ("ar", r"[,;?]", "Arabic punctuation (، ؛ ؟)"),
        # Full-width punctuation; an ASCII comma only between digits (218,212).
        ("zh-hans", r"[;:?!()]|,(?!\d)|(?<!\d),", "Chinese punctuation"),
        ("ko", r"[\u3002\uff0c]", "Korean punctuation (no full-width stops or commas)"),
    ],
)
def test_each_language_follows_its_typography(code, pattern, rule):
    wrong = [
        (where, text)
        for where, text in texts_in(code)
        # "https://…" and "km/h" are not punctuation.
        if re.search(pattern, re.sub(r"https?://\S+|\d+:\d+", "", text))
    ]
    assert wrong == [], rule


def test_korean_sentences_are_formal():
    for where, text in texts_in("ko"):
        if text.endswith("."):
            assert text.endswith("니다."), where


# --- The check itself -----------------------------------------------------------------------


def test_the_check_finds_what_a_flagship_lacks():
    slug = "energy-welfare-civic-fund"
    spec = dict(SPECS[slug], budget_lines=[dict(SPECS[slug]["budget_lines"][1], year=2031)])
    details = dict(DETAILS[slug], lifecycle=[], legal_basis=[])
    details["obstacles"] = [dict(DETAILS[slug]["obstacles"][0])]
    del details["obstacles"][0]["ar"]

    problems = flagship_problems(spec, details, {"budget_lines": "not published"})

    assert f"{slug}: no rate for KRW in 2031" in problems
    assert f"{slug}: budget_lines is filled and also said to be unpublished" in problems
    assert f"{slug}: no staff_fte and no reason why" in problems
    assert f"{slug}: no legal_basis and no reason why" in problems
    assert f"{slug}: no lifecycle" in problems
    assert f"{slug} obstacle 0: no ar text" in problems


def test_the_check_finds_a_stage_out_of_order_and_an_unsourced_line():
    slug = "third-traffic-safety-plan"
    first, second = DETAILS[slug]["lifecycle"]
    details = dict(DETAILS[slug], lifecycle=[second, first])
    line = {"amount": "10", "currency": "KRW", "year": 2016, "funding_source": {}}
    spec = dict(SPECS[slug], budget_lines=[line])

    problems = flagship_problems(spec, details, {"staff_fte": "none found"})

    assert f"{slug}: the lifecycle stages are not oldest first" in problems
    assert f"{slug}: a budget line of 2016 names no source" in problems
    assert f"{slug} funding source: no ko text" in problems
    assert f"{slug}: no budget_lines and no reason why" not in problems


def test_the_typography_check_catches_an_ascii_space_before_a_colon(monkeypatch):
    slug = "late-night-bus"
    broken = dict(DETAILS[slug])
    broken["obstacles"] = [
        {**DETAILS[slug]["obstacles"][0], "fr": {"obstacle": "Nuit : rien", "response": "x"}}
    ]
    monkeypatch.setitem(case_details.DETAILS, slug, broken)

    assert any(re.search(r"[^\u00a0\u202f][:;?!%»]", text) for _w, text in texts_in("fr"))


def test_a_language_module_without_its_case_details_is_refused():
    assert case_detail_problems("fr", fake_translation()) == []

    problems = case_detail_problems("de", fake_translation("de", tag="(de)"))

    assert problems == [
        f"content/case_details.py has no de text for {slug}" for slug in sorted(DETAILS)
    ]
