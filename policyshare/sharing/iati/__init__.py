"""The cooperation projects as IATI activities (IATI Standard 2.03), and their validation.

One `iati-activity` per translation group of live, public project pages: the group's first
page (the one the others were translated from) gives the structure, and every live translation
adds its `narrative`s with its `xml:lang`. The mapping is in docs/sharing.md ("IATI mapping").

The document is checked against the IATI schema vendored in `schema/` (production has no copy
of the shared standards folder), loaded without any network access.
"""

import bisect
import html
import mimetypes
import os
import re
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from lxml import etree

from policyshare.policies.models import PolicyCase

from ..models import CooperationProjectPage, DocumentCategory

IATI_VERSION = "2.03"
SCHEMA_DIR = Path(__file__).resolve().parent / "schema"
SCHEMA_FILE = SCHEMA_DIR / "iati-activities-schema.xsd"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# IATI codes used below (codelists of the IATI Standard).
ACTIVITY_DATE_TYPES = (  # ActivityDateType
    ("planned_start", "1"),
    ("actual_start", "2"),
    ("planned_end", "3"),
    ("actual_end", "4"),
)
DESCRIPTION_GENERAL = "1"  # DescriptionType
DESCRIPTION_OBJECTIVES = "2"
SCOPE_MULTI_NATIONAL = "3"  # ActivityScope
SCOPE_SUBNATIONAL_MULTIPLE = "5"
SCOPE_SUBNATIONAL_SINGLE = "6"
BUDGET_ORIGINAL = "1"  # BudgetType
BUDGET_INDICATIVE = "1"  # BudgetStatus: a published figure, not a binding commitment
INDICATOR_UNIT = "1"  # IndicatorMeasure
ROLE_ACCOUNTABLE = "2"  # OrganisationRole
HTML_FORMAT = "text/html"  # FileFormat (IANA media types)
UNKNOWN_FORMAT = "application/octet-stream"


def iati_language(language_code: str) -> str:
    """The ISO 639-1 code IATI expects: zh-hans is zh."""
    return language_code.split("-")[0].lower()


def plain_text(rich_text: str) -> str:
    """The text of a rich text field, paragraphs on lines of their own."""
    text = re.sub(r"</(p|h[1-6]|li|blockquote)>|<br\s*/?>", "\n", rich_text or "")
    lines = (" ".join(line.split()) for line in html.unescape(strip_tags(text)).splitlines())
    return "\n".join(line for line in lines if line)


def percentages(counts: Counter) -> dict[str, Decimal]:
    """Shares of `counts` in percent with two decimals, summing to exactly 100."""
    total = sum(counts.values())
    keys = sorted(counts)
    shares = {
        key: (Decimal(100) * counts[key] / total).quantize(Decimal("0.01"), ROUND_HALF_UP)
        for key in keys
    }
    # Rounding may leave a cent over or under: the largest share absorbs it.
    largest = max(keys, key=lambda key: (counts[key], key))
    shares[largest] += Decimal(100) - sum(shares.values())
    return shares


def decimal_text(value: Decimal) -> str:
    """A decimal without trailing zeros or exponent (12.5000 -> 12.5, 1E+3 -> 1000)."""
    text = format(value.normalize(), "f")
    return text


@dataclass
class ActivityGroup:
    """A project's translations: `source` first, then the others in creation order."""

    source: CooperationProjectPage
    pages: list[CooperationProjectPage]

    @property
    def identifier(self) -> str:
        return activity_identifier(self.source)


def activity_identifier(page: CooperationProjectPage) -> str:
    return f"{settings.IATI_REPORTING_ORG_REF}-{page.activity_id or page.slug.upper()}"


def _published_projects():
    return CooperationProjectPage.objects.live().public().filter(alias_of__isnull=True)


def published_project_count() -> int:
    """How many activities the export will hold (one per translation group)."""
    return _published_projects().values("translation_key").distinct().count()


def published_project_groups() -> list[ActivityGroup]:
    """Live, public, non-alias project pages grouped by translation, in a fixed number of
    queries whatever the number of projects."""
    pages = (
        _published_projects()
        .select_related("locale")
        .prefetch_related(
            "participants__city",
            "results",
            "documents__document",
            "relations__related",
            "cities",
            "policies",
        )
        .order_by("pk")
    )
    groups: dict = defaultdict(list)
    for page in pages:
        groups[page.translation_key].append(page)
    # The first page of a group is the original: translations are copied from it later.
    return [ActivityGroup(source=found[0], pages=found) for found in groups.values()]


