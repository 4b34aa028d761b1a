"""The small chart of an outcome indicator: its baseline, achieved values and target.

Server-drawn SVG (no JavaScript), like the analytics charts (`policyshare.analytics.charts`;
both take their scale from `policyshare.core.charts`): `role="img"` with a `<title>` and a
`<desc>` that say in words what the chart shows, and the page gives the same figures in a
table. Colours and dashes are attributes, not CSS or CSS variables, so the chart prints and
renders in WeasyPrint (PDF briefing packs) as on screen; each series also differs by its marker
and dash, not only by colour. The time axis runs left to right in every language
(`direction="ltr"`)."""

import hashlib
from decimal import Decimal

from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.cache import cache
from django.utils import timezone
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from policyshare.core.charts import nice_maximum

WIDTH = 480
HEIGHT = 220
LEFT = 56
RIGHT = 16
TOP = 28  # room for the legend
BOTTOM = 28
PLOT_WIDTH = WIDTH - LEFT - RIGHT
PLOT_HEIGHT = HEIGHT - TOP - BOTTOM
INSET = 16
MAX_YEAR_LABELS = 8  # beyond, the first and last year only: labels would overlap
INK = "#1b1b1b"
GRID = "#c8c8c8"
ACHIEVED = "#1f5fa8"  # 7.0:1 on white
BASELINE = "#595959"
TARGET = "#a4262c"


def figure(value: Decimal) -> str:
    """A value as the page shows it: no trailing zeros, thousands grouped."""
    return intcomma(format(value.normalize(), "f"))


def describe(indicator) -> str:
    """The chart's figures in one sentence, for its `<desc>`."""
    parts = []
    if indicator.baseline_value is not None:
        parts.append(
            _("Baseline: %(figure)s")
            % {"figure": _with_year(indicator.baseline_value, indicator.baseline_year)}
        )
    achieved = indicator.achieved_values
    if achieved:
        parts.append(
            _("Achieved: %(figures)s")
            % {"figures": ", ".join(_with_year(value, year) for year, value in achieved)}
        )
    if indicator.target_value is not None:
        parts.append(
            _("Target: %(figure)s")
            % {"figure": _with_year(indicator.target_value, indicator.target_year)}
        )
    if indicator.unit:
        parts.append(_("Unit: %(unit)s") % {"unit": indicator.unit})
    parts.append(str(indicator.assessment.label))
    return "; ".join(parts) + "."


def _with_year(value: Decimal, year: int | None) -> str:
    return f"{figure(value)} ({year})" if year else figure(value)


def _bounds(values: list[float]) -> tuple[float, float]:
    low = min([0.0, *values])
    high = max([0.0, *values])
    top = nice_maximum(high) if high > 0 else 0
    bottom = -nice_maximum(-low) if low < 0 else 0
    if top == bottom:
        top = 1
    return bottom, top


# A chart kept in the cache is named by everything it draws, so it is never out of date; a
# day at most, as whether a target is due depends on today's year.
CHART_CACHE_SECONDS = 24 * 3600


def cached_indicator_chart(indicator, *, chart_id: str, words_in_svg: bool = True) -> SafeString:
    """`indicator_chart`, kept in the cache under a digest of what it draws (the indicator's
    name, unit, direction and values, the chart's id, the language and today's date): a page
    rendered again after an editorial change elsewhere, in the same language, draws its
    charts once, not on every render."""
    facts = (
        chart_id,
        words_in_svg,
        get_language(),
        timezone.localdate().isoformat(),
        indicator.name,
        indicator.unit,
        indicator.direction,
        str(indicator.baseline_value),
        indicator.baseline_year,
        str(indicator.target_value),
        indicator.target_year,
        [(year, str(value)) for year, value in indicator.achieved_values],
    )
    key = "indicator_chart:" + hashlib.sha256(repr(facts).encode()).hexdigest()[:40]
    svg = cache.get(key)
    if svg is None:
        svg = str(indicator_chart(indicator, chart_id=chart_id, words_in_svg=words_in_svg))
        cache.set(key, svg, timeout=CHART_CACHE_SECONDS)
    return mark_safe(svg)  # noqa: S308 - the SVG indicator_chart built, escaped there


