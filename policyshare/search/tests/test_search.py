import datetime
import json
from unittest import mock

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import TestCase, override_settings
from wagtail.models import Locale, Page

from policyshare.policies.models import PolicyCase, Theme
from policyshare.search import selectors, services
from policyshare.search.models import SearchDocument, SearchQueryDay
from policyshare.search.selectors import SearchFilters, search_documents

from . import factories as make


class SearchTestData(TestCase):
    @classmethod
    def setUpTestData(cls):
        # Documents are written when a transaction commits; a TestCase never commits.
        with cls.captureOnCommitCallbacks(execute=True):
            cls.build_content()

    @classmethod
    def build_content(cls):
        make.sections()
        cls.transport = make.theme(name="교통", slug="transport", popular=True)
        make.theme(name="Transport", slug="transport", language="en")
        cls.seoul_is = make.policy(
            title="보행 친화 도시",
            summary="서울시는 보행자 중심의 도로를 만들었다.",
            themes=[cls.transport],
            year=2013,
        )
        cls.seoul_of = make.post(title="시장 인터뷰", summary="서울시의 정책 방향을 소개합니다.")
        cls.regeneration = make.policy(
            title="세운상가 재생", summary="낡은 도심에서 도시재생을 추진했다.", year=2015
        )
        cls.accidents = make.policy(
            title="안전속도 5030",
            summary="교통사고 사망자를 절반으로 줄였다.",
            themes=[cls.transport],
            year=2019,
        )
        cls.bikes = make.post(
            title="따릉이 이용 증가",
            summary="공공자전거 이용이 크게 늘었다.",
            kind="media",
            source_outlet="연합뉴스",
        )
        cls.stream = make.policy(
            title="Cheonggyecheon",
            summary="Seoul restored the Cheonggyecheon stream in 2005.",
            language="en",
            year=2003,
        )
        cls.about = make.standard_page(
            title="서울 정책공유 소개", introduction="정책공유란 무엇인가"
        )
        cls.partner = make.partner(name="세계은행", description="국제 개발 금융 기관")

    def titles(self, query, **kwargs):
        outcome = search_documents(query=query, **kwargs)
        return [hit.document.title for hit in outcome.hits]


class MustFindTests(SearchTestData):
    def test_must_find(self):
        cases = [
            ("서울시", ["보행 친화 도시", "시장 인터뷰"]),  # 서울시는, 서울시의
            ("도시재생", ["세운상가 재생"]),  # 도시재생을
            ("교통", ["안전속도 5030"]),  # 교통사고
            ("자전거", ["따릉이 이용 증가"]),  # 공공자전거
            ("restoration", ["Cheonggyecheon"]),  # restored
        ]
        for query, expected in cases:
            with self.subTest(query=query):
                titles = self.titles(query)
                for title in expected:
                    self.assertIn(title, titles)

    def test_wagtail_search_finds_the_same(self):
        # The admin and `.search()` go through the analysed Wagtail backend.
        for query, page in [
            ("서울시", self.seoul_is),
            ("서울시", self.seoul_of),
            ("도시재생", self.regeneration),
            ("교통", self.accidents),
            ("자전거", self.bikes),
            ("restoration", self.stream),
        ]:
            with self.subTest(query=query):
                found = Page.objects.live().specific().search(query)
                self.assertIn(page.pk, [p.pk for p in found])

    def test_admin_autocomplete_finds_prefixes_and_particles(self):
        self.assertIn(self.accidents.pk, [p.pk for p in Page.objects.autocomplete("안전속")])
        self.assertIn(self.stream.pk, [p.pk for p in Page.objects.autocomplete("cheonggy")])

    def test_partners_and_pages_are_found(self):
        self.assertIn("세계은행", self.titles("세계은행"))
        self.assertIn("서울 정책공유 소개", self.titles("정책공유"))

    def test_title_matches_rank_first(self):
        self.assertEqual(self.titles("재생")[0], "세운상가 재생")


