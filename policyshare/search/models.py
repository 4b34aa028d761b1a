"""What the public search reads, and what it remembers about searches.

`SearchDocument` is one public item (a live, unrestricted page, or a record of a registered
snippet such as a partner) as the search page shows it: its facets, its plain text for
snippets, and its analysed text. What goes in it is declared by the content type itself
(`policyshare.core.content.search`); this app never names a content type. The full-text
index over the analysed text is made by the database itself (migration 0002): an FTS5 table
kept in step by triggers on SQLite, a stored `tsvector` column with the `simple` configuration
and a GIN index on PostgreSQL. Wagtail's own index (used by the admin) is separate and is
analysed the same way by `policyshare.search.backends`.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from policyshare.core.content.search import search_kinds


class SearchDocument(models.Model):
    key = models.CharField(
        max_length=64,
        unique=True,
        help_text="page:<id>, or <app label>.<model>:<id> for a snippet's record.",
    )
    # A kind declared by a content type (`SearchContribution.search_kind`): "policy", "post",
    # "page", "partner", … Not a fixed choice: a new content type brings its own.
    kind = models.CharField(max_length=30, db_index=True)
    # Set for a page, so that its document goes with it; a snippet's record has none, and its
    # document is removed by the search's post_delete handler (found by `key`).
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    language = models.CharField(max_length=10, db_index=True)
    board = models.CharField(max_length=10, blank=True, help_text="The board of a post.")
    # Theme slugs, space-separated and space-padded (" transport housing "); slugs are the same
    # in every language, so a facet counts a policy once whichever language it is in.
    themes = models.CharField(max_length=500, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True, db_index=True)
    date = models.DateField(null=True, blank=True, db_index=True)
    title = models.CharField(max_length=255)
    url = models.CharField(max_length=500)
    text = models.TextField(blank=True, help_text="Plain text for snippets (summary first).")
    # The versions of one item in several languages share this: "page:<translation key>" (or
    # "<app label>.<model>:<translation key>"); the search shows one result per group. Empty
    # for an item that has no translations: it is a group of its own.
    translation_group = models.CharField(max_length=100, blank=True, default="")
    analysed_title = models.TextField(blank=True)
    analysed_summary = models.TextField(blank=True, default="")
    analysed_body = models.TextField(blank=True)
    # The extracted text of the documents the item attaches (`get_search_documents`).
    analysed_documents = models.TextField(blank=True, default="")
    analyser = models.CharField(max_length=20, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")

    def __str__(self):
        return self.key

    @property
    def theme_slugs(self) -> list[str]:
        return self.themes.split()

    def get_kind_display(self) -> str:
        return str(search_kinds().get(self.kind, self.kind))


class SearchQueryDay(models.Model):
    """How often a query was searched on a day, by how many visitors, and how often it found
    nothing.

    Only the normalised query, its language and the day: no address, session or user. Telling
    visitors apart takes a daily pseudonym that is kept only in the limits cache, for a day
    (`services.record_search`).
    """

    day = models.DateField(db_index=True)
    language = models.CharField(max_length=10)
    query = models.CharField(max_length=100)
    searches = models.PositiveIntegerField(default=0)
    misses = models.PositiveIntegerField(default=0, help_text="Searches that found nothing.")
    visitors = models.PositiveIntegerField(
        default=0, help_text="Different visitors who searched it that day (bots not counted)."
    )

    class Meta:
        verbose_name = _("search query")
        verbose_name_plural = _("search queries")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "language", "query"], name="one_search_query_row_a_day"
            )
        ]

    def __str__(self):
        return f"{self.day} {self.language} {self.query}"


class SearchTerm(models.Model):
    """A query as editors moderate it: a hidden term is never shown as a popular search,
    however often it is searched."""

    language = models.CharField(_("language"), max_length=10)
    query = models.CharField(_("query"), max_length=100)
    hidden = models.BooleanField(
        _("hidden"), default=False, help_text=_("Never shown among the popular searches.")
    )
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")
        constraints = [
            models.UniqueConstraint(fields=["language", "query"], name="one_search_term_a_language")
        ]

    def __str__(self):
        return f"{self.language} {self.query}"


class DocumentVector(models.Model):
    """The meaning of a search document as the sentence encoder sees it (`semantic`).

    `vector` holds 512 float32 in little-endian order (2 KB), as a BLOB on SQLite and `bytea`
    on PostgreSQL: one column type on both databases, and the whole matrix is read into numpy
    at once. The vector is made by the task worker, never in a request; `source_hash` says
    which text and encoder it was made from, so that re-indexing a document whose text did not
    change costs no embedding.
    """

    document = models.OneToOneField(
        SearchDocument, on_delete=models.CASCADE, primary_key=True, related_name="vector"
    )
    vector = models.BinaryField()
    encoder = models.CharField(max_length=40, help_text="The encoder and its version.")
    source_hash = models.CharField(max_length=32)
    updated_at = models.DateTimeField()

    class Meta:
        verbose_name = _("search document vector")
        verbose_name_plural = _("search document vectors")

    def __str__(self):
        return f"vector of {self.document_id}"


class SearchSynonym(models.Model):
    """Words that mean the same to a reader of one language: a query with any of them also
    looks for the others (`synonyms.expand`). Editors manage them under *Search synonyms*."""

    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    terms = models.TextField(
        _("words"),
        help_text=_(
            "Two or more words or phrases that mean the same, separated by commas, for "
            "example: bike, bicycle, cycling. A search for any of them also finds the others."
        ),
    )
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")
        ordering = ["language", "terms"]

    def __str__(self):
        return f"{self.language}: {self.terms[:80]}"

    @property
    def words(self) -> list[str]:
        return split_synonyms(self.terms)

    def clean(self):
        if len(self.words) < 2:
            raise ValidationError(
                {"terms": _("Give at least two words or phrases, separated by commas.")}
            )


_SYNONYM_SEPARATORS = re.compile(r"[,\n;،，、]+")


def split_synonyms(text: str) -> list[str]:
    """The words or phrases of a synonym list, in order, without blanks or repeats."""
    words = (" ".join(part.split()) for part in _SYNONYM_SEPARATORS.split(text))
    return list(dict.fromkeys(word for word in words if word))
