"""Small server-rendered SVG charts: no JavaScript, no third-party code.

`svg_chart` draws one series of numbers (a value per label, e.g. per day) as bars or as a
line, with a `<title>` and a `<desc>` (`role="img"`, `aria-labelledby`), the axis names, the
scale (0, half and the maximum) and the first, middle and last labels. Every value also gets
a `<title>` of its own, which browsers show on hover. The same figures are always given in a
table next to the chart: the chart is a picture of the table, not the only way to read it.

The drawing runs left to right in every language (`direction="ltr"` on the SVG, like the
digits of a number), so right-to-left pages do not mirror the time axis or misplace the text.
"""

from collections.abc import Sequence

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from policyshare.core.charts import nice_maximum

WIDTH = 640
HEIGHT = 240
LEFT = 56  # room for the scale's numbers and the vertical axis name
RIGHT = 16
TOP = 16
BOTTOM = 52  # room for the labels and the horizontal axis name
PLOT_WIDTH = WIDTH - LEFT - RIGHT
PLOT_HEIGHT = HEIGHT - TOP - BOTTOM


def scale(values: Sequence[float]) -> list[tuple[float, float]]:
    """The (x, y) centre of each value in the SVG's coordinates: x spread evenly over the
    plot (a single value in the middle), y from the bottom (0) to the top (the maximum)."""
    count = len(values)
    top = nice_maximum(max(values, default=0))
    points = []
    for index, value in enumerate(values):
        x = LEFT + PLOT_WIDTH / 2 if count == 1 else LEFT + PLOT_WIDTH * (index + 0.5) / count
        y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * value / top
        points.append((round(x, 2), round(y, 2)))
    return points


def _label_positions(count: int) -> list[int]:
    if count == 0:
        return []
    return sorted({0, (count - 1) // 2, count - 1})


def svg_chart(
    labels: Sequence[str],
    values: Sequence[float],
    *,
    title: str,
    description: str,
    x_label: str,
    y_label: str,
    chart_id: str,
    kind: str = "bar",
) -> SafeString:
    """An accessible SVG chart of `values` (one per label). `chart_id` must be unique on the
    page: it names the title and description for `aria-labelledby`."""
    if len(labels) != len(values):
        raise ValueError("one label per value")
    if kind not in {"bar", "line"}:
        raise ValueError("kind is bar or line")
    top = nice_maximum(max(values, default=0))
    points = scale(values)
    baseline = TOP + PLOT_HEIGHT
    parts = []
    # The scale: 0, half and the top, with light grid lines.
    for fraction in (0, 0.5, 1):
        y = round(baseline - PLOT_HEIGHT * fraction, 2)
        number = top * fraction
        text = f"{number:g}" if number != int(number) else f"{int(number)}"
        parts.append(
            format_html(
                '<line class="analytics-chart__grid" stroke="currentColor" stroke-opacity="0.2" '
                'x1="{}" y1="{}" x2="{}" y2="{}"/>'
                '<text x="{}" y="{}" text-anchor="end" dominant-baseline="middle">{}</text>',
                LEFT,
                y,
                LEFT + PLOT_WIDTH,
                y,
                LEFT - 6,
                y,
                text,
            )
        )
    if values:
        slot = PLOT_WIDTH / len(values)
        if kind == "bar":
            bar_width = round(max(slot * 0.8, 1), 2)
            parts.append(
                format_html_join(
                    "",
                    '<rect class="analytics-chart__bar" fill="currentColor" fill-opacity="0.7" '
                    'x="{}" y="{}" width="{}" height="{}">'
                    "<title>{}: {}</title></rect>",
                    (
                        (
                            round(x - bar_width / 2, 2),
                            y,
                            bar_width,
                            round(baseline - y, 2),
                            label,
                            value,
                        )
                        for (x, y), label, value in zip(points, labels, values, strict=True)
                    ),
                )
            )
        else:
            parts.append(
                format_html(
                    '<polyline class="analytics-chart__line" fill="none" stroke="currentColor" '
                    'stroke-width="2" points="{}"/>',
                    " ".join(f"{x},{y}" for x, y in points),
                )
            )
            parts.append(
                format_html_join(
                    "",
                    '<circle class="analytics-chart__point" fill="currentColor" '
                    'cx="{}" cy="{}" r="3">'
                    "<title>{}: {}</title></circle>",
                    (
                        (x, y, label, value)
                        for (x, y), label, value in zip(points, labels, values, strict=True)
                    ),
                )
            )
    for index in _label_positions(len(labels)):
        x = points[index][0]
        anchor = "middle"
        if len(labels) > 1 and index == 0:
            anchor = "start"
        elif len(labels) > 1 and index == len(labels) - 1:
            anchor = "end"
        if len(labels) > 1:
            x = LEFT if index == 0 else (LEFT + PLOT_WIDTH if anchor == "end" else x)
        parts.append(
            format_html(
                '<text class="analytics-chart__label" x="{}" y="{}" text-anchor="{}">{}</text>',
                x,
                baseline + 16,
                anchor,
                labels[index],
            )
        )
    axes = format_html(
        '<line class="analytics-chart__axis" stroke="currentColor" '
        'x1="{left}" y1="{top}" x2="{left}" y2="{bottom}"/>'
        '<line class="analytics-chart__axis" stroke="currentColor" '
        'x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}"/>'
        '<text class="analytics-chart__axis-name" x="{middle}" y="{under}" '
        'text-anchor="middle">{x_label}</text>'
        '<text class="analytics-chart__axis-name" x="12" y="{centre}" text-anchor="middle" '
        'transform="rotate(-90 12 {centre})">{y_label}</text>',
        left=LEFT,
        top=TOP,
        bottom=baseline,
        right=LEFT + PLOT_WIDTH,
        middle=LEFT + PLOT_WIDTH // 2,
        under=HEIGHT - 8,
        centre=TOP + PLOT_HEIGHT // 2,
        x_label=x_label,
        y_label=y_label,
    )
    return format_html(
        '<svg class="analytics-chart" xmlns="http://www.w3.org/2000/svg" role="img" width="100%" '
        'font-size="12" fill="currentColor" viewBox="0 0 {width} {height}" direction="ltr" '
        'aria-labelledby="{id}-title {id}-desc" focusable="false">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{description}</desc>'
        "{body}{axes}</svg>",
        width=WIDTH,
        height=HEIGHT,
        id=chart_id,
        title=title,
        description=description,
        body=mark_safe("".join(str(part) for part in parts)),  # noqa: S308 (built escaped)
        axes=axes,
    )
