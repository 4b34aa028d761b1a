"""Builders for the cooperation requests tests: valid form data and saved requests."""

from datetime import timedelta

from django.utils import timezone

from policyshare.consent.services import current_text, current_version
from policyshare.cooperation_requests import services
from policyshare.cooperation_requests.models import RequestKind
from policyshare.core.tests import builders


def form_data(**overrides) -> dict:
    start = timezone.localdate() + timedelta(days=60)
    data = {
        "name": "Ana Gómez",
        "position": "Director of Mobility",
        "organisation": "Alcaldía de Bogotá",
        "city": "Bogotá",
        "country": "CO",
        "email": "ana@example.org",
        "phone": "+57 1 381 3000",
        "topic": "Bus rapid transit reform",
        "date_from": start.isoformat(),
        "date_to": (start + timedelta(days=3)).isoformat(),
        "participants": "12",
        "meeting_language": "en",
        "message": "We would like to learn how Seoul reorganised its bus routes.",
        "consent": "on",
        "consent_version": str(current_version("request")),
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def make_request(*, kind=RequestKind.CONSULTATION, language="en", policies=(), **fields):
    """A submitted request and its tracking token."""
    values = {
        "name": "Ana Gómez",
        "position": "",
        "organisation": "Alcaldía de Bogotá",
        "city": "Bogotá",
        "country": "CO",
        "email": "ana@example.org",
        "phone": "",
        "topic": "Bus reform",
        "date_from": None,
        "date_to": None,
        "meeting_language": "en",
        "message": "Tell us more.",
    }
    values.update(fields)
    consent = current_text(purpose="request", language=language)
    return services.submit_request(
        kind=kind, language=language, policies=policies, consent_text=consent, **values
    )


def make_staff(username, group):
    """An admin user in a group, reading the admin in English (the tests' messages)."""
    return builders.make_admin_user(username, group=group)


def make_handler(username="handler"):
    return make_staff(username, "Request handlers")


def make_editor(username="editor"):
    """An admin user without the request handlers' permission."""
    return make_staff(username, "Editors")
