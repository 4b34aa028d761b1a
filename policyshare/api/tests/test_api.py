"""The open-data API: content, filters, pagination, CORS, conditional GET and the rate limit."""

import re
from datetime import date, timedelta

from django.core.cache import cache, caches
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from policyshare.core.services import set_view_count
from policyshare.core.tests import builders
from policyshare.policies.models import PolicyCase


class ApiTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        cls.transport_ko = builders.make_theme(language="ko", name="교통", slug="transport")
        cls.transport = builders.make_theme(
            language="en", name="Transport", slug="transport", translation_of=cls.transport_ko
        )
        cls.housing = builders.make_theme(language="en", name="Housing", slug="housing")
        cls.brt_ko = builders.make_policy(
            library=cls.sections["policies"]["ko"],
            title="버스 중앙차로",
            slug="bus-lanes",
            themes=[cls.transport_ko],
            period_start_year=2004,
            period_end_year=2008,
            indicators=[
                {
                    "name": "Bus speed",
                    "unit": "km/h",
                    "baseline_value": "11.5",
                    "baseline_year": 2003,
                    "achieved": [{"year": 2004, "value": "20"}],
                }
            ],
        )
        cls.brt = builders.translate_page(cls.brt_ko, language="en", title="Median bus lanes")
        cls.brt.themes.set([cls.transport])
        cls.brt.save()
        cls.housing_policy = builders.make_policy(
            library=cls.sections["policies"]["en"],
            title="Public housing",
            themes=[cls.housing],
            period_start_year=2012,
        )
        cls.news = builders.make_post(
            board=cls.sections["news"]["en"], title="Seoul news", registered_on=date(2020, 1, 2)
        )
        cls.coverage = builders.make_post(
            board=cls.sections["media"]["en"],
            title="Seoul in The Guardian",
            registered_on=date(2018, 3, 4),
            source_outlet="The Guardian",
        )
        cls.partner = builders.make_partner(language="en", name="CITYNET", kind="international")
        set_view_count(page_id=cls.brt.pk, count=12)

    def setUp(self):
        cache.clear()
        caches["limits"].clear()

    def get_json(self, url, status=200, **headers):
        response = self.client.get(url, headers=headers)
        self.assertEqual(response.status_code, status, response.content[:500])
        return response.json()


