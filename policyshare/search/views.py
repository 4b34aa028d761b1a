"""The public search page and the JSON search API."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from policyshare.core.content.search import search_kinds
from policyshare.core.languages import reader_language
from policyshare.core.params import parse_int
from policyshare.core.services import is_bot, visitor_key
from policyshare.core.views import client_address

from . import selectors, services, suggestions
from .analysis import MAX_QUERY_CHARS

API_RESULTS_PER_PAGE = 20
# The API's reader language when the request names none (`hl`).
API_DEFAULT_READER_LANGUAGE = "en"
# The query-string name of each facet (the API and the page use the same ones).
FACET_PARAMS = {
    "kind": "type",
    "theme": "theme",
    "board": "board",
    "language": "lang",
    "year": "year",
}
FACET_TITLES = {
    "kind": _("Content type"),
    "theme": _("Theme"),
    "board": _("Board"),
    "language": _("Language"),
    "year": _("Year"),
}
SORT_LABELS = {"relevance": _("Relevance"), "date": _("Newest first")}
# With fewer results than this, the page offers a corrected query ("Did you mean …?").
FEW_RESULTS = 3


def clean_query(raw: str) -> str:
    """The query as we search it: printable characters, single spaces, at most 200 chars."""
    raw = raw[: MAX_QUERY_CHARS * 4]
    text = "".join(ch if ch.isprintable() else " " for ch in raw)
    return " ".join(text.split())[:MAX_QUERY_CHARS]


def _filters(params) -> selectors.SearchFilters:
    languages = {code for code, _name in settings.LANGUAGES}
    kinds = search_kinds()
    kind = params.get("type", "")
    language = params.get("lang", "")
    return selectors.SearchFilters(
        kind=kind if kind in kinds else "",
        theme=params.get("theme", "")[:100],
        board=params.get("board", "")[:10],
        language=language if language in languages else "",
        year=parse_int(params.get("year"), low=1900, high=2200),
    )


@require_GET
def search(request):
    query = clean_query(request.GET.get("q", ""))
    filters = _filters(request.GET)
    language = reader_language()
    outcome = selectors.search_documents(
        query=query,
        filters=filters,
        sort=request.GET.get("sort", "relevance"),
        page=parse_int(request.GET.get("page"), default=1, low=1, high=selectors.MAX_PAGE),
        language=language,
    )
    # Count a search once, on its first page and unfiltered: the editors' report is about
    # what readers look for and do not find.
    if query and outcome.page == 1 and not filters.active() and "page" not in request.GET:
        services.record_search(
            query=query, language=language, found=outcome.total > 0, visitor=_visitor(request)
        )
    page_obj = Paginator(range(outcome.total), outcome.per_page).get_page(outcome.page)
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "query": query,
        "outcome": outcome,
        "filters": filters,
        "page_obj": page_obj,
        "extra_query": params.urlencode(),
        "facets": _facet_links(request.GET, outcome.facets, exact=outcome.facets_exact),
        "sorts": _sort_links(request.GET, outcome.sort),
    }
    if not query:
        context["shortcuts"] = _shortcut_links(selectors.search_shortcuts(language=language))
        context["popular_searches"] = selectors.popular_searches(language=language)
    elif outcome.page == 1 and outcome.total < FEW_RESULTS:
        context.update(_help_for_few_results(query, outcome, language=language))
    return render(request, "search/search.html", context)


def _help_for_few_results(query: str, outcome, *, language: str) -> dict:
    """A corrected query that finds more; when nothing was found, popular themes too and a
    link that carries the query into a consultation request to Seoul."""
    help_context = {}
    suggestion = suggestions.did_you_mean(query, language=language)
    if suggestion and suggestion != query:
        found = selectors.search_documents(query=suggestion, language=language, per_page=1)
        if found.total > outcome.total:
            help_context["suggestion"] = suggestion
            help_context["suggestion_href"] = "?" + urlencode({"q": suggestion})
    if outcome.total == 0:
        help_context["shortcuts"] = _shortcut_links(selectors.search_shortcuts(language=language))
        help_context["ask_seoul_href"] = ask_seoul_url(query)
    return help_context


def ask_seoul_url(query: str) -> str:
    """The consultation request form in the reader's language, its topic filled with the
    query (the form reads `topic`; see `cooperation_requests.views.request_form`)."""
    url = reverse("inquiries:form", kwargs={"kind_slug": "consultation"})
    return url + "?" + urlencode({"topic": query})


def _shortcut_links(shortcuts) -> list[dict]:
    """Each shortcut as a link that searches its label with its facet value selected."""
    links = []
    for shortcut in shortcuts:
        params = {"q": shortcut.label, FACET_PARAMS[shortcut.facet]: shortcut.value}
        links.append({"label": shortcut.label, "href": "?" + urlencode(params)})
    return links


def _visitor(request) -> str:
    """The searcher's daily pseudonym (never the address itself); none for a bot."""
    user_agent = request.META.get("HTTP_USER_AGENT", "")
    if is_bot(user_agent):
        return ""
    return visitor_key(
        address=client_address(request), user_agent=user_agent, day=timezone.localdate()
    )


