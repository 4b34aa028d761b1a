from django.http import Http404
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views, selectors

admin_urlpatterns = [
    path("contributors/", admin_views.index, name="index"),
]


@hooks.register("register_admin_urls")
def register_contributors_urls():
    return [path("", include((admin_urlpatterns, "contributors_admin")))]


class ContributorsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.INVITE_PERMISSION)


@hooks.register("register_settings_menu_item")
def register_contributors_menu_item():
    return ContributorsMenuItem(
        _("Partner-city contributors"),
        reverse("contributors_admin:index"),
        name="partner-city-contributors",
        icon_name="group",
        order=650,
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
