"""Keep search documents in step with content.

A page's document goes with the page (a foreign key cascades). The registered snippets
(`policyshare.core.content.register_snippet`) that take part in search are connected here
without being named: a record that is a result itself (a partner) is indexed again when saved
and its document removed when deleted; every record's dependent pages
(`get_search_dependent_pages`: a theme's policies, which show its name) are indexed again.
A page published or unpublished takes its own dependent pages with it (a guide's chapters,
which show the guide's title and take its themes).

Saving or deleting a synonym list makes the cached lists stale (`synonyms.bump_version`).

Handlers only note what changed (`services.schedule_index`); the documents are written once
per transaction, when it commits.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from policyshare.core.content import snippet_models
from policyshare.core.content.search import SearchContribution
from policyshare.document_text.services import document_users_changed

from . import semantic, services, synonyms
from .models import SearchDocument, SearchSynonym

# A draft saved with save_revision() only touches these columns; the live content (what the
# document holds) has not changed.
DRAFT_ONLY_FIELDS = {
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "has_unpublished_changes",
    "locked",
    "locked_at",
    "locked_by",
}


def _page_saved(sender, instance, raw=False, created=False, update_fields=None, **kwargs):
    if raw or not isinstance(instance, Page):
        return
    if update_fields and set(update_fields) <= DRAFT_ONLY_FIELDS:
        return
    if created and not instance.live:
        return  # a new draft: nothing public yet, and no document to remove
    services.schedule_index(page_ids=[instance.pk])


def _page_published(sender, instance, **kwargs):
    # Also after post_save: a page's themes (a parental many-to-many) are saved after it.
    # Pages whose documents show this one (a guide's chapters show its title and themes)
    # are indexed again with it.
    dependent = getattr(instance, "get_search_dependent_pages", None)
    services.schedule_index(page_ids=[instance.pk, *(dependent() if dependent else ())])


def _page_tree_changed(sender, instance, **kwargs):
    services.schedule_index(page_tree_ids=[instance.pk])


def _view_restriction_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        services.schedule_index(page_tree_ids=[instance.page_id])


def _record_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    records = []
    if sender.search_kind is not None:
        records.append((sender._meta.label_lower, instance.pk))
    services.schedule_index(page_ids=instance.get_search_dependent_pages(), records=records)


def _record_deleted(sender, instance, **kwargs):
    if sender.search_kind is not None:
        services.delete_record_document(instance)


def _document_users_changed(sender, *, page_ids=(), records=(), **kwargs):
    # The text of documents these pages and records include changed: index them again.
    services.schedule_index(page_ids=page_ids, records=records)


def register_signal_handlers():
    document_users_changed.connect(
        _document_users_changed, dispatch_uid="portal_search_document_users_changed"
    )
    post_save.connect(_page_saved, dispatch_uid="portal_search_page_saved")
    page_published.connect(_page_published, dispatch_uid="portal_search_page_published")
    page_unpublished.connect(_page_published, dispatch_uid="portal_search_page_unpublished")
    # A saved document is embedded by the task worker; a deleted one (its vector goes with it)
    # outdates the matrices. On the document, not its vector, so that the vectors themselves
    # are deleted in one statement, without loading them to send signals.
    post_save.connect(
        semantic.document_saved, sender=SearchDocument, dispatch_uid="portal_search_embed"
    )
    post_delete.connect(
        semantic.document_deleted, sender=SearchDocument, dispatch_uid="portal_search_unembed"
    )
    post_page_move.connect(_page_tree_changed, dispatch_uid="portal_search_page_moved")
    page_slug_changed.connect(_page_tree_changed, dispatch_uid="portal_search_slug_changed")
    for signal in (post_save, post_delete):
        signal.connect(
            _view_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"portal_search_restriction_{signal is post_save}",
        )
    for signal in (post_save, post_delete):
        signal.connect(
            synonyms.bump_version,
            sender=SearchSynonym,
            dispatch_uid=f"portal_search_synonyms_{signal is post_save}",
        )
    for model in snippet_models():
        if not issubclass(model, SearchContribution):
            continue
        name = model._meta.label_lower
        post_save.connect(_record_saved, sender=model, dispatch_uid=f"portal_search_{name}")
        post_delete.connect(
            _record_deleted, sender=model, dispatch_uid=f"portal_search_{name}_deleted"
        )
