"""axe-core finds no WCAG 2.1 A/AA violation on any public page type, in Korean and English, at
desktop and mobile widths; the site works from the keyboard. Screenshots of every page are
written to artifacts/screenshots/ for a reviewer."""

import pytest

from .conftest import ARTIFACTS, VIEWPORTS

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCREENSHOTS = ARTIFACTS / "screenshots"


def axe_violations(page, axe_script) -> list[str]:
    page.add_script_tag(path=str(axe_script))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        for violation in result["violations"]
    ]


@pytest.mark.parametrize("language", ["ko", "en"])
def test_no_axe_violations_on_any_page_type(visitor, portal, axe_script, language):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    problems = []
    for width_name, viewport in VIEWPORTS.items():
        # axe-core goes in as an inline script, which the site's CSP rightly refuses.
        page = visitor.page(viewport=viewport, bypass_csp=True)
        for page_type, path in portal.pages[language]:
            response = page.goto(path, wait_until="load")
            expected = 404 if page_type == "404" else 200
            assert response.status == expected, f"{path}: HTTP {response.status}"
            page.screenshot(
                path=SCREENSHOTS / f"{language}-{page_type}-{width_name}.png", full_page=True
            )
            problems += [f"{path} [{width_name}] {v}" for v in axe_violations(page, axe_script)]
    assert not problems, "axe found violations:\n" + "\n".join(problems)


@pytest.mark.parametrize("language", ["ko", "en"])
def test_keyboard_skip_link_focus_and_reachable_navigation(visitor, portal, language):
    page = visitor.page()
    page.goto(f"/{language}/policies/safe-speed/")

    page.keyboard.press("Tab")
    first = page.evaluate("document.activeElement.getAttribute('href')")
    assert first == "#main", "the skip link is not the first Tab stop"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    assert page.locator(".skip-link").is_visible(), "the focused skip link is not shown"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    page.goto(f"/{language}/policies/safe-speed/")
    reached = set()
    unfocusable_outline = []
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => {
                const el = document.activeElement;
                const style = getComputedStyle(el);
                return {tag: el.tagName, href: el.getAttribute('href'),
                        region: el.closest('nav')?.className || '',
                        outline: style.outlineStyle, width: style.outlineWidth};
            }"""
        )
        if focused["tag"] == "A" and focused["outline"] == "none":
            unfocusable_outline.append(focused["href"])
        if focused["region"]:
            reached.add((focused["region"], focused["href"]))
    switcher = {href for region, href in reached if region == "language-switcher"}
    menu = {href for region, href in reached if region == "site-nav"}
    other = "en" if language == "ko" else "ko"
    assert f"/{other}/policies/safe-speed/" in switcher, f"language switcher not reached: {reached}"
    assert f"/{language}/policies/" in menu and f"/{language}/search/" in menu, (
        f"main menu not reachable by Tab: {sorted(menu)}"
    )
    assert not unfocusable_outline, (
        f"focused links without a visible outline: {unfocusable_outline}"
    )
