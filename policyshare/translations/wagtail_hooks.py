from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import widgets as wagtailadmin_widgets
from wagtail.admin.menu import MenuItem

from policyshare.core.panels import STATUS_PANEL_HOOK

from . import admin_views, selectors
from .panels import TranslationStatusPanel
from .permissions import VIEW_STATUS_PERMISSION, can_edit


class TranslationsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_STATUS_PERMISSION)


@hooks.register("register_admin_urls")
def register_translation_urls():
    urls = [
        path("", admin_views.dashboard, name="dashboard"),
        path("<int:content_type_id>/<str:object_id>/", admin_views.item, name="item"),
        path(
            "<int:content_type_id>/<str:object_id>/machine-draft/",
            admin_views.machine_draft,
            name="machine_draft",
        ),
        path(
            "<int:content_type_id>/<str:object_id>/approve/",
            admin_views.approve,
            name="approve",
        ),
        path(
            "<int:content_type_id>/<str:object_id>/checked/",
            admin_views.mark_checked,
            name="mark_checked",
        ),
    ]
    return [path("translation-status/", include((urls, "translations"), namespace="translations"))]


@hooks.register("register_admin_menu_item")
def register_translations_menu_item():
    return TranslationsMenuItem(
        _("Translations"),
        reverse("translations:dashboard"),
        name="translation-status",
        icon_name="globe",
        order=230,
    )


@hooks.register("register_permissions")
def register_translation_permissions():
    return Permission.objects.filter(
        content_type__app_label="translations", codename="view_translation_status"
    )


@hooks.register("register_page_header_buttons")
def translation_status_button(page, user, view_name, next_url=None):
    if page.is_root() or page.depth < 2:
        return
    if view_name == "index" and user.has_perm(VIEW_STATUS_PERMISSION):
        # In the explorer: show only the pages below that need work in a language.
        explore = reverse("wagtailadmin_explore", args=[page.pk])
        for position, (code, name) in enumerate(settings.WAGTAIL_CONTENT_LANGUAGES):
            yield wagtailadmin_widgets.Button(
                _("Needs translation: %(language)s") % {"language": name},
                f"{explore}?{urlencode({'translation_needed': code})}",
                icon_name="globe",
                priority=900 + position,
            )
    if can_edit(user, page):
        yield wagtailadmin_widgets.Button(
            _("Translation status"), admin_views.status_url(page.specific), icon_name="globe"
        )


@hooks.register("construct_explorer_page_queryset")
def filter_pages_needing_translation(parent_page, pages, request):
    """`?translation_needed=fr` in the page explorer: only the pages that need work in
    French (originals without a French version, French versions not up to date)."""
    language = request.GET.get("translation_needed")
    if not language:
        return pages
    if language not in dict(settings.WAGTAIL_CONTENT_LANGUAGES):
        return pages.none()
    return pages.filter(pk__in=selectors.items_needing_work(language))


@hooks.register(STATUS_PANEL_HOOK)
def status_panel(model):
    """The translation status at the top of core's page editors (core/panels.py)."""
    return TranslationStatusPanel()
