"""What visitors and editors do, end to end, in Korean and English."""

import re
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from .portal import EXTRA_NEWS_POSTS

THEMES = {"ko": "교통", "en": "Transport"}


def title_of(portal, language):
    return portal.policy.title if language == "ko" else portal.policy_en.title


@pytest.mark.parametrize("language", ["ko", "en"])
def test_home_theme_policy_attachment(visitor, portal, language):
    page = visitor.page()
    page.goto(f"/{language}/")
    page.locator(".theme-shortcuts").get_by_role("link", name=THEMES[language]).click()
    # The theme has a page (issue 18): its timeline, then its policies and the way to all
    # of them in the library, filtered by the theme.
    expect(page).to_have_url(re.compile(rf"/{language}/themes/transport/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(THEMES[language])
    page.locator(f'main a[href="/{language}/policies/?theme=transport"]').first.click()
    expect(page).to_have_url(re.compile(rf"/{language}/policies/\?theme=transport$"))
    expect(page.locator("#filter-theme")).to_have_value("transport")
    page.get_by_role("link", name=title_of(portal, language)).click()
    expect(page).to_have_url(re.compile(rf"/{language}/policies/safe-speed/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(title_of(portal, language))

    link = page.locator(".attachments a").first
    expect(link).to_have_text("정책 보고서" if language == "ko" else re.compile(r"\S"))
    # Chromium shows PDFs inline or downloads them depending on the build; follow the link's
    # address with the same browser context and check what a reader would get.
    response = page.context.request.get(link.get_attribute("href"))
    assert response.ok, response.status
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")


@pytest.mark.parametrize(("start", "other"), [("ko", "en"), ("en", "ko")])
def test_language_switcher_stays_on_the_policy(visitor, portal, start, other):
    page = visitor.page()
    page.goto(f"/{start}/policies/safe-speed/")
    page.locator(f"nav.language-switcher a[lang={other}]").click()
    expect(page).to_have_url(re.compile(rf"/{other}/policies/safe-speed/$"))
    expect(page.locator("html")).to_have_attribute("lang", other)
    expect(page.get_by_role("heading", level=1)).to_have_text(title_of(portal, other))
    expect(page.locator(".notice--language")).to_have_count(0)


def test_switching_to_a_missing_translation_shows_the_notice_not_a_404(visitor, portal):
    page = visitor.page()
    page.goto("/ko/policies/night-bus/")
    with page.expect_navigation() as navigation:
        page.locator("nav.language-switcher a[lang=en]").click()
    assert navigation.value.status == 200
    expect(page).to_have_url(re.compile(r"/en/policies/night-bus/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator(".notice--language")).to_contain_text("shown in Korean")
    # The interface stays in English; the Korean content is marked as Korean, element by
    # element (docs/translation.md, "Direction and language of every piece of text").
    expect(page.locator("main")).not_to_have_attribute("lang", "ko")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text(portal.ko_only_policy.title)
    expect(heading).to_have_attribute("lang", "ko")


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        # Only 도시재생을 appears in the text; the search must find it for 도시재생의.
        ("ko", "도시재생의", "안전속도 5030: 교통사고 사망자 절반 줄이기"),
        # "restored" is in the English summary; the search must find it for "restoration".
        ("en", "restoration", "Safe Speed 5030: halving traffic deaths"),
    ],
)
def test_search_with_an_inflected_word_and_open_a_result(
    visitor, portal, language, query, expected
):
    page = visitor.page()
    page.goto(f"/{language}/")
    page.locator("#home-search-q").fill(query)
    page.locator("#home-search-q").press("Enter")
    expect(page).to_have_url(re.compile(rf"/{language}/search/\?q={re.escape(quote(query))}"))
    hit = page.locator(".search-hit__title a", has_text=expected)
    expect(hit).to_have_count(1)
    hit.click()
    expect(page).to_have_url(re.compile(rf"/{language}/policies/safe-speed/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(expected)


@pytest.mark.parametrize("language", ["ko", "en"])
def test_filter_a_board_by_year_and_page_through_it(visitor, portal, language):
    page = visitor.page()
    page.goto(portal.sections["news"][language].url)
    page.locator("#filter-year").select_option("2018")
    page.locator("form.filters button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"\?year=2018$"))
    in_2018 = 1 + EXTRA_NEWS_POSTS - 2
    expect(page.locator(".result-count")).to_contain_text(str(in_2018))
    first_page = page.locator(".post-row time").all_inner_texts()
    assert len(first_page) == 10 and all(day.startswith("2018") for day in first_page)

    page.locator(".pagination a[rel=next]").click()
    expect(page).to_have_url(re.compile(r"\?year=2018&page=2$"))
    expect(page.locator(".pagination [aria-current=page]")).to_have_text("2")
    expect(page.locator("#filter-year")).to_have_value("2018")
    second_page = page.locator(".post-row time").all_inner_texts()
    assert len(second_page) == in_2018 - 10
    assert all(day.startswith("2018") for day in second_page)
    page.locator(".pagination a[rel=prev]").click()
    expect(page.locator(".pagination [aria-current=page]")).to_have_text("1")


def test_editor_edits_and_publishes_a_policy(visitor, portal):
    from django.contrib.auth import get_user_model

    from policyshare.core.tests import builders

    library = portal.sections["policies"]["ko"]
    policy = builders.make_policy(library=library, title="걷는 도시 서울", slug="walkable-seoul")
    get_user_model().objects.create_superuser("editor", "editor@example.org", "correct horse")

    admin = visitor.context()
    page = admin.new_page()
    page.goto(f"/admin/login/?next=/admin/pages/{policy.pk}/edit/")
    page.locator("#id_username").fill("editor")
    page.locator("#id_password").fill("correct horse")
    page.locator("button[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"/admin/pages/{policy.pk}/edit/$"))

    page.locator("#id_title").fill("걷는 도시 서울 2030")
    page.locator("#id_summary").fill("보행자를 위한 도시로 바꾸었다.")
    publish = page.locator("button[name=action-publish]")
    if not publish.is_visible():
        page.locator("footer .w-dropdown__toggle, [data-w-dropdown-target=toggle]").last.click()
    publish.click()
    expect(page.locator(".messages .success")).to_be_visible()

    public = visitor.page()
    public.goto("/ko/policies/walkable-seoul/")
    expect(public.get_by_role("heading", level=1)).to_have_text("걷는 도시 서울 2030")
    expect(public.locator(".lead")).to_have_text("보행자를 위한 도시로 바꾸었다.")
    admin.close()
    # The admin too stays on the site (WAGTAIL_GRAVATAR_PROVIDER_URL = None): the fixture's
    # guard fails the test on any request that leaves it.


def test_the_request_form_sends_the_browsers_time_zone(visitor, portal):
    """site.js fills the hidden field, so the tracking page and mails show the requester's
    own time (docs/requests.md, "Dates and times")."""
    page = visitor.page(locale="es-CO", timezone_id="America/Bogota")
    page.goto("/en/requests/consultation/")
    expect(page.locator('input[name="time_zone"]')).to_have_value("America/Bogota")


@pytest.mark.parametrize("language", ["ko", "en"])
def test_ask_about_a_policy_and_get_a_reference(visitor, portal, language):
    page = visitor.page()
    page.goto(f"/{language}/policies/safe-speed/")
    page.locator(".request-link a").click()
    page.locator("main .card__title a").first.click()  # the consultation form
    expect(page).to_have_url(re.compile(rf"/{language}/requests/consultation/\?policy=\d+$"))
    # The policy the reader came from is already ticked.
    expect(page.locator('input[name="policies"]:checked')).to_have_count(1)
    page.fill("#id_name", "Ana Gómez")
    page.fill("#id_organisation", "Alcaldía de Bogotá")
    page.fill("#id_city", "Bogotá")
    page.select_option("#id_country", "CO")
    page.fill("#id_email", "ana@example.org")
    page.fill("#id_topic", "Safe speed limits")
    page.check('input[name="meeting_language"][value="en"]')
    page.fill("#id_message", "How did Seoul lower its urban speed limits?")
    page.check("#id_consent")
    page.locator("main form button[type=submit]").click()
    reference = page.locator(".confirmation__reference")
    expect(reference).to_have_text(re.compile(r"^PS-\d{4}-\d{6}$"))
    # The private tracking link, to keep, opens the request's tracking page.
    number = reference.inner_text()
    page.locator(".confirmation__link a").click()
    expect(page).to_have_url(re.compile(rf"/{language}/requests/track/[^/]+/$"))
    expect(page.locator("main")).to_contain_text(number)
