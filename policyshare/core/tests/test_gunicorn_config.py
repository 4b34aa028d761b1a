"""deploy/gunicorn.conf.py: a worker holds one connection per thread, none kept alive
(bench/load/README.md, "One connection per thread")."""

import os
import runpy
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.test import SimpleTestCase
from gunicorn.config import Config
from gunicorn.workers.gthread import ThreadWorker

CONF = Path(settings.BASE_DIR) / "deploy" / "gunicorn.conf.py"
OVERRIDES = ("GUNICORN_THREADS", "GUNICORN_WORKER_CONNECTIONS")


def load(**env) -> dict:
    clean = {k: v for k, v in os.environ.items() if k not in OVERRIDES}
    with mock.patch.dict(os.environ, {**clean, **env}, clear=True):
        return runpy.run_path(str(CONF))


class GunicornConfigTests(SimpleTestCase):
    def test_one_connection_per_thread_and_none_kept_alive(self):
        conf = load()
        self.assertEqual(conf["worker_class"], "gthread")
        self.assertEqual(conf["worker_connections"], conf["threads"])
        self.assertEqual(conf["keepalive"], 0)

    def test_the_connections_follow_the_threads_unless_set(self):
        self.assertEqual(load(GUNICORN_THREADS="4")["worker_connections"], 4)
        self.assertEqual(
            load(GUNICORN_THREADS="4", GUNICORN_WORKER_CONNECTIONS="1000")["worker_connections"],
            1000,
        )

    def test_gunicorn_accepts_it_without_a_warning(self):
        conf = load()
        cfg = Config()
        for name in ("worker_class", "threads", "worker_connections", "keepalive"):
            cfg.set(name, conf[name])
        log = mock.Mock()
        ThreadWorker.check_config(cfg, log)
        log.warning.assert_not_called()
        # The check does warn for what the old settings would be with one connection per
        # thread (keepalive 5), so the test above can fail.
        cfg.set("keepalive", 5)
        ThreadWorker.check_config(cfg, log)
        log.warning.assert_called_once()
