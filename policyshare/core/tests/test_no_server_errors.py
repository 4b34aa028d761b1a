"""Malformed input never answers 5xx: every public URL and form, on SQLite and PostgreSQL.

The URLs are enumerated from the URLconf (every named route outside the admin) and from the
page tree (every live page); a new route or page type is exercised without editing this file.
Hypothesis sends odd digits of other scripts, NUL characters, integers beyond the database's
range and repeated parameters.
"""

from datetime import date
from urllib.parse import urlencode

import hypothesis
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import DatabaseError, transaction
from django.test import TestCase, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation
from hypothesis import HealthCheck
from hypothesis import strategies as st
from wagtail.documents import get_document_model
from wagtail.models import Page

from policyshare.cooperation_requests.tests.builders import form_data, make_request
from policyshare.core.tests import builders
from policyshare.newsletter import services as newsletter
from policyshare.sharing.models import ProjectParticipant
from policyshare.sharing.tests import builders as sharing_builders

# Enough to meet each kind of odd value a few times, few enough to take seconds per family.
EXAMPLES_PER_FAMILY = 10
LANGUAGES = ("ko", "en")
# Staff pages have their own tests (cooperation_requests/tests/test_admin.py).
STAFF_PREFIXES = ("admin/", "documents/")

ODD_DIGITS = ["²", "①", "١٢", "٣", "𝟙", "Ⅻ", "৪", "๓", "¼", "߁"]
# Tried in every parameter of every URL and form before Hypothesis explores: digits that
# `str.isdigit()` accepts and `int()` refuses, or the reverse; integers beyond any database
# column; a NUL character.
KNOWN_BAD_VALUES = ["²", "①", "١٢", str(2**63), str(-(10**30)), "a\x00b"]
HUGE_INTEGERS = st.one_of(
    st.integers(min_value=2**31 - 1, max_value=10**40),
    st.integers(max_value=-(2**31), min_value=-(10**40)),
).map(str)
ODD_VALUES = st.one_of(
    st.sampled_from(ODD_DIGITS),
    st.text(st.characters(categories=["Nd", "No", "Nl"]), min_size=1, max_size=6),
    HUGE_INTEGERS,
    st.text(min_size=0, max_size=8).map(lambda text: text + "\x00" + text),
    st.sampled_from(["", "1", "2017", "transport", "news", "date", "\x00", "a\x00b", "-1"]),
    st.text(max_size=12),
)
# The parameters the public views read, and some they do not.
PARAMETER_NAMES = [
    "year",
    "page",
    "policy",
    "policies",
    "theme",
    "from",
    "to",
    "q",
    "type",
    "lang",
    "board",
    "sort",
    "kind",
    "choices",
    "page_size",
    "rich_text_format",
    "channel",
    "stage",
    "country",
    "city",
    "population_band",
    "income_group",
    "climate_zone",
    "hl",
    "a\x00b",
]


def odd_parameters(names):
    """[(name, value), …]: each name zero, one or two times (`?year=1&year=²`), so that every
    parameter a view reads meets every kind of odd value within a few examples."""
    per_name = [
        st.lists(ODD_VALUES, max_size=2).map(lambda values, name=name: [(name, v) for v in values])
        for name in names
    ]
    return st.tuples(*per_name).map(lambda groups: [pair for group in groups for pair in group])


HYPOTHESIS = hypothesis.settings(
    max_examples=EXAMPLES_PER_FAMILY,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)


