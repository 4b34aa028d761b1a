"""Wagtail's PostgreSQL backend with analysed index and queries, `simple` configuration."""

from functools import reduce

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db.models import TextField, Value
from modelsearch.backends.database.postgres import postgres as pg
from modelsearch.backends.database.postgres.query import Lexeme as PgLexeme
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import ADD, get_content_type_pk

from ..analysis import get_analyser
from .common import AnalysedQueryMixin, analysed, autocomplete_text, query_groups

PG_CONFIG = "simple"


class PostgresAnalysedIndexer(pg.ObjectIndexer):
    def as_vector(self, texts, for_autocomplete=False):
        prepare = autocomplete_text if for_autocomplete else analysed
        texts = [(prepare(text), weight) for text, weight in texts]
        texts = [(text, weight) for text, weight in texts if text]
        if not texts:
            return pg.EMPTY_VECTOR
        return ADD(
            SearchVector(Value(text, output_field=TextField()), weight=weight, config=PG_CONFIG)
            for text, weight in texts
        )


class PostgresAnalysedIndex(pg.PostgresIndex):
    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        indexers = [PostgresAnalysedIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        compiler = pg.InsertQuery(pg.IndexEntry).get_compiler(connection=self.write_connection)
        rows_sql, params = [], []
        for indexer in indexers:
            params.extend((content_type_pk, indexer.id))
            vectors = []
            for name in ("title", "autocomplete", "body"):
                value = compiler.prepare_value(
                    pg.IndexEntry._meta.get_field(name), getattr(indexer, name)
                )
                sql, value_params = value.as_sql(compiler, self.write_connection)
                vectors.append(sql)
                params.extend(value_params)
            params.extend((indexer.title_text, indexer.body_text))
            rows_sql.append(f"(%s, %s, {vectors[0]}, {vectors[1]}, {vectors[2]}, 1.0, %s, %s)")
        table = pg.IndexEntry._meta.db_table
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body,
                                     title_norm, title_text, body_text)
                (VALUES {", ".join(rows_sql)})
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title,
                              title_norm = 1.0,
                              autocomplete = EXCLUDED.autocomplete,
                              body = EXCLUDED.body,
                              title_text = EXCLUDED.title_text,
                              body_text = EXCLUDED.body_text
                """,
                params,
            )
        self._refresh_title_norms()


class PostgresAnalysedQueryCompiler(AnalysedQueryMixin, pg.PostgresSearchQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText | Phrase):
            terms = get_analyser().query_terms(query.query_string)
            lexemes = [PgLexeme(term, invert=invert) for term in terms]
            any_term = isinstance(query, PlainText) != invert
            combined = reduce((lambda a, b: a | b) if any_term else (lambda a, b: a & b), lexemes)
            return SearchQuery(combined, search_type="raw", config=PG_CONFIG)
        return super().build_tsquery_content(query, config=PG_CONFIG, invert=invert)


class PostgresAnalysedAutocompleteCompiler(
    AnalysedQueryMixin, pg.PostgresAutocompleteQueryCompiler
):
    def _has_terms(self, query) -> bool:
        return bool(query_groups(query.query_string, prefix_last=True))

    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText | Phrase):
            groups = []
            for terms, prefix in query_groups(query.query_string, prefix_last=True):
                lexemes = [PgLexeme(term, invert=invert) for term in terms]
                if prefix:
                    lexemes.append(PgLexeme(prefix, invert=invert, prefix=True))
                groups.append(reduce(lambda a, b: a | b, lexemes))
            combined = reduce(lambda a, b: a & b, groups)
            return SearchQuery(combined, search_type="raw", config=PG_CONFIG)
        return super().build_tsquery_content(query, config=PG_CONFIG, invert=invert)


class PostgresAnalysedSearchBackend(pg.PostgresSearchBackend):
    query_compiler_class = PostgresAnalysedQueryCompiler
    autocomplete_query_compiler_class = PostgresAnalysedAutocompleteCompiler
    index_class = PostgresAnalysedIndex

    def __init__(self, params):
        super().__init__({**params, "SEARCH_CONFIG": PG_CONFIG})
