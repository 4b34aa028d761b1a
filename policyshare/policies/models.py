"""The policy library: themes, policy cases and their outcome indicators."""

import functools
from types import SimpleNamespace

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q, prefetch_related_objects
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    DraftStateMixin,
    Locale,
    Orderable,
    Page,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail.permissions import policy_registry
from wagtail.search import index

from policyshare.core.blocks import RICH_TEXT_FEATURES, BodyBlock
from policyshare.core.content import register_snippet
from policyshare.core.content.feeds import feed_links
from policyshare.core.content.metadata import headline, publisher
from policyshare.core.content.search import (
    SUMMARY_BOOST,
    FacetLabel,
    SearchContribution,
    SearchFacets,
    SearchKind,
    SearchShortcut,
)
from policyshare.core.forms import PortalPageForm
from policyshare.core.fragments import cached_fragment
from policyshare.core.framework_internals import PreparedRead, has_unsaved_relation
from policyshare.core.languages import (
    children_with_fallback,
    fallback_order,
    snippets_with_fallback,
)
from policyshare.core.models import PortalPageMixin
from policyshare.core.pagination import paginate_kept
from policyshare.core.params import parse_int
from policyshare.core.privacy import public
from policyshare.core.selectors import with_view_counts
from policyshare.policies.indicators import (
    AchievedValuesField,
    Assessment,
    achieved_pairs,
    assess,
    check_year,
    indicator_record,
    normalise,
)
from policyshare.search.semantic import related_page_ids
from policyshare.translations.panels import TranslationStatusPanel

from .blocks import (
    LegalBasisBlock,
    LifecycleBlock,
    LifecycleStatus,
    ObstacleBlock,
    StakeholderBlock,
    current_stage,
)
from .means import BudgetLine, ExchangeRate, parse_sdg_targets, validate_sdg_targets
from .selectors import case_costs, cost_record, public_successor_id

__all__ = ["BudgetLine", "ExchangeRate"]  # defined in means.py, models of this app

POLICIES_PER_PAGE = 12
# Related policies suggested by semantic search when editors chose none.
RELATED_SUGGESTIONS = 5
RELATED_FIELDS = (
    "sort_order",
    "page",
    "policy__title",
    "policy__url_path",
    "policy__live",
    "policy__locale",
)
# What a policy card shows (includes/policy_card.html) and its link needs: the ORM builds
# the SQL of a page model's fifty columns at a cost above PostgreSQL's for the query.
POLICY_CARD_FIELDS = (
    "title",
    "url_path",
    "locale",
    "summary",
    "period_start_year",
    "period_end_year",
)


def _text(value) -> str | None:
    return None if value is None else str(value)


class ThemeQuerySet(models.QuerySet):
    def live(self):
        """The published themes: the only ones readers see anywhere."""
        return self.filter(live=True)


