"""Relevance and speed of the portal search, against stock Wagtail search as the baseline.

    .venv/bin/python bench/search/run.py [--sizes 1000,10000,100000] [--databases sqlite,postgres]

Each database runs in its own process on a throwaway database (a temporary SQLite file;
PostgreSQL database `bench_search` on BENCH_POSTGRES_URL, default
postgres://postgres@127.0.0.1:5432/bench_search, dropped and created again).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/bench_search"


# --- Metrics -----------------------------------------------------------------------------


def ndcg_at_10(ranked: list[str], grades: dict[str, int]) -> float:
    dcg = sum(grades.get(k, 0) / math.log2(i + 2) for i, k in enumerate(ranked[:10]))
    ideal = sorted(grades.values(), reverse=True)[:10]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def recall_at_10(ranked: list[str], grades: dict[str, int]) -> float:
    relevant = {k for k, g in grades.items() if g > 0}
    return len(relevant & set(ranked[:10])) / min(len(relevant), 10) if relevant else 0.0


def reciprocal_rank(ranked: list[str], grades: dict[str, int]) -> float:
    for i, key in enumerate(ranked):
        if grades.get(key, 0) > 0:
            return 1 / (i + 1)
    return 0.0


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    index = min(len(values) - 1, max(0, math.ceil(p / 100 * len(values)) - 1))
    return values[index]


# --- Worker: one database ----------------------------------------------------------------


def worker(database: str, sizes: list[int], *, latency_only: bool = False) -> dict:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(HERE))
    os.environ["DJANGO_SETTINGS_MODULE"] = "policyshare.settings.test"
    import django

    django.setup()
    import corpus
    from django.core.management import CommandError, call_command
    from django.db import DatabaseError, connection

    from policyshare.search.analysis import get_analyser

    call_command("migrate", verbosity=0)
    from policyshare.boards.models import BoardPost
    from policyshare.core.models import StandardPage
    from policyshare.home.services import board_for, ensure_sections
    from policyshare.policies.models import PolicyCase
    from policyshare.search.models import SearchDocument
    from policyshare.search.selectors import search_documents

    result = {"database": database, "vendor": connection.vendor}
    started = time.perf_counter()
    get_analyser()
    result["analyser_load_s"] = round(time.perf_counter() - started, 2)
    sections = ensure_sections()
    if latency_only:
        result["latency"] = latency(corpus, sizes, SearchDocument, search_documents, connection)
        return result
    try:
        call_command("load_demo", verbosity=0)
        result["demo"] = True
    except CommandError as error:  # the demo loader is optional here
        result["demo"] = f"not loaded: {error}"

    # The judged corpus as real pages, so both searches see the same content.
    key_for_page = {}
    documents = corpus.judged_documents() + corpus.noise_documents(120)
    started = time.perf_counter()
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
    result["judged_pages"] = len(documents)
    result["judged_pages_build_s"] = round(time.perf_counter() - started, 1)

    def grades_for(topics, languages):
        return {
            key: grade
            for key, topic, language, _t, _x, grade in documents
            if topic in topics and language in languages.split()
        }

    def ours(query):
        outcome = search_documents(query=query, per_page=10)
        return [key_for_page.get(h.document.page_id, "other") for h in outcome.hits]

    from modelsearch.backends.database import SearchBackend as StockBackend
    from wagtail.models import Page

    def stock_search(stock):
        def run(query):
            try:
                found = list(stock.search(query, Page.objects.live())[:10])
            except DatabaseError:  # stock search may fail on some input: it finds nothing
                connection.close()
                return []
            return [key_for_page.get(p.pk, "other") for p in found]

        return run

    relevance = {"ours": evaluate(corpus, ours, grades_for)}
    stock = StockBackend({})
    stock.reset_indexes()
    for model in (PolicyCase, BoardPost, StandardPage):
        stock.add_bulk(model, list(model.objects.live()))
    relevance["stock"] = evaluate(corpus, stock_search(stock), grades_for)
    result["relevance"] = relevance

    # Speed over synthetic documents added to the judged ones.
    result["latency"] = latency(corpus, sizes, SearchDocument, search_documents, connection)
    return result


def evaluate(corpus, search, grades_for) -> dict:
    per_class = {name: {"ndcg": [], "recall": [], "mrr": []} for name in corpus.CLASSES}
    for name, query, topics, languages in corpus.QUERIES:
        ranked = search(query)
        grades = grades_for(topics, languages)
        per_class[name]["ndcg"].append(ndcg_at_10(ranked, grades))
        per_class[name]["recall"].append(recall_at_10(ranked, grades))
        per_class[name]["mrr"].append(reciprocal_rank(ranked, grades))
    return {
        name: {metric: round(statistics.mean(v), 3) for metric, v in metrics.items()}
        | {"queries": len(metrics["ndcg"])}
        for name, metrics in per_class.items()
    }


MEASURED_ROUNDS = 5


def latency(corpus, sizes, SearchDocument, search_documents, connection) -> list[dict]:
    import functools
    import random

    from policyshare.search.analysis import get_analyser

    analyser = get_analyser()
    analyse = functools.lru_cache(maxsize=None)(analyser.index_text)
    pool = corpus.synthetic_sentences()
    rng = random.Random(3)
    kinds = ["policy", "post", "post", "page"]
    boards = ["news", "media", "video", "report"]
    themes = ["transport", "housing", "environment", "water", "safety", ""]
    rows = []
    present = 0
    for size in sizes:
        started = time.perf_counter()
        batch = []
        for n in range(present, size):
            language = "ko" if n % 2 == 0 else "en"
            sentences = rng.sample(pool[language], 4)
            title = sentences[0][:40]
            kind = kinds[n % 4]
            batch.append(
                SearchDocument(
                    key=f"synthetic:{n}",
                    kind=kind,
                    language=language,
                    board=boards[n % 4] if kind == "post" else "",
                    themes=f" {themes[n % 6]} " if themes[n % 6] else "",
                    year=2000 + n % 25,
                    title=title,
                    url=f"/{language}/synthetic/{n}/",
                    text=" ".join(sentences),
                    analysed_title=analyse(title),
                    analysed_body=" ".join(analyse(s) for s in sentences),
                    analyser=analyser.name,
                )
            )
            if len(batch) == 2000:
                SearchDocument.objects.bulk_create(batch)
                batch = []
        SearchDocument.objects.bulk_create(batch)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE portal_search_searchdocument")
        build = time.perf_counter() - started
        present = size
        # One warming round, then MEASURED_ROUNDS; each query's median over those rounds
        # is its latency, so one hiccup of a shared machine does not decide a percentile.
        # The pooled figures (every single run) are printed beside them.
        per_query: dict[str, list[float]] = {}
        for round_number in range(1 + MEASURED_ROUNDS):
            for _name, query, _topics, _languages in corpus.QUERIES:
                started = time.perf_counter()
                search_documents(query=query, language="ko")
                elapsed = (time.perf_counter() - started) * 1000
                if round_number:
                    per_query.setdefault(query, []).append(elapsed)
        pooled = [t for times in per_query.values() for t in times]
        medians = [statistics.median(times) for times in per_query.values()]
        total = SearchDocument.objects.count()
        rows.append(
            {
                "documents": total,
                "build_s": round(build, 1),
                "p50_ms": round(percentile(medians, 50), 1),
                "p95_ms": round(percentile(medians, 95), 1),
                "pooled_p50_ms": round(percentile(pooled, 50), 1),
                "pooled_p95_ms": round(percentile(pooled, 95), 1),
                "max_ms": round(max(pooled), 1),
                "load_average": round(os.getloadavg()[0], 2),
            }
        )
    return rows


def memory_worker() -> dict:
    """Resident memory of one app process after the analyser loaded and a page rendered."""
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "policyshare.settings.test"
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from policyshare.home.services import ensure_sections
    from policyshare.search.analysis import get_analyser

    def rss_mb():
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
        return None

    call_command("migrate", verbosity=0)
    before = rss_mb()
    started = time.perf_counter()
    get_analyser().terms("서울시는 도시재생을 추진했다")
    load = time.perf_counter() - started
    with_analyser = rss_mb()
    ensure_sections()
    Client().get("/ko/search/", {"q": "교통"})
    sample = "서울시는 2005년 청계천 복원 사업을 통해 도심 하천을 되살렸다. " * 200
    started = time.perf_counter()
    get_analyser().terms(sample)
    throughput = len(sample) / (time.perf_counter() - started)
    return {
        "rss_before_analyser_mb": before,
        "rss_with_analyser_mb": with_analyser,
        "rss_after_a_search_page_mb": rss_mb(),
        "analyser_load_s": round(load, 2),
        "korean_analysis_chars_per_s": int(throughput),
    }


# --- Orchestrator ------------------------------------------------------------------------


def run_child(args: list[str], env: dict) -> dict:
    process = subprocess.run(  # noqa: S603 - this script, with our own arguments
        [sys.executable, __file__, *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if process.returncode != 0:
        sys.stderr.write(process.stderr[-4000:])
        raise SystemExit(f"benchmark worker {args} failed")
    return json.loads(process.stdout.strip().splitlines()[-1])


def prepare_postgres(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def print_report(results: list[dict], memory: dict) -> None:
    print("\n== Relevance (judged queries, top 10) ==")
    for result in [r for r in results if "relevance" in r]:
        print(
            f"\n-- {result['database']} (judged pages: {result['judged_pages']}, "
            f"demo content: {result['demo']}) --"
        )
        print(f"{'class':<14}{'n':>3}  {'nDCG@10':>16}  {'recall@10':>16}  {'MRR':>16}")
        print(f"{'':<17}  {'ours / stock':>16}  {'ours / stock':>16}  {'ours / stock':>16}")
        ours, stock = result["relevance"]["ours"], result["relevance"]["stock"]
        for name in ours:
            o, s = ours[name], stock[name]
            print(
                f"{name:<14}{o['queries']:>3}  "
                f"{o['ndcg']:>7.3f} / {s['ndcg']:<6.3f}  "
                f"{o['recall']:>7.3f} / {s['recall']:<6.3f}  "
                f"{o['mrr']:>7.3f} / {s['mrr']:<6.3f}"
            )
    print("\n== Latency of search_documents (facets and snippets included) ==")
    print(
        f"{'database':<10}{'documents':>10}{'build s':>9}{'p50 ms':>9}{'p95 ms':>9}"
        f"{'pooled p50':>12}{'pooled p95':>12}{'max ms':>9}{'load':>7}"
    )
    for result in results:
        for row in result["latency"]:
            print(
                f"{result['database']:<10}{row['documents']:>10}{row['build_s']:>9}"
                f"{row['p50_ms']:>9}{row['p95_ms']:>9}{row['pooled_p50_ms']:>12}"
                f"{row['pooled_p95_ms']:>12}{row['max_ms']:>9}{row['load_average']:>7}"
            )
    print(
        "(p50/p95: over the judged queries, each query's median of "
        f"{MEASURED_ROUNDS} runs after a warming run; pooled: over every single run; load: the "
        "1-minute load average of this 2-core machine when the size was measured. Build: "
        "analysis cached per sentence of the generated corpus, then bulk insert; the FTS index "
        "is kept by triggers / a generated column)"
    )
    print("\n== One app process ==")
    for key, value in memory.items():
        print(f"{key:<30}{value}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--worker", choices=["sqlite", "postgres", "memory"])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--json", help="also write the results to this file")
    parser.add_argument("--latency-only", action="store_true", help="skip the relevance part")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.worker == "memory":
        print(json.dumps(memory_worker()))
        return
    if args.worker:
        print(json.dumps(worker(args.worker, sizes, latency_only=args.latency_only)))
        return

    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for database in args.databases.split(","):
            env = dict(os.environ)
            if database == "sqlite":
                env["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
            else:
                url = os.environ.get("BENCH_POSTGRES_URL", DEFAULT_POSTGRES)
                prepare_postgres(url)
                env["DATABASE_URL"] = url
            print(f"running {database} …", file=sys.stderr)
            worker_args = ["--worker", database, "--sizes", args.sizes]
            if args.latency_only:
                worker_args.append("--latency-only")
            results.append(run_child(worker_args, env))
        env = dict(os.environ, DATABASE_URL=f"sqlite:///{tmp}/memory.sqlite3")
        memory = run_child(["--worker", "memory"], env)
    print_report(results, memory)
    if args.json:
        Path(args.json).write_text(json.dumps({"results": results, "memory": memory}, indent=2))


if __name__ == "__main__":
    main()
