"""The SVG world map: projection, vendored boundaries, markup. Pure functions, no database."""

import json
import math
import re
import xml.etree.ElementTree as ET
from urllib.parse import quote

import pytest
from django.utils import translation
from django_countries.fields import Country

from policyshare.sharing import map as world_map
from policyshare.sharing.map import (
    EQUATOR_Y,
    MAP_HEIGHT,
    WIDTH,
    CityKind,
    MapCity,
    MapLink,
    country_shapes,
    decode_arcs,
    equal_earth,
    numeric_to_alpha2,
    project,
    render_world_map,
)

SVG = "{http://www.w3.org/2000/svg}"
SEOUL = {"lat": 37.5665, "lon": 126.978}


def render(**overrides):
    arguments = {
        "cities": [],
        "links": [],
        "country_counts": {},
        "title": "Where Seoul's policies went",
        "description": "Partner cities and policy transfers.",
    }
    arguments.update(overrides)
    with translation.override("en"):
        return render_world_map(**arguments)


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def path_points(d: str) -> list[list[tuple[int, int]]]:
    """The absolute points of each ring of path data written by map.py (M x y l dx dy … z)."""
    rings = []
    for x, y, rest in re.findall(r"M(-?\d+) (-?\d+)l([^z]*)z", d):
        numbers = [int(n) for n in re.findall(r"-?\d+", rest)]
        point = (int(x), int(y))
        ring = [point]
        for dx, dy in zip(numbers[::2], numbers[1::2], strict=True):
            point = (point[0] + dx, point[1] + dy)
            ring.append(point)
        rings.append(ring)
    return rings


# --- Projection --------------------------------------------------------------------------


def test_origin_projects_to_the_centre_of_the_equator():
    assert equal_earth(lat=0, lon=0) == (0.0, 0.0)
    x, y = project(lat=0, lon=0)
    assert x == pytest.approx(WIDTH / 2)
    assert y == pytest.approx(EQUATOR_Y)


def test_antimeridian_and_poles_reach_the_edges_of_the_projection():
    # On the equator theta = 0, so x = lambda / (M * A1) and y = 0.
    east, _ = equal_earth(lat=0, lon=180)
    assert east == pytest.approx(math.pi / (math.sqrt(3) / 2 * 1.340264), abs=1e-9)
    assert equal_earth(lat=0, lon=-180)[0] == pytest.approx(-east)
    # At the pole theta = pi/3; the paper gives the equator 2.05 times the central meridian.
    theta = math.pi / 3
    north = theta * (1.340264 - 0.081106 * theta**2 + theta**6 * (0.000893 + 0.003796 * theta**2))
    assert equal_earth(lat=90, lon=0)[1] == pytest.approx(north, abs=1e-9)
    assert equal_earth(lat=-90, lon=0)[1] == pytest.approx(-north, abs=1e-9)
    assert east / north == pytest.approx(2.05, abs=0.01)
    # The poles are lines, not points, and the projection is symmetric.
    assert equal_earth(lat=90, lon=180)[0] > 0
    assert equal_earth(lat=-40, lon=-100) == pytest.approx(
        tuple(-v for v in equal_earth(lat=40, lon=100))
    )
    # In SVG units: the antimeridian is the frame's left and right edges.
    assert project(lat=0, lon=-180) == pytest.approx((0, EQUATOR_Y))
    assert project(lat=0, lon=180) == pytest.approx((WIDTH, EQUATOR_Y))
    assert project(lat=world_map.NORTH, lon=0)[1] == pytest.approx(0)
    assert project(lat=world_map.SOUTH, lon=0)[1] == pytest.approx(MAP_HEIGHT, abs=1)


def test_projection_preserves_area():
    """Equal area: a small cell's projected area over cos(lat) is the same everywhere (and 1
    on the unit sphere), which a wrong constant or a slip in the formula breaks."""
    h = 1e-4
    for lat in (0, 15, 37.5, 60, 80):
        (x0, y0) = equal_earth(lat=lat, lon=10)
        (x1, y1) = equal_earth(lat=lat, lon=10 + h)
        (x2, y2) = equal_earth(lat=lat + h, lon=10)
        area = abs((x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0))
        expected = math.radians(h) ** 2 * math.cos(math.radians(lat))
        assert area / expected == pytest.approx(1, rel=1e-3), lat


# --- Vendored boundaries -----------------------------------------------------------------


def test_arcs_are_delta_decoded_and_transformed():
    topology = {
        "transform": {"scale": [0.5, 0.25], "translate": [-10, 20]},
        "arcs": [[[4, 4], [2, -4], [-1, 0]], [[0, 0], [1, 1]]],
    }
    assert decode_arcs(topology) == [
        [(-8.0, 21.0), (-7.0, 20.0), (-7.5, 20.0)],
        [(-10.0, 20.0), (-9.5, 20.25)],
    ]


