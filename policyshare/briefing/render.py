"""A briefing pack as a PDF (WeasyPrint) and as a DOCX (python-docx).

Both are rendered in the pack's language from the same cases; the PDF from the HTML of
`briefing/pack_pdf.html`, whose fonts are the Debian Noto fonts (docs/deploy.md), embedded
as subsets so that Korean, Arabic and Chinese read the same on any machine.
"""

import html
import io
import threading

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from policyshare.core.content.metadata import publisher
from policyshare.core.languages import is_rtl

from .selectors import Pack


def pack_context(pack: Pack) -> dict:
    return {
        "pack": pack,
        "policies": pack.policies,
        "language": pack.language,
        "rtl": is_rtl(pack.language),
        "made_on": timezone.localdate(),
        "publisher_name": publisher(pack.language)["name"],
    }


def render_html(pack: Pack) -> str:
    with translation.override(pack.language):
        return render_to_string("briefing/pack_pdf.html", pack_context(pack))


def render_pdf(pack: Pack) -> bytes:
    # Imported here: WeasyPrint loads Pango when imported, which only renders need.
    from weasyprint import HTML

    return HTML(string=render_html(pack)).write_pdf(font_config=_font_config())


_fonts = threading.local()


def _font_config():
    """One WeasyPrint font configuration per thread, kept between renders.

    WeasyPrint makes a new one for each document unless given one: Fontconfig's set of
    fonts loaded again and a new Pango font map, whose fonts (the CJK ones are 20 MB files)
    are opened and measured again. Kept, a 10-case Korean pack takes about 5 % less CPU
    (docs/briefing.md, "Speed"). Per thread: a Pango font map is not shared across threads."""
    from weasyprint.text.fonts import FontConfiguration

    if getattr(_fonts, "config", None) is None:
        _fonts.config = FontConfiguration()
    return _fonts.config


def render_docx(pack: Pack) -> bytes:
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rtl = is_rtl(pack.language)
    document = Document()

    def right_to_left(paragraph):
        if rtl:
            paragraph._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
            for run in paragraph.runs:
                run._r.get_or_add_rPr().append(OxmlElement("w:rtl"))
        return paragraph

    # East Asian and complex-script text in the Noto fonts the PDF uses.
    fonts = document.styles["Normal"].element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), "Noto Sans CJK KR" if pack.language == "ko" else "Noto Sans CJK SC")
    fonts.set(qn("w:cs"), "Noto Sans Arabic")

    with translation.override(pack.language):
        document.core_properties.title = _("Briefing pack")
        document.core_properties.language = pack.language
        right_to_left(document.add_heading(_("Briefing pack"), level=0))
        right_to_left(document.add_paragraph(timezone.localdate().isoformat()))
        for policy in pack.policies:
            right_to_left(document.add_heading(policy.title, level=1))
            right_to_left(document.add_paragraph(policy.summary))
            right_to_left(
                document.add_paragraph(f"{_('Implementation period')}: {policy.period_label}")
            )
            indicators = list(policy.indicators.all())
            if indicators:
                right_to_left(document.add_heading(_("Outcomes"), level=2))
                table = document.add_table(rows=1, cols=6)
                table.style = "Table Grid"
                heads = (
                    _("Indicator"),
                    _("Baseline"),
                    _("Achieved"),
                    _("Target"),
                    _("Unit"),
                    _("Status"),
                )
                for cell, text in zip(table.rows[0].cells, heads, strict=True):
                    cell.text = text
                for indicator in indicators:
                    cells = table.add_row().cells
                    values = (
                        indicator.name,
                        _dated(indicator.baseline_value, indicator.baseline_year),
                        ", ".join(_dated(value, year) for year, value in indicator.achieved_values),
                        _dated(indicator.target_value, indicator.target_year),
                        indicator.unit,
                        indicator.assessment.label,
                    )
                    for cell, text in zip(cells, values, strict=True):
                        cell.text = text
            costs = policy.costs()
            if costs.lines or policy.staff_fte is not None or policy.budget:
                right_to_left(document.add_heading(_("Cost and means"), level=2))
                for item in costs.lines:
                    line = item.line
                    text = f"{_number(line.amount)} {line.currency} ({line.year})"
                    if line.funding_source:
                        text += f", {line.funding_source}"
                    if item.usd is not None and line.currency != "USD":
                        text += f" · {_('In US dollars of that year')}: {_number(item.usd)}"
                    elif item.no_usd_reason:
                        text += f" · {item.no_usd_reason}"
                    right_to_left(document.add_paragraph(text, style="List Bullet"))
                if costs.total_usd is not None and len(costs.lines) > 1:
                    right_to_left(
                        document.add_paragraph(f"{_('Total')}: USD {_number(costs.total_usd)}")
                    )
                if costs.usd_per_resident is not None:
                    right_to_left(
                        document.add_paragraph(
                            f"{_('Cost per resident')}: USD {_number(costs.usd_per_resident)}"
                        )
                    )
                if policy.staff_fte is not None:
                    right_to_left(
                        document.add_paragraph(
                            f"{_('Staff (full-time equivalents)')}: {_number(policy.staff_fte)}"
                        )
                    )
                if policy.budget:
                    right_to_left(document.add_paragraph(f"{_('Budget note')}: {policy.budget}"))
            if policy.lessons:
                right_to_left(document.add_heading(_("Lessons"), level=2))
                right_to_left(document.add_paragraph(html.unescape(strip_tags(policy.lessons))))
            contact = [
                text
                for text in (policy.department, policy.contact_name, policy.contact_email)
                if text
            ]
            if contact:
                right_to_left(document.add_heading(_("Contact"), level=2))
                right_to_left(document.add_paragraph(" · ".join(contact)))
            right_to_left(document.add_paragraph(policy.get_full_url()))
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def _dated(value, year) -> str:
    """ "3.7 (2015)", "3.7", or "" when there is no value."""
    if value is None:
        return ""
    return f"{_number(value)} ({year})" if year else _number(value)


def _number(value) -> str:
    return "–" if value is None else f"{value.normalize():,f}"
