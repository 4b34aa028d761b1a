"""Policy sharing, end to end: a policy → where it went → a city → a consultation request
from that city, prefilled, → its tracking reference."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect

CITY_NAMES = {"ko": "울란바토르", "en": "Ulaanbaatar"}


@pytest.fixture
def transfer(portal):
    """Seoul's safe-speed policy taken up by Ulaanbaatar, and passed on to Astana. Committed
    like the session content, so built once whatever the number of runs."""
    from policyshare.sharing.models import City
    from policyshare.sharing.tests.builders import make_city, make_seoul, make_transfer

    if City.objects.filter(slug="ulaanbaatar").exists():
        return
    seoul = make_seoul()
    ulaanbaatar = make_city(slug="ulaanbaatar", names=CITY_NAMES, country="MN")
    astana = make_city(slug="astana", names={"ko": "아스타나", "en": "Astana"}, country="KZ")
    first = make_transfer(policy=portal.policy, source_city=seoul, target_city=ulaanbaatar)
    make_transfer(
        policy=portal.policy_en,
        source_city=ulaanbaatar,
        target_city=astana,
        parent=first,
        stages=(("interest", date(2019, 3, 1)),),
    )


@pytest.mark.parametrize("language", ["ko", "en"])
def test_policy_where_it_went_city_request(visitor, portal, transfer, language):
    page = visitor.page()
    page.goto(f"/{language}/policies/safe-speed/")
    lineage = page.locator("section.policy-lineage")
    expect(lineage.get_by_role("heading", level=2)).to_be_visible()
    # The chain, indented: Ulaanbaatar, then Astana learnt it from Ulaanbaatar.
    expect(lineage.locator(".lineage__row--indent-1")).to_have_count(1)
    lineage.get_by_role("link", name=CITY_NAMES[language]).click()

    expect(page).to_have_url(re.compile(rf"/{language}/cities/ulaanbaatar/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(CITY_NAMES[language])
    requests_before = request_count(page)
    page.locator(".city .request-link a").click()

    expect(page).to_have_url(re.compile(rf"/{language}/requests/consultation/\?city=ulaanbaatar$"))
    expect(page.locator("#id_city")).to_have_value(CITY_NAMES[language])
    expect(page.locator("#id_country")).to_have_value("MN")
    page.fill("#id_name", "Bat-Erdene Dorj")
    page.fill("#id_organisation", "Ulaanbaatar City Hall")
    page.fill("#id_email", "bat@example.org")
    page.fill("#id_topic", "Safe speed limits")
    page.check('input[name="meeting_language"][value="en"]')
    page.fill("#id_message", "How did Seoul lower its urban speed limits?")
    page.check("#id_consent")
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".confirmation__reference")).to_have_text(re.compile(r"^PS-\d{4}-\d{6}$"))
    # The city's page counts the request (and names no one).
    page.goto(f"/{language}/cities/ulaanbaatar/")
    assert request_count(page) == requests_before + 1
    expect(page.locator("main")).not_to_contain_text("Bat-Erdene")


def request_count(page) -> int:
    return int(re.search(r"\d+", page.locator(".city__request-count").inner_text()).group())
