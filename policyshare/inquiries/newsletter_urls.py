"""Newsletter routes, mounted under /<language>/newsletter/ (inside i18n_patterns)."""

from django.urls import path

from . import views

app_name = "newsletter"

urlpatterns = [
    path("", views.newsletter, name="subscribe"),
    path("sent/", views.newsletter_check_inbox, name="check_inbox"),
    path("confirm/<str:signed>/", views.newsletter_confirm, name="confirm"),
    path("unsubscribe/<str:signed>/", views.newsletter_unsubscribe, name="unsubscribe"),
]
