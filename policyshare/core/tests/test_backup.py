"""docs/backup.md works: a backup restored into an empty database holds every page,
document and request.

On PostgreSQL the test runs the documented commands (pg_dump --format=custom, then
pg_restore into a new, empty database); on SQLite it uses SQLite's online backup, the API
behind `sqlite3 db.sqlite3 ".backup …"`. The content is committed (TransactionTestCase) so
that another session can read it; afterwards the database is put back as the migrations
left it.
"""

import os
import shutil
import sqlite3
import subprocess
import tempfile
import uuid
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import connection
from django.test import TransactionTestCase
from wagtail.documents import get_document_model
from wagtail.models import Page

from policyshare.cooperation_requests.models import CooperationRequest
from policyshare.cooperation_requests.tests.builders import make_request
from policyshare.core.tests import builders

PG_BIN = Path("/usr/lib/postgresql/15/bin")


def postgres_tool(name: str) -> str:
    found = shutil.which(name) or (str(PG_BIN / name) if (PG_BIN / name).exists() else None)
    if found is None:
        raise AssertionError(f"{name} is needed for the backup test (Debian postgresql-client)")
    return found


class BackupRestoreTests(TransactionTestCase):
    serialized_rollback = True

    def _fixture_teardown(self):
        # Django flushes after a TransactionTestCase and puts the serialized data back only
        # when the next such test starts; the tests that run after this one (the browser
        # tests' live server, TestCases on PostgreSQL) need the content types, locales and
        # root page that the migrations made, so put them back now.
        super()._fixture_teardown()
        connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
        ContentType.objects.clear_cache()

    def make_content(self):
        sections = builders.sections()
        policy = builders.make_policy(library=sections["policies"]["en"], slug="backed-up")
        builders.translate_page(policy, language="ko", title="백업된 정책")
        builders.make_post(board=sections["news"]["ko"], slug="backed-up-post")
        Document = get_document_model()
        document = Document(title="Annual report")
        document.file.save("report.pdf", ContentFile(b"%PDF-1.4 report"), save=False)
        document.save()
        make_request(policies=[policy])
        make_request(language="ko", topic="주택 정책")

    def expected(self):
        return {
            "pages": set(Page.objects.values_list("id", "title", "live")),
            "documents": set(get_document_model().objects.values_list("id", "title", "file")),
            "requests": set(CooperationRequest.objects.values_list("reference", "topic")),
        }

    @staticmethod
    def read(cursor) -> dict:
        def rows(sql):
            cursor.execute(sql)
            return {tuple(row) for row in cursor.fetchall()}

        return {
            "pages": rows("SELECT id, title, live FROM wagtailcore_page"),
            "documents": rows("SELECT id, title, file FROM wagtaildocs_document"),
            "requests": rows(
                "SELECT reference, topic FROM cooperation_requests_cooperationrequest"
            ),
        }

    def test_a_restored_backup_has_every_page_document_and_request(self):
        self.make_content()
        expected = self.expected()
        self.assertGreaterEqual(len(expected["pages"]), 8)
        self.assertEqual(len(expected["documents"]), 1)
        self.assertEqual(len(expected["requests"]), 2)
        with tempfile.TemporaryDirectory() as workdir:
            if connection.vendor == "postgresql":
                restored = self.restore_postgres(Path(workdir))
            else:
                restored = self.restore_sqlite(Path(workdir))
        self.assertEqual(restored, expected)

    def restore_sqlite(self, workdir: Path) -> dict:
        backup = workdir / "backup.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(backup) as target:
            connection.connection.backup(target)
        restored = workdir / "restored.sqlite3"
        shutil.copy(backup, restored)  # restore = put the file back in place
        with sqlite3.connect(restored) as database:
            return self.read(database.cursor())

    def restore_postgres(self, workdir: Path) -> dict:
        import psycopg

        settings = connection.settings_dict
        server = {
            "PGHOST": settings["HOST"] or "127.0.0.1",
            "PGPORT": str(settings["PORT"] or 5432),
            "PGUSER": settings["USER"] or "postgres",
            "PGPASSWORD": settings["PASSWORD"] or "",
        }
        env = {**os.environ, **server}
        dump = workdir / "policyshare.dump"
        subprocess.run(
            [postgres_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(dump),
             settings["NAME"]],
            env=env, check=True,
        )  # fmt: skip
        empty = f"{settings['NAME']}_restore_{uuid.uuid4().hex[:8]}"
        admin = psycopg.connect(
            host=server["PGHOST"], port=server["PGPORT"], user=server["PGUSER"],
            password=server["PGPASSWORD"], dbname="postgres", autocommit=True,
        )  # fmt: skip
        try:
            admin.execute(f'CREATE DATABASE "{empty}"')
            subprocess.run(
                [postgres_tool("pg_restore"), "--no-owner", "--exit-on-error", "--dbname", empty,
                 str(dump)],
                env=env, check=True,
            )  # fmt: skip
            with psycopg.connect(
                host=server["PGHOST"], port=server["PGPORT"], user=server["PGUSER"],
                password=server["PGPASSWORD"], dbname=empty,
            ) as restored:  # fmt: skip
                return self.read(restored.cursor())
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{empty}"')
            admin.close()
