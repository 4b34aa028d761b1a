"""The Nu HTML Checker (vnu-jar) reports no error on any public page type, in either language.

Every page's HTML, as the server sent it, is saved under artifacts/html/ and checked in one JVM
run for speed."""

from .conftest import ARTIFACTS
from .portal import nu_checker_problems

HTML_DIR = ARTIFACTS / "html"


def test_every_public_page_is_valid_html(visitor, portal, vnu_command):
    HTML_DIR.mkdir(parents=True, exist_ok=True)
    for stale in HTML_DIR.glob("*.html"):
        stale.unlink()
    request = visitor.context().request
    files = []
    for language, pages in portal.pages.items():
        for page_type, path in pages:
            response = request.get(path, fail_on_status_code=False)
            assert response.status == (404 if page_type == "404" else 200), path
            saved = HTML_DIR / f"{language}-{page_type}.html"
            saved.write_bytes(response.body())
            files.append(saved)

    errors = nu_checker_problems(vnu_command, files)
    assert not errors, "the Nu HTML Checker reports:\n" + "\n".join(errors)
