"""Private-public cooperation: firms' declared interests, and overseas tender notices."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from policyshare.core.content import register_snippet
from policyshare.core.localized import LocalizedTextField, localized
from policyshare.partners.models import FIRM_KINDS

from .cities import City


@register_snippet  # shown on the sharing, city and policy pages: their caches follow it
class FirmInterest(models.Model):
    """A firm's or agency's declared interest in working with a city, on a policy or both.

    The firm is a `partners.Partner` of the private or government kind: its profile is the
    partner record, in every language it is translated into.
    """

    firm = models.ForeignKey(
        "partners.Partner",
        on_delete=models.CASCADE,
        related_name="interests",
        # Only firms and agencies declare interests (also checked by
        # `services.record_firm_interest`); the admin offers only them.
        limit_choices_to={"kind__in": list(FIRM_KINDS)},
        verbose_name=_("firm or agency"),
    )
    city = models.ForeignKey(
        City,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="firm_interests",
        verbose_name=_("city"),
    )
    policy = models.ForeignKey(
        "policies.PolicyCase",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="firm_interests",
        verbose_name=_("policy"),
    )
    note = LocalizedTextField(max_length=1000, multiline=True, blank=True, verbose_name=_("note"))
    declared_on = models.DateField(default=timezone.localdate, verbose_name=_("declared on"))
    public = models.BooleanField(
        default=True,
        verbose_name=_("public"),
        help_text=_("Shown on the firm's profile and the city's page."),
    )

    panels = [
        FieldPanel("firm"),
        FieldRowPanel([FieldPanel("city"), FieldPanel("policy")]),
        FieldPanel("note"),
        FieldRowPanel([FieldPanel("declared_on"), FieldPanel("public")]),
    ]

    class Meta:
        ordering = ["-declared_on", "pk"]
        verbose_name = _("firm's interest")
        verbose_name_plural = _("firms' interests")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(city__isnull=False) | models.Q(policy__isnull=False),
                name="sharing_interest_names_city_or_policy",
                violation_error_message=_("Name a city, a policy or both."),
            )
        ]

    def __str__(self):
        return f"{self.firm}: {self.city or ''} {self.policy or ''}".strip()

    @property
    def note_text(self) -> str:
        return localized(self.note)


class TenderStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    AWARDED = "awarded", _("Awarded")
    CANCELLED = "cancelled", _("Cancelled")


class TenderNoticeQuerySet(models.QuerySet):
    def current(self, *, now=None):
        """Open notices whose deadline has not passed: what public lists show.

        A notice expires by itself when its deadline passes; nothing needs to run for it.
        """
        return self.filter(status=TenderStatus.OPEN, deadline__gt=now or timezone.now())


@register_snippet  # shown on the sharing, city and policy pages: their caches follow it
class TenderNotice(models.Model):
    """An overseas tender notice for urban infrastructure, with a link to its source."""

    title = LocalizedTextField(max_length=300, required_languages=("en",), verbose_name=_("title"))
    summary = LocalizedTextField(
        max_length=2000, multiline=True, blank=True, verbose_name=_("summary")
    )
    city = models.ForeignKey(
        City,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tenders",
        verbose_name=_("city"),
    )
    country = CountryField(verbose_name=_("country"))
    sector = models.CharField(max_length=100, blank=True, verbose_name=_("sector"))
    buyer = models.CharField(max_length=300, blank=True, verbose_name=_("buyer"))
    source_name = models.CharField(max_length=200, verbose_name=_("source"))
    source_url = models.URLField(max_length=500, verbose_name=_("source link"))
    published_on = models.DateField(verbose_name=_("published"))
    deadline = models.DateTimeField(verbose_name=_("deadline"))
    status = models.CharField(
        max_length=20,
        choices=TenderStatus.choices,
        default=TenderStatus.OPEN,
        verbose_name=_("status"),
    )
    illustrative = models.BooleanField(
        default=False,
        verbose_name=_("illustrative"),
        help_text=_("Not a real notice: the site marks it as illustrative."),
    )

    objects = TenderNoticeQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
        FieldRowPanel([FieldPanel("sector"), FieldPanel("buyer")]),
        FieldRowPanel([FieldPanel("source_name"), FieldPanel("source_url")]),
        FieldRowPanel([FieldPanel("published_on"), FieldPanel("deadline")]),
        FieldPanel("status"),
        FieldPanel("illustrative"),
    ]

    class Meta:
        ordering = ["deadline", "pk"]
        verbose_name = _("tender notice")
        verbose_name_plural = _("tender notices")

    def __str__(self):
        return localized(self.title)

    @property
    def title_text(self) -> str:
        return localized(self.title)

    @property
    def is_current(self) -> bool:
        return self.status == TenderStatus.OPEN and self.deadline > timezone.now()
