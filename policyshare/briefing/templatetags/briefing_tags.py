"""Template tags of briefing packs."""

from django import template

register = template.Library()

# The search kind of a policy case (`policies.models.PolicyCase.search_kind`).
POLICY_KIND = "policy"


@register.filter
def choosable(hit) -> bool:
    """Whether a search hit is a policy case, which a reader may tick for a pack."""
    return hit.document.kind == POLICY_KIND and hit.document.page_id is not None


@register.filter
def any_choosable(hits) -> bool:
    return any(choosable(hit) for hit in hits)
