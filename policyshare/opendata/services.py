"""Lossless export and import of all published content (docs/open-data.md)."""

import posixpath
from collections import Counter
from pathlib import Path

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone
from modelcluster.models import (
    ClusterableModel,
    get_all_child_relations,
    get_serializable_data_for_fields,
    model_from_serializable_data,
)
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site

from policyshare.core.models import PageViewCount
from policyshare.home.services import ensure_policy_review
from policyshare.policies.models import PolicyLibraryPage

from .archive import ArchiveError, ArchiveWriter, dump_json, read_archive

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


def _page_record(page, locales, exported_ids) -> dict:
    data = page.serializable_data()
    for name in PAGE_STATE_FIELDS:
        data.pop(name, None)
    data["locale"] = locales[data["locale"]]
    if data.get("alias_of") not in exported_ids:
        data["alias_of"] = None
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

    page_records = [_page_record(page, locales, exported_ids) for page in pages]
    snippets = {}
    for label in SNIPPET_MODELS:
        model = apps.get_model(label)
        records = []
        for obj in model.objects.order_by("pk"):
            data = get_serializable_data_for_fields(obj)
            data["locale"] = locales[data["locale"]]
            records.append({"id": obj.pk, "data": data})
        snippets[model._meta.label_lower] = records

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
    )


def _check_structure(archive) -> None:
    """Check what the checksums cannot: that records are complete and refer to each other."""
    data = archive.data
    pages = data["pages.json"]
    if not isinstance(pages, list):
        raise ArchiveError("pages.json is not a list of pages.")
    known_ids = set()
    for position, record in enumerate(pages):
        try:
            page_id, label, parent = record["id"], record["type"], record["parent"]
            record["data"]["locale"]
        except (KeyError, TypeError) as error:
            raise ArchiveError(f"Page record {position} is incomplete ({error}).") from error
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError) as error:
            raise ArchiveError(f"Page {page_id} has an unknown type {label!r}.") from error
        if not issubclass(model, Page):
            raise ArchiveError(f"Page {page_id} has a type that is not a page: {label!r}.")
        if parent is not None and parent not in known_ids:
            raise ArchiveError(f"Page {page_id} comes before its parent {parent}.")
        known_ids.add(page_id)
    for member in ("images.json", "documents.json"):
        for record in data[member]:
            if record.get("member") not in archive.files:
                raise ArchiveError(f"{member} names a file that is not in the archive.")
    for label in data["snippets.json"]:
        try:
            apps.get_model(label)
        except (LookupError, ValueError) as error:
            raise ArchiveError(f"snippets.json has an unknown model {label!r}.") from error
    counts = archive.manifest.get("counts", {})
    if counts.get("pages") != len(pages):
        raise ArchiveError("The manifest's page count does not match pages.json.")


def import_content(*, path: Path) -> dict:
    """Reproduce an exported site in this, empty, one. Nothing is written unless all is valid.

    Raises ArchiveError with the reason when the archive or the site is not fit.
    """
    archive = read_archive(Path(path))
    _check_structure(archive)
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
    finally:
        if not succeeded:
            # The transaction rolled back the rows; remove the files written for them.
            for storage, name in written_files:
                storage.delete(name)
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
    ensure_policy_review(libraries=list(PolicyLibraryPage.objects.all()))
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
