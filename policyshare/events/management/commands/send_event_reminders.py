"""Mail confirmed registrants the day before their event. Run it daily or hourly from the
scheduler: each registrant is reminded once, however often it runs."""

from django.core.management.base import BaseCommand

from policyshare.events.services import send_reminders


class Command(BaseCommand):
    help = "Mail each confirmed registrant a reminder in the day before their event, once."

    def handle(self, *args, **options):
        sent = send_reminders()
        self.stdout.write(f"Event reminders: {sent} sent.")
