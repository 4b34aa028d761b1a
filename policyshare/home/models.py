from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from policyshare.core.content.feeds import feed_links
from policyshare.core.content.metadata import publisher
from policyshare.core.fragments import cached_fragment
from policyshare.core.models import PortalPageMixin
from policyshare.policies.feeds import library
from policyshare.translations.panels import TranslationStatusPanel

from . import selectors


class HomePage(PortalPageMixin, Page):
    """The front page: featured policies, the latest of each board, partners, search."""

    headline = models.CharField(max_length=200, blank=True, verbose_name=_("headline"))
    introduction = models.TextField(blank=True, verbose_name=_("introduction"))

    content_panels = [TranslationStatusPanel(), *Page.content_panels] + [
        FieldPanel("headline"),
        FieldPanel("introduction"),
    ]
    translated_fields = ["title", "headline", "introduction"]
    parent_page_types = ["wagtailcore.Page"]
    template = "home/home_page.html"

    # API (policyshare.core.content.api): published in /api/v1/pages/{id} besides the
    # fields of every page.
    api_fields = ["headline", "introduction"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    # --- Metadata and feeds (policyshare.core.content: metadata, feeds) ---------------------
    in_latest_feed = False

    def feed_links(self, *, request) -> list[dict]:
        """The language's latest feed, and the policy feed."""
        language = self.locale.language_code
        links = feed_links(language=language, name="latest", title=self.title)
        # The library's title, kept with the fragments ("" when there is none): a home page
        # no one asked for yet reads nothing for it.
        title = cached_fragment(
            "policy-feed-title", language, compute=lambda: _library_title(language)
        )
        if title:
            links += feed_links(language=language, name="policies", title=title)
        return links

    def json_ld(self, *, request) -> dict:
        """The site itself, published by the city."""
        language = self.locale.language_code
        return {
            "@context": "https://schema.org",
            "@graph": [
                {
                    "@type": "WebSite",
                    "name": self.title,
                    "url": self.get_full_url(request),
                    "inLanguage": language,
                    "publisher": publisher(language),
                },
                publisher(language),
            ],
        }

    @property
    def localized(self):
        """The live home page in the reader's language.

        Wagtail's routing starts every request here, at the site's root page (two queries:
        the active locale, then the translation). For the root page the request's site holds
        (`CachedSiteMiddleware`), that answer is kept with the fragments, which any published
        change retires; a home page read from the database (the admin) asks the database.
        """
        if not getattr(self, "_portal_shared_copy", False):
            return super().localized
        return cached_fragment(
            "localized-home",
            self.pk,
            get_language(),
            compute=lambda: super(HomePage, self).localized,
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.home_sections(self))
        return context


def _library_title(language: str) -> str:
    found = library(language=language)
    return found.title if found is not None else ""
