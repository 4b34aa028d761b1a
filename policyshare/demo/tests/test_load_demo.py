"""The demo loader: what it creates, that it is idempotent, renders, and is our own text."""

import importlib
import importlib.util
import io
import os
import pkgutil
import re
import sys
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision

from policyshare.boards.models import BoardIndexPage, BoardKind, BoardPost
from policyshare.core.models import PageViewCount, StandardPage
from policyshare.core.tests.html_checks import assert_accessible_page
from policyshare.demo import content, files, services
from policyshare.demo.content import locales
from policyshare.demo.content.case_details import EXCHANGE_RATES, UNPUBLISHED
from policyshare.demo.content.pages import HOME, STANDARD_PAGES
from policyshare.demo.content.partners import PARTNERS
from policyshare.demo.content.policies import EDITOR, POLICIES
from policyshare.demo.content.sharing import FIRMS
from policyshare.demo.content.themes import THEMES
from policyshare.demo.originality import copied_sentences, fingerprints_of
from policyshare.demo.services import (
    TRANSLATED_LANGUAGES,
    DemoContentError,
    LanguageText,
    load_demo_content,
    translation_problems,
)
from policyshare.home.models import HomePage
from policyshare.partners.models import Partner
from policyshare.policies.indicators import Status
from policyshare.policies.models import (
    BudgetLine,
    ExchangeRate,
    OutcomeIndicator,
    PolicyCase,
    Theme,
)
from policyshare.translations.models import FieldStatus
from policyshare.translations.selectors import translation_state

LANGUAGES = ("ko", "en")
FLAGSHIP_POLICIES = {
    "third-traffic-safety-plan",
    "energy-welfare-civic-fund",
    "sharing-city-seoul",
    "late-night-bus",
    "city-data-science-institute",
}
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

    modules = [
        importlib.import_module(f"{content.__name__}.{module_info.name}")
        for module_info in pkgutil.iter_modules(content.__path__)
    ]
    # The translations in content/locales too, whichever are written.
    modules += [module for module in map(written_translation, TRANSLATED_LANGUAGES) if module]
    for module in modules:
        for name in dir(module):
            if name.isupper():
                walk(getattr(module, name))
    return found


def written_translation(code: str) -> ModuleType | None:
    """The module of content/locales for `code` as written, whatever a test put in
    sys.modules; None if there is none."""
    path = Path(locales.__file__).with_name(f"{TRANSLATED_LANGUAGES[code]}.py")
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location(f"written_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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
        "exchange rates": sorted(
            ExchangeRate.objects.values_list("currency", "year", "units_per_usd", "source")
        ),
    }


def marked(value, tag: str = "(fr)"):
    """English text with `tag` added to every piece of text (inside the first element of
    HTML), addresses unchanged: stands in for a translation."""
    if isinstance(value, str):
        if value.startswith("<"):
            return re.sub(r"</(\w+)>", rf" {tag}</\1>", value, count=1)
        return f"{value} {tag}"
    if isinstance(value, dict):
        return {k: v if k == "website" else marked(v, tag) for k, v in value.items()}
    if isinstance(value, tuple) and value and value[0] in ("heading", "paragraph"):
        return (value[0], marked(value[1], tag))
    return type(value)(marked(item, tag) for item in value)


def fake_translation(name: str = "fr", *, tag: str = "(fr)") -> ModuleType:
    """A module shaped like content/locales/fr.py, built from the English text."""
    module = ModuleType(f"policyshare.demo.content.locales.{name}")
    module.HOME = marked(HOME["en"], tag)
    module.THEMES = {spec["slug"]: marked(spec["en"], tag) for spec in THEMES}
    module.PARTNERS = {spec["key"]: marked(spec["en"], tag) for spec in PARTNERS}
    module.PAGES = {spec["slug"]: marked(spec["en"], tag) for spec in STANDARD_PAGES}
    module.EDITOR = marked(EDITOR["en"], tag)
    module.POLICIES = {
        spec["slug"]: marked(LanguageText("en").policy(spec), tag)
        for spec in POLICIES
        if spec["slug"] in FLAGSHIP_POLICIES
    }
    return module


