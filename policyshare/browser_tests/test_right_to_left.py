"""Arabic pages, whose content is all English fallback (the portal has Arabic sections only),
render right to left: mirrored, nothing wider than the screen, the English blocks inside left
to right, outlet prefixes in one piece; axe and the Nu HTML Checker find nothing.

Screenshots go to artifacts/screenshots/ar-*.png, the HTML to artifacts/html/ar-*.html."""

import pytest

from .conftest import ARTIFACTS
from .portal import nu_checker_problems
from .test_accessibility import axe_violations

SCREENSHOTS = ARTIFACTS / "screenshots"
HTML_DIR = ARTIFACTS / "html"
# A phone (iPhone X/11 Pro size) and a laptop.
WIDTHS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 800}}


def arabic_pages(portal) -> list[tuple[str, str]]:
    return [
        ("home", "/ar/"),
        ("library", "/ar/policies/"),
        ("policy-en-only", f"/ar/policies/{portal.en_only_policy.slug}/"),
        ("policy-ko-en", "/ar/policies/safe-speed/"),
        ("board-media", "/ar/media/"),
        ("board-news", "/ar/news/"),
        ("post-media", portal.posts[("media", "en")].url.replace("/en/", "/ar/", 1)),
        ("partners", "/ar/partners/"),
        ("standard", "/ar/sharing-city/"),
        ("search", "/ar/search/?q=speed"),
    ]


# Every element marked as English content, with its computed direction.
ENGLISH_BLOCKS = """() => [...document.querySelectorAll('main [lang="en"]')].map(element => ({
    tag: element.tagName.toLowerCase(),
    text: element.textContent.trim().slice(0, 40),
    direction: getComputedStyle(element).direction,
}))"""

# Where the first and the last character of an element are drawn: "[Cities Today]" reads
# left to right when "[" is left of "]".
CHARACTER_EDGES = """element => {
    const text = element.firstChild;
    const box = (start) => {
        const range = document.createRange();
        range.setStart(text, start);
        range.setEnd(text, start + 1);
        return range.getBoundingClientRect().left;
    };
    return {first: box(0), last: box(text.length - 1), text: text.textContent};
}"""

# The right edge of an element's text (not of its box, which spans the line).
TEXT_RIGHT_EDGE = """element => {
    const range = document.createRange();
    range.selectNodeContents(element);
    return range.getBoundingClientRect().right;
}"""


@pytest.mark.parametrize("width_name", list(WIDTHS))
def test_arabic_pages_with_english_content_are_mirrored_and_fit_the_screen(
    visitor, portal, axe_script, width_name
):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    viewport = WIDTHS[width_name]
    # axe-core goes in as an inline script, which the site's CSP rightly refuses.
    page = visitor.page(viewport=viewport, bypass_csp=True)
    problems = []
    for page_type, path in arabic_pages(portal):
        response = page.goto(path, wait_until="load")
        assert response.status == 200, f"{path}: HTTP {response.status}"
        shot = SCREENSHOTS / f"ar-{page_type}-{width_name}.png"
        page.screenshot(path=shot, full_page=True)
        assert shot.stat().st_size > 0
        assert page.evaluate("document.documentElement.dir") == "rtl"
        assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} [{width_name}] is {overflow}px wider than the screen"

        # Mirrored: the brand and the first menu entry (on a phone, the folded menu's
        # toggle) sit on the right half.
        first_entry = (
            ".site-nav li:first-child a" if width_name == "desktop" else ".site-nav summary"
        )
        for selector in (".site-brand", first_entry):
            box = page.locator(selector).bounding_box()
            assert box["x"] + box["width"] > viewport["width"] / 2, (
                f"{path} [{width_name}]: {selector} is not on the right"
            )
        # The main heading: Arabic (an interface or Arabic section title) ends flush right;
        # English (a fallback policy) runs left to right.
        heading = page.locator("main h1").first
        heading_lang = heading.get_attribute("lang")
        direction = heading.evaluate("element => getComputedStyle(element).direction")
        if heading_lang == "en":
            assert direction == "ltr", f"{path}: the English h1 runs {direction}"
        else:
            assert direction == "rtl", f"{path}: the h1 runs {direction}"
            right = heading.evaluate(TEXT_RIGHT_EDGE)
            container = heading.evaluate("element => element.getBoundingClientRect().right")
            assert right >= container - 2, f"{path}: the h1 does not start on the right"

        # Every English block runs left to right.
        english = page.evaluate(ENGLISH_BLOCKS)
        assert english, f"{path}: no English fallback content is marked lang=en"
        wrong = [block for block in english if block["direction"] != "ltr"]
        assert not wrong, f"{path} [{width_name}]: English blocks not ltr: {wrong}"

        problems += [f"{path} [{width_name}] {v}" for v in axe_violations(page, axe_script)]

        if page_type == "board-media":
            outlet = page.locator(".post-row__outlet").first
            edges = outlet.evaluate(CHARACTER_EDGES)
            assert edges["text"].startswith("["), edges
            assert edges["first"] < edges["last"], f"outlet prefix drawn reversed: {edges}"
    assert not problems, "axe found violations:\n" + "\n".join(problems)


def test_arabic_pages_with_english_content_are_valid_html(visitor, portal, vnu_command):
    HTML_DIR.mkdir(parents=True, exist_ok=True)
    request = visitor.context().request
    files = []
    for page_type, path in arabic_pages(portal):
        response = request.get(path)
        assert response.status == 200, path
        body = response.body().decode()
        assert 'lang="en" dir="ltr"' in body, f"{path}: no English content marked as such"
        saved = HTML_DIR / f"ar-fallback-{page_type}.html"
        saved.write_text(body, encoding="utf-8")
        files.append(saved)
    errors = nu_checker_problems(vnu_command, files, warnings=True)
    assert not errors, "the Nu HTML Checker reports:\n" + "\n".join(errors)