def indicator_chart(indicator, *, chart_id: str, words_in_svg: bool = True) -> SafeString:
    """The SVG of one indicator; empty when it has no value to draw. `chart_id` must be
    unique on the page (it names the title and description).

    `words_in_svg=False` leaves out the key and the unit (the chart's words; the figures and
    years stay), for a document that draws them as HTML around the chart (`chart_key`):
    WeasyPrint does not shape text inside SVG, so Arabic there would come out as separate,
    reversed letters."""
    achieved = [(year, float(value)) for year, value in indicator.achieved_values]
    baseline = indicator.baseline_value
    target = indicator.target_value
    values = [value for _year, value in achieved]
    values += [float(v) for v in (baseline, target) if v is not None]
    if not values:
        return mark_safe("")
    years = [year for year, _value in achieved]
    if baseline is not None and indicator.baseline_year:
        years.append(indicator.baseline_year)
    if target is not None and indicator.target_year:
        years.append(indicator.target_year)
    first, last = (min(years), max(years)) if years else (0, 0)
    bottom, top = _bounds(values)

    def x(year: int) -> float:
        # Inset from the axis, so a marker on the first or last year is not cut.
        if first == last:
            return round(LEFT + PLOT_WIDTH / 2, 2)
        inner = PLOT_WIDTH - 2 * INSET
        return round(LEFT + INSET + inner * (year - first) / (last - first), 2)

    def y(value: float) -> float:
        return round(TOP + PLOT_HEIGHT - PLOT_HEIGHT * (value - bottom) / (top - bottom), 2)

    parts = []
    for number in sorted({bottom, 0, top}):
        parts.append(
            format_html(
                '<line stroke="{}" x1="{}" y1="{}" x2="{}" y2="{}"/>'
                '<text x="{}" y="{}" text-anchor="end" dominant-baseline="middle">{}</text>',
                GRID,
                LEFT,
                y(number),
                LEFT + PLOT_WIDTH,
                y(number),
                LEFT - 6,
                y(number),
                intcomma(f"{number:g}"),
            )
        )
    if target is not None:
        # The target is a level to reach: a dashed line across, a diamond at its year.
        parts.append(
            format_html(
                '<line stroke="{}" stroke-width="2" stroke-dasharray="6 4" '
                'x1="{}" y1="{}" x2="{}" y2="{}"/>',
                TARGET,
                LEFT,
                y(float(target)),
                LEFT + PLOT_WIDTH,
                y(float(target)),
            )
        )
        if indicator.target_year:
            cx, cy = x(indicator.target_year), y(float(target))
            parts.append(
                format_html(
                    '<path fill="{}" d="M{} {}l6 6l-6 6l-6 -6z"><title>{}</title></path>',
                    TARGET,
                    cx,
                    round(cy - 6, 2),
                    _("Target: %(figure)s") % {"figure": _with_year(target, indicator.target_year)},
                )
            )
    if baseline is not None:
        label = _("Baseline: %(figure)s") % {
            "figure": _with_year(baseline, indicator.baseline_year)
        }
        if indicator.baseline_year:
            parts.append(
                format_html(
                    '<rect fill="{}" x="{}" y="{}" width="9" height="9"><title>{}</title></rect>',
                    BASELINE,
                    round(x(indicator.baseline_year) - 4.5, 2),
                    round(y(float(baseline)) - 4.5, 2),
                    label,
                )
            )
        else:
            # A baseline without a year (older content) is a level too: dotted, grey.
            parts.append(
                format_html(
                    '<line stroke="{}" stroke-width="2" stroke-dasharray="2 3" '
                    'x1="{}" y1="{}" x2="{}" y2="{}"><title>{}</title></line>',
                    BASELINE,
                    LEFT,
                    y(float(baseline)),
                    LEFT + PLOT_WIDTH,
                    y(float(baseline)),
                    label,
                )
            )
    if achieved:
        line = []
        if baseline is not None and indicator.baseline_year:
            line.append((indicator.baseline_year, float(baseline)))
        line += achieved
        if len(line) > 1:
            parts.append(
                format_html(
                    '<polyline fill="none" stroke="{}" stroke-width="2" points="{}"/>',
                    ACHIEVED,
                    " ".join(f"{x(year)},{y(value)}" for year, value in line),
                )
            )
        parts.append(
            format_html_join(
                "",
                '<circle fill="{}" cx="{}" cy="{}" r="4"><title>{}</title></circle>',
                (
                    (
                        ACHIEVED,
                        x(year),
                        y(value),
                        _("Achieved: %(figures)s")
                        % {"figures": _with_year(Decimal(str(value)), year)},
                    )
                    for year, value in achieved
                ),
            )
        )
    if years:
        shown = sorted(set(years))
        if len(shown) > MAX_YEAR_LABELS:
            shown = [first, last]
        for year in shown:
            parts.append(
                format_html(
                    '<text x="{}" y="{}" text-anchor="middle">{}</text>',
                    x(year),
                    TOP + PLOT_HEIGHT + 16,
                    year,
                )
            )
    axes = format_html(
        '<line stroke="{ink}" x1="{left}" y1="{top}" x2="{left}" y2="{bottom}"/>',
        ink=INK,
        left=LEFT,
        top=TOP,
        bottom=TOP + PLOT_HEIGHT,
    )
    # Without its words the chart starts below the key's band.
    view_top = 0
    if words_in_svg:
        parts.append(_legend(baseline is not None, bool(achieved), target is not None))
        axes += format_html(
            '<text x="12" y="{centre}" text-anchor="middle" '
            'transform="rotate(-90 12 {centre})">{unit}</text>',
            centre=TOP + PLOT_HEIGHT // 2,
            unit=indicator.unit,
        )
    else:
        view_top = TOP - 8
    return format_html(
        '<svg class="indicator-chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        'width="100%" viewBox="0 {view_top} {width} {height}" font-size="12" '
        'font-family="sans-serif" fill="{ink}" direction="ltr" '
        'aria-labelledby="{id}-title {id}-desc" focusable="false">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{description}</desc>'
        "{body}{axes}</svg>",
        view_top=view_top,
        width=WIDTH,
        height=HEIGHT - view_top,
        ink=INK,
        id=chart_id,
        title=indicator.name,
        description=describe(indicator),
        body=mark_safe("".join(str(part) for part in parts)),  # noqa: S308 (built escaped)
        axes=axes,
    )