def _link(params, **changes) -> str:
    params = params.copy()
    params.pop("page", None)
    for name, value in changes.items():
        params.pop(name, None)
        if value not in (None, ""):
            params[name] = value
    return "?" + params.urlencode()


def _count_label(count: int, *, exact: bool) -> str:
    """A count as shown; "1,000+" when it counts only the best matches (a lower bound)."""
    return f"{count:,}" if exact else f"{count:,}+"


def _facet_links(params, facets, *, exact: bool = True) -> list[dict]:
    """Each facet with its values as links that select (or, when selected, clear) them."""
    groups = []
    for name, values in facets.items():
        if not values:
            continue
        param = FACET_PARAMS[name]
        groups.append(
            {
                "name": name,
                "title": FACET_TITLES[name],
                "values": [
                    {
                        "label": value.label,
                        # A language's own name is in that language (العربية on any page).
                        "lang": value.value if name == "language" else value.language,
                        "count": _count_label(value.count, exact=exact),
                        "selected": value.selected,
                        "href": _link(params, **{param: "" if value.selected else value.value}),
                    }
                    for value in values
                ],
            }
        )
    return groups


def _sort_links(params, current) -> list[dict]:
    return [
        {"label": label, "selected": key == current, "href": _link(params, sort=key)}
        for key, label in SORT_LABELS.items()
    ]


def _reader_language_param(params) -> str | None:
    """The API's `hl` (the reader's language, English when absent or empty), or None when it
    is not one of the site's languages."""
    value = params.get("hl", "").strip().lower()
    if not value:
        return API_DEFAULT_READER_LANGUAGE
    languages = {code.lower(): code for code, _name in settings.LANGUAGES}
    return languages.get(value)


@require_GET
def search_api(request):
    """GET /api/v1/search?q=…[&hl=en][&lang=…][&type=…][&theme=…][&board=…][&year=…][&page=N]

    `hl` is the reader's language: each translation group's result is shown in it when it
    has a matching version in it, else in the first fallback language. `lang` filters the
    results by their own language.
    """
    language = _reader_language_param(request.GET)
    if language is None:
        codes = ", ".join(code for code, _name in settings.LANGUAGES)
        return JsonResponse(
            {
                "detail": [
                    {
                        "type": "hl",
                        "loc": ["query", "hl"],
                        "msg": f"Input should be one of the site's languages: {codes}",
                    }
                ]
            },
            status=400,
        )
    query = clean_query(request.GET.get("q", ""))
    outcome = selectors.search_documents(
        query=query,
        filters=_filters(request.GET),
        sort=request.GET.get("sort", "relevance"),
        page=parse_int(request.GET.get("page"), default=1, low=1, high=selectors.MAX_PAGE),
        per_page=API_RESULTS_PER_PAGE,
        language=language,
    )
    base = request.build_absolute_uri("/")[:-1]
    payload = {
        "query": query,
        "hl": language,
        "total": outcome.total,
        # False when the query matched more than the best matches that were looked at: the
        # total and the facet counts are then lower bounds.
        "total_exact": outcome.total_exact,
        "facets_exact": outcome.facets_exact,
        "page": outcome.page,
        "num_pages": outcome.num_pages,
        "results": [
            {
                "title": hit.document.title,
                "url": base + hit.document.url,
                "type": hit.document.kind,
                "lang": hit.document.language,
                "snippet": str(hit.snippet),
                "score": hit.score,
                "date": hit.document.date.isoformat() if hit.document.date else None,
            }
            for hit in outcome.hits
        ],
        "facets": {
            FACET_PARAMS[name]: [
                {"value": v.value, "label": v.label, "count": v.count} for v in values
            ]
            for name, values in outcome.facets.items()
        },
    }
    response = JsonResponse(payload, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response
