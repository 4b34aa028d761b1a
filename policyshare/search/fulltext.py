"""The database's own full-text index over `SearchDocument`'s analysed text.

SQLite: an external-content FTS5 table (`unicode61`, no diacritic folding: the analyser has
already folded) kept in step by triggers. PostgreSQL: a stored generated `tsvector` column
(`simple` configuration, title weighted A, summary B, body C, attached documents D) with a
GIN index.

Note for later migrations: when Django alters `portal_search_searchdocument` on SQLite it
rebuilds the table and the triggers are lost; call `install(schema_editor)` again after such a
change and rebuild the documents.
"""

DOCUMENT_TABLE = "portal_search_searchdocument"
FTS_TABLE = "portal_search_document_fts"
VECTOR_COLUMN = "search_vector"

# The analysed columns, in the order the rank weighs them, per version of the index: version 1
# (migrations 0002 to 0005) had a title and a body; version 2 (0006) adds the summary.
COLUMNS = {
    1: ("analysed_title", "analysed_body"),
    2: ("analysed_title", "analysed_summary", "analysed_body"),
    # version 3 (portal_search 0010) adds the text of attached documents (PDF).
    3: ("analysed_title", "analysed_summary", "analysed_body", "analysed_documents"),
}
CURRENT_VERSION = 3
# PostgreSQL weight letters of those columns (ts_rank's defaults: A 1.0, B 0.4, C 0.2, D 0.1).
_POSTGRES_WEIGHTS = "ABCD"


def _sqlite_install(version: int) -> list[str]:
    columns = COLUMNS[version]
    names = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    return [
        f"""CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(
        {names},
        content='{DOCUMENT_TABLE}', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0'
    )""",
        f"""CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_ai AFTER INSERT ON {DOCUMENT_TABLE} BEGIN
        INSERT INTO {FTS_TABLE}(rowid, {names})
        VALUES (new.id, {new});
    END""",  # noqa: S608 - constant identifiers, no input
        f"""CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_ad AFTER DELETE ON {DOCUMENT_TABLE} BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {names})
        VALUES ('delete', old.id, {old});
    END""",  # noqa: S608 - constant identifiers, no input
        f"""CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_au AFTER UPDATE ON {DOCUMENT_TABLE} BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {names})
        VALUES ('delete', old.id, {old});
        INSERT INTO {FTS_TABLE}(rowid, {names})
        VALUES (new.id, {new});
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


def _postgres_install(version: int) -> list[str]:
    vector = "\n            || ".join(
        f"setweight(to_tsvector('simple'::regconfig, {column}), '{weight}')"
        for column, weight in zip(COLUMNS[version], _POSTGRES_WEIGHTS, strict=False)
    )
    return [
        f"""ALTER TABLE {DOCUMENT_TABLE} ADD COLUMN IF NOT EXISTS {VECTOR_COLUMN} tsvector
        GENERATED ALWAYS AS (
            {vector}
        ) STORED""",
        f"""CREATE INDEX IF NOT EXISTS {DOCUMENT_TABLE}_vector
        ON {DOCUMENT_TABLE} USING gin ({VECTOR_COLUMN})""",
    ]


_POSTGRES_UNINSTALL = [
    f"DROP INDEX IF EXISTS {DOCUMENT_TABLE}_vector",
    f"ALTER TABLE {DOCUMENT_TABLE} DROP COLUMN IF EXISTS {VECTOR_COLUMN}",
]


def _statements(vendor: str, *, install: bool, version: int) -> list[str]:
    if vendor == "sqlite":
        return _sqlite_install(version) if install else _SQLITE_UNINSTALL
    if vendor == "postgresql":
        return _postgres_install(version) if install else _POSTGRES_UNINSTALL
    raise NotImplementedError(f"Portal search supports SQLite and PostgreSQL, not {vendor}.")


def optimize_statements(vendor: str) -> list[str]:
    """Statements that compact the index after many rows changed at once (a rebuild, a bulk
    load): SQLite merges the FTS5 segments into one (a query reads every segment of each
    term: at 100,000 documents loaded 2,000 at a time, the lexical query took 18-20 % less
    CPU after it); PostgreSQL moves the GIN index's pending list into the index (every query
    scans that list whole until autovacuum does it) and refreshes the planner's statistics."""
    if vendor == "sqlite":
        return [f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')"]  # noqa: S608
    if vendor == "postgresql":
        return [
            f"SELECT gin_clean_pending_list('{DOCUMENT_TABLE}_vector'::regclass)",
            f"ANALYZE {DOCUMENT_TABLE}",
        ]
    raise NotImplementedError(f"Portal search supports SQLite and PostgreSQL, not {vendor}.")


def install(schema_editor, *, version: int = CURRENT_VERSION) -> None:
    """Install the index; a migration passes the version of the columns it knows."""
    for statement in _statements(schema_editor.connection.vendor, install=True, version=version):
        schema_editor.execute(statement)


def uninstall(schema_editor) -> None:
    for statement in _statements(
        schema_editor.connection.vendor, install=False, version=CURRENT_VERSION
    ):
        schema_editor.execute(statement)
