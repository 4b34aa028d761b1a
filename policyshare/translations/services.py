"""Recording translations as they are made and saved; machine drafts; approvals."""

from django.db import transaction
from wagtail.models import DraftStateMixin, Page

from .fields import fingerprints, translated_fields
from .models import TranslationRecord
from .selectors import base_content_type, record_for, source_of


@transaction.atomic
def record_new_translation(*, source, translation) -> TranslationRecord:
    """A translation was just copied from `source`: every field starts as the source's text."""
    source = source.specific if isinstance(source, Page) else source
    translation = translation.specific if isinstance(translation, Page) else translation
    theirs = fingerprints(source)
    ours = fingerprints(translation)
    record, _created = TranslationRecord.objects.update_or_create(
        content_type=base_content_type(translation),
        translation_key=translation.translation_key,
        locale_id=translation.locale_id,
        defaults={
            "source_locale_id": source.locale_id,
            "fields": {
                name: {"source": theirs[name], "translation": ours[name]} for name in theirs
            },
            "machine_fields": [],
        },
    )
    return record


@transaction.atomic
def record_saved_translation(*, translation) -> TranslationRecord | None:
    """A translation was published (a page) or saved (a snippet).

    A field whose text the editor changed is now a translation of the source as it is
    today; a field left alone keeps the fingerprint it had, so an outdated field stays
    outdated until someone updates it or marks it as checked.
    """
    record = record_for(translation)
    source = source_of(translation, record)
    if source is None:
        return None
    theirs = fingerprints(source)
    ours = fingerprints(translation)
    if record is None:
        # A translation made outside Wagtail's copy (an import): take it as it stands.
        record = TranslationRecord(
            content_type=base_content_type(translation),
            translation_key=translation.translation_key,
            locale_id=translation.locale_id,
            source_locale_id=source.locale_id,
            fields={},
        )
        for name in theirs:
            record.fields[name] = {"source": theirs[name], "translation": ours[name]}
        record.save()
        return record
    for name in theirs:
        entry = record.fields.get(name)
        if entry is None or entry.get("translation") != ours[name]:
            record.fields[name] = {"source": theirs[name], "translation": ours[name]}
    record.save()
    return record


@transaction.atomic
def mark_checked(*, translation, field_names) -> TranslationRecord | None:
    """An editor confirms fields are right as they are (a name that reads the same in every
    language, or a source change that needs no new translation)."""
    record = record_for(translation)
    source = source_of(translation, record)
    if source is None:
        return None
    if record is None:
        record = TranslationRecord(
            content_type=base_content_type(translation),
            translation_key=translation.translation_key,
            locale_id=translation.locale_id,
            source_locale_id=source.locale_id,
        )
    theirs = fingerprints(source)
    ours = fingerprints(translation)
    for name in field_names:
        if name in theirs:
            record.fields[name] = {
                "source": theirs[name],
                "translation": ours[name],
                "checked": True,
            }
    record.save()
    return record


@transaction.atomic
def approve_machine_translation(*, translation, field_names=None) -> TranslationRecord | None:
    """An editor reviewed machine-translated fields (all of them unless named)."""
    record = record_for(translation)
    if record is None:
        return None
    if field_names is None:
        record.machine_fields = []
    else:
        record.machine_fields = [f for f in record.machine_fields if f not in field_names]
    record.save(update_fields=["machine_fields", "updated_at"])
    return record


@transaction.atomic
def draft_machine_translation(*, translation, backend, user=None) -> list[str]:
    """Fill a translation's text fields from its source through `backend`.

    Pages and themes (anything with Wagtail's draft state) get a new draft revision, never
    published; other snippets (partners), which have no drafts, are saved. The filled
    fields stay marked as machine translated until an editor approves them. Returns the
    names of the fields filled.
    """
    from .machine import translate_fields

    record = record_for(translation)
    source = source_of(translation, record)
    if source is None:
        raise ValueError("This item is an original, not a translation.")
    if isinstance(translation, Page):
        target = translation.specific.get_latest_revision_as_object()
    elif isinstance(translation, DraftStateMixin):
        target = translation.get_latest_revision_as_object()
    else:
        target = translation
    filled = translate_fields(
        source=source,
        target=target,
        field_names=translated_fields(target),
        backend=backend,
        source_language=source.locale.language_code,
        target_language=translation.locale.language_code,
    )
    if not filled:
        return []
    if isinstance(target, DraftStateMixin):
        target.save_revision(user=user, log_action=True)
    else:
        target.save()
    record = record_for(translation) or record_saved_translation(translation=translation)
    if record is not None:
        record.machine_fields = sorted(set(record.machine_fields) | set(filled))
        record.save(update_fields=["machine_fields", "updated_at"])
    return filled
