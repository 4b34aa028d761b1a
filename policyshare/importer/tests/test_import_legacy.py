"""manage.py import_legacy against a database: what it writes, and when it writes nothing."""

import html
import json
import os
import subprocess
import sys
import tempfile
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import TestCase
from wagtail.models import Locale, Page, Revision

from policyshare.boards.models import BoardPost
from policyshare.core.models import PageViewCount, StandardPage
from policyshare.partners.models import Partner

SAMPLE = Path(__file__).parent / "data" / "sample_dump.txt"
SEED = Path(settings.BASE_DIR).parent / "shared" / "seeds" / "000_7dd5e855d43b82dc.txt"
needs_seed = pytest.mark.skipif(
    not SEED.exists(), reason=f"the legacy seed dump {SEED} is not on this machine"
)
KINDS = {"posts", "partners", "pages"}


def run(path, *options) -> dict:
    out = StringIO()
    call_command("import_legacy", str(path), "--json", *options, stdout=out)
    return json.loads(out.getvalue())


def counts(**values) -> dict:
    return {"posts": 0, "partners": 0, "pages": 0, **values}


def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def post(title) -> BoardPost:
    return BoardPost.objects.get(title=title)


def views(page) -> int:
    return PageViewCount.objects.get(page_id=page.pk).count


def snapshot():
    """Everything the importer could touch, to prove a run wrote nothing."""
    return {
        "pages": list(Page.objects.order_by("pk").values_list("pk", "title", "live")),
        "posts": list(BoardPost.objects.order_by("pk").values_list("pk", "legacy_source", "body")),
        "partners": list(Partner.objects.order_by("pk").values_list("pk", "name", "legacy_source")),
        "standard": list(
            StandardPage.objects.order_by("pk").values_list("pk", "body", "questions")
        ),
        "revisions": Revision.objects.count(),
        "views": list(PageViewCount.objects.order_by("page_id").values_list("page_id", "count")),
        "locales": Locale.objects.count(),
    }


def stored_text() -> str:
    """All the text the import stored, readable: raw sources, titles, bodies, answers."""
    parts = list(BoardPost.objects.values_list("legacy_source", flat=True))
    parts += Partner.objects.values_list("legacy_source", flat=True)
    for page in StandardPage.objects.all():
        parts.append(page.title)
        parts += [html.unescape(block["value"]) for block in page.body.raw_data]
        for block in page.questions.raw_data:
            parts += [block["value"]["question"], html.unescape(block["value"]["answer"])]
    return "\n".join(parts)


def assert_no_line_lost(path: Path):
    stored = stored_text()
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        text = line.strip().removeprefix("•").strip()
        if text:
            assert text in stored, f"line {number} was lost: {text[:60]!r}"


# --- The sample dump ---------------------------------------------------------------------


