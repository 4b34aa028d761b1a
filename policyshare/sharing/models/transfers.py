"""Policy transfers: which policy went from which city to which, how, and how far it got.

A transfer may descend from another (Seoul → Ulaanbaatar → a third city); the chain is read
with one recursive query (`selectors.transfer_lineage`). Its stage history is dated; the
latest stage is copied onto the transfer (`stage`, `stage_year`) by `save()` of the admin form
and by `services`, so lists filter and sort on it without reading the history.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from policyshare.core.content import register_snippet
from policyshare.core.localized import LocalizedTextField, localized

from .cities import City


class TransferChannel(models.TextChoices):
    CONSULTING = "consulting", _("Consulting")
    TRAINING = "training", _("Training")
    STUDY_VISIT = "study_visit", _("Study visit")
    PROJECT = "project", _("Cooperation project")
    FIRM = "firm", _("Through a firm")


class TransferMode(models.TextChoices):
    """How much of the policy was taken over (the policy-transfer literature's degrees)."""

    COPY = "copy", _("Copy")
    ADAPTATION = "adaptation", _("Adaptation")
    HYBRID = "hybrid", _("Hybrid")
    INSPIRATION = "inspiration", _("Inspiration")


class Stage(models.TextChoices):
    INTEREST = "interest", _("Interest")
    ASSESSMENT = "assessment", _("Assessment")
    AGREEMENT = "agreement", _("Agreement")
    ADAPTATION = "adaptation", _("Adaptation")
    PILOT = "pilot", _("Pilot")
    IMPLEMENTED = "implemented", _("Implemented")
    SUSTAINED = "sustained", _("Sustained")
    NOT_PURSUED = "not_pursued", _("Not pursued")
    DISCONTINUED = "discontinued", _("Discontinued")
    FAILED = "failed", _("Failed")


# The way forward, in order; an exit ends the history and needs a reason.
PROGRESS_STAGES = [
    Stage.INTEREST,
    Stage.ASSESSMENT,
    Stage.AGREEMENT,
    Stage.ADAPTATION,
    Stage.PILOT,
    Stage.IMPLEMENTED,
    Stage.SUSTAINED,
]
EXIT_STAGES = [Stage.NOT_PURSUED, Stage.DISCONTINUED, Stage.FAILED]


def check_stage_history(stages: list[tuple[str, object, str]]) -> list[str]:
    """Problems with a stage history given as (stage, date, reason) in its order; [] if none.

    Dates never go back; the way forward is never walked backwards; an exit is the last stage
    and says why.
    """
    problems = []
    previous_date = None
    previous_rank = -1
    for position, (stage, date, reason) in enumerate(stages):
        label = Stage(stage).label
        if previous_date is not None and date is not None and date < previous_date:
            problems.append(
                _("“%(stage)s” is dated before the stage before it.") % {"stage": label}
            )
        if stage in EXIT_STAGES:
            if not (reason or "").strip():
                problems.append(_("Say why the transfer ended at “%(stage)s”.") % {"stage": label})
            if position != len(stages) - 1:
                problems.append(
                    _("“%(stage)s” ends a transfer: no stage can follow it.") % {"stage": label}
                )
        else:
            rank = PROGRESS_STAGES.index(stage)
            if rank < previous_rank:
                problems.append(_("“%(stage)s” cannot follow a later stage.") % {"stage": label})
            previous_rank = rank
        previous_date = date if date is not None else previous_date
    return problems


@register_snippet  # shown on the sharing, city and policy pages: their caches follow it
class PolicyTransfer(ClusterableModel):
    """A Seoul policy (or a policy learnt from Seoul) taken up by another city."""

    policy = models.ForeignKey(
        "policies.PolicyCase",
        on_delete=models.PROTECT,
        related_name="transfers",
        verbose_name=_("policy"),
        help_text=_("Any language version: the transfer shows on every translation of it."),
    )
    source_city = models.ForeignKey(
        City, on_delete=models.PROTECT, related_name="transfers_out", verbose_name=_("from city")
    )
    target_city = models.ForeignKey(
        City, on_delete=models.PROTECT, related_name="transfers_in", verbose_name=_("to city")
    )
    channel = models.CharField(
        max_length=20, choices=TransferChannel.choices, verbose_name=_("channel")
    )
    mode = models.CharField(
        max_length=20, choices=TransferMode.choices, verbose_name=_("how it was taken over")
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("descends from"),
        help_text=_("The transfer through which the source city itself learnt the policy."),
    )
    project = models.ForeignKey(
        "sharing.CooperationProjectPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="transfers",
        verbose_name=_("cooperation project"),
    )
    summary = LocalizedTextField(
        max_length=2000,
        multiline=True,
        required_languages=("ko", "en"),
        verbose_name=_("what was transferred, and how"),
    )
    stage = models.CharField(
        max_length=20, choices=Stage.choices, blank=True, editable=False, db_index=True
    )
    stage_year = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    illustrative = models.BooleanField(
        default=False,
        verbose_name=_("illustrative"),
        help_text=_("No published source was found: the site marks it as illustrative."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("policy"),
        FieldRowPanel([FieldPanel("source_city"), FieldPanel("target_city")]),
        FieldRowPanel([FieldPanel("channel"), FieldPanel("mode")]),
        FieldPanel("parent"),
        FieldPanel("project"),
        FieldPanel("summary"),
        InlinePanel("stages", heading=_("Stage history"), label=_("Stage"), min_num=1),
        InlinePanel("outcomes", heading=_("Outcomes in the target city"), label=_("Outcome")),
        MultiFieldPanel(
            [InlinePanel("sources", label=_("Source")), FieldPanel("illustrative")],
            heading=_("Sources"),
        ),
    ]

    class Meta:
        ordering = ["-stage_year", "pk"]
        verbose_name = _("policy transfer")
        verbose_name_plural = _("policy transfers")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(source_city=models.F("target_city")),
                name="sharing_transfer_not_to_itself",
                violation_error_message=_("A city cannot transfer a policy to itself."),
            ),
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("id")),
                name="sharing_transfer_not_own_parent",
            ),
        ]

    def __str__(self):
        return f"{self.policy.title}: {self.source_city} → {self.target_city}"

    @property
    def summary_text(self) -> str:
        return localized(self.summary)

    @property
    def is_exit(self) -> bool:
        return self.stage in EXIT_STAGES

    def clean(self):
        super().clean()
        errors = {}
        if self.source_city_id and self.source_city_id == self.target_city_id:
            errors["target_city"] = _("A city cannot transfer a policy to itself.")
        if self.parent_id:
            from ..selectors import lineage_ancestor_ids

            if self.pk and (
                self.parent_id == self.pk or self.pk in lineage_ancestor_ids(self.parent_id)
            ):
                errors["parent"] = _(
                    "This would make a cycle: the transfer would descend from itself."
                )
            elif self.source_city_id and self.parent.target_city_id != self.source_city_id:
                errors["parent"] = _(
                    "A transfer descends from one that ended in its source city (%(city)s)."
                ) % {"city": self.parent.target_city}
        if errors:
            raise ValidationError(errors)

    def refresh_stage(self) -> None:
        """Copy the latest stage of the history onto the transfer (saved by the caller)."""
        latest = self.stages.order_by("-sort_order").first() if self.pk else None
        self.stage = latest.stage if latest else ""
        self.stage_year = latest.reached_on.year if latest else None


