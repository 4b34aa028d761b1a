"""Fusion variants on the judged set of `run.py`, on one SQLite database built once.

    .venv/bin/python bench/search/fusion_variants.py [--db FILE] [--set NAME=VALUE ...]
        [--queries] [--json FILE]

The first run builds the database of `run.py`'s relevance part (migrations, demo content, the
judged pages as real pages, 120 noise posts, every vector) in FILE (default
`bench-search-judged/judged.sqlite3` in the temporary directory) and the page → judged-key map
beside it; later runs reuse both, so that a variant of the ranking is measured in about a
minute, not rebuilt. Delete FILE after a change of the analyser, the vectors, the corpus or
the demo content. The demo pages judged by pooling (`corpus.DEMO_JUDGMENTS`) count as in
`run.py`; `run.page_index` stops the run if one of them is no longer there.

`--set semantic.RRF_K=30` (repeatable) sets a constant of `policyshare.search.semantic` or
`policyshare.search.selectors` for the run: the figures of one variant, with the same
retrievers as `run.py` (lexical, semantic, fused). `--queries` also prints, per class, each
query whose fused ranking misses relevant documents or ranks below lexical, with the judged
key of each of its first 10 results.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
DEFAULT_DB = str(Path(tempfile.gettempdir(), "bench-search-judged", "judged.sqlite3"))


def build(db: Path) -> None:
    """The judged database, as `run.worker` builds it before its relevance part."""
    import run
    from django.core.management import CommandError, call_command

    call_command("migrate", verbosity=0)
    from policyshare.home.services import ensure_sections

    sections = ensure_sections()
    try:
        call_command("load_demo", verbosity=0)
    except CommandError as error:
        print(f"demo not loaded: {error}", file=sys.stderr)
    key_for_page = run.add_judged_pages(sections)
    print(f"vectors: {run.rebuild_vectors()} s", file=sys.stderr)
    db.with_suffix(".keys.json").write_text(json.dumps(key_for_page))


def set_constant(assignment: str) -> None:
    from policyshare.search import selectors, semantic

    name, _, value = assignment.partition("=")
    module_name, _, constant = name.partition(".")
    module = {"semantic": semantic, "selectors": selectors}[module_name]
    if not hasattr(module, constant):
        raise SystemExit(f"{name} does not exist")
    setattr(module, constant, type(getattr(module, constant))(value))


def open_database(path: str):
    """Django set up on the judged database at `path` (built first if it is not there):
    `(corpus, run, pages)`, `pages` the `run.PageIndex` of every live page."""
    db = Path(path)
    db.parent.mkdir(parents=True, exist_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "policyshare.settings.test"
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(HERE))
    import django

    django.setup()
    import corpus
    import run

    if not db.with_suffix(".keys.json").exists():
        build(db)
    keys = json.loads(db.with_suffix(".keys.json").read_text())
    key_for_page = {int(k): v for k, v in keys.items()}
    return corpus, run, run.page_index(key_for_page, corpus.DEMO_JUDGMENTS)


def evaluate_all(corpus, run, pages, names) -> dict:
    """`run.evaluate` of each retriever in `names` over every judged query: name → class →
    metrics."""
    documents = corpus.judged_documents()
    return {
        name: run.evaluate(
            corpus.QUERIES,
            run.RETRIEVERS[name],
            documents,
            pages,
            corpus.CLASSES,
            corpus.DEMO_JUDGMENTS,
        )
        for name in names
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=DEFAULT_DB)
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument("--queries", action="store_true")
    parser.add_argument("--json")
    args = parser.parse_args()
    corpus, run, pages = open_database(args.db)
    for assignment in args.set:
        set_constant(assignment)
    documents = corpus.judged_documents()
    names = ("lexical", "semantic", "fused")
    results = evaluate_all(corpus, run, pages, names)
    print(f"variant: {' '.join(args.set) or 'as committed'}")
    print(f"{'class':<14}" + "".join(f"{n + ' nDCG/R/MRR':>26}" for n in names))
    for cls in corpus.CLASSES:
        cells = []
        for name in names:
            m = results[name][cls]
            cells.append(f"{m['ndcg']:.3f}/{m['recall']:.3f}/{m['mrr']:.3f}")
        flag = ""
        fused, lexical = results["fused"][cls], results["lexical"][cls]
        if fused["recall"] < run.RECALL_TARGET:
            flag += " R<0.9"
        if fused["ndcg"] < lexical["ndcg"] or fused["recall"] < lexical["recall"]:
            flag += " <lex"
        print(f"{cls:<14}" + "".join(f"{c:>26}" for c in cells) + flag)
    if args.queries:
        print_queries(corpus, run, documents, pages)
    if args.json:
        Path(args.json).write_text(json.dumps({"set": args.set, "results": results}, indent=1))


def print_queries(corpus, run, documents, pages) -> None:
    from policyshare.search import semantic

    # What the fusion saw, per translation group: (lexical relevance, cosine, coverage).
    seen = {}
    fuse_groups = semantic.fuse_groups

    def recording(lexical, similarity, foreign=frozenset(), coverage=None):
        scores = fuse_groups(lexical, similarity, foreign, coverage)
        seen.update(lexical=lexical, similarity=similarity, coverage=coverage or {})
        seen.update(foreign=foreign, scores=scores)
        return scores

    semantic.fuse_groups = recording
    key_of_group = {f"page:{group}": pages.key.get(pk) for pk, group in pages.group.items()}
    print("\nqueries whose fused ranking misses relevant documents or is below lexical:")
    for cls, query, topics, languages, reader in corpus.QUERIES:
        grades = run.grades_for(documents, topics, languages, corpus.DEMO_JUDGMENTS.get(query))
        ranked = {}
        seen.clear()
        for name in ("lexical", "semantic", "fused"):
            ids = run.RETRIEVERS[name](query, reader)[: run.RESULTS]
            ranked[name] = [pages.key.get(pk, f"({pages.language.get(pk)})") for pk in ids]
        fused = [k for k in ranked["fused"] if not k.startswith("(")]
        metric = {n: run.ndcg_at_10(r, grades) for n, r in ranked.items()}
        recall = run.recall_at_10(ranked["fused"], grades)
        if recall >= 1 and metric["fused"] >= metric["lexical"] - 1e-9:
            continue
        print(
            f"[{cls}] {query!r} ({reader}): nDCG lex {metric['lexical']:.3f} sem "
            f"{metric['semantic']:.3f} fused {metric['fused']:.3f}, fused recall {recall:.2f}"
        )
        missing = sorted(k for k, g in grades.items() if g > 0 and k not in fused)
        print(f"   missing: {missing}")
        for name in ("lexical", "semantic", "fused"):
            print(f"   {name:<8} {' '.join(ranked[name])}")
        if seen:
            scores, lexical = seen["scores"], seen["lexical"]
            best = max(lexical.values(), default=0.0) or 1.0
            print(f"   best coverage {max(seen['coverage'].values(), default=None)}")
            for group in sorted(scores, key=lambda g: -scores[g])[:14]:
                key = key_of_group.get(group) or group
                mark = "*" if grades.get(key, 0) > 0 else " "
                cosine = seen["similarity"].get(group)
                print(
                    f"   {mark} {key:<22} fused {scores[group]:.4f} lex "
                    f"{lexical.get(group, 0) / best:.2f} cos "
                    f"{'-' if cosine is None else f'{cosine:.3f}'} cov "
                    f"{seen['coverage'].get(group, '-')}"
                    f"{' foreign' if group in seen['foreign'] else ''}"
                )
            relevant_missing = [
                (k, f"{seen['similarity'].get(g, 0):.3f}")
                for g, k in key_of_group.items()
                if k in missing and g in seen["similarity"]
            ]
            print(f"   missing with a cosine: {relevant_missing}")


if __name__ == "__main__":
    main()
