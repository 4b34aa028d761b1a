"""Reads of the cities section: the list of cities Seoul works with, and one city's page.

Every read here runs a fixed number of queries, however many cities, relationships,
transfers or projects there are (tests/test_city_query_counts.py).
"""

from collections import defaultdict

from django.db.models import Exists, OuterRef, Q, QuerySet
from wagtail.models import Locale

from policyshare.core.languages import fallback_order, reader_language, translations_with_fallback
from policyshare.core.localized import localized_language
from policyshare.core.privacy import public
from policyshare.policies.models import PolicyCase

from .models import City, CityRelationship, CooperationProjectPage, PolicyTransfer

# Chains deeper than this are drawn at this indentation (the stylesheet has no deeper step).
MAX_INDENT = 4


def cities_with_pages() -> QuerySet:
    """The cities that have a public page: the portal's own, and every city it works with
    (a relationship, a policy transfer either way, or a cooperation project). A city seeded
    from a gazetteer and never worked with has no page: it would say nothing."""
    works_with = (
        Q(Exists(CityRelationship.objects.filter(city=OuterRef("pk"))))
        | Q(Exists(PolicyTransfer.objects.filter(target_city=OuterRef("pk"))))
        | Q(Exists(PolicyTransfer.objects.filter(source_city=OuterRef("pk"))))
        | Q(Exists(CooperationProjectPage.objects.live().filter(cities=OuterRef("pk"))))
    )
    return City.objects.filter(works_with | Q(pk__in=City.objects.portal_city().values("pk")))


def partner_cities(*, kind: str = "", country: str = "") -> dict:
    """The cities Seoul works with, for the list at /<lang>/cities/, in the reader's
    alphabetical order, with the filters' choices.

    `kind` is a relationship kind, "transfer" or "project"; `country` an ISO code. Returns
    {"cities": [...], "countries": [(code, name)]}; each city carries `relationship_list`,
    `relationship_kinds`, `has_transfer` and `has_project`.
    """
    cities = list(
        cities_with_pages()
        .partners()
        .annotate(
            has_transfer=Exists(
                PolicyTransfer.objects.filter(
                    Q(target_city=OuterRef("pk")) | Q(source_city=OuterRef("pk"))
                )
            ),
            has_project=Exists(CooperationProjectPage.objects.live().filter(cities=OuterRef("pk"))),
        )
        .prefetch_related("relationships")
    )
    for city in cities:
        city.relationship_list = list(city.relationships.all())
        city.relationship_kinds = {relationship.kind for relationship in city.relationship_list}
    countries = sorted(
        {(city.country.code, city.country.name) for city in cities}, key=lambda c: c[1]
    )
    if country in {code for code, _name in countries}:  # an unknown country filters nothing
        cities = [city for city in cities if city.country.code == country]
    if kind == "transfer":
        cities = [city for city in cities if city.has_transfer]
    elif kind == "project":
        cities = [city for city in cities if city.has_project]
    elif kind:
        cities = [city for city in cities if kind in city.relationship_kinds]
    cities.sort(key=lambda city: city.name.casefold())
    return {"cities": cities, "countries": countries}


def city_for_page(slug: str) -> City | None:
    """The city with a public page at `slug`, with its networks and relationships."""
    return (
        cities_with_pages().filter(slug=slug).prefetch_related("networks", "relationships").first()
    )


def policies_by_translation_key(keys, language: str | None = None) -> dict:
    """{translation_key: the live, public policy of that group in the reader's language, or
    the first of its fallback order that has one}, read in one query."""
    language = language or reader_language()
    order = {code: rank for rank, code in enumerate(fallback_order(language))}
    found = {}
    policies = public(PolicyCase.objects.live()).filter(translation_key__in=set(keys))
    for policy in policies.select_related("locale"):
        rank = order.get(policy.locale.language_code, len(order))
        current = found.get(policy.translation_key)
        if current is None or rank < current[0]:
            found[policy.translation_key] = (rank, policy)
    return {key: policy for key, (_rank, policy) in found.items()}


