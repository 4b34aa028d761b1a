"""Public routes, mounted under /<language>/requests/ (inside i18n_patterns)."""

from django.urls import path

from . import views

# The namespace predates the split of the `inquiries` app; kept so URL names stay as they were.
app_name = "inquiries"

urlpatterns = [
    path("", views.start, name="start"),
    path("received/<str:signed>/", views.received, name="received"),
    path("track/<str:token>/", views.track, name="track"),
    path("track/<str:token>/erase/", views.erase, name="erase"),
    path("erased/", views.erased, name="erased"),
    path("new-link/", views.new_link, name="new_link"),
    path("<slug:kind_slug>/", views.request_form, name="form"),
]
