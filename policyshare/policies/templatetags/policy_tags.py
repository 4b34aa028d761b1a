"""Template tags for policies and themes."""

from urllib.parse import quote

from django import template
from django.apps import apps

from policyshare.core.fragments import cached_fragment
from policyshare.core.languages import children_with_fallback
from policyshare.core.templatetags.portal_tags import portal_home
from policyshare.policies.charts import cached_indicator_chart, chart_key, figure
from policyshare.policies.models import PolicyLibraryPage

from ..sections import render_sections

register = template.Library()


@register.simple_tag(takes_context=True)
def policy_page_sections(context, page) -> str:
    """What other apps add to the policy's page (`policies.sections`)."""
    return render_sections(page=page, request=context.get("request"))


@register.filter
def indicator_figure(value) -> str:
    """An indicator's value as the page shows it: "1,234.5", not "1234.500"."""
    return figure(value) if value is not None else ""


@register.simple_tag
def outcome_chart(indicator, page_id, position, words_as_html=False) -> str:
    """The SVG chart of one outcome indicator (`policies.charts`), its ids made unique by
    its page and position (includes/outcome_indicators.html); drawn once per content and
    language (`charts.cached_indicator_chart`). With `words_as_html` its key and unit are
    left to `outcome_chart_key` (the PDF briefing packs)."""
    return cached_indicator_chart(
        indicator, chart_id=f"outcome-{page_id}-{position}", words_in_svg=not words_as_html
    )


@register.simple_tag
def outcome_chart_key(indicator, page, language) -> str:
    """The chart's key and unit as HTML, in the interface's `language`; the unit in the
    case's."""
    return chart_key(indicator, language=language, content_language=page.locale.language_code)


@register.simple_tag(takes_context=True)
def theme_url(context, theme) -> str:
    """Where a theme tag links: the one place that decides it.

    The theme's page in the reader's language (or its fallback version, under the reader's
    language, where the router shows it with a notice); for a theme without a page, the
    reader's policy library filtered by the theme. Both addresses are read once per request
    from the fragments, never per tag.
    """
    page_url = _theme_page_urls(context).get(theme.slug)
    if page_url:
        return page_url
    library = _library_url(context)
    if not library:
        return ""
    return f"{library}?theme={quote(theme.slug)}"


def _theme_page_urls(context) -> dict[str, str]:
    """{theme slug: address of its page} for the reader's language, read once per request."""
    request = context.get("request")
    if request is not None and hasattr(request, "_portal_theme_page_urls"):
        return request._portal_theme_page_urls
    home = portal_home(context)
    urls = {}
    if home is not None and apps.is_installed("policyshare.themes"):
        urls = cached_fragment(
            "theme_page_urls", home.pk, compute=lambda: _read_theme_page_urls(home, request)
        )
    if request is not None:
        request._portal_theme_page_urls = urls
    return urls


def _read_theme_page_urls(home, request) -> dict[str, str]:
    """The theme pages a reader of `home`'s language may open, under that language's themes
    section: its own and the fallback versions of the others (the router shows those with a
    notice). The page's slug is its theme's slug (`themes.ThemePage.clean`).

    The models by name: the themes app shows policies, so this app must not import it
    (docs/development.md, "Layers").
    """
    index_model = apps.get_model("themes", "ThemeIndexPage")
    page_model = apps.get_model("themes", "ThemePage")
    index = index_model.objects.child_of(home).live().first()
    base = index.get_url(request) if index is not None else ""
    if not base:
        return {}
    slugs = children_with_fallback(page_model, index).values_list("slug", flat=True)
    return {slug: f"{base}{slug}/" for slug in slugs}


def _library_url(context) -> str:
    """The reader's policy library's address: read once per request, from the fragments."""
    request = context.get("request")
    if request is not None and hasattr(request, "_portal_library_url"):
        return request._portal_library_url
    home = portal_home(context)
    url = ""
    if home is not None:

        def compute():
            library = PolicyLibraryPage.objects.child_of(home).live().first()
            return library.get_url(request) if library is not None else ""

        url = cached_fragment("library_url", home.pk, compute=compute)
    if request is not None:
        request._portal_library_url = url
    return url


@register.filter
def sdg_goal(code: str) -> str:
    """The goal of an SDG target code: "11" for "11.2"."""
    return str(code).partition(".")[0]


@register.simple_tag
def lifecycle_label(status: str) -> str:
    """The reader's-language label of a lifecycle status value."""
    from policyshare.policies.blocks import LifecycleStatus

    try:
        return LifecycleStatus(status).label
    except ValueError:
        return status
