"""Wagtail's SQLite FTS5 backend with analysed index and queries."""

from functools import reduce

from modelsearch.backends.database.sqlite import sqlite as lite
from modelsearch.backends.database.sqlite.query import Lexeme as LiteLexeme
from modelsearch.backends.database.sqlite.query import SearchQueryExpression
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk

from ..analysis import get_analyser
from .common import AnalysedQueryMixin, analysed, autocomplete_text, query_groups


class SQLiteAnalysedIndexer(lite.ObjectIndexer):
    @property
    def analysed_title(self):
        return analysed(self.title)

    @property
    def analysed_body(self):
        return analysed(self.body)

    @property
    def analysed_autocomplete(self):
        return autocomplete_text(self.autocomplete)


class SQLiteAnalysedIndex(lite.SQLiteIndex):
    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        indexers = [SQLiteAnalysedIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        data = {
            indexer.id: (
                indexer.analysed_title,
                indexer.analysed_autocomplete,
                indexer.analysed_body,
            )
            for indexer in indexers
        }
        entries = self.entries.filter(content_type_id=content_type_pk)
        indexed = set(entries.filter(object_id__in=data).values_list("object_id", flat=True))
        for object_id in indexed:
            title, autocomplete, body = data[object_id]
            entries.filter(object_id=object_id).update(
                title=title, autocomplete=autocomplete, body=body
            )
        self.entries.bulk_create(
            lite.IndexEntry(
                content_type_id=content_type_pk,
                object_id=object_id,
                title=title,
                autocomplete=autocomplete,
                body=body,
            )
            for object_id, (title, autocomplete, body) in data.items()
            if object_id not in indexed
        )
        self._refresh_title_norms()


class SQLiteAnalysedQueryCompiler(AnalysedQueryMixin, lite.SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText | Phrase):
            terms = get_analyser().query_terms(query.query_string)
            lexemes = [LiteLexeme(term) for term in terms]
            # A phrase asks for all its terms; plain text for any, best matches first.
            if isinstance(query, Phrase):
                combined = reduce(lambda a, b: a & b, lexemes)
            else:
                combined = reduce(lambda a, b: a | b, lexemes)
            return SearchQueryExpression(combined, config=config)
        return super().build_search_query_content(query, config=config)


class SQLiteAnalysedAutocompleteCompiler(AnalysedQueryMixin, lite.SQLiteAutocompleteQueryCompiler):
    def _has_terms(self, query) -> bool:
        return bool(query_groups(query.query_string, prefix_last=True))

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText | Phrase):
            groups = []
            for terms, prefix in query_groups(query.query_string, prefix_last=True):
                lexemes = [LiteLexeme(term) for term in terms]
                if prefix:
                    lexemes.append(LiteLexeme(prefix, prefix=True))
                groups.append(reduce(lambda a, b: a | b, lexemes))
            return SearchQueryExpression(reduce(lambda a, b: a & b, groups), config=config)
        return super().build_search_query_content(query, config=config)


class SQLiteAnalysedSearchBackend(lite.SQLiteSearchBackend):
    query_compiler_class = SQLiteAnalysedQueryCompiler
    autocomplete_query_compiler_class = SQLiteAnalysedAutocompleteCompiler
    index_class = SQLiteAnalysedIndex
