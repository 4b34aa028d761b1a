"""The parser alone: no database."""

from datetime import date
from pathlib import Path

import pytest
from django.conf import settings

from policyshare.importer.parser import (
    LegacyDumpError,
    ParsedPage,
    ParsedPartner,
    ParsedPost,
    board_of,
    parse_legacy_dump,
    parse_legacy_text,
    parse_metadata,
    partner_kind,
    partner_name,
    repair,
)

SAMPLE = Path(__file__).parent / "data" / "sample_dump.txt"
SEED = Path(settings.BASE_DIR).parent / "shared" / "seeds" / "000_7dd5e855d43b82dc.txt"
needs_seed = pytest.mark.skipif(
    not SEED.exists(), reason=f"the legacy seed dump {SEED} is not on this machine"
)

POST = "  • [Seoul's News] A title\n    등록일 2017-04-25 글쓴이 ssunha 조회수 8 READS\n"


def non_blank_lines(path: Path) -> set[int]:
    text = path.read_text(encoding="utf-8")
    return {number for number, line in enumerate(text.split("\n"), 1) if line.strip()}


def covered_lines(dump) -> list[int]:
    return [number for item in dump.items for number in item.lines]


def by_title(dump, title):
    return next(item for item in dump.items if getattr(item, "title", None) == title)


# --- The sample and the seed ---------------------------------------------------------------


def test_sample_items_per_kind():
    dump = parse_legacy_dump(data=SAMPLE.read_bytes())
    assert len(dump.of_type(ParsedPost)) == 11
    assert len(dump.of_type(ParsedPartner)) == 6
    assert len(dump.of_type(ParsedPage)) == 2
    boards = [post.board for post in dump.of_type(ParsedPost)]
    assert {board: boards.count(board) for board in boards} == {
        "news": 3,
        "media": 4,
        "video": 2,
        "report": 2,
    }


def test_sample_loses_no_line():
    dump = parse_legacy_dump(data=SAMPLE.read_bytes())
    numbers = covered_lines(dump)
    assert len(numbers) == len(set(numbers)), "a line was given to two items"
    assert set(numbers) == non_blank_lines(SAMPLE)


@needs_seed
def test_seed_loses_no_line():
    dump = parse_legacy_dump(data=SEED.read_bytes())
    numbers = covered_lines(dump)
    assert len(numbers) == len(set(numbers))
    assert set(numbers) == non_blank_lines(SEED)


@needs_seed
def test_seed_items_and_warnings():
    dump = parse_legacy_dump(data=SEED.read_bytes())
    assert len(dump.of_type(ParsedPost)) == 8
    assert len(dump.of_type(ParsedPartner)) == 27
    assert len(dump.of_type(ParsedPage)) == 2
    assert [(w.line, w.kind) for w in dump.warnings] == [
        (7, "board-typo"),
        (17, "truncated-title"),
        (19, "broken-encoding"),
        (23, "truncated-title"),
        (54, "partner-kind-guessed"),
        (55, "partner-kind-guessed"),
        (57, "partner-kind-guessed"),
    ]
    city_dna = by_title(dump, "City DNA - EP2 : Seoul")
    assert (city_dna.board, city_dna.source_outlet, city_dna.source_country) == (
        "media",
        "Channel NewsAsia",
        "Singapore",
    )
    assert (city_dna.registered_on, city_dna.writer, city_dna.views) == (
        date(2017, 4, 15),
        "ssunha",
        25,
    )
    qa = by_title(dump, "공유도시(Sharing City) 서울")
    assert qa.language == "ko"
    assert [q.question for q in qa.questions] == [
        "공유도시(Sharing City) 서울은?",
        "'공유도시 서울' 정책을 추진하게 된 이유는?",
    ]
    assert [len(q.paragraphs) for q in qa.questions] == [1, 2]
    miti = by_title(dump, "MITI \u2013 Metropolis International Training Institute")
    assert (miti.language, len(miti.paragraphs), miti.questions) == ("en", 3, ())


