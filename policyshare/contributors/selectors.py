"""Reads for partner-city contributors: which pages and documents they may see."""

from django.db.models import Q
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page
from wagtail.permissions import policy_registry

from policyshare.core.privacy import public
from policyshare.policies.models import PolicyCase

# The group every contributor is in (made by migration inquiries/0004).
CONTRIBUTORS_GROUP = "Contributors"
# The collection below which each organisation has its own.
DOCUMENTS_COLLECTION = "Partner-city documents"


def is_partner_contributor(user) -> bool:
    return bool(user and user.is_authenticated and hasattr(user, "partner_contributor"))


def pages_visible_to_contributor(user, pages):
    """`pages` as a partner-city contributor may see them in the admin: the way down to the
    pages where their groups may add (the policy libraries and their ancestors) and the pages
    that their organisation's contributors own. Other organisations' cases, in review or
    live, are not listed; everyone else's `pages` are returned unchanged."""
    if not is_partner_contributor(user):
        return pages
    visible = Q(owner=user)
    organisation_id = user.partner_contributor.contributing_organisation_id
    if organisation_id is not None:
        visible |= Q(owner__partner_contributor__contributing_organisation_id=organisation_id)
    for granted in Page.objects.filter(group_permissions__group__user=user).distinct():
        visible |= Page.objects.ancestor_of_q(granted, inclusive=True)
    # By primary key: the page chooser's search can filter on few fields, the id among them.
    return pages.filter(pk__in=Page.objects.filter(visible).values("pk"))


def document_is_downloadable(*, document, user) -> bool:
    """Documents in "Partner-city documents" (each organisation's collection is below it)
    are downloadable by whoever may choose or edit them (their organisation, editors,
    moderators) and, once a live public policy case attaches them, by everyone. Until then
    they belong to a case in review. Every other document is public as before."""
    in_partner_collections = (
        Collection.objects.ancestor_of(document.collection, inclusive=True)
        .filter(depth=2, name=DOCUMENTS_COLLECTION)
        .exists()
    )
    if not in_partner_collections:
        return True
    policy = policy_registry.get_by_type(get_document_model())
    if user.is_authenticated and policy.user_has_any_permission_for_instance(
        user, ["choose", "change"], document
    ):
        return True
    return public(PolicyCase.objects.live().filter(attachments__document=document)).exists()