class ActivityBuilder:
    """Builds the `iati-activity` elements. Each part is a method, so a test can forge one."""

    def __init__(self, *, base_url: str, groups: list[ActivityGroup]):
        self.base_url = base_url.rstrip("/")
        self.identifiers = {group.source.translation_key: group.identifier for group in groups}
        policy_keys = {
            policy.translation_key for group in groups for policy in group.source.policies.all()
        }
        self.policy_versions: dict = defaultdict(list)
        for policy in (
            PolicyCase.objects.live()
            .public()
            .filter(translation_key__in=policy_keys, alias_of__isnull=True)
            .select_related("locale")
            .order_by("pk")
        ):
            self.policy_versions[policy.translation_key].append(policy)

    # -- helpers --------------------------------------------------------------------------

    def absolute(self, url: str) -> str:
        return url if "://" in url else f"{self.base_url}{url}"

    def page_url(self, page) -> str:
        # Pages are addressed from the site root the page belongs to (Wagtail `Site`).
        return self.absolute(page.get_url() or "")

    @staticmethod
    def narratives(parent, texts: Iterable[tuple[str, str]]) -> None:
        """One `narrative` per (language code, text), the first text for each language.

        A text repeated in another language is left out: a translation copies its source's
        rows, so an untranslated one would label Korean text as French.
        """
        languages, written = set(), set()
        for language_code, text in texts:
            text = (text or "").strip()
            language = iati_language(language_code)
            if not text or language in languages or text in written:
                continue
            languages.add(language)
            written.add(text)
            narrative = etree.SubElement(parent, "narrative")
            narrative.set(XML_LANG, language)
            narrative.text = text

    @staticmethod
    def language_of(page) -> str:
        return page.locale.language_code

    @staticmethod
    def paired(group: ActivityGroup, relation: str) -> list[list]:
        """The rows of a child relation, position by position across the translations: row i
        of each translation translates row i of the source, when they have as many rows."""
        rows = [list(getattr(page, relation).all()) for page in group.pages]
        size = len(rows[0])
        return [
            [
                (page, found[index])
                for page, found in zip(group.pages, rows, strict=True)
                if len(found) == size
            ]
            for index in range(size)
        ]

    # -- the activity ---------------------------------------------------------------------

    def activity(self, group: ActivityGroup):
        source = group.source
        element = etree.Element("iati-activity")
        element.set(XML_LANG, iati_language(self.language_of(source)))
        updated = max(
            (page.last_published_at for page in group.pages if page.last_published_at),
            default=None,
        )
        if updated:
            element.set("last-updated-datetime", updated.isoformat(timespec="seconds"))
        if source.budget_currency:
            element.set("default-currency", source.budget_currency)
        etree.SubElement(element, "iati-identifier").text = group.identifier
        self.reporting_org(element)
        self.title(element, group)
        self.descriptions(element, group)
        self.participating_orgs(element, group)
        etree.SubElement(element, "activity-status", code=source.status_code)
        self.activity_dates(element, source)
        self.geography(element, source)
        self.budget(element, source)
        self.document_links(element, group)
        self.related_activities(element, source)
        self.results(element, group)
        return element

    def reporting_org(self, parent) -> None:
        org = etree.SubElement(
            parent,
            "reporting-org",
            ref=settings.IATI_REPORTING_ORG_REF,
            type=settings.IATI_REPORTING_ORG_TYPE,
        )
        # The configured name is written in English.
        self.narratives(org, [("en", settings.IATI_REPORTING_ORG_NAME)])

    def title(self, parent, group: ActivityGroup) -> None:
        title = etree.SubElement(parent, "title")
        self.narratives(title, ((self.language_of(page), page.title) for page in group.pages))

    def descriptions(self, parent, group: ActivityGroup) -> None:
        general = etree.SubElement(parent, "description", type=DESCRIPTION_GENERAL)
        self.narratives(general, ((self.language_of(page), page.summary) for page in group.pages))
        texts = [(self.language_of(page), plain_text(page.description)) for page in group.pages]
        if any(text for _language, text in texts):
            objectives = etree.SubElement(parent, "description", type=DESCRIPTION_OBJECTIVES)
            self.narratives(objectives, texts)

    def participating_orgs(self, parent, group: ActivityGroup) -> None:
        for versions in self.paired(group, "participants"):
            participant = versions[0][1]
            org = etree.SubElement(parent, "participating-org", role=participant.role_code)
            if participant.organisation_ref:
                org.set("ref", participant.organisation_ref)
            if participant.organisation_type:
                org.set("type", participant.organisation_type)
            texts = [(self.language_of(page), found.name) for page, found in versions]
            if participant.city is not None:
                # A city's government: its name in the languages no translation names it in.
                texts += list(participant.city.names.items())
            self.narratives(org, texts)

    def activity_dates(self, parent, source: CooperationProjectPage) -> None:
        for field, code in ACTIVITY_DATE_TYPES:
            value = getattr(source, field)
            if value:
                etree.SubElement(
                    parent, "activity-date", type=code, **{"iso-date": value.isoformat()}
                )

    def geography(self, parent, source: CooperationProjectPage) -> None:
        """`activity-scope` and `recipient-country`, from the partner cities (not the portal's
        own city: Seoul reports, it does not receive)."""
        cities = [city for city in source.cities.all() if city.slug != settings.PORTAL_CITY_SLUG]
        countries = Counter(str(city.country) for city in cities)
        if not countries:
            return
        if len(countries) > 1:
            scope = SCOPE_MULTI_NATIONAL
        elif len(cities) > 1:
            scope = SCOPE_SUBNATIONAL_MULTIPLE
        else:
            scope = SCOPE_SUBNATIONAL_SINGLE
        etree.SubElement(parent, "activity-scope", code=scope)
        shares = percentages(countries) if len(countries) > 1 else {}
        for code in sorted(countries):
            country = etree.SubElement(parent, "recipient-country", code=code)
            if code in shares:
                country.set("percentage", decimal_text(shares[code]))

    def budget(self, parent, source: CooperationProjectPage) -> None:
        start = source.planned_start or source.actual_start
        end = source.planned_end or source.actual_end
        if source.budget_amount is None or not (start and end):
            return
        budget = etree.SubElement(parent, "budget", type=BUDGET_ORIGINAL, status=BUDGET_INDICATIVE)
        etree.SubElement(budget, "period-start", **{"iso-date": start.isoformat()})
        etree.SubElement(budget, "period-end", **{"iso-date": end.isoformat()})
        value = etree.SubElement(budget, "value", **{"value-date": start.isoformat()})
        if source.budget_currency:
            value.set("currency", source.budget_currency)
        value.text = decimal_text(source.budget_amount)

    def document_link(self, parent, *, url, file_format, category, titles, languages=()):
        link = etree.SubElement(parent, "document-link", url=url, format=file_format)
        title = etree.SubElement(link, "title")
        self.narratives(title, titles)
        etree.SubElement(link, "category", code=category)
        for language in dict.fromkeys(iati_language(code) for code in languages if code):
            etree.SubElement(link, "language", code=language)
        return link

    def document_links(self, parent, group: ActivityGroup) -> None:
        # The project's own page, in each language it is published in.
        for page in group.pages:
            self.document_link(
                parent,
                url=self.page_url(page),
                file_format=HTML_FORMAT,
                category=DocumentCategory.WEB_PAGE,
                titles=[(self.language_of(page), page.title)],
                languages=[self.language_of(page)],
            )
        for versions in self.paired(group, "documents"):
            document = versions[0][1]
            if document.document is not None:
                url = self.absolute(document.document.url)
                name = document.document.file.name
            else:
                url, name = document.url, document.url.split("?")[0]
            file_format = mimetypes.guess_type(name)[0] or (
                UNKNOWN_FORMAT if document.document is not None else HTML_FORMAT
            )
            self.document_link(
                parent,
                url=url,
                file_format=file_format,
                category=document.category,
                titles=[(self.language_of(page), found.title) for page, found in versions],
                languages=[document.language],
            )
        # The policies shared: their pages state the objectives the project pursues (A02).
        for policy in group.source.policies.all():
            versions = self.policy_versions.get(policy.translation_key)
            if not versions:
                continue
            self.document_link(
                parent,
                url=self.page_url(versions[0]),
                file_format=HTML_FORMAT,
                category=DocumentCategory.OBJECTIVES,
                titles=[(self.language_of(version), version.title) for version in versions],
                languages=[self.language_of(version) for version in versions],
            )

    def related_activities(self, parent, source: CooperationProjectPage) -> None:
        for relation in source.relations.all():
            related = relation.related
            ref = self.identifiers.get(related.translation_key) or activity_identifier(related)
            etree.SubElement(parent, "related-activity", ref=ref, type=relation.kind)

    def results(self, parent, group: ActivityGroup) -> None:
        for versions in self.paired(group, "results"):
            row = versions[0][1]
            result = etree.SubElement(parent, "result", type=row.result_type)
            title = etree.SubElement(result, "title")
            self.narratives(
                title, [(self.language_of(page), found.title) for page, found in versions]
            )
            if row.source_url:
                self.document_link(
                    result,
                    url=row.source_url,
                    file_format=mimetypes.guess_type(row.source_url)[0] or HTML_FORMAT,
                    category=DocumentCategory.RESULTS,
                    titles=[(self.language_of(page), found.title) for page, found in versions],
                )
            indicator = etree.SubElement(result, "indicator", measure=INDICATOR_UNIT)
            title = etree.SubElement(indicator, "title")
            self.narratives(
                title, [(self.language_of(page), found.indicator) for page, found in versions]
            )
            if row.unit:
                # IATI has no unit attribute: the unit is said in the indicator's description.
                description = etree.SubElement(indicator, "description")
                self.narratives(
                    description,
                    [(self.language_of(page), found.unit) for page, found in versions],
                )
            if row.baseline is not None and row.baseline_year:
                etree.SubElement(
                    indicator,
                    "baseline",
                    year=str(row.baseline_year),
                    value=decimal_text(row.baseline),
                )
            for year, values in self.periods(row):
                period = etree.SubElement(indicator, "period")
                etree.SubElement(
                    period, "period-start", **{"iso-date": date(year, 1, 1).isoformat()}
                )
                etree.SubElement(
                    period, "period-end", **{"iso-date": date(year, 12, 31).isoformat()}
                )
                for name in ("target", "actual"):
                    if name in values:
                        etree.SubElement(period, name, value=decimal_text(values[name]))

    @staticmethod
    def periods(row) -> list[tuple[int, dict]]:
        """One calendar-year period per year a target or an actual value is given for."""
        years: dict[int, dict] = defaultdict(dict)
        for name in ("target", "actual"):
            value, year = getattr(row, name), getattr(row, f"{name}_year")
            if value is not None and year:
                years[year][name] = value
        return sorted(years.items())


