"""What a search shows (issue 16): one result per translation group in the reader's language,
a ranking a reader would agree with, clean snippets, and sane answers to bad input."""

import datetime
import json

from django.test import TestCase
from wagtail.models import Locale

from policyshare.core.content.search import search_kind_weights
from policyshare.home.services import ensure_sections
from policyshare.policies.models import PolicyCase
from policyshare.search import selectors
from policyshare.search.analysis import get_analyser
from policyshare.search.models import SearchDocument
from policyshare.search.selectors import Highlighter, SearchFilters, search_documents
from policyshare.search.services import document_fields_for_page

from . import factories as make

LANGUAGES = ("ko", "en", "fr", "es", "ar")


def search(query, **kwargs):
    return search_documents(query=query, **kwargs)


class TranslationGroupTests(TestCase):
    """A policy in Korean and English, with French and Arabic copies that have a translated
    title over the English summary, as the demo's partial languages do."""

    @classmethod
    def setUpTestData(cls):
        with cls.captureOnCommitCallbacks(execute=True):
            ensure_sections(languages=LANGUAGES)
            cls.bus_en = make.policy(
                title="Bus reform",
                summary="Seoul reorganised its bus routes into trunk and branch lines.",
                language="en",
            )
            cls.bus_ko = make.translation(
                cls.bus_en,
                language="ko",
                title="버스 체계 개편",
                summary="서울시는 버스 노선을 간선과 지선으로 개편했다.",
            )
            cls.bus_fr = make.translation(cls.bus_en, language="fr", title="Réforme des bus")
            cls.bus_ar = make.translation(cls.bus_en, language="ar", title="إصلاح الحافلات")
            # Twelve other policies with copies, to count pages of groups.
            cls.lines = []
            for n in range(12):
                page = make.policy(
                    title=f"Tram line {n}",
                    summary=f"A tram line number {n} crosses the city.",
                    language="en",
                    slug=f"tram-{n}",
                )
                make.translation(page, language="fr", title=f"Ligne de tramway {n}")
                cls.lines.append(page)

    def test_one_result_per_group_in_the_readers_language(self):
        cases = [
            ("en", "en", "Bus reform"),
            ("fr", "fr", "Réforme des bus"),
            ("ar", "ar", "إصلاح الحافلات"),
            # No Spanish version: English, the first fallback, not the French copy.
            ("es", "en", "Bus reform"),
            # The Korean version does not contain "bus routes": English is shown.
            ("ko", "en", "Bus reform"),
        ]
        for reader, shown, title in cases:
            with self.subTest(reader=reader):
                outcome = search("bus routes", language=reader)
                self.assertEqual(outcome.total, 1)
                [hit] = outcome.hits
                self.assertEqual((hit.document.language, hit.document.title), (shown, title))
                self.assertEqual(hit.other_language, shown != reader)

    def test_without_a_reader_language_the_fallback_order_decides(self):
        [hit] = search("bus routes").hits
        self.assertEqual(hit.document.language, "en")

    def test_the_lang_filter_is_on_the_results_language(self):
        outcome = search("bus routes", language="en", filters=SearchFilters(language="fr"))
        self.assertEqual([h.document.title for h in outcome.hits], ["Réforme des bus"])
        self.assertTrue(outcome.hits[0].other_language)

    def test_totals_pages_and_facets_count_groups_not_copies(self):
        outcome = search("tram", language="en", per_page=5)
        self.assertEqual(outcome.total, 12)
        self.assertEqual(outcome.num_pages, 3)
        self.assertEqual(len({h.document.translation_group for h in outcome.hits}), 5)
        facets = {
            name: {v.value: v.count for v in values} for name, values in outcome.facets.items()
        }
        self.assertEqual(facets["kind"], {"policy": 12})
        # Each language: how many results choosing it gives.
        self.assertEqual(facets["language"], {"en": 12, "fr": 12})
        last = search("tram", language="en", per_page=5, page=3)
        self.assertEqual(len(last.hits), 2)
        seen = {
            h.document.translation_group
            for page in (1, 2, 3)
            for h in search("tram", language="en", per_page=5, page=page).hits
        }
        self.assertEqual(len(seen), 12)

    def test_documents_carry_their_group(self):
        groups = set(
            SearchDocument.objects.filter(
                page_id__in=[self.bus_en.pk, self.bus_ko.pk, self.bus_fr.pk, self.bus_ar.pk]
            ).values_list("translation_group", flat=True)
        )
        self.assertEqual(groups, {f"page:{self.bus_en.translation_key}"})

    def test_the_page_labels_and_marks_a_result_in_another_language(self):
        response = self.client.get("/es/search/", {"q": "bus routes"})
        self.assertContains(response, "Bus reform", count=1)
        self.assertContains(response, 'lang="en" dir="ltr"', html=False)
        self.assertContains(response, "search-hit__language", count=1)
        response = self.client.get("/ar/search/", {"q": "bus routes"})
        self.assertContains(response, 'lang="ar" dir="rtl"', html=False)
        self.assertNotContains(response, "search-hit__language")

    def test_the_api_reader_language_is_hl(self):
        data = self.client.get("/api/v1/search", {"q": "bus routes"}).json()
        self.assertEqual(data["hl"], "en")
        self.assertEqual([(r["lang"], r["title"]) for r in data["results"]], [("en", "Bus reform")])
        data = self.client.get("/api/v1/search", {"q": "bus routes", "hl": "fr"}).json()
        self.assertEqual([r["title"] for r in data["results"]], ["Réforme des bus"])
        # `lang` stays a filter, whatever the reader's language.
        data = self.client.get("/api/v1/search", {"q": "bus routes", "hl": "fr", "lang": "ar"})
        self.assertEqual([r["lang"] for r in data.json()["results"]], ["ar"])
        data = self.client.get("/api/v1/search", {"q": "tram", "hl": "fr"}).json()
        self.assertEqual(data["total"], 12)
        self.assertEqual({r["lang"] for r in data["results"]}, {"fr"})

    def test_a_bad_hl_is_a_clear_400(self):
        for value in ("xx", "english", "<script>", "e" * 300, "ko,en"):
            with self.subTest(value=value[:10]):
                response = self.client.get("/api/v1/search", {"q": "bus", "hl": value})
                self.assertEqual(response.status_code, 400)
                [error] = response.json()["detail"]
                self.assertEqual(error["loc"], ["query", "hl"])
                self.assertIn("zh-hans", error["msg"])
        for value in ("", "ZH-HANS", "Ko"):
            with self.subTest(value=value):
                response = self.client.get("/api/v1/search", {"q": "bus", "hl": value})
                self.assertEqual(response.status_code, 200)