def _with_policies(transfers: list) -> list:
    """Each transfer's `policy_shown`: its policy in the reader's language (or fallback);
    None when no version is live and public, so the page names no unpublished policy."""
    policies = policies_by_translation_key(
        transfer.policy.translation_key for transfer in transfers
    )
    for transfer in transfers:
        transfer.policy_shown = policies.get(transfer.policy.translation_key)
    return transfers


def city_transfers(city: City) -> dict:
    """{"into": transfers to the city, "out_of": transfers from it}, each with its cities,
    outcomes, sources and its policy in the reader's language (`policy_shown`)."""
    transfers = list(
        PolicyTransfer.objects.filter(Q(target_city=city) | Q(source_city=city))
        .select_related("source_city", "target_city", "policy")
        .prefetch_related("outcomes", "sources")
        .order_by("-stage_year", "pk")
    )
    _with_policies(transfers)
    return {
        "into": [transfer for transfer in transfers if transfer.target_city_id == city.pk],
        "out_of": [transfer for transfer in transfers if transfer.source_city_id == city.pk],
    }


def city_projects(city: City, language: str | None = None) -> list:
    """The city's live, public cooperation projects, in the reader's language where
    translated, else in its fallback (`core.languages.translations_with_fallback`)."""
    locale = Locale.objects.filter(language_code=language or reader_language()).first()
    if locale is None:
        return []
    # Narrowed after the fallback is chosen (translations_with_fallback says why).
    projects = translations_with_fallback(public(CooperationProjectPage.objects.live()), locale)
    return list(projects.filter(cities=city).select_related("locale").order_by("title"))


# A firm's request to invite a city's officials names that city as its target, not as where
# the request came from (cooperation_requests.models.RequestKind; that app imports this one,
# so the value is written here).
INVITATION_KIND = "officials_invitation"


def request_count(city: City) -> int:
    """How many cooperation requests came from the city: a count, never who sent them."""
    return city.cooperation_requests.exclude(kind=INVITATION_KIND).count()


def name_language(city: City) -> str:
    """The language of the name the reader sees (a fallback name carries its own `lang`)."""
    return localized_language(city.names)


def policy_lineage(policy) -> list:
    """Where a policy went: the transfers of its translation group and every transfer that
    descends from them, as chains in reading order (a transfer, then its descendants), each
    with `depth` (0 for a transfer from the policy's own city) and `policy_shown`.

    Three queries whatever the number of transfers: the group's transfers, their descendants
    (one recursive query, `selectors.lineage_descendant_ids`), and the rows to show.
    """
    from .selectors import lineage_descendant_ids

    own = dict(
        PolicyTransfer.objects.filter(policy__translation_key=policy.translation_key)
        .order_by()
        .values_list("pk", "parent_id")
    )
    if not own:
        return []
    roots = [pk for pk, parent_id in own.items() if parent_id not in own]
    depths = lineage_descendant_ids(roots)
    transfers = {
        transfer.pk: transfer
        for transfer in PolicyTransfer.objects.filter(pk__in=depths).select_related(
            "source_city", "target_city", "policy"
        )
    }
    _with_policies(list(transfers.values()))
    children = defaultdict(list)
    for transfer in transfers.values():
        if transfer.pk not in roots:
            children[transfer.parent_id].append(transfer)
    ordered = []

    def walk(transfer, depth):
        transfer.depth = depth
        transfer.indent = min(depth, MAX_INDENT)
        ordered.append(transfer)
        for child in sorted(children[transfer.pk], key=_chronological):
            walk(child, depth + 1)

    for root in sorted((transfers[pk] for pk in roots), key=_chronological):
        walk(root, 0)
    return ordered


def _chronological(transfer) -> tuple:
    return (transfer.stage_year or 0, transfer.pk)
