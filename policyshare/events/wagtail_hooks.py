from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from policyshare.api.api import REGISTER_ROUTER_HOOK
from policyshare.core.content.feeds import HOOK as FEED_HOOK

from . import admin_views, api, feeds
from .models import EventPage, Registration


class RegistrationViewSet(ModelViewSet):
    """Registrations for staff, read-only: the "Event organisers" group holds only the view
    permission (migration 0002), so seats change only through the services (a cancellation
    must promote the next person waiting)."""

    model = Registration
    menu_label = _("Event registrations")
    icon = "date"
    add_to_admin_menu = True
    menu_order = 260
    inspect_view_enabled = True
    list_display = ["name", "organisation", "country", "event", "status", "created_at"]
    list_filter = ["status", "event"]
    search_fields = ["name", "organisation", "email"]
    list_export = [
        "event",
        "status",
        "name",
        "organisation",
        "city",
        "country",
        "email",
        "language",
        "created_at",
        "promoted_at",
        "cancelled_at",
    ]
    export_filename = "event-registrations"
    # Superusers may correct a typo; seats and status change only through the services.
    form_fields = ["name", "organisation", "city", "country"]

    def get_queryset(self, request):
        return Registration.objects.select_related("event")


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return RegistrationViewSet("event_registrations")


@hooks.register(FEED_HOOK)
def events_feed():
    return feeds.EVENTS


@hooks.register(REGISTER_ROUTER_HOOK)
def open_data_api_router():
    """This app's typed endpoints on the open-data API (api.py)."""
    return api.router


@hooks.register("register_admin_urls")
def register_event_admin_urls():
    urls = [path("events/<int:page_id>/status/", admin_views.change_status, name="status")]
    return [path("", include((urls, "events_admin")))]


def _status_button(page, user, priority):
    if page.specific_class is EventPage and admin_views.may_change_status(user, page):
        yield PageMenuItem(
            _("Cancel or postpone"),
            reverse("events_admin:status", args=[page.pk]),
            icon_name="date",
            priority=priority,
            page=page,
        )


@hooks.register("register_page_header_buttons")
def event_status_header_button(page, user, view_name, next_url=None):
    yield from _status_button(page, user, priority=62)


@hooks.register("register_page_listing_more_buttons")
def event_status_listing_button(page, user, next_url=None):
    yield from _status_button(page, user, priority=42)
