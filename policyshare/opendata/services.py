"""Lossless export and import of all published content (docs/open-data.md)."""

import posixpath
from collections import Counter
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.core.files.base import ContentFile
from django.core.files.utils import validate_file_name
from django.core.management.color import no_style
from django.db import DataError, IntegrityError, connection, transaction
from django.utils import timezone
from modelcluster.models import (
    ClusterableModel,
    get_all_child_m2m_relations,
    get_all_child_relations,
    get_serializable_data_for_fields,
    model_from_serializable_data,
)
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, DraftStateMixin, Locale, Page, Site, get_page_models

from policyshare.core.models import PageViewCount

from .archive import ArchiveError, ArchiveWriter, dump_json, read_archive
from .records import ExportContext, ImportContext, archive_records
from .richtext import UnsafeContent, clean_fields
from .validation import InvalidValue, validate_fields

# Apps' functions run at the end of an import, in its transaction (Wagtail hook).
AFTER_IMPORT_HOOK = "after_content_import"
# Translatable snippets, by model label. Another snippet joins the archive by being listed here.
SNIPPET_MODELS = ["policies.Theme", "partners.Partner"]
# Page fields that describe editing state or are rebuilt on import, not published content.
PAGE_STATE_FIELDS = {
    "content_type",
    "draft_title",
    "expired",
    "has_unpublished_changes",
    "latest_revision",
    "latest_revision_created_at",
    "live",
    "live_revision",
    "locked",
    "locked_at",
    "locked_by",
    "numchild",
    "owner",
    "comments",
    "wagtail_admin_comments",
}
MEDIA_STATE_FIELDS = {"uploaded_by_user", "collection", "tags", "tagged_items"}
# Snippet fields of Wagtail's draft state (themes): only published snippets are exported, and
# an imported one is published, without the revisions the export does not carry.
SNIPPET_STATE_FIELDS = {
    "expire_at",
    "expired",
    "go_live_at",
    "has_unpublished_changes",
    "latest_revision",
    "live",
    "live_revision",
}


# --- Export ------------------------------------------------------------------------------


def exported_pages() -> list[Page]:
    """Live, public pages whose ancestors are all exported, in tree order (parents first)."""
    root = Page.get_first_root_node()
    placeholder = ContentType.objects.get_for_model(Page)
    candidates = (
        Page.objects.live()
        .public()
        .filter(depth__gt=1)
        .exclude(content_type=placeholder)
        .order_by("path")
        .specific()
    )
    kept_paths = {root.path}
    pages = []
    for page in candidates:
        if page.path[: -Page.steplen] in kept_paths:
            kept_paths.add(page.path)
            pages.append(page)
    return pages


def _locale_codes() -> dict[int, str]:
    return dict(Locale.objects.values_list("pk", "language_code"))


def _page_record(page, locales, exported_ids, exported_snippets) -> dict:
    data = page.serializable_data()
    for name in PAGE_STATE_FIELDS:
        data.pop(name, None)
    # A link to a snippet that is not exported (a draft theme) is left out with it.
    for field in get_all_child_m2m_relations(type(page)):
        kept = exported_snippets.get(field.related_model)
        if kept is not None and isinstance(data.get(field.name), list):
            data[field.name] = [pk for pk in data[field.name] if pk in kept]
    data["locale"] = locales[data["locale"]]
    if data.get("alias_of") not in exported_ids:
        data["alias_of"] = None
    # So is a link to a page that is not exported (a policy's successor still in draft).
    for field in type(page)._meta.concrete_fields:
        if (
            field.many_to_one
            and not field.remote_field.parent_link
            and issubclass(field.related_model, Page)
            and data.get(field.name) not in exported_ids
        ):
            data[field.name] = None
    return {
        "id": page.pk,
        "type": page._meta.label_lower,
        "parent": page._export_parent_id,
        "data": data,
    }


def _media_record(obj, folder: str) -> tuple[dict, str, bytes]:
    data = get_serializable_data_for_fields(obj)
    for name in MEDIA_STATE_FIELDS:
        data.pop(name, None)
    with obj.file.open("rb") as handle:
        content = handle.read()
    member = f"files/{folder}/{obj.pk}/{posixpath.basename(obj.file.name)}"
    return {"id": obj.pk, "member": member, "data": data}, member, content


