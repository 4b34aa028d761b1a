from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from .sitemaps import PageSitemap


@require_GET
@cache_control(public=True, max_age=3600)
def sitemap(request):
    return sitemap_views.sitemap(
        request,
        sitemaps={"pages": PageSitemap(request)},
        content_type="application/xml",
    )


@require_GET
@cache_control(public=True, max_age=86400)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        # The view-count beacon: a crawler fetching it would only be ignored as a bot.
        "Disallow: /views/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
