"""The SVG chart function: points, scaling, empty data, one point, escaping, accessibility."""

import re

from django.test import SimpleTestCase

from policyshare.analytics import charts
from policyshare.analytics.charts import svg_chart


def chart(labels, values, **kwargs):
    options = {
        "title": "Views per day",
        "description": "A description",
        "x_label": "Day",
        "y_label": "Views",
        "chart_id": "c",
    }
    options.update(kwargs)
    return str(svg_chart(labels, values, **options))


class NiceMaximumTests(SimpleTestCase):
    def test_rounds_up_to_one_two_five_times_a_power_of_ten(self):
        cases = {0: 1, 0.5: 1, 1: 1, 2: 2, 3: 5, 7: 10, 10: 10, 11: 20, 140: 200, 501: 1000}
        for value, expected in cases.items():
            with self.subTest(value=value):
                self.assertEqual(charts.nice_maximum(value), expected)


class ScaleTests(SimpleTestCase):
    def test_values_are_spread_evenly_and_scaled_from_the_bottom(self):
        points = charts.scale([0, 5, 10])
        bottom = charts.TOP + charts.PLOT_HEIGHT
        self.assertEqual([y for _x, y in points], [bottom, bottom - charts.PLOT_HEIGHT / 2, 16])
        xs = [x for x, _y in points]
        self.assertAlmostEqual(xs[1] - xs[0], xs[2] - xs[1], places=1)
        self.assertGreater(xs[0], charts.LEFT)
        self.assertLess(xs[2], charts.LEFT + charts.PLOT_WIDTH)

    def test_one_point_is_in_the_middle(self):
        [(x, y)] = charts.scale([3])
        self.assertEqual(x, charts.LEFT + charts.PLOT_WIDTH / 2)
        # 3 on a scale of 5
        self.assertAlmostEqual(y, charts.TOP + charts.PLOT_HEIGHT * (1 - 3 / 5), places=1)

    def test_empty(self):
        self.assertEqual(charts.scale([]), [])


class SvgChartTests(SimpleTestCase):
    def test_accessible_image_with_title_description_and_axis_names(self):
        svg = chart(["2026-01-01", "2026-01-02"], [1, 4])
        self.assertIn('role="img"', svg)
        self.assertIn('aria-labelledby="c-title c-desc"', svg)
        self.assertIn('<title id="c-title">Views per day</title>', svg)
        self.assertIn('<desc id="c-desc">A description</desc>', svg)
        self.assertIn(">Day</text>", svg)
        self.assertIn(">Views</text>", svg)
        self.assertIn('direction="ltr"', svg)
        self.assertNotIn("<script", svg)
        self.assertNotIn("http://", svg.replace('xmlns="http://www.w3.org/2000/svg"', ""))

    def test_one_bar_per_value_with_its_own_title_and_height(self):
        svg = chart(["a", "b", "c"], [0, 5, 10])
        self.assertEqual(svg.count("<rect "), 3)
        self.assertIn("<title>b: 5</title>", svg)
        heights = [float(h) for h in re.findall(r'<rect [^>]*height="([\d.]+)"', svg)]
        self.assertEqual(heights, [0, charts.PLOT_HEIGHT / 2, charts.PLOT_HEIGHT])
        # The scale: 0, half and the top.
        for number in ("0", "5", "10"):
            self.assertIn(f'dominant-baseline="middle">{number}</text>', svg)

    def test_line_chart_has_a_polyline_through_every_point(self):
        svg = chart(["a", "b", "c", "d"], [1, 2, 3, 4], kind="line")
        points = re.search(r'<polyline [^>]*points="([^"]+)"', svg).group(1).split()
        self.assertEqual(len(points), 4)
        self.assertEqual(svg.count("<circle "), 4)
        self.assertNotIn("<rect ", svg)

    def test_empty_data_draws_axes_and_no_bar(self):
        svg = chart([], [])
        self.assertIn('role="img"', svg)
        self.assertNotIn("<rect ", svg)
        self.assertIn('dominant-baseline="middle">1</text>', svg)  # a scale of 0 to 1

    def test_one_point(self):
        svg = chart(["2026-01-01"], [7])
        self.assertEqual(svg.count("<rect "), 1)
        self.assertEqual(svg.count("2026-01-01</text>"), 1)

    def test_only_first_middle_and_last_labels_are_written(self):
        labels = [f"day {n}" for n in range(9)]
        svg = chart(labels, list(range(9)))
        written = re.findall(r'class="analytics-chart__label"[^>]*>([^<]+)</text>', svg)
        self.assertEqual(written, ["day 0", "day 4", "day 8"])

    def test_labels_title_and_description_are_escaped(self):
        svg = chart(
            ['<script>alert("x")</script>'],
            [1],
            title="<b>T</b>",
            description="a & b",
            y_label="<i>",
        )
        self.assertNotIn("<script>", svg)
        self.assertNotIn("<b>", svg)
        self.assertNotIn("<i>", svg)
        self.assertIn("&lt;script&gt;", svg)
        self.assertIn("a &amp; b", svg)

    def test_mismatched_or_unknown_input_is_refused(self):
        with self.assertRaises(ValueError):
            chart(["a"], [1, 2])
        with self.assertRaises(ValueError):
            chart(["a"], [1], kind="pie")
