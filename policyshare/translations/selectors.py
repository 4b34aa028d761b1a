"""Translation status of pages and snippets, per item and per field."""

import functools
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Locale, Page, TranslatableMixin

from policyshare.core.framework_internals import PreparedRead
from policyshare.core.languages import content_language_codes
from policyshare.core.selectors import one_or_none

from .fields import field_label, fingerprints, translated_fields
from .models import FieldStatus, ItemStatus, TranslationRecord

# Field problems, worst first: an item takes the status of its worst field.
_FIELD_ORDER = [FieldStatus.MISSING, FieldStatus.OUTDATED, FieldStatus.MACHINE]
_ITEM_FOR_FIELD = {
    FieldStatus.MISSING: ItemStatus.PARTIAL,
    FieldStatus.OUTDATED: ItemStatus.OUTDATED,
    FieldStatus.MACHINE: ItemStatus.MACHINE,
}


@dataclass
class FieldState:
    name: str
    label: str
    status: FieldStatus


@dataclass
class TranslationState:
    """Where one translation stands against its source."""

    translation: object
    source: object | None
    record: TranslationRecord | None
    fields: list[FieldState] = field(default_factory=list)

    @property
    def status(self) -> ItemStatus:
        present = {state.status for state in self.fields}
        for field_status in _FIELD_ORDER:
            if field_status in present:
                return _ITEM_FOR_FIELD[field_status]
        return ItemStatus.UP_TO_DATE

    def fields_with(self, status) -> list[FieldState]:
        return [state for state in self.fields if state.status == status]

    @property
    def is_partial(self) -> bool:
        """A translated title over untranslated body text: what readers are told about."""
        return any(
            state.status == FieldStatus.MISSING and state.name not in ("title", "name")
            for state in self.fields
        )

    @property
    def machine_fields(self) -> list[FieldState]:
        """Fields still marked machine translated, whatever else is wrong with them."""
        names = set(self.record.machine_fields) if self.record else set()
        return [state for state in self.fields if state.name in names]


def base_content_type(obj) -> ContentType:
    """Pages share one content type (Page); snippets use their own model."""
    if isinstance(obj, Page):
        return ContentType.objects.get_for_model(Page)
    return ContentType.objects.get_for_model(obj.get_translation_model())


def record_for(obj) -> TranslationRecord | None:
    return one_or_none(
        TranslationRecord.objects.filter(
            content_type=base_content_type(obj),
            translation_key=obj.translation_key,
            locale_id=obj.locale_id,
        ).select_related("source_locale")
    )


def source_preference() -> list[str]:
    """Without a record, the original is looked for in this order: Korean, English, …"""
    return list(dict.fromkeys([settings.LANGUAGE_CODE, *content_language_codes()]))


def _specific(obj):
    return obj.specific if isinstance(obj, Page) else obj


VERSION_FIELDS = (
    "id",
    "title",
    "slug",
    "url_path",
    "path",
    "depth",
    "live",
    "content_type",
    "translation_key",
    "locale",
    "locale__language_code",
)


@functools.cache
def _versions_read() -> PreparedRead:
    """Every page with a translation key: prepared once per process, as the language links
    of every uncached page read it (`policyshare.core.framework_internals`)."""
    return PreparedRead(
        Page,
        lambda key: (
            Page.objects.filter(translation_key=key)
            .select_related("locale")
            .only(*VERSION_FIELDS)
            .order_by()
        ),
        [Page._meta.get_field("translation_key")],
    )


def versions_of(obj) -> dict:
    """Every version of `obj` by language code, itself included, read once per object.

    For a page being shown, whose language links and translation notice both need them.
    """
    if not hasattr(obj, "_translation_versions"):
        # Plain pages with what their addresses need: the language links and alternates use
        # every version, the notice only the source, whose own fields `source_of` reads in
        # its type. Unordered (see `one_or_none`): they are put in the site's language order.
        versions = _versions_read()(obj.translation_key)
        found = {version.locale.language_code: version for version in versions}
        obj._translation_versions = {
            code: found.pop(code) for code in content_language_codes() if code in found
        } | found
    return obj._translation_versions


def source_of(obj, record: TranslationRecord | None = None, *, cached: bool = False):
    """The version `obj` was translated from, or None when `obj` is an original.

    `cached`: take `obj`'s versions from `versions_of`, for a page being shown.
    """
    if record is not None:
        if record.source_locale_id == obj.locale_id:
            return None
        candidates = [record.source_locale.language_code]
    else:
        # No record: a version that is itself not a recorded translation is the original,
        # so only languages before `obj`'s own in the order can hold it.
        preference = source_preference()
        own_code = obj.locale.language_code
        if own_code in preference:
            preference = preference[: preference.index(own_code)]
        candidates = preference
    if not candidates:
        return None
    if cached:
        versions = {code: v for code, v in versions_of(obj).items() if v.pk != obj.pk}
    else:
        versions = {
            version.locale.language_code: version
            for version in obj.get_translations().select_related("locale")
        }
    for code in candidates:
        if code in versions:
            return _specific(versions[code])
    return None