class TransferStage(Orderable):
    transfer = ParentalKey(PolicyTransfer, on_delete=models.CASCADE, related_name="stages")
    stage = models.CharField(max_length=20, choices=Stage.choices, verbose_name=_("stage"))
    reached_on = models.DateField(verbose_name=_("date reached"))
    reason = models.TextField(
        blank=True,
        verbose_name=_("reason"),
        help_text=_("Required when the transfer ended (not pursued, discontinued, failed)."),
    )

    panels = [FieldRowPanel([FieldPanel("stage"), FieldPanel("reached_on")]), FieldPanel("reason")]

    class Meta(Orderable.Meta):
        verbose_name = _("stage")
        verbose_name_plural = _("stages")

    def __str__(self):
        return f"{self.get_stage_display()} ({self.reached_on:%Y-%m-%d})"


class TransferOutcome(Orderable):
    """An indicator in the target city, with the evidence for it."""

    transfer = ParentalKey(PolicyTransfer, on_delete=models.CASCADE, related_name="outcomes")
    indicator = LocalizedTextField(
        max_length=200, required_languages=("en",), verbose_name=_("indicator")
    )
    unit = models.CharField(max_length=50, blank=True, verbose_name=_("unit"))
    baseline = models.DecimalField(
        max_digits=18, decimal_places=4, null=True, blank=True, verbose_name=_("baseline")
    )
    baseline_year = models.PositiveSmallIntegerField(
        null=True, blank=True, verbose_name=_("baseline year")
    )
    value = models.DecimalField(max_digits=18, decimal_places=4, verbose_name=_("value"))
    year = models.PositiveSmallIntegerField(verbose_name=_("year"))
    evidence_url = models.URLField(max_length=500, blank=True, verbose_name=_("evidence"))
    evidence_note = models.CharField(max_length=300, blank=True, verbose_name=_("evidence note"))

    panels = [
        FieldPanel("indicator"),
        FieldPanel("unit"),
        FieldRowPanel([FieldPanel("baseline"), FieldPanel("baseline_year")]),
        FieldRowPanel([FieldPanel("value"), FieldPanel("year")]),
        FieldPanel("evidence_url"),
        FieldPanel("evidence_note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")

    def __str__(self):
        return localized(self.indicator)

    @property
    def indicator_text(self) -> str:
        return localized(self.indicator)

    def clean(self):
        super().clean()
        if self.baseline_year and self.year and self.year < self.baseline_year:
            raise ValidationError({"year": _("The year cannot be before the baseline year.")})


class SourceLink(Orderable):
    """A published report, news release or article a record rests on (abstract)."""

    title = models.CharField(max_length=300, verbose_name=_("title"))
    url = models.URLField(max_length=500, verbose_name=_("link"))
    publisher = models.CharField(max_length=200, blank=True, verbose_name=_("publisher"))
    published_on = models.DateField(null=True, blank=True, verbose_name=_("published"))

    panels = [
        FieldPanel("title"),
        FieldPanel("url"),
        FieldRowPanel([FieldPanel("publisher"), FieldPanel("published_on")]),
    ]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self):
        return self.title


class TransferSource(SourceLink):
    transfer = ParentalKey(PolicyTransfer, on_delete=models.CASCADE, related_name="sources")

    class Meta(SourceLink.Meta):
        verbose_name = _("source")
        verbose_name_plural = _("sources")
