from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import analytics_view, user_may_view


class AnalyticsMenuItem(MenuItem):
    def is_shown(self, request):
        return user_may_view(request.user)


@hooks.register("register_admin_urls")
def register_analytics_urls():
    return [path("analytics/", analytics_view(), name="analytics_index")]


@hooks.register("register_admin_menu_item")
def register_analytics_menu_item():
    return AnalyticsMenuItem(
        _("Analytics"),
        reverse("analytics_index"),
        name="analytics",
        icon_name="table",
        order=850,
    )
