"""Korean, Arabic and Chinese packs carry their fonts and their text (poppler's pdffonts and
pdftotext, Debian poppler-utils)."""

import subprocess
import tempfile
from decimal import Decimal

from django.test import TestCase
from django.utils import translation
from django.utils.translation import gettext as _

from policyshare.briefing.render import render_pdf
from policyshare.briefing.selectors import pack_for
from policyshare.core.tests import builders


def pdf_tool(tool: str, data: bytes, *args) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
        pdf.write(data)
        pdf.flush()
        return subprocess.run(
            [tool, *args, pdf.name, *(["-"] if tool == "pdftotext" else [])],
            check=True,
            capture_output=True,
            text=True,
        ).stdout


def embedded_fonts(data: bytes) -> dict[str, str]:
    """{font name without subset tag: the 'emb' column} from pdffonts."""
    fonts = {}
    for line in pdf_tool("pdffonts", data).splitlines()[2:]:
        columns = line.split()
        name = columns[0].split("+", 1)[-1]
        emb = columns[-5]
        fonts[name] = emb
    return fonts


class FontTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        library = builders.sections(languages=("ko",))["policies"]["ko"]
        cls.korean = builders.make_policy(
            library=library, title="교통안전 정책", summary="보행자 사망자를 줄였습니다."
        )
        cls.arabic = builders.make_policy(
            library=library, title="سياسة النقل العام", summary="خفضت المدينة عدد الحوادث."
        )
        cls.arabic_outcomes = builders.make_policy(
            library=library,
            title="سياسة السلامة المرورية",
            summary="خفضت المدينة عدد الوفيات.",
            indicators=[
                {
                    "name": "وفيات الطرق",
                    "unit": "حالة وفاة",
                    "direction": "lower",
                    "baseline_value": Decimal("3.7"),
                    "baseline_year": 2015,
                    "target_value": Decimal("1.8"),
                    "target_year": 2021,
                    "achieved": [{"year": 2019, "value": "2.6"}],
                }
            ],
        )
        cls.chinese = builders.make_policy(
            library=library, title="首尔公共交通政策", summary="城市减少了交通事故。"
        )

    def render(self, page, language):
        pack = pack_for([str(page.pk)], language=language)
        return render_pdf(pack)

    def test_korean_pack(self):
        data = self.render(self.korean, "ko")
        fonts = embedded_fonts(data)
        self.assertEqual(fonts.get("Noto-Sans-CJK-KR"), "yes", fonts)
        self.assertTrue(all(emb == "yes" for emb in fonts.values()), fonts)
        text = pdf_tool("pdftotext", data)
        self.assertIn("교통안전 정책", text)

    def test_arabic_pack_is_shaped_and_right_to_left(self):
        data = self.render(self.arabic, "ar")
        fonts = embedded_fonts(data)
        self.assertTrue(any(name.startswith("Noto-Sans-Arabic") for name in fonts), fonts)
        self.assertTrue(all(emb == "yes" for emb in fonts.values()), fonts)
        # pdftotext gives the words in logical order only when the glyphs were shaped with
        # their Unicode mapping and laid out right to left (it marks runs with U+202B/C).
        text = pdf_tool("pdftotext", data).replace("\u202b", "").replace("\u202c", "")
        self.assertIn("النقل العام", text)
        self.assertIn("المدينة", text)

    def test_arabic_words_of_the_chart_are_shaped_and_right_to_left(self):
        """WeasyPrint does not shape text inside SVG: the chart's key and unit are HTML in
        the PDF, so they come back in logical order, not as reversed, separate letters."""
        data = self.render(self.arabic_outcomes, "ar")
        text = pdf_tool("pdftotext", data)
        for mark in ("\u202a", "\u202b", "\u202c"):  # pdftotext's direction marks
            text = text.replace(mark, "")
        # Words without a lam-alef ligature, which pdftotext gives back letters swapped.
        with translation.override("ar"):
            words = [_("Achieved"), _("Target"), "حالة وفاة"]
            unit_label = _("Unit: %(unit)s").split(":")[0]
        for word in words:
            self.assertNotEqual(word, word[::-1])
            # Twice: in the chart's key and in the table of figures beside it.
            self.assertGreaterEqual(text.count(word), 2, (word, text))
            self.assertNotIn(word[::-1], text)
        self.assertTrue(
            any(unit_label in line and "حالة وفاة" in line for line in text.splitlines()), text
        )
        # The figures and years stay in the chart.
        for figure in ("2015", "2019", "2021"):
            self.assertIn(figure, text)

    def test_chinese_pack(self):
        data = self.render(self.chinese, "zh-hans")
        fonts = embedded_fonts(data)
        self.assertEqual(fonts.get("Noto-Sans-CJK-SC"), "yes", fonts)
        self.assertTrue(all(emb == "yes" for emb in fonts.values()), fonts)
        text = pdf_tool("pdftotext", data)
        self.assertIn("首尔公共交通政策", text)
