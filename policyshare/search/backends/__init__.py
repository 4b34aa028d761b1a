"""Wagtail's database search backends, taught Korean: what the admin and `.search()` use.

Configure with ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "policyshare.search.backends"}}``.
Like ``wagtail.search.backends.database`` this picks the SQLite FTS5 or the PostgreSQL backend
for the default database; both are subclassed so that

* every indexed text (title, body, autocomplete) goes through the analyser, and is stored as
  its terms joined by spaces (FTS5 `unicode61` and PostgreSQL `simple` split them exactly so);
* every query is analysed the same way and becomes an OR of its terms, ranked by the
  database (BM25 on SQLite, ts_rank on PostgreSQL). User syntax never reaches the full-text
  engine: quotes, `*`, `NEAR(`, `AND`, `-` and `^` are just characters the analyser drops.

`add_items` of both upstream indexes construct their module's own ObjectIndexer, so the two
methods are restated here with the analysing indexer (same SQL as upstream).
The vendor modules are imported only for their vendor: each needs its own index models.
"""

from django.db import connection


def SearchBackend(params):
    """The analysed backend for the default database's vendor."""
    if connection.vendor == "postgresql":
        from .postgres import PostgresAnalysedSearchBackend

        return PostgresAnalysedSearchBackend(params)
    if connection.vendor == "sqlite":
        from .sqlite import SQLiteAnalysedSearchBackend

        return SQLiteAnalysedSearchBackend(params)
    raise NotImplementedError(
        f"The portal search backend supports SQLite and PostgreSQL, not {connection.vendor}."
    )
