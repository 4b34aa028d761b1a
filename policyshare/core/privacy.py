"""Private pages (Wagtail view restrictions), read once per content change.

Wagtail asks the database about restrictions on every page served (two queries: the
page's ancestors, then their restrictions) and on every `.public()` list (one query over
all restrictions). The portal rarely has a private page, so whether any exists is kept
with the fragments; the change that adds or removes one retires it
(`policyshare.core.signal_handlers`).
"""

from wagtail.models import PageViewRestriction

from .fragments import cached_fragment


def any_view_restrictions() -> bool:
    return cached_fragment("view-restrictions", compute=PageViewRestriction.objects.exists)


def public(queryset):
    """`queryset.public()`, without its query when no page is private."""
    return queryset.public() if any_view_restrictions() else queryset
