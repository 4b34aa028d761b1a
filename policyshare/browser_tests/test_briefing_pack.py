"""Briefing packs in a browser at phone width with JavaScript off: a reader ticks cases in
the Korean policy library, makes a pack, and gets its page and its PDF."""

import re

from playwright.sync_api import expect

from .conftest import MOBILE


def test_ticking_cases_on_the_library_makes_a_pack_without_javascript(visitor, portal):
    page = visitor.page(viewport=MOBILE, javascript=False)
    page.goto(portal.sections["policies"]["ko"].url)
    cards = page.locator(".card--policy")
    expect(cards.first).to_be_visible()
    titles = [cards.nth(n).locator(".card__title").inner_text() for n in range(2)]
    # By their labels, as a reader taps them.
    for n in range(2):
        cards.nth(n).locator(".card__choose label").click()
        expect(cards.nth(n).locator("input[name=ids]")).to_be_checked()
    page.locator(".pack-select__submit button").click()

    expect(page).to_have_url(re.compile(r"/ko/briefing/\?ids=\d+&ids=\d+$"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    for title in titles:
        expect(page.locator(".briefing__cases").get_by_role("link", name=title)).to_be_visible()
    pdf_link = page.locator(".briefing__downloads a").first
    expect(pdf_link).to_be_visible()
    href = pdf_link.get_attribute("href")
    assert href.startswith("/ko/briefing/pack.pdf?ids="), href
    response = page.request.get(href)
    assert response.status == 200
    assert response.body().startswith(b"%PDF")
    # The pack's address is shareable: opened afresh, it lists the same cases.
    again = visitor.page(viewport=MOBILE, javascript=False)
    again.goto(page.url)
    expect(again.locator(".briefing__cases li")).to_have_count(2)
