"""The skeleton every portal needs: locales, a home page per language and the site."""

from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from policyshare.core.languages import content_language_codes
from policyshare.core.models import ReviewTask, StandardPage

from .models import HomePage
from .site_pages import SITE_PAGES

# Declared in settings so that shared code (metadata, feeds) can name the site without
# importing this app.
HOME_TITLES = settings.SITE_NAMES


def _copy_source(pages: dict, code: str):
    """The version a new translation starts from: English for the partial languages, whose
    readers are more likely to read English than Korean, else the default language."""
    if code != settings.LANGUAGE_CODE and "en" in pages and code != "en":
        return pages["en"]
    return pages[settings.LANGUAGE_CODE]


@transaction.atomic
def ensure_site(
    *, hostname: str = "localhost", port: int = 80, languages: Iterable[str] | None = None
) -> dict[str, HomePage]:
    """Create the locales, the Korean home page, its translations and the default site.

    Running it again changes nothing. Wagtail's placeholder "Welcome" page is replaced.
    Every content language gets its locale; `languages` limits which get a home page (all
    of them unless given; tests that need only Korean and English build only those).
    Returns the home page of each language code.
    """
    default_code = settings.LANGUAGE_CODE
    wanted = set(languages or content_language_codes()) | {default_code}
    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    }
    root = Page.get_first_root_node()
    if root is None:
        # Wagtail's migration makes the root; a flushed database (after a transactional
        # test, or a restore into an empty schema) has none.
        root = Page.add_root(title="Root", slug="root", locale=locales[default_code])
    # Wagtail's initial migration leaves a plain "Welcome" page (and a site on it) under the
    # root; it holds no content of ours.
    Page.objects.child_of(root).filter(
        content_type__model="page", content_type__app_label="wagtailcore"
    ).delete()
    homes = {
        home.locale.language_code: home
        for home in HomePage.objects.child_of(root).select_related("locale")
    }
    if default_code not in homes:
        home = HomePage(
            title=HOME_TITLES.get(default_code, "PolicyShare"),
            slug="home",
            locale=locales[default_code],
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        homes[default_code] = home

    source = homes[default_code]
    for code, locale in locales.items():
        if code not in homes and code in wanted:
            translation = _copy_source(homes, code).copy_for_translation(locale)
            translation.title = HOME_TITLES.get(code, source.title)
            translation.save_revision().publish()
            homes[code] = translation

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=source,
            is_default_site=True,
            site_name="PolicyShare",
        )
    elif site.root_page_id != source.pk:
        site.root_page = source
        site.save()
    return {code: HomePage.objects.get(pk=home.pk) for code, home in homes.items()}


# The sections every portal has, with their slug and title per language. Slugs are the same
# in every language so that switching language keeps the path.
SECTIONS = [
    (
        "policies",
        "policies.PolicyLibraryPage",
        {},
        {
            "ko": "서울 정책",
            "en": "Seoul Policies",
            "fr": "Politiques de Séoul",
            "es": "Políticas de Seúl",
            "ar": "سياسات سيول",
            "zh-hans": "首尔政策",
        },
    ),
    (
        "sharing",
        "sharing.SharingIndexPage",
        {},
        {
            "ko": "정책공유",
            "en": "Policy Sharing",
            "fr": "Partage des politiques",
            "es": "Intercambio de políticas",
            "ar": "تبادل السياسات",
            "zh-hans": "政策共享",
        },
    ),
    (
        "cities",
        "sharing.CityIndexPage",
        {},
        {
            "ko": "해외 도시",
            "en": "Cities",
            "fr": "Villes",
            "es": "Ciudades",
            "ar": "المدن",
            "zh-hans": "城市",
        },
    ),
    (
        "events",
        "events.EventIndexPage",
        {},
        {
            "ko": "행사",
            "en": "Events",
            "fr": "Événements",
            "es": "Eventos",
            "ar": "الفعاليات",
            "zh-hans": "活动",
        },
    ),
    (
        "news",
        "boards.BoardIndexPage",
        {"kind": "news"},
        {
            "ko": "서울 소식",
            "en": "Seoul's News",
            "fr": "Actualités de Séoul",
            "es": "Noticias de Seúl",
            "ar": "أخبار سيول",
            "zh-hans": "首尔新闻",
        },
    ),
    (
        "media",
        "boards.BoardIndexPage",
        {"kind": "media"},
        {
            "ko": "해외 언론 속 서울",
            "en": "Seoul in the World's Media",
            "fr": "Séoul dans les médias du monde",
            "es": "Seúl en los medios del mundo",
            "ar": "سيول في وسائل الإعلام العالمية",
            "zh-hans": "世界媒体中的首尔",
        },
    ),
    (
        "videos",
        "boards.BoardIndexPage",
        {"kind": "video"},
        {
            "ko": "영상",
            "en": "Videos",
            "fr": "Vidéos",
            "es": "Vídeos",
            "ar": "فيديو",
            "zh-hans": "视频",
        },
    ),
    (
        "reports",
        "boards.BoardIndexPage",
        {"kind": "report"},
        {
            "ko": "보고서",
            "en": "Reports",
            "fr": "Rapports",
            "es": "Informes",
            "ar": "تقارير",
            "zh-hans": "报告",
        },
    ),
    (
        "partners",
        "partners.PartnersPage",
        {},
        {
            "ko": "협력 기관",
            "en": "Partners",
            "fr": "Partenaires",
            "es": "Socios",
            "ar": "الشركاء",
            "zh-hans": "合作伙伴",
        },
    ),
    (
        "themes",
        "themes.ThemeIndexPage",
        {},
        {
            "ko": "주제",
            "en": "Themes",
            "fr": "Thèmes",
            "es": "Temas",
            "ar": "المواضيع",
            "zh-hans": "主题",
        },
    ),
    (
        "guides",
        "guides.GuideIndexPage",
        {},
        {
            "ko": "정책 가이드",
            "en": "Policy guides",
            "fr": "Guides des politiques",
            "es": "Guías de políticas",
            "ar": "أدلة السياسات",
            "zh-hans": "政策指南",
        },
    ),
]