class RankingTests(TestCase):
    """The demo's traffic-safety policy, the news post and the report about it."""

    @classmethod
    def setUpTestData(cls):
        with cls.captureOnCommitCallbacks(execute=True):
            cls.policy = make.policy(
                title="Halving road deaths: Seoul's 3rd Traffic Safety Plan",
                summary="In 2015 Seoul counted 3.7 road deaths for every 100,000 residents, "
                "already the best rate in Korea. The city nevertheless aimed for 1.8 by 2021 "
                "and drew up separate action plans for four focus areas, pedestrians first.",
                background="<p>Two earlier plans had steadily improved safety on Seoul's "
                "roads. Set against other world cities, though, a gap remained: in 2014 New "
                "York recorded 2.9 deaths per 100,000 people, and London and Berlin about "
                "1.5.</p><p>People on foot, taxi and bus passengers, motorcyclists and "
                "cyclists face different risks.</p>",
                language="en",
                year=2016,
            )
            cls.news = make.post(
                title="Seoul aims to halve road deaths by 2021",
                summary="The 3rd Traffic Safety Plan sets a target of 1.8 deaths per 100,000 "
                "residents by 2021, down from 3.7 in 2015.",
                body="<p>Seoul has unveiled its 3rd Traffic Safety Plan, which aims to bring "
                "road deaths down to the level of the world's safest cities. Work starts "
                "with a 70% cut in pedestrian deaths through lower speed limits.</p>",
                language="en",
                day=datetime.date(2017, 4, 18),
            )
            cls.report = make.post(
                title="Summary of Seoul's 3rd Traffic Safety Plan",
                summary="A summary of the plan to reach 1.8 road deaths per 100,000 "
                "residents by 2021.",
                body="<p>The four focus areas and their targets on a single page. See the "
                "policy case for the full story.</p>",
                kind="report",
                language="en",
                day=datetime.date(2017, 4, 19),
            )
            # The same words in the title, the summary or the body only, of one kind and age.
            for title, summary, body in [
                ("Harbour notice B", "Harbour works.", "<p>The lighthouse keepers retire.</p>"),
                ("Harbour notice A", "The lighthouse keepers retire.", ""),
                ("Lighthouse keepers", "Harbour works.", ""),
            ]:
                make.post(
                    title=title,
                    summary=summary,
                    body=body,
                    language="en",
                    day=datetime.date(2020, 1, 1),
                )

    def titles(self, query, **kwargs):
        return [hit.document.title for hit in search(query, language="en", **kwargs).hits]

    def test_the_policy_outranks_the_news_and_the_report_that_mention_it(self):
        titles = self.titles("traffic deaths")
        self.assertEqual(titles[0], self.policy.title)
        self.assertEqual(set(titles[1:3]), {self.news.title, self.report.title})

    def test_title_then_summary_then_body(self):
        self.assertEqual(
            self.titles("lighthouse keepers"),
            ["Lighthouse keepers", "Harbour notice A", "Harbour notice B"],
        )

    def test_freshness_breaks_a_tie_in_favour_of_the_newer(self):
        with self.captureOnCommitCallbacks(execute=True):
            newer = make.post(
                title="Ferry timetable", summary="Ferries.", day=datetime.date(2024, 1, 1)
            )
            # Created second: on equal scores the later document would come first.
            older = make.post(
                title="Ferry timetable.", summary="Ferries.", day=datetime.date(2010, 1, 1)
            )
        hits = search("ferry timetable").hits
        self.assertEqual([h.document.page_id for h in hits], [newer.pk, older.pk])

    def test_weights_are_declared_by_the_content_types(self):
        weights = search_kind_weights()
        self.assertGreater(weights["policy"], weights["post"])
        self.assertEqual(weights["page"], 1.0)


