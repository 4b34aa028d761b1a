"""What the pages of the policy-sharing section show: /<lang>/sharing/ and its sub-pages.

`SharingIndexPage` routes each address to one function here, which returns the template's
context; the reads are in `selectors`. Every page runs a fixed number of queries, however
many cities, transfers or projects there are (`tests/test_section_queries.py`).
"""

from django.http import Http404
from django.utils.translation import gettext as _

from policyshare.core.pagination import paginate
from policyshare.core.params import parse_int

from . import selectors
from .map import NORTH, SOUTH, CityKind, MapCity, MapLink, render_world_map
from .models import EXIT_STAGES, CityIndexPage, RelationshipKind

TRANSFERS_PER_PAGE = 20
PROJECTS_PER_PAGE = 12
TENDERS_PER_PAGE = 20
LATEST_ON_OVERVIEW = 5

# (route name, path after the section's address): the sub-pages, in the order the overview
# links them; the sitemap lists them too.
SUB_PAGES = [
    ("transfers", "transfers/"),
    ("projects", "projects/"),
    ("tenders", "tenders/"),
    ("firms", "firms/"),
    ("cities_like_mine", "cities-like-mine/"),
]


def sub_page_titles() -> dict:
    return {
        "transfers": _("Policy transfers"),
        "projects": _("Cooperation projects"),
        "tenders": _("Overseas tender notices"),
        "firms": _("Firms and agencies"),
        "cities_like_mine": _("Cities like mine"),
    }


def city_base_url(section, request) -> str:
    """The address of the cities section in the section's language, which city pages are
    below (/<lang>/cities/<slug>/)."""
    language = section.locale.language_code
    cities = CityIndexPage.objects.live().filter(locale=section.locale).first()
    url = cities.get_url(request) if cities else None
    return url or f"/{language}/cities/"


def world_map(data, *, city_base: str, section_url: str):
    """The SVG world map of `data` (selectors.MapData): relationships as markers, transfers
    as lines, projects shading their countries. Cities outside the map's frame (latitudes
    beyond 85°N or 60°S) are left out of the picture; the tables keep them."""
    kinds = {
        RelationshipKind.SISTER: CityKind.SISTER,
        RelationshipKind.FRIENDSHIP: CityKind.FRIENDSHIP,
        RelationshipKind.MEMORANDUM: CityKind.MEMORANDUM,
    }
    markers: dict[int, MapCity] = {}

    def marker(city, kind):
        if city.pk not in markers and SOUTH <= city.latitude <= NORTH:
            markers[city.pk] = MapCity(
                name=city.name,
                lat=city.latitude,
                lon=city.longitude,
                kind=CityKind.HOME if city.is_portal_city else kind,
                url=f"{city_base}{city.slug}/",
            )

    for relationship in data.relationships:
        marker(relationship.city, kinds.get(relationship.kind, CityKind.OTHER))
    links = []
    for transfer in data.transfers:
        source, target = transfer.source_city, transfer.target_city
        marker(source, CityKind.OTHER)
        marker(target, CityKind.OTHER)
        if source.pk in markers and target.pk in markers:
            policy = transfer.shown_policy or transfer.policy
            links.append(
                MapLink(
                    source_lat=source.latitude,
                    source_lon=source.longitude,
                    target_lat=target.latitude,
                    target_lon=target.longitude,
                    label=f"{policy.title}: {source.name} → {target.name}",
                    url=f"{section_url}transfers/{transfer.pk}/",
                )
            )
    return render_world_map(
        cities=list(markers.values()),
        links=links,
        country_counts={row["code"]: row["count"] for row in data.project_countries},
        title=_("Where Seoul's policies went"),
        description=_(
            "Seoul's sister and friendship cities, the policies that went from one city to "
            "another, and the number of cooperation projects in each country."
        ),
    )


