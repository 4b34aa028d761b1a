"""Reads a dump of the legacy portal into board posts, partners and pages.

Pure: no database, no settings. Every non-blank line of the dump ends up in exactly one parsed
item (its `lines`), so the import loses nothing. Malformed input raises `LegacyDumpError` with
the number of the offending line; suspicious but usable input becomes a `ParseWarning`.

The format, the prefix → board mapping and what is repaired are described in docs/importer.md.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

BULLET = "•"
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")

# Limits of the fields the items are written to; longer text is an error, not a silent cut.
MAX_TITLE = 255
MAX_WRITER = 100
MAX_OUTLET = 200
MAX_COUNTRY = 100
MAX_PARTNER_NAME = 200
MAX_QUESTION = 300

# Board kinds, as in policyshare.boards.models.BoardKind (kept as plain strings: pure module).
NEWS, MEDIA, VIDEO, REPORT = "news", "media", "video", "report"

# Partner kinds, as in policyshare.partners.models.PartnerKind.
INTERNATIONAL, GOVERNMENT, RESEARCH, PRIVATE = "international", "government", "research", "private"

# Warning kinds.
TRUNCATED_TITLE = "truncated-title"
BROKEN_ENCODING = "broken-encoding"
UNKNOWN_BOARD = "unknown-board"
BOARD_TYPO = "board-typo"
PARTNER_KIND_GUESSED = "partner-kind-guessed"
DUPLICATE = "duplicate"
QUESTION_WITHOUT_ANSWER = "question-without-answer"


class LegacyDumpError(Exception):
    """The dump cannot be imported as it is. Nothing is written."""

    def __init__(self, line: int, message: str):
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message


@dataclass(frozen=True)
class ParseWarning:
    line: int
    kind: str
    message: str

    def as_dict(self) -> dict:
        return {"line": self.line, "kind": self.kind, "message": self.message}


@dataclass(frozen=True)
class ParsedPost:
    lines: tuple[int, ...]
    legacy_source: str
    legacy_key: str
    prefix: str
    board: str
    title: str
    registered_on: date
    writer: str
    views: int
    paragraphs: tuple[str, ...]
    source_outlet: str
    source_country: str
    language: str


@dataclass(frozen=True)
class ParsedPartner:
    lines: tuple[int, ...]
    legacy_source: str
    legacy_key: str
    name: str
    kind: str
    position: int  # 1-based order among the partners of the dump


@dataclass(frozen=True)
class QuestionAnswer:
    question: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class ParsedPage:
    lines: tuple[int, ...]
    legacy_source: str
    legacy_key: str
    title: str
    language: str
    paragraphs: tuple[str, ...]
    questions: tuple[QuestionAnswer, ...]


ParsedItem = ParsedPost | ParsedPartner | ParsedPage


@dataclass
class LegacyDump:
    items: list[ParsedItem] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)

    def of_type(self, kind: type) -> list:
        return [item for item in self.items if isinstance(item, kind)]


# --- Lines ---------------------------------------------------------------------------------

_META = re.compile(
    r"^등록일\s+(?P<date>\S+)\s+글쓴이\s+(?P<writer>.+?)\s+조회수\s+(?P<views>\d[\d,]*)"
    r"(?:\s+READS)?$"
)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_POST_HEADER = re.compile(r"^\[(?P<prefix>[^\]]*)\](?P<title>.*)$")


@dataclass(frozen=True)
class _Line:
    number: int
    raw: str
    text: str  # without surrounding whitespace

    @property
    def is_blank(self) -> bool:
        return not self.text

    @property
    def is_bullet(self) -> bool:
        return self.text.startswith(BULLET)

    @property
    def is_meta(self) -> bool:
        return self.text.startswith("등록일")


@dataclass(frozen=True)
class Metadata:
    registered_on: date
    writer: str
    views: int


def parse_metadata(*, text: str, line: int) -> Metadata:
    """`등록일 2017-03-14 글쓴이 ssunha 조회수 5 READS` → date, writer, views."""
    match = _META.match(text.strip())
    if match is None:
        raise LegacyDumpError(
            line,
            "malformed metadata line (expected '등록일 YYYY-MM-DD 글쓴이 WRITER 조회수 N'): "
            f"{text.strip()!r}",
        )
    raw_date = match["date"]
    parts = _ISO_DATE.match(raw_date)
    try:
        if parts is None:
            raise ValueError
        registered_on = date(int(parts[1]), int(parts[2]), int(parts[3]))
    except ValueError:
        raise LegacyDumpError(
            line, f"invalid date {raw_date!r} (expected a real date as YYYY-MM-DD)"
        ) from None
    writer = match["writer"].strip()
    if len(writer) > MAX_WRITER:
        raise LegacyDumpError(line, f"writer longer than {MAX_WRITER} characters")
    return Metadata(registered_on, writer, int(match["views"].replace(",", "")))


def legacy_views(source: str) -> int | None:
    """The view count recorded in a stored legacy_source, if it has a metadata line."""
    for number, text in enumerate(source.split("\n"), start=1):
        if text.strip().startswith("등록일"):
            try:
                return parse_metadata(text=text, line=number).views
            except LegacyDumpError:
                return None
    return None


def decode(data: bytes) -> str:
    """UTF-8 (with or without a byte-order mark), or an error naming the first bad line."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise LegacyDumpError(
            line, f"not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start})"
        ) from None
    return text.removeprefix("\ufeff")


