"""Partner organisations, shown as logos on the home page and grouped on the partners page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from policyshare.core.content import register_snippet
from policyshare.core.content.search import SearchContribution, SearchKind, SearchTexts
from policyshare.core.languages import snippets_with_fallback
from policyshare.core.models import PortalPageMixin
from policyshare.translations.panels import TranslationStatusPanel


class PartnerKind(models.TextChoices):
    INTERNATIONAL = "international", _("International organisations")
    GOVERNMENT = "government", _("Korean government and agencies")
    RESEARCH = "research", _("Research and universities")
    PRIVATE = "private", _("Private sector")


# The kinds whose partners are firms and agencies: they can declare interests in cities and
# policies (sharing.FirmInterest) and ask for a city's officials to be invited.
FIRM_KINDS = (PartnerKind.PRIVATE, PartnerKind.GOVERNMENT)


@register_snippet  # shown on the home and partners pages: their caches follow it
class Partner(SearchContribution, TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(max_length=200, verbose_name=_("name"))
    kind = models.CharField(
        max_length=20,
        choices=PartnerKind.choices,
        default=PartnerKind.INTERNATIONAL,
        verbose_name=_("kind"),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    website = models.URLField(blank=True, verbose_name=_("website"))
    description = models.TextField(blank=True, verbose_name=_("description"))
    # The profile of a firm or agency (private or government kind) for private-public
    # cooperation: what it works on, so staff and cities can match it with a need.
    sectors = models.CharField(
        max_length=300,
        blank=True,
        verbose_name=_("sectors"),
        help_text=_("For firms and agencies: what they work on, e.g. transport cards, water."),
    )
    sort_order = models.PositiveSmallIntegerField(default=100, verbose_name=_("sort order"))
    show_on_home = models.BooleanField(default=True, verbose_name=_("show logo on the home page"))
    legacy_key = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    legacy_source = models.TextField(blank=True, editable=False)

    translated_fields = ["name", "description", "sectors"]
    panels = [
        TranslationStatusPanel(),
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("logo"),
        FieldPanel("website"),
        FieldPanel("description"),
        FieldPanel("sectors"),
        FieldPanel("sort_order"),
        FieldPanel("show_on_home"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.FilterField("kind"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return self.name

    # --- Search (policyshare.core.content.search) ---------------------------------------
    # A partner is a result of its own, found at its entry on the partners page of its
    # language (no partners page there: no result).
    search_kind = SearchKind("partner", _("Partner"))

    def get_search_url(self):
        partners_page = (
            PartnersPage.objects.live().public().filter(locale_id=self.locale_id).first()
        )
        if partners_page is None:
            return ""
        return f"{partners_page.get_url()}#partner-{self.pk}"

    def get_search_title(self):
        return self.name

    def get_search_texts(self):
        return SearchTexts(
            title=[self.name],
            summary=[self.description],
            body=[self.get_kind_display(), self.sectors, self.website],
        )


class PartnersPage(PortalPageMixin, Page):
    """All partners of the page's language, grouped by kind."""

    introduction = models.TextField(blank=True, verbose_name=_("introduction"))

    translated_fields = ["title", "introduction"]
    content_panels = [TranslationStatusPanel(), *Page.content_panels] + [FieldPanel("introduction")]
    subpage_types = []
    max_count_per_parent = 1
    template = "partners/partners_page.html"

    # API (policyshare.core.content.api): published in /api/v1/pages/{id} besides the
    # fields of every page.
    api_fields = ["introduction"]

    class Meta:
        verbose_name = _("partners page")
        verbose_name_plural = _("partners pages")

    # --- Metadata and feeds (policyshare.core.content: metadata, feeds) ---------------------
    in_latest_feed = False

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        partners = snippets_with_fallback(Partner.objects.all(), self.locale).select_related("logo")
        groups = []
        for kind, label in PartnerKind.choices:
            members = [p for p in partners if p.kind == kind]
            if members:
                groups.append({"kind": kind, "label": label, "partners": members})
        context["groups"] = groups
        return context