def _common(section, request, *, route: str = "", title: str = "") -> dict:
    """What every page of the section needs: the sub-page links, the address of city pages,
    and, on a sub-page, its own canonical address and its hreflang alternates."""
    titles = sub_page_titles()
    base = section.get_url(request) or ""
    context = {
        "city_base": city_base_url(section, request),
        "sub_pages": [
            {"name": name, "title": titles[name], "url": f"{base}{suffix}"}
            for name, suffix in SUB_PAGES
        ],
        "route_name": route,
        "route_title": title,
    }
    if route:
        suffix = request.path[len(base) :] if request.path.startswith(base) else ""
        context["route_canonical"] = request.build_absolute_uri(request.path)
        context["route_alternates"] = [
            {"code": translation.locale.language_code, "url": f"{url}{suffix}"}
            for translation in section.get_translations(inclusive=True)
            .live()
            .select_related("locale")
            if (url := translation.get_full_url(request))
        ]
    return context


def overview(section, request) -> dict:
    language = section.locale.language_code
    latest_transfers = selectors.with_policies_in_language(
        selectors.public_transfers().order_by("-created_at", "-pk")[:LATEST_ON_OVERVIEW],
        language=language,
    )
    common = _common(section, request)
    data = selectors.map_data(section, language=language)
    return {
        **common,
        **selectors.sharing_overview(section),
        "map_data": data,
        "map_svg": world_map(data, city_base=common["city_base"], section_url=section.url or ""),
        "latest_transfers": latest_transfers,
        "latest_projects": list(selectors.project_list(section)[:LATEST_ON_OVERVIEW]),
    }


def transfers(section, request) -> dict:
    language = section.locale.language_code
    filters = selectors.TransferFilters.from_query(request.GET)
    listed = filters.apply(selectors.public_transfers()).order_by("-stage_year", "-pk")
    # Counted afresh, not kept with the fragments: saving a transfer (a record, not a page)
    # does not retire them, and there are hundreds of transfers, not thousands.
    page_obj, filter_query = paginate(
        request, listed, per_page=TRANSFERS_PER_PAGE, filters=filters.as_query()
    )
    page_obj.object_list = selectors.with_policies_in_language(
        page_obj.object_list, language=language
    )
    return {
        **_common(section, request, route="transfers", title=sub_page_titles()["transfers"]),
        "filters": filters,
        "options": selectors.transfer_filter_options(language=language),
        "transfers": page_obj,
        "paginator": page_obj.paginator,
        "filter_query": filter_query,
    }


def transfer(section, request, pk) -> dict:
    pk = parse_int(pk)
    found = selectors.transfer_for_page(pk) if pk is not None else None
    if found is None:
        raise Http404("No such transfer.")
    language = section.locale.language_code
    selectors.with_policies_in_language([found], language=language)
    project = None
    if found.project_id:
        project = selectors.pages_in_language(
            type(found.project), [found.project.translation_key], language=language
        ).get(found.project.translation_key)
    stages = list(found.stages.all())
    return {
        **_common(section, request, route="transfer", title=transfer_title(found)),
        "transfer": found,
        "stages": stages,
        "outcomes": list(found.outcomes.all()),
        "sources": list(found.sources.all()),
        "project": project,
        "exit_stages": [stage.value for stage in EXIT_STAGES],
        **selectors.transfer_lineage(found, language=language),
    }


def transfer_title(transfer) -> str:
    """ "Policy: source → target", the policy in the reader's language where it is published."""
    policy = transfer.shown_policy or transfer.policy
    return f"{policy.title}: {transfer.source_city.name} → {transfer.target_city.name}"


def projects(section, request) -> dict:
    page_obj, filter_query = paginate(
        request,
        selectors.project_list(section),
        per_page=PROJECTS_PER_PAGE,
        filters={},
        count_key=(section.pk, "projects"),
    )
    return {
        **_common(section, request, route="projects", title=sub_page_titles()["projects"]),
        "projects": page_obj,
        "paginator": page_obj.paginator,
        "filter_query": filter_query,
    }


def tenders(section, request) -> dict:
    # Not counted through the fragment cache: a notice leaves the list when its deadline
    # passes, which no editorial change announces.
    page_obj, filter_query = paginate(
        request, selectors.current_tenders(), per_page=TENDERS_PER_PAGE, filters={}
    )
    return {
        **_common(section, request, route="tenders", title=sub_page_titles()["tenders"]),
        "tenders": page_obj,
        "paginator": page_obj.paginator,
        "filter_query": filter_query,
    }


def firms(section, request) -> dict:
    return {
        **_common(section, request, route="firms", title=sub_page_titles()["firms"]),
        "firms": selectors.firms_with_interests(locale=section.locale),
    }