class ContentTests(ApiTestCase):
    def test_policies_list_with_translations_and_canonical_urls(self):
        data = self.get_json("/api/v1/policies?language=en")
        self.assertEqual(data["count"], 2)
        brt = next(item for item in data["results"] if item["id"] == self.brt.pk)
        self.assertEqual(brt["title"], "Median bus lanes")
        self.assertEqual(brt["url"], self.brt.get_full_url())
        self.assertEqual(brt["themes"], ["transport"])
        self.assertEqual(brt["views"], 12)
        self.assertEqual(brt["translation_key"], str(self.brt_ko.translation_key))
        self.assertEqual(
            {(t["language"], t["id"]) for t in brt["translations"]},
            {("ko", self.brt_ko.pk), ("en", self.brt.pk)},
        )

    def test_policy_filters(self):
        def ids(query):
            return {item["id"] for item in self.get_json("/api/v1/policies?" + query)["results"]}

        self.assertEqual(ids("theme=transport"), {self.brt.pk, self.brt_ko.pk})
        self.assertEqual(ids("theme=transport&language=ko"), {self.brt_ko.pk})
        self.assertEqual(ids("language=en&year=2006"), {self.brt.pk})
        self.assertEqual(ids("language=en&year=2020"), {self.housing_policy.pk})
        future = (timezone.now() + timedelta(days=1)).isoformat()
        self.assertEqual(ids("updated_since=" + future.replace("+", "%2B")), set())

    def test_updated_since_takes_any_offset_and_the_edges_of_the_calendar(self):
        # PostgreSQL refuses offsets beyond ±15:59; ISO 8601 allows up to ±23:59.
        everything = {item["id"] for item in self.get_json("/api/v1/policies")["results"]}
        for value in [
            "2000-01-01T00:00:00+23:59",
            "2000-01-01T00:00:00-23:59",
            "0001-01-01T00:00:00+16:28",
            "2000-01-01T00:00:00",
        ]:
            with self.subTest(value=value):
                data = self.get_json("/api/v1/policies?updated_since=" + value.replace("+", "%2B"))
                self.assertEqual({item["id"] for item in data["results"]}, everything)
        data = self.get_json("/api/v1/posts?updated_since=9999-12-31T23:59:59-23:59")
        self.assertEqual(data["results"], [])

    def test_policy_detail(self):
        data = self.get_json(f"/api/v1/policies/{self.brt_ko.pk}")
        self.assertEqual(data["period_start_year"], 2004)
        self.assertEqual(data["indicators"][0]["name"], "Bus speed")
        self.assertEqual(data["language"], "ko")
        self.get_json(f"/api/v1/policies/{self.news.pk}", status=404)
        self.get_json("/api/v1/policies/999999", status=404)

    def test_unpublished_content_is_not_served(self):
        self.housing_policy.unpublish()
        self.get_json(f"/api/v1/policies/{self.housing_policy.pk}", status=404)
        ids = {item["id"] for item in self.get_json("/api/v1/policies")["results"]}
        self.assertNotIn(self.housing_policy.pk, ids)

    def test_posts_by_board_and_year(self):
        data = self.get_json("/api/v1/posts?board=media")
        self.assertEqual([item["id"] for item in data["results"]], [self.coverage.pk])
        self.assertEqual(data["results"][0]["board"], "media")
        self.assertEqual(data["results"][0]["source_outlet"], "The Guardian")
        data = self.get_json("/api/v1/posts?year=2020")
        self.assertEqual([item["id"] for item in data["results"]], [self.news.pk])
        self.assertEqual(self.get_json(f"/api/v1/posts/{self.news.pk}")["title"], "Seoul news")

    def test_themes_partners_and_pages(self):
        themes = self.get_json("/api/v1/themes?language=en")["results"]
        self.assertEqual({t["slug"] for t in themes}, {"transport", "housing"})
        partners = self.get_json("/api/v1/partners?kind=international")["results"]
        self.assertEqual([p["name"] for p in partners], ["CITYNET"])
        pages = self.get_json("/api/v1/pages?type=policies.policycase&language=en")["results"]
        self.assertEqual({p["id"] for p in pages}, {self.brt.pk, self.housing_policy.pk})
        self.assertEqual(pages[0]["parent_id"], self.sections["policies"]["en"].pk)

    def test_any_page_in_its_type(self):
        # The type's api_fields, under `fields`, next to the fields of every page.
        data = self.get_json(f"/api/v1/pages/{self.brt.pk}")
        self.assertEqual(data["type"], "policies.policycase")
        self.assertEqual(data["title"], "Median bus lanes")
        self.assertEqual(data["parent_id"], self.sections["policies"]["en"].pk)
        self.assertEqual(data["fields"]["themes"], [self.transport.pk])
        self.assertEqual(data["fields"]["period_start_year"], 2004)
        self.assertEqual(
            {(t["language"], t["id"]) for t in data["translations"]},
            {("ko", self.brt_ko.pk), ("en", self.brt.pk)},
        )
        data = self.get_json(f"/api/v1/pages/{self.news.pk}")
        self.assertEqual(data["type"], "boards.boardpost")
        self.assertEqual(data["fields"]["registered_on"], "2020-01-02")
        board = self.get_json(f"/api/v1/pages/{self.sections['media']['en'].pk}")
        self.assertEqual(board["fields"]["kind"], "media")
        self.housing_policy.unpublish()
        self.get_json(f"/api/v1/pages/{self.housing_policy.pk}", status=404)
        self.get_json("/api/v1/pages/999999", status=404)

    def test_pagination(self):
        first = self.get_json("/api/v1/pages?page_size=5")
        self.assertEqual(len(first["results"]), 5)
        self.assertIsNone(first["previous"])
        self.assertIn("page=2", first["next"])
        second = self.get_json(first["next"].replace("http://testserver", ""))
        self.assertIn("page=1", second["previous"])
        self.assertFalse({p["id"] for p in first["results"]} & {p["id"] for p in second["results"]})
        self.get_json("/api/v1/pages?page_size=101", status=422)

    def test_invalid_filters_are_rejected(self):
        self.get_json("/api/v1/policies?language=de", status=422)
        self.get_json("/api/v1/posts?board=blog", status=422)
        self.get_json("/api/v1/policies?year=abc", status=422)


