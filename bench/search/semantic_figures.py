"""Figures of semantic search: the encoder's load time, memory and speed, and the exact dot
product at 100,000 documents, on a synthetic matrix. About a minute.

    .venv/bin/python bench/search/semantic_figures.py [--documents 100000] [--json]

Each part runs in its own process, so that each memory figure is of that part alone:

- `encoder`: load time and resident memory of the encoder alone; time to embed a document
  (its title and `EMBED_CHARS` characters, as `semantic` embeds them) and a query, on one
  BLAS thread;
- `app`: one app process (Django, test settings) with the Korean analyser and the encoder
  loaded, as a search page needs them, and after a matrix of N vectors is held too;
- `matrix`: a synthetic N x 512 float32 matrix of unit vectors (the 100k-document store):
  p50/p95 of one query (dot product and top 50) in wall-clock and CPU time, and the time to
  read it from bytes as `VectorIndex` does.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DIMENSIONS = 512


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def percentiles(samples: list[float]) -> tuple[float, float]:
    samples = sorted(samples)
    return (
        round(statistics.median(samples), 2),
        round(samples[min(len(samples) - 1, int(len(samples) * 0.95))], 2),
    )


DOCUMENT = (
    "안전속도 5030\n서울시는 도심 일반도로의 제한속도를 시속 50km로, 주택가 이면도로는 "
    "시속 30km로 낮췄다. 시행 첫해 교통사고 사망자가 크게 줄었고, 보행자 사고도 감소했다. "
) * 10
QUERIES = ["traffic deaths", "bike sharing", "공공자전거", "housing for young people", "청계천"]


def encoder_part(_documents: int) -> dict:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policyshare.settings.test")
    import numpy  # noqa: F401 - counted in the baseline

    from policyshare.search.encoder import EMBED_CHARS, document_source, get_encoder

    before = rss_mb()
    started = time.perf_counter()
    encoder = get_encoder()
    load = time.perf_counter() - started
    loaded = rss_mb()
    source = document_source("안전속도 5030", DOCUMENT)[: EMBED_CHARS + 20]
    batch = [source] * 64
    encoder.encode(batch[:4])
    started, cpu = time.perf_counter(), time.process_time()
    encoder.encode(batch)
    per_document = (time.perf_counter() - started) / len(batch) * 1000
    per_document_cpu = (time.process_time() - cpu) / len(batch) * 1000
    walls = []
    for _round in range(10):
        for query in QUERIES:
            started = time.perf_counter()
            encoder.encode([query])
            walls.append((time.perf_counter() - started) * 1000)
    query_p50, query_p95 = percentiles(walls)
    return {
        "encoder": encoder.name,
        "encoder_load_s": round(load, 2),
        "rss_before_encoder_mb": before,
        "rss_with_encoder_mb": loaded,
        "document_chars": len(source),
        "embed_ms_per_document": round(per_document, 2),
        "embed_cpu_ms_per_document": round(per_document_cpu, 2),
        "query_embed_p50_ms": query_p50,
        "query_embed_p95_ms": query_p95,
    }


def app_part(documents: int) -> dict:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "policyshare.settings.test"
    import django

    django.setup()
    import numpy as np

    from policyshare.search.analysis import get_analyser
    from policyshare.search.encoder import get_encoder

    before = rss_mb()
    get_analyser().terms("서울시는 도시재생을 추진했다")
    with_analyser = rss_mb()
    get_encoder().encode(["서울시는 도시재생을 추진했다"])
    with_both = rss_mb()
    matrix = np.ones((documents, DIMENSIONS), dtype=np.float32)
    with_matrix = rss_mb()
    del matrix
    return {
        "app_rss_before_mb": before,
        "app_rss_with_analyser_mb": with_analyser,
        "app_rss_with_analyser_and_encoder_mb": with_both,
        f"app_rss_with_{documents}_vectors_mb": with_matrix,
    }


def matrix_part(documents: int) -> dict:
    import numpy as np

    rng = np.random.default_rng(0)
    matrix = rng.standard_normal((documents, DIMENSIONS), dtype=np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    blobs = [row.astype("<f4").tobytes() for row in matrix[: min(documents, 100_000)]]
    started = time.perf_counter()
    np.frombuffer(b"".join(blobs), dtype="<f4").reshape(len(blobs), DIMENSIONS)
    read = time.perf_counter() - started
    walls, cpus = [], []
    for number in range(60):
        query = matrix[number * 7 % documents] + np.float32(0.01)
        started, cpu = time.perf_counter(), time.process_time()
        scores = matrix @ query
        top = np.argpartition(-scores, 49)[:50]
        top[np.argsort(-scores[top], kind="stable")]
        if number >= 10:  # the first rounds warm the caches
            walls.append((time.perf_counter() - started) * 1000)
            cpus.append((time.process_time() - cpu) * 1000)
    wall_p50, wall_p95 = percentiles(walls)
    cpu_p50, cpu_p95 = percentiles(cpus)
    return {
        "matrix_documents": documents,
        "matrix_mb": round(matrix.nbytes / 2**20, 1),
        "matrix_from_bytes_s": round(read, 2),
        "dot_top50_p50_ms": wall_p50,
        "dot_top50_p95_ms": wall_p95,
        "dot_top50_cpu_p50_ms": cpu_p50,
        "dot_top50_cpu_p95_ms": cpu_p95,
    }


PARTS = {"encoder": encoder_part, "app": app_part, "matrix": matrix_part}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--part", choices=PARTS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.part:
        print(json.dumps(PARTS[args.part](args.documents)))
        return
    # One BLAS thread, as the app's encoder uses (threadpoolctl); for the matrix too, since a
    # request has one core of a busy machine.
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    figures = {"load_average": round(os.getloadavg()[0], 2)}
    for part in PARTS:
        result = subprocess.run(  # noqa: S603 - this script, with our own arguments
            [sys.executable, __file__, "--part", part, "--documents", str(args.documents)],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        figures.update(json.loads(result.stdout.strip().splitlines()[-1]))
    # CPU time, not wall-clock time, which on a shared machine counts the others' work too;
    # two worker processes on two cores.
    per_document = figures["embed_cpu_ms_per_document"]
    figures["embedding_of_100k_documents_cpu_min"] = round(100_000 * per_document / 1000 / 60, 1)
    figures["same_with_2_workers_min"] = round(100_000 * per_document / 1000 / 60 / 2, 1)
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    for name, value in figures.items():
        print(f"{name:45} {value}")


if __name__ == "__main__":
    main()