class SnippetTests(TestCase):
    def test_block_labels_are_not_indexed_and_headings_are_words(self):
        ensure_sections(languages=("ko", "en"))
        page = make.policy(
            title="Cheonggyecheon",
            summary="Seoul restored a stream.",
            language="en",
            actions=json.dumps(
                [
                    {"type": "heading", "value": {"text": "Removing the highway", "level": "h2"}},
                    {"type": "paragraph", "value": "<p>The elevated road came down.</p>"},
                    {"type": "heading", "value": {"text": "Reopening", "level": "h3"}},
                ]
            ),
        )
        # Wagtail's own searchable content has the levels' labels.
        wagtail_text = PolicyCase._meta.get_field("actions").get_searchable_content(page.actions)
        self.assertIn("H2", wagtail_text)
        fields = document_fields_for_page(page)
        self.assertIn("Removing the highway", fields["text"])
        self.assertIn("Reopening", fields["text"])
        self.assertNotRegex(fields["text"], r"\bH[234]\b")
        # "H2" would be analysed as the term "2".
        self.assertNotRegex(fields["analysed_body"], r"\b\d\b")
        self.assertIn("highway", fields["analysed_body"].split())

    def snippet(self, query, text, **kwargs):
        return str(Highlighter(query, get_analyser().query_terms(query), **kwargs).snippet(text))

    def test_whole_words_only(self):
        snippet = self.snippet("de", "Seoul recorded the decline de la mortalité.")
        self.assertEqual(snippet, "Seoul recorded the decline <mark>de</mark> la mortalité.")
        snippet = self.snippet("restoration", "The stream was restored; restaurants opened.")
        self.assertEqual(snippet, "The stream was <mark>restored</mark>; restaurants opened.")
        # A stop word of the query is not marked at all.
        self.assertNotIn("<mark>", self.snippet("the", "The city and the river."))
        # Arabic and Cyrillic: whole words.
        self.assertEqual(
            self.snippet("الحافلات", "إصلاح الحافلات في سيول"),
            "إصلاح <mark>الحافلات</mark> في سيول",
        )
        self.assertNotIn("<mark>", self.snippet("бус", "автобусы"))

    def test_korean_and_chinese_mark_inside_words(self):
        self.assertIn("<mark>자전거</mark>", self.snippet("자전거", "서울시의 공공자전거 따릉이"))
        snippet = self.snippet("公共自行车", "首尔的公共自行车很受欢迎")
        self.assertIn("<mark>公共自行车</mark>", snippet)

    def test_cut_between_words(self):
        words = " ".join(f"word{n}" for n in range(200)) + " lighthouse " + "tail " * 100
        snippet = self.snippet("lighthouse", words, width=60)
        self.assertTrue(snippet.startswith("… word"))
        self.assertTrue(snippet.endswith(" …"))
        inner = snippet.removeprefix("… ").removesuffix(" …").replace("<mark>", "")
        for word in inner.replace("</mark>", "").split():
            self.assertRegex(word, r"^(word\d+|lighthouse|tail)$")

    def test_cut_between_characters_without_breaking_a_grapheme(self):
        family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # one emoji of five code points
        flag = "\U0001f1f0\U0001f1f7"  # KR
        text = (family + "路" + flag + "e\u0301") * 60 + "自行车" + (family + "道") * 60
        for width in range(40, 60):
            with self.subTest(width=width):
                snippet = self.snippet("自行车", text, width=width)
                self.assertIn("<mark>自行车</mark>", snippet)
                body = snippet.removeprefix("… ").removesuffix(" …")
                body = body.replace("<mark>", "").replace("</mark>", "")
                self.assertTrue(text.find(body) >= 0)
                start = text.find(body)
                for cut in (start, start + len(body)):
                    self.assertFalse(selectors._continues_grapheme(text, cut), cut)

    def test_text_only_and_escaped(self):
        snippet = self.snippet("bus", "Bus & <b>tram</b> <script>x</script>")
        self.assertEqual(
            snippet,
            "<mark>Bus</mark> &amp; &lt;b&gt;tram&lt;/b&gt; &lt;script&gt;x&lt;/script&gt;",
        )

    def test_snippets_of_every_language_on_the_page(self):
        ensure_sections(languages=LANGUAGES)
        with self.captureOnCommitCallbacks(execute=True):
            en = make.policy(
                title="Bus", summary="Trunk bus routes & tram lines date from 2004.", language="en"
            )
            make.translation(
                en, language="es", title="Autobús", summary="Rutas de autobús de la ciudad."
            )
            make.translation(en, language="ar", title="حافلة", summary="خطوط الحافلات في المدينة.")
        for language, query, marked in [
            ("en", "routes", "<mark>routes</mark> &amp; tram"),
            ("es", "rutas autobús", "<mark>Rutas</mark> de <mark>autobús</mark>"),
            ("ar", "الحافلات", "<mark>الحافلات</mark>"),
        ]:
            with self.subTest(language=language):
                response = self.client.get(f"/{language}/search/", {"q": query})
                self.assertContains(response, marked, html=False)
                self.assertNotContains(response, "<mark>de</mark>", html=False)
        # "de" is a Spanish stop word: it finds and marks nothing on the Spanish site.
        self.assertNotContains(self.client.get("/es/search/", {"q": "de"}), "<mark>", html=False)