@register_snippet  # shown on policy pages and lists: their caches follow it
class Theme(
    SearchContribution,
    DraftStateMixin,
    RevisionMixin,
    TranslatableMixin,
    index.Indexed,
    models.Model,
):
    """A policy sector (transport, housing, …); translated per locale.

    Has Wagtail's draft state: a theme created as a translation copy stays a draft (unseen
    by readers, who get its fallback version) until an editor publishes it."""

    name = models.CharField(max_length=100, verbose_name=_("name"))
    slug = models.SlugField(
        max_length=100,
        allow_unicode=True,
        verbose_name=_("slug"),
        help_text=_("Used in filter URLs; the same in every language."),
    )
    description = models.TextField(blank=True, verbose_name=_("description"))
    is_popular = models.BooleanField(
        default=False,
        verbose_name=_("popular"),
        help_text=_("Shown as a shortcut next to the search box."),
    )
    sort_order = models.PositiveSmallIntegerField(default=100, verbose_name=_("sort order"))

    objects = ThemeQuerySet.as_manager()

    translated_fields = ["name", "description"]
    panels = [
        TranslationStatusPanel(),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("is_popular"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_theme_slug_per_locale")
        ]

    def __str__(self):
        return self.name

    def copy_for_translation(self, locale, exclude_fields=None):
        """A draft copy (unsaved, as Wagtail's): whether made by the Translate action on a
        theme or for a page's themes (`services.themes_in_locale`), it stays unseen by
        readers, who get the published fallback version, until an editor publishes it."""
        copy = super().copy_for_translation(locale, exclude_fields=exclude_fields)
        copy.live = False
        copy.has_unpublished_changes = True
        copy.first_published_at = copy.last_published_at = None
        copy.live_revision = copy.latest_revision = None
        copy.go_live_at = copy.expire_at = None
        copy.expired = False
        return copy

    # --- Search (policyshare.core.content.search) ---------------------------------------
    # A theme is no result itself: it labels the "Theme" facet of its policies, whose
    # documents are indexed again when it changes, and offers the popular themes as
    # shortcuts on the empty search page.
    search_kind = None

    def get_search_dependent_pages(self):
        return self.policies.values_list("pk", flat=True)

    @classmethod
    def search_facet_labels(cls, facet, values, *, language):
        if facet != "theme" or not values:
            return {}
        # Every search with a theme facet asks: the names of every live theme, per reader's
        # language, are kept with the fragments (retired by any change of a theme). The views
        # pass a site language; any other (a caller of `search_documents`) is answered
        # without being kept, so that no input can add cache entries.
        if language in dict(settings.LANGUAGES):
            names = cached_fragment(
                "theme-labels", language, compute=lambda: cls._facet_names(language)
            )
        else:
            names = cls._facet_names(language)
        return {slug: names[slug] for slug in values if slug in names}

    @classmethod
    def _facet_names(cls, language) -> dict:
        """Each live theme's name in the reader's language, else in the first of its
        fallbacks (English, then Korean) that has it."""
        rank = {code: position for position, code in enumerate(fallback_order(language))}
        names = {}
        themes = cls.objects.live().select_related("locale")
        for theme in sorted(themes, key=lambda t: rank.get(t.locale.language_code, len(rank))):
            names.setdefault(theme.slug, FacetLabel(theme.name, theme.locale.language_code))
        return names

    @classmethod
    def search_shortcuts(cls, *, language):
        """The popular themes of the reader's language, with the fallback versions of those
        not translated into it yet (as the library offers them)."""
        locale = Locale.objects.filter(language_code=language).first()
        if locale is None:
            return []
        popular = snippets_with_fallback(cls.objects.live(), locale).filter(is_popular=True)
        return [
            SearchShortcut(label=theme.name, facet="theme", value=theme.slug) for theme in popular
        ]


class PolicyLibraryPage(PortalPageMixin, Page):
    """Lists policy cases, filtered by theme and implementation period, paginated."""

    introduction = models.TextField(blank=True, verbose_name=_("introduction"))

    translated_fields = ["title", "introduction"]
    content_panels = [TranslationStatusPanel(), *Page.content_panels] + [FieldPanel("introduction")]
    subpage_types = ["policies.PolicyCase"]
    max_count_per_parent = 1
    template = "policies/policy_library_page.html"

    # API (policyshare.core.content.api): published in /api/v1/pages/{id} besides the
    # fields of every page.
    api_fields = ["introduction"]

    class Meta:
        verbose_name = _("policy library")
        verbose_name_plural = _("policy libraries")

    # --- Metadata and feeds (policyshare.core.content: metadata, feeds) ---------------------
    in_latest_feed = False
    json_ld_type = "CollectionPage"

    def feed_links(self, *, request) -> list[dict]:
        """The policy feed, and the feed of the theme chosen in the query string."""
        language = self.locale.language_code
        links = feed_links(language=language, name="policies", title=self.title)
        slug = request.GET.get("theme", "") if request else ""
        # Among the themes kept with the fragments (the list's filter shows the same).
        theme = next((t for t in self._kept_themes() if t.slug == slug), None) if slug else None
        if theme is not None:
            links += feed_links(language=language, name="theme", title=theme.name, slug=theme.slug)
        return links

    def themes(self):
        """The themes the library offers: its language's, and the fallback versions of the
        ones not translated into it yet (`policyshare.core.languages`)."""
        return snippets_with_fallback(Theme.objects.live(), self.locale)

    def theme(self, slug: str):
        """The theme of that slug among `themes()`, or None."""
        return self.themes().filter(slug=slug).first()

    def policies(self, *, theme_slug: str = ""):
        """What the library lists, newest first, and its feeds too: the policies below it
        and the fallback versions of the ones not translated into its language yet; with a
        theme slug, only the policies of that theme."""
        policies = children_with_fallback(PolicyCase, self)
        if theme_slug:
            policies = policies.filter(themes__slug=theme_slug).distinct()
        return policies.order_by("-first_published_at", "-pk")

    def _kept_themes(self) -> list:
        """`themes()`, kept with the fragments (retired by any editorial change)."""
        return cached_fragment("library-themes", self.pk, compute=lambda: list(self.themes()))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        selected_theme = request.GET.get("theme", "")
        year_from = _int_or_none(request.GET.get("from"))
        year_to = _int_or_none(request.GET.get("to"))
        selected_status = request.GET.get("status", "")
        if selected_status not in LifecycleStatus.values:
            selected_status = ""
        filters = (selected_theme, year_from, year_to, selected_status)

        def listed():
            # The cards show no themes: their columns only.
            policies = self.policies(theme_slug=selected_theme).only(*POLICY_CARD_FIELDS)
            # A policy matches a period if its implementation overlaps it.
            if year_from is not None:
                policies = policies.filter(
                    models.Q(period_end_year__gte=year_from)
                    | models.Q(period_end_year__isnull=True)
                )
            if year_to is not None:
                policies = policies.filter(period_start_year__lte=year_to)
            if selected_status:
                policies = policies.filter(lifecycle_status=selected_status)
            return with_view_counts(policies)

        # The pagination links keep the filters as the list read them, so the whole list
        # below the title (the filter form, the count, the cards and the pagination) is one
        # fragment (the template's `{% fragment %}`), kept per filter and page number: the
        # page's policies are read only when it is rendered again.
        page_obj, listing = paginate_kept(
            request,
            listed,
            per_page=POLICIES_PER_PAGE,
            key=(self.pk,),
            filters=dict(zip(("theme", "from", "to", "status"), filters, strict=True)),
        )
        context.update(
            # Read only when the list's fragment is rendered again.
            themes=SimpleLazyObject(self._kept_themes),
            selected_theme=selected_theme,
            year_from=year_from,
            year_to=year_to,
            statuses=LifecycleStatus.choices,
            selected_status=selected_status,
            policies=page_obj,
            **listing,
        )
        return context


def _int_or_none(value):
    return parse_int(value, low=1900, high=2200)


class PolicyCaseForm(PortalPageForm):
    """Offers only the themes of the page's own language, and accepts only attachments the
    editing user may choose in the document chooser."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.offer_page_language_only("themes")
        if self.for_user is not None and "attachments" in self.formsets:
            documents = _attachable_documents(self.for_user, page_id=self.instance.pk)
            for form in self.formsets["attachments"].forms:
                form.fields["document"].queryset = documents

    def clean(self):
        cleaned_data = super().clean()
        if "indicators" in self.formsets:
            for form in self.formsets["indicators"].forms:
                _require_indicator_details(form)
        return cleaned_data


def _require_indicator_details(form) -> None:
    """What the editor asks of an indicator besides its model's rules: a unit for its
    values, and the year of a baseline or a target. (An archive or the migration of older
    rows may lack them; the model accepts that, the editor does not, so whoever next edits
    the case completes them.)"""
    # Cleans the row (once: Django keeps its errors for the formset's own check). A row
    # with errors of its own shows those first.
    if not form.is_valid():
        return
    data = form.cleaned_data
    if not data or data.get("DELETE"):
        return
    has_values = (
        data.get("baseline_value") is not None
        or data.get("target_value") is not None
        or bool(data.get("achieved"))
    )
    if has_values and not (data.get("unit") or "").strip():
        form.add_error("unit", _("Give the unit of the values (e.g. km, deaths, homes)."))
    for value_field, year_field in (
        ("baseline_value", "baseline_year"),
        ("target_value", "target_year"),
    ):
        if data.get(value_field) is not None and data.get(year_field) is None:
            form.add_error(year_field, _("Give the year of this value."))


def _attachable_documents(user, *, page_id):
    """The chooser shows only the documents of the user's collections, but the form takes
    any id it is sent: without this, a partner city could attach (and so publish) another
    city's upload. What the stored page already attaches stays valid, so a moderator's
    choice does not block the contributor's next save."""
    Document = get_document_model()
    choosable = policy_registry.get_by_type(Document).instances_user_has_any_permission_for(
        user, ["choose"]
    )
    allowed = Q(pk__in=choosable.values("pk"))
    if page_id is not None:
        allowed |= Q(pk__in=PolicyAttachment.objects.filter(page_id=page_id).values("document"))
    return Document.objects.filter(allowed)


class PolicyCase(PortalPageMixin, Page):
    """One structured policy case: what Seoul did, when, at what cost, with what result."""

    summary = models.TextField(verbose_name=_("summary"), help_text=_("Two or three sentences."))
    themes = ParentalManyToManyField(
        Theme, blank=True, related_name="policies", verbose_name=_("themes")
    )
    period_start_year = models.PositiveSmallIntegerField(
        verbose_name=_("implementation start year")
    )
    period_end_year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        verbose_name=_("implementation end year"),
        help_text=_("Leave empty if the policy is ongoing."),
    )
    background = RichTextField(
        features=RICH_TEXT_FEATURES, blank=True, verbose_name=_("background")
    )
    actions = StreamField(BodyBlock(), blank=True, verbose_name=_("what was done"))
    budget = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("budget note"),
        help_text=_(
            "What the budget lines cannot say, e.g. “within the annual transport budget”; "
            "give amounts as budget lines."
        ),
    )
    staff_fte = models.DecimalField(
        max_digits=8,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0, _("Staff cannot be negative."))],
        verbose_name=_("staff (full-time equivalents)"),
        help_text=_("People working on the policy, in full-time equivalents, e.g. 12.5."),
    )
    # How it was done (docs/content-model.md, "How it was done")
    obstacles = StreamField(
        [("obstacle", ObstacleBlock())],
        blank=True,
        verbose_name=_("obstacles and how they were overcome"),
    )
    stakeholders = StreamField(
        [("stakeholder", StakeholderBlock())],
        blank=True,
        verbose_name=_("stakeholders and their roles"),
    )
    legal_basis = StreamField(
        [("law", LegalBasisBlock())], blank=True, verbose_name=_("legal basis")
    )
    precondition_legal = models.TextField(
        blank=True,
        verbose_name=_("legal powers needed"),
        help_text=_("What a city must be allowed to do before it can copy the policy."),
    )
    precondition_budget = models.TextField(blank=True, verbose_name=_("budget needed"))
    precondition_technology = models.TextField(blank=True, verbose_name=_("technology needed"))
    precondition_size = models.TextField(
        blank=True,
        verbose_name=_("city size and capacity"),
        help_text=_("The population, density or administration the policy assumes."),
    )
    sdg_targets = models.CharField(
        max_length=255,
        blank=True,
        validators=[validate_sdg_targets],
        verbose_name=_("SDG targets"),
        help_text=_("Target codes separated by commas, e.g. “11.2, 3.6”."),
    )
    # Lifecycle (docs/content-model.md, "Lifecycle")
    lifecycle = StreamField(LifecycleBlock(), blank=True, verbose_name=_("lifecycle"))
    lifecycle_status = models.CharField(
        max_length=20,
        choices=LifecycleStatus.choices,
        blank=True,
        editable=False,
        verbose_name=_("current status"),
        help_text=_("The status of the lifecycle's latest stage, kept for the library filter."),
    )
    successor = models.ForeignKey(
        "policies.PolicyCase",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("superseded by"),
        help_text=_("For a superseded policy: the policy that replaced it."),
    )
    lessons = RichTextField(features=RICH_TEXT_FEATURES, blank=True, verbose_name=_("lessons"))
    department = models.CharField(
        max_length=200, blank=True, verbose_name=_("responsible department")
    )
    contact_name = models.CharField(max_length=200, blank=True, verbose_name=_("contact person"))
    contact_email = models.EmailField(blank=True, verbose_name=_("contact e-mail"))
    contact_phone = models.CharField(max_length=50, blank=True, verbose_name=_("contact phone"))
    writer = models.CharField(max_length=100, blank=True, verbose_name=_("writer"))
    affiliation = models.CharField(max_length=200, blank=True, verbose_name=_("affiliation"))
    contributing_city = models.CharField(
        max_length=200,
        blank=True,
        verbose_name=_("contributing city"),
        help_text=_("For a case shared by a partner city: the city, e.g. “Bogotá, Colombia”."),
    )
    is_featured = models.BooleanField(default=False, verbose_name=_("featured on the home page"))

    translated_fields = [
        "title",
        "summary",
        "background",
        "actions",
        "budget",
        "obstacles",
        "stakeholders",
        "legal_basis",
        "precondition_legal",
        "precondition_budget",
        "precondition_technology",
        "precondition_size",
        "lifecycle",
        "lessons",
        "department",
        "affiliation",
    ]
    content_panels = [TranslationStatusPanel(), *Page.content_panels] + [
        FieldPanel("summary"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldRowPanel(
            [FieldPanel("period_start_year"), FieldPanel("period_end_year")],
            heading=_("Implementation period"),
        ),
        FieldPanel("background"),
        FieldPanel("actions"),
        InlinePanel("indicators", heading=_("Outcome indicators"), label=_("Indicator")),
        MultiFieldPanel(
            [
                InlinePanel("budget_lines", label=_("Budget line")),
                FieldPanel("budget"),
                FieldPanel("staff_fte"),
            ],
            heading=_("Cost and means"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("obstacles"),
                FieldPanel("stakeholders"),
                FieldPanel("legal_basis"),
                FieldPanel("sdg_targets"),
            ],
            heading=_("How it was done"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("precondition_legal"),
                FieldPanel("precondition_budget"),
                FieldPanel("precondition_technology"),
                FieldPanel("precondition_size"),
            ],
            heading=_("What a city needs before copying it"),
        ),
        MultiFieldPanel(
            [FieldPanel("lifecycle"), FieldPanel("successor")],
            heading=_("Lifecycle"),
        ),
        FieldPanel("lessons"),
        InlinePanel("attachments", heading=_("Attachments"), label=_("Attachment")),
        InlinePanel("related_policies", heading=_("Related policies"), label=_("Related policy")),
        MultiFieldPanel(
            [
                FieldPanel("department"),
                FieldRowPanel(
                    [
                        FieldPanel("contact_name"),
                        FieldPanel("contact_email"),
                        FieldPanel("contact_phone"),
                    ]
                ),
            ],
            heading=_("Responsible department and contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("writer"), FieldPanel("affiliation"), FieldPanel("contributing_city")],
            heading=_("Authorship"),
        ),
        FieldPanel("is_featured"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=SUMMARY_BOOST),
        index.SearchField("background"),
        index.SearchField("actions"),
        index.SearchField("lessons"),
        index.SearchField("department"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.FilterField("period_start_year"),
        index.FilterField("period_end_year"),
    ]
    base_form_class = PolicyCaseForm
    parent_page_types = ["policies.PolicyLibraryPage"]
    subpage_types = []
    template = "policies/policy_case.html"

    # API (policyshare.core.content.api): published in /api/v1/pages/{id} besides the
    # fields of every page.
    # /api/v1/policies/{id} has the same and more (attachments, related); both publish the
    # outcome indicators (`indicators.indicator_record`).
    api_fields = [
        "summary",
        "themes",  # ids; /api/v1/themes gives their slugs and names
        "period_start_year",
        "period_end_year",
        "background",
        "actions",
        "budget",
        "cost",  # budget lines, in US dollars, per resident, staff (selectors.cost_record)
        "staff_fte",
        "obstacles",
        "stakeholders",
        "legal_basis",
        "precondition_legal",
        "precondition_budget",
        "precondition_technology",
        "precondition_size",
        "sdg_targets",
        "lifecycle",
        "lifecycle_status",
        "successor",
        "lessons",
        "department",
        "contact_name",
        "contact_email",
        "contact_phone",
        "writer",
        "affiliation",
        "outcome_indicators",
    ]

    class Meta:
        verbose_name = _("policy case")
        verbose_name_plural = _("policy cases")
        indexes = [
            # The home page reads the featured policies, a few among thousands.
            models.Index(
                fields=["is_featured"], condition=Q(is_featured=True), name="policy_featured_idx"
            )
        ]

    @property
    def outcome_indicators(self) -> list[dict]:
        """The indicators as the API publishes them (`indicators.indicator_record`), values
        as exact decimal text."""
        return [
            {
                **record,
                **{
                    key: {**record[key], "value": str(record[key]["value"])}
                    for key in ("baseline", "target")
                    if record[key]
                },
                "achieved": [
                    {**entry, "value": str(entry["value"])} for entry in record["achieved"]
                ],
                "value_before": _text(record["value_before"]),
                "value_after": _text(record["value_after"]),
            }
            for record in map(indicator_record, self.indicators.all())
        ]

    # --- Metadata and feeds (policyshare.core.content: metadata, feeds) ---------------------
    open_graph_type = "article"

    def json_ld(self, *, request) -> dict:
        language = self.locale.language_code
        end = self.period_end_year or ".."
        data = {
            **self.json_ld_common(request=request),
            "@type": "Article",
            "headline": headline(self.title),
            "datePublished": self.first_published_at,
            "dateModified": self.last_published_at,
            "temporalCoverage": f"{self.period_start_year}/{end}",
            "keywords": [theme.name for theme in self.theme_list if theme.live],
            "publisher": publisher(language),
            "mainEntityOfPage": self.get_full_url(request),
        }
        if self.department:
            data["sourceOrganization"] = {
                "@type": "GovernmentOrganization",
                "name": self.department,
            }
        if self.writer:
            data["author"] = {"@type": "Person", "name": self.writer}
        return data

    @classmethod
    def prepare_feed_items(cls, items: list) -> None:
        prefetch_related_objects(items, "themes")

    def feed_item_author(self) -> str | None:
        return self.writer or None

    def feed_item_categories(self) -> list[str]:
        return [theme.name for theme in self.themes.all() if theme.live]

    # --- Search (policyshare.core.content.search) ---------------------------------------
    # Filtered by theme and by the year the policy started; "newest first" means the most
    # recently published.
    # A policy case is what the portal is for: it outweighs a news post or a report that
    # mentions it (docs/search.md, "Ranking").
    search_kind = SearchKind("policy", _("Policy"), weight=1.5)

    def get_search_facets(self):
        published = self.last_published_at or self.first_published_at
        return SearchFacets(
            themes=tuple(theme.slug for theme in self.themes.all()),
            year=self.period_start_year,
            date=timezone.localdate(published) if published else None,
        )

    def get_search_documents(self):
        # The attachments' PDFs: their text is searched with the policy (docs/search.md).
        return [attachment.document_id for attachment in self.attachments.all()]

    def clean(self):
        super().clean()
        if (
            self.period_end_year
            and self.period_start_year
            and (self.period_end_year < self.period_start_year)
        ):
            raise ValidationError(
                {"period_end_year": _("The end year cannot be before the start year.")}
            )
        self._clean_successor()
        if self.sdg_targets:
            self.sdg_targets = ", ".join(parse_sdg_targets(self.sdg_targets))

    def _clean_successor(self):
        """A successor is another policy, and following successors never comes back here
        (nor to a translation of this policy)."""
        if self.successor_id is None:
            return
        seen = {self.translation_key}
        current = self.successor
        while current is not None:
            if current.translation_key in seen:
                message = (
                    _("A policy cannot be its own successor.")
                    if current.translation_key == self.translation_key
                    else _("These successors form a loop; choose a policy that replaced this one.")
                )
                raise ValidationError({"successor": message})
            seen.add(current.translation_key)
            current = (
                PolicyCase.objects.filter(pk=current.successor_id).first()
                if current.successor_id
                else None
            )

    def save(self, *args, **kwargs):
        stage = current_stage(self.lifecycle)
        self.lifecycle_status = stage["status"] if stage else ""
        super().save(*args, **kwargs)

    @property
    def sdg_target_list(self) -> list[str]:
        return parse_sdg_targets(self.sdg_targets)

    @property
    def current_stage(self) -> dict | None:
        return current_stage(self.lifecycle)

    @property
    def has_how(self) -> bool:
        return bool(
            self.obstacles
            or self.stakeholders
            or self.legal_basis
            or self.sdg_targets
            or self.precondition_legal
            or self.precondition_budget
            or self.precondition_technology
            or self.precondition_size
        )

    @property
    def period_label(self) -> str:
        if self.period_end_year is None:
            return f"{self.period_start_year}–"
        if self.period_end_year == self.period_start_year:
            return str(self.period_start_year)
        return f"{self.period_start_year}–{self.period_end_year}"

    @cached_property
    def theme_list(self) -> list:
        """The page's own themes, read once for the page and its metadata."""
        if self._stored("themes"):
            return self._stored_rows("themes", _reads().themes)
        return list(self.themes.all())

    def _stored(self, relation: str) -> bool:
        """True when the page's `relation` is the database's: not the unsaved version a
        preview or a form holds (modelcluster keeps that on the page), which only the
        page's own manager knows."""
        return self.pk is not None and not has_unsaved_relation(self, relation)

    @classmethod
    def read_annotations(cls) -> dict:
        """Read with the page when routing finds it (`core.selectors.read_page`): whether
        the database holds any of its indicators, attachments, related policies, themes and
        budget lines, so that the page reads only those it has (`_stored_rows`)."""
        return {
            f"has_stored_{relation}": Exists(model.objects.filter(**{key: OuterRef("pk")}))
            for relation, model, key in (
                ("indicators", OutcomeIndicator, "page"),
                ("attachments", PolicyAttachment, "page"),
                ("related_policies", RelatedPolicy, "page"),
                ("themes", cls.themes.through, "policycase"),
                ("budget_lines", BudgetLine, "page"),
            )
        }

    def _stored_rows(self, relation: str, read) -> list:
        """`read(pk)`: the database's rows of `relation`; none, without a query, when the
        page was read with `read_annotations` and has none."""
        if not getattr(self, f"has_stored_{relation}", True):
            return []
        return read(self.pk)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The database's rows through reads prepared once per process (every uncached
        # policy page makes them); a preview's through the page's managers.
        reads = _reads()
        if self._stored("indicators"):
            context["indicators"] = self._stored_rows("indicators", reads.indicators)
        else:
            context["indicators"] = list(self.indicators.all())
        if self._stored("attachments"):
            context["attachments"] = self._stored_rows("attachments", reads.attachments)
        else:
            context["attachments"] = list(self.attachments.select_related("document"))
        # Titles and addresses only: the whole pages would cost more to read than the page.
        if self._stored("related_policies"):
            links = self._stored_rows("related_policies", reads.related)
        else:
            links = self.related_policies.select_related("policy").only(*RELATED_FIELDS)
        links = list(links)
        context["related"] = [link.policy for link in links if link.policy.live]
        if not links and self.pk is not None:
            context["related"] = self.suggested_related()
        context["themes_shown"] = self.themes_in_reader_language()
        return context

    def public_successor(self):
        """The policy that replaced this one, when readers can open it (live and not
        private); else None, so the page never links to a draft or a private page."""
        return self.successor if public_successor_id(self) else None

    def get_api_representation(self, request) -> dict:
        # The successor only when readers can open it: not a draft's or a private page's id.
        fields = super().get_api_representation(request)
        fields["successor"] = public_successor_id(self)
        return fields

    @property
    def cost(self) -> dict:
        """Cost and means as the API writes them (`selectors.cost_record`)."""
        return cost_record(self, self.costs())

    def costs(self):
        """The case's budget lines in US dollars and per resident (`selectors.case_costs`)."""
        if self._stored("budget_lines"):
            return case_costs(self, self._stored_rows("budget_lines", _reads().budget_lines))
        return case_costs(self, list(self.budget_lines.all()))

    def suggested_related(self) -> list:
        """The policies closest in meaning (semantic search's vectors), for a policy whose
        editors chose no related policies: one per translation group, in this page's language
        where it exists; none while there are no vectors."""
        ids = related_page_ids(
            page_id=self.pk, language=self.locale.language_code, limit=RELATED_SUGGESTIONS
        )
        if not ids:
            return []
        # What the list shows and marks: its title, address and language (without the
        # locale, each `{% content_lang %}` read it with a query of its own).
        found = public(PolicyCase.objects.live().filter(pk__in=ids)).only(
            "title", "url_path", "locale"
        )
        pages = {page.pk: page for page in found}
        return [pages[pk] for pk in ids if pk in pages]

    def themes_in_reader_language(self) -> list:
        """Each theme in the reader's language where it is translated and published: one
        query for all, none when the page and its themes are in the reader's language
        already and published. A draft theme (a translation copy nobody published yet) is
        shown as its first published version in the reader's fallback order, or not at
        all; only then is a second query made."""
        themes = self.theme_list
        in_page_locale = all(theme.locale_id == self.locale_id for theme in themes)
        all_live = all(theme.live for theme in themes)
        if in_page_locale and all_live and self.locale.language_code == get_language():
            return themes
        active = Locale.get_active()
        translated = {
            theme.translation_key: theme
            for theme in Theme.objects.live().filter(
                locale=active,
                translation_key__in=[t.translation_key for t in themes],
            )
        }
        drafts = [
            t.translation_key for t in themes if not t.live and t.translation_key not in translated
        ]
        if drafts:
            rank = {code: pos for pos, code in enumerate(fallback_order(active.language_code))}
            versions = (
                Theme.objects.live().filter(translation_key__in=drafts).select_related("locale")
            )
            for theme in sorted(
                versions, key=lambda t: rank.get(t.locale.language_code, len(rank))
            ):
                translated.setdefault(theme.translation_key, theme)
        shown = [translated.get(t.translation_key, t) for t in themes]
        return [theme for theme in shown if theme.live]


class OutcomeIndicator(Orderable):
    """A measured result: a baseline, a target and the values achieved, in one unit, with
    the direction that counts as better and the source of the figures (docs/content-model.md,
    "Outcome indicators")."""

    class Direction(models.TextChoices):
        HIGHER = "higher", _("Higher is better")
        LOWER = "lower", _("Lower is better")

    page = ParentalKey(PolicyCase, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(max_length=200, verbose_name=_("indicator"))
    unit = models.CharField(max_length=50, blank=True, verbose_name=_("unit"))
    direction = models.CharField(
        max_length=6,
        choices=Direction.choices,
        default=Direction.HIGHER,
        verbose_name=_("direction"),
    )
    baseline_value = models.DecimalField(
        max_digits=18, decimal_places=3, null=True, blank=True, verbose_name=_("baseline value")
    )
    baseline_year = models.PositiveSmallIntegerField(
        null=True, blank=True, verbose_name=_("baseline year")
    )
    target_value = models.DecimalField(
        max_digits=18, decimal_places=3, null=True, blank=True, verbose_name=_("target value")
    )
    target_year = models.PositiveSmallIntegerField(
        null=True, blank=True, verbose_name=_("target year")
    )
    achieved = AchievedValuesField(
        default=list,
        blank=True,
        verbose_name=_("achieved values"),
        help_text=_('One line per year: "year: value", e.g. "2019: 2.6".'),
    )
    source = models.CharField(max_length=255, blank=True, verbose_name=_("source"))
    source_url = models.URLField(blank=True, verbose_name=_("source address (URL)"))
    review_note = models.TextField(
        blank=True,
        verbose_name=_("note for editors"),
        help_text=_(
            "Not published. Says what an editor should check, e.g. a value the 2026 "
            "migration could not place as a target or an achieved value; empty it when done."
        ),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("outcome indicator")
        verbose_name_plural = _("outcome indicators")

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("unit"), FieldPanel("direction")]),
        FieldRowPanel(
            [
                FieldPanel("baseline_value"),
                FieldPanel("baseline_year"),
                FieldPanel("target_value"),
                FieldPanel("target_year"),
            ]
        ),
        FieldPanel("achieved"),
        FieldRowPanel([FieldPanel("source"), FieldPanel("source_url")]),
        FieldPanel("review_note"),
    ]

    def clean(self):
        """What every stored indicator satisfies, from the editor or from an archive. The
        editor asks for more (a unit, the years of the values): `PolicyCaseForm`."""
        super().clean()
        errors = {}
        achieved = self.achieved_values
        if self.baseline_value is None and self.target_value is None and not achieved:
            raise ValidationError(_("Give at least one value: baseline, target or achieved."))
        for value_field, year_field in (
            ("baseline_value", "baseline_year"),
            ("target_value", "target_year"),
        ):
            year = getattr(self, year_field)
            if year is not None:
                try:
                    check_year(year)
                except ValidationError as error:
                    errors[year_field] = error
                    continue
                if getattr(self, value_field) is None:
                    errors[value_field] = ValidationError(
                        _("Give the value of this year, or leave the year empty.")
                    )
        if self.baseline_year and self.target_year and self.target_year < self.baseline_year:
            errors.setdefault(
                "target_year",
                ValidationError(_("The target year cannot be before the baseline year.")),
            )
        if self.baseline_year and any(year < self.baseline_year for year, _v in achieved):
            errors["achieved"] = ValidationError(
                _("An achieved value cannot be from before the baseline year.")
            )
        if errors:
            raise ValidationError(errors)

    @property
    def achieved_values(self) -> list:
        """(year, value) pairs, oldest first; [] when the stored value is not readable (a
        form that failed validation holds the editor's text)."""
        try:
            return achieved_pairs(normalise(self.achieved))
        except ValidationError:
            return []

    @property
    def lower_is_better(self) -> bool:
        return self.direction == self.Direction.LOWER

    @property
    def latest_achieved(self):
        values = self.achieved_values
        return values[-1] if values else None

    @cached_property
    def assessment(self) -> Assessment:
        return assess(
            target_value=self.target_value,
            target_year=self.target_year,
            achieved=self.achieved_values,
            lower_is_better=self.lower_is_better,
        )

    @property
    def has_values(self) -> bool:
        return (
            self.baseline_value is not None
            or self.target_value is not None
            or bool(self.achieved_values)
        )


class PolicyAttachment(Orderable):
    page = ParentalKey(PolicyCase, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("document"),
    )
    title = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("link text"),
        help_text=_("Defaults to the document title."),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("policy attachment")
        verbose_name_plural = _("policy attachments")

    panels = [FieldPanel("document"), FieldPanel("title")]

    @property
    def link_text(self) -> str:
        return self.title or self.document.title


class RelatedPolicy(Orderable):
    page = ParentalKey(PolicyCase, on_delete=models.CASCADE, related_name="related_policies")
    policy = models.ForeignKey(
        "policies.PolicyCase", on_delete=models.CASCADE, related_name="+", verbose_name=_("policy")
    )

    class Meta(Orderable.Meta):
        verbose_name = _("related policy")
        verbose_name_plural = _("related policies")

    panels = [FieldPanel("policy")]


@functools.cache
def _reads() -> SimpleNamespace:
    """The reads of a policy page, prepared once per process
    (`policyshare.core.framework_internals`)."""
    return SimpleNamespace(
        indicators=PreparedRead(
            OutcomeIndicator,
            lambda pk: OutcomeIndicator.objects.filter(page_id=pk),
            [OutcomeIndicator._meta.get_field("page")],
        ),
        attachments=PreparedRead(
            PolicyAttachment,
            lambda pk: PolicyAttachment.objects.filter(page_id=pk).select_related("document"),
            [PolicyAttachment._meta.get_field("page")],
        ),
        related=PreparedRead(
            RelatedPolicy,
            lambda pk: (
                RelatedPolicy.objects.filter(page_id=pk)
                .select_related("policy")
                .only(*RELATED_FIELDS)
            ),
            [RelatedPolicy._meta.get_field("page")],
        ),
        budget_lines=PreparedRead(
            BudgetLine,
            lambda pk: BudgetLine.objects.filter(page_id=pk),
            [BudgetLine._meta.get_field("page")],
        ),
        themes=PreparedRead(
            Theme,
            lambda pk: Theme.objects.filter(policies=pk),
            [PolicyCase._meta.pk],
        ),
    )
