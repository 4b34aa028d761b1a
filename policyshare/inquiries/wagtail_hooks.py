from django.http import Http404
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views, selectors

admin_urlpatterns = [
    path("requests/", admin_views.index, name="index"),
    path("requests/export.csv", admin_views.export_csv, name="export_csv"),
    path("requests/<int:pk>/", admin_views.detail, name="detail"),
    path("requests/<int:pk>/status/", admin_views.change_status, name="change_status"),
    path("requests/<int:pk>/assign/", admin_views.assign, name="assign"),
    path("requests/<int:pk>/note/", admin_views.add_note, name="add_note"),
    path("requests/<int:pk>/reply/", admin_views.add_reply, name="add_reply"),
    path("contributors/", admin_views.contributors_index, name="contributors"),
    path("newsletter/", admin_views.newsletter_index, name="newsletter"),
]


class RequestsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.PERMISSION)


@hooks.register("register_admin_urls")
def register_inbox_urls():
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


class ContributorsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.INVITE_PERMISSION)


@hooks.register("register_settings_menu_item")
def register_contributors_menu_item():
    return ContributorsMenuItem(
        _("Partner-city contributors"),
        reverse("inquiries_admin:contributors"),
        name="partner-city-contributors",
        icon_name="group",
        order=650,
    )


class NewsletterMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.NEWSLETTER_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_newsletter_menu_item():
    return NewsletterMenuItem(
        _("Newsletter"),
        reverse("inquiries_admin:newsletter"),
        name="newsletter",
        icon_name="mail",
        order=260,
    )


@hooks.register("construct_page_chooser_queryset")
def contributors_choose_their_organisations_pages(pages, request):
    # The page chooser lists every page whatever the user's permissions; a contributor would
    # see other organisations' cases in review (their titles) there.
    return selectors.pages_visible_to_contributor(request.user, pages)


@hooks.register("before_serve_document")
def partner_documents_wait_for_approval(document, request):
    # Not found rather than forbidden: an unapproved case's attachment does not exist yet
    # for the public.
    if not selectors.document_is_downloadable(document=document, user=request.user):
        raise Http404
