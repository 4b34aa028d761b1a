"""The database's own full-text index over `SearchDocument`'s analysed text.

SQLite: an external-content FTS5 table (`unicode61`, no diacritic folding: the analyser has
already folded) kept in step by triggers. PostgreSQL: a stored generated `tsvector` column
(`simple` configuration, title weighted A, body B) with a GIN index.

Note for later migrations: when Django alters `portal_search_searchdocument` on SQLite it
rebuilds the table and the triggers are lost; call `install(schema_editor)` again after such a
change and rebuild the documents.
"""

DOCUMENT_TABLE = "portal_search_searchdocument"
FTS_TABLE = "portal_search_document_fts"
VECTOR_COLUMN = "search_vector"

_SQLITE_INSTALL = [
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(
        analysed_title, analysed_body,
        content='{DOCUMENT_TABLE}', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0'
    )""",
    f"""CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_ai AFTER INSERT ON {DOCUMENT_TABLE} BEGIN
        INSERT INTO {FTS_TABLE}(rowid, analysed_title, analysed_body)
        VALUES (new.id, new.analysed_title, new.analysed_body);
    END""",  # noqa: S608 - constant identifiers, no input
    f"""CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_ad AFTER DELETE ON {DOCUMENT_TABLE} BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, analysed_title, analysed_body)
        VALUES ('delete', old.id, old.analysed_title, old.analysed_body);
    END""",  # noqa: S608 - constant identifiers, no input
    f"""CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_au AFTER UPDATE ON {DOCUMENT_TABLE} BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, analysed_title, analysed_body)
        VALUES ('delete', old.id, old.analysed_title, old.analysed_body);
        INSERT INTO {FTS_TABLE}(rowid, analysed_title, analysed_body)
        VALUES (new.id, new.analysed_title, new.analysed_body);
    END""",  # noqa: S608 - constant identifiers, no input
    # Index whatever rows already exist.
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",  # noqa: S608
]
_SQLITE_UNINSTALL = [
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_ai",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_ad",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_au",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]
_POSTGRES_INSTALL = [
    f"""ALTER TABLE {DOCUMENT_TABLE} ADD COLUMN IF NOT EXISTS {VECTOR_COLUMN} tsvector
        GENERATED ALWAYS AS (
            setweight(to_tsvector('simple'::regconfig, analysed_title), 'A')
            || setweight(to_tsvector('simple'::regconfig, analysed_body), 'B')
        ) STORED""",
    f"""CREATE INDEX IF NOT EXISTS {DOCUMENT_TABLE}_vector
        ON {DOCUMENT_TABLE} USING gin ({VECTOR_COLUMN})""",
]
_POSTGRES_UNINSTALL = [
    f"DROP INDEX IF EXISTS {DOCUMENT_TABLE}_vector",
    f"ALTER TABLE {DOCUMENT_TABLE} DROP COLUMN IF EXISTS {VECTOR_COLUMN}",
]


def _statements(vendor: str, *, install: bool) -> list[str]:
    if vendor == "sqlite":
        return _SQLITE_INSTALL if install else _SQLITE_UNINSTALL
    if vendor == "postgresql":
        return _POSTGRES_INSTALL if install else _POSTGRES_UNINSTALL
    raise NotImplementedError(f"Portal search supports SQLite and PostgreSQL, not {vendor}.")


def install(schema_editor) -> None:
    for statement in _statements(schema_editor.connection.vendor, install=True):
        schema_editor.execute(statement)


def uninstall(schema_editor) -> None:
    for statement in _statements(schema_editor.connection.vendor, install=False):
        schema_editor.execute(statement)
