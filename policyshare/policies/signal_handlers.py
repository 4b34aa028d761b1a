"""A page copied for translation (a policy, an event, a theme page, a post …) links to the
themes and policies of its own language."""

from wagtail.models import Page
from wagtail.signals import copy_for_translation_done

from . import services


def on_copy_for_translation(sender, source_obj, target_obj, **kwargs):
    # An alias follows its source and is never edited; only real copies are re-linked.
    if not isinstance(target_obj, Page) or target_obj.alias_of_id:
        return
    # A subtree's pages may arrive as plain Pages; `specific_class` costs no query.
    model = target_obj.specific_class
    if model is not None and services.linked_fields(model):
        services.localize_links(page=target_obj.specific)


def connect():
    copy_for_translation_done.connect(on_copy_for_translation, dispatch_uid="policy_themes_copy")
