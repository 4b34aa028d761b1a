"""When an event is published with more seats, people waiting get them straight away."""

from wagtail.signals import page_published

from . import services
from .models import EventPage


def fill_seats_on_publish(sender, instance, **kwargs):
    services.fill_seats(event=instance)


def connect():
    page_published.connect(
        fill_seats_on_publish, sender=EventPage, dispatch_uid="events_fill_seats"
    )
