"""Writes of the policy-sharing records that views and other apps share."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from policyshare.partners.models import FIRM_KINDS

from .models import FirmInterest


@transaction.atomic
def record_firm_interest(
    *,
    firm,
    city=None,
    policy=None,
    note: str = "",
    note_language: str = "en",
    declared_on=None,
    public: bool = True,
) -> FirmInterest:
    """Record a firm's or agency's interest in a city, a policy or both.

    The firm is a `partners.Partner` of the private or government kind. A public interest
    shows on the firm's profile and the city's page. Raises ValidationError otherwise.
    """
    if firm.kind not in FIRM_KINDS:
        raise ValidationError(
            {"firm": _("Only a firm or a government agency can declare an interest.")}
        )
    interest = FirmInterest(
        firm=firm,
        city=city,
        policy=policy,
        note={note_language: note.strip()} if note.strip() else {},
        declared_on=declared_on or timezone.localdate(),
        public=public,
    )
    interest.full_clean()
    interest.save()
    return interest