def _text_width(text: str) -> int:
    """About how wide `text` is at 12px: CJK characters take a full em, others about 7px."""
    return sum(12 if ord(character) >= 0x2E80 else 7 for character in text)


def _series(has_baseline: bool, has_achieved: bool, has_target: bool) -> list[tuple]:
    """(marker template, colour, word) of each series shown, in the key's order."""
    items = []
    if has_baseline:
        items.append(
            ('<rect fill="{}" x="{}" y="6" width="9" height="9"/>', BASELINE, _("Baseline"))
        )
    if has_achieved:
        items.append(('<circle fill="{}" cx="{}" cy="10.5" r="4"/>', ACHIEVED, _("Achieved")))
    if has_target:
        items.append(
            (
                '<line stroke="{}" stroke-width="2" stroke-dasharray="6 4" '
                'x1="{}" y1="10.5" x2="{}" y2="10.5"/>',
                TARGET,
                _("Target"),
            )
        )
    return items


def _marker(template: str, colour: str, position: float) -> SafeString:
    if "x1" in template:
        return format_html(template, colour, position, position + 14)
    return format_html(template, colour, position + (4 if "cx" in template else 0))


def _legend(has_baseline: bool, has_achieved: bool, has_target: bool) -> SafeString:
    """The key, above the plot: a marker and a word per series shown."""
    parts = []
    position = LEFT
    for template, colour, word in _series(has_baseline, has_achieved, has_target):
        marker = _marker(template, colour, position)
        parts.append(format_html('{}<text x="{}" y="14">{}</text>', marker, position + 18, word))
        position += 18 + _text_width(word) + 20
    return mark_safe("".join(str(part) for part in parts))  # noqa: S308 (built escaped)


def chart_key(indicator, *, language: str, content_language: str) -> SafeString:
    """The chart's words as HTML, for a chart drawn with `words_in_svg=False`: a marker (a
    small SVG without text) and a word per series, and the unit. `language` is the
    interface's (the words), `content_language` the case's (the unit, an editor's text).
    Empty when the chart is."""
    achieved = bool(indicator.achieved_values)
    baseline = indicator.baseline_value is not None
    target = indicator.target_value is not None
    if not (achieved or baseline or target):
        return mark_safe("")
    items = [
        format_html(
            '<span class="outcome__key-item"><svg xmlns="http://www.w3.org/2000/svg" '
            'width="14" height="10" viewBox="0 5.5 14 10" aria-hidden="true">{}</svg> '
            "{}</span>",
            _marker(template, colour, 0),
            word,
        )
        for template, colour, word in _series(baseline, achieved, target)
    ]
    if indicator.unit:
        unit = format_html('<bdi lang="{}">{}</bdi>', content_language, indicator.unit)
        text = conditional_escape(_("Unit: %(unit)s")) % {"unit": unit}
        items.append(format_html('<span class="outcome__unit">{}</span>', mark_safe(text)))  # noqa: S308 (escaped above)
    return format_html(
        '<p class="outcome__key" lang="{}">{}</p>',
        language,
        mark_safe(" ".join(items)),  # noqa: S308 (built escaped)
    )
