"""A world map drawn on the server as inline SVG: no tile server, no script, no request outside
the site.

Input is plain data (`MapCity`, `MapLink`, a count of projects per country) so the map does not
depend on the app's models; the page that shows it also shows the same data as a table.

The country outlines come from `geodata/countries-110m.json` (Natural Earth via the npm package
`world-atlas` 2.0.2; see `geodata/README.md`). The TopoJSON is decoded here, projected with
the Equal Earth projection (Šavrič, Patterson & Jenny 2018), simplified and rounded to whole
units once per process (`country_shapes()` is cached).
"""

from __future__ import annotations

import enum
import functools
import itertools
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language_bidi, gettext, ngettext
from django_countries import countries

GEODATA_FILE = Path(__file__).resolve().parent / "geodata" / "countries-110m.json"

# --- Projection --------------------------------------------------------------------------
# Equal Earth, from Šavrič, Patterson & Jenny (2018), "The Equal Earth map projection",
# International Journal of Geographical Information Science 33(3), eq. 1-2.
_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2


def equal_earth(*, lat: float, lon: float) -> tuple[float, float]:
    """Equal Earth on the unit sphere: (x, y) with x east and y north, both 0 at (0, 0)."""
    lam = math.radians(lon)
    theta = math.asin(_M * math.sin(math.radians(lat)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (_M * (_A1 + 3 * _A2 * t2 + t6 * (7 * _A3 + 9 * _A4 * t2)))
    y = theta * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2))
    return x, y


# The frame: the full width of the world, cropped to the latitudes where people live. The
# northernmost land in the data is Greenland at 83.6°N; Antarctica is left out, so the
# southernmost is Tierra del Fuego at 55°S. Cropping takes a tenth off the height (444
# units instead of 487) for the legend below.
WIDTH = 1000
NORTH = 85.0
SOUTH = -60.0
_SCALE = WIDTH / (2 * equal_earth(lat=0, lon=180)[0])
_Y_NORTH = _SCALE * equal_earth(lat=NORTH, lon=0)[1]
MAP_HEIGHT = math.ceil(_Y_NORTH - _SCALE * equal_earth(lat=SOUTH, lon=0)[1])
EQUATOR_Y = _Y_NORTH


def project(*, lat: float, lon: float) -> tuple[float, float]:
    """Map coordinates in SVG user units: x from 0 (180°W) to WIDTH (180°E), y down from the
    top of the frame (NORTH)."""
    x, y = equal_earth(lat=lat, lon=lon)
    return WIDTH / 2 + _SCALE * x, _Y_NORTH - _SCALE * y


# --- Country outlines --------------------------------------------------------------------
# Natural Earth countries without an ISO 3166 numeric code in world-atlas. ISO 3166 counts
# Northern Cyprus and Somaliland as parts of Cyprus and Somalia, so a project recorded there
# carries CY or SO; Kosovo uses the code XK, which the EU and others assign it.
_UNCODED_COUNTRIES = {"N. Cyprus": "CY", "Somaliland": "SO", "Kosovo": "XK"}
# No partner city is there, and drawing it would need the frame to reach the pole.
_LEFT_OUT = frozenset({"010"})  # Antarctica
# Douglas-Peucker tolerance in SVG units (a unit is 0.36° of longitude at the equator): keeps
# the country paths at 23 KB, under half the 60 KB budget, with no loss visible at page width.
SIMPLIFY_TOLERANCE = 0.6


@dataclass(frozen=True)
class CountryShape:
    """One country of the vendored data, projected: `path` is SVG path data."""

    numeric: str  # ISO 3166-1 numeric, three digits; "" where the data has none
    alpha2: str  # ISO 3166-1 alpha-2; "" where none is known
    name: str  # Natural Earth's English name, for tooltips of unknown codes
    path: str


def numeric_to_alpha2(numeric: str) -> str:
    """ISO 3166-1 alpha-2 for a numeric code such as "410" ("KR"); "" if unknown."""
    return countries.alpha2(numeric) or ""


