from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views
from .models import CooperationRequest, RequestStatus

admin_urlpatterns = [
    path("requests/", admin_views.index, name="index"),
    path("requests/results/", admin_views.index_results, name="index_results"),
    path("requests/export.csv", admin_views.export_csv, name="export_csv"),
    path("requests/<int:pk>/", admin_views.detail, name="detail"),
    path("requests/<int:pk>/status/", admin_views.change_status, name="change_status"),
    path("requests/<int:pk>/assign/", admin_views.assign, name="assign"),
    path("requests/<int:pk>/note/", admin_views.add_note, name="add_note"),
    path("requests/<int:pk>/reply/", admin_views.add_reply, name="add_reply"),
    path("requests/<int:pk>/interest/", admin_views.record_interest, name="record_interest"),
    path("requests/<int:pk>/event/", admin_views.create_event, name="create_event"),
]


class RequestsMenuItem(MenuItem):
    """The inbox's menu entry, with the number of new requests (received, nobody has taken
    them up yet): one COUNT query on each admin page, for those who see the entry."""

    def is_shown(self, request):
        return request.user.has_perm(admin_views.PERMISSION)

    def render_component(self, request):
        component = super().render_component(request)
        waiting = CooperationRequest.objects.filter(status=RequestStatus.RECEIVED).count()
        if waiting:
            component.label = ngettext(
                "Cooperation requests: %(count)s new",
                "Cooperation requests: %(count)s new",
                waiting,
            ) % {"count": waiting}
        return component


@hooks.register("register_admin_urls")
def register_inbox_urls():
    # The namespace predates the split of the `inquiries` app; kept so that URL names (and
    # the links in staff mail, which are paths) stay as they were.
    return [path("", include((admin_urlpatterns, "inquiries_admin")))]


@hooks.register("register_admin_menu_item")
def register_inbox_menu_item():
    return RequestsMenuItem(
        _("Cooperation requests"),
        reverse("inquiries_admin:index"),
        name="cooperation-requests",
        icon_name="mail",
        order=250,
    )
