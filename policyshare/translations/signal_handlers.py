"""Keep translation records current as editors translate, publish and save."""

from django.db.models.signals import post_save
from wagtail.models import Page, TranslatableMixin
from wagtail.signals import copy_for_translation_done, page_published

from . import services
from .fields import translated_fields


def on_copy_for_translation(sender, source_obj, target_obj, **kwargs):
    if isinstance(source_obj, Page) or translated_fields(source_obj):
        services.record_new_translation(source=source_obj, translation=target_obj)


def on_page_published(sender, instance, **kwargs):
    services.record_saved_translation(translation=instance.specific)


def on_snippet_saved(sender, instance, created, raw=False, **kwargs):
    if raw or not isinstance(instance, TranslatableMixin) or isinstance(instance, Page):
        return
    if translated_fields(instance):
        services.record_saved_translation(translation=instance)


def connect():
    copy_for_translation_done.connect(on_copy_for_translation, dispatch_uid="translation_copy")
    page_published.connect(on_page_published, dispatch_uid="translation_published")
    post_save.connect(on_snippet_saved, dispatch_uid="translation_snippet_saved")