def build_iati_activities(
    *,
    base_url: str,
    builder_class: type[ActivityBuilder] | None = None,
    progress: Callable[[int], object] | None = None,
):
    """The `iati-activities` document of every published cooperation project (an lxml
    ElementTree), not yet validated: see `validate_iati`. `base_url` makes the links absolute
    (the site's address, e.g. https://policyshare.example)."""
    groups = published_project_groups()
    builder = (builder_class or ActivityBuilder)(base_url=base_url, groups=groups)
    root = etree.Element(
        "iati-activities",
        version=IATI_VERSION,
        **{"generated-datetime": timezone.now().isoformat(timespec="seconds")},
    )
    for group in groups:
        root.append(builder.activity(group))
        if progress is not None:
            progress(1)
    return etree.ElementTree(root)


def activity_count(tree) -> int:
    return len(tree.getroot().findall("iati-activity"))


@cache
def iati_schema() -> etree.XMLSchema:
    # The vendored files only: xml.xsd is imported from the same folder, and the parser may
    # not fetch anything from the network (an import that pointed outside would fail).
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.parse(str(SCHEMA_FILE), parser))


def serialise(tree) -> bytes:
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def validate_iati(tree) -> list[str]:
    """Every schema error of the document, each naming its activity and line; [] when valid.

    The document is validated as it will be written (serialised and read back), so line
    numbers point into the published file.
    """
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    document = etree.fromstring(serialise(tree), parser)
    schema = iati_schema()
    if schema.validate(document):
        return []
    starts = []
    for activity in document.iterfind("iati-activity"):
        identifier = activity.findtext("iati-identifier") or "?"
        starts.append((activity.sourceline, identifier))
    lines = [line for line, _identifier in starts]
    errors = []
    for error in schema.error_log:
        position = bisect.bisect_right(lines, error.line) - 1
        where = starts[position][1] if position >= 0 else "iati-activities"
        errors.append(f"{where} (line {error.line}): {error.message}")
    return errors


def write_atomically(content: bytes, path: Path) -> None:
    """Write `content` to `path` so readers see the old file or the whole new one, never a
    part: a temporary file in the same folder, renamed over the target."""
    path = Path(path)
    descriptor, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    finally:
        # Gone after a successful rename; left over only when writing failed.
        Path(temporary).unlink(missing_ok=True)