def export_content(*, path: Path) -> dict:
    """Write every published page, snippet, image, document and view count to an archive.

    Returns the manifest.
    """
    writer = ArchiveWriter(Path(path))
    locales = _locale_codes()
    pages = exported_pages()
    ids_by_path = {page.path: page.pk for page in pages}
    root = Page.get_first_root_node()
    ids_by_path[root.path] = None
    for page in pages:
        page._export_parent_id = ids_by_path[page.path[: -Page.steplen]]
    exported_ids = {page.pk for page in pages}

    snippets = {}
    exported_snippets = {}
    for label in SNIPPET_MODELS:
        model = apps.get_model(label)
        records = []
        objects = model.objects.order_by("pk")
        if issubclass(model, DraftStateMixin):
            objects = objects.filter(live=True)
        for obj in objects:
            data = get_serializable_data_for_fields(obj)
            for name in SNIPPET_STATE_FIELDS:
                data.pop(name, None)
            data["locale"] = locales[data["locale"]]
            records.append({"id": obj.pk, "data": data})
        snippets[model._meta.label_lower] = records
        exported_snippets[model] = {record["id"] for record in records}
    page_records = [_page_record(page, locales, exported_ids, exported_snippets) for page in pages]
    context = ExportContext(
        page_ids=frozenset(exported_ids),
        snippet_ids={
            model._meta.label_lower: frozenset(ids) for model, ids in exported_snippets.items()
        },
    )
    app_records = {name: part.export(context) for name, part in archive_records().items()}

    media = {}
    for member, model, folder in [
        ("images.json", get_image_model(), "images"),
        ("documents.json", get_document_model(), "documents"),
    ]:
        records = []
        for obj in model.objects.order_by("pk"):
            record, file_member, content = _media_record(obj, folder)
            records.append(record)
            writer.add(file_member, content)
        media[member] = records

    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    site_record = (
        {
            "hostname": site.hostname,
            "port": site.port,
            "site_name": site.site_name,
            "root_page": site.root_page_id if site.root_page_id in exported_ids else None,
        }
        if site
        else None
    )
    view_counts = [
        {"page": page_id, "count": count}
        for page_id, count in PageViewCount.objects.filter(page_id__in=exported_ids)
        .order_by("page_id")
        .values_list("page_id", "count")
    ]

    writer.add("locales.json", dump_json(sorted(set(locales.values()))))
    writer.add("site.json", dump_json(site_record))
    writer.add("images.json", dump_json(media["images.json"]))
    writer.add("documents.json", dump_json(media["documents.json"]))
    writer.add("snippets.json", dump_json(snippets))
    writer.add("pages.json", dump_json(page_records))
    writer.add("view_counts.json", dump_json(view_counts))
    writer.add("records.json", dump_json(app_records))

    counts = {
        "pages": len(page_records),
        "images": len(media["images.json"]),
        "documents": len(media["documents.json"]),
        "view_counts": len(view_counts),
        **{label: len(records) for label, records in snippets.items()},
    }
    counts.update(
        {f"pages.{label}": n for label, n in Counter(r["type"] for r in page_records).items()}
    )
    parts = archive_records()
    for name, data in app_records.items():
        counts.update({f"{name}.{kind}": n for kind, n in parts[name].counts(data).items()})
    return writer.write(created=timezone.now(), counts=dict(sorted(counts.items())))


# --- Import ------------------------------------------------------------------------------


def site_is_empty() -> bool:
    """True on a freshly migrated site: only the tree root and Wagtail's placeholder page."""
    placeholder = ContentType.objects.get_for_model(Page)
    return not (
        Page.objects.filter(depth__gt=1).exclude(content_type=placeholder).exists()
        or get_image_model().objects.exists()
        or get_document_model().objects.exists()
        or any(apps.get_model(label).objects.exists() for label in SNIPPET_MODELS)
        or not all(part.is_empty() for part in archive_records().values())
    )


# --- What an archive may hold: exactly what the export writes -----------------------------
#
# The checksums show damage in transit, not intent: an archive is data from outside. Only the
# models the export writes are read, each with only the fields it writes for them, so an
# archive cannot create a user, set a page's owner or content type, or fill any other model.


def _model_fields(model, *, leave_out=frozenset()) -> set[str]:
    """The keys get_serializable_data_for_fields writes for `model` (what the export uses)."""
    return ({"pk"} | {field.name for field in model._meta.fields if field.serialize}) - leave_out


def _cluster_fields(model, *, leave_out=frozenset()) -> set[str]:
    """The keys ClusterableModel.serializable_data writes: fields, child rows, m2m ids."""
    names = _model_fields(model) | {
        relation.get_accessor_name() for relation in get_all_child_relations(model)
    }
    names |= {field.name for field in get_all_child_m2m_relations(model) if field.serialize}
    return names - leave_out


