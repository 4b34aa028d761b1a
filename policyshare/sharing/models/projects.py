"""Cooperation projects: pages under the policy-sharing section, exported as IATI activities.

A project has its own address and is written in each language, so it is a page (translated
the Wagtail way). Its structured fields follow the IATI activity standard 2.03 closely enough
that the export (`iati.py`) maps them one to one (docs/sharing.md, "IATI mapping").
"""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import prefetch_related_objects
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from policyshare.core.blocks import RICH_TEXT_FEATURES
from policyshare.core.content.search import SearchKind
from policyshare.core.models import PortalPageMixin

from .cities import City
from .transfers import SourceLink


class ProjectStatus(models.TextChoices):
    """IATI ActivityStatus, codes 1 to 6 in this order (`iati_code`)."""

    PIPELINE = "pipeline", _("Pipeline or identification")
    IMPLEMENTATION = "implementation", _("Implementation")
    FINALISATION = "finalisation", _("Finalisation")
    CLOSED = "closed", _("Closed")
    CANCELLED = "cancelled", _("Cancelled")
    SUSPENDED = "suspended", _("Suspended")


PROJECT_STATUS_CODES = {status: str(code) for code, status in enumerate(ProjectStatus, start=1)}


class OrganisationRole(models.TextChoices):
    """IATI OrganisationRole, codes 1 to 4, and the portal's two kinds of partner."""

    FUNDING = "funding", _("Funder")
    ACCOUNTABLE = "accountable", _("Accountable")
    EXTENDING = "extending", _("Extending")
    IMPLEMENTING = "implementing", _("Implementer")
    PARTNER_CITY = "partner_city", _("Partner city")
    FIRM = "firm", _("Firm")


# Partner cities and firms take part in implementing the project.
ORGANISATION_ROLE_CODES = {
    OrganisationRole.FUNDING: "1",
    OrganisationRole.ACCOUNTABLE: "2",
    OrganisationRole.EXTENDING: "3",
    OrganisationRole.IMPLEMENTING: "4",
    OrganisationRole.PARTNER_CITY: "4",
    OrganisationRole.FIRM: "4",
}


class OrganisationType(models.TextChoices):
    """IATI OrganisationType (a subset that such projects use)."""

    GOVERNMENT = "10", _("Government")
    LOCAL_GOVERNMENT = "11", _("Local government")
    OTHER_PUBLIC = "15", _("Other public sector")
    INTERNATIONAL_NGO = "21", _("International NGO")
    NATIONAL_NGO = "22", _("National NGO")
    PUBLIC_PRIVATE = "30", _("Public-private partnership")
    MULTILATERAL = "40", _("Multilateral")
    ACADEMIC = "80", _("Academic, training and research")
    PRIVATE = "70", _("Private sector")


