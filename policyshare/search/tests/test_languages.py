"""Analysis per language: French and Spanish stemming and stop words, Arabic normalisation
and light stemming, Chinese bigrams, and highlighting that leaves stop words alone."""

from django.test import SimpleTestCase

from policyshare.search.analysis import get_analyser
from policyshare.search.languages import arabic_stem, is_stop_word, normalise_arabic
from policyshare.search.selectors import Highlighter


def terms(text, language):
    return set(get_analyser().terms(text, language))


def query_terms(text, language):
    return set(get_analyser().query_terms(text, language))


class LanguageAnalysisTests(SimpleTestCase):
    def assertFinds(self, query, text, language):
        self.assertTrue(
            query_terms(query, language) & terms(text, language),
            f"{query!r} shares no term with {text!r} in {language}",
        )

    def test_french_is_stemmed(self):
        self.assertFinds("vélos partagés", "Le vélo partagé de Paris", "fr")
        self.assertFinds("transports publics", "le transport public", "fr")
        self.assertEqual(terms("décès", "fr"), terms("deces", "fr"))
        self.assertEqual(terms("vélos", "fr"), terms("vélo", "fr"))
        self.assertEqual(terms("métros", "fr"), terms("métro", "fr"))
        # The French stemmer, not the English one: "partagés" is not an English word.
        self.assertIn("partag", terms("partagés", "fr"))

    def test_spanish_is_stemmed(self):
        self.assertFinds("bicicletas públicas", "una bicicleta pública", "es")
        self.assertFinds("muertes", "la muerte en el tráfico", "es")
        self.assertIn("biciclet", terms("bicicletas", "es"))
        self.assertEqual(terms("bicis", "es"), terms("bici", "es"))

    def test_french_and_spanish_stop_words_are_dropped(self):
        self.assertEqual(terms("de la les du et", "fr"), set())
        self.assertEqual(terms("de la los y en", "es"), set())
        # Nor do they come back through the English analysis of a Spanish reader's query.
        self.assertEqual(query_terms("de la", "es"), set())
        self.assertTrue(is_stop_word("de", "es"))
        self.assertFalse(is_stop_word("de", "en"))

    def test_english_and_the_default_are_unchanged(self):
        self.assertEqual(terms("Seoul restored the stream", "en"), {"seoul", "restor", "stream"})
        self.assertEqual(terms("Seoul restored the stream", ""), {"seoul", "restor", "stream"})
        self.assertEqual(terms("Seoul restored the stream", "ko"), {"seoul", "restor", "stream"})

    def test_a_french_reader_also_finds_english_words(self):
        self.assertTrue(query_terms("bikes", "fr") & terms("bike sharing", "en"))

    def test_arabic_is_normalised(self):
        # Tashkeel, tatweel, alef forms, ta marbuta, alef maqsura.
        self.assertEqual(normalise_arabic("المَدِينَةُ"), "المدينه")
        self.assertEqual(normalise_arabic("مـــدينة"), "مدينه")
        self.assertEqual(normalise_arabic("أحمد"), normalise_arabic("احمد"))
        self.assertEqual(normalise_arabic("إسكان"), "اسكان")
        self.assertEqual(normalise_arabic("آمن"), "امن")
        self.assertEqual(normalise_arabic("مستشفى"), "مستشفي")
        self.assertEqual(terms("المَدِينَةُ", "ar"), terms("المدينة", "ar"))
        self.assertEqual(terms("٢٠٢٤", "ar"), {"2024"})

    def test_arabic_light_stemming(self):
        self.assertEqual(arabic_stem("والدراجات"), "دراج")
        self.assertEqual(arabic_stem("بالمدينه"), "مدين")
        self.assertFinds("الدراجات", "استخدام الدراجة في المدينة", "ar")
        self.assertFinds("الحوادث", "حوادث المرور", "ar")

    def test_arabic_stop_words_are_dropped(self):
        self.assertEqual(terms("في من على إلى", "ar"), set())

    def test_arabic_is_analysed_whatever_the_language(self):
        self.assertEqual(terms("الدراجة", "ko"), terms("الدراجة", "ar"))

    def test_chinese_is_cut_into_bigrams(self):
        self.assertEqual(get_analyser().terms("自行车", "zh-hans"), ["自行", "行车"])
        self.assertEqual(get_analyser().terms("车", "zh-hans"), ["车"])
        self.assertFinds("自行车", "首尔市公共自行车系统", "zh-hans")
        self.assertFinds("交通事故", "减少了交通事故死亡人数", "zh-hans")
        self.assertFalse(query_terms("自行车", "zh-hans") & terms("城市铁路", "zh-hans"))

    def test_mixed_scripts(self):
        found = terms("서울시의 공공자전거 bike 自行车 الدراجة", "ko")
        self.assertTrue({"자전거", "bike", "自行", "دراج"} <= found, found)
        self.assertTrue({"首尔", "bike"} <= terms("首尔bike", "zh-hans"))

    def test_every_term_is_one_run_of_letters_or_digits(self):
        import re

        text = "Les vélos ـــ المَدِينَةُ 首尔市 ٢٠٢٤ Ünïcödé\x00\u200b"
        for language in ("fr", "es", "ar", "zh-hans", "en", "ko"):
            for term in get_analyser().terms(text, language):
                self.assertRegex(term, re.compile(r"^(?:[^\W\d_]+|\d+)$"))


class StopWordHighlightTests(SimpleTestCase):
    def test_spanish_stop_words_are_not_marked_inside_words(self):
        query = "historia de bicicletas"
        highlighter = Highlighter(query, get_analyser().query_terms(query, "es"), language="es")
        snippet = str(highlighter.snippet("The recorded history of bicicletas in Seoul"))
        self.assertNotIn("<mark>de</mark>", snippet)
        self.assertIn("recorded", snippet)
        self.assertNotIn("recor<mark>", snippet)
        self.assertIn("<mark>bicicletas</mark>", snippet)

    def test_query_words_are_marked_as_whole_words_only(self):
        query = "bus"
        highlighter = Highlighter(query, get_analyser().query_terms(query, "en"), language="en")
        snippet = str(highlighter.snippet("A bus lane, not a business"))
        self.assertIn("<mark>bus</mark> lane", snippet)
        self.assertNotIn("<mark>bus</mark>iness", snippet)
