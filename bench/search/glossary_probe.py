"""Could the site's own Korean-English pairs translate a query? A probe, not a feature.

    .venv/bin/python bench/search/glossary_probe.py [--db FILE] [--body-terms 200]
        [--min-pairs 2] [--min-dice 0.5] [--per-term 2] [--show]

On the judged database of `fusion_variants.py` (built there on first use), a glossary is
learnt from every translation group that has a Korean and an English version: a term of one
version and a term of the other are associated by the Dice coefficient of the groups they
share (2 x both / (groups with one + groups with the other)), kept with at least `--min-pairs`
groups and `--min-dice`. Each query of the cross-language classes (`en_to_ko`, `ko_to_en`) is
then translated term by term (the `--per-term` best target-language terms of each) and run as
a full-text query on the documents of the target language, as `_FulltextQuery` runs one, with
no semantic side. Printed: the share of query terms that found a translation, each class's
recall@10 and nDCG@10 for the translated query alone, beside semantic search alone (the
encoder is the other way across languages).

`--expand` instead measures the glossary inside the search: each query's terms are followed by
their translations (as `synonyms.expand` adds synonyms; only for a Korean or English reader),
and every judged class is evaluated, words only and fused, as `fusion_variants.py` prints
them. docs/search.md, "Query translation from the site's own pairs", quotes both.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from fusion_variants import DEFAULT_DB, evaluate_all, open_database  # noqa: E402

CLASSES = {"en_to_ko": ("en", "ko"), "ko_to_en": ("ko", "en")}


def learn(body_terms: int) -> tuple[dict, dict, int]:
    """(co-occurrence counts per (language, term), document frequencies per language, pairs)."""
    from policyshare.search.models import SearchDocument

    versions: dict[str, dict[str, set[str]]] = collections.defaultdict(dict)
    rows = SearchDocument.objects.filter(language__in=["ko", "en"]).exclude(translation_group="")
    for group, language, title, summary, body in rows.values_list(
        "translation_group", "language", "analysed_title", "analysed_summary", "analysed_body"
    ):
        versions[group][language] = (
            set(title.split()) | set(summary.split()) | set(body.split()[:body_terms])
        )
    pairs = [(v["en"], v["ko"]) for v in versions.values() if len(v) == 2]
    frequency = {"en": collections.Counter(), "ko": collections.Counter()}
    together: dict = collections.defaultdict(collections.Counter)
    for english, korean in pairs:
        frequency["en"].update(english)
        frequency["ko"].update(korean)
        for e in english:
            for k in korean:
                together[("en", e)][k] += 1
                together[("ko", k)][e] += 1
    return together, frequency, len(pairs)


def translations(term, source, target, together, frequency, args) -> list[tuple[float, str]]:
    found = []
    for other, both in together.get((source, term), {}).items():
        if both < args.min_pairs:
            continue
        dice = 2 * both / (frequency[source][term] + frequency[target][other])
        if dice >= args.min_dice:
            found.append((dice, other))
    return sorted(found, reverse=True)[: args.per_term]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=DEFAULT_DB)
    parser.add_argument("--body-terms", type=int, default=200)
    parser.add_argument("--min-pairs", type=int, default=2)
    parser.add_argument("--min-dice", type=float, default=0.5)
    parser.add_argument("--per-term", type=int, default=2)
    parser.add_argument("--show", action="store_true", help="print each query's translation")
    parser.add_argument("--expand", action="store_true", help="translate inside the search")
    args = parser.parse_args()
    corpus, run, pages = open_database(args.db)
    if args.expand:
        expand_inside_search(corpus, run, pages, args)
        return

    from policyshare.search.analysis import get_analyser
    from policyshare.search.models import SearchDocument
    from policyshare.search.selectors import SearchFilters, _FulltextQuery

    together, frequency, pair_count = learn(args.body_terms)
    print(f"{pair_count} Korean-English translation groups")
    documents = corpus.judged_documents()
    page_of = dict(SearchDocument.objects.values_list("pk", "page_id"))
    analyser = get_analyser()
    for cls, (source, target) in CLASSES.items():
        terms_seen = terms_translated = 0
        recall, ndcg, semantic_recall = [], [], []
        for name, query, topics, languages, reader in corpus.QUERIES:
            if name != cls:
                continue
            grades = run.grades_for(documents, topics, languages, corpus.DEMO_JUDGMENTS.get(query))
            terms = analyser.query_terms(query, source)
            translated: dict[str, None] = {}
            for term in terms:
                found = translations(term, source, target, together, frequency, args)
                terms_seen += 1
                terms_translated += bool(found)
                translated.update((other, None) for _dice, other in found)
            ranked = []
            if translated:
                candidates, _capped = _FulltextQuery(list(translated)).candidates(
                    SearchFilters(language=target)
                )
                ranked = [
                    pages.key.get(page_of.get(c.pk))
                    for c in sorted(candidates, key=lambda c: -c.score)[: run.RESULTS]
                ]
            recall.append(run.recall_at_10(ranked, grades))
            ndcg.append(run.ndcg_at_10(ranked, grades))
            by_meaning = [pages.key.get(pk) for pk in run.RETRIEVERS["semantic"](query, reader)]
            semantic_recall.append(run.recall_at_10(by_meaning, grades))
            if args.show:
                shown = " ".join(translated) or "(nothing)"
                print(f"  {query!r} → {shown}: recall {recall[-1]:.2f}")
        mean = lambda values: sum(values) / len(values) if values else 0.0  # noqa: E731
        print(
            f"{cls}: {terms_translated} of {terms_seen} query terms translated; translated query "
            f"alone recall@10 {mean(recall):.3f}, nDCG@10 {mean(ndcg):.3f}; semantic alone "
            f"recall@10 {mean(semantic_recall):.3f}"
        )


def expand_inside_search(corpus, run, pages, args) -> None:
    from policyshare.search import selectors, synonyms

    together, frequency, pair_count = learn(args.body_terms)
    with_synonyms = synonyms.expand

    def expand(terms: list[str], language: str) -> list[str]:
        expanded = with_synonyms(terms, language)
        if language not in ("en", "ko"):
            return expanded
        target = "ko" if language == "en" else "en"
        added: dict[str, None] = {}
        for term in terms:
            for _dice, other in translations(term, language, target, together, frequency, args):
                if other not in expanded:
                    added[other] = None
        return expanded + list(added)

    selectors.synonyms.expand = expand
    results = evaluate_all(corpus, run, pages, ("lexical", "fused"))
    print(f"{pair_count} pairs; --min-dice {args.min_dice} --per-term {args.per_term}")
    print(f"{'class':<14}{'words nDCG/R':>16}{'fused nDCG/R/MRR':>22}")
    for cls in corpus.CLASSES:
        words, fused = results["lexical"][cls], results["fused"][cls]
        print(
            f"{cls:<14}{words['ndcg']:>10.3f}/{words['recall']:.3f}"
            f"{fused['ndcg']:>10.3f}/{fused['recall']:.3f}/{fused['mrr']:.3f}"
        )


if __name__ == "__main__":
    main()