def _split_lines(text: str) -> list[_Line]:
    # Only "\n" ends a line (not the other separators str.splitlines knows), so the numbers
    # match what an editor or `cat -n` shows.
    lines = []
    for number, raw in enumerate(text.split("\n"), start=1):
        raw = raw.removesuffix("\r")
        if "\x00" in raw:
            raise LegacyDumpError(number, "contains a NUL character")
        lines.append(_Line(number, raw, raw.strip()))
    return lines


# --- Repairs and checks --------------------------------------------------------------------

# A run of U+FFFD between a letter and a final "s" (world��s) or between "n" and a final "t"
# (don��t) stood for an apostrophe: the only reading that makes an English word.
_APOSTROPHE = re.compile(r"(?<=[A-Za-z])\ufffd{1,3}(?=s\b)|(?<=n)\ufffd{1,3}(?=t\b)")
_MOJIBAKE = re.compile(r"â€|Ã[\x80-\xbf]")


def repair(text: str) -> tuple[str, int]:
    """Repair what is certain; return the text and how many broken spots were repaired."""
    return _APOSTROPHE.subn("\u2019", text)


def _check_encoding(text: str, line: int, warnings: list[ParseWarning]) -> str:
    repaired, count = repair(text)
    left = repaired.count("\ufffd")
    if count or left:
        parts = []
        if count:
            parts.append(f"{count} repaired as an apostrophe (U+2019)")
        if left:
            parts.append(f"{left} replacement character(s) U+FFFD left as they are")
        warnings.append(ParseWarning(line, BROKEN_ENCODING, "broken encoding: " + "; ".join(parts)))
    if _MOJIBAKE.search(repaired):
        warnings.append(
            ParseWarning(line, BROKEN_ENCODING, "looks like UTF-8 read as Latin-1; left as it is")
        )
    return repaired


def _check_title(title: str, line: int, warnings: list[ParseWarning]) -> str:
    """Checks a title (already through _check_encoding)."""
    if not title:
        raise LegacyDumpError(line, "item without a title")
    if len(title) > MAX_TITLE:
        raise LegacyDumpError(line, f"title longer than {MAX_TITLE} characters")
    if re.search(r"(?<!\.)\.\.$", title):
        warnings.append(
            ParseWarning(line, TRUNCATED_TITLE, f"title cut short by the old site: {title!r}")
        )
    return title


def language_of(*texts: str) -> str:
    return "ko" if any(HANGUL.search(text) for text in texts) else "en"