def test_sample_post_fields():
    dump = parse_legacy_dump(data=SAMPLE.read_bytes())
    korean = by_title(dump, "서울시, 빗물정원 120곳 조성")
    assert korean.board == "news"
    assert korean.language == "ko"
    assert korean.registered_on == date(2019, 6, 4)
    assert korean.writer == "편집자"
    assert korean.views == 1204
    assert korean.lines == (4, 5, 6, 7)
    assert len(korean.paragraphs) == 2
    assert korean.legacy_source == (
        "  • [서울소식] 서울시, 빗물정원 120곳 조성\n"
        "    등록일 2019-06-04 글쓴이 편집자 조회수 1,204 READS\n"
        "    서울시는 25개 자치구에 빗물정원 120곳을 조성하고 시민 돌봄단을 모집한다고 밝혔다.\n"
        "    돌봄단 신청은 7월 말까지 받는다."
    )
    german = by_title(dump, "How Seoul\u2019s buses learned to talk to each other")
    assert (german.board, german.source_outlet, german.source_country) == (
        "media",
        "Der Tagesspiegel",
        "Germany",
    )
    # The quote pair around real-time is ambiguous and stays broken; the raw text is kept.
    assert german.paragraphs == (
        "The city\u2019s bus network shares "
        "\ufffd\ufffdreal-time\ufffd\ufffd data with every stop.",
    )
    assert "Seoul\ufffd\ufffds buses" in german.legacy_source


def test_sample_partners():
    dump = parse_legacy_dump(data=SAMPLE.read_bytes())
    partners = [(p.name, p.kind, p.position) for p in dump.of_type(ParsedPartner)]
    assert partners == [
        ("ICLEI", "international", 1),
        ("서울연구원", "research", 2),
        ("OECD", "international", 3),
        ("서울시립대", "research", 4),
        ("Fabrikant Design Co., Ltd.", "private", 5),
        ("Urban Futures Lab", "private", 6),
    ]


def test_sample_warnings():
    dump = parse_legacy_dump(data=SAMPLE.read_bytes())
    assert [(w.line, w.kind) for w in dump.warnings] == [
        (9, "broken-encoding"),
        (11, "broken-encoding"),
        (16, "truncated-title"),
        (21, "board-typo"),
        (23, "unknown-board"),
        (35, "partner-kind-guessed"),
    ]


# --- Boards, partners, repairs -------------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "kind", "outlet", "country", "warning"),
    [
        ("Seoul's News", "news", "", "", None),
        ("Seoul\u2019s News", "news", "", "", None),
        ("Seoul's New", "news", "", "", "board-typo"),
        ("VOD_National Geography", "video", "National Geography", "", None),
        ("UN Report", "report", "UN", "", None),
        ("UK_Cities Today", "media", "Cities Today", "UK", None),
        ("The Mori Memorial Foundation", "media", "The Mori Memorial Foundation", "", None),
        ("Singapore_Channel NewsAsia", "media", "Channel NewsAsia", "Singapore", None),
        ("서울소식", "news", "", "", None),
        ("서울 소식", "news", "", "", None),
        ("해외언론", "media", "", "", None),
        ("언론보도", "media", "", "", None),
        ("영상", "video", "", "", None),
        ("동영상", "video", "", "", None),
        ("보고서", "report", "", "", None),
        ("Some Weekly", "media", "Some Weekly", "", "unknown-board"),
    ],
)
def test_board_of(prefix, kind, outlet, country, warning):
    warnings = []
    board = board_of(prefix=prefix, line=3, warnings=warnings)
    assert (board.kind, board.outlet, board.country) == (kind, outlet, country)
    assert [w.kind for w in warnings] == ([warning] if warning else [])
    assert all(w.line == 3 for w in warnings)


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("CITYNET 로고이미지", "CITYNET", "international"),
        ("WEGOV 로고이미지", "WEGOV", "international"),
        ("서울시청의 로고", "서울시청", "government"),
        ("K-Developedia 로고  이미지", "K-Developedia", "research"),
        ("서울시립대", "서울시립대", "research"),
        ("UN SDG 온라인플랫폼", "UN SDG 온라인플랫폼", "international"),
        ("국토연구원", "국토연구원", "government"),
        ("기재부 로고이미지", "기재부", "government"),
        ("해외건설협회 로고이미지", "해외건설협회", "private"),
        ("세계도시정상회의 로고", "세계도시정상회의", "private"),
    ],
)
def test_partner_name_and_kind(text, name, kind):
    assert partner_name(text) == name
    assert partner_kind(name)[0] == kind


def test_unknown_partner_is_a_flagged_guess():
    assert partner_kind("metta") == ("private", False)
    assert partner_kind("KOICA") == ("government", True)


@pytest.mark.parametrize(
    ("broken", "repaired", "count"),
    [
        ("42 of the world\ufffd\ufffds leading cities", "42 of the world\u2019s leading cities", 1),
        ("we don\ufffdt know", "we don\u2019t know", 1),
        ("\ufffd\ufffdFinance\ufffd\ufffd and", "\ufffd\ufffdFinance\ufffd\ufffd and", 0),
        ("Livability, \ufffd\ufffd the", "Livability, \ufffd\ufffd the", 0),
        ("caf\ufffd\ufffd au lait", "caf\ufffd\ufffd au lait", 0),
    ],
)
def test_repair_only_what_is_certain(broken, repaired, count):
    assert repair(broken) == (repaired, count)