class FacetAndPagingTests(SearchTestData):
    def test_facets_count_the_matches(self):
        outcome = search_documents(query="교통 자전거", language="ko")
        kinds = {v.value: v.count for v in outcome.facets["kind"]}
        self.assertEqual(kinds, {"policy": 2, "post": 1})
        themes = {v.value: (v.label, v.count) for v in outcome.facets["theme"]}
        self.assertEqual(themes["transport"], ("교통", 2))

    def test_filters_and_facets_of_other_dimensions(self):
        outcome = search_documents(query="교통 자전거", filters=SearchFilters(kind="post"))
        self.assertEqual([h.document.title for h in outcome.hits], ["따릉이 이용 증가"])
        # The kind facet still shows every kind, so the reader can switch.
        self.assertEqual({v.value for v in outcome.facets["kind"]}, {"policy", "post"})

    def test_year_and_language_filters(self):
        self.assertEqual(
            self.titles("교통 자전거", filters=SearchFilters(year=2019)), ["안전속도 5030"]
        )
        self.assertEqual(self.titles("restoration", filters=SearchFilters(language="ko")), [])

    def test_other_language_results_are_labelled(self):
        outcome = search_documents(query="restoration", language="ko")
        self.assertTrue(outcome.hits[0].other_language)
        outcome = search_documents(query="restoration", language="en")
        self.assertFalse(outcome.hits[0].other_language)

    def test_pagination_and_date_sort(self):
        outcome = search_documents(query="교통 자전거 도시재생", per_page=2, page=2, sort="date")
        self.assertEqual(outcome.total, 4)
        self.assertEqual(outcome.num_pages, 2)
        self.assertEqual(len(outcome.hits), 2)
        everything = search_documents(query="교통 자전거 도시재생", sort="date").hits
        dates = [h.document.date for h in everything]
        self.assertEqual(dates, sorted(dates, reverse=True))

    def test_snippets_mark_the_match(self):
        hit = search_documents(query="도시재생").hits[0]
        self.assertIn("<mark>도시재생</mark>을", hit.snippet)
        hit = search_documents(query="restoration").hits[0]
        self.assertIn("<mark>restored</mark>", hit.snippet)


class CandidateCapTests(SearchTestData):
    """Only the best CANDIDATE_LIMIT matches are looked at; beyond, counts are lower bounds."""

    def test_exact_below_the_cap(self):
        outcome = search_documents(query="교통 자전거")
        self.assertEqual(outcome.total, 3)
        self.assertTrue(outcome.total_exact)
        self.assertTrue(outcome.facets_exact)

    def test_more_matches_than_the_cap_give_lower_bounds(self):
        with mock.patch.object(selectors, "CANDIDATE_LIMIT", 2):
            outcome = search_documents(query="교통 자전거")
            data = self.client.get("/api/v1/search", {"q": "교통 자전거"}).json()
            page = self.client.get("/ko/search/", {"q": "교통 자전거"}).content.decode()
        self.assertEqual(
            (outcome.total, outcome.total_exact, outcome.facets_exact), (2, False, False)
        )
        self.assertEqual(sum(v.count for v in outcome.facets["kind"]), 2)
        self.assertEqual(
            (data["total"], data["total_exact"], data["facets_exact"]), (2, False, False)
        )
        self.assertRegex(page, r'class="search-facet__count">\(<bdi dir="ltr">\d+\+</bdi>\)')
        self.assertIn("검색 결과 2+건", page)  # the summary says the total is a lower bound

    def test_a_filter_finds_matches_beyond_the_cap(self):
        with mock.patch.object(selectors, "CANDIDATE_LIMIT", 1):
            best = search_documents(query="교통 자전거").hits[0].document
            other = "post" if best.kind == "policy" else "policy"
            outcome = search_documents(query="교통 자전거", filters=SearchFilters(kind=other))
        self.assertEqual(outcome.total, 1)
        self.assertEqual(outcome.hits[0].document.kind, other)


