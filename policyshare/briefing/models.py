"""What the media storage holds of briefing packs: one record per stored file, so that
`manage.py prune_briefing_packs` can tell the files in use from the old and obsolete ones."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StoredPack(models.Model):
    """A rendered pack file (`services.stored_name`) and the content it was made from.

    Not editorial content and not shown anywhere: a plain model, written by the task worker
    when it stores a file and touched when a reader downloads it."""

    name = models.CharField(max_length=100, unique=True)
    language = models.CharField(max_length=20)
    layout = models.PositiveSmallIntegerField()
    # [[page id, revision id], ...] in the pack's order: the content version's parts.
    revisions = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("stored briefing pack")
        verbose_name_plural = _("stored briefing packs")

    def __str__(self) -> str:
        return self.name
