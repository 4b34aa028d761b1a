"""Newsletter routes, mounted under /<language>/newsletter/ (inside i18n_patterns)."""

from django.urls import path

from . import views

app_name = "newsletter"

urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("sent/", views.check_inbox, name="check_inbox"),
    path("confirm/<str:signed>/", views.confirm, name="confirm"),
    path("unsubscribe/<str:signed>/", views.unsubscribe, name="unsubscribe"),
]
