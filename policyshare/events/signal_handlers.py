"""When an event is published with more seats, people waiting get them straight away; a new
events section lets the Event organisers add events under it."""

from django.db.models.signals import post_save
from wagtail.signals import page_published

from . import services
from .models import EventIndexPage, EventPage


def fill_seats_on_publish(sender, instance, **kwargs):
    services.fill_seats(event=instance)


def grant_organisers_on_create(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        services.grant_organisers(instance)


def connect():
    post_save.connect(
        grant_organisers_on_create, sender=EventIndexPage, dispatch_uid="events_organisers"
    )
    page_published.connect(
        fill_seats_on_publish, sender=EventPage, dispatch_uid="events_fill_seats"
    )