def _key(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


# --- Boards --------------------------------------------------------------------------------

# Prefixes that name a board, normalised by _normalise_label.
BOARD_LABELS = {
    "seoul's news": NEWS,
    "seoul news": NEWS,
    "서울소식": NEWS,
    "서울 소식": NEWS,
    "해외언론": MEDIA,
    "해외 언론": MEDIA,
    "언론보도": MEDIA,
    "언론 보도": MEDIA,
    "영상": VIDEO,
    "동영상": VIDEO,
    "vod": VIDEO,
    "보고서": REPORT,
    "report": REPORT,
}
# Outlets seen on the old media board without a country prefix.
KNOWN_OUTLETS = {"the mori memorial foundation"}
_REPORT_WORD = re.compile(r"\breports?\b|보고서", re.IGNORECASE)
_VOD = re.compile(r"^VOD\s*[_:\-]\s*(?P<outlet>.+)$", re.IGNORECASE)
_COUNTRY_OUTLET = re.compile(r"^(?P<country>[^_]+)_(?P<outlet>[^_]+)$")


def _normalise_label(label: str) -> str:
    return re.sub(r"\s+", " ", label.replace("\u2019", "'")).strip().casefold()


@dataclass(frozen=True)
class Board:
    kind: str
    outlet: str = ""
    country: str = ""


def board_of(*, prefix: str, line: int, warnings: list[ParseWarning]) -> Board:
    """The board, outlet and country a `[prefix]` stands for."""
    prefix = prefix.strip()
    label = _normalise_label(prefix)
    if label in BOARD_LABELS:
        return Board(BOARD_LABELS[label])
    if match := _VOD.match(prefix):
        return Board(VIDEO, outlet=match["outlet"].strip())
    if _REPORT_WORD.search(prefix):
        publisher = _REPORT_WORD.sub("", prefix).strip(" _-:")
        return Board(REPORT, outlet=publisher)
    if match := _COUNTRY_OUTLET.match(prefix):
        return Board(MEDIA, outlet=match["outlet"].strip(), country=match["country"].strip())
    if label in KNOWN_OUTLETS:
        return Board(MEDIA, outlet=prefix)
    close = difflib.get_close_matches(label, list(BOARD_LABELS), n=1, cutoff=0.85)
    if close:
        kind = BOARD_LABELS[close[0]]
        warnings.append(
            ParseWarning(line, BOARD_TYPO, f"[{prefix}] read as a typo of a {kind} board label")
        )
        return Board(kind)
    if not prefix:
        warnings.append(ParseWarning(line, UNKNOWN_BOARD, "empty [] prefix: imported as media"))
        return Board(MEDIA)
    warnings.append(
        ParseWarning(
            line, UNKNOWN_BOARD, f"unknown prefix [{prefix}]: imported as media, outlet {prefix!r}"
        )
    )
    return Board(MEDIA, outlet=prefix)


# --- Partners ------------------------------------------------------------------------------

# "로고이미지", "로고 이미지", "로고"; a possessive "의" before it (서울시청의 로고) goes too,
# except after 회 where 회의 is a word (세계도시정상회의 로고).
_LOGO_SUFFIX = re.compile(r"(?:(?<!회)의)?\s*로고(?:\s*이미지)?$")

_PARTNER_KINDS = {
    INTERNATIONAL: {
        "CITYNET",
        "ICLEI",
        "UNHABITAT",
        "WEGO",
        "WEGOV",
        "WORLDBANK",
        "세계은행",
        "ADB",
        "아시아개발은행",
        "METROPOLIS",
        "WORLDCITIESSUMMIT",
        "CLC",
        "UNSDG",
        "UNDP",
        "OECD",
        "UCLG",
        "UNESCAP",
        "GGGI",
    },
    GOVERNMENT: {
        "기재부",
        "기획재정부",
        "외교부",
        "수출입은행",
        "한국수출입은행",
        "KEXIM",
        "KOICA",
        "한국국제협력단",
        "KOTRA",
        "대한무역투자진흥공사",
        "서울시",
        "서울시청",
        "서울특별시",
        "서울특별시청",
        "국토교통부",
        "국토부",
        "행정안전부",
        "행안부",
        "환경부",
        "국토연구원",
        "KRIHS",
        "KDI",
        "한국개발연구원",
    },
    RESEARCH: {
        "서울시립대",
        "서울시립대학교",
        "KDEVELOPEDIA",
        "서울연구원",
        "SEOULINSTITUTE",
    },
}
# Names that end like these are associations or firms.
_PRIVATE_ENDINGS = ("협회", "회의소", "중앙회", "연합회", "조합", "주식회사", "INC", "LTD", "CORP")
_RESEARCH_WORDS = ("대학교", "UNIVERSITY")


def _partner_key(name: str) -> str:
    return re.sub(r"[\s\-_·.()]", "", name).upper()


def partner_kind(name: str) -> tuple[str, bool]:
    """The kind of a partner and whether it was recognised (False: a guess to check)."""
    key = _partner_key(name)
    for kind, names in _PARTNER_KINDS.items():
        if key in names:
            return kind, True
    for kind, names in _PARTNER_KINDS.items():
        for known in names:
            # A Latin name followed by a Korean description: "UN SDG 온라인플랫폼" is UN SDG.
            # Only Latin names: "서울시립대" is not "서울시".
            if known.isascii() and key.startswith(known) and not key[len(known)].isascii():
                return kind, True
    if any(word in key for word in _RESEARCH_WORDS):
        return RESEARCH, True
    if key.endswith(_PRIVATE_ENDINGS) or name.startswith(("(주)", "㈜")):
        return PRIVATE, True
    return PRIVATE, False


def partner_name(text: str) -> str:
    name = _LOGO_SUFFIX.sub("", text).strip()
    # A bullet that is only "로고" keeps its text rather than becoming nameless.
    return name or text


# --- The dump ------------------------------------------------------------------------------


def parse_legacy_dump(*, data: bytes) -> LegacyDump:
    return parse_legacy_text(text=decode(data))


def parse_legacy_text(*, text: str) -> LegacyDump:
    lines = _split_lines(text)
    if all(line.is_blank for line in lines):
        raise LegacyDumpError(1, "the dump is empty")
    dump = LegacyDump()
    bullets = [index for index, line in enumerate(lines) if line.is_bullet]
    first_content = next(index for index, line in enumerate(lines) if not line.is_blank)
    if not bullets or first_content < bullets[0]:
        line = lines[first_content]
        if line.is_meta:
            raise LegacyDumpError(line.number, "metadata line without a post header before it")
        raise LegacyDumpError(line.number, "text outside any item (no • bullet before it)")

    partner_position = 0
    for start, end in zip(bullets, [*bullets[1:], len(lines)], strict=True):
        head = lines[start]
        following = [line for line in lines[start + 1 : end] if not line.is_blank]
        content = head.text.removeprefix(BULLET).strip()
        if not content:
            raise LegacyDumpError(head.number, "empty • bullet")
        last = following[-1].number if following else head.number
        source = "\n".join(line.raw for line in lines[start:last])
        item_lines = (head.number, *(line.number for line in following))

        if header := _POST_HEADER.match(content):
            dump.items.append(_post(header, head, following, item_lines, source, dump.warnings))
            continue
        if meta := next((line for line in following if line.is_meta), None):
            raise LegacyDumpError(meta.number, "metadata line without a post header before it")
        if following:
            dump.items.append(_page(content, head, following, item_lines, source, dump.warnings))
        else:
            partner_position += 1
            dump.items.append(_partner(content, head, partner_position, source, dump.warnings))

    _disambiguate_duplicates(dump)
    return dump


def _post(header, head, following, item_lines, source, warnings) -> ParsedPost:
    if not following or not following[0].is_meta:
        raise LegacyDumpError(
            head.number, "post header without its metadata line (등록일 … 글쓴이 … 조회수 …)"
        )
    meta_line, *body = following
    if extra := next((line for line in body if line.is_meta), None):
        raise LegacyDumpError(extra.number, "metadata line without a post header before it")
    meta = parse_metadata(text=meta_line.text, line=meta_line.number)
    board = board_of(prefix=header["prefix"], line=head.number, warnings=warnings)
    if len(board.outlet) > MAX_OUTLET or len(board.country) > MAX_COUNTRY:
        raise LegacyDumpError(head.number, "source outlet or country too long for its field")
    raw_title = header["title"].strip()
    title = _check_title(_check_encoding(raw_title, head.number, warnings), head.number, warnings)
    paragraphs = tuple(_check_encoding(line.text, line.number, warnings) for line in body)
    return ParsedPost(
        lines=item_lines,
        legacy_source=source,
        legacy_key=_key("post", board.kind, raw_title, meta.registered_on.isoformat()),
        prefix=header["prefix"].strip(),
        board=board.kind,
        title=title,
        registered_on=meta.registered_on,
        writer=meta.writer,
        views=meta.views,
        paragraphs=paragraphs,
        source_outlet=board.outlet,
        source_country=board.country,
        language=language_of(title, *paragraphs),
    )


def _is_question(text: str) -> bool:
    return text.endswith(("?", "\uff1f")) and len(text) <= MAX_QUESTION


def _page_title(text: str) -> str:
    """A Q&A page is named after its first question: "공유도시 서울은?" → "공유도시 서울"."""
    title = text.rstrip("?\uff1f ")
    if HANGUL.search(title):
        title = re.sub(r"(?<=[\uac00-\ud7a3])[은는]$", "", title)
    return title or text


def _page(content, head, following, item_lines, source, warnings) -> ParsedPage:
    heading = _check_encoding(content, head.number, warnings)
    texts = [_check_encoding(line.text, line.number, warnings) for line in following]
    if not _is_question(content):
        title = _check_title(heading, head.number, warnings)
        return ParsedPage(
            lines=item_lines,
            legacy_source=source,
            legacy_key=_key("page", content),
            title=title,
            language=language_of(title, *texts),
            paragraphs=tuple(texts),
            questions=(),
        )
    # Questions and answers: the bullet is the first question; a later line is a question when
    # it ends in "?" and starts a paragraph (a blank line or the bullet before it).
    questions: list[tuple[str, int, list[str]]] = [(heading, head.number, [])]
    previous = head.number
    for line, text in zip(following, texts, strict=True):
        if _is_question(text) and line.number > previous + 1:
            questions.append((text, line.number, []))
        else:
            questions[-1][2].append(text)
        previous = line.number
    for question, number, answer in questions:
        if not answer:
            warnings.append(
                ParseWarning(
                    number, QUESTION_WITHOUT_ANSWER, f"question without an answer: {question!r}"
                )
            )
    title = _check_title(_page_title(heading), head.number, warnings)
    return ParsedPage(
        lines=item_lines,
        legacy_source=source,
        legacy_key=_key("page", content),
        title=title,
        language=language_of(title, *texts),
        paragraphs=(),
        questions=tuple(QuestionAnswer(q, tuple(answer)) for q, _number, answer in questions),
    )


def _partner(content, head, position, source, warnings) -> ParsedPartner:
    name = partner_name(_check_encoding(content, head.number, warnings))
    if len(name) > MAX_PARTNER_NAME:
        raise LegacyDumpError(
            head.number, f"partner name longer than {MAX_PARTNER_NAME} characters"
        )
    kind, recognised = partner_kind(name)
    if not recognised:
        warnings.append(
            ParseWarning(
                head.number,
                PARTNER_KIND_GUESSED,
                f"partner {name!r} not recognised: kind set to {kind!r}, check it in the admin",
            )
        )
    return ParsedPartner(
        lines=(head.number,),
        legacy_source=source,
        legacy_key=_key("partner", name),
        name=name,
        kind=kind,
        position=position,
    )


def _disambiguate_duplicates(dump: LegacyDump) -> None:
    """The same item twice in one dump: both are kept, the second under its own key."""
    seen: Counter[str] = Counter()
    for index, item in enumerate(dump.items):
        seen[item.legacy_key] += 1
        occurrence = seen[item.legacy_key]
        if occurrence > 1:
            dump.warnings.append(
                ParseWarning(
                    item.lines[0],
                    DUPLICATE,
                    f"same item as an earlier one (occurrence {occurrence}); imported separately",
                )
            )
            dump.items[index] = replace(item, legacy_key=_key(item.legacy_key, str(occurrence)))
    dump.warnings.sort(key=lambda warning: warning.line)
