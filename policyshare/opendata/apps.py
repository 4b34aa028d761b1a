from django.apps import AppConfig


class OpenDataConfig(AppConfig):
    name = "policyshare.opendata"
    label = "opendata"
    verbose_name = "Open data: feeds, sitemap, metadata and export"
