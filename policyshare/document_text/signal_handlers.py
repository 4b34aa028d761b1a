"""Extract a document's text when it is uploaded or its file replaced, in the worker; index
the pages that show it again when it is deleted."""

from django.db.models.signals import post_save, pre_delete
from wagtail.documents import get_document_model

from . import services


def _document_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        # The worker skips a file it has already read (same SHA-256), so a title edit costs
        # one read of the file.
        services.request_extraction(document_ids=[instance.pk])


def _document_deleted(sender, instance, **kwargs):
    services.schedule_index_of_users(document_ids=[instance.pk])


def register_signal_handlers():
    model = get_document_model()
    post_save.connect(_document_saved, sender=model, dispatch_uid="document_text_saved")
    pre_delete.connect(_document_deleted, sender=model, dispatch_uid="document_text_deleted")