def field_states(
    translation, source, record: TranslationRecord | None, *, cache: dict | None = None
) -> list[FieldState]:
    recorded = record.fields if record else {}
    machine = set(record.machine_fields) if record else set()
    if cache is None:
        cache = {}
    for obj in (translation, source):
        if (type(obj), obj.pk) not in cache:
            cache[type(obj), obj.pk] = fingerprints(obj)
    ours = cache[type(translation), translation.pk]
    theirs = cache[type(source), source.pk]
    states = []
    for name in translated_fields(translation):
        entry = recorded.get(name, {})
        if (
            ours[name]
            and ours[name] == theirs[name]
            and not (entry.get("checked") and entry.get("translation") == ours[name])
        ):
            status = FieldStatus.MISSING
        elif entry.get("source") is not None and entry["source"] != theirs[name]:
            status = FieldStatus.OUTDATED
        elif name in machine:
            status = FieldStatus.MACHINE
        else:
            status = FieldStatus.UP_TO_DATE
        states.append(FieldState(name, field_label(type(translation), name), status))
    return states


def translation_state(obj, *, cached: bool = False) -> TranslationState | None:
    """`obj`'s status against its source; None when `obj` is an original.

    `cached`: as for `source_of`.
    """
    obj = _specific(obj)
    record = record_for(obj)
    source = source_of(obj, record, cached=cached)
    if source is None:
        return None
    return TranslationState(obj, source, record, field_states(obj, source, record))


@dataclass
class OverviewRow:
    source: object
    language_code: str
    status: ItemStatus
    translation: object | None = None
    state: TranslationState | None = None


def translatable_snippet_models() -> list[type]:
    from wagtail.snippets.models import get_snippet_models

    return [
        model
        for model in get_snippet_models()
        if issubclass(model, TranslatableMixin) and translated_fields(model)
    ]


def overview(*, language_code: str, include_up_to_date: bool = False) -> list[OverviewRow]:
    """Every page and translatable snippet that needs work in one language.

    Missing: a live original has no version in the language. Otherwise the status of the
    version that exists (outdated, partly translated, machine translated).
    """
    return overviews(language_codes=[language_code], include_up_to_date=include_up_to_date)[
        language_code
    ]


def overviews(
    *, language_codes: list[str], include_up_to_date: bool = False
) -> dict[str, list[OverviewRow]]:
    """`overview` for several languages, reading every item and fingerprint once."""
    locales = {
        locale.language_code: locale
        for locale in Locale.objects.filter(language_code__in=language_codes)
    }
    groups = [
        Page.objects.filter(depth__gt=1).select_related("locale").specific(),
        *[model.objects.select_related("locale") for model in translatable_snippet_models()],
    ]
    records = {
        (record.locale_id, record.content_type_id, record.translation_key): record
        for record in TranslationRecord.objects.filter(locale__in=locales.values()).select_related(
            "source_locale"
        )
    }
    page_type = ContentType.objects.get_for_model(Page)
    cache: dict[tuple, dict[str, str]] = {}
    rows: dict[str, list[OverviewRow]] = {code: [] for code in language_codes}
    for items in groups:
        by_key: dict = {}
        for item in items:
            by_key.setdefault(item.translation_key, {})[item.locale.language_code] = item
        for key, versions in by_key.items():
            some = next(iter(versions.values()))
            type_id = (
                page_type.pk
                if isinstance(some, Page)
                else ContentType.objects.get_for_model(some.get_translation_model()).pk
            )
            for code, locale in locales.items():
                row = _overview_row(versions, code, records.get((locale.pk, type_id, key)), cache)
                if row is not None and (include_up_to_date or row.status != ItemStatus.UP_TO_DATE):
                    rows[code].append(row)
    order = {status: position for position, status in enumerate(ItemStatus.values[::-1])}
    for code_rows in rows.values():
        code_rows.sort(key=lambda row: (order[row.status], str(row.source)))
    return rows


def _overview_row(versions, language_code, record, cache) -> OverviewRow | None:
    translation = versions.get(language_code)
    source = _pick_source(versions, language_code, record)
    if source is None:
        return None
    if translation is None:
        if isinstance(source, Page) and not source.live:
            return None
        return OverviewRow(source, language_code, ItemStatus.MISSING)
    states = field_states(translation, source, record, cache=cache)
    state = TranslationState(translation, source, record, states)
    return OverviewRow(source, language_code, state.status, translation, state)


def _pick_source(versions: dict, language_code: str, record: TranslationRecord | None):
    if record is not None:
        return versions.get(record.source_locale.language_code)
    # No record: the first version in the preference order is the original.
    for code in source_preference():
        if code in versions:
            return None if code == language_code else versions[code]
    return None


def summary() -> list[dict]:
    """Per content language: how many items are missing, outdated, partial, machine."""
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    all_rows = overviews(language_codes=codes)
    result = []
    for code, name in settings.WAGTAIL_CONTENT_LANGUAGES:
        counts = dict.fromkeys(ItemStatus.values, 0)
        for row in all_rows.get(code, []):
            counts[row.status] += 1
        result.append({"code": code, "name": name, "counts": counts})
    return result


def translations_of(obj) -> list[dict]:
    """For an original: each other content language and where its translation stands."""
    versions = {
        version.locale.language_code: version
        for version in obj.get_translations().select_related("locale")
    }
    rows = []
    for code, name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code == obj.locale.language_code:
            continue
        version = versions.get(code)
        if version is None:
            rows.append({"code": code, "name": name, "status": ItemStatus.MISSING})
            continue
        version = _specific(version)
        state = translation_state(version)
        status = state.status if state else ItemStatus.UP_TO_DATE
        rows.append({"code": code, "name": name, "status": status, "translation": version})
    return rows


def items_needing_work(language_code: str) -> set[int]:
    """Page ids to show for the explorer filter: originals missing a translation into
    `language_code` and translations in it that are not up to date."""
    ids = set()
    for row in overview(language_code=language_code):
        if not isinstance(row.source, Page):
            continue
        ids.add(row.translation.pk if row.translation is not None else row.source.pk)
    return ids
