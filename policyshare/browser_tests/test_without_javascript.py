"""Every public page works with JavaScript switched off: it renders, the menu and search work."""

import re

from playwright.sync_api import expect


def test_every_page_works_without_javascript(visitor, portal):
    page = visitor.page(javascript=False)
    for language, pages in portal.pages.items():
        for page_type, path in pages:
            response = page.goto(path)
            assert response.status == (404 if page_type == "404" else 200), path
            expect(page.get_by_role("heading", level=1)).to_be_visible()
            expect(page.locator("nav.site-nav a").first).to_be_visible()

        # The main menu and the footer search form work as plain links and a GET form.
        page.goto(f"/{language}/")
        page.locator("nav.site-nav").get_by_role("link").first.click()
        expect(page).to_have_url(re.compile(rf"/{language}/policies/$"))
        query = "교통" if language == "ko" else "speed"
        page.locator("#footer-search-q").fill(query)
        page.locator(".footer-search button").click()
        expect(page).to_have_url(re.compile(rf"/{language}/search/\?q="))
        expect(page.locator("#search-q")).to_have_value(query)
        expect(page.locator(".search-hit").first).to_be_visible()
