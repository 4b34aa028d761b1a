"""StreamField blocks of a policy case's "How it was done" and lifecycle.

They are StreamFields, not inline rows, so their text is in `PolicyCase.translated_fields`:
the translation dashboard tracks it like the rest of the case's text."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError


class ObstacleBlock(blocks.StructBlock):
    obstacle = blocks.TextBlock(label=_("Obstacle"))
    response = blocks.TextBlock(required=False, label=_("How it was overcome"))

    class Meta:
        icon = "warning"
        label = _("Obstacle")


class StakeholderBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=200, label=_("Stakeholder"))
    role = blocks.TextBlock(required=False, label=_("Role"))

    class Meta:
        icon = "group"
        label = _("Stakeholder")


class LegalBasisBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        max_length=255,
        label=_("Law or ordinance"),
        help_text=_("Its official title, e.g. “Seoul Metropolitan Government Ordinance on …”."),
    )
    url = blocks.URLBlock(required=False, label=_("Link"))
    note = blocks.CharBlock(required=False, max_length=255, label=_("What it provides"))

    class Meta:
        icon = "doc-full"
        label = _("Legal basis")


class LifecycleStatus(models.TextChoices):
    PILOTED = "piloted", _("Piloted")
    RUNNING = "running", _("Running")
    REVISED = "revised", _("Revised")
    DISCONTINUED = "discontinued", _("Discontinued")
    SUPERSEDED = "superseded", _("Superseded")


class LifecycleStageBlock(blocks.StructBlock):
    status = blocks.ChoiceBlock(choices=LifecycleStatus.choices, label=_("Status"))
    start = blocks.DateBlock(label=_("From"))
    end = blocks.DateBlock(required=False, label=_("Until"))
    reason = blocks.TextBlock(required=False, label=_("Reason"))

    class Meta:
        icon = "date"
        label = _("Lifecycle stage")

    def clean(self, value):
        value = super().clean(value)
        if value.get("end") and value.get("start") and value["end"] < value["start"]:
            raise StructBlockValidationError(
                block_errors={"end": ValidationError(_("The end cannot be before the start."))}
            )
        return value


class LifecycleBlock(blocks.StreamBlock):
    stage = LifecycleStageBlock()

    def clean(self, value):
        value = super().clean(value)
        starts = [child.value["start"] for child in value]
        if starts != sorted(starts):
            raise ValidationError(_("List the stages in the order they began, oldest first."))
        return value


def current_stage(lifecycle) -> dict | None:
    """The latest stage of a lifecycle stream value (the one begun last), or None."""
    stages = [child.value for child in lifecycle or [] if child.block_type == "stage"]
    if not stages:
        return None
    return max(stages, key=lambda stage: stage["start"] or datetime.date.min)
