"""Which languages the portal speaks, and where a reader is sent when content is missing.

Korean and English are complete; the other content languages may lack a translation of any
page or snippet. A page missing in the reader's language is shown from the first language in
`fallback_order()` that has it; lists in a partial language show the fallback versions of
the items that are not translated yet.
"""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.db.models import Q, QuerySet
from django.utils.translation import get_language, get_language_info
from django.utils.translation.trans_real import parse_accept_lang_header
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

from .privacy import public


def content_language_codes() -> list[str]:
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def reader_language() -> str:
    """The active language as a full content language code: "zh-hans", never "zh".

    Requests, mails, links and searches are keyed by it; cutting it to two letters gave
    Chinese readers Korean mails and links to /zh/, which does not exist.
    """
    try:
        return get_supported_content_language_variant(get_language() or settings.LANGUAGE_CODE)
    except LookupError:
        return settings.LANGUAGE_CODE


def language_from_accept_header(header: str) -> str:
    """The content language a browser's `Accept-Language` asks for; `LANGUAGE_CODE` when it
    names none of them.

    Tags are tried by q-value, highest first (ties in the header's order); a tag with q=0
    means "not this one" and is skipped. A tag matches a language exactly, through Django's
    own fallbacks (`zh-cn`, `zh-sg` → `zh-hans`), by a longer tag (`zh-hans-cn`), or by its
    primary subtag: `fr-ca` → `fr`, `es-419` → `es`, `ar-eg` → `ar`, `zh` → `zh-hans`. So
    Traditional Chinese (`zh-tw`, `zh-hk`, `zh-hant`) also gets `zh-hans`: the portal has no
    Traditional version, and Simplified reads far better to its readers than the Korean
    default; would `zh-hant` be added, Django's fallbacks send those tags to it first.
    `*` (any language) gets the default.
    """
    for tag, quality in parse_accept_lang_header(header or ""):
        if quality <= 0:
            continue
        if tag == "*":
            return settings.LANGUAGE_CODE
        found = _content_language_for_tag(tag)
        if found:
            return found
    return settings.LANGUAGE_CODE


def _content_language_for_tag(tag: str) -> str | None:
    codes = content_language_codes()
    for candidate in [tag, *LANG_INFO.get(tag, {}).get("fallback", [])]:
        if candidate in codes:
            return candidate
    longer = [code for code in codes if tag.startswith(f"{code}-")]
    if longer:
        return max(longer, key=len)
    primary = tag.split("-")[0]
    return next((code for code in codes if code.split("-")[0] == primary), None)


def fallback_chain(language_code: str) -> list[str]:
    """The reader's language, then `PORTAL_FALLBACK_LANGUAGES` (English, then Korean): where
    missing content (and, through the catalogues, interface text) is taken from."""
    return list(dict.fromkeys([language_code, *settings.PORTAL_FALLBACK_LANGUAGES]))


def fallback_order(language_code: str) -> list[str]:
    """`fallback_chain()`, then every other content language: the last resort for a page
    that exists in none of the chain's languages (the switcher never leads to a 404)."""
    return list(dict.fromkeys([*fallback_chain(language_code), *content_language_codes()]))


def with_language_prefix(url: str, old: str, new: str) -> str | None:
    """`url` with the language prefix of its path, `old`, changed to `new`; None when its
    path does not start with `old`'s prefix."""
    parts = urlsplit(url)
    prefix = f"/{old}/"
    if not parts.path.startswith(prefix):
        return None
    return urlunsplit(parts._replace(path=f"/{new}/{parts.path[len(prefix) :]}"))


def is_complete_language(language_code: str) -> bool:
    """Korean and English: every item exists in them, so their lists never borrow."""
    return language_code in settings.PORTAL_FALLBACK_LANGUAGES


def is_rtl(language_code: str) -> bool:
    try:
        return get_language_info(language_code)["bidi"]
    except KeyError:
        return False


def children_with_fallback(model, parent: Page) -> QuerySet:
    """`parent`'s children of `model` that a reader may see (live and public), plus the
    fallback versions of the ones not shown in its language.

    For Korean and English this is just the live, public children. For a partial language
    (French, …) an item that has no live, public version under `parent` is listed in the
    first fallback language that has one, so a French list is never emptier than the
    English one, and a French draft (or an unpublished, expired or private French version)
    does not hide the published English one until it is published itself.
    """
    # Read once: `public()` asks the database about restrictions each time it is called.
    visible = public(model.objects.live())
    language = parent.locale.language_code
    if is_complete_language(language):
        return visible.child_of(parent)
    translations = {
        page.locale.language_code: page
        for page in parent.get_translations().select_related("locale")
    }
    covered_parents = [parent]
    condition = _children_of_any(covered_parents)
    for code in fallback_order(language)[1:]:
        fallback_parent = translations.get(code)
        if fallback_parent is None:
            continue
        covered = visible.filter(_children_of_any(covered_parents)).values("translation_key")
        condition |= _children_of_any([fallback_parent]) & ~Q(translation_key__in=covered)
        covered_parents.append(fallback_parent)
    return visible.filter(condition)


def _children_of_any(parents) -> Q:
    condition = Q(pk__in=[])
    for parent in parents:
        condition |= Q(path__startswith=parent.path, depth=parent.depth + 1)
    return condition


def translations_with_fallback(queryset: QuerySet, locale: Locale) -> QuerySet:
    """Translatable items (snippets or pages) of `queryset` in `locale`, plus the fallback
    versions of the ones that have no version in it, each from the first language of
    `fallback_order()` that has it. Korean and English: only their own items.

    An item counts as translated only when `queryset` holds its version in that language,
    so `queryset` is what a reader may be shown: for pages `.live().public()`, so that a
    draft, unpublished or private translation does not hide the published fallback. Narrow
    by anything else (a flag, a date) after the call: `Theme.objects.live()` then
    `.filter(is_popular=True)`, or a French theme that is not popular would let the
    English one in, under its English name.
    """
    own = queryset.filter(locale=locale)
    if is_complete_language(locale.language_code):
        return own
    condition = Q(locale=locale)
    covered_locales = [locale.pk]
    locales = {
        loc.language_code: loc
        for loc in Locale.objects.filter(language_code__in=content_language_codes())
    }
    for code in fallback_order(locale.language_code)[1:]:
        fallback = locales.get(code)
        if fallback is None:
            continue
        covered = queryset.filter(locale_id__in=covered_locales).values("translation_key")
        condition |= Q(locale=fallback) & ~Q(translation_key__in=covered)
        covered_locales.append(fallback.pk)
    return queryset.filter(condition)


#: Themes, partners and other translatable snippets: `translations_with_fallback`.
snippets_with_fallback = translations_with_fallback
