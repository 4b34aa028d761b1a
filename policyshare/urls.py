from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from policyshare.core import views as core_views
from policyshare.search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("favicon.ico", core_views.favicon, name="favicon"),
    path("views/<int:page_id>.gif", core_views.page_view_beacon, name="page_view_beacon"),
    path(
        "downloads/<int:document_id>/<str:document_filename>",
        core_views.document_download,
        name="document_download",
    ),
    path("api/v1/", include("policyshare.api.urls")),
    path("", include("policyshare.opendata.urls")),
    path("", include("policyshare.sharing.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("requests/", include("policyshare.cooperation_requests.urls")),
    path("newsletter/", include("policyshare.newsletter.urls")),
    path("event/", include("policyshare.events.urls")),
    path("briefing/", include("policyshare.briefing.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