class SampleImportTests(TestCase):
    """The sample dump, imported once for the class; each test rolls its own changes back."""

    @classmethod
    def setUpTestData(cls):
        cls.report = run(SAMPLE)

    def test_creates_every_item(self):
        assert self.report["created"] == counts(posts=11, partners=6, pages=2)
        assert self.report["updated"] == counts()
        assert self.report["unchanged"] == counts()
        assert BoardPost.objects.count() == 11
        assert Partner.objects.count() == 6
        assert StandardPage.objects.count() == 2
        assert [(w["line"], w["kind"]) for w in self.report["warnings"]] == [
            (9, "broken-encoding"),
            (11, "broken-encoding"),
            (16, "truncated-title"),
            (21, "board-typo"),
            (23, "unknown-board"),
            (35, "partner-kind-guessed"),
        ]

    def test_json_has_the_schema(self):
        assert set(self.report) == {"created", "updated", "unchanged", "warnings"}
        for outcome in ("created", "updated", "unchanged"):
            assert set(self.report[outcome]) == KINDS
            assert all(isinstance(n, int) for n in self.report[outcome].values())
        for warning in self.report["warnings"]:
            assert set(warning) == {"line", "kind", "message"}
            assert isinstance(warning["line"], int)
            assert warning["message"]
        assert {w["kind"] for w in self.report["warnings"]} == {
            "broken-encoding",
            "truncated-title",
            "board-typo",
            "unknown-board",
            "partner-kind-guessed",
        }

    def test_posts_land_on_their_board_and_language(self):
        where = {
            (p.get_parent().specific.kind, p.locale.language_code)
            for p in BoardPost.objects.select_related("locale")
        }
        assert where == {
            ("news", "en"),
            ("news", "ko"),
            ("media", "en"),
            ("media", "ko"),
            ("video", "en"),
            ("video", "ko"),
            ("report", "en"),
            ("report", "ko"),
        }
        typo = post("Night buses extended to the outskirts")
        assert typo.get_parent().specific.kind == "news"
        assert all(p.live and p.live_revision_id for p in BoardPost.objects.all())

    def test_post_fields(self):
        korean = post("서울시, 빗물정원 120곳 조성")
        assert korean.registered_on == date(2019, 6, 4)
        assert korean.writer == "편집자"
        assert views(korean) == 1204
        assert korean.locale.language_code == "ko"
        assert korean.body == (
            "<p>서울시는 25개 자치구에 빗물정원 120곳을 조성하고 "
            "시민 돌봄단을 모집한다고 밝혔다.</p>"
            "<p>돌봄단 신청은 7월 말까지 받는다.</p>"
        )
        english = post("Seoul opens 120 rain gardens across the city")
        assert english.body == (
            "<p>The Seoul Metropolitan Government (SMG) opened 120 small rain gardens "
            "&lt;in 25 districts&gt; &amp; asked residents to adopt them.</p>"
        )
        assert english.legacy_source.startswith("• [Seoul's News] Seoul opens 120 rain gardens")
        german = post("How Seoul\u2019s buses learned to talk to each other")
        assert (german.source_outlet, german.source_country, views(german)) == (
            "Der Tagesspiegel",
            "Germany",
            17,
        )
        video = post("Walking the Seoullo 7017 skygarden")
        assert (video.get_parent().specific.kind, video.source_outlet, video.body) == (
            "video",
            "Arirang TV",
            "",
        )
        unknown = post("Seoul's bike share passes a million riders")
        assert (unknown.get_parent().specific.kind, unknown.source_outlet) == (
            "media",
            "Urban Journal Weekly",
        )
        mori = post("Seoul keeps 7th place in the Global Power City Index")
        assert mori.source_outlet == "The Mori Memorial Foundation"
        truncated = post(
            "Governing the Cities of Tomorrow: Lessons from Seoul's Participatory Bud.."
        )
        assert (truncated.get_parent().specific.kind, truncated.source_outlet) == (
            "report",
            "OECD",
        )

    def test_partners_are_korean_snippets(self):
        partners = list(
            Partner.objects.order_by("sort_order").values_list(
                "name", "kind", "sort_order", "locale__language_code"
            )
        )
        assert partners == [
            ("ICLEI", "international", 1, "ko"),
            ("서울연구원", "research", 2, "ko"),
            ("OECD", "international", 3, "ko"),
            ("서울시립대", "research", 4, "ko"),
            ("Fabrikant Design Co., Ltd.", "private", 5, "ko"),
            ("Urban Futures Lab", "private", 6, "ko"),
        ]
        assert Partner.objects.get(name="서울연구원").legacy_source == "  • 서울연구원의 로고"

    def test_pages(self):
        about = StandardPage.objects.get(title="Seoul Urban Lab \u2013 About us")
        assert about.locale.language_code == "en"
        assert about.get_parent().specific_class.__name__ == "HomePage"
        assert about.get_parent().locale_id == about.locale_id
        assert [(b["type"], b["value"]) for b in about.body.raw_data] == [
            (
                "paragraph",
                "<p>Seoul Urban Lab is an invented research unit "
                "used only in this sample dump.</p>",
            ),
            (
                "paragraph",
                '<p>It has "two" paragraphs &amp; an ampersand &lt;b&gt;not markup&lt;/b&gt;.</p>',
            ),
        ]
        assert about.legacy_key
        qa = StandardPage.objects.get(title="정책공유 플랫폼")
        assert qa.locale.language_code == "ko"
        assert qa.slug == "정책공유-플랫폼"
        assert [b["value"] for b in qa.questions.raw_data] == [
            {
                "question": "정책공유 플랫폼은?",
                "answer": "<p>서울의 정책 경험을 세계 도시와 나누는 온라인 플랫폼입니다.</p>",
            },
            {
                "question": "누가 이용할 수 있나요?",
                "answer": "<p>세계 도시의 공무원과 연구자 누구나 이용할 수 있습니다.</p>"
                "<p>회원 가입 없이 자료를 내려받을 수 있습니다.</p>",
            },
        ]
        assert all(page.live and page.live_revision_id for page in StandardPage.objects.all())

    def test_no_line_is_lost(self):
        assert_no_line_lost(SAMPLE)

    def test_second_import_changes_nothing(self):
        before = snapshot()
        report = run(SAMPLE)
        assert report["created"] == counts()
        assert report["updated"] == counts()
        assert report["unchanged"] == counts(posts=11, partners=6, pages=2)
        assert snapshot() == before

    def test_changed_text_updates_the_item_and_publishes_a_revision(self):
        german = post("How Seoul\u2019s buses learned to talk to each other")
        revisions = german.revisions.count()
        # Visits counted by the new site since the import must survive the update.
        PageViewCount.objects.filter(page_id=german.pk).update(count=17 + 5)
        changed = sample_text().replace(
            "    등록일 2018-11-20 글쓴이 ssunha 조회수 17 READS\n"
            "    The city\ufffd\ufffds bus network",
            "    등록일 2018-11-20 글쓴이 ssunha 조회수 20 READS\n    The whole bus network",
        )
        assert changed != sample_text()

        report = run(self.write(changed))

        assert report["updated"] == counts(posts=1)
        assert report["unchanged"] == counts(posts=10, partners=6, pages=2)
        assert report["created"] == counts()
        german = post("How Seoul\u2019s buses learned to talk to each other")
        assert german.body.startswith("<p>The whole bus network")
        assert german.revisions.count() == revisions + 1
        assert german.live_revision_id == german.latest_revision_id
        assert "The whole bus network" in german.legacy_source
        assert views(german) == 20 + 5
        assert BoardPost.objects.count() == 11

    def test_changed_partner_and_page_text_are_updates(self):
        qa = StandardPage.objects.get(title="정책공유 플랫폼")
        revisions = qa.revisions.count()
        changed = (
            sample_text()
            .replace("  • 서울연구원의 로고", "  • 서울연구원 로고이미지")
            .replace("회원 가입 없이", "회원 가입을 하지 않고")
        )
        report = run(self.write(changed))
        assert report["updated"] == counts(partners=1, pages=1)
        assert report["created"] == counts()
        assert Partner.objects.get(name="서울연구원").legacy_source == "  • 서울연구원 로고이미지"
        qa.refresh_from_db()
        assert "회원 가입을 하지 않고" in qa.questions.raw_data[1]["value"]["answer"]
        assert qa.revisions.count() == revisions + 1
        assert StandardPage.objects.count() == 2

    def test_dry_run_reports_updates_without_making_them(self):
        before = snapshot()
        changed = sample_text().replace("Summary of the report", "A new summary of the report")
        report = run(self.write(changed), "--dry-run")
        assert report["updated"] == counts(posts=1)
        assert report["unchanged"] == counts(posts=10, partners=6, pages=2)
        assert snapshot() == before

    def test_malformed_dump_stops_naming_the_line_and_writes_nothing(self):
        for name, data, line, message in malformed_cases():
            with self.subTest(name):
                # An item changed before the error must not be written either.
                path = self.write_bytes(data.replace(b"Summary of the report", b"A new summary"))
                before = snapshot()
                with pytest.raises(CommandError, match=message) as error:
                    call_command("import_legacy", str(path), "--json", stdout=StringIO())
                assert f"line {line}:" in str(error.value)
                assert snapshot() == before

    def test_missing_path_stops(self):
        before = snapshot()
        with pytest.raises(CommandError, match="cannot read"):
            call_command("import_legacy", str(SAMPLE.with_name("nope.txt")), stdout=StringIO())
        assert snapshot() == before

    def test_readable_summary(self):
        out = StringIO()
        call_command("import_legacy", str(SAMPLE), stdout=out)
        text = out.getvalue()
        assert "posts" in text
        assert "line 16 [truncated-title]" in text
        with pytest.raises(json.JSONDecodeError):
            json.loads(text)

    # Dumps written for a test live in a temporary folder removed with the test.
    def setUp(self):
        self._folder = tempfile.TemporaryDirectory()
        self.addCleanup(self._folder.cleanup)

    def write(self, text: str) -> Path:
        return self.write_bytes(text.encode())

    def write_bytes(self, data: bytes) -> Path:
        path = Path(self._folder.name) / "dump.txt"
        path.write_bytes(data)
        return path


