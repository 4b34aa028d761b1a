"""The HTML checks themselves must be able to fail."""

import pytest

from policyshare.core.tests.html_checks import assert_accessible_page

GOOD = """<html lang="en"><body><header><nav></nav></header><main><h1>T</h1><h2>S</h2>
<label for="q">Q</label><input id="q" name="q"><img src="/a.png" alt=""></main>
<footer></footer></body></html>"""


def test_a_good_page_passes():
    assert_accessible_page(GOOD, lang="en")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('lang="en"', 'lang="ko"'), "<html lang>"),
        (("<h2>S</h2>", "<h1>S</h1>"), "one h1"),
        (("<h2>S</h2>", "<h3>S</h3>"), "skip"),
        (('alt=""', ""), "without alt"),
        (('<label for="q">Q</label>', ""), "unlabelled"),
        (('src="/a.png"', 'src="https://cdn.example.org/a.png"'), "leave the site"),
        (("<footer></footer>", ""), "footer"),
    ],
)
def test_each_problem_is_caught(change, message):
    html = GOOD.replace(*change)
    with pytest.raises(AssertionError, match=message):
        assert_accessible_page(html, lang="en")