def test_numeric_codes_become_alpha2():
    assert numeric_to_alpha2("410") == "KR"
    assert numeric_to_alpha2("496") == "MN"
    assert numeric_to_alpha2("004") == "AF"
    assert numeric_to_alpha2("999") == ""


def test_every_country_of_the_source_is_drawn_where_its_coordinates_are():
    """The cached paths match the vendored file: one shape per country but Antarctica, each
    with a code, and each path's extent that of its projected source coordinates."""
    topology = json.loads(world_map.GEODATA_FILE.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    geometries = topology["objects"]["countries"]["geometries"]
    shapes = {shape.name: shape for shape in country_shapes()}
    assert len(shapes) == len(geometries) - 1
    assert "Antarctica" not in shapes
    assert {shape.alpha2 for shape in shapes.values()} >= {"KR", "MN", "VN", "CY", "SO", "XK"}
    assert all(shape.alpha2 for shape in shapes.values())

    for geometry in geometries:
        name = geometry["properties"]["name"]
        # Fiji's sliver east of the antimeridian is less than a unit wide and is dropped.
        if name in ("Antarctica", "Fiji"):
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        source = [
            project(lat=lat, lon=lon)
            for polygon in polygons
            for ring in polygon
            for index in ring
            for lon, lat in arcs[index if index >= 0 else ~index]
        ]
        drawn = [point for ring in path_points(shapes[name].path) for point in ring]
        assert drawn, name
        # Simplification keeps the extreme points within its tolerance, rounding adds half a
        # unit; tiny islets that vanish may shrink an extent a little more.
        for axis in (0, 1):
            assert min(p[axis] for p in drawn) == pytest.approx(
                min(p[axis] for p in source), abs=2.5
            ), name
            assert max(p[axis] for p in drawn) == pytest.approx(
                max(p[axis] for p in source), abs=2.5
            ), name


def test_rings_crossing_the_antimeridian_are_cut_not_drawn_across_the_map():
    shapes = {shape.alpha2: shape for shape in country_shapes()}
    for code in ("RU", "FJ", "US"):
        for ring in path_points(shapes[code].path):
            for (x1, _), (x2, _) in zip(ring, ring[1:] + ring[:1], strict=True):
                assert abs(x2 - x1) < WIDTH / 4, code
    # Russia's Chukotka is east of the antimeridian, so at the map's left edge, which at
    # its latitude curves in to x = 150.
    russia = [point for ring in path_points(shapes["RU"].path) for point in ring]
    chukotka = project(lat=66, lon=-175)
    assert any(math.dist(point, chukotka) < 10 for point in russia)
    assert max(x for x, _ in russia) > project(lat=66, lon=179)[0]
    # Fiji's islands on both sides of 180° are kept on the eastern edge.
    fiji = [point for ring in path_points(shapes["FJ"].path) for point in ring]
    assert all(x > WIDTH * 0.95 for x, _ in fiji)


def test_seoul_falls_inside_south_korea():
    shapes = {shape.alpha2: shape for shape in country_shapes()}
    korea = [point for ring in path_points(shapes["KR"].path) for point in ring]
    x, y = project(**SEOUL)
    assert min(p[0] for p in korea) < x < max(p[0] for p in korea)
    assert min(p[1] for p in korea) < y < max(p[1] for p in korea)


def test_country_shapes_are_computed_once():
    assert country_shapes() is country_shapes()


# --- Markup ------------------------------------------------------------------------------


def full_map_data():
    """60 cities and 20 lines with names and URLs as long as real ones: Korean slugs are
    percent-encoded, nine bytes a syllable."""
    kinds = [CityKind.SISTER, CityKind.FRIENDSHIP, CityKind.MEMORANDUM, CityKind.OTHER]
    cities = [MapCity(name="Seoul", kind=CityKind.HOME, url="/en/cities/seoul/", **SEOUL)]
    for i in range(59):
        cities.append(
            MapCity(
                name=f"Ciudad Autónoma de Ejemplo número {i}",
                lat=-50 + (i * 37) % 120,
                lon=-179 + (i * 97) % 358,
                kind=kinds[i % 4],
                url=f"/ko/cities/{quote(f'울란바토르-특별시-{i}')}/",
            )
        )
    links = [
        MapLink(
            source_lat=SEOUL["lat"],
            source_lon=SEOUL["lon"],
            target_lat=city.lat,
            target_lon=city.lon,
            label=f"Transport card system: Seoul → {city.name}, implemented in 2019",
            url=f"/ko/sharing/transfers/{quote(f'교통카드-시스템-{i}')}/",
        )
        for i, city in enumerate(cities[1:21])
    ]
    # Projects in 60 countries, in every shade.
    codes = sorted(world_map.mapped_country_codes())[::2][:60]
    counts = {code: 1 + i % 12 for i, code in enumerate(codes)}
    return cities, links, counts


def test_full_map_parses_and_stays_within_the_size_budget():
    cities, links, counts = full_map_data()
    svg = render(cities=cities, links=links, country_counts=counts)
    root = parse(svg)
    assert root.tag == f"{SVG}svg"
    assert len(root.findall(f".//{SVG}a")) == 80
    assert len(svg.encode()) <= 60_000


def test_markers_and_lines_are_named_links():
    cities, links, _ = full_map_data()
    root = parse(render(cities=cities[:3], links=links[:2], id_prefix="policy-map"))
    assert root.get("aria-labelledby") == "policy-map-title"
    assert root.get("aria-describedby") == "policy-map-desc"
    assert root.find(f"{SVG}title").get("id") == "policy-map-title"
    assert root.find(f"{SVG}title").text == "Where Seoul's policies went"
    assert root.find(f"{SVG}desc").get("id") == "policy-map-desc"
    anchors = root.findall(f".//{SVG}a")
    assert [a.get("href") for a in anchors] == [
        f"/ko/sharing/transfers/{quote('교통카드-시스템-0')}/",
        f"/ko/sharing/transfers/{quote('교통카드-시스템-1')}/",
        # Drawn by kind, Seoul last so it stays on top.
        f"/ko/cities/{quote('울란바토르-특별시-1')}/",
        f"/ko/cities/{quote('울란바토르-특별시-0')}/",
        "/en/cities/seoul/",
    ]
    names = [a.find(f"{SVG}title").text for a in anchors]
    assert (
        names[0] == "Transport card system: Seoul → Ciudad Autónoma de Ejemplo número 0, "
        "implemented in 2019"
    )
    assert names[2:] == [
        "Ciudad Autónoma de Ejemplo número 1 (Friendship city)",
        "Ciudad Autónoma de Ejemplo número 0 (Sister city)",
        "Seoul",
    ]


def test_a_city_without_a_page_is_named_but_not_a_link():
    root = parse(render(cities=[MapCity(name="Hanoi", lat=21.03, lon=105.85)]))
    assert root.findall(f".//{SVG}a") == []
    assert root.find(f".//{SVG}g[@class='ps-map__cities--other']/{SVG}g/{SVG}title").text == (
        "Hanoi (Other partner city)"
    )


def test_lines_are_gentle_arcs_from_source_to_target():
    link = MapLink(
        source_lat=37.57,
        source_lon=126.98,
        target_lat=47.92,
        target_lon=106.92,
        label="x",
        url="/en/x/",
    )
    d = parse(render(links=[link])).find(f".//{SVG}a/{SVG}path").get("d")
    match = re.fullmatch(r"M(\S+) (\S+)Q(\S+) (\S+) (\S+) (\S+)", d)
    x1, y1, cx, cy, x2, y2 = (float(v) for v in match.groups())
    assert (x1, y1) == pytest.approx(project(lat=37.57, lon=126.98), abs=0.06)
    assert (x2, y2) == pytest.approx(project(lat=47.92, lon=106.92), abs=0.06)
    # The control point lies off the straight line, north of it, by a fifth of its length.
    length = math.hypot(x2 - x1, y2 - y1)
    offset = math.hypot(cx - (x1 + x2) / 2, cy - (y1 + y2) / 2)
    assert offset == pytest.approx(0.2 * length, rel=0.05)
    assert cy < (y1 + y2) / 2
    # …on the perpendicular through the middle, so the arc is symmetric.
    dot = (cx - (x1 + x2) / 2) * (x2 - x1) + (cy - (y1 + y2) / 2) * (y2 - y1)
    assert dot == pytest.approx(0, abs=0.05 * length)


def test_text_is_escaped():
    evil = '<script>alert(1)</script>" onmouseover="alert(2)&'
    svg = render(
        cities=[MapCity(name=evil, lat=10, lon=10, url="/en/cities/x/?a=1&b=2")],
        links=[
            MapLink(
                source_lat=0, source_lon=0, target_lat=10, target_lon=10, label=evil, url="/en/t/"
            )
        ],
        title=evil,
        description=evil,
    )
    assert "<script" not in svg
    assert 'onmouseover="' not in svg
    root = parse(svg)
    assert root.find(f"{SVG}title").text == evil
    assert root.find(f"{SVG}desc").text == evil
    assert root.find(f".//{SVG}a/{SVG}title").text == evil
    city = root.findall(f".//{SVG}a")[-1]
    assert city.get("href") == "/en/cities/x/?a=1&b=2"
    assert city.find(f"{SVG}title").text == f"{evil} (Other partner city)"
    assert all("onmouseover" not in element.attrib for element in root.iter())


def test_control_characters_in_names_do_not_break_the_xml():
    root = parse(render(cities=[MapCity(name="Ulaan\x0bbaatar\x00", lat=47.9, lon=106.9)]))
    assert root.find(f".//{SVG}title[.='Ulaanbaatar (Other partner city)']") is not None


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "https://example.com/", "//example.com/", "/\\example.com", "x"]
)
def test_links_stay_on_the_site(url):
    with pytest.raises(ValueError, match="path on this site"):
        render(cities=[MapCity(name="X", lat=0, lon=0, url=url)])
    with pytest.raises(ValueError, match="path on this site"):
        render(
            links=[
                MapLink(source_lat=0, source_lon=0, target_lat=1, target_lon=1, label="x", url=url)
            ]
        )


