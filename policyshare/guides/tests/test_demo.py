"""The demo's policy guides: loaded in Korean and English with their chapters, themes and
policies, shown, and not duplicated by a second load."""

import json
import re
import sys
from datetime import date

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from wagtail.models import Page, Revision

from policyshare.demo.content.guides import GUIDES
from policyshare.demo.services import TRANSLATED_LANGUAGES, load_demo_content
from policyshare.guides.models import GuideChapterPage, GuidePage

LOAD_DAY = date(2030, 5, 15)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once, without the other languages' modules (faster), and rolled
    back after the module."""
    with pytest.MonkeyPatch.context() as patch, django_db_blocker.unblock():
        for name in TRANSLATED_LANGUAGES.values():
            patch.setitem(sys.modules, f"policyshare.demo.content.locales.{name}", None)
        with transaction.atomic():
            yield load_demo_content(today=LOAD_DAY)
            transaction.set_rollback(True)
        cache.clear()


def guide(slug: str, language: str) -> GuidePage:
    return GuidePage.objects.get(slug=slug, locale__language_code=language)


@pytest.mark.django_db
def test_guides_and_chapters_in_korean_and_english(demo):
    assert demo.created["guide"] == 2 * len(GUIDES)
    for spec in GUIDES:
        chapters = len(spec["chapters"])
        assert 4 <= chapters <= 6
        assert demo.created["guide chapter"] >= 2 * chapters
        korean, english = guide(spec["slug"], "ko"), guide(spec["slug"], "en")
        assert korean.live and english.live
        assert korean.translation_key == english.translation_key
        assert korean.title == spec["ko"]["title"] and english.title == spec["en"]["title"]
        for page in (korean, english):
            assert [c.slug for c in page.chapters()] == [c["slug"] for c in spec["chapters"]]
            assert {t.slug for t in page.themes.all()} == set(spec["themes"])
            assert all(t.locale_id == page.locale_id for t in page.themes.all())
            policies = list(page.related_policies.all())
            assert policies and all(p.locale_id == page.locale_id for p in policies)
            assert page.sources.count() == len(spec["sources"])
            kinds = {block.block_type for c in page.chapters() for block in c.body}
            assert {"heading", "paragraph", "key_figure", "table"} <= kinds
            for chapter in page.chapters():
                paragraphs = [b for b in chapter.body if b.block_type == "paragraph"]
                assert len(paragraphs) >= 2, chapter.title
                assert chapter.sections()
    transport = guide("transportation-policy", "en")
    assert transport.publication_date == date(2024, 5, 20)
    assert {t.slug for t in transport.themes.all()} >= {"transport"}
    assert {t.slug for t in guide("water-supply-policy", "ko").themes.all()} == {"water-supply"}


@pytest.mark.django_db
def test_guide_pages_render_in_both_languages(demo):
    client = Client()
    for language, title in (
        ("ko", "서울 교통정책 가이드"),
        ("en", "A Guide to Transportation Policy"),
    ):
        listing = client.get(f"/{language}/guides/")
        assert listing.status_code == 200
        assert title in listing.content.decode()
        page = guide("transportation-policy", language)
        cover = client.get(page.url)
        assert cover.status_code == 200
        whole = client.get(f"{page.url}all/").content.decode()
        positions = [whole.index(f'id="chapter-{c.pk}-title"') for c in page.chapters()]
        assert positions == sorted(positions) and len(positions) == 5
        data = [
            json.loads(block)
            for block in re.findall(
                r'<script type="application/ld\+json"[^>]*>(.*?)</script>',
                cover.content.decode(),
                flags=re.S,
            )
        ]
        assert any(block.get("@type") == "Book" for block in data)
    chapter = guide("water-supply-policy", "en").chapters()[2]
    response = client.get(chapter.url)
    assert response.status_code == 200
    assert "55.2% → 95.1%" in response.content.decode()


@pytest.mark.django_db
def test_loading_again_creates_nothing(demo):
    before = (
        Page.objects.count(),
        Revision.objects.count(),
        GuideChapterPage.objects.count(),
    )
    again = load_demo_content(today=LOAD_DAY)
    assert again.created_total == 0
    assert again.present["guide"] == 2 * len(GUIDES)
    assert (
        Page.objects.count(),
        Revision.objects.count(),
        GuideChapterPage.objects.count(),
    ) == before
