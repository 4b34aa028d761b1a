"""Partner-city contributors: invitation by an editor and what the account may do.

A contributor adds policy cases of their own city under the policy library in the Wagtail
editor. They cannot publish: saving for review starts the "Policy review" workflow, in which a
moderator approves, asks for changes with a comment, or rejects. Each contributing
organisation has its own group and document collection, so partner cities never see each
other's uploads (docs/requests.md, "One organisation, one collection").
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
from wagtail.admin.localization import get_available_admin_languages
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission
from wagtail.users.models import UserProfile

from policyshare.mail.services import queue_mail
from policyshare.policies.models import PolicyLibraryPage

from .models import ContributingOrganisation, PartnerContributor
from .selectors import CONTRIBUTORS_GROUP, DOCUMENTS_COLLECTION


@transaction.atomic
def ensure_contributor_access() -> Group:
    """Contributors may sign in and add pages under every policy library. Idempotent; runs on
    every invitation so new libraries are covered. Documents are per organisation
    (`ensure_organisation`), so this group has no collection permission: one here would
    reach every organisation's collection below it."""
    group, _created = Group.objects.get_or_create(name=CONTRIBUTORS_GROUP)
    group.permissions.add(
        Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin")
    )
    add_page = Permission.objects.get(codename="add_page", content_type__app_label="wagtailcore")
    for library in PolicyLibraryPage.objects.all():
        GroupPagePermission.objects.get_or_create(group=group, page=library, permission=add_page)
    return group


def _documents_root() -> Collection:
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=DOCUMENTS_COLLECTION).first()
    return collection or root.add_child(name=DOCUMENTS_COLLECTION)


def _organisation_group_name(name: str) -> str:
    """ "Contributors: <organisation>", within Group.name's 150 characters and never the
    name of an existing group: two organisations must not share one."""
    base = f"{CONTRIBUTORS_GROUP}: {name}"
    candidate, number = base[:150], 1
    while Group.objects.filter(name=candidate).exists():
        number += 1
        suffix = f" ({number})"
        candidate = base[: 150 - len(suffix)] + suffix
    return candidate


@transaction.atomic
def ensure_organisation(*, name: str) -> ContributingOrganisation:
    """The organisation's own group and document collection (under "Partner-city
    documents"), created on its first invitation; names match whatever their case."""
    name = " ".join(name.split())
    organisation = ContributingOrganisation.objects.filter(name__iexact=name).first()
    if organisation is not None:
        return organisation
    group = Group.objects.create(name=_organisation_group_name(name))
    collection = _documents_root().add_child(name=name)
    for codename in ("add_document", "choose_document"):
        GroupCollectionPermission.objects.create(
            group=group,
            collection=collection,
            permission=Permission.objects.get(
                codename=codename, content_type__app_label="wagtaildocs"
            ),
        )
    return ContributingOrganisation.objects.create(name=name, group=group, collection=collection)


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
    organisation_access = ensure_organisation(name=organisation)
    first_name, _space, last_name = name.strip().partition(" ")
    user = User.objects.create_user(
        username=email.lower(),
        email=email,
        password=None,
        first_name=first_name[:150],
        last_name=last_name[:150],
    )
    user.groups.add(group, organisation_access.group)
    contributor = PartnerContributor.objects.create(
        user=user,
        organisation=organisation,
        contributing_organisation=organisation_access,
        city=city,
        country=country,
        language=language,
        invited_by=invited_by,
    )
    _speak_admin_language(user, language)
    subject, body = render_invitation(contributor, name=name, link=password_link(user))
    queue_mail(to=email, subject=subject, body=body, language=language, redact_after_sending=True)
    return contributor


def _speak_admin_language(user, language: str) -> None:
    """The contributor's admin in the invitation's language (the admin's default is Korean)."""
    if language in dict(get_available_admin_languages()):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save(update_fields=["preferred_language"])


def admin_labels(language: str) -> dict:
    """What the invitation tells the contributor to click, as their admin labels it in
    `language`: the same msgids, through the same catalogues, as Wagtail's menu and action
    menu (the "Pages" menu item; "Submit to <workflow>", the submit action when the library
    has a workflow, as ours do, else "Submit for moderation"), and the library's title in
    that language."""
    with translation.override(language):
        library = (
            PolicyLibraryPage.objects.filter(locale__language_code=language).first()
            or PolicyLibraryPage.objects.filter(locale__language_code="en").first()
        )
        workflow = library.get_workflow() if library else None
        if workflow is not None:
            submit = _("Submit to %(workflow_name)s") % {"workflow_name": workflow.name}
        else:
            submit = _("Submit for moderation")
        return {
            "pages_label": _("Pages"),
            "library_title": library.title if library else "",
            "submit_label": submit,
        }


def render_invitation(contributor, *, name: str, link: str) -> tuple[str, str]:
    """Subject and body of the invitation, in the language the editor chose for it."""
    with translation.override(contributor.language):
        context = {
            "contributor": contributor,
            "name": name,
            "link": link,
            "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/",
            **admin_labels(contributor.language),
        }
        subject = render_to_string("contributors/email/invitation_subject.txt", context)
        body = render_to_string("contributors/email/invitation.txt", context)
    return subject, body
