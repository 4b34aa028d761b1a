"""gunicorn settings for PolicyShare (docs/deploy.md). Every value can be overridden from the
environment, so the systemd unit and bench/load use the same file."""

import gc
import multiprocessing
import os

from gunicorn.glogging import Logger

from policyshare.core.log_masking import mask_private_links

# The Korean analyser (kiwipiepy) allocates through its own copy of mimalloc, which by default
# keeps freed memory committed for a while and commits its arena eagerly: about 8 MB more in
# each worker (docs/search.md, "Korean model and memory"). Read when kiwipiepy loads, in the
# workers, which inherit this environment; a value set for the service wins.
os.environ.setdefault("MIMALLOC_PURGE_DELAY", "0")
os.environ.setdefault("MIMALLOC_ARENA_EAGER_COMMIT", "0")

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# One process per core runs Python in parallel; threads inside each process overlap the time
# spent waiting on PostgreSQL and Redis. Two are enough for that: more only contend for the
# process's interpreter lock. On 2 cores: 2 workers x 2 threads (bench/load/README.md).
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count()))
threads = int(os.environ.get("GUNICORN_THREADS", 2))
worker_class = "gthread"
# Load the app once, before forking: less memory, faster restarts. The Korean analyser is
# loaded by each worker on first use: its threads do not survive a fork (bench/load/README.md).
preload_app = True
# Recycle workers now and then, staggered, so a slow leak never grows unbounded.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 5000))
max_requests_jitter = 500
# Above DATABASE_STATEMENT_TIMEOUT (20) and below nginx's proxy_read_timeout (60): a request
# stuck on the database is cancelled and answered 503 before gunicorn kills its worker.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
# A worker takes a connection only when one of its threads is free (gunicorn's default is
# 1000 connections a worker): the others wait in the listening socket's backlog for whichever
# worker frees a thread first, instead of queueing inside a busy worker, whose main thread
# then spends interpreter time accepting and polling them. Measured by bench-load: the same
# rates within the machine's noise, a lower p99 on uncached policy pages (bench/load/README.md,
# "One connection per thread").
worker_connections = int(os.environ.get("GUNICORN_WORKER_CONNECTIONS", threads))
# No kept-alive connections: nginx opens one per request (deploy/nginx: kept-alive
# connections would pile up on one worker), and a kept-alive connection would hold a
# worker's only free place.
keepalive = 0
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None


class PrivateLinkLogger(Logger):
    """gunicorn's logger, with private links (request tracking, newsletter) masked in every
    access-log field: the request line, path, query and referer (log_masking)."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        return {
            key: mask_private_links(value) if isinstance(value, str) else value
            for key, value in atoms.items()
        }


logger_class = PrivateLinkLogger
errorlog = "-"
# nginx on the same host sets these; trust them only from it.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")


def on_starting(server):
    # Refuse to start when SITE_URL and the default Wagtail site disagree (home.E001,
    # docs/deploy.md). The check reads the database, so `check --deploy` cannot run it.
    # The app is preloaded, so Django is set up here; the master's connection is closed so
    # no worker inherits it.
    from django.core.management import call_command
    from django.db import connections

    try:
        call_command("check", "--database", "default", "--tag", "database", "--fail-level", "ERROR")
    finally:
        connections.close_all()


def pre_fork(server, worker):
    # Everything the app loaded before forking lives as long as the workers: leave it out of
    # their garbage collections (fewer objects to scan, pages stay shared between them).
    gc.freeze()
