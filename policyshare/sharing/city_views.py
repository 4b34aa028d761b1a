"""What the cities section shows: the list, one city's page, its metadata and sitemap
entries. `CityIndexPage`'s routes call these; the reads are in `city_selectors`."""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail import hooks

from policyshare.core.content.metadata import publisher

from . import city_selectors
from .models import RelationshipKind

# Issue 18 adds events: a function registered under this name takes (city, request) and
# returns the city's events ({"title", "url", "date"}); the page shows none when none do.
CITY_EVENTS_HOOK = "sharing_city_events"
GEONAMES_URL = "https://www.geonames.org/{}"
# json.dumps leaves these as they are; inside <script> they could end the element early.
_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def kind_choices() -> list[tuple[str, str]]:
    return [
        *RelationshipKind.choices,
        ("transfer", _("Took up or passed on a policy")),
        ("project", _("Cooperation project")),
    ]


def city_list_context(request) -> dict:
    kinds = dict(kind_choices())
    kind = request.GET.get("kind", "")
    kind = kind if kind in kinds else ""
    country = request.GET.get("country", "").upper()[:2]
    listing = city_selectors.partner_cities(kind=kind, country=country)
    if country not in {code for code, _name in listing["countries"]}:
        country = ""
    groups = []
    for value, label in RelationshipKind.choices:
        members = [city for city in listing["cities"] if value in city.relationship_kinds]
        if members:
            groups.append({"kind": value, "label": label, "cities": members})
    others = [city for city in listing["cities"] if not city.relationship_kinds]
    if others:
        groups.append({"kind": "other", "label": _("Other partner cities"), "cities": others})
    return {
        "city_groups": groups,
        "city_count": len(listing["cities"]),
        "kind_choices": kind_choices(),
        "country_choices": listing["countries"],
        "selected_kind": kind,
        "selected_country": country,
    }


def city_page_context(request, *, page, slug: str) -> dict:
    city = city_selectors.city_for_page(slug)
    if city is None:
        raise Http404
    transfers = city_selectors.city_transfers(city)
    events = [event for fn in hooks.get_hooks(CITY_EVENTS_HOOK) for event in fn(city, request)]
    shown_language = city_selectors.name_language(city)
    full_url = page.get_full_url(request) + page.reverse_subpage("city", kwargs={"slug": slug})
    return {
        "city": city,
        "city_name_lang": shown_language,
        "other_names": [
            (code, city.names[code])
            for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
            if city.names.get(code) and code != shown_language
        ],
        "relationships": list(city.relationships.all()),
        "networks": list(city.networks.all()),
        "transfers_into": transfers["into"],
        "transfers_out_of": transfers["out_of"],
        "projects": city_selectors.city_projects(city),
        "request_count": city_selectors.request_count(city),
        "events": events,
        "consultation_url": reverse("inquiries:form", kwargs={"kind_slug": "consultation"})
        + f"?city={city.slug}",
        "city_full_url": full_url,
        "city_json_ld": city_json_ld(city, page=page, url=full_url),
    }


def city_json_ld(city, *, page, url: str) -> str:
    """A schema.org `City` as a <script type="application/ld+json"> element."""
    language = page.locale.language_code
    data = {
        "@context": "https://schema.org",
        "@type": "City",
        "name": city.name_in(language),
        "url": url,
        "inLanguage": language,
        "geo": {
            "@type": "GeoCoordinates",
            "latitude": city.latitude,
            "longitude": city.longitude,
        },
        "containedInPlace": {
            "@type": "Country",
            "name": city.country.name,
            "identifier": city.country.code,
        },
        "publisher": publisher(language),
    }
    alternate = sorted({name for name in city.names.values() if name} - {data["name"]})
    if alternate:
        data["alternateName"] = alternate
    if city.population:
        data["population"] = city.population
    if city.geonames_id:
        data["sameAs"] = GEONAMES_URL.format(city.geonames_id)
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, sort_keys=True)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_JSON_SCRIPT_ESCAPES)),  # noqa: S308 - escaped above
    )


def city_sitemap_entries(page, *, request=None) -> list[dict]:
    """One entry per city page in this section's language, with hreflang alternates to the
    same city in every live version of the section."""
    base = page.get_full_url(request)
    if not base:
        return []
    versions = [
        (version.locale.language_code, version.get_full_url(request))
        for version in page.get_translations(inclusive=True).live().select_related("locale")
    ]
    entries = []
    for city in city_selectors.cities_with_pages().only("slug", "updated_at"):
        sub = page.reverse_subpage("city", kwargs={"slug": city.slug})
        entries.append(
            {
                "location": base + sub,
                "lastmod": city.updated_at,
                "alternates": [
                    {"location": url + sub, "lang_code": code} for code, url in versions if url
                ]
                if len(versions) > 1
                else [],
            }
        )
    return entries