class CooperationProjectPage(PortalPageMixin, Page):
    summary = models.TextField(verbose_name=_("summary"), help_text=_("Two or three sentences."))
    description = RichTextField(
        features=RICH_TEXT_FEATURES, blank=True, verbose_name=_("description")
    )
    status = models.CharField(
        max_length=20,
        choices=ProjectStatus.choices,
        default=ProjectStatus.IMPLEMENTATION,
        verbose_name=_("status"),
    )
    activity_id = models.CharField(
        max_length=60,
        blank=True,
        verbose_name=_("IATI activity id"),
        help_text=_(
            "The project's own part of its IATI identifier (after the reporting organisation's "
            "reference); the slug, in capitals, when empty."
        ),
    )
    planned_start = models.DateField(null=True, blank=True, verbose_name=_("planned start"))
    actual_start = models.DateField(null=True, blank=True, verbose_name=_("actual start"))
    planned_end = models.DateField(null=True, blank=True, verbose_name=_("planned end"))
    actual_end = models.DateField(null=True, blank=True, verbose_name=_("actual end"))
    budget_amount = models.DecimalField(
        max_digits=16, decimal_places=2, null=True, blank=True, verbose_name=_("budget")
    )
    budget_currency = models.CharField(
        max_length=3,
        blank=True,
        verbose_name=_("currency"),
        help_text=_("ISO 4217 code, such as KRW or USD."),
    )
    budget_source = models.CharField(
        max_length=300,
        blank=True,
        verbose_name=_("budget source"),
        help_text=_("Where the figure comes from, as the source states it."),
    )
    cities = ParentalManyToManyField(
        City, blank=True, related_name="projects", verbose_name=_("partner cities")
    )
    policies = ParentalManyToManyField(
        "policies.PolicyCase",
        blank=True,
        related_name="cooperation_projects",
        verbose_name=_("policies shared"),
    )
    illustrative = models.BooleanField(
        default=False,
        verbose_name=_("illustrative"),
        help_text=_("No published source was found: the site marks it as illustrative."),
    )

    translated_fields = ["title", "summary", "description"]
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("status"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("planned_start"), FieldPanel("planned_end")]),
                FieldRowPanel([FieldPanel("actual_start"), FieldPanel("actual_end")]),
            ],
            heading=_("Dates"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("budget_amount"), FieldPanel("budget_currency")]),
                FieldPanel("budget_source"),
            ],
            heading=_("Budget"),
        ),
        FieldPanel("cities"),
        FieldPanel("policies"),
        # The IATI export needs at least one participating organisation and one date.
        InlinePanel(
            "participants",
            heading=_("Participating organisations"),
            label=_("Organisation"),
            min_num=1,
        ),
        InlinePanel("results", heading=_("Results"), label=_("Result")),
        InlinePanel("documents", heading=_("Documents"), label=_("Document")),
        InlinePanel("relations", heading=_("Related projects"), label=_("Related project")),
        MultiFieldPanel(
            [InlinePanel("sources", label=_("Source")), FieldPanel("illustrative")],
            heading=_("Sources"),
        ),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("activity_id")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=1.5),
        index.SearchField("description"),
        index.FilterField("status"),
    ]
    parent_page_types = ["sharing.SharingIndexPage"]
    subpage_types = []
    template = "sharing/cooperation_project_page.html"
    # Its own entry in the search's "Content type" facet.
    search_kind = SearchKind("project", _("Cooperation project"))

    class Meta:
        verbose_name = _("cooperation project")
        verbose_name_plural = _("cooperation projects")

    def clean(self):
        super().clean()
        errors = {}
        if not (self.planned_start or self.actual_start):
            # IATI 2.03 requires a start date on every activity: without one the whole
            # export would be refused.
            errors["planned_start"] = _("Give the planned or the actual start date.")
        for start, end in (("planned_start", "planned_end"), ("actual_start", "actual_end")):
            if (
                getattr(self, start)
                and getattr(self, end)
                and getattr(self, end) < getattr(self, start)
            ):
                errors[end] = _("The end cannot be before the start.")
        if (self.budget_amount is None) != (not self.budget_currency):
            errors["budget_currency"] = _("Give the budget with its currency, or neither.")
        if self.budget_currency and not (
            len(self.budget_currency) == 3 and self.budget_currency.isalpha()
        ):
            errors["budget_currency"] = _("Use a three-letter ISO 4217 code, such as USD.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.budget_currency = self.budget_currency.upper()
        super().save(*args, **kwargs)

    @property
    def status_code(self) -> str:
        return PROJECT_STATUS_CODES[self.status]

    def purge_urls(self, *, old_url: str | None = None) -> set[str]:
        """Also the IATI export, which every published project is part of."""
        urls = super().purge_urls(old_url=old_url)
        page_url = self.get_full_url()
        if page_url:
            parts = urlsplit(page_url)
            urls.add(f"{parts.scheme}://{parts.netloc}{reverse('sharing_iati_activities')}")
        return urls

    # --- Public page, metadata and feeds (docs/sharing-section.md) ---------------------------
    def get_context(self, request, *args, **kwargs):
        from ..section import city_base_url
        from ..selectors import project_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(project_page_context(self, language=self.locale.language_code))
        section = self.get_parent().specific_deferred
        context["city_base"] = city_base_url(section, request)
        context["sharing_section"] = section
        return context

    def json_ld(self, *, request) -> dict:
        from .. import jsonld
        from ..section import city_base_url

        return jsonld.project(
            self,
            request=request,
            participants=list(self.participants.all()),
            cities=list(self.cities.all()),
            city_base=city_base_url(self.get_parent(), request),
        )

    def feed_links(self, *, request) -> list[dict]:
        from ..feeds import section_feed_links

        return section_feed_links(language=self.locale.language_code)

    @classmethod
    def prepare_feed_items(cls, items: list) -> None:
        prefetch_related_objects(items, "cities")

    def feed_item_description(self) -> str:
        """Status and partner cities, then the summary: what a reader of the feed needs to
        decide whether to open the project."""
        cities = ", ".join(city.name for city in self.cities.all())
        head = f"{self.get_status_display()} · {cities}" if cities else self.get_status_display()
        parts = [head, self.summary]
        if self.illustrative:
            parts.append(_("Illustrative: no published source was found."))
        return " · ".join(str(part) for part in parts if part)

    def feed_item_categories(self) -> list[str]:
        return [str(self.get_status_display())]


class ProjectParticipant(Orderable):
    page = ParentalKey(
        CooperationProjectPage, on_delete=models.CASCADE, related_name="participants"
    )
    name = models.CharField(max_length=300, verbose_name=_("organisation"))
    role = models.CharField(max_length=20, choices=OrganisationRole.choices, verbose_name=_("role"))
    organisation_type = models.CharField(
        max_length=3,
        choices=OrganisationType.choices,
        blank=True,
        verbose_name=_("organisation type"),
    )
    organisation_ref = models.CharField(
        max_length=100,
        blank=True,
        verbose_name=_("IATI organisation identifier"),
        help_text=_("Such as KR-GOV-010 or XM-DAC-44000, where the organisation has one."),
    )
    city = models.ForeignKey(
        City,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("city"),
        help_text=_("For a partner city's government."),
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("role"), FieldPanel("organisation_type")]),
        FieldPanel("organisation_ref"),
        FieldPanel("city"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("participating organisation")
        verbose_name_plural = _("participating organisations")

    def __str__(self):
        return self.name

    @property
    def role_code(self) -> str:
        return ORGANISATION_ROLE_CODES[self.role]


class ResultType(models.TextChoices):
    """IATI ResultType: what the project made (output) or what changed because of it."""

    OUTPUT = "1", _("Output")
    OUTCOME = "2", _("Outcome")
    IMPACT = "3", _("Impact")


class ProjectResult(Orderable):
    page = ParentalKey(CooperationProjectPage, on_delete=models.CASCADE, related_name="results")
    title = models.CharField(max_length=300, verbose_name=_("result"))
    result_type = models.CharField(
        max_length=1,
        choices=ResultType.choices,
        default=ResultType.OUTPUT,
        verbose_name=_("kind of result"),
    )
    indicator = models.CharField(max_length=300, verbose_name=_("indicator"))
    unit = models.CharField(max_length=50, blank=True, verbose_name=_("unit"))
    baseline = models.DecimalField(
        max_digits=18, decimal_places=4, null=True, blank=True, verbose_name=_("baseline")
    )
    baseline_year = models.PositiveSmallIntegerField(
        null=True, blank=True, verbose_name=_("baseline year")
    )
    target = models.DecimalField(
        max_digits=18, decimal_places=4, null=True, blank=True, verbose_name=_("target")
    )
    target_year = models.PositiveSmallIntegerField(
        null=True, blank=True, verbose_name=_("target year")
    )
    actual = models.DecimalField(
        max_digits=18, decimal_places=4, null=True, blank=True, verbose_name=_("actual")
    )
    actual_year = models.PositiveSmallIntegerField(
        null=True, blank=True, verbose_name=_("actual year")
    )
    source_url = models.URLField(max_length=500, blank=True, verbose_name=_("source link"))

    panels = [
        FieldPanel("title"),
        FieldPanel("result_type"),
        FieldPanel("indicator"),
        FieldPanel("unit"),
        FieldRowPanel([FieldPanel("baseline"), FieldPanel("baseline_year")]),
        FieldRowPanel([FieldPanel("target"), FieldPanel("target_year")]),
        FieldRowPanel([FieldPanel("actual"), FieldPanel("actual_year")]),
        FieldPanel("source_url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("result")
        verbose_name_plural = _("results")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        for value, year in (
            ("baseline", "baseline_year"),
            ("target", "target_year"),
            ("actual", "actual_year"),
        ):
            if getattr(self, value) is not None and not getattr(self, year):
                errors[year] = _("Give the year of this value.")
        if errors:
            raise ValidationError(errors)


class DocumentCategory(models.TextChoices):
    """The IATI DocumentCategory codes (series A, activity documents) such projects publish."""

    APPRAISAL = "A01", _("Appraisal (before or after the project)")
    OBJECTIVES = "A02", _("Objectives or purpose")
    BUDGET = "A05", _("Budget")
    REVIEW = "A07", _("Review or evaluation")
    RESULTS = "A08", _("Results, outcomes and outputs")
    MEMORANDUM = "A09", _("Memorandum of understanding")
    TENDER = "A10", _("Tender")
    CONTRACT = "A11", _("Contract")
    WEB_PAGE = "A12", _("Activity web page")


class ProjectDocument(Orderable):
    page = ParentalKey(CooperationProjectPage, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(max_length=300, verbose_name=_("title"))
    category = models.CharField(
        max_length=3,
        choices=DocumentCategory.choices,
        default=DocumentCategory.APPRAISAL,
        verbose_name=_("kind of document"),
        help_text=_("How the IATI export classifies it."),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("document"),
    )
    url = models.URLField(
        max_length=500,
        blank=True,
        verbose_name=_("link"),
        help_text=_("A document published elsewhere, instead of an upload."),
    )
    language = models.CharField(
        max_length=10, blank=True, verbose_name=_("language"), help_text=_("Such as ko or en.")
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("category"),
        FieldPanel("document"),
        FieldPanel("url"),
        FieldPanel("language"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if bool(self.document_id) == bool(self.url):
            raise ValidationError(_("Give either an uploaded document or a link, not both."))


class RelationKind(models.TextChoices):
    """IATI RelatedActivityType, codes 1 to 5."""

    PARENT = "1", _("Parent")
    CHILD = "2", _("Child")
    SIBLING = "3", _("Sibling")
    CO_FUNDED = "4", _("Co-funded")
    THIRD_PARTY = "5", _("Third party")


class ProjectRelation(Orderable):
    page = ParentalKey(CooperationProjectPage, on_delete=models.CASCADE, related_name="relations")
    related = models.ForeignKey(
        CooperationProjectPage,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("project"),
    )
    kind = models.CharField(
        max_length=1,
        choices=RelationKind.choices,
        default=RelationKind.SIBLING,
        verbose_name=_("relation"),
    )

    panels = [FieldPanel("related"), FieldPanel("kind")]

    class Meta(Orderable.Meta):
        verbose_name = _("related project")
        verbose_name_plural = _("related projects")

    def clean(self):
        super().clean()
        if self.page_id and self.related_id == self.page_id:
            raise ValidationError({"related": _("A project cannot be related to itself.")})


class ProjectSource(SourceLink):
    page = ParentalKey(CooperationProjectPage, on_delete=models.CASCADE, related_name="sources")

    class Meta(SourceLink.Meta):
        verbose_name = _("source")
        verbose_name_plural = _("sources")
