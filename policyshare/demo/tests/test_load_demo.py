"""The demo loader: what it creates, that it is idempotent, renders, and is our own text."""

import importlib
import io
import os
import pkgutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision

from policyshare.boards.models import BoardIndexPage, BoardKind, BoardPost
from policyshare.core.models import PageViewCount, StandardPage
from policyshare.core.tests.html_checks import assert_accessible_page
from policyshare.demo import content, files, services
from policyshare.demo.originality import copied_sentences, fingerprints_of
from policyshare.demo.services import load_demo_content
from policyshare.home.models import HomePage
from policyshare.partners.models import Partner
from policyshare.policies.models import PolicyCase, Theme

LANGUAGES = ("ko", "en")
SEED_FINGERPRINTS = Path(__file__).with_name("seed_fingerprints.txt")


# --- Helpers -----------------------------------------------------------------------------


def demo_texts() -> list[str]:
    """Every string in the demo content modules, plus the note the loader puts in PDFs."""
    found = [services.DEMO_NOTE]

    def walk(value):
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)

    for module_info in pkgutil.iter_modules(content.__path__):
        module = importlib.import_module(f"{content.__name__}.{module_info.name}")
        for name in dir(module):
            if name.isupper():
                walk(getattr(module, name))
    return found


def snapshot() -> dict[str, object]:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "last revision": Revision.objects.order_by("-pk").values_list("pk", flat=True).first(),
        "themes": Theme.objects.count(),
        "partners": Partner.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "view counts": sorted(PageViewCount.objects.values_list("page_id", "count")),
        "home headlines": sorted(HomePage.objects.values_list("headline", flat=True)),
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Load the demo once for this module (it takes seconds) and roll it back afterwards.

    Each test still runs in its own savepoint, so nothing a test writes leaks into the next.
    """
    with django_db_blocker.unblock():
        with transaction.atomic():
            yield load_demo_content()
            transaction.set_rollback(True)
        # Wagtail caches site root paths; the rolled-back site must not outlive this module.
        cache.clear()


# --- Content -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_loads_policies_posts_partners_and_pages_in_both_languages(demo):
    assert demo.created_total > 100
    assert demo.present_total == 0
    for code in LANGUAGES:
        policies = PolicyCase.objects.live().filter(locale__language_code=code)
        assert policies.count() >= 8
        for policy in policies:
            assert policy.indicators.count() >= 1, policy.slug
            assert policy.themes.exists(), policy.slug
            assert {t.locale_id for t in policy.themes.all()} == {policy.locale_id}
            assert policy.summary and policy.background and policy.actions
        assert policies.filter(is_featured=True).count() >= 3
        assert policies.filter(attachments__isnull=False).exists()
        assert policies.filter(related_policies__isnull=False).exists()

        for board in BoardIndexPage.objects.filter(locale__language_code=code):
            posts = BoardPost.objects.child_of(board).live().specific()
            assert posts.exists(), (code, board.kind)
            for post in posts:
                assert post.writer and post.registered_on
                assert PageViewCount.objects.get(page=post).count > 0
                if board.kind == BoardKind.MEDIA:
                    assert post.source_outlet and post.original_url
                if board.kind == BoardKind.VIDEO:
                    assert post.video_embed_url
                if board.kind == BoardKind.REPORT:
                    assert post.report_document is not None

        partners = Partner.objects.filter(locale__language_code=code)
        assert partners.count() >= 20
        assert not partners.filter(logo__isnull=True).exists()
        assert Theme.objects.filter(locale__language_code=code).count() == 12
        assert Theme.objects.filter(locale__language_code=code, is_popular=True).count() == 6

        slugs = set(
            StandardPage.objects.live()
            .filter(locale__language_code=code)
            .values_list("slug", flat=True)
        )
        assert {"about", "miti", "sharing-city"} <= slugs
        home = HomePage.objects.get(locale__language_code=code)
        assert home.headline and home.introduction

    sharing_city = StandardPage.objects.get(slug="sharing-city", locale__language_code="en")
    assert 3 <= len(sharing_city.questions) <= 4


@pytest.mark.django_db
def test_every_korean_item_has_an_english_translation(demo):

    english = Locale.objects.get(language_code="en")
    for model in (PolicyCase, BoardPost, StandardPage):
        for page in model.objects.filter(locale__language_code="ko"):
            translation = page.get_translation_or_none(english)
            assert translation is not None, page.url_path
            assert translation.slug == page.slug
            assert translation.translation_key == page.translation_key
    for model in (Theme, Partner):
        keys = {
            code: set(
                model.objects.filter(locale__language_code=code).values_list(
                    "translation_key", flat=True
                )
            )
            for code in LANGUAGES
        }
        assert keys["ko"] == keys["en"]
    assert set(
        Theme.objects.filter(locale__language_code="ko").values_list("slug", flat=True)
    ) == set(Theme.objects.filter(locale__language_code="en").values_list("slug", flat=True))


@pytest.mark.django_db
def test_some_policies_have_titles_in_the_other_languages_over_english_text(demo, client):
    english = PolicyCase.objects.get(locale__language_code="en", slug="late-night-bus")
    french = PolicyCase.objects.get(locale__language_code="fr", slug="late-night-bus")
    assert french.translation_key == english.translation_key
    assert french.summary == english.summary
    assert french.first_published_at == english.first_published_at
    html = client.get("/fr/policies/late-night-bus/").content.decode()
    assert "Des bus de nuit tracés à partir des données" in html
    assert "notice--partial" in html
    assert "en anglais" in html  # the notice names the language the text is in
    assert PolicyCase.objects.filter(locale__language_code="zh-hans").count() == 3


@pytest.mark.django_db
def test_running_the_command_again_duplicates_and_changes_nothing(demo):
    before = snapshot()
    output = io.StringIO()

    call_command("load_demo", stdout=output)

    assert snapshot() == before
    assert output.getvalue().strip() == (
        f"Demo content: created 0, already present {demo.created_total}"
    )


@pytest.mark.django_db
def test_loading_again_keeps_edits_and_restores_only_what_was_deleted(demo):
    partner = Partner.objects.get(locale__language_code="en", name="CITYNET")
    partner.name = "CITYNET (renamed by an editor)"
    partner.save()
    policy = PolicyCase.objects.get(locale__language_code="en", slug="late-night-bus")
    translation_key = policy.translation_key
    policy.delete()

    report = load_demo_content()

    assert report.created_total == 1
    assert Partner.objects.get(pk=partner.pk).name == "CITYNET (renamed by an editor)"
    restored = PolicyCase.objects.get(locale__language_code="en", slug="late-night-bus")
    assert restored.live and restored.translation_key == translation_key
    assert [link.policy.locale.language_code for link in restored.related_policies.all()] == [
        "en"
    ] * 3


@pytest.mark.django_db
def test_every_page_renders_accessibly(demo, client):
    pages = Page.objects.live().filter(depth__gte=2).select_related("locale").specific()
    assert pages.count() > 60
    for page in pages:
        url = page.get_url()
        assert url, page.url_path
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        # The demo's headings, lists and logos must fit the page outline and carry alt text.
        assert_accessible_page(response.content.decode(), lang=page.locale.language_code)


# --- Originality and generated files -----------------------------------------------------


def test_no_sentence_of_the_seed_appears_in_the_demo_text():
    fingerprints = set(SEED_FINGERPRINTS.read_text().split())
    assert len(fingerprints) > 50

    assert copied_sentences(fingerprints, demo_texts()) == []


def test_the_seed_check_catches_a_copied_sentence():
    # A made-up "seed" stands in for the real one, which the repository does not carry.
    seed = (
        "Short line.\nThe city opened a new river park for its residents in the spring of "
        "that year. Another short one."
    )
    fingerprints = fingerprints_of(seed)
    assert len(fingerprints) == 1
    copied = "<p>As reported, the city opened a new river park for its residents in the "
    copied += "spring of that year.</p>"

    assert copied_sentences(fingerprints, [copied, "unrelated text"]) != []
    assert copied_sentences(fingerprints, ["The city opened a park."]) == []


# The seed sits in ../shared/seeds/ beside a checkout (and in CI); POLICYSHARE_SEED_FILE
# points elsewhere.
SEED_FILE = Path(
    os.environ.get("POLICYSHARE_SEED_FILE")
    or Path(settings.BASE_DIR).parent / "shared" / "seeds" / "000_7dd5e855d43b82dc.txt"
)


@pytest.mark.skipif(not SEED_FILE.exists(), reason=f"the seed text is not at {SEED_FILE}")
def test_seed_fingerprints_match_the_seed():
    seed = SEED_FILE.read_text(encoding="utf-8")

    assert set(SEED_FINGERPRINTS.read_text().split()) == fingerprints_of(seed)


def test_generated_pdf_has_a_consistent_cross_reference_table():
    data = files.demo_pdf(title="Title (demo)", paragraphs=["A paragraph " * 30, "Second."])

    assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
    xref_at = int(data.rsplit(b"startxref", 1)[1].split()[0])
    assert data[xref_at:].startswith(b"xref")
    entries = data[xref_at:].split(b"\n")[3:8]
    for number, entry in enumerate(entries, start=1):
        offset = int(entry.split()[0])
        assert data[offset:].startswith(b"%d 0 obj" % number)


def test_generated_logo_is_a_png_of_the_requested_size():
    from PIL import Image

    image = Image.open(io.BytesIO(files.wordmark_png(text="CITYNET", colour="#0b5394")))

    assert image.format == "PNG" and image.size == (240, 96)
