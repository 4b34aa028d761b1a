"""On a phone: from the home page to an upcoming event, through the home page's block and
through the menu, register, land on the private registration page and find its link in the
confirmation mail (docs/events.md)."""

import re
from urllib.parse import urlparse

import pytest
from django.core import mail
from playwright.sync_api import expect

PHONE = {"width": 390, "height": 844}
TITLES = {"ko": "도시 교통 연수과정", "en": "Urban transport course"}
CONFIRMED = {"ko": "확정", "en": "Confirmed"}


def register(page, *, language, email):
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLES[language])
    page.locator(f'main a[href^="/{language}/event/"][href$="/register/"]').click()
    page.fill("#id_name", "Ana Gómez")
    page.fill("#id_organisation", "Alcaldía de Bogotá")
    page.fill("#id_city", "Bogotá")
    page.select_option("#id_country", "CO")
    page.fill("#id_email", email)
    page.check("#id_consent")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    errors = page.locator(".form-field__error").all_inner_texts()
    assert not errors, f"the form was refused: {errors}"
    expect(page).to_have_url(re.compile(rf"/{language}/event/registration/[\w-]+/$"))
    # Nothing overflows the phone's width on the way.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("language", ["ko", "en"])
def test_on_a_phone_find_an_upcoming_event_on_the_home_page_and_register(visitor, portal, language):
    page = visitor.page(viewport=PHONE, timezone_id="America/Bogota")
    page.goto(f"/{language}/")
    block = page.locator("section.home-events")
    expect(block).to_be_visible()
    event_link = block.get_by_role("link", name=TITLES[language])
    # The date is the session's, in Seoul's zone, named.
    expect(block.locator(".home-events__meta").first).to_contain_text("UTC+9")
    event_link.click()
    expect(page).to_have_url(re.compile(rf"/{language}/events/urban-transport-course/$"))
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    email = f"phone-{language}@example.org"
    register(page, language=language, email=email)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator("main")).to_contain_text(CONFIRMED[language])
    private_path = urlparse(page.url).path
    # The browser's zone was sent with the form: the private page adds it.
    expect(page.locator("main")).to_contain_text("Bogota")

    [message] = [message for message in mail.outbox if message.to == [email]]
    link = re.search(rf"https?://\S+/{language}/event/registration/\S+/", message.body)
    assert link, message.body
    assert urlparse(link.group()).path == private_path
    page.goto(private_path)
    expect(page.locator("main")).to_contain_text(TITLES[language])


def test_on_a_phone_the_menu_leads_to_the_events_section(visitor, portal):
    page = visitor.page(viewport=PHONE)
    page.goto("/en/")
    page.locator(".site-nav summary").click()
    page.locator(".site-nav a[href='/en/events/']").click()
    expect(page).to_have_url(re.compile(r"/en/events/$"))
    page.locator("main").get_by_role("link", name=TITLES["en"]).click()
    register(page, language="en", email="menu-en@example.org")
    assert [message for message in mail.outbox if message.to == ["menu-en@example.org"]]
