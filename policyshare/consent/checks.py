"""`manage.py check --deploy` lists every consent wording in use that has not had its legal
review. Information, not a warning: the deploy check runs with `--fail-level WARNING` in the
test suite and CI, and the review is a step for people (docs/requests.md, "Consent")."""

from django.conf import settings
from django.core import checks

from . import wordings


@checks.register(checks.Tags.security, deploy=True)
def consent_wordings_reviewed(app_configs=None, **kwargs):
    messages = []
    for purpose, version in wordings.CURRENT.items():
        for language, _name in settings.LANGUAGES:
            if (purpose, version, language) not in wordings.REVIEWED:
                messages.append(
                    checks.Info(
                        f"The {purpose} consent wording v{version} ({language}) has not "
                        "had its legal review.",
                        hint="Have the privacy officer review it and record it in "
                        "policyshare/consent/wordings.py REVIEWED (docs/requests.md, Consent).",
                        id="consent.I001",
                    )
                )
    return messages
