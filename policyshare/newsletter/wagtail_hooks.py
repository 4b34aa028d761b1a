from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views

admin_urlpatterns = [
    path("newsletter/", admin_views.index, name="index"),
]


@hooks.register("register_admin_urls")
def register_newsletter_urls():
    return [path("", include((admin_urlpatterns, "newsletter_admin")))]


class NewsletterMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.NEWSLETTER_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_newsletter_menu_item():
    return NewsletterMenuItem(
        _("Newsletter"),
        reverse("newsletter_admin:index"),
        name="newsletter",
        icon_name="mail",
        order=260,
    )
