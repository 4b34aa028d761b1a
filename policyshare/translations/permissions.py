"""Who may see translation status and act on an item."""

from wagtail.models import Page

VIEW_STATUS_PERMISSION = "translations.view_translation_status"


def can_edit(user, obj) -> bool:
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_edit()
    opts = obj._meta
    return user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
