"""The public search page."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from wagtail.models import Locale, Page, Site

from policyshare.policies.models import Theme

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    # Drop control characters: they can never match and only confuse the backends.
    query = "".join(ch for ch in query if ch.isprintable())
    results = Page.objects.none()
    if query:
        results = Page.objects.live().public().specific().search(query)
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page_obj = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page_obj = paginator.page(1)
    except EmptyPage:
        page_obj = paginator.page(paginator.num_pages)
    locale = Locale.get_active()
    site = Site.find_for_request(request)
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "results": page_obj,
            "paginator": paginator,
            "popular_themes": Theme.objects.filter(locale=locale, is_popular=True),
            "home": site.root_page.localized if site else None,
        },
    )
