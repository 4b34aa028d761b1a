import logging
import threading
from unittest import mock

from django.test import SimpleTestCase, override_settings

from policyshare.search import analysis
from policyshare.search.analysis import BigramAnalyser, KiwiAnalyser, get_analyser


class AnalyserTests(SimpleTestCase):
    def terms_of(self, text):
        return set(get_analyser().terms(text))

    def assertFinds(self, query, text):
        query_terms = set(get_analyser().query_terms(query))
        self.assertTrue(
            query_terms & self.terms_of(text), f"{query!r} shares no term with {text!r}"
        )

    def test_the_korean_model_is_used(self):
        self.assertIsInstance(get_analyser(), KiwiAnalyser)

    def test_particles_are_removed(self):
        self.assertIn("서울시", self.terms_of("서울시는 계획을 세웠다"))
        self.assertIn("서울시", self.terms_of("서울시의 정책"))
        self.assertNotIn("서울시는", self.terms_of("서울시는 계획을 세웠다"))

    def test_must_find_pairs(self):
        for query, text in [
            ("서울시", "서울시는 2005년에"),
            ("서울시", "서울시의 교통 정책"),
            ("도시재생", "낡은 도심의 도시재생을 추진했다"),
            ("교통", "교통사고 사망자가 줄었다"),
            ("자전거", "공공자전거 따릉이"),
            ("restoration", "Seoul restored the stream"),
            ("줄였다", "사망자를 줄인 정책"),
        ]:
            with self.subTest(query=query):
                self.assertFinds(query, text)

    def test_english_is_stemmed_and_stop_words_dropped(self):
        self.assertEqual(get_analyser().terms("The Restoration of Streams"), ["restor", "stream"])

    def test_every_term_is_one_run_of_letters_or_digits(self):
        text = 'Seoul은 "NEAR(a b)" * AND -x ^2 😀 \x00 DROP TABLE x;-- 世宗大路 café'
        for term in get_analyser().terms(text):
            self.assertRegex(term, r"^(?:[^\W\d_]+|\d+)$")

    def test_chinese_is_split_into_bigrams(self):
        for analyser in (get_analyser(), BigramAnalyser()):
            with self.subTest(analyser=analyser.name):
                terms = analyser.terms("首尔第三次交通安全计划")
                self.assertIn("交通", terms)
                self.assertIn("安全", terms)
                self.assertNotIn("首尔第三次交通安全计划", terms)
                self.assertEqual(analyser.terms("市"), ["市"])
                self.assertEqual(analyser.terms("首尔Seoul"), ["首尔", "seoul"])
                query = set(analyser.query_terms("交通安全"))
                self.assertLessEqual(query, set(terms))

    def test_queries_are_cut_and_deduplicated(self):
        terms = get_analyser().query_terms("서울 " * 5000)
        self.assertEqual(terms, ["서울"])
        many = " ".join(f"word{i}x" for i in range(100))
        self.assertLessEqual(len(get_analyser().query_terms(many)), analysis.MAX_QUERY_TERMS)

    def test_one_analyser_per_process(self):
        seen = []
        threads = [threading.Thread(target=lambda: seen.append(get_analyser())) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertTrue(all(a is seen[0] for a in seen))


class FallbackTests(SimpleTestCase):
    def tearDown(self):
        analysis.reset_analyser()

    def test_bigrams_take_over_when_the_model_cannot_load(self):
        analysis.reset_analyser()
        with (
            mock.patch.object(analysis, "_load_kiwi", side_effect=OSError("model missing")),
            self.assertLogs("policyshare.search.analysis", logging.WARNING) as logs,
        ):
            analyser = get_analyser()
        self.assertIsInstance(analyser, BigramAnalyser)
        self.assertIn("model missing", logs.output[0])
        # Still finds the must-find cases, through shared bigrams.
        for query, text in [
            ("서울시", "서울시는"),
            ("도시재생", "도시재생을"),
            ("자전거", "공공자전거"),
            ("restoration", "restored"),
        ]:
            self.assertTrue(set(analyser.query_terms(query)) & set(analyser.terms(text)))

    @override_settings(PORTAL_SEARCH_ANALYSER="bigram")
    def test_the_fallback_can_be_chosen(self):
        analysis.reset_analyser()
        self.assertIsInstance(get_analyser(), BigramAnalyser)


class KiwiOptionsTests(SimpleTestCase):
    def tearDown(self):
        analysis.reset_analyser()

    def load_with_settings(self):
        analysis.reset_analyser()
        with mock.patch("kiwipiepy.Kiwi") as kiwi:
            self.assertIsInstance(get_analyser(), KiwiAnalyser)
        kiwi.return_value.tokenize.assert_called_once_with("")  # loaded before the first request
        return kiwi

    @override_settings(SEARCH_KIWI_OPTIONS={"load_default_dict": True, "num_workers": 0})
    def test_the_setting_is_passed_to_the_model(self):
        kiwi = self.load_with_settings()
        kiwi.assert_called_once_with(load_default_dict=True, num_workers=0)

    def test_no_built_in_dictionary_is_loaded_by_default(self):
        kiwi = self.load_with_settings()
        kiwi.assert_called_once_with(
            load_default_dict=False, load_typo_dict=False, load_multi_dict=False
        )

    def test_the_settings_default_matches_the_analysers(self):
        from django.conf import settings

        self.assertEqual(settings.SEARCH_KIWI_OPTIONS, analysis.DEFAULT_KIWI_OPTIONS)