# --- Metadata ------------------------------------------------------------------------------


def test_metadata_line():
    meta = parse_metadata(text="    등록일 2017-03-14 글쓴이 ssunha 조회수 5 READS", line=2)
    assert (meta.registered_on, meta.writer, meta.views) == (date(2017, 3, 14), "ssunha", 5)


def test_metadata_line_without_reads_and_with_a_spaced_writer():
    meta = parse_metadata(text="등록일 2017-03-14 글쓴이 서울 시청 조회수 12,345", line=2)
    assert (meta.writer, meta.views) == ("서울 시청", 12345)


@pytest.mark.parametrize("bad", ["2017-13-45", "2017-02-30", "17-03-14", "2017/03/14"])
def test_bad_date_names_the_line(bad):
    with pytest.raises(LegacyDumpError, match=bad) as error:
        parse_metadata(text=f"등록일 {bad} 글쓴이 ssunha 조회수 5 READS", line=8)
    assert error.value.line == 8


# --- Malformed dumps -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("", 1, "empty"),
        ("\n  \n\t\n", 1, "empty"),
        ("    등록일 2017-03-14 글쓴이 a 조회수 5 READS\n", 1, "without a post header"),
        (
            "  • CITYNET 로고이미지\n    등록일 2017-03-14 글쓴이 a 조회수 5\n",
            2,
            "without a post header",
        ),
        (POST + "    body\n    등록일 2017-03-14 글쓴이 a 조회수 5\n", 4, "without a post header"),
        ("  • [Seoul's News] A title\n  • metta\n", 1, "without its metadata line"),
        ("  • [Seoul's News] A title\n    Some body\n", 1, "without its metadata line"),
        ("  • [Seoul's News] A title\n", 1, "without its metadata line"),
        (POST.replace("2017-04-25", "2017-13-45"), 2, "2017-13-45"),
        (POST.replace("조회수 8", "조회수 many"), 2, "malformed metadata"),
        ("Some text\n" + POST, 1, "outside any item"),
        ("  •   \n", 1, "empty"),
        ("  • [Seoul's News]\n    등록일 2017-04-25 글쓴이 a 조회수 8\n", 1, "without a title"),
        (POST + "  • metta\x00\n", 3, "NUL"),
    ],
)
def test_malformed_text(text, line, message):
    with pytest.raises(LegacyDumpError, match=message) as error:
        parse_legacy_text(text=text)
    assert error.value.line == line
    assert f"line {line}" in str(error.value)


def test_non_utf8_names_the_line():
    # The last line was saved in the old Korean encoding (EUC-KR).
    data = (POST + "  • metta\n  • ").encode() + "서울시립대\n".encode("euc-kr")
    with pytest.raises(LegacyDumpError, match="not UTF-8") as error:
        parse_legacy_dump(data=data)
    assert error.value.line == 4


def test_byte_order_mark_and_crlf_are_read():
    dump = parse_legacy_dump(data=("\ufeff" + POST).replace("\n", "\r\n").encode())
    (post,) = dump.items
    assert post.title == "A title"
    assert post.lines == (1, 2)
    assert "\r" not in post.legacy_source


# --- Keys ----------------------------------------------------------------------------------


def test_key_is_stable_and_ignores_body_and_views():
    first = parse_legacy_text(text=POST + "    One body\n").items[0]
    again = parse_legacy_text(text=POST + "    One body\n").items[0]
    edited = parse_legacy_text(text=POST.replace("8 READS", "9 READS") + "    Other\n").items[0]
    renamed = parse_legacy_text(text=POST.replace("A title", "B title")).items[0]
    assert first.legacy_key == again.legacy_key == edited.legacy_key
    assert renamed.legacy_key != first.legacy_key
    assert len(first.legacy_key) == 64


def test_duplicate_items_are_kept_apart_and_warned():
    dump = parse_legacy_text(text=POST + POST + "  • ICLEI\n  • ICLEI 로고이미지\n")
    keys = [item.legacy_key for item in dump.items]
    assert len(set(keys)) == 4
    assert [(w.line, w.kind) for w in dump.warnings] == [(3, "duplicate"), (6, "duplicate")]


def test_question_without_answer_is_warned():
    dump = parse_legacy_text(text="  • 첫 질문은?\n\n답입니다.\n\n두 번째 질문은?\n")
    (page,) = dump.items
    assert page.title == "첫 질문"
    assert [q.paragraphs for q in page.questions] == [("답입니다.",), ()]
    assert [(w.line, w.kind) for w in dump.warnings] == [(5, "question-without-answer")]