def use_translations(patch, **modules) -> None:
    """Make the loader see exactly these modules of content/locales (None: absent)."""
    for code, name in TRANSLATED_LANGUAGES.items():
        patch.setitem(sys.modules, f"policyshare.demo.content.locales.{name}", modules.get(code))


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Load the demo once for this module (it takes seconds) and roll it back afterwards.

    French comes from a fake module, the other three languages have none (whatever
    content/locales holds), so the tests see both ways of loading a language.
    Each test still runs in its own savepoint, so nothing a test writes leaks into the next.
    """
    with pytest.MonkeyPatch.context() as patch, django_db_blocker.unblock():
        use_translations(patch, fr=fake_translation())
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
        # The full cases of content/policies.py; the short ones that the policy-sharing
        # records name are tested in test_sharing_demo.py.
        policies = PolicyCase.objects.live().filter(
            locale__language_code=code, slug__in=[spec["slug"] for spec in POLICIES]
        )
        assert policies.count() >= 8
        for policy in policies:
            assert policy.indicators.count() >= 1, policy.slug
            assert policy.themes.exists(), policy.slug
            assert {t.locale_id for t in policy.themes.all()} == {policy.locale_id}
            assert policy.summary and policy.background and policy.actions
        assert policies.filter(is_featured=True).count() >= 3
        # The traffic plan's 1.8 deaths per 100,000 is a 2021 target; SMG's own figure for
        # 2021 is 2.6, so the target was not met.
        deaths = policies.get(slug="third-traffic-safety-plan").indicators.first()
        assert (deaths.baseline_value, deaths.baseline_year) == (Decimal("3.7"), 2015)
        assert (deaths.target_value, deaths.target_year) == (Decimal("1.8"), 2021)
        assert deaths.direction == "lower"
        assert deaths.achieved_values == [(2019, Decimal("2.6")), (2021, Decimal("2.6"))]
        assert deaths.assessment.status == Status.NOT_MET
        assert deaths.source_url.startswith("https://opengov.seoul.go.kr/")
        for indicator in OutcomeIndicator.objects.filter(page__in=policies):
            indicator.full_clean(exclude=["page"])
            assert indicator.source, indicator.name
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
def test_without_its_module_a_language_has_titles_over_english_text(demo, client):
    english = PolicyCase.objects.get(locale__language_code="en", slug="late-night-bus")
    spanish = PolicyCase.objects.get(locale__language_code="es", slug="late-night-bus")
    assert spanish.translation_key == english.translation_key
    assert spanish.summary == english.summary
    assert spanish.first_published_at == english.first_published_at
    html = client.get("/es/policies/late-night-bus/").content.decode()
    assert "Autobuses nocturnos trazados con datos" in html
    assert "notice--partial" in html
    assert "en inglés" in html  # the notice names the language the text is in
    assert PolicyCase.objects.filter(locale__language_code="zh-hans").count() == 3
    # Its themes are copies of the English ones, listed as needing translation.
    themes = list(spanish.themes.all())
    assert themes and {theme.locale_id for theme in themes} == {spanish.locale_id}
    for theme in themes:
        english_theme = Theme.objects.get(locale=english.locale, slug=theme.slug)
        assert theme.name == english_theme.name
        assert theme.translation_key == english_theme.translation_key
        assert {f.status for f in translation_state(theme).fields} == {FieldStatus.MISSING}
    assert not HomePage.objects.get(locale__language_code="es").headline


@pytest.mark.django_db
def test_with_its_module_a_language_gets_themes_partners_pages_and_flagships(demo, client):
    french = Locale.objects.get(language_code="fr")
    korean = Locale.objects.get(language_code="ko")
    # The firms of the policy-sharing demo are partners in Korean and English only.
    firms = [services.stable_key("partner", firm["key"]) for firm in FIRMS]
    for model in (Theme, Partner, StandardPage):
        keys = {
            locale: set(
                model.objects.filter(locale=locale)
                .exclude(translation_key__in=firms)
                .values_list("translation_key", flat=True)
            )
            for locale in (korean, french)
        }
        assert keys[french] == keys[korean], model
    transport = Theme.objects.get(locale=french, slug="transport")
    assert transport.name == "Transport (fr)" and transport.is_popular
    citynet = Partner.objects.get(locale=french, name="CITYNET (fr)")
    assert citynet.website == "https://citynet-ap.org/"
    assert citynet.logo == Partner.objects.get(locale=korean, name="CITYNET").logo
    about = StandardPage.objects.get(locale=french, slug="about")
    assert about.live and about.title.endswith("(fr)")
    assert HomePage.objects.get(locale=french).headline.endswith("(fr)")

    policies = PolicyCase.objects.live().filter(locale=french)
    assert set(policies.values_list("slug", flat=True)) == FLAGSHIP_POLICIES
    for policy in policies:
        source = policy.get_translation(korean)
        assert policy.summary.endswith("(fr)") and "(fr)" in policy.background
        assert {theme.locale_id for theme in policy.themes.all()} == {french.pk}
        assert {theme.slug for theme in policy.themes.all()} == {
            theme.slug for theme in source.themes.all()
        }
        assert [i.name.endswith("(fr)") for i in policy.indicators.all()] == [True] * len(
            source.indicators.all()
        )
        assert policy.writer == "Policy Sharing Editors (fr)"
    safety = policies.get(slug="third-traffic-safety-plan")
    assert safety.attachments.get().document.title.endswith("(demo PDF) (fr)")
    assert safety.indicators.first().source == "Gouvernement métropolitain de Séoul"
    assert [link.policy.slug for link in safety.related_policies.all()] == [
        "late-night-bus",
        "city-data-science-institute",
    ]

    html = client.get("/fr/policies/late-night-bus/").content.decode()
    assert "Late-night buses" in html and "(fr)" in html
    assert "notice--partial" not in html
    assert "lang=" not in re.search(r"<main[^>]*>", html).group()  # served as French
    # The library offers the French themes and filters by them.
    library = client.get("/fr/policies/", {"theme": "transport"}).content.decode()
    assert '<option value="transport" selected>Transport (fr)</option>' in library
    assert "/fr/policies/third-traffic-safety-plan/" in library
    # A policy with no French version is still offered, in English (filtered by its theme, so
    # that it is on the first page whatever the number of policies).
    library = client.get("/fr/policies/", {"theme": "urban-planning"}).content.decode()
    assert 'href="/fr/policies/seoul-plan-2030/"' in library


@pytest.mark.django_db
def test_a_module_that_does_not_mirror_the_english_text_is_refused(monkeypatch):
    broken = fake_translation()
    del broken.THEMES["transport"]
    broken.PAGES["about"]["body"][0] = ("titre", "À propos")
    broken.POLICIES["late-night-bus"]["indicators"].pop()
    broken.POLICIES["no-such-policy"] = {}
    problems = translation_problems(broken)
    assert "THEMES lacks ['transport']" in problems
    assert "PAGES['about']['body'][0] should be a 'heading'" in problems
    assert "POLICIES has unknown ['no-such-policy']" in problems
    assert any(p.startswith("POLICIES['late-night-bus']['indicators'] should be") for p in problems)
    assert translation_problems(fake_translation()) == []

    use_translations(monkeypatch, es=broken)
    before = snapshot()
    with pytest.raises(DemoContentError, match=r"locales\.es: THEMES lacks"):
        load_demo_content()
    assert snapshot() == before


@pytest.mark.parametrize("code", sorted(TRANSLATED_LANGUAGES))
def test_each_language_module_written_mirrors_the_english_text(code):
    module = written_translation(code)
    if module is None:
        pytest.skip(f"content/locales has no module for {code}: it gets partial titles")
    assert translation_problems(module) == []
    assert set(module.POLICIES) == FLAGSHIP_POLICIES


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
def test_the_detailed_output_names_the_languages_loaded_in_full(demo):
    output = io.StringIO()

    call_command("load_demo", verbosity=2, stdout=output)

    lines = output.getvalue().splitlines()
    assert lines[0] == "  translated in full (content/locales): fr"
    assert "  theme: created 0, already present 36" in lines  # 12 in ko, en and fr
    assert lines[-1] == f"Demo content: created 0, already present {demo.created_total}"


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


@pytest.mark.django_db
def test_theme_pages_with_timelines_load_once(demo, client):
    from policyshare.themes.models import ThemePage

    pages = ThemePage.objects.filter(slug__in=["transport", "water-supply"])
    assert sorted(pages.values_list("locale__language_code", "slug")) == [
        ("en", "transport"),
        ("en", "water-supply"),
        ("ko", "transport"),
        ("ko", "water-supply"),
    ]
    transport = {page.locale.language_code: page for page in pages if page.slug == "transport"}
    assert transport["en"].translation_key == transport["ko"].translation_key
    years = sorted(m.year for m in transport["ko"].milestones.all())
    assert years[0] == 1968 and years[-1] == 2021
    linked = transport["en"].milestones.get(year=2013).policy
    assert (linked.slug, linked.locale.language_code) == ("late-night-bus", "en")
    assert transport["ko"].indicators.count() == 2

    report = services.load_demo_content()

    assert report.created["theme page"] == 0 and report.present["theme page"] == 4
    assert ThemePage.objects.count() == 4
    response = client.get("/en/themes/water-supply/")
    assert response.status_code == 200
    assert b"Ttukdo purification plant opens" in response.content


@pytest.mark.django_db
def test_flagship_budget_lines_are_converted_with_the_loaded_rates(demo, client):
    # The energy fund: US$500,810 of donations (C40's figure) and the KRW 600 million the
    # public-private project spent on energy sharing and the fund in 2015-2016, dated 2016
    # and converted at the Bank of Korea's 2016 average.
    fund = PolicyCase.objects.get(slug="energy-welfare-civic-fund", locale__language_code="en")
    donations, project = fund.budget_lines.order_by("sort_order")
    assert (donations.amount, donations.currency, donations.year) == (500810, "USD", 2016)
    assert donations.source.startswith("C40 Cities Awards 2016")
    assert (project.amount, project.currency, project.year) == (600000000, "KRW", 2016)
    assert "UN Public Service Awards" in project.source
    costs = fund.costs()
    assert [line.no_usd_reason for line in costs.lines] == ["", ""]
    assert costs.lines[1].usd == Decimal("517063.08")  # 600,000,000 / 1,160.4
    assert costs.total_usd == Decimal("1017873.08")
    assert costs.usd_per_resident is not None and costs.population
    korean = PolicyCase.objects.get(slug="energy-welfare-civic-fund", locale__language_code="ko")
    assert korean.budget_lines.order_by("sort_order").first().funding_source.startswith("34개 기업")
    with translation.override("en"):
        html = client.get(fund.url).content.decode()
    assert "US$ 500,810" in html and "KRW 600,000,000" in html
    assert "No exchange rate" not in html
    # Every KRW line of the demo has its year's rate, from the Bank of Korea.
    assert ExchangeRate.objects.count() == len(EXCHANGE_RATES)
    for line in BudgetLine.objects.exclude(currency="USD"):
        rate = ExchangeRate.objects.get(currency=line.currency, year=line.year)
        assert rate.source.startswith("Bank of Korea")
    # The cases with no published amount keep their budget note, and say why in the content.
    for slug, reasons in UNPUBLISHED.items():
        has_lines = BudgetLine.objects.filter(page__slug=slug).exists()
        assert has_lines is ("budget_lines" not in reasons), slug


@pytest.mark.django_db
def test_flagships_carry_how_it_was_done_and_lifecycle_in_each_language(demo, client):
    for code in ("ko", "en", "fr"):
        cases = PolicyCase.objects.live().filter(
            locale__language_code=code, slug__in=FLAGSHIP_POLICIES
        )
        assert cases.count() == len(FLAGSHIP_POLICIES), code
        for case in cases:
            assert case.obstacles and case.stakeholders, (code, case.slug)
            assert case.precondition_legal and case.precondition_technology, case.slug
            assert case.lifecycle and case.lifecycle_status, (code, case.slug)
            reasons = UNPUBLISHED.get(case.slug, {})
            assert bool(case.legal_basis) is ("legal_basis" not in reasons), case.slug
            assert (case.staff_fte is not None) is ("staff_fte" not in reasons), case.slug
            assert all(indicator.source for indicator in case.indicators.all()), case.slug
    safety = PolicyCase.objects.get(slug="third-traffic-safety-plan", locale__language_code="fr")
    assert safety.lifecycle_status == "superseded"
    assert safety.legal_basis[0].value["title"].startswith("Loi sur la sécurité routière")
    assert safety.obstacles[0].value["obstacle"].startswith("Plus de la moitié")
    bus = PolicyCase.objects.get(slug="late-night-bus", locale__language_code="ko")
    assert [stage.value["status"] for stage in bus.lifecycle] == [
        "piloted",
        "running",
        "revised",
    ]
    assert bus.stakeholders[0].value["name"] == "KT"
    institute = PolicyCase.objects.get(
        slug="city-data-science-institute", locale__language_code="en"
    )
    assert institute.staff_fte == Decimal("20.0")
    # The energy fund keeps the case text's three stakeholders, then the sourced ones.
    fund = PolicyCase.objects.get(slug="energy-welfare-civic-fund", locale__language_code="en")
    assert [block.value["name"] for block in fund.stakeholders][:3] == [
        "34 businesses",
        "1,800 citizens",
        "17 municipal buildings and institutions",
    ]
    assert fund.sdg_target_list == ["7.1"]
    html = client.get(safety.url).content.decode()
    assert "Loi sur la sécurité routière, articles 17 et 18" in html
    assert 'href="https://elaw.klri.re.kr/' in html
    # A case outside the flagships has none of this.
    other = PolicyCase.objects.get(slug="seoul-plan-2030", locale__language_code="en")
    assert not other.lifecycle and not other.obstacles and other.staff_fte is None


@pytest.mark.django_db
def test_loading_again_keeps_an_editors_exchange_rate(demo):
    rate = ExchangeRate.objects.get(currency="KRW", year=2016)
    rate.units_per_usd = Decimal("1160.43")
    rate.source = "World Bank, PA.NUS.FCRF"
    rate.save()
    ExchangeRate.objects.filter(currency="KRW", year=2013).delete()

    report = load_demo_content()

    assert report.created["exchange rate"] == 1
    assert report.present["exchange rate"] == len(EXCHANGE_RATES) - 1
    rate.refresh_from_db()
    assert (rate.units_per_usd, rate.source) == (Decimal("1160.43"), "World Bank, PA.NUS.FCRF")
    assert ExchangeRate.objects.get(currency="KRW", year=2013).units_per_usd == Decimal("1095")
