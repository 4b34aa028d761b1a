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


def linked_fields(model) -> list:
    """The fields by which a page of `model` links to themes or policies: many-to-many
    fields and foreign keys (a policy's themes, an event's related policies, a theme page's
    theme)."""
    return [
        field
        for field in model._meta.get_fields()
        if field.concrete
        and (field.many_to_many or field.many_to_one)
        and field.related_model in (Theme, PolicyCase)
    ]


@transaction.atomic
def localize_links(*, page) -> bool:
    """Link a page just copied for translation to the themes and policies of its own
    language. Returns whether anything changed.

    Wagtail's copy keeps the source's links (Korean themes on an English copy): readers of
    the copy would be sent to Korean content, and the editor would find nothing ticked, since
    the form offers the page's language first. A theme missing in the language is copied as
    a draft (`themes_in_locale`); a policy missing in it stays linked as it is, and readers
    get its fallback version. Both the page and the draft the editor opens are updated.
    """
    fields = linked_fields(type(page))
    if not fields:
        return False
    draft = page.get_latest_revision_as_object()
    changed = []
    for field in fields:
        if field.many_to_many:
            linked = list(getattr(draft, field.name).all())
        else:
            target = getattr(draft, field.name)
            linked = [target] if target is not None else []
        if all(item.locale_id == page.locale_id for item in linked):
            continue
        localized = _in_locale(field.related_model, linked, page.locale)
        value = localized if field.many_to_many else localized[0]
        setattr(page, field.name, value)
        setattr(draft, field.name, value)
        changed.append(field.name)
    if not changed:
        return False
    page.save(clean=False, update_fields=changed)
    if page.latest_revision is not None:
        # Rewrite the copy's own first revision rather than adding one: a second revision
        # would show in the page's history as an edit nobody made.
        revision = page.latest_revision
        revision.content = draft.serializable_data()
        revision.save(update_fields=["content"])
    return True


def _in_locale(model, items: list, locale: Locale) -> list:
    if model is Theme:
        return themes_in_locale(themes=items, locale=locale)
    found = {}
    for item in items:
        target = (
            model.objects.filter(locale=locale, translation_key=item.translation_key).first()
            if item.locale_id != locale.pk
            else None
        ) or item
        found.setdefault(target.pk, target)
    return list(found.values())