BAD_QUERIES = [
    "",
    " ",
    "x" * 10_000,
    "교통 " * 3000,
    'traffic" OR "1"="1',
    "NEAR(bus tram, 2) AND -bus* ^tram",
    "'; DROP TABLE portal_search_searchdocument; --",
    "\x00\x07\x1b[31mbus\x7f\u200b\u202e",
    "bus 버스 autobús حافلة 公共汽车 автобус 🚌",
    "%_\\*",
]


class BadInputTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        with cls.captureOnCommitCallbacks(execute=True):
            ensure_sections(languages=LANGUAGES)
            cls.bus = make.policy(title="Bus reform", summary="Seoul's bus routes.", language="en")
            make.translation(cls.bus, language="ko", title="버스 개편", summary="버스 노선 개편")

    def test_the_page_and_the_api_answer_200_in_every_language(self):
        for query in BAD_QUERIES:
            for language in ("en", "ar", "zh-hans"):
                with self.subTest(query=query[:20], language=language):
                    response = self.client.get(f"/{language}/search/", {"q": query})
                    self.assertEqual(response.status_code, 200)
                    response = self.client.get("/api/v1/search", {"q": query, "hl": language})
                    self.assertEqual(response.status_code, 200)
                    data = response.json()
                    self.assertLessEqual(len(data["query"]), 200)
                    self.assertLessEqual(data["total"], 1)
                    for result in data["results"]:
                        self.assertNotIn("<script", result["snippet"])

    def test_mixed_scripts_and_syntax_still_find_the_policy_once(self):
        for query in ["bus 버스 autobús", '"bus" AND NEAR(', "\x00bus\x1b"]:
            with self.subTest(query=query):
                data = self.client.get("/api/v1/search", {"q": query, "hl": "en"}).json()
                self.assertEqual([r["title"] for r in data["results"]], ["Bus reform"])

    def test_a_reader_language_without_a_version_falls_back(self):
        self.assertTrue(Locale.objects.filter(language_code="fr").exists())
        data = self.client.get("/api/v1/search", {"q": "bus", "hl": "fr"}).json()
        self.assertEqual([r["lang"] for r in data["results"]], ["en"])
