"""Each contributing organisation gets its own group and document collection.

Until now every contributor uploaded to, and chose from, the one "Partner-city documents"
collection, so each partner city could read every other's attachments. This migration gives
every organisation of the existing contributors its own collection below that one (and a group
with add and choose permission on it), moves each contributor's uploads there, and takes the
collection permissions away from the shared "Contributors" group. The same is done for new
invitations by `inquiries.contributors.ensure_organisation`.
"""

from django.db import migrations
from django.db.models import F

CONTRIBUTORS = "Contributors"
DOCUMENTS_COLLECTION = "Partner-city documents"
# django-treebeard's materialised path, as Wagtail's Collection uses it.
STEPLEN = 4
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _step(number):
    digits = ""
    while number:
        number, remainder = divmod(number, len(ALPHABET))
        digits = ALPHABET[remainder] + digits
    return digits.rjust(STEPLEN, "0")


def _add_child(Collection, parent, name):
    # Historical models have no treebeard methods: the path is worked out by hand.
    last = (
        Collection.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .first()
    )
    number = int(last.path[-STEPLEN:], len(ALPHABET)) + 1 if last else 1
    child = Collection.objects.create(
        name=name, path=parent.path + _step(number), depth=parent.depth + 1, numchild=0
    )
    Collection.objects.filter(pk=parent.pk).update(numchild=F("numchild") + 1)
    return child


def _permission(apps, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtaildocs", model="document")
    found, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return found


def _group_name(Group, name):
    base = f"{CONTRIBUTORS}: {name}"
    candidate, number = base[:150], 1
    while Group.objects.filter(name=candidate).exists():
        number += 1
        suffix = f" ({number})"
        candidate = base[: 150 - len(suffix)] + suffix
    return candidate


def split_by_organisation(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Group = apps.get_model("auth", "Group")
    Document = apps.get_model("wagtaildocs", "Document")
    PartnerContributor = apps.get_model("inquiries", "PartnerContributor")
    ContributingOrganisation = apps.get_model("inquiries", "ContributingOrganisation")

    shared = Collection.objects.filter(depth=2, name=DOCUMENTS_COLLECTION).first()
    if shared is not None:
        # Collection permissions reach every collection below: the shared group keeps none.
        GroupCollectionPermission.objects.filter(
            group__name=CONTRIBUTORS, collection=shared
        ).delete()
    contributors = PartnerContributor.objects.filter(contributing_organisation__isnull=True)
    if not contributors.exists():
        return
    if shared is None:
        shared = _add_child(Collection, Collection.objects.get(depth=1), DOCUMENTS_COLLECTION)
    permissions = [
        _permission(apps, "add_document", "Can add document"),
        _permission(apps, "choose_document", "Can choose document"),
    ]
    for contributor in contributors.order_by("pk"):
        name = " ".join(contributor.organisation.split())
        organisation = ContributingOrganisation.objects.filter(name__iexact=name).first()
        if organisation is None:
            group = Group.objects.create(name=_group_name(Group, name))
            collection = _add_child(Collection, shared, name)
            for permission in permissions:
                GroupCollectionPermission.objects.create(
                    group=group, collection=collection, permission=permission
                )
            organisation = ContributingOrganisation.objects.create(
                name=name, group=group, collection=collection
            )
        contributor.contributing_organisation = organisation
        contributor.save(update_fields=["contributing_organisation"])
        organisation.group.user_set.add(contributor.user_id)
        Document.objects.filter(collection=shared, uploaded_by_user_id=contributor.user_id).update(
            collection=organisation.collection
        )


class Migration(migrations.Migration):
    dependencies = [
        ("inquiries", "0008_contributing_organisations"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    # Not reversed: putting every organisation's uploads back into one shared collection is
    # the leak this migration closes.
    operations = [migrations.RunPython(split_by_organisation, migrations.RunPython.noop)]