class HttpBehaviourTests(ApiTestCase):
    def test_cors_is_open_for_reading(self):
        response = self.client.get("/api/v1/themes", headers={"origin": "https://example.org"})
        self.assertEqual(response["Access-Control-Allow-Origin"], "*")
        self.assertNotIn("Access-Control-Allow-Credentials", response)
        preflight = self.client.options("/api/v1/themes")
        self.assertEqual(preflight.status_code, 204)
        self.assertIn("GET", preflight["Access-Control-Allow-Methods"])

    def test_unknown_addresses_are_json_404s_not_language_redirects(self):
        for url in ["/api/v1/nope", "/api/v1/search/", "/api/v1/policies/1/extra"]:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 404)
                self.assertEqual(response.json(), {"detail": "Not Found"})
                self.assertEqual(response["Access-Control-Allow-Origin"], "*")

    def test_the_root_says_where_everything_is(self):
        data = self.get_json("/api/v1/")
        self.assertEqual(data["openapi"], "http://testserver/api/v1/openapi.json")
        self.assertEqual(data["collections"]["policies"], "http://testserver/api/v1/policies")
        for url in [data["openapi"], data["docs"], *data["collections"].values()]:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 200)

    def test_writes_are_not_allowed(self):
        self.assertEqual(self.client.post("/api/v1/themes").status_code, 405)

    def test_conditional_get(self):
        response = self.client.get("/api/v1/policies")
        etag = response["ETag"]
        again = self.client.get("/api/v1/policies", headers={"if-none-match": etag})
        self.assertEqual(again.status_code, 304)
        self.assertEqual(again.content, b"")
        self.assertEqual(again["Access-Control-Allow-Origin"], "*")
        # A change to the content changes the tag.
        builders.make_policy(library=self.sections["policies"]["en"])
        changed = self.client.get("/api/v1/policies", headers={"if-none-match": etag})
        self.assertEqual(changed.status_code, 200)
        self.assertNotEqual(changed["ETag"], etag)

    @override_settings(OPEN_DATA_API_RATE_LIMIT=3, OPEN_DATA_API_RATE_WINDOW=60)
    def test_rate_limit(self):
        for _ in range(3):
            self.assertEqual(self.client.get("/api/v1/themes").status_code, 200)
        response = self.client.get("/api/v1/themes")
        self.assertEqual(response.status_code, 429)
        self.assertTrue(1 <= int(response["Retry-After"]) <= 60)
        self.assertIn("Too many requests", response.json()["detail"])
        # Another address has its own allowance.
        other = self.client.get("/api/v1/themes", REMOTE_ADDR="192.0.2.7")
        self.assertEqual(other.status_code, 200)

    @override_settings(OPEN_DATA_API_RATE_LIMIT=3, OPEN_DATA_API_RATE_WINDOW=60)
    def test_search_shares_the_rate_limit_and_cors(self):
        # The search is served by the search app but is part of the API: same wrapper.
        for _ in range(2):
            response = self.client.get("/api/v1/search", {"q": "bus"})
            self.assertEqual(response.status_code, 200)
            self.assertEqual(response["Access-Control-Allow-Origin"], "*")
            self.assertEqual(response["X-RateLimit-Limit"], "3")
            self.assertIn("ETag", response)
        preflight = self.client.options("/api/v1/search")
        self.assertEqual(preflight.status_code, 204)
        self.assertIn("GET", preflight["Access-Control-Allow-Methods"])
        # One allowance for every endpoint of the API, search included.
        self.assertEqual(self.client.get("/api/v1/themes").status_code, 200)
        response = self.client.get("/api/v1/search", {"q": "bus"})
        self.assertEqual(response.status_code, 429)
        self.assertTrue(1 <= int(response["Retry-After"]) <= 60)
        self.assertEqual(response["Access-Control-Allow-Origin"], "*")

    def test_search_refuses_a_year_that_is_not_a_year(self):
        for year in ["null", "", "abc", "2020.5", "1e3", "3000"]:
            with self.subTest(year=year):
                data = self.get_json(f"/api/v1/search?q=bus&year={year}", status=422)
                self.assertEqual(data["detail"][0]["loc"], ["query", "year"])
        self.get_json("/api/v1/search?q=bus&year=2004")

    def test_openapi_document(self):
        schema = self.get_json("/api/v1/openapi.json")
        self.assertTrue(schema["openapi"].startswith("3."))
        for path in [
            "/api/v1/policies",
            "/api/v1/policies/{policy_id}",
            "/api/v1/posts",
            "/api/v1/themes",
            "/api/v1/partners",
            "/api/v1/pages",
            "/api/v1/pages/{page_id}",
            "/api/v1/search",
        ]:
            self.assertIn(path, schema["paths"])

    def test_operation_ids_of_version_1_are_kept(self):
        # Clients generate code from them; the views have moved to their apps since.
        schema = self.get_json("/api/v1/openapi.json")
        ids = {
            path: operation["operationId"]
            for path, operations in schema["paths"].items()
            for operation in operations.values()
        }
        for path, name in [
            ("/api/v1/policies", "list_policies"),
            ("/api/v1/policies/{policy_id}", "get_policy"),
            ("/api/v1/posts", "list_posts"),
            ("/api/v1/posts/{post_id}", "get_post"),
            ("/api/v1/themes", "list_themes"),
            ("/api/v1/partners", "list_partners"),
            ("/api/v1/pages", "list_pages"),
        ]:
            self.assertEqual(ids[path], "policyshare_api_api_" + name)
        self.assertEqual(len(set(ids.values())), len(ids))

    def test_documentation_is_self_hosted(self):
        response = self.client.get("/api/v1/docs")
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        addresses = re.findall(r'(?:src|href)="([^"]+)"', html)
        self.assertTrue(addresses)
        for address in addresses:
            self.assertTrue(address.startswith("/static/"), address)


class QueryCountTests(ApiTestCase):
    """List endpoints run a fixed number of queries, however many items they return."""

    URLS = [
        "/api/v1/policies",
        "/api/v1/policies?theme=transport",
        "/api/v1/posts",
        "/api/v1/posts?board=news",
        "/api/v1/themes",
        "/api/v1/partners",
        "/api/v1/pages",
    ]

    def queries_for(self, url):
        cache.clear()
        caches["limits"].clear()
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def add_content(self, n):
        for _ in range(n):
            policy = builders.make_policy(
                library=self.sections["policies"]["ko"], themes=[self.transport_ko]
            )
            translation = builders.translate_page(policy, language="en")
            translation.themes.set([self.transport])
            translation.save()
            builders.make_post(board=self.sections["news"]["en"])
            builders.make_theme(language="en")
            builders.make_partner(language="en")

    def test_list_endpoints_do_not_grow_with_items(self):
        self.add_content(1)
        for url in self.URLS:
            self.queries_for(url)
        before = {url: self.queries_for(url) for url in self.URLS}
        self.add_content(5)
        after = {url: self.queries_for(url) for url in self.URLS}
        self.assertEqual(before, after)
        self.assertTrue(PolicyCase.objects.count() > 10)
