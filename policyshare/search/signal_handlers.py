"""Keep search documents in step with content. Deletions cascade through the foreign keys."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from policyshare.partners.models import Partner
from policyshare.policies.models import Theme

from . import services


def _page_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or not isinstance(instance, Page):
        return
    # A draft saved with save_revision() only touches these columns; the live content (what
    # the document holds) has not changed.
    if update_fields and set(update_fields) <= {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
    }:
        return
    services.index_page(page_id=instance.pk)


def _page_published(sender, instance, **kwargs):
    # Also after post_save: a page's themes (a parental many-to-many) are saved after it.
    services.index_page(page_id=instance.pk)


def _page_tree_changed(sender, instance, **kwargs):
    services.index_page_tree(page_id=instance.pk)


def _view_restriction_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        services.index_page_tree(page_id=instance.page_id)


def _partner_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        services.index_partner(partner_id=instance.pk)


def _theme_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        for page_id in instance.policies.values_list("pk", flat=True):
            services.index_page(page_id=page_id)


def register_signal_handlers():
    post_save.connect(_page_saved, dispatch_uid="portal_search_page_saved")
    page_published.connect(_page_published, dispatch_uid="portal_search_page_published")
    page_unpublished.connect(_page_published, dispatch_uid="portal_search_page_unpublished")
    post_page_move.connect(_page_tree_changed, dispatch_uid="portal_search_page_moved")
    page_slug_changed.connect(_page_tree_changed, dispatch_uid="portal_search_slug_changed")
    for signal in (post_save, post_delete):
        signal.connect(
            _view_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"portal_search_restriction_{signal is post_save}",
        )
    post_save.connect(_partner_saved, sender=Partner, dispatch_uid="portal_search_partner")
    post_save.connect(_theme_saved, sender=Theme, dispatch_uid="portal_search_theme")
