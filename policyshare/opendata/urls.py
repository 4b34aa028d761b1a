"""Feeds, the sitemap and robots.txt: outside the language prefixes, like the API."""

from django.urls import path, re_path

from policyshare.core.content.feeds import registered_feeds

from . import views
from .feeds import AtomPageFeed, PageFeed

LANGUAGE = r"(?P<language>[a-z]{2}(?:-[a-z]{2,4})?)"  # ko, en, …, zh-hans

urlpatterns = [
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
# Every feed registered through the `register_portal_feed` hook, in RSS and Atom.
for feed in registered_feeds().values():
    for suffix, view in (("rss", PageFeed), ("atom", AtomPageFeed)):
        urlpatterns.append(
            re_path(
                rf"^feeds/{LANGUAGE}/{feed.route}\.{suffix}$",
                view(feed),
                name=f"feed_{feed.name}_{suffix}",
            )
        )
