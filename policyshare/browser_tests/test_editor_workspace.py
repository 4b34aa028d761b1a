"""The editors' workspace in a browser, as a member of the Editors group only (issue 20):
from the dashboard, what people read last month, what they searched for, and which requests
are late, each in at most three clicks; the dashboard and the analytics page at phone width
in the six admin languages, with axe-core on the analytics charts."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP

PASSWORD = "workspace horse battery"  # noqa: S105 (a test user of the test database)
PHONE = {"width": 390, "height": 844}
LANGUAGES = ["ko", "en", "fr", "es", "ar", "zh-hans"]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
MOST_READ = "Bus lanes that halved delays"
QUERY = "congestion charge"


@pytest.fixture
def workspace_editor(portal):
    from django.utils import timezone
    from wagtail.users.models import UserProfile

    from policyshare.cooperation_requests.models import CooperationRequest
    from policyshare.cooperation_requests.tests.builders import make_request
    from policyshare.core.models import PageViewDay
    from policyshare.core.tests import builders
    from policyshare.search.models import SearchQueryDay

    user = builders.make_admin_user("workspace-editor", group="Editors")
    user.set_password(PASSWORD)
    user.save()
    assert [group.name for group in user.groups.all()] == ["Editors"]
    today = timezone.localdate()
    last_month_end = today.replace(day=1) - timedelta(days=1)
    read_day = last_month_end - timedelta(days=3)
    policy = builders.make_policy(
        library=portal.sections["policies"]["en"], slug="bus-lanes-delays", title=MOST_READ
    )
    PageViewDay.objects.create(page=policy, day=read_day, views=4321)
    SearchQueryDay.objects.create(day=read_day, language="en", query=QUERY, searches=17, misses=9)
    late, _token = make_request(country="MN", email="late-journey@example.org")
    long_ago = timezone.now() - timedelta(days=40)
    CooperationRequest.objects.filter(pk=late.pk).update(created_at=long_ago)
    late.events.update(created_at=long_ago)
    yield user, UserProfile.get_for_user(user), late
    late.delete()
    SearchQueryDay.objects.filter(query=QUERY).delete()
    PageViewDay.objects.filter(page=policy).delete()
    policy.delete()
    user.delete()


def log_in(page, next_url="/admin/"):
    page.goto(f"/admin/login/?next={next_url}")
    page.locator("#id_username").fill("workspace-editor")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("button[type=submit]").click()
    expect(page).to_have_url(re.compile(re.escape(next_url) + "$"))


class Clicks:
    """Counts the clicks of a journey."""

    def __init__(self, page):
        self.page, self.count = page, 0

    def on(self, locator):
        self.count += 1
        locator.click()


def test_an_editor_answers_the_three_questions_from_the_dashboard(visitor, workspace_editor):
    _user, profile, late = workspace_editor
    profile.preferred_language = "en"
    profile.save()
    page = visitor.page(viewport=DESKTOP)
    log_in(page)

    # (a) What did people read last month? (b) What did they search for?
    clicks = Clicks(page)
    clicks.on(page.get_by_role("link", name="Analytics", exact=True))
    expect(page).to_have_url(re.compile(r"/admin/analytics/$"))
    clicks.on(page.get_by_role("link", name="Last month", exact=True))
    expect(page).to_have_url(re.compile(r"/admin/analytics/\?from=\d{4}-\d\d-01&to="))
    assert clicks.count <= 3
    most_read = page.locator("#analytics-pages tbody tr").first
    expect(most_read.locator("th")).to_have_text(MOST_READ)
    expect(most_read.locator("td").last).to_have_text("4321")
    top_query = page.locator("#analytics-queries tbody tr").first
    expect(top_query.locator("th")).to_have_text(QUERY)
    expect(top_query.locator("td").last).to_have_text("17")
    missed = page.locator("#analytics-zero-queries tbody tr").first
    expect(missed.locator("th")).to_have_text(QUERY)
    expect(missed.locator("td").last).to_have_text("9")

    # (c) Which requests are late? Editors do not handle requests (no inbox), but see which
    # ones are overdue, without anything personal.
    page.goto("/admin/")
    clicks = Clicks(page)
    clicks.on(page.get_by_role("link", name="Analytics", exact=True))
    assert clicks.count <= 3
    overdue = page.locator("#analytics-overdue")
    expect(overdue.locator("caption")).to_contain_text("Requests overdue today: 1")
    expect(overdue.locator("tbody th").first).to_have_text(late.reference)
    expect(overdue).to_contain_text("Mongolia")
    expect(page.locator("body")).not_to_contain_text("late-journey@example.org")
    expect(page.locator('a[href^="/admin/requests/"]')).to_have_count(0)


def _horizontal_overflow(page) -> int:
    return page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def test_dashboard_and_analytics_fit_a_phone_in_every_language(
    visitor, workspace_editor, axe_script
):
    _user, profile, _late = workspace_editor
    problems = []
    for language in LANGUAGES:
        profile.preferred_language = language
        profile.save()
        page = visitor.page(viewport=PHONE, bypass_csp=True)
        log_in(page)
        expect(page.locator("html")).to_have_attribute("lang", language)
        if overflow := _horizontal_overflow(page):
            problems.append(f"[{language}] the dashboard is {overflow}px too wide")
        page.goto("/admin/analytics/?compare=previous")
        expect(page.locator("svg[role=img]")).to_have_count(5)
        if overflow := _horizontal_overflow(page):
            problems.append(f"[{language}] the analytics page is {overflow}px too wide")
        page.add_script_tag(path=str(axe_script))
        result = page.evaluate(
            "tags => axe.run({include: [['.analytics-figure'], ['.analytics-shortcuts'],"
            " ['#analytics-overdue'], ['#analytics-downloads-note']]},"
            " {runOnly: {type: 'tag', values: tags}})",
            AXE_TAGS,
        )
        problems += [
            f"[{language}] {v['id']}: {v['help']} at "
            + ", ".join(" ".join(node["target"]) for node in v["nodes"][:5])
            for v in result["violations"]
        ]
        page.context.close()
    assert not problems, "\n".join(problems)
