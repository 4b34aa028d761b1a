"""The pool of demo pages to judge: for every judged query, the demo pages among the first 10
results of each retriever (stock, lexical, semantic, fused) that `corpus.DEMO_JUDGMENTS` does
not judge yet, with the text a judge reads.

    .venv/bin/python bench/search/pool.py [--db FILE] [--json FILE] [--all]

On the judged database of `fusion_variants.py` (built by its first run, or by this one).
Prints, per query, each unjudged demo page of the pool: its path (the key of
`DEMO_JUDGMENTS`), the retrievers that put it in their first 10, and its title and the start of
its text in the reader's language, in Korean and in English. `--all` lists judged pages too,
with their grade. Run it after a change of the demo content (or of a retriever): judge what it
lists, by reading, and add the grades to `demo_judgments.py`.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from fusion_variants import DEFAULT_DB, open_database

RETRIEVERS = ("stock", "lexical", "semantic", "fused")
TEXT_CHARS = 400


def pool(corpus, run, pages, *, everything: bool = False) -> list[dict]:
    from policyshare.search.models import SearchDocument

    # The versions of each demo group: language → (title, text).
    groups: dict[str, dict[str, tuple[str, str]]] = {}
    demo_pages = [pk for pk, key in pages.key.items() if key.startswith(run.DEMO_PREFIX)]
    rows = SearchDocument.objects.filter(page_id__in=demo_pages).values_list(
        "page_id", "language", "title", "text"
    )
    for page_id, language, title, text in rows:
        groups.setdefault(pages.key[page_id], {})[language] = (title, text)
    found = []
    for cls, query, _topics, _languages, reader in corpus.QUERIES:
        seen: dict[str, list[str]] = {}
        for name in RETRIEVERS:
            for pk in run.RETRIEVERS[name](query, reader)[: run.RESULTS]:
                key = pages.key.get(pk, "")
                if key.startswith(run.DEMO_PREFIX):
                    seen.setdefault(key, []).append(name)
        judged = corpus.DEMO_JUDGMENTS.get(query, {})
        for key, names in seen.items():
            path = key.removeprefix(run.DEMO_PREFIX)
            if path in judged and not everything:
                continue
            versions = groups.get(key, {})
            found.append(
                {
                    "class": cls,
                    "query": query,
                    "reader": reader,
                    "path": path,
                    "grade": judged.get(path),
                    "retrievers": names,
                    "versions": {
                        language: f"{title} | {text[:TEXT_CHARS]}"
                        for language, (title, text) in versions.items()
                        if language in {reader, "ko", "en"}
                    },
                }
            )
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=DEFAULT_DB)
    parser.add_argument("--json", help="also write the pool to this file")
    parser.add_argument("--all", action="store_true", help="list judged pages too")
    args = parser.parse_args()
    corpus, run, pages = open_database(args.db)
    found = pool(corpus, run, pages, everything=args.all)
    for item in found:
        grade = "unjudged" if item["grade"] is None else f"grade {item['grade']}"
        print(
            f"[{item['class']}] {item['query']!r} ({item['reader']}) → {item['path']} "
            f"({grade}; {', '.join(item['retrievers'])})"
        )
        for language, text in item["versions"].items():
            print(f"    {language}: {text}")
    queries = len({item["query"] for item in found})
    print(f"{len(found)} demo pages in the pool of {queries} queries", flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(found, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
