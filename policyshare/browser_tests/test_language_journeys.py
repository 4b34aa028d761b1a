"""A reader of each of the six languages goes from the home page through search, the traffic
safety policy and a study-visit request to the tracking page, and meets no interface word in
another language on the way.

The content is the demo (`load_demo`) on top of the session's content, so the French,
Spanish, Arabic and Chinese pages show whatever `policyshare/demo/content/locales` holds.
On every page, the text whose nearest `lang` is the page's own (content in another language
is marked with its `lang`, and is allowed) may not contain Hangul (outside Korean pages), nor
be an English interface string (a msgid of the catalogues) that the page's language
translates differently.
"""

import gettext
import re
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

LOCALE_DIR = Path(settings.BASE_DIR) / "policyshare" / "locale"
# A query that finds the 3rd Traffic Safety Plan in each language: words of its title.
QUERIES = {
    "ko": "교통안전계획",
    "en": "road",
    "fr": "sécurité routière",
    "es": "seguridad vial",
    "ar": "المرورية",
    "zh-hans": "交通安全",
}
POLICY_SLUG = "third-traffic-safety-plan"
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")

# Every piece of text a reader meets, with the language it is marked as: the text nodes
# (not scripts or styles), the labels in attributes, and the document's title.
VISIBLE_TEXT_SCRIPT = """() => {
    const found = [{text: document.title, lang: document.documentElement.lang, where: "title"}];
    const langOf = (node) => {
        const marked = (node.nodeType === 1 ? node : node.parentElement).closest("[lang]");
        return marked ? marked.getAttribute("lang") : "";
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode;
        if (node.parentElement.closest("script, style, template, noscript")) continue;
        if (node.nodeValue.trim()) {
            const where = node.parentElement.outerHTML.slice(0, 120);
            found.push({text: node.nodeValue, lang: langOf(node), where});
        }
    }
    for (const element of document.body.querySelectorAll(
        "[aria-label], [placeholder], [title], [alt], input[type=submit][value]"
    )) {
        for (const name of ["aria-label", "placeholder", "title", "alt", "value"]) {
            const value = element.getAttribute(name);
            if (value && value.trim() && (name !== "value" || element.type === "submit")) {
                const where = element.outerHTML.slice(0, 120);
                found.push({text: value, lang: langOf(element), where});
            }
        }
    }
    return found;
}"""


def catalogue_dir(language: str) -> str:
    return "zh_Hans" if language == "zh-hans" else language


def untranslated_words(language: str) -> set[str]:
    """English interface strings that `language` says differently: met as they are on one of
    its pages, they are English left behind. Strings with placeholders cannot appear as
    they are and are left out."""
    with (LOCALE_DIR / catalogue_dir(language) / "LC_MESSAGES" / "django.mo").open("rb") as mo:
        catalogue = gettext.GNUTranslations(mo)
    words = set()
    # GNUTranslations keeps its messages in `_catalog`; gettext has no public way to list
    # them. Plural entries are keyed (msgid, index).
    for msgid, msgstr in catalogue._catalog.items():
        text = msgid[0] if isinstance(msgid, tuple) else msgid
        if not text or "%" in text or "{" in text or "<" in text:
            continue
        text = " ".join(text.split())
        if msgstr and " ".join(msgstr.split()) != text and re.search(r"[A-Za-z]{2}", text):
            words.add(text)
    return words


def foreign_words(page, language: str, words: set[str]) -> list[str]:
    problems = []
    for item in page.evaluate(VISIBLE_TEXT_SCRIPT):
        if item["lang"].lower() != language:
            continue  # marked as another language: content, allowed
        text = " ".join(item["text"].split())
        if language != "ko" and HANGUL.search(text):
            problems.append(f"Hangul {text!r} in {item['where']}")
        if text in words:
            problems.append(f"English {text!r} in {item['where']}")
    return problems


def assert_only(page, language: str, words: set[str]) -> None:
    expect(page.locator("html")).to_have_attribute("lang", language)
    problems = foreign_words(page, language, words)
    assert not problems, f"{page.url}: {problems}"


@pytest.fixture(scope="session")
def demo_site(portal, django_db_blocker):
    """The demo content, loaded once and committed. Tests using it run after every other
    browser test (conftest.py), which do not expect it."""
    from policyshare.demo.services import load_demo_content

    with django_db_blocker.unblock():
        return load_demo_content()


@pytest.fixture
def six_requests_allowed(settings):
    """One reader per language, all from 127.0.0.1: more than the hourly limit of requests
    from one address (the live server runs in this process, so it sees the setting)."""
    settings.REQUEST_RATE_LIMIT = 100


@pytest.mark.parametrize("language", list(QUERIES))
def test_reader_searches_reads_and_requests_a_study_visit_in_one_language(
    visitor, demo_site, six_requests_allowed, language
):
    words = untranslated_words(language)
    page = visitor.page(locale={"zh-hans": "zh-CN"}.get(language, language))
    page.goto(f"/{language}/")
    assert_only(page, language, words)

    page.locator("#home-search-q").fill(QUERIES[language])
    page.locator("#home-search-q").press("Enter")
    expect(page).to_have_url(re.compile(rf"/{language}/search/\?q="))
    hit = page.locator(f'.search-hit__title a[href$="/{language}/policies/{POLICY_SLUG}/"]')
    expect(hit).to_have_count(1)
    assert_only(page, language, words)
    hit.click()

    expect(page).to_have_url(re.compile(rf"/{language}/policies/{POLICY_SLUG}/$"))
    assert_only(page, language, words)
    page.locator(".request-link a").click()
    expect(page).to_have_url(re.compile(rf"/{language}/requests/\?policy=\d+$"))
    assert_only(page, language, words)
    page.locator('main a[href*="/requests/study-visit/"]').click()

    expect(page).to_have_url(re.compile(rf"/{language}/requests/study-visit/\?policy=\d+$"))
    expect(page.locator('input[name="policies"]:checked')).to_have_count(1)
    assert_only(page, language, words)
    email = f"reader-{language}@example.org"
    start = timezone.localdate() + timedelta(days=60)
    page.fill("#id_name", "Ana Gómez")
    page.fill("#id_organisation", "Alcaldía de Bogotá")
    page.fill("#id_city", "Bogotá")
    page.select_option("#id_country", "CO")
    page.fill("#id_email", email)
    page.fill("#id_topic", "Road safety")
    page.fill("#id_date_from", start.isoformat())
    page.fill("#id_date_to", (start + timedelta(days=3)).isoformat())
    page.fill("#id_participants", "6")
    meeting = language if language in {"ko", "en"} else "other"
    page.check(f'input[name="meeting_language"][value="{meeting}"]')
    page.fill("#id_message", "We would like to see the traffic-safety measures.")
    page.check("#id_consent")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()

    errors = page.locator(".form-field__error").all_inner_texts()
    assert not errors, f"the form was refused: {errors}"
    reference = page.locator(".confirmation__reference")
    expect(reference).to_have_text(re.compile(r"^PS-\d{4}-\d{6}$"))
    number = reference.inner_text()
    assert_only(page, language, words)
    [message] = [message for message in mail.outbox if message.to == [email]]
    link = re.search(rf"https?://\S+/{language}/requests/track/\S+/", message.body)
    assert link, message.body
    page.goto(urlparse(link.group()).path)

    expect(page.get_by_role("heading", level=1)).to_contain_text(number)
    assert_only(page, language, words)
