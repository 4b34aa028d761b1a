"""The base of every page's edit form in the admin."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page


class PortalPageForm(WagtailAdminPageForm):
    """Refuses to save an edit form that was opened before someone else's newer save.

    Wagtail checks this for its autosave only; a plain "Save draft" or "Publish" from a
    stale form would replace the other editor's newer draft without a word. The form's
    hidden `loaded_revision_id` / `loaded_revision_created_at` (or `overwrite_revision_id`,
    this editor's own autosave) are compared with the page's latest revision exactly as
    Wagtail's edit view does (`EditView.is_out_of_date`). The editor's input is kept on the
    refused form; saving it again then replaces the newer version knowingly.
    """

    stale_message = _(
        "Someone else saved this page after you opened it, so your changes were not saved: "
        "that would have replaced their newer version. Compare it in the page's history. "
        "Saving again will replace it with what you see here."
    )

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk and self.is_out_of_date():
            raise ValidationError(self.stale_message, code="stale")
        return cleaned_data

    def is_out_of_date(self) -> bool:
        latest = (
            Page.objects.select_related("latest_revision").get(pk=self.instance.pk).latest_revision
        )
        if latest is None:
            return False
        if overwrite_revision_id := self.data.get("overwrite_revision_id"):
            return overwrite_revision_id != str(latest.pk)
        if loaded_revision_id := self.data.get("loaded_revision_id"):
            return (
                loaded_revision_id != str(latest.pk)
                or self.data.get("loaded_revision_created_at", "") != latest.created_at.isoformat()
            )
        # A form without them (not from the admin's edit page) cannot be checked.
        return False
