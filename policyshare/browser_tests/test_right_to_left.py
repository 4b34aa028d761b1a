"""Arabic pages render right to left: mirrored, nothing wider than the screen, no axe
violations. Screenshots go to artifacts/screenshots/ for a reviewer."""

import pytest

from .conftest import ARTIFACTS, VIEWPORTS
from .test_accessibility import axe_violations

SCREENSHOTS = ARTIFACTS / "screenshots"
PAGES = [("home", "/ar/"), ("policy", "/ar/policies/safe-speed/")]


@pytest.mark.parametrize("width_name", list(VIEWPORTS))
def test_arabic_pages_are_mirrored_and_fit_the_screen(visitor, portal, axe_script, width_name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    # axe-core goes in as an inline script, which the site's CSP rightly refuses.
    page = visitor.page(viewport=VIEWPORTS[width_name], bypass_csp=True)
    problems = []
    for page_type, path in PAGES:
        response = page.goto(path, wait_until="load")
        assert response.status == 200, f"{path}: HTTP {response.status}"
        page.screenshot(path=SCREENSHOTS / f"ar-{page_type}-{width_name}.png", full_page=True)
        assert page.evaluate("document.documentElement.dir") == "rtl"
        assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} [{width_name}] is {overflow}px wider than the screen"
        # Mirrored: the brand, first in the header, sits at the right edge.
        brand = page.locator(".site-brand").bounding_box()
        viewport_width = VIEWPORTS[width_name]["width"]
        assert brand["x"] + brand["width"] > viewport_width / 2, (
            f"{path}: brand is not on the right"
        )
        # The English content inside runs left to right.
        if page_type == "policy":
            assert (
                page.evaluate("getComputedStyle(document.querySelector('h1')).direction") == "ltr"
            )
        problems += [f"{path} [{width_name}] {v}" for v in axe_violations(page, axe_script)]
    assert not problems, "axe found violations:\n" + "\n".join(problems)