class DocumentLifecycleTests(SearchTestData):
    def test_unpublishing_removes_and_republishing_restores(self):
        with self.captureOnCommitCallbacks(execute=True):
            self.accidents.unpublish()
        self.assertNotIn("안전속도 5030", self.titles("교통사고"))
        with self.captureOnCommitCallbacks(execute=True):
            make.publish(self.accidents)
        self.assertIn("안전속도 5030", self.titles("교통사고"))

    def test_a_draft_does_not_change_the_document(self):
        self.regeneration.summary = "초안: 전혀 다른 내용"
        with self.captureOnCommitCallbacks(execute=True):
            self.regeneration.save_revision()
        self.assertIn("세운상가 재생", self.titles("도시재생"))
        self.assertEqual(self.titles("초안"), [])

    def test_deleting_removes(self):
        self.bikes.delete()
        self.assertEqual(self.titles("자전거"), [])

    def test_each_page_is_indexed_once_per_transaction(self):
        spy = mock.patch.object(services, "index_page", wraps=services.index_page)
        with spy as index_page, self.captureOnCommitCallbacks(execute=True):
            # Created, published by the factory, then published again: one transaction.
            page = make.policy(title="한강 수상택시", summary="한강에서 수상택시를 운행했다.")
            make.publish(page)
        self.assertEqual(index_page.call_args_list.count(mock.call(page_id=page.pk)), 1)
        self.assertIn("한강 수상택시", self.titles("수상택시"))

    def test_nothing_is_indexed_before_the_commit(self):
        page = make.policy(title="심야 올빼미버스", summary="심야에 버스를 운행했다.")
        self.assertEqual(self.titles("올빼미버스"), [])
        services.flush_pending_index()
        self.assertEqual(self.titles("올빼미버스"), ["심야 올빼미버스"])
        self.assertTrue(SearchDocument.objects.filter(page=page).exists())

    def test_a_new_draft_schedules_nothing(self):
        library = make.sections()["policies"]["ko"]
        with mock.patch.object(services, "schedule_index") as schedule_index:
            library.add_child(
                instance=PolicyCase(
                    title="초안 정책", slug="draft", period_start_year=2020, live=False
                )
            )
        schedule_index.assert_not_called()

    def test_dates_are_seoul_days(self):
        # 15:30 UTC on 31 December 2025 is already 1 January 2026 in Seoul (TIME_ZONE).
        moment = datetime.datetime(2025, 12, 31, 15, 30, tzinfo=datetime.UTC)
        pks = [self.about.pk, self.stream.pk]
        Page.objects.filter(pk__in=pks).update(first_published_at=moment, last_published_at=moment)
        about = services.document_fields_for_page(Page.objects.get(pk=self.about.pk))
        self.assertEqual((about["date"], about["year"]), (datetime.date(2026, 1, 1), 2026))
        stream = services.document_fields_for_page(Page.objects.get(pk=self.stream.pk))
        self.assertEqual(stream["date"], datetime.date(2026, 1, 1))

    def test_rebuild_matches_the_signals(self):
        before = set(SearchDocument.objects.values_list("key", flat=True))
        SearchDocument.objects.all().delete()
        self.assertEqual(services.rebuild_documents(), len(before))
        self.assertEqual(set(SearchDocument.objects.values_list("key", flat=True)), before)
        self.assertIn("세운상가 재생", self.titles("도시재생"))


BAD_QUERIES = [
    "",
    " ",
    "x" * 10_000,
    "서울시" * 4000,
    '"',
    '"서울시',
    "*",
    "교통*",
    "NEAR(",
    "NEAR(교통 자전거)",
    "AND",
    "서울 AND OR NOT",
    "-",
    "-교통",
    "^",
    "title:교통",
    "'; DROP TABLE portal_search_searchdocument; --",
    "1' OR '1'='1",
    "😀🚲",
    "자전거🚲bike",
    "Seoul서울ソウル首尔",
    "\x00\x01\x1b[31m교통\x7f",
    "\u200b\u202e교통",
    "()[]{}:;,.!?",
    "\\",
    "%",
    "_",
]


class RobustnessTests(SearchTestData):
    def test_bad_input_never_breaks_the_page_or_the_api(self):
        for query in BAD_QUERIES:
            with self.subTest(query=query[:30]):
                response = self.client.get("/ko/search/", {"q": query})
                self.assertEqual(response.status_code, 200)
                response = self.client.get("/api/v1/search", {"q": query})
                self.assertEqual(response.status_code, 200)
                data = response.json()
                self.assertLessEqual(len(data["query"]), 200)

    def test_syntax_around_words_still_finds_them(self):
        for query in ['"교통"', "교통*", "NEAR(교통", "-교통", "^교통", "\x00교통"]:
            with self.subTest(query=query):
                data = self.client.get("/api/v1/search", {"q": query}).json()
                self.assertIn("안전속도 5030", [r["title"] for r in data["results"]])

    def test_bad_parameters_are_ignored(self):
        response = self.client.get(
            "/ko/search/",
            {"q": "교통", "page": "-3", "year": "abc", "type": "<x>", "sort": "x", "lang": "zz"},
        )
        self.assertEqual(response.status_code, 200)
        response = self.client.get("/api/v1/search", {"q": "교통", "page": "99999"})
        self.assertEqual(response.status_code, 200)


