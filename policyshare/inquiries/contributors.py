"""Partner-city contributors: invitation by an editor and what the account may do.

A contributor adds policy cases of their own city under the policy library in the Wagtail
editor. They cannot publish: saving for review starts the "Policy review" workflow, in which a
moderator approves, asks for changes with a comment, or rejects.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from policyshare.policies.models import PolicyLibraryPage

from .mail import queue_mail
from .models import PartnerContributor

CONTRIBUTORS_GROUP = "Contributors"
DOCUMENTS_COLLECTION = "Partner-city documents"


def is_partner_contributor(user) -> bool:
    return bool(user and user.is_authenticated and hasattr(user, "partner_contributor"))


@transaction.atomic
def ensure_contributor_access() -> Group:
    """Contributors may add pages under every policy library and upload documents to their
    own collection. Idempotent; runs on every invitation so new libraries are covered."""
    group, _created = Group.objects.get_or_create(name=CONTRIBUTORS_GROUP)
    group.permissions.add(
        Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin")
    )
    add_page = Permission.objects.get(codename="add_page", content_type__app_label="wagtailcore")
    for library in PolicyLibraryPage.objects.all():
        GroupPagePermission.objects.get_or_create(group=group, page=library, permission=add_page)
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=DOCUMENTS_COLLECTION).first()
    if collection is None:
        collection = root.add_child(name=DOCUMENTS_COLLECTION)
    for codename in ("add_document", "choose_document"):
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=collection,
            permission=Permission.objects.get(
                codename=codename, content_type__app_label="wagtaildocs"
            ),
        )
    return group


def password_link(user) -> str:
    path = reverse(
        "wagtailadmin_password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return settings.SITE_URL.rstrip("/") + path


@transaction.atomic
def invite_contributor(
    *, email: str, name: str, organisation: str, city: str, country: str, language: str, invited_by
) -> PartnerContributor:
    """Create the account (no password yet), give it contributor rights and mail a link
    with which the contributor chooses a password."""
    User = get_user_model()
    email = email.strip()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": _("An account with this e-mail address exists.")})
    group = ensure_contributor_access()
    first_name, _space, last_name = name.strip().partition(" ")
    user = User.objects.create_user(
        username=email.lower(),
        email=email,
        password=None,
        first_name=first_name[:150],
        last_name=last_name[:150],
    )
    user.groups.add(group)
    contributor = PartnerContributor.objects.create(
        user=user,
        organisation=organisation,
        city=city,
        country=country,
        invited_by=invited_by,
    )
    with translation.override(language):
        context = {
            "contributor": contributor,
            "name": name,
            "link": password_link(user),
            "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/",
        }
        subject = render_to_string("inquiries/email/invitation_subject.txt", context)
        body = render_to_string("inquiries/email/invitation.txt", context)
    queue_mail(to=email, subject=subject, body=body, redact_after_sending=True)
    return contributor