def malformed_cases():
    text = sample_text()
    lines = text.split("\n")
    without_meta = "\n".join(lines[:12] + lines[13:])  # drop line 13, the video's metadata
    meta_after_partner = "\n".join(
        [*lines[:32], "    등록일 2020-01-01 글쓴이 x 조회수 1", *lines[32:]]
    )
    old_encoding = text.encode().replace("서울시립대".encode(), "서울시립대".encode("euc-kr"))
    return [
        ("bad-date", text.replace("2018-02-10", "2017-13-45").encode(), 13, "2017-13-45"),
        ("meta-without-header", meta_after_partner.encode(), 33, "without a post header"),
        ("header-without-meta", without_meta.encode(), 12, "without its metadata line"),
        ("empty", b"", 1, "empty"),
        ("not-utf8", old_encoding, 33, "UTF-8"),
    ]


# --- An empty database ---------------------------------------------------------------------


@pytest.mark.django_db
def test_dry_run_writes_nothing():
    before = snapshot()
    report = run(SAMPLE, "--dry-run")
    assert report["created"] == counts(posts=11, partners=6, pages=2)
    assert snapshot() == before
    assert BoardPost.objects.count() == Partner.objects.count() == 0


@pytest.mark.parametrize("case", ["empty", "missing"])
def test_process_exits_non_zero(tmp_path, case):
    path = tmp_path / "dump.txt"
    if case == "empty":
        path.write_bytes(b"")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "policyshare.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "import_legacy", str(path), "--json"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert result.stdout == ""
    assert ("line 1:" if case == "empty" else "cannot read") in result.stderr


