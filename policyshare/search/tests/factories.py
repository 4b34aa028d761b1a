"""Small content builders for the search tests: each test module builds what it needs."""

import datetime

from wagtail.models import Locale

from policyshare.boards.models import BoardPost
from policyshare.core.models import StandardPage
from policyshare.home.services import board_for, ensure_sections
from policyshare.partners.models import Partner
from policyshare.policies.models import PolicyCase, Theme


def sections():
    return ensure_sections(languages=("ko", "en"))


def publish(page):
    page.save_revision().publish()
    return page.__class__.objects.get(pk=page.pk)


def theme(*, name, slug, language="ko", popular=False):
    return Theme.objects.create(
        name=name,
        slug=slug,
        locale=Locale.objects.get(language_code=language),
        is_popular=popular,
    )


def policy(*, title, summary, language="ko", themes=(), year=2015, slug=None, **extra):
    library = sections()["policies"][language]
    page = PolicyCase(
        title=title,
        summary=summary,
        period_start_year=year,
        slug=slug or f"p-{abs(hash(title))}",
        **extra,
    )
    library.add_child(instance=page)
    page.themes.set(list(themes))
    return publish(page)


def post(*, title, summary, kind="news", language="ko", day=datetime.date(2020, 5, 1), **extra):
    board = board_for(kind=kind, language_code=language)
    page = BoardPost(
        title=title,
        summary=summary,
        registered_on=day,
        slug=f"b-{abs(hash(title))}",
        **extra,
    )
    board.add_child(instance=page)
    return publish(page)


def standard_page(*, title, introduction, language="ko"):
    home = sections()["policies"][language].get_parent()
    page = StandardPage(title=title, introduction=introduction, slug=f"s-{abs(hash(title))}")
    home.add_child(instance=page)
    return publish(page)


def partner(*, name, description, language="ko"):
    sections()
    return Partner.objects.create(
        name=name, description=description, locale=Locale.objects.get(language_code=language)
    )


def translation(page, *, language, **fields):
    """A published version of `page` in `language` (the same translation key), with `fields`
    (a title, a summary …) replaced; the parent must exist in that language."""
    copy = page.copy_for_translation(Locale.objects.get(language_code=language))
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    return publish(copy)
