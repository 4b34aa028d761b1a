"""Writes on policies and themes."""

from django.db import transaction
from wagtail.models import Locale

from policyshare.core.languages import fallback_order

from .models import PolicyCase, Theme


@transaction.atomic
def themes_in_locale(*, themes, locale: Locale) -> list[Theme]:
    """Each theme's version in `locale`, in the same order.

    Found by translation key, else by slug (a theme's slug is the same in every language,
    and the library's `?theme=` filter relies on it). A theme with neither is copied into
    `locale` with Wagtail's `copy_for_translation`, from its version in the first language
    of `locale`'s fallback order (English, then Korean), so that a Spanish page shows an
    English theme name rather than a Korean one until it is translated. The copy is saved
    as a draft (`live=False`): readers keep seeing the published fallback version until an
    editor translates and publishes it, and the translations app records its text as still
    the source's (the Translations dashboard lists it as needing translation).
    """
    found = {}
    for theme in themes:
        if theme.locale_id == locale.pk:
            target = theme
        else:
            target = (
                Theme.objects.filter(locale=locale, translation_key=theme.translation_key).first()
                or Theme.objects.filter(locale=locale, slug=theme.slug).first()
            )
            if target is None:
                target = _copy_source(theme, locale).copy_for_translation(locale)
                target.save()
        found.setdefault(target.pk, target)
    return list(found.values())


def _copy_source(theme: Theme, locale: Locale) -> Theme:
    versions = {
        version.locale.language_code: version
        for version in Theme.objects.filter(translation_key=theme.translation_key).select_related(
            "locale"
        )
    }
    for code in fallback_order(locale.language_code)[1:]:
        if code in versions:
            return versions[code]
    return theme


@transaction.atomic
def localize_policy_themes(*, policy: PolicyCase) -> list[Theme]:
    """Link a policy just copied for translation to the themes of its own language.

    Wagtail's copy keeps the source's links (Korean themes on an English copy); the editor
    would find no theme ticked, since the form offers only the page's language, and saving
    would drop them. Both the page and the draft the editor opens are updated.
    """
    draft = policy.get_latest_revision_as_object()
    themes = list(draft.themes.all())
    if all(theme.locale_id == policy.locale_id for theme in themes):
        return themes
    localized = themes_in_locale(themes=themes, locale=policy.locale)
    policy.themes = localized
    policy.save(clean=False, update_fields=["themes"])
    if policy.latest_revision is not None:
        # Rewrite the copy's own first revision rather than adding one: a second revision
        # would show in the page's history as an edit nobody made.
        draft.themes = localized
        revision = policy.latest_revision
        revision.content = draft.serializable_data()
        revision.save(update_fields=["content"])
    return localized