def test_places_outside_the_frame_are_refused():
    with pytest.raises(ValueError, match="outside the map"):
        render(cities=[MapCity(name="McMurdo Station", lat=-77.85, lon=166.67)])
    with pytest.raises(ValueError, match="outside the map"):
        render(
            links=[MapLink(source_lat=0, source_lon=0, target_lat=10, target_lon=190, label="x")]
        )


def test_unknown_city_kind_is_refused():
    with pytest.raises(ValueError):
        MapCity(name="X", lat=0, lon=0, kind="twin")


def test_countries_are_shaded_by_their_count():
    counts = {"KR": 12, "mn": 3, Country("FR"): 1, "DE": 0, "SG": 4, "ZZ": 2}
    root = parse(render(country_counts=counts))

    def shaded(class_name):
        group = root.find(f".//{SVG}g[@class='{class_name}']")
        return sorted(path.find(f"{SVG}title").text for path in group) if group else []

    assert shaded("ps-map__countries--n1") == ["France: 1 project"]
    assert shaded("ps-map__countries--n2") == ["Mongolia: 3 projects"]
    assert shaded("ps-map__countries--n3") == []
    assert shaded("ps-map__countries--n4") == ["South Korea: 12 projects"]
    countries = root.find(f".//{SVG}g[@class='ps-map__countries']")
    # Germany (0), Singapore (too small for the 1:110m data) and an unknown code stay plain.
    assert len(countries.findall(f"{SVG}path")) == len(country_shapes()) - 3
    assert countries.get("aria-hidden") == "true"
    legend = [t.text for t in root.iter(f"{SVG}text")]
    assert legend == ["Projects by country", "1", "2–4", "5–9", "10+"]


