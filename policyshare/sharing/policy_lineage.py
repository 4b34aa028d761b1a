""" "Where this policy went": the section policy sharing adds to a policy's page
(`policies.sections`), with the transfers of the policy's translation group and the chains
that descend from them."""

from django.template.loader import render_to_string

from . import city_selectors


def where_this_policy_went(*, page, request) -> str:
    """The section's HTML; "" for a policy no city took up (one query either way to know)."""
    if page.pk is None:  # a preview of a page never saved has no transfers
        return ""
    transfers = city_selectors.policy_lineage(page)
    if not transfers:
        return ""
    return render_to_string(
        "sharing/includes/policy_lineage.html",
        {"transfers": transfers, "policy": page},
        request=request,
    )