def decode_arcs(topology: Mapping) -> list[list[tuple[float, float]]]:
    """The arcs of a quantized TopoJSON topology as (lon, lat) lists: each arc's positions are
    deltas from the previous one, scaled and translated by the topology's transform."""
    (kx, ky), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        qx = qy = 0
        points = []
        for dx, dy in arc:
            qx += dx
            qy += dy
            points.append((qx * kx + tx, qy * ky + ty))
        decoded.append(points)
    return decoded


def _unwrap(points: Iterable[tuple[float, float]], start: float | None = None):
    """(lon, lat) points with longitudes made continuous: a step of more than 180° crosses
    the antimeridian, so the next longitude moves by 360° (it may leave -180..180). `start`
    is the longitude the first point should be nearest."""
    unwrapped: list[tuple[float, float]] = []
    previous = start
    for lon, lat in points:
        if previous is not None:
            lon += 360 * round((previous - lon) / 360)
        unwrapped.append((lon, lat))
        previous = lon
    return unwrapped


def _simplified(arc: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker on the projected arc: the (lon, lat) points to keep so that no dropped
    point lies further than `tolerance` SVG units from the line that replaces it. The ends
    are always kept, so arcs still join."""
    if len(arc) < 3:
        return arc
    # Equal Earth is linear in longitude, so it projects unwrapped longitudes beyond ±180°
    # continuously: arcs that cross the antimeridian simplify like any other.
    points = [project(lat=lat, lon=lon) for lon, lat in arc]
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy)
        farthest, index = 0.0, 0
        for i in range(first + 1, last):
            px, py = points[i]
            if length:
                distance = abs(dy * (px - x1) - dx * (py - y1)) / length
            else:
                distance = math.hypot(px - x1, py - y1)
            if distance > farthest:
                farthest, index = distance, i
        if farthest > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [point for point, kept in zip(arc, keep, strict=True) if kept]


def _ring(indexes: Sequence[int], arcs: Sequence[list[tuple[float, float]]]):
    """The (lon, lat) points of one ring, joined from its arcs, with continuous longitudes."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        # TopoJSON: a negative index ~i is arc i walked backwards.
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        arc = _unwrap(arc, points[-1][0] if points else None)
        points += arc[1:] if points else arc
    if abs(points[0][0] - points[-1][0]) > 1e-9:
        # A ring around a pole (only Antarctica's, left out) would need its own clipping.
        raise ValueError("A ring around a pole cannot be drawn on this map.")
    return points[:-1]


def _clip(ring: list[tuple[float, float]], limit: float, keep_east: bool):
    """Sutherland-Hodgman: the part of the ring east (or west) of the meridian `limit`."""

    def inside(point):
        return point[0] >= limit if keep_east else point[0] <= limit

    def crossing(a, b):
        t = (limit - a[0]) / (b[0] - a[0])
        return (limit, a[1] + t * (b[1] - a[1]))

    clipped = []
    for i, current in enumerate(ring):
        previous = ring[i - 1]
        if inside(current):
            if not inside(previous):
                clipped.append(crossing(previous, current))
            clipped.append(current)
        elif inside(previous):
            clipped.append(crossing(previous, current))
    return clipped


def _pieces(ring: list[tuple[float, float]]):
    """The ring cut at the antimeridian into pieces within -180..180°: each copy of the ring
    shifted by a multiple of 360° keeps what falls in the frame."""
    west = min(lon for lon, _ in ring)
    east = max(lon for lon, _ in ring)
    for shift in (-360, 0, 360):
        if east + shift <= -180 or west + shift >= 180:
            continue
        piece = [(lon + shift, lat) for lon, lat in ring]
        if west + shift < -180:
            piece = _clip(piece, -180, keep_east=True)
        if east + shift > 180:
            piece = _clip(piece, 180, keep_east=False)
        if len(piece) >= 3:
            yield piece


def _ring_path(ring: list[tuple[float, float]]) -> str:
    """SVG path data of one ring in the frame: an absolute move, then relative lines between
    whole-unit points (relative, because small numbers are short)."""
    points: list[tuple[int, int]] = []
    for lon, lat in ring:
        x, y = project(lat=lat, lon=lon)
        point = (round(x), round(y))
        if not points or point != points[-1]:
            points.append(point)
    if len(points) > 1 and points[0] == points[-1]:
        points.pop()
    if len(points) < 3:
        return ""  # an islet smaller than a unit
    (x, y), rest = points[0], points[1:]
    numbers = []
    for nx, ny in rest:
        numbers += [nx - x, ny - y]
        x, y = nx, ny
    return f"M{points[0][0]} {points[0][1]}l{_numbers(numbers)}z"


def _numbers(numbers: Iterable[int]) -> str:
    """Numbers as SVG path data writes them: a minus sign separates by itself."""
    return "".join(f" {n}" if n >= 0 else str(n) for n in numbers).lstrip()


@functools.cache
def country_shapes() -> tuple[CountryShape, ...]:
    """Every country of the vendored data, projected and simplified; computed once per
    process (about a tenth of a second)."""
    topology = json.loads(GEODATA_FILE.read_text(encoding="utf-8"))
    # Simplify the shared arcs, not each country's rings, so neighbours keep the same border.
    arcs = [_simplified(_unwrap(arc), SIMPLIFY_TOLERANCE) for arc in decode_arcs(topology)]
    shapes = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        numeric = geometry.get("id", "")
        if numeric in _LEFT_OUT:
            continue
        name = geometry["properties"]["name"]
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        path = "".join(
            _ring_path(piece)
            for polygon in polygons
            for indexes in polygon
            for piece in _pieces(_ring(indexes, arcs))
        )
        alpha2 = numeric_to_alpha2(numeric) if numeric else _UNCODED_COUNTRIES.get(name, "")
        shapes.append(CountryShape(numeric=numeric, alpha2=alpha2, name=name, path=path))
    return tuple(shapes)


def mapped_country_codes() -> frozenset[str]:
    """Alpha-2 codes the map can shade. Small states (Singapore, Malta, Bahrain, …) are not
    in the 1:110m data: their projects appear only in the table beside the map."""
    return frozenset(shape.alpha2 for shape in country_shapes() if shape.alpha2)


# --- Rendering ---------------------------------------------------------------------------
class CityKind(enum.StrEnum):
    """How a city is tied to Seoul, which decides its marker's shape and colour."""

    SISTER = "sister"
    FRIENDSHIP = "friendship"
    MEMORANDUM = "memorandum"
    OTHER = "other"
    HOME = "home"  # Seoul itself


@dataclass(frozen=True, kw_only=True)
class MapCity:
    """A marker. `url` is a path on this site ("/en/cities/ulaanbaatar/"), or "" for none."""

    name: str
    lat: float
    lon: float
    kind: CityKind = CityKind.OTHER
    url: str = ""

    def __post_init__(self):
        object.__setattr__(self, "kind", CityKind(self.kind))


@dataclass(frozen=True, kw_only=True)
class MapLink:
    """A line from a source to a target place (a policy transfer), drawn as a gentle arc with
    an arrowhead at the target. `label` is its accessible name and tooltip."""

    source_lat: float
    source_lon: float
    target_lat: float
    target_lon: float
    label: str
    url: str = ""


@dataclass(frozen=True, kw_only=True)
class MapLabels:
    """The words on the map, already translated. `default_labels()` gives the standard ones
    in the active language."""

    kinds: Mapping[CityKind, str]  # legend entry of each kind of city
    city: Callable[[str, CityKind], str]  # a marker's accessible name, from its name and kind
    link: str  # legend entry of a line
    cities_heading: str
    countries_heading: str
    country_count: Callable[[str, int], str]  # tooltip of a shaded country: (name, count)


def default_labels() -> MapLabels:
    kinds = {
        CityKind.SISTER: gettext("Sister city"),
        CityKind.FRIENDSHIP: gettext("Friendship city"),
        CityKind.MEMORANDUM: gettext("Memorandum of understanding"),
        CityKind.OTHER: gettext("Other partner city"),
        CityKind.HOME: gettext("Seoul"),
    }

    def city(name: str, kind: CityKind) -> str:
        if kind == CityKind.HOME:
            return name
        return gettext("%(city)s (%(kind)s)") % {"city": name, "kind": kinds[kind]}

    def country_count(name: str, count: int) -> str:
        return ngettext(
            "%(country)s: %(count)d project", "%(country)s: %(count)d projects", count
        ) % {"country": name, "count": count}

    return MapLabels(
        kinds=kinds,
        city=city,
        link=gettext("Policy shared (from → to)"),
        cities_heading=gettext("Cities"),
        countries_heading=gettext("Projects by country"),
        country_count=country_count,
    )


# Lower bounds of the shading classes: 1, 2–4, 5–9, 10 or more projects.
COUNT_BINS = (1, 2, 5, 10)

# Colours are presentation attributes, which the site's CSP allows (it refuses inline style);
# the classes let the site's stylesheet override them, e.g. for forced colours. Shades are
# ColorBrewer "Blues"; markers take Okabe-Ito colours and differ in shape too.
_OCEAN = "#eaf1f7"
_LAND = "#d9d9d9"
_BIN_FILLS = ("#c6dbef", "#6baed6", "#2171b5", "#08306b")
_LINK_COLOUR = "#8c4a00"
_KIND_FILLS = {
    CityKind.SISTER: "#d55e00",
    CityKind.FRIENDSHIP: "#cc79a7",
    CityKind.MEMORANDUM: "#009e73",
    CityKind.OTHER: "#5b5b5b",
    CityKind.HOME: "#000000",
}
# Drawn in this order, so Seoul is on top.
_KIND_ORDER = (
    CityKind.OTHER,
    CityKind.MEMORANDUM,
    CityKind.FRIENDSHIP,
    CityKind.SISTER,
    CityKind.HOME,
)
_LEGEND_ORDER = _KIND_ORDER[::-1]
_ID_PREFIX = re.compile(r"[A-Za-z][A-Za-z0-9_-]*\Z")
# XML 1.0 allows no other control characters, even escaped; a name pasted with one would
# otherwise make the whole page's SVG unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value: str) -> str:
    return escape(_NOT_XML.sub("", value))


def _url(value: str) -> str:
    # Markers and lines link within the site only; this also keeps out javascript: URLs.
    if not value.startswith("/") or value.startswith(("//", "/\\")):
        raise ValueError(f"A map link must be a path on this site, not {value!r}.")
    return _text(value)


def _num(value: float) -> str:
    """One decimal place, as short as it goes: 12.0 → "12", 0.5 → ".5"."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    if text.startswith("0."):
        return text[1:]
    if text.startswith("-0."):
        return "-" + text[2:]
    return "0" if text in ("", "-0") else text


def _in_frame(lat: float, lon: float, what: str) -> tuple[float, float]:
    if not (SOUTH <= lat <= NORTH and -180 <= lon <= 180):
        raise ValueError(
            f"{what} at latitude {lat}, longitude {lon} is outside the map, which shows "
            f"latitudes {SOUTH}° to {NORTH}° and longitudes -180° to 180°."
        )
    return project(lat=lat, lon=lon)


def _marker(kind: CityKind, x: float, y: float) -> str:
    """A marker's shape, centred on (x, y): each kind has its own shape, so the legend reads
    without colour."""
    if kind == CityKind.SISTER:
        return f'<circle cx="{_num(x)}" cy="{_num(y)}" r="4.5"/>'
    if kind == CityKind.FRIENDSHIP:
        return f'<rect x="{_num(x - 4)}" y="{_num(y - 4)}" width="8" height="8"/>'
    if kind == CityKind.MEMORANDUM:
        return f'<path d="M{_num(x)} {_num(y - 5.5)}l5.5 5.5-5.5 5.5-5.5-5.5z"/>'
    if kind == CityKind.OTHER:
        return f'<path d="M{_num(x)} {_num(y - 5)}l5 8.5h-10z"/>'
    # A five-pointed star of outer radius 7.
    return f'<path d="M{_num(x)} {_num(y - 7)}{_STAR}"/>'


def _star() -> str:
    points = []
    for i in range(10):
        radius = 7 if i % 2 == 0 else 2.9
        angle = math.pi * i / 5
        points.append((radius * math.sin(angle), -radius * math.cos(angle)))
    steps = [
        f"{_num(bx - ax)} {_num(by - ay)}" for (ax, ay), (bx, by) in itertools.pairwise(points)
    ]
    return "l" + " ".join(steps) + "z"


_STAR = _star()


def _arc(x1: float, y1: float, x2: float, y2: float) -> str:
    """A quadratic curve from source to target, bowed off the straight line by a fifth of its
    length, always northwards (up): long routes then look like the great circles readers know
    from flight maps, and a line never runs along a coast or a border."""
    dx, dy = x2 - x1, y2 - y1
    # The perpendicular (-dy, dx) or its opposite, whichever points up.
    px, py = (-dy, dx) if dx < 0 or (dx == 0 and dy > 0) else (dy, -dx)
    cx = (x1 + x2) / 2 + 0.2 * px
    cy = min(max((y1 + y2) / 2 + 0.2 * py, 0), MAP_HEIGHT)
    return f"M{_num(x1)} {_num(y1)}Q{_num(cx)} {_num(cy)} {_num(x2)} {_num(y2)}"


def _bin_of(count: int) -> int:
    """Index of the shading class of a positive count."""
    return max(i for i, low in enumerate(COUNT_BINS) if count >= low)


def _bin_label(index: int) -> str:
    low = COUNT_BINS[index]
    if index == len(COUNT_BINS) - 1:
        return f"{low}+"
    high = COUNT_BINS[index + 1] - 1
    return str(low) if low == high else f"{low}–{high}"


class _Legend:
    """Rows of swatch and text under the map, in columns that run from the start side of
    the page's direction. Each text sets its own `direction`, so Arabic reads right to left
    and number ranges stay left to right."""

    ROW = 24
    COLUMN = 360

    def __init__(self, *, top: float, direction: str):
        self.top = top
        self.rtl = direction == "rtl"
        self.direction = direction
        self.columns: list[list[str]] = []
        self.rows = 0

    def column(self, heading: str, rows: Iterable[tuple[str, str, str]]) -> None:
        """`rows` are (swatch markup centred on 0 0, text, text direction)."""
        index = len(self.columns)
        edge = WIDTH - 20 - index * self.COLUMN if self.rtl else 20 + index * self.COLUMN
        inward = -1 if self.rtl else 1
        y = self.top + 18
        items = [self._label(edge, y, heading, self.direction, bold=True)]
        count = 1
        for swatch, text, text_direction in rows:
            y += self.ROW
            items.append(
                f'<g transform="translate({_num(edge + inward * 8)} {_num(y - 5)})">{swatch}</g>'
            )
            items.append(self._label(edge + inward * 22, y, text, text_direction))
            count += 1
        self.columns.append(items)
        self.rows = max(self.rows, count)

    def _label(self, x: float, y: float, text: str, direction: str, bold: bool = False) -> str:
        # The text runs inwards from x: text-anchor "start" is the start of the text's own
        # direction, so it flips when the text and the layout differ.
        anchor = "end" if (direction == "rtl") != self.rtl else "start"
        weight = ' font-weight="bold"' if bold else ""
        return (
            f'<text x="{_num(x)}" y="{_num(y)}" direction="{direction}" '
            f'text-anchor="{anchor}"{weight}>{_text(text)}</text>'
        )

    @property
    def height(self) -> int:
        return self.rows * self.ROW + 10 if self.columns else 0

    def markup(self) -> str:
        if not self.columns:
            return ""
        body = "".join(item for column in self.columns for item in column)
        return f'<g class="ps-map__legend" fill="currentColor" font-size="16">{body}</g>'


def render_world_map(
    *,
    cities: Sequence[MapCity],
    links: Sequence[MapLink],
    country_counts: Mapping[str, int],
    title: str,
    description: str,
    labels: MapLabels | None = None,
    id_prefix: str = "ps-map",
    direction: str | None = None,
) -> SafeString:
    """The map as inline SVG markup: countries shaded by `country_counts` (alpha-2 code →
    number of projects), `links` as arcs and `cities` as markers, both linking to their
    pages, and a legend under the map.

    `title` and `description` are the map's accessible name and description; the page must
    still show the same data as a table. `id_prefix` keeps ids unique when a page has two
    maps. `direction` ("ltr" or "rtl") lays out the legend; the map itself never mirrors.
    By default both follow the active language.

    Raises ValueError for a city or line outside the map's frame (latitudes SOUTH to NORTH)
    or a link that is not a path on this site.
    """
    labels = labels or default_labels()
    if not _ID_PREFIX.match(id_prefix):
        raise ValueError(f"id_prefix must be a valid XML id, not {id_prefix!r}.")
    direction = direction or ("rtl" if get_language_bidi() else "ltr")
    if direction not in ("ltr", "rtl"):
        raise ValueError(f'direction must be "ltr" or "rtl", not {direction!r}.')

    countries_svg = _countries(country_counts, labels)
    links_svg = _links(links, id_prefix)
    cities_svg = _cities(cities, labels)

    legend = _Legend(top=MAP_HEIGHT, direction=direction)
    if cities or links:
        kinds = {city.kind for city in cities}
        rows = [
            (
                f'<g fill="{_KIND_FILLS[kind]}">{_marker(kind, 0, 0)}</g>',
                labels.kinds[kind],
                direction,
            )
            for kind in _LEGEND_ORDER
            if kind in kinds
        ]
        if links:
            rows.append(
                (
                    f'<path d="M-8 0h15" stroke="{_LINK_COLOUR}" stroke-width="2"/>',
                    labels.link,
                    direction,
                )
            )
        legend.column(labels.cities_heading, rows)
    if any(count > 0 for count in country_counts.values()):
        legend.column(
            labels.countries_heading,
            [
                (
                    f'<rect x="-7" y="-6" width="14" height="12" fill="{fill}" stroke="#999"/>',
                    _bin_label(index),
                    "ltr",  # "2–4" would read "4–2" in a right-to-left run
                )
                for index, fill in enumerate(_BIN_FILLS)
            ],
        )

    height = MAP_HEIGHT + legend.height
    title_id, desc_id = f"{id_prefix}-title", f"{id_prefix}-desc"
    # role="group", not "img": an image's children are hidden from assistive technology,
    # and these markers and lines are links that must be reachable (axe: nested-interactive).
    return mark_safe(  # noqa: S308 -- every text and URL above went through escape()
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'class="ps-map" role="group" aria-labelledby="{title_id}" '
        f'aria-describedby="{desc_id}">'
        f'<title id="{title_id}">{_text(title)}</title>'
        f'<desc id="{desc_id}">{_text(description)}</desc>'
        f'<path class="ps-map__ocean" fill="{_OCEAN}" d="{_sphere()}"/>'
        f"{countries_svg}{links_svg}{cities_svg}{legend.markup()}</svg>"
    )


@functools.cache
def _sphere() -> str:
    """The outline of the world in the frame: the meridians ±180° between SOUTH and NORTH
    (parallels are straight lines in Equal Earth)."""
    lats = [SOUTH + (NORTH - SOUTH) * i / 36 for i in range(37)]
    east = [project(lat=lat, lon=180) for lat in lats]
    west = [project(lat=lat, lon=-180) for lat in reversed(lats)]
    return "M" + "L".join(f"{_num(x)} {_num(y)}" for x, y in east + west) + "z"


def _countries(country_counts: Mapping[str, int], labels: MapLabels) -> str:
    # str() also takes django-countries' Country objects, as a CountryField gives them.
    counts = {str(code).upper(): count for code, count in country_counts.items()}
    plain: list[str] = []
    shaded: list[list[str]] = [[] for _ in COUNT_BINS]
    for shape in country_shapes():
        count = counts.get(shape.alpha2, 0) if shape.alpha2 else 0
        if count > 0:
            name = countries.name(shape.alpha2) or shape.name
            shaded[_bin_of(count)].append(
                f'<path d="{shape.path}"><title>{_text(labels.country_count(name, count))}'
                "</title></path>"
            )
        else:
            plain.append(f'<path d="{shape.path}"/>')
    groups = "".join(
        f'<g class="ps-map__countries--n{index + 1}" fill="{_BIN_FILLS[index]}">'
        + "".join(paths)
        + "</g>"
        for index, paths in enumerate(shaded)
        if paths
    )
    # Hidden from assistive technology: the shading is in the legend and the table, and 176
    # unnamed shapes would only be noise.
    return (
        f'<g class="ps-map__countries" fill="{_LAND}" stroke="#fff" stroke-width=".5" '
        f'stroke-linejoin="round" fill-rule="evenodd" aria-hidden="true">'
        f"{''.join(plain)}{groups}</g>"
    )


def _links(links: Sequence[MapLink], id_prefix: str) -> str:
    if not links:
        return ""
    items = []
    for link in links:
        x1, y1 = _in_frame(link.source_lat, link.source_lon, f"The source of {link.label!r}")
        x2, y2 = _in_frame(link.target_lat, link.target_lon, f"The target of {link.label!r}")
        path = f'<title>{_text(link.label)}</title><path d="{_arc(x1, y1, x2, y2)}"/>'
        items.append(f'<a href="{_url(link.url)}">{path}</a>' if link.url else f"<g>{path}</g>")
    arrow = f"{id_prefix}-arrow"
    # The arrowhead stops short of the target, whose marker is drawn over the line's end.
    return (
        f'<defs><marker id="{arrow}" viewBox="0 0 6 6" refX="9" refY="3" markerWidth="6" '
        f'markerHeight="6" orient="auto"><path d="M0 0L6 3 0 6z" fill="{_LINK_COLOUR}"/>'
        f"</marker></defs>"
        f'<g class="ps-map__links" fill="none" stroke="{_LINK_COLOUR}" stroke-width="1.5" '
        f'marker-end="url(#{arrow})">{"".join(items)}</g>'
    )


def _cities(cities: Sequence[MapCity], labels: MapLabels) -> str:
    by_kind: dict[CityKind, list[str]] = {kind: [] for kind in _KIND_ORDER}
    for city in cities:
        x, y = _in_frame(city.lat, city.lon, f"The city {city.name!r}")
        name = _text(labels.city(city.name, city.kind))
        inner = f"<title>{name}</title>{_marker(city.kind, x, y)}"
        by_kind[city.kind].append(
            f'<a href="{_url(city.url)}">{inner}</a>' if city.url else f"<g>{inner}</g>"
        )
    groups = "".join(
        f'<g class="ps-map__cities--{kind}" fill="{_KIND_FILLS[kind]}">{"".join(items)}</g>'
        for kind, items in by_kind.items()
        if items
    )
    if not groups:
        return ""
    return f'<g class="ps-map__cities" stroke="#fff" stroke-width="1">{groups}</g>'
