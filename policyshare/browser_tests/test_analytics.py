"""The editors' analytics page (/admin/analytics/) in a browser: axe-core finds no WCAG 2.1
A/AA violation in what the page adds (its form, charts and tables), in English and Arabic
(right to left), on a desktop and a phone; the period form works without JavaScript.
Screenshots go to artifacts/screenshots/."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from .conftest import ARTIFACTS, VIEWPORTS

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCREENSHOTS = ARTIFACTS / "screenshots"
PASSWORD = "analytics horse battery"  # noqa: S105 (a test user of the test database)


@pytest.fixture
def analyst(portal):
    from django.utils import timezone
    from wagtail.users.models import UserProfile

    from policyshare.core.models import PageViewDay
    from policyshare.core.tests import builders
    from policyshare.search.models import SearchQueryDay

    user = builders.make_admin_user("analyst", group="Editors")
    user.set_password(PASSWORD)
    user.save()
    today = timezone.localdate()
    policy = builders.make_policy(library=portal.sections["policies"]["ko"], slug="read-much")
    for days in range(5):
        PageViewDay.objects.create(page=policy, day=today - timedelta(days=days), views=days + 2)
        SearchQueryDay.objects.create(
            day=today - timedelta(days=days), language="en", query="=bus", searches=3, misses=1
        )
    yield user, UserProfile.get_for_user(user)
    PageViewDay.objects.filter(page=policy).delete()
    SearchQueryDay.objects.filter(query="=bus").delete()
    policy.delete()
    user.delete()


def log_in(page, next_url):
    page.goto(f"/admin/login/?next={next_url}")
    page.locator("#id_username").fill("analyst")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("button[type=submit]").click()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_analytics_page_has_no_axe_violations(visitor, analyst, axe_script, language):
    _user, profile = analyst
    profile.preferred_language = language
    profile.save()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    problems = []
    for width_name, viewport in VIEWPORTS.items():
        page = visitor.page(viewport=viewport, bypass_csp=True)
        log_in(page, "/admin/analytics/?compare=previous")
        expect(page).to_have_url(re.compile(r"/admin/analytics/\?compare=previous$"))
        expect(page.locator("svg[role=img]")).to_have_count(5)
        page.screenshot(
            path=SCREENSHOTS / f"admin-analytics-{language}-{width_name}.png", full_page=True
        )
        chart = page.locator("#analytics-chart-views-title").locator("xpath=..")
        chart.scroll_into_view_if_needed()
        chart.screenshot(path=SCREENSHOTS / f"admin-analytics-{language}-{width_name}-chart.png")
        page.add_script_tag(path=str(axe_script))
        result = page.evaluate(
            "tags => axe.run({include: [['.nice-padding']]},"
            " {runOnly: {type: 'tag', values: tags}})",
            AXE_TAGS,
        )
        problems += [
            f"[{width_name}] {v['id']}: {v['help']} at "
            + ", ".join(" ".join(node["target"]) for node in v["nodes"][:5])
            for v in result["violations"]
        ]
    assert not problems, "axe found violations:\n" + "\n".join(problems)


def test_period_form_works_without_javascript(visitor, analyst):
    _user, profile = analyst
    profile.preferred_language = "en"
    profile.save()
    page = visitor.page(javascript=False)
    log_in(page, "/admin/analytics/")
    page.locator("#id_from").fill("2026-02-01")
    page.locator("#id_to").fill("2026-01-01")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_text("The start date is after the end date.")).to_be_visible()
    expect(page).to_have_url(re.compile(r"from=2026-02-01&to=2026-01-01"))
