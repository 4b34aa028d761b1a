"""Feeds, the sitemap and robots.txt: outside the language prefixes, like the API."""

from django.urls import path, re_path

from . import views
from .feeds import FEEDS

LANGUAGE = r"(?P<language>[a-z]{2}(?:-[a-z]{2,4})?)"  # ko, en, …, zh-hans

urlpatterns = [
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
for suffix, index in (("rss", 0), ("atom", 1)):
    urlpatterns += [
        re_path(
            rf"^feeds/{LANGUAGE}/latest\.{suffix}$",
            FEEDS["latest"][index],
            name=f"feed_latest_{suffix}",
        ),
        re_path(
            rf"^feeds/{LANGUAGE}/policies\.{suffix}$",
            FEEDS["policies"][index],
            name=f"feed_policies_{suffix}",
        ),
        re_path(
            rf"^feeds/{LANGUAGE}/themes/(?P<slug>[-\w]+)\.{suffix}$",
            FEEDS["theme"][index],
            name=f"feed_theme_{suffix}",
        ),
        re_path(
            rf"^feeds/{LANGUAGE}/boards/(?P<kind>[a-z]+)\.{suffix}$",
            FEEDS["board"][index],
            name=f"feed_board_{suffix}",
        ),
    ]
