"""A request's journey in each of the six languages: the form, the mail, the tracking page.

The language is kept in full ("zh-hans"): a Chinese request cut to "zh" was acknowledged
in Korean with a tracking link to /zh/…, which does not exist.
"""

import html
import re

import pytest
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.utils import translation
from django.utils.translation import gettext

from policyshare.consent import wordings
from policyshare.cooperation_requests.models import CooperationRequest
from policyshare.cooperation_requests.tests.builders import form_data
from policyshare.core.languages import reader_language
from policyshare.core.tests import builders

LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture
def every_language(db):
    cache.clear()  # the hourly rate limit counts in the cache
    return builders.sections(languages=LANGUAGES)


def test_the_six_languages_are_all_tested():
    assert LANGUAGES == ["ko", "en", "fr", "es", "ar", "zh-hans"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_request_journey_stays_in_the_readers_language(
    language, every_language, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/{language}/requests/consultation/", form_data())
    assert response.status_code == 302
    request = CooperationRequest.objects.get()
    assert request.language == language

    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    assert f'<html lang="{language}"' in confirmation.content.decode()

    [message] = mail.outbox
    with translation.override(language):
        subject = gettext("Request %(reference)s received") % {"reference": request.reference}
    assert message.subject == subject
    if language != "ko":
        assert "접수" not in message.subject  # not the Korean acknowledgement
    link = re.search(rf"https?://\S+/{language}/requests/track/\S+/", message.body)
    assert link, message.body
    tracking = client.get(link.group(0))
    assert tracking.status_code == 200
    assert request.reference in tracking.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_reader_language_is_the_full_code(language):
    with translation.override(language):
        assert reader_language() == language


@pytest.mark.parametrize(
    ("active", "expected"), [("zh-cn", "zh-hans"), ("en-gb", "en"), ("", "ko")]
)
def test_reader_language_maps_variants_to_a_content_language(active, expected):
    with translation.override(active or None):
        assert reader_language() == expected


@pytest.mark.django_db
def test_chinese_newsletter_offers_chinese_themes_and_language(every_language, client):
    builders.make_theme(language="zh-hans", name="交通", slug="transport")
    form = client.get("/zh-hans/newsletter/").context["form"]
    assert form.initial["language"] == "zh-hans"
    assert list(form.fields["themes"].choices) == [("transport", "交通")]


HANGUL = re.compile(r"[\uac00-\ud7a3]")


@pytest.mark.parametrize("language", LANGUAGES)
def test_form_errors_and_consent_are_in_the_readers_language(language, every_language, client):
    """An empty study-visit form: the error summary, each message and the consent wording
    are in the reader's language (Django's messages from Django's catalogues, ours from ours,
    the consent from consent/wordings.py)."""
    response = client.post(f"/{language}/requests/study-visit/", {"consent_version": "1"})
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    summary = re.search(r'<div class="error-summary".*?</ul>', page, re.S).group(0)
    with translation.override(language):
        expected = [
            gettext("Error:"),
            gettext("Please correct the following"),
            gettext("This field is required."),
            gettext(
                "We can only handle your request with your consent "
                "to the processing of your personal data."
            ),
            gettext("Your name"),
        ]
    for text in expected:
        assert text in page, text
    assert wordings.WORDINGS[("request", 1)][language] in summary
    if language != "ko":
        assert not HANGUL.search(summary), summary
    if language not in {"en"}:
        assert "This field is required." not in summary