@transaction.atomic
def ensure_sections(*, languages: Iterable[str] | None = None) -> dict[str, dict[str, Page]]:
    """Create the section pages (library, boards, partners) under each home page.

    Returns {slug: {language_code: page}}. Running it again changes nothing; a section an
    editor renamed keeps its new title. `languages` as for `ensure_site`.
    """
    from django.apps import apps

    homes = ensure_site(languages=languages)
    default_code = settings.LANGUAGE_CODE
    sections: dict[str, dict[str, Page]] = {}
    for slug, model_label, fields, titles in SECTIONS:
        model = apps.get_model(model_label)
        pages = {}
        source = model.objects.child_of(homes[default_code]).filter(slug=slug).first()
        if source is None:
            source = model(slug=slug, title=titles[default_code], show_in_menus=True, **fields)
            homes[default_code].add_child(instance=source)
            source.save_revision().publish()
        pages[default_code] = source
        # In content-language order, so English exists before the languages copied from it.
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            home = homes.get(code)
            if home is None or code == default_code:
                continue
            page = model.objects.child_of(home).filter(slug=slug).first()
            if page is None:
                page = _copy_source(pages, code).copy_for_translation(
                    home.locale, copy_parents=False
                )
                page.title = titles.get(code, source.title)
                page.save_revision().publish()
                page = model.objects.get(pk=page.pk)
            pages[code] = page
        sections[slug] = pages
    ensure_policy_review(libraries=list(sections["policies"].values()))
    return sections


@transaction.atomic
def ensure_site_pages(*, languages: Iterable[str] | None = None) -> dict[str, dict[str, Page]]:
    """Create the pages the footer links to (privacy notice, accessibility statement,
    licence) under the home pages that have their text (Korean and English); readers of the
    other languages see the English version through the usual fallback.

    Not in the menu. Returns {slug: {language_code: page}}. Running it again changes
    nothing, and a page an editor changed, moved in or out of the menu, or unpublished is
    left as it is. `languages` as for `ensure_site`.
    """
    from wagtail.rich_text import RichText

    homes = ensure_site(languages=languages)
    default_code = settings.LANGUAGE_CODE
    created: dict[str, dict[str, Page]] = {}
    for slug, texts in SITE_PAGES.items():
        pages: dict[str, Page] = {}
        # The source language first, so that the others are its translations.
        for code in sorted(texts, key=lambda code: code != default_code):
            home = homes.get(code)
            if home is None:
                continue
            page = Page.objects.child_of(home).filter(slug=slug).first()
            if page is None:
                text = texts[code]
                page = StandardPage(
                    title=text["title"],
                    slug=slug,
                    locale=home.locale,
                    introduction=text["introduction"],
                    body=[("paragraph", RichText(paragraph)) for paragraph in text["body"]],
                )
                source = pages.get(default_code)
                if source is not None:
                    page.translation_key = source.translation_key
                home.add_child(instance=page)
                page.save_revision().publish()
            pages[code] = page
        created[slug] = pages
    return created


def ensure_policy_review(*, libraries) -> Workflow:
    """Policies go through review: a moderator approves before a change goes live."""
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    workflow, created = Workflow.objects.get_or_create(name="Policy review")
    if created:
        # A proxy: Wagtail would record the concrete type unless told which one it is.
        task, _ = ReviewTask.objects.get_or_create(
            name="Moderator approval",
            defaults={
                "content_type": ContentType.objects.get_for_model(
                    ReviewTask, for_concrete_model=False
                )
            },
        )
        task.groups.add(moderators)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for library in libraries:
        WorkflowPage.objects.get_or_create(page=library, defaults={"workflow": workflow})
    return workflow


def board_for(*, kind: str, language_code: str):
    """The board of a kind in a language, creating the sections if they are missing."""
    from policyshare.boards.models import BoardIndexPage

    board = BoardIndexPage.objects.filter(kind=kind, locale__language_code=language_code).first()
    if board is None:
        ensure_sections()
        board = BoardIndexPage.objects.get(kind=kind, locale__language_code=language_code)
    return board


def site_address(site_url: str) -> tuple[str, int]:
    """The hostname and port a Wagtail Site needs so its root_url is `site_url`."""
    parts = urlsplit(site_url)
    default_port = 443 if parts.scheme == "https" else 80
    return (parts.hostname or "localhost", parts.port or default_port)


@transaction.atomic
def set_default_site_address(*, site_url: str) -> Site | None:
    """Give the default site SITE_URL's hostname and port, so the links Wagtail builds
    (canonical, hreflang, feeds, sitemaps) point where the portal answers."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    hostname, port = site_address(site_url)
    if (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save()
    return site
