"""Small builders for tests: each test module makes exactly the content it needs."""

import itertools
from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from policyshare.boards.models import BoardPost
from policyshare.core.models import StandardPage
from policyshare.home.services import ensure_sections
from policyshare.partners.models import Partner
from policyshare.policies.models import OutcomeIndicator, PolicyCase, Theme

_numbers = itertools.count(1)


def sections(*, languages=("ko", "en")):
    """The site skeleton. Korean and English only unless asked: every other language costs
    seven published pages, and most tests are about something else."""
    return ensure_sections(languages=languages)


def make_theme(*, language="ko", name=None, slug=None, translation_of=None, **fields):
    number = next(_numbers)
    theme = Theme(
        locale=Locale.objects.get(language_code=language),
        name=name or f"Theme {number}",
        slug=slug or f"theme-{number}",
        **fields,
    )
    if translation_of is not None:
        theme.translation_key = translation_of.translation_key
    theme.save()
    return theme


def make_policy(*, library, title=None, slug=None, themes=(), indicators=(), **fields):
    number = next(_numbers)
    fields.setdefault("summary", f"Summary of policy {number}.")
    fields.setdefault("period_start_year", 2015)
    policy = PolicyCase(
        title=title or f"Policy {number}", slug=slug or f"policy-{number}", **fields
    )
    library.add_child(instance=policy)
    for theme in themes:
        policy.themes.add(theme)
    for position, indicator in enumerate(indicators):
        OutcomeIndicator.objects.create(page=policy, sort_order=position, **indicator)
    policy.save_revision().publish()
    return PolicyCase.objects.get(pk=policy.pk)


def translate_page(page, *, language, **fields):
    """An existing page's translation, published, with some fields overridden."""
    translation = page.copy_for_translation(
        Locale.objects.get(language_code=language), copy_parents=False
    )
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return type(page).objects.get(pk=translation.pk)


def make_post(*, board, title=None, slug=None, registered_on=None, **fields):
    number = next(_numbers)
    post = BoardPost(
        title=title or f"Post {number}",
        slug=slug or f"post-{number}",
        registered_on=registered_on or date(2017, 4, 1),
        writer=fields.pop("writer", "ssunha"),
        **fields,
    )
    board.add_child(instance=post)
    post.save_revision().publish()
    return BoardPost.objects.get(pk=post.pk)


def make_partner(*, language="ko", name=None, **fields):
    number = next(_numbers)
    return Partner.objects.create(
        locale=Locale.objects.get(language_code=language),
        name=name or f"Partner {number}",
        **fields,
    )


def make_standard_page(*, parent, title="About", slug="about", **fields):
    page = StandardPage(title=title, slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return StandardPage.objects.get(pk=page.pk)


def make_admin_user(username, *, group=None, superuser=False, language="en"):
    """An admin user, a member of `group` or a superuser, reading the admin in `language`
    (the admin's default is Korean; tests read English messages)."""
    users = get_user_model().objects
    email = f"{username}@example.org"
    if superuser:
        user = users.create_superuser(username, email, "pw")
    else:
        user = users.create_user(username, email, "pw")
    if group:
        user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def make_editor(username="editor"):
    """An admin user in the Editors group, reading the admin in English."""
    return make_admin_user(username, group="Editors")
