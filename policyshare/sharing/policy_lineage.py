""" "Where this policy went": the section policy sharing adds to a policy's page
(`policies.sections`), with the transfers of the policy's translation group and the chains
that descend from them."""

from django.template.loader import render_to_string

from policyshare.core.fragments import cached_fragment

from . import city_selectors
from .models import PolicyTransfer


def where_this_policy_went(*, page, request) -> str:
    """The section's HTML; "" for a policy no city took up, which reads nothing: the
    translation groups that have transfers are kept with the fragments (a saved or deleted
    transfer retires them, as any editorial change)."""
    if page.pk is None:  # a preview of a page never saved has no transfers
        return ""
    if str(page.translation_key) not in transferred_groups():
        return ""
    transfers = city_selectors.policy_lineage(page)
    if not transfers:
        return ""
    return render_to_string(
        "sharing/includes/policy_lineage.html",
        {"transfers": transfers, "policy": page},
        request=request,
    )


def transferred_groups() -> frozenset[str]:
    """The translation keys (as text) of the policies some transfer records: few, the same
    for every policy page."""
    return cached_fragment(
        "transferred_policy_groups",
        compute=lambda: frozenset(
            str(key)
            for key in PolicyTransfer.objects.order_by()
            .values_list("policy__translation_key", flat=True)
            .distinct()
        ),
    )
