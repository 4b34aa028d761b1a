"""Theme pages: one page per policy theme and language, with an introduction, key
indicators, a timeline by decade and what the portal holds on the theme (docs/themes.md)."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from policyshare.core.blocks import RICH_TEXT_FEATURES
from policyshare.core.forms import PortalPageForm
from policyshare.core.models import PortalPageMixin
from policyshare.policies.models import Theme
from policyshare.translations.panels import TranslationStatusPanel

# Milestones and indicators are dated within these years: a typo ("197", "20155") is refused.
FIRST_YEAR = 1900
LAST_YEAR = 2100
_YEAR_VALIDATORS = [MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]


class ThemeIndexPage(PortalPageMixin, Page):
    """The themes section: the themes that have a page, with their description."""

    introduction = models.TextField(blank=True, verbose_name=_("introduction"))

    translated_fields = ["title", "introduction"]
    content_panels = [TranslationStatusPanel(), *Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["themes.ThemePage"]
    max_count_per_parent = 1
    template = "themes/theme_index_page.html"
    api_fields = ["introduction"]
    in_latest_feed = False
    json_ld_type = "CollectionPage"
    # A list of links reached from the menu, not a search result: the theme pages are.
    search_kind = None

    class Meta:
        verbose_name = _("themes section")
        verbose_name_plural = _("themes sections")

    def get_context(self, request, *args, **kwargs):
        # Imported here: selectors import this module.
        from .selectors import theme_listing

        context = super().get_context(request, *args, **kwargs)
        context["theme_pages"] = theme_listing(index=self)
        return context


class ThemePageForm(PortalPageForm):
    """Offers the themes of the page's own language (and keeps the one it links to)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.offer_page_language_only("theme")


class ThemePage(PortalPageMixin, Page):
    """A theme's own page (transport, water supply, …) at /<lang>/themes/<theme slug>/."""

    theme = models.ForeignKey(
        Theme,
        null=True,
        on_delete=models.SET_NULL,
        related_name="theme_pages",
        verbose_name=_("theme"),
        help_text=_("The page's address (slug) must be this theme's slug."),
    )
    introduction = RichTextField(
        features=RICH_TEXT_FEATURES, blank=True, verbose_name=_("introduction")
    )

    translated_fields = ["title", "introduction"]
    content_panels = [TranslationStatusPanel(), *Page.content_panels] + [
        FieldPanel("theme", widget=forms.Select),
        FieldPanel("introduction"),
        InlinePanel("indicators", heading=_("Key indicators"), label=_("Indicator")),
        InlinePanel("milestones", heading=_("Timeline"), label=_("Milestone")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.RelatedFields("milestones", [index.SearchField("title"), index.SearchField("text")]),
    ]
    base_form_class = ThemePageForm
    parent_page_types = ["themes.ThemeIndexPage"]
    subpage_types = []
    template = "themes/theme_page.html"
    api_fields = ["introduction"]

    class Meta:
        verbose_name = _("theme page")
        verbose_name_plural = _("theme pages")

    open_graph_type = "article"

    def clean(self):
        # Before Wagtail's own checks: its "slug already in use" would hide the clearer
        # "this theme already has a page".
        self._check_theme()
        super().clean()

    def _check_theme(self):
        if self.theme_id is None:
            raise ValidationError({"theme": _("Choose the theme this page is about.")})
        theme = self.theme
        if self.slug != theme.slug:
            raise ValidationError(
                {
                    "slug": _(
                        "The address (slug) of a theme page must be its theme's slug: “%(slug)s”."
                    )
                    % {"slug": theme.slug}
                }
            )
        twin = (
            ThemePage.objects.filter(locale_id=self.locale_id, theme__slug=theme.slug)
            .exclude(pk=self.pk)
            .first()
        )
        if twin is not None:
            raise ValidationError(
                {
                    "theme": _("This theme already has a page in this language: “%(title)s”.")
                    % {"title": twin.title}
                }
            )

    def get_context(self, request, *args, **kwargs):
        from .selectors import theme_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(theme_page_context(page=self, request=request))
        return context


class ThemeIndicator(Orderable):
    """A key figure of the theme today: value, unit, year and where it comes from."""

    page = ParentalKey(ThemePage, on_delete=models.CASCADE, related_name="indicators")
    label = models.CharField(max_length=200, verbose_name=_("indicator"))
    value = models.DecimalField(max_digits=18, decimal_places=3, verbose_name=_("value"))
    unit = models.CharField(max_length=50, blank=True, verbose_name=_("unit"))
    year = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=_YEAR_VALIDATORS, verbose_name=_("year")
    )
    source_name = models.CharField(max_length=200, blank=True, verbose_name=_("source"))
    source_url = models.URLField(
        max_length=500,
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
        verbose_name=_("source address"),
        help_text=_("A web address starting with https:// or http://."),
    )

    panels = [
        FieldPanel("label"),
        FieldRowPanel([FieldPanel("value"), FieldPanel("unit"), FieldPanel("year")]),
        FieldRowPanel([FieldPanel("source_name"), FieldPanel("source_url")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("key indicator")
        verbose_name_plural = _("key indicators")

    def clean(self):
        super().clean()
        if self.source_url and not self.source_name:
            raise ValidationError({"source_name": _("Name the source the address leads to.")})


class ThemeMilestone(Orderable):
    """A dated step in the theme's history; the page groups them by decade."""

    page = ParentalKey(ThemePage, on_delete=models.CASCADE, related_name="milestones")
    year = models.PositiveSmallIntegerField(validators=_YEAR_VALIDATORS, verbose_name=_("year"))
    title = models.CharField(max_length=200, verbose_name=_("title"))
    text = models.TextField(blank=True, verbose_name=_("text"))
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    policy = models.ForeignKey(
        "policies.PolicyCase",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("policy"),
        help_text=_("Readers get the policy in their language where it is translated."),
    )

    panels = [
        FieldRowPanel([FieldPanel("year"), FieldPanel("title")]),
        FieldPanel("text"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("policy")], heading=_("Optional")),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    @property
    def decade(self) -> int:
        return self.year - self.year % 10
