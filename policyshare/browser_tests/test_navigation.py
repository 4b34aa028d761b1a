"""The header, menu, search filters and reading width on a phone and a desktop, with and
without JavaScript (issue 18: "a header that fills a phone", "long lines")."""

import pytest

from .conftest import DESKTOP

PHONE = {"width": 390, "height": 844}
# The header and menu a phone shows before the content, folded.
PHONE_HEADER_BUDGET = 120


def top_of_main(page) -> float:
    return page.locator("#main").bounding_box()["y"]


@pytest.mark.parametrize("language", ["ko", "en", "ar"])
@pytest.mark.parametrize("javascript", [False, True])
def test_on_a_phone_the_menu_is_folded_and_the_header_is_short(
    visitor, portal, language, javascript
):
    page = visitor.page(viewport=PHONE, javascript=javascript)
    page.goto(f"/{language}/sharing-city/")
    parts = {
        selector: page.locator(selector).bounding_box()
        for selector in (".site-brand", ".language-switcher", ".site-nav summary")
    }
    assert top_of_main(page) <= PHONE_HEADER_BUDGET, (
        f"{top_of_main(page)} px of header before the content: {parts}"
    )
    menu = page.locator(".site-nav ul")
    toggle = page.locator(".site-nav summary")
    assert toggle.is_visible() and not menu.is_visible()
    toggle.click()
    assert menu.is_visible()
    current = page.locator(".site-nav a[aria-current='page']")
    assert current.get_attribute("href") == f"/{language}/sharing-city/"
    for path in ("policies", "sharing", "cities", "news", "media", "partners", "search"):
        assert page.locator(f".site-nav a[href='/{language}/{path}/']").is_visible(), path


def test_the_menu_toggle_is_a_button_reached_by_keyboard(visitor, portal):
    page = visitor.page(viewport=PHONE)
    page.goto("/en/")
    # A <summary>: the browser gives it a button's role and its expanded state, and opens
    # it with Enter or Space, with or without script.
    # Skip link, brand, the languages, then the toggle.
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "SUMMARY":
            break
    else:
        pytest.fail("the menu toggle is not reached by Tab")
    page.keyboard.press("Enter")
    assert page.locator(".site-nav ul").is_visible()
    assert page.evaluate("document.querySelector('.site-nav details').open")


@pytest.mark.parametrize("javascript", [False, True])
def test_on_a_desktop_the_menu_is_open_without_a_toggle(visitor, portal, javascript):
    page = visitor.page(viewport=DESKTOP, javascript=javascript)
    page.goto("/en/")
    assert not page.locator(".site-nav summary").is_visible()
    assert page.locator(".site-nav a[href='/en/policies/']").is_visible()
    assert page.locator(".site-nav a[href='/en/sharing-city/']").is_visible()


@pytest.mark.parametrize("javascript", [False, True])
def test_on_a_phone_search_results_come_before_the_folded_filters(visitor, portal, javascript):
    page = visitor.page(viewport=PHONE, javascript=javascript)
    page.goto("/en/search/?q=speed")
    results = page.locator(".search-hits").bounding_box()
    filters = page.locator(".search-facets").bounding_box()
    assert results["y"] < filters["y"], "the filters come before the results"
    facet_links = page.locator(".search-facet a")
    assert facet_links.count() > 0 and not facet_links.first.is_visible()
    page.locator(".search-facets summary").click()
    assert facet_links.first.is_visible()

    desktop = visitor.page(viewport=DESKTOP, javascript=javascript)
    desktop.goto("/en/search/?q=speed")
    assert desktop.locator(".search-facet a").first.is_visible()
    side = desktop.locator(".search-facets").bounding_box()
    assert side["x"] < desktop.locator(".search-hits").bounding_box()["x"]


def test_reading_text_keeps_to_about_seventy_characters(visitor, portal):
    page = visitor.page(viewport=DESKTOP)
    page.goto("/en/policies/safe-speed/")
    widths = page.locator(".prose").evaluate_all(
        """els => els.map(el => el.getBoundingClientRect().width
                / parseFloat(getComputedStyle(el).fontSize))"""
    )
    assert widths, "no prose on the policy page"
    # 70ch of the system font is about 38em; the old measure was 48rem (and unbounded).
    assert max(widths) <= 45, f"prose {max(widths):.0f}em wide"
