"""schema.org descriptions of cooperation projects and policy transfers (docs/sharing-section.md,
"JSON-LD")."""

from policyshare.core.content.metadata import headline, publisher
from policyshare.core.localized import localized, localized_language

from .models import EXIT_STAGES, OrganisationRole, Stage


def place(city, *, url: str = "") -> dict:
    """A city as a schema.org `City` (a `Place`), with its coordinates and country."""
    data = {
        "@type": "City",
        "name": city.name,
        "geo": {
            "@type": "GeoCoordinates",
            "latitude": city.latitude,
            "longitude": city.longitude,
        },
        "address": {"@type": "PostalAddress", "addressCountry": str(city.country)},
    }
    if url:
        data["url"] = url
    return data


def project(page, *, request, participants, cities, city_base: str = "") -> dict:
    """A cooperation project as a schema.org `Project` (an `Organization` in schema.org's
    model: it has a name, funders and places, which is what a project page states)."""
    data = {
        **page.json_ld_common(request=request),
        "@type": "Project",
        "name": headline(page.title),
        "publisher": publisher(page.locale.language_code),
    }
    start = page.actual_start or page.planned_start
    end = page.actual_end or page.planned_end
    if start:
        data["startDate"] = start
    if end:
        data["endDate"] = end
    funders = [
        {"@type": "Organization", "name": participant.name}
        for participant in participants
        if participant.role == OrganisationRole.FUNDING
    ]
    if funders:
        data["funder"] = funders
    if cities:
        data["location"] = [
            place(city, url=request.build_absolute_uri(f"{city_base}{city.slug}/"))
            for city in cities
        ]
    return data


_ACTION_STATUS = {
    Stage.IMPLEMENTED: "https://schema.org/CompletedActionStatus",
    Stage.SUSTAINED: "https://schema.org/CompletedActionStatus",
}


def transfer(transfer, *, request, url: str, language: str, city_base: str = "") -> dict:
    """A policy transfer as a schema.org `TransferAction`: the policy (`object`) moved from
    the source city (`fromLocation`) to the target city (`toLocation`, also `location`: where
    the action took place), with the dates of its first and last stage and its status."""
    stages = list(transfer.stages.all())

    def city_place(city):
        return place(city, url=request.build_absolute_uri(f"{city_base}{city.slug}/"))

    policy = transfer.shown_policy
    subject = {"@type": "CreativeWork", "name": policy.title if policy else transfer.policy.title}
    if policy is not None:
        subject["url"] = policy.get_full_url(request)
        subject["inLanguage"] = policy.locale.language_code
    data = {
        "@context": "https://schema.org",
        "@type": "TransferAction",
        "url": url,
        "name": headline(str(transfer)),
        "description": localized(transfer.summary, language),
        "inLanguage": localized_language(transfer.summary, language) or language,
        "object": subject,
        "fromLocation": city_place(transfer.source_city),
        "toLocation": city_place(transfer.target_city),
        "location": city_place(transfer.target_city),
        "actionStatus": (
            "https://schema.org/FailedActionStatus"
            if transfer.stage in EXIT_STAGES
            else _ACTION_STATUS.get(transfer.stage, "https://schema.org/ActiveActionStatus")
        ),
    }
    if stages:
        data["startTime"] = stages[0].reached_on
        if transfer.stage in EXIT_STAGES or transfer.stage in _ACTION_STATUS:
            data["endTime"] = stages[-1].reached_on
    return data