def test_country_names_follow_the_language():
    with translation.override("ko"):
        svg = render_world_map(
            cities=[], links=[], country_counts={"MN": 2}, title="지도", description="설명"
        )
    assert "몽골" in svg


def test_legend_lists_only_what_the_map_shows():
    root = parse(render(cities=[MapCity(name="Tokyo", lat=35.7, lon=139.7, kind="sister")]))
    assert [t.text for t in root.iter(f"{SVG}text")] == ["Cities", "Sister city"]
    empty = parse(render())
    assert list(empty.iter(f"{SVG}text")) == []
    assert empty.get("viewBox") == f"0 0 {WIDTH} {MAP_HEIGHT}"


def test_nothing_is_requested_outside_the_svg():
    cities, links, counts = full_map_data()
    svg = render(cities=cities, links=links, country_counts=counts)
    assert svg.count("http") == 1
    assert 'xmlns="http://www.w3.org/2000/svg"' in svg
    root = parse(svg)
    for element in root.iter():
        assert element.tag not in (f"{SVG}script", f"{SVG}style", f"{SVG}image", f"{SVG}use")
        for name, value in element.attrib.items():
            assert name != "style" and not name.startswith("on"), (element.tag, name)
            assert "url(" not in value or re.fullmatch(r"url\(#[\w-]+\)", value), value


def test_direction_lays_out_the_legend_but_not_the_map():
    cities, links, counts = full_map_data()
    ltr = render(cities=cities, links=links, country_counts=counts, direction="ltr")
    rtl = render(cities=cities, links=links, country_counts=counts, direction="rtl")
    assert ltr.split('<g class="ps-map__legend"')[0] == rtl.split('<g class="ps-map__legend"')[0]
    texts = {t.text: t for t in parse(rtl).iter(f"{SVG}text")}
    assert texts["Cities"].get("direction") == "rtl"
    assert float(texts["Cities"].get("x")) > WIDTH / 2  # columns start on the right
    assert texts["2–4"].get("direction") == "ltr"  # a number range reads left to right
    assert texts["2–4"].get("text-anchor") == "end"  # …and still ends beside its swatch


def test_direction_follows_the_active_language_by_default():
    with translation.override("ar"):
        svg = render_world_map(
            cities=[MapCity(name="Dubai", lat=25.2, lon=55.3)],
            links=[],
            country_counts={},
            title="t",
            description="d",
        )
    assert 'direction="rtl"' in svg
