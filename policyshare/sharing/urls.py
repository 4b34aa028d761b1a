"""Policy-sharing open data outside the language prefixes, beside the feeds and the sitemap."""

from django.urls import path

from . import views

urlpatterns = [
    # Linked from the sharing section as {% url "sharing_iati_activities" %}.
    path("opendata/iati/activities.xml", views.iati_activities, name="sharing_iati_activities"),
]