# --- The legacy seed -----------------------------------------------------------------------


@needs_seed
class SeedImportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.report = run(SEED)

    def test_counts_and_warnings(self):
        assert self.report["created"] == counts(posts=8, partners=27, pages=2)
        assert [(w["line"], w["kind"]) for w in self.report["warnings"]] == [
            (7, "board-typo"),
            (17, "truncated-title"),
            (19, "broken-encoding"),
            (23, "truncated-title"),
            (54, "partner-kind-guessed"),
            (55, "partner-kind-guessed"),
            (57, "partner-kind-guessed"),
        ]

    def test_fields(self):
        boards = [p.get_parent().specific.kind for p in BoardPost.objects.all()]
        assert sorted(boards) == ["media"] * 3 + ["news"] * 3 + ["report", "video"]
        city_dna = post("City DNA - EP2 : Seoul")
        assert (city_dna.source_outlet, city_dna.source_country, city_dna.writer) == (
            "Channel NewsAsia",
            "Singapore",
            "ssunha",
        )
        assert (city_dna.registered_on, views(city_dna)) == (date(2017, 4, 15), 25)
        mori = post("Seoul Ranking 6th place comprehensively on the Gl..")
        assert (mori.writer, views(mori), mori.source_outlet) == (
            "scaadmin",
            14,
            "The Mori Memorial Foundation",
        )
        assert "world\u2019s leading cities" in mori.body
        assert "\ufffd\ufffdFinance\ufffd\ufffd" in mori.body
        assert "world\ufffd\ufffds" in mori.legacy_source
        video = post("Timelapse: South Korea\u2019s Stunning Seoul")
        assert (video.get_parent().specific.kind, video.source_outlet) == (
            "video",
            "National Geography",
        )
        typo = post("Reducing Traffic Fatalities to Half by 2021")
        assert typo.get_parent().specific.kind == "news"
        assert Partner.objects.get(name="WEGOV").kind == "international"
        assert Partner.objects.get(name="서울시청").kind == "government"
        qa = StandardPage.objects.get(title="공유도시(Sharing City) 서울")
        assert qa.locale.language_code == "ko"
        assert len(qa.questions.raw_data) == 2
        miti = StandardPage.objects.get(
            title="MITI \u2013 Metropolis International Training Institute"
        )
        assert (miti.locale.language_code, len(miti.body.raw_data)) == ("en", 3)

    def test_no_line_is_lost(self):
        assert_no_line_lost(SEED)

    def test_second_import_changes_nothing(self):
        before = snapshot()
        report = run(SEED)
        assert report["unchanged"] == counts(posts=8, partners=27, pages=2)
        assert report["created"] == report["updated"] == counts()
        assert snapshot() == before