def named_routes(resolver=None, namespace=""):
    """(name, pattern's parameter names) for every named route outside the staff pages."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if str(entry.pattern).startswith(STAFF_PREFIXES):
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from named_routes(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield namespace + entry.name, tuple(entry.pattern.regex.groupindex)


@override_settings(REQUEST_RATE_LIMIT=1_000_000, OPEN_DATA_API_RATE_LIMIT=1_000_000)
class NoServerErrorTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        sections = builders.sections(languages=LANGUAGES)
        theme_en = builders.make_theme(language="en", slug="transport")
        theme_ko = builders.make_theme(language="ko", slug="transport", translation_of=theme_en)
        policy = builders.make_policy(
            library=sections["policies"]["ko"], slug="bus-lanes", themes=[theme_ko]
        )
        builders.translate_page(policy, language="en").themes.set([theme_en])
        cls.policy = policy
        for board in ("news", "media", "videos", "reports"):
            for language in LANGUAGES:
                cls.post = builders.make_post(
                    board=sections[board][language],
                    registered_on=date(2019, 5, 1),
                    source_outlet="Outlet",
                    original_url="https://example.org/",
                    video_url="https://youtu.be/abcdefgh",
                )
        builders.make_partner(language="en")
        seoul = sharing_builders.make_seoul()
        city = sharing_builders.make_city(slug="ulaanbaatar")
        sharing_builders.make_relationship(city=city, kind="sister", signed_year=1995)
        cls.transfer = sharing_builders.make_transfer(
            policy=policy, source_city=seoul, target_city=city
        )
        cls.project = sharing_builders.make_project(
            section=sections["sharing"]["ko"], cities=[city], policies=[policy]
        )
        # A complete IATI activity, so the export is served, not refused with a 503.
        ProjectParticipant.objects.create(page=cls.project, name="Seoul", role="funding")
        builders.make_standard_page(parent=sections["news"]["en"].get_parent())
        cls.document = get_document_model().objects.create(
            title="Plan", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="plan.pdf")
        )
        policy.attachments.create(document=cls.document)
        _request, cls.tracking_token = make_request(language="en")
        subscription = newsletter.subscribe(
            email="reader@example.org", language="en", theme_slugs=["transport"]
        )
        confirm_signed = newsletter.confirm_url(subscription).rstrip("/").rsplit("/", 1)[1]
        choices_signed = newsletter._choices_query("en", ["transport"]).split("=", 1)[1]
        # Real tokens, each also offered where the other belongs.
        cls.tokens = [confirm_signed, choices_signed, cls.tracking_token, "x", "²", "a" * 300]

    def setUp(self):
        cache.clear()

    def route_kwargs(self, names):
        """Values for a route's parameters: real items, so that the view does its work."""
        samples = {
            "page_id": self.policy.pk,
            "page_view_restriction_id": 1,
            "policy_id": self.policy.pk,
            "post_id": self.post.pk,
            "signed": self.tokens[0],
            "token": self.tracking_token,
            "kind_slug": "study-visit",
            "language": "en",
            "slug": "transport",
            "kind": "news",
            "rest": "nothing-here",
            "transfer_id": self.transfer.pk,
            "project_id": self.project.pk,
            "document_id": self.document.pk,
            "document_filename": self.document.filename,
        }
        return {name: samples[name] for name in names}

    def url_families(self):
        """{family: [path, …]}: each public named route in each language, each page type."""
        families = {}
        for name, parameters in named_routes():
            if name == "wagtail_serve":
                continue  # Wagtail's pages: each live page, below
            for language in LANGUAGES:
                with translation.override(language):
                    path = reverse(name, kwargs=self.route_kwargs(parameters))
                families.setdefault(name, set()).add(path)
        for page in Page.objects.live().public().specific().filter(depth__gt=1):
            families.setdefault(type(page).__name__, set()).add(page.url)
            # The routes of routable pages (the sharing section's sub-pages, city pages).
            for route in self.routable_subpaths(page):
                families.setdefault(f"{type(page).__name__}:{route}", set()).add(
                    f"{page.url}{route}"
                )
        return {family: sorted(paths) for family, paths in families.items()}

    def routable_subpaths(self, page):
        from policyshare.sharing.models import CityIndexPage, SharingIndexPage
        from policyshare.sharing.section import SUB_PAGES

        if isinstance(page, SharingIndexPage):
            return [suffix for _name, suffix in SUB_PAGES] + [f"transfers/{self.transfer.pk}/"]
        if isinstance(page, CityIndexPage):
            return ["ulaanbaatar/", "seoul/"]
        return []

    def assert_no_server_error(self, method, path, data=None):
        # Each request in its own savepoint: on PostgreSQL a failed statement would abort the
        # test's transaction for every request after it. The test client re-raises a view's
        # exception, so a failure names its cause.
        try:
            with transaction.atomic():
                response = getattr(self.client, method)(path, data)
        except DatabaseError as error:
            self.fail(f"{method.upper()} {path!r} {data!r}: {error!r}")
        self.assertLess(response.status_code, 500, f"{method.upper()} {path!r} {data!r}")

    def test_the_families_cover_every_public_route_and_page_type(self):
        families = self.url_families()
        for expected in [
            "search",
            "api-v1:search",
            "sitemap",
            "feed_board_rss",
            "feed_theme_atom",
            "inquiries:form",
            "inquiries:track",
            "newsletter:confirm",
            "api-v1:list_policies",
            "page_view_beacon",
            "document_download",
            "BoardIndexPage",
            "BoardPost",
            "PolicyLibraryPage",
            "PolicyCase",
            "PartnersPage",
            "StandardPage",
            "HomePage",
            "SharingIndexPage",
            "CityIndexPage",
            "CooperationProjectPage",
            "CityIndexPage:ulaanbaatar/",
            "SharingIndexPage:cities-like-mine/",
            "api-v1:list_transfers",
        ]:
            self.assertIn(expected, families)
        self.assertIn("/en/news/", families["BoardIndexPage"])
        self.assertIn("/ko/reports/", families["BoardIndexPage"])

    def test_odd_query_parameters_on_every_public_url(self):
        for family, paths in self.url_families().items():
            with self.subTest(family=family):
                self.fuzz_queries(paths)

    def fuzz_queries(self, paths):
        @HYPOTHESIS
        @hypothesis.given(path=st.sampled_from(paths), parameters=odd_parameters(PARAMETER_NAMES))
        def check(path, parameters):
            self.assert_no_server_error("get", f"{path}?{urlencode(parameters)}")

        for path in paths:
            for value in KNOWN_BAD_VALUES:
                # Every parameter twice, the odd value last (what `QueryDict.get` returns).
                parameters = [
                    pair for name in PARAMETER_NAMES for pair in ((name, "1"), (name, value))
                ]
                check = hypothesis.example(path=path, parameters=parameters)(check)
        check()

    def test_odd_values_in_every_public_form(self):
        forms = {
            "/en/requests/consultation/": form_data(),
            "/ko/requests/study-visit/": form_data(),
            "/en/requests/webinar/": form_data(),
            "/en/requests/officials-invitation/": form_data(),
            "/en/requests/new-link/": {"reference": "PS-2026-000001", "email": "a@example.org"},
            "/en/newsletter/": {"email": "a@example.org", "language": "en", "consent": "on"},
            **{
                f"/en/newsletter/{view}/{token}/": {"choices": token}
                for view in ("confirm", "unsubscribe")
                for token in self.tokens
            },
            f"/en/requests/track/{self.tracking_token}/erase/": {},
        }
        for path, valid in forms.items():
            with self.subTest(path=path):
                self.fuzz_form(path, valid)

    def fuzz_form(self, path, valid):
        valid = {"policies": [], "themes": [], "choices": [], **valid}
        names = list(valid)

        @HYPOTHESIS
        @hypothesis.given(changes=odd_parameters(names))
        def check(changes):
            data = dict(valid)
            for name, value in changes:
                # Repeated names send several values, as a form with checkboxes does.
                data[name] = [*data[name], value] if isinstance(data[name], list) else [value]
            self.assert_no_server_error("post", path, data)

        for value in KNOWN_BAD_VALUES:
            check = hypothesis.example(changes=[(name, value) for name in names])(check)
        check()

    def test_tokens_of_one_purpose_used_for_another(self):
        for token in self.tokens:
            for path in [
                f"/en/newsletter/confirm/{token}/?choices={self.tokens[0]}",
                f"/en/newsletter/confirm/{self.tokens[0]}/?choices={token}",
                f"/en/newsletter/unsubscribe/{token}/",
                f"/en/requests/received/{token}/",
                f"/en/requests/track/{token}/",
            ]:
                with self.subTest(path=path):
                    self.assert_no_server_error("get", path)
            self.assert_no_server_error(
                "post", f"/en/newsletter/confirm/{self.tokens[0]}/", {"choices": token}
            )