class PageAndApiTests(SearchTestData):
    def test_the_page_in_both_languages(self):
        for language in ("ko", "en"):
            with self.subTest(language=language):
                response = self.client.get(f"/{language}/search/", {"q": "서울시"})
                self.assertContains(response, "보행 친화 도시")
                self.assertContains(response, "<mark>서울시</mark>", html=False)
                self.assertContains(response, 'href="?q=', html=False)

    def test_the_language_facet_marks_each_language_name_with_its_language(self):
        # An English reader finds Korean documents: the facet names Korean in Korean.
        response = self.client.get("/en/search/", {"q": "서울시"})
        self.assertContains(response, '<bdi lang="ko" dir="ltr">한국어</bdi>', html=False)

    @override_settings(SEARCH_POPULAR_MIN_VISITORS=3)
    def test_empty_box_shows_shortcuts(self):
        for n in range(3):
            self.client.get(
                "/ko/search/",
                {"q": "자전거"},
                REMOTE_ADDR=f"192.0.2.{n}",
                HTTP_USER_AGENT="Mozilla/5.0 Firefox/130.0",
            )
        response = self.client.get("/ko/search/")
        self.assertContains(response, "?q=%EA%B5%90%ED%86%B5&amp;theme=transport")  # 교통
        self.assertContains(response, "?q=%EC%9E%90%EC%A0%84%EA%B1%B0")  # 자전거

    def test_api_shape(self):
        response = self.client.get("/api/v1/search", {"q": "교통 자전거", "lang": "ko"})
        self.assertEqual(response["Content-Type"], "application/json")
        data = json.loads(response.content)
        self.assertEqual(data["query"], "교통 자전거")
        self.assertEqual(data["total"], 3)
        first = data["results"][0]
        self.assertEqual(set(first) >= {"title", "url", "type", "lang", "snippet", "score"}, True)
        self.assertTrue(first["url"].startswith("http://testserver/ko/"))
        scores = [r["score"] for r in data["results"]]
        self.assertEqual(scores, sorted(scores, reverse=True))
        self.assertEqual(set(data["facets"]), {"type", "theme", "board", "lang", "year"})

    def test_api_filters_by_type(self):
        data = self.client.get("/api/v1/search", {"q": "교통 자전거", "type": "post"}).json()
        self.assertEqual([r["type"] for r in data["results"]], ["post"])


class FailedSearchTests(SearchTestData):
    def test_searches_that_found_nothing_are_recorded_without_personal_data(self):
        self.client.get("/ko/search/", {"q": "  케이블카   9호선 "}, REMOTE_ADDR="10.1.2.3")
        self.client.get("/ko/search/", {"q": "케이블카 9호선"})
        self.client.get("/ko/search/", {"q": "교통"})
        row = SearchQueryDay.objects.get(query="케이블카 9호선")
        self.assertEqual((row.language, row.searches, row.misses), ("ko", 2, 2))
        self.assertEqual(SearchQueryDay.objects.get(query="교통").misses, 0)
        fields = {f.name for f in SearchQueryDay._meta.get_fields()}
        self.assertEqual(
            fields, {"id", "day", "language", "query", "searches", "misses", "visitors"}
        )
        top = list(selectors.top_failed_searches())
        self.assertEqual(top[0]["query"], "케이블카 9호선")

    def test_editors_with_permission_see_the_report(self):
        services.record_search(query="없는 정책", language="ko", found=False)
        user_model = get_user_model()
        editor = user_model.objects.create_user("editor", password="pw")
        editor.user_permissions.add(
            Permission.objects.get(codename="access_admin"),
        )
        self.client.force_login(editor)
        url = "/admin/reports/failed-searches/"
        self.assertNotEqual(self.client.get(url).status_code, 200)
        editor.user_permissions.add(Permission.objects.get(codename="view_searchqueryday"))
        response = self.client.get(url)
        self.assertContains(response, "없는 정책")


class ChineseSearchTests(TestCase):
    def test_chinese_searches_keep_their_language_and_popular_themes(self):
        make.sections()
        zh, _created = Locale.objects.get_or_create(language_code="zh-hans")
        Theme.objects.create(name="交通", slug="transport", locale=zh, is_popular=True)
        self.client.get("/zh-hans/search/", {"q": "公交"})
        self.assertEqual(SearchQueryDay.objects.get().language, "zh-hans")
        response = self.client.get("/zh-hans/search/")
        self.assertEqual(response.context["shortcuts"][0]["label"], "交通")
        self.assertContains(response, "?q=%E4%BA%A4%E9%80%9A&amp;theme=transport")  # 交通
