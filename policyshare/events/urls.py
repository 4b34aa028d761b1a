"""Public routes, mounted under /<language>/event/ (inside i18n_patterns): beside the
/<language>/events/ page tree rather than in it, so no event slug can shadow them."""

from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("calendar.ics", views.upcoming_calendar, name="upcoming_calendar"),
    path("<int:page_id>/calendar.ics", views.event_calendar, name="event_calendar"),
    path("<int:page_id>/register/", views.register, name="register"),
    path("registration/<str:token>/", views.registration, name="registration"),
    path("registration/<str:token>/cancel/", views.cancel, name="cancel"),
]
