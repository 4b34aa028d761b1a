"""Policy guides in a browser: light pages, and a whole-guide page that prints without the
site's header, footer and menus, one chapter per printed page, links with their address."""

import pytest
from playwright.sync_api import expect

from .test_weight import POLICY_BUDGET, transferred_bytes


def guide_paths(portal, language) -> dict[str, str]:
    return {kind: path for kind, path in portal.pages[language] if kind.startswith("guide")}


@pytest.mark.parametrize("language", ["ko", "en"])
def test_guide_pages_stay_within_the_page_budget(visitor, portal, language):
    paths = guide_paths(portal, language)
    assert set(paths) == {"guides", "guide", "guide-chapter", "guide-print"}
    for kind, path in paths.items():
        size, requests = transferred_bytes(visitor, path)
        assert size <= POLICY_BUDGET, f"{kind}: {size} bytes > {POLICY_BUDGET}: {requests}"


@pytest.mark.parametrize("language", ["ko", "en"])
def test_whole_guide_prints_without_the_site_around_it(visitor, portal, language):
    paths = guide_paths(portal, language)
    page = visitor.page(javascript=False)
    # Reached from the cover by a plain link: no script needed.
    page.goto(paths["guide"])
    page.locator(".guide-toc__print a").click()
    expect(page).to_have_url(f"{visitor.base_url}{paths['guide-print']}")
    chapters = page.locator(".guide-print__chapter")
    assert chapters.count() == 3
    expect(page.locator(".site-header")).to_be_visible()
    expect(page.locator(".guide-print__hint")).to_be_visible()

    page.emulate_media(media="print")
    for hidden in (".site-header", ".site-footer", ".guide-print__hint", "nav.guide-toc"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(chapters.first).to_be_visible()
    style = "element => getComputedStyle(element).breakBefore"
    assert chapters.nth(1).evaluate(style) == "page"
    after = "element => getComputedStyle(element, '::after').content"
    link = page.locator(".guide-print .prose a[href]").first
    assert link.evaluate(after).startswith('" (')
