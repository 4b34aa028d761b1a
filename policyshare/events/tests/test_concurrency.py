"""Two people taking the last seat at once: exactly one gets it. Needs PostgreSQL (row
locks); on SQLite it is skipped, loudly, since SQLite serialises writers anyway."""

import threading
import time
from unittest import mock, skipUnless

from django.db import connection, connections
from django.test import TransactionTestCase

from policyshare.core.tests import builders
from policyshare.events import services
from policyshare.events.models import Registration, RegistrationStatus
from policyshare.events.tests.builders import make_event, register


@skipUnless(
    connection.vendor == "postgresql",
    "SKIPPED: the last-seat race needs PostgreSQL; run with DATABASE_URL=postgres://...",
)
class LastSeatTests(TransactionTestCase):
    serialized_rollback = True

    def test_two_people_cannot_take_the_last_seat(self):
        sections = builders.sections(languages=("en",))
        event = make_event(index=sections["events"]["en"], capacity=1)
        count = services._confirmed_count

        def slow_count(event_key):
            # Widen the window between counting and taking the seat: without the row lock
            # both threads count 0 free seats taken and both confirm.
            taken = count(event_key)
            time.sleep(0.5)
            return taken

        barrier = threading.Barrier(2)
        errors = []

        def take_seat(email):
            try:
                barrier.wait()
                register(event, email=email)
            except Exception as error:  # noqa: BLE001 -- reported to the main thread
                errors.append(error)
            finally:
                connections.close_all()

        with mock.patch.object(services, "_confirmed_count", slow_count):
            threads = [
                threading.Thread(target=take_seat, args=(f"person{n}@example.org",))
                for n in range(2)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=30)
        self.assertEqual(errors, [])
        statuses = sorted(Registration.objects.values_list("status", flat=True))
        self.assertEqual(statuses, [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING])
