from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail import hooks

from . import selectors
from .explorer import ExplorerViewSet


@hooks.register("before_edit_page")
def show_requested_changes(request, page):
    # Wagtail keeps the reviewer's comment inside the workflow status dialog, which the
    # editor has to open; the editor needs it in view to act on it.
    task_state = selectors.requested_changes(page)
    if task_state is not None and request.method == "GET":
        messages.warning(
            request,
            _("Changes requested by %(reviewer)s: %(comment)s")
            % {
                "reviewer": task_state.finished_by.get_full_name()
                or task_state.finished_by.get_username()
                if task_state.finished_by
                else _("a reviewer"),
                "comment": task_state.get_comment(),
            },
        )


# After Wagtail's own base page viewset (order 0), which it replaces for `Page`.
@hooks.register("register_admin_viewset", order=100)
def register_explorer_with_views():
    return ExplorerViewSet()
