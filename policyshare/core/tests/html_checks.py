"""Structural checks on rendered HTML: accessibility basics and no third-party requests."""

from html.parser import HTMLParser
from urllib.parse import urlparse

LOADING_ATTRIBUTES = {
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "script": ("src",),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "embed": ("src",),
    "object": ("data",),
}


class PageAudit(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.html_lang = None
        self.headings: list[int] = []
        self.landmarks: set[str] = set()
        self.images_without_alt: list[str] = []
        self.controls: list[dict] = []
        self.label_targets: set[str] = set()
        self.label_depth = 0
        self.external_loads: list[str] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.append(attributes["id"])
        if tag == "html":
            self.html_lang = attributes.get("lang")
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.headings.append(int(tag[1]))
        if tag in {"header", "nav", "main", "footer"}:
            self.landmarks.add(tag)
        if tag == "img" and "alt" not in attributes:
            self.images_without_alt.append(attributes.get("src", "?"))
        if tag == "label":
            self.label_depth += 1
            if attributes.get("for"):
                self.label_targets.add(attributes["for"])
        if tag in {"input", "select", "textarea"} and attributes.get("type") not in {
            "hidden",
            "submit",
            "button",
            "reset",
        }:
            self.controls.append({**attributes, "_wrapped": self.label_depth > 0})
        for name in LOADING_ATTRIBUTES.get(tag, ()):
            self._check_external(attributes.get(name))
        if tag == "link" and attributes.get("rel") not in {"alternate", "canonical"}:
            self._check_external(attributes.get("href"))

    def handle_endtag(self, tag):
        if tag == "label" and self.label_depth:
            self.label_depth -= 1

    def _check_external(self, value):
        if not value:
            return
        for candidate in value.split(","):
            url = candidate.strip().split(" ")[0]
            parsed = urlparse(url)
            is_absolute = parsed.scheme in {"http", "https"} or url.startswith("//")
            if is_absolute and parsed.hostname not in {"localhost", "testserver", "127.0.0.1"}:
                self.external_loads.append(url)

    def unlabelled_controls(self) -> list[str]:
        return [
            control.get("name", control.get("id", "?"))
            for control in self.controls
            if not control["_wrapped"]
            and control.get("id") not in self.label_targets
            and not control.get("aria-label")
            and not control.get("aria-labelledby")
        ]

    def heading_jumps(self) -> list[tuple[int, int]]:
        return [
            (before, after)
            for before, after in zip(self.headings, self.headings[1:], strict=False)
            if after > before + 1
        ]


def audit(html: str) -> PageAudit:
    parser = PageAudit()
    parser.feed(html)
    parser.close()
    return parser


def assert_accessible_page(html: str, *, lang: str) -> PageAudit:
    """The checks every public page must pass (a subset of WCAG that HTML alone shows)."""
    result = audit(html)
    assert result.html_lang == lang, f"<html lang> is {result.html_lang!r}, expected {lang!r}"
    assert result.headings.count(1) == 1, f"expected one h1, found headings {result.headings}"
    assert result.headings[0] == 1, f"the first heading is h{result.headings[0]}, not h1"
    assert not result.heading_jumps(), f"heading levels skip: {result.heading_jumps()}"
    missing = {"header", "nav", "main", "footer"} - result.landmarks
    assert not missing, f"missing landmarks: {sorted(missing)}"
    assert not result.images_without_alt, f"images without alt: {result.images_without_alt}"
    assert not result.unlabelled_controls(), f"unlabelled: {result.unlabelled_controls()}"
    assert not result.external_loads, f"requests leave the site: {result.external_loads}"
    duplicates = {i for i in result.ids if result.ids.count(i) > 1}
    assert not duplicates, f"duplicate ids: {duplicates}"
    return result