def exported_page_types() -> dict[str, type[Page]]:
    """Every page type the export can write, by label (Wagtail's placeholder is not one)."""
    return {model._meta.label_lower: model for model in get_page_models() if model is not Page}


def exported_snippet_types() -> dict[str, type]:
    return {model._meta.label_lower: model for model in map(apps.get_model, SNIPPET_MODELS)}


def _is_id(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _record(record, keys: set[str], where: str) -> None:
    if not isinstance(record, dict) or set(record) != keys:
        raise ArchiveError(f"{where} is not a record of {', '.join(sorted(keys))}.")
    if "id" in keys and not _is_id(record["id"]):
        raise ArchiveError(f"{where} has an id that is not a positive whole number.")


def _check_fields(model, data, where: str, allowed: set[str], record_id=None) -> int:
    """Refuse unknown fields and invalid values, clean rich text in place; returns how many
    values were cleaned."""
    if not isinstance(data, dict):
        raise ArchiveError(f"{where} has no field data.")
    unknown = set(data) - allowed
    if unknown:
        raise ArchiveError(
            f"{where} has fields the export does not write: {', '.join(sorted(unknown))}."
        )
    if record_id is not None and data.get("pk") != record_id:
        raise ArchiveError(f"{where} has a pk that is not its id.")
    try:
        cleaned = clean_fields(model, data)
        validate_fields(model, data)
    except UnsafeContent as error:
        raise ArchiveError(f"{where} has rich text that cannot be cleaned: {error}.") from error
    except InvalidValue as error:
        raise ArchiveError(f"{where} has a value that is not valid: {error}") from error
    for relation in get_all_child_relations(model):
        name = relation.get_accessor_name()
        if name not in data:
            continue
        rows = data[name]
        if not isinstance(rows, list):
            raise ArchiveError(f"{where}: {name} is not a list of rows.")
        child = relation.related_model
        child_fields = (
            _cluster_fields(child) if hasattr(child, "serializable_data") else _model_fields(child)
        )
        for row in rows:
            cleaned += _check_fields(child, row, f"{where}, a row of {name},", child_fields)
    return cleaned


def _check_locale(data, locales, where: str) -> None:
    if data.get("locale") not in locales:
        raise ArchiveError(f"{where} has a language that is not in locales.json.")


def _check_structure(archive) -> int:
    """Check what the checksums cannot: that the archive holds only what the export writes,
    complete and referring to itself. Cleans rich text in place; returns how many values."""
    data = archive.data
    cleaned = 0
    content_languages = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    locales = data["locales.json"]
    if not isinstance(locales, list) or not set(locales) <= content_languages:
        raise ArchiveError(
            "locales.json names languages this site does not publish in "
            f"(it publishes {', '.join(sorted(content_languages))})."
        )

    pages = data["pages.json"]
    if not isinstance(pages, list):
        raise ArchiveError("pages.json is not a list of pages.")
    page_types = exported_page_types()
    root_path = Page.get_first_root_node().path
    known = {}  # page id: (path, depth)
    sibling_slugs = set()  # (parent id, slug): what Page.clean() checks in the database
    for position, record in enumerate(pages):
        _record(record, {"id", "type", "parent", "data"}, f"Page record {position}")
        page_id, label, parent = record["id"], record["type"], record["parent"]
        if page_id in known:
            raise ArchiveError(f"Page {page_id} appears twice in pages.json.")
        model = page_types.get(label)
        if model is None:
            raise ArchiveError(f"Page {page_id} has an unknown type {label!r}.")
        if parent is not None and parent not in known:
            raise ArchiveError(f"Page {page_id} comes before its parent {parent}.")
        where = f"Page {page_id} ({label})"
        fields = record["data"]
        cleaned += _check_fields(
            model, fields, where, _cluster_fields(model, leave_out=PAGE_STATE_FIELDS), page_id
        )
        _check_locale(fields, locales, where)
        # The tree position is stored as it is (see _import): it must be under the parent.
        parent_path, parent_depth = known[parent] if parent else (root_path, 1)
        path, depth = fields.get("path"), fields.get("depth")
        if not (
            isinstance(path, str)
            and len(path) == len(parent_path) + Page.steplen
            and path.startswith(parent_path)
            and depth == parent_depth + 1
        ):
            raise ArchiveError(f"{where} is not placed under its parent in the tree.")
        known[page_id] = (path, depth)
        if (parent, fields.get("slug")) in sibling_slugs:
            raise ArchiveError(f"{where} has the slug of another page under the same parent.")
        sibling_slugs.add((parent, fields.get("slug")))

    snippets = data["snippets.json"]
    snippet_types = exported_snippet_types()
    if not isinstance(snippets, dict):
        raise ArchiveError("snippets.json is not an object of snippet lists.")
    for label, records in snippets.items():
        model = snippet_types.get(label)
        if model is None:
            raise ArchiveError(
                f"snippets.json names {label!r}, which the export does not write "
                f"(it writes {', '.join(sorted(snippet_types))})."
            )
        if not isinstance(records, list):
            raise ArchiveError(f"snippets.json: {label} is not a list.")
        seen = set()
        for record in records:
            _record(record, {"id", "data"}, f"A {label} snippet")
            where = f"Snippet {label} {record['id']}"
            if record["id"] in seen:
                raise ArchiveError(f"{where} appears twice in snippets.json.")
            seen.add(record["id"])
            cleaned += _check_fields(
                model,
                record["data"],
                where,
                _model_fields(model, leave_out=SNIPPET_STATE_FIELDS),
                record["id"],
            )
            _check_locale(record["data"], locales, where)

    for member, model in [
        ("images.json", get_image_model()),
        ("documents.json", get_document_model()),
    ]:
        if not isinstance(data[member], list):
            raise ArchiveError(f"{member} is not a list.")
        seen = set()
        allowed = _model_fields(model, leave_out=MEDIA_STATE_FIELDS)
        for record in data[member]:
            _record(record, {"id", "member", "data"}, f"A record in {member}")
            where = f"{member}: {model._meta.model_name} {record['id']}"
            if record["id"] in seen:
                raise ArchiveError(f"{where} appears twice.")
            seen.add(record["id"])
            if record["member"] not in archive.files:
                raise ArchiveError(f"{member} names a file that is not in the archive.")
            cleaned += _check_fields(model, record["data"], where, allowed, record["id"])
            name = record["data"].get("file")
            try:
                validate_file_name(name if isinstance(name, str) else "", allow_relative_path=True)
            except SuspiciousFileOperation as error:
                raise ArchiveError(f"{where} has a file name that is not allowed.") from error

    view_counts = data["view_counts.json"]
    if not isinstance(view_counts, list):
        raise ArchiveError("view_counts.json is not a list.")
    counted = set()
    for row in view_counts:
        _record(row, {"page", "count"}, "A row of view_counts.json")
        if row["page"] not in known or row["page"] in counted:
            raise ArchiveError("view_counts.json counts a page that is not in the archive.")
        if not isinstance(row["count"], int) or row["count"] < 0:
            raise ArchiveError("view_counts.json has a count that is not a whole number.")
        counted.add(row["page"])

    site = data["site.json"]
    if site is not None:
        _record(site, {"hostname", "port", "site_name", "root_page"}, "site.json")
        if site["root_page"] is not None and site["root_page"] not in known:
            raise ArchiveError("site.json names a root page that is not in the archive.")

    counts = archive.manifest.get("counts", {})
    if counts.get("pages") != len(pages):
        raise ArchiveError("The manifest's page count does not match pages.json.")

    records = data["records.json"]
    parts = archive_records()
    if not isinstance(records, dict):
        raise ArchiveError("records.json is not an object of record sets.")
    unknown = set(records) - set(parts)
    if unknown:
        raise ArchiveError(
            f"records.json holds {', '.join(sorted(unknown))}, which this site does not import "
            f"(it imports {', '.join(parts) or 'none'})."
        )
    context = ImportContext(
        pages={record["id"]: record for record in pages},
        snippets={
            label: {record["id"]: record["data"] for record in records_of_label}
            for label, records_of_label in snippets.items()
        },
    )
    for name, part_data in records.items():
        parts[name].check(part_data, context)
    return cleaned


def import_content(*, path: Path) -> dict:
    """Reproduce an exported site in this, empty, one. Nothing is written unless all is valid.

    Raises ArchiveError with the reason when the archive or the site is not fit.
    """
    archive = read_archive(Path(path))
    cleaned = _check_structure(archive)
    if not site_is_empty():
        raise ArchiveError(
            "This site already has content; import only into a freshly migrated database."
        )
    written_files: list[tuple] = []
    succeeded = False
    try:
        with transaction.atomic():
            counts = _import(archive, written_files)
        succeeded = True
    except (IntegrityError, DataError, ValidationError) as error:
        # Checked records can still clash in the database (two child rows with one id) or
        # hold a value a column refuses; the whole archive is refused like any other fault.
        raise ArchiveError(f"The archive's records could not be written ({error}).") from error
    finally:
        if not succeeded:
            # The transaction rolled back the rows; remove the files written for them.
            for storage, name in written_files:
                storage.delete(name)
    if cleaned:
        counts["rich text values cleaned"] = cleaned
    return counts


def _import(archive, written_files) -> dict:
    data = archive.data
    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0].pk
        for code in data["locales.json"]
    }
    root_collection = Collection.get_first_root_node()
    saved_models = set()

    for member, model in [
        ("images.json", get_image_model()),
        ("documents.json", get_document_model()),
    ]:
        storage = model._meta.get_field("file").storage
        for record in data[member]:
            obj = model_from_serializable_data(model, record["data"], check_fks=False)
            name = storage.save(
                record["data"]["file"], ContentFile(archive.files[record["member"]])
            )
            written_files.append((storage, name))
            obj.file.name = name
            obj.collection = root_collection
            obj.save()
            _restore_automatic_dates(obj, record["data"])
        saved_models.add(model)

    for label, records in data["snippets.json"].items():
        model = apps.get_model(label)
        for record in records:
            fields = dict(record["data"])
            fields["locale"] = locales[fields["locale"]]
            model_from_serializable_data(model, fields, check_fks=False).save()
        saved_models.add(model)

    parts = archive_records()
    for name, part_data in data["records.json"].items():
        saved_models |= parts[name].write_before_pages(part_data)

    # Wagtail's placeholder page (and the site on it) holds no content: the import replaces it.
    Page.objects.filter(depth__gt=1).delete()
    root = Page.get_first_root_node()
    children = Counter(record["parent"] for record in data["pages.json"])
    for record in data["pages.json"]:
        model = apps.get_model(record["type"])
        fields = dict(record["data"])
        fields["locale"] = locales[fields["locale"]]
        page = model.from_serializable_data(fields, check_fks=False)
        page.content_type = ContentType.objects.get_for_model(model)
        page.numchild = children[record["id"]]
        page.live = True
        page.has_unpublished_changes = False
        page.draft_title = page.title
        # The archive carries the page's place in the tree (path, depth, url_path), so it is
        # stored as it is: Page.save() would recompute url_path from a parent row instead.
        ClusterableModel.save(page)
        saved_models.add(model)
        for relation in get_all_child_relations(model):
            saved_models.add(relation.related_model)
    Page.objects.filter(pk=root.pk).update(numchild=children[None])
    for record in data["pages.json"]:
        page = Page.objects.get(pk=record["id"]).specific
        revision = page.save_revision(clean=False, changed=False)
        Page.objects.filter(pk=page.pk).update(
            live_revision=revision, has_unpublished_changes=False
        )

    PageViewCount.objects.bulk_create(
        PageViewCount(page_id=row["page"], count=row["count"]) for row in data["view_counts.json"]
    )
    # Apps' other records refer to pages and snippets, which are in the database by now.
    for name, part_data in data["records.json"].items():
        saved_models |= parts[name].write(part_data)
    _reset_sequences(saved_models | {Page})

    site_record = data["site.json"]
    if site_record and site_record.get("root_page"):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname=site_record["hostname"],
                port=site_record["port"],
                site_name=site_record["site_name"],
                root_page_id=site_record["root_page"],
                is_default_site=True,
            )
        else:
            site.root_page_id = site_record["root_page"]
            site.site_name = site_record["site_name"]
            site.save()
    # What the archive does not carry but the apps attach to its pages (the policy review
    # workflow): each app restores it in an `after_content_import` hook of its own.
    for hook in hooks.get_hooks(AFTER_IMPORT_HOOK):
        hook()
    return dict(archive.manifest["counts"])


def _restore_automatic_dates(obj, data) -> None:
    """Put back dates that saving stamps with the current time (auto_now_add: created_at)."""
    model = type(obj)
    values = {
        field.name: field.to_python(data[field.name])
        for field in model._meta.concrete_fields
        if getattr(field, "auto_now_add", False) or getattr(field, "auto_now", False)
        if data.get(field.name) is not None
    }
    if values:
        model.objects.filter(pk=obj.pk).update(**values)


def _reset_sequences(models) -> None:
    """Rows were inserted with their exported ids: move the id sequences past them."""
    statements = connection.ops.sequence_reset_sql(no_style(), sorted(models, key=str))
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
