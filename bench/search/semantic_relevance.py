"""Relevance of lexical, semantic and fused search on the judged set, on SQLite, with the real
encoder: the classes of `run.py`, and the same queries judged against the documents of the
other language (English query → Korean documents, Korean → English), which words alone cannot
find. Also tries other RRF constants and a lighter semantic
weight. A few minutes (embedding the corpus).

    .venv/bin/python bench/search/semantic_relevance.py [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
# How deep each ranking is read: the metrics look at the first 10 after the documents of the
# query's language are taken out (for the other-language judgement).
DEPTH = 40


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()
    scratch = tempfile.mkdtemp(prefix="semantic-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{scratch}/bench.sqlite3"
    os.environ["DJANGO_SETTINGS_MODULE"] = "policyshare.settings.test"
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(HERE))
    import django

    django.setup()
    import corpus
    import run
    from django.core.management import CommandError, call_command
    from django.test import override_settings

    from policyshare.boards.models import BoardPost
    from policyshare.home.services import board_for, ensure_sections
    from policyshare.policies.models import PolicyCase
    from policyshare.search import semantic
    from policyshare.search.models import SearchDocument
    from policyshare.search.selectors import search_documents

    call_command("migrate", verbosity=0)
    sections = ensure_sections()
    try:
        call_command("load_demo", verbosity=0)
    except CommandError as error:
        print(f"demo not loaded: {error}")
    key_for_page = {}
    documents = corpus.judged_documents() + corpus.noise_documents(120)
    for n, (key, _topic, language, title, text, _grade) in enumerate(documents):
        if key.startswith("noise"):
            parent = board_for(kind="news", language_code=language)
            page = BoardPost(title=title, summary=text, slug=f"bench-{n}")
        else:
            parent = sections["policies"][language]
            page = PolicyCase(
                title=title, summary=text, period_start_year=2000 + n % 20, slug=f"bench-{n}"
            )
        parent.add_child(instance=page)
        page.save_revision().publish()
        key_for_page[page.pk] = key

    results = {"documents": SearchDocument.objects.count()}
    with override_settings(PORTAL_SEARCH_SEMANTIC=True):
        started, cpu = time.perf_counter(), time.process_time()
        report = semantic.embed_documents()
        results["embed"] = report.summary()
        results["embed_s"] = round(time.perf_counter() - started, 1)
        results["embed_cpu_s"] = round(time.process_time() - cpu, 1)
    page_of = dict(SearchDocument.objects.values_list("pk", "page_id"))

    def grades_for(topics, languages):
        return {
            key: grade
            for key, topic, language, _t, _x, grade in documents
            if topic in topics and language in languages.split()
        }

    def other_language(topics, languages):
        return grades_for(topics, "en" if languages == "ko" else "ko")

    def lexical(query):
        with override_settings(PORTAL_SEARCH_SEMANTIC=False):
            hits = search_documents(query=query, per_page=DEPTH).hits
        return [key_for_page.get(h.document.page_id, "other") for h in hits]

    def fused(query):
        with override_settings(PORTAL_SEARCH_SEMANTIC=True):
            hits = search_documents(query=query, per_page=DEPTH).hits
        return [key_for_page.get(h.document.page_id, "other") for h in hits]

    def semantic_only(query):
        with override_settings(PORTAL_SEARCH_SEMANTIC=True):
            matches = semantic.semantic_matches(query)[:DEPTH]
        return [key_for_page.get(page_of.get(pk), "other") for pk, _score in matches]

    # For the other language, the judged documents in the query's own language are taken out
    # of the ranking, as if that content existed in the other language only (Seoul's Korean-
    # only and English-only policies).
    query_languages = {query: languages for _c, query, _t, languages in corpus.QUERIES}

    def without_own_language(search):
        def ranked(query):
            own = query_languages[query].split()
            keys = search(query)
            return [k for k in keys if k.count("-") < 2 or k.rsplit("-", 2)[1] not in own]

        return ranked

    for name, search in (("lexical", lexical), ("semantic", semantic_only), ("fused", fused)):
        results[name] = run.evaluate(corpus, search, grades_for)
        results[f"{name}_cross_language"] = run.evaluate(
            corpus, without_own_language(search), other_language
        )
    variants = {"k10": (10, 1.0), "k100": (100, 1.0), "w0.5": (60, 0.5), "w0.75": (60, 0.75)}
    k, weight = semantic.RRF_K, semantic.SEMANTIC_WEIGHT
    for name, (semantic.RRF_K, semantic.SEMANTIC_WEIGHT) in variants.items():
        results[f"fused_{name}"] = run.evaluate(corpus, fused, grades_for)
        results[f"fused_{name}_cross_language"] = run.evaluate(
            corpus, without_own_language(fused), other_language
        )
    semantic.RRF_K, semantic.SEMANTIC_WEIGHT = k, weight

    print(f"documents {results['documents']}; {results['embed']} in {results['embed_s']} s")
    print(f"(CPU {results['embed_cpu_s']} s)")
    for judged in ("", "_cross_language"):
        print(
            f"\nrecall@10 / nDCG@10 / MRR, judged in the {'other' if judged else 'same'} language"
        )
        names = ["lexical", "semantic", "fused", *(f"fused_{name}" for name in variants)]
        print(f"{'class':14}" + "".join(f"{n:>22}" for n in names))
        for cls in corpus.CLASSES:
            cells = []
            for n in names:
                m = results[f"{n}{judged}"][cls]
                cells.append(f"{m['recall']:.2f}/{m['ndcg']:.2f}/{m['mrr']:.2f}")
            print(f"{cls:14}" + "".join(f"{c:>22}" for c in cells))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
