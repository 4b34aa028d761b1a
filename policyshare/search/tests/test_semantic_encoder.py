"""Semantic search with the real sentence encoder, on a tiny corpus: a question in one language
finds a policy written only in another. The encoder loads once for the whole test session
(about 4 s): the process keeps it, and the other semantic tests use a fake."""

from django.test import TestCase, override_settings

from policyshare.search import encoder as encoder_module
from policyshare.search.selectors import search_documents

from . import factories as make


@override_settings(PORTAL_SEARCH_SEMANTIC=True)
class CrossLanguageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        assert encoder_module.get_encoder() is not None, "the sentence encoder did not load"
        # Documents and their vectors are made when the transaction commits (the task runs at
        # once in the tests).
        with cls.captureOnCommitCallbacks(execute=True):
            make.sections()
            cls.speed = make.policy(
                title="안전속도 5030", summary="도심 제한속도를 낮춰 교통사고 사망자를 줄였다."
            )
            cls.bikes = make.policy(
                title="따릉이", summary="공공자전거 대여 시스템을 모든 자치구로 확대했다."
            )
            cls.housing = make.policy(
                title="역세권 청년주택", summary="역 근처에 청년 주택을 공급한다."
            )
            cls.stream = make.policy(
                title="Cheonggyecheon restoration",
                summary="Seoul tore down an elevated highway and restored the stream.",
                language="en",
            )

    def first_result(self, query, language):
        hits = search_documents(query=query, language=language).hits
        return hits[0].document.page_id if hits else None

    def test_an_english_question_finds_a_korean_only_policy(self):
        self.assertEqual(self.first_result("traffic deaths", "en"), self.speed.pk)
        self.assertEqual(self.first_result("bike sharing", "en"), self.bikes.pk)
        self.assertEqual(self.first_result("housing for young people", "en"), self.housing.pk)

    def test_a_korean_question_finds_an_english_only_policy(self):
        self.assertEqual(self.first_result("고가도로 철거 하천 복원", "ko"), self.stream.pk)

    @override_settings(PORTAL_SEARCH_SEMANTIC=False)
    def test_words_alone_find_nothing_across_languages(self):
        self.assertIsNone(self.first_result("traffic deaths", "en"))

    def test_odd_input_is_searched_without_error(self):
        for query in ["", "가" * 10_000, 'NEAR("a" b) OR *', "\x00\x01\x1b[0m", "🚲 자전거 bike"]:
            with self.subTest(query=query[:20]):
                outcome = search_documents(query=query, language="en")
                self.assertGreaterEqual(outcome.total, 0)
        hits = search_documents(query="🚲 공공자전거 bike", language="en").hits
        self.assertEqual(hits[0].document.page_id, self.bikes.pk)
