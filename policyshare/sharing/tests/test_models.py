from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import TestCase
from django.utils.translation import override

from policyshare.core.tests.builders import make_policy, sections
from policyshare.sharing.models import City, check_stage_history, population_band
from policyshare.sharing.selectors import lineage_ancestor_ids, lineage_descendant_ids

from .builders import make_city, make_seoul, make_transfer


class CityTest(TestCase):
    def test_name_follows_the_readers_fallback_chain(self):
        city = make_city(names={"ko": "울란바토르", "en": "Ulaanbaatar", "fr": "Oulan-Bator"})
        with override("fr"):
            self.assertEqual(city.name, "Oulan-Bator")
        with override("es"):  # no Spanish name: English comes first in the chain
            self.assertEqual(city.name, "Ulaanbaatar")
        with override("ko"):
            self.assertEqual(city.name, "울란바토르")

    def test_unknown_time_zone_and_language_are_refused(self):
        city = make_city()
        city.time_zone = "Mars/Olympus"
        city.names = {"ko": "가", "en": "A", "xx": "?"}
        with self.assertRaises(ValidationError) as raised:
            city.full_clean()
        self.assertIn("time_zone", raised.exception.message_dict)
        self.assertIn("names", raised.exception.message_dict)

    def test_population_bands(self):
        self.assertEqual(population_band(None), "")
        self.assertEqual(population_band(499_999), "under_500k")
        self.assertEqual(population_band(1_500_000), "1m_5m")
        self.assertEqual(population_band(10_000_000), "over_10m")


class TransferTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        library = sections()["policies"]["ko"]
        cls.policy = make_policy(library=library, title="교통카드")
        cls.seoul = make_seoul()
        cls.ulaanbaatar = make_city(slug="ulaanbaatar")
        cls.third = make_city(slug="third")

    def test_a_city_cannot_transfer_to_itself(self):
        transfer = make_transfer(
            policy=self.policy, source_city=self.seoul, target_city=self.ulaanbaatar
        )
        transfer.target_city = self.seoul
        with self.assertRaises(ValidationError) as raised:
            transfer.full_clean()
        self.assertIn("target_city", raised.exception.message_dict)
        with self.assertRaises(IntegrityError), transaction.atomic():
            transfer.save()

    def test_lineage_is_read_both_ways_and_cycles_are_refused(self):
        first = make_transfer(
            policy=self.policy, source_city=self.seoul, target_city=self.ulaanbaatar
        )
        second = make_transfer(
            policy=self.policy,
            source_city=self.ulaanbaatar,
            target_city=self.third,
            parent=first,
        )
        self.assertEqual(lineage_ancestor_ids(second.pk), [first.pk])
        self.assertEqual(lineage_descendant_ids([first.pk]), {first.pk: 0, second.pk: 1})
        first.parent = second
        first.source_city = self.third
        first.target_city = self.ulaanbaatar
        with self.assertRaises(ValidationError) as raised:
            first.full_clean()
        self.assertIn("cycle", str(raised.exception.message_dict["parent"]))

    def test_a_child_starts_where_its_parent_ended(self):
        first = make_transfer(
            policy=self.policy, source_city=self.seoul, target_city=self.ulaanbaatar
        )
        stray = make_transfer(policy=self.policy, source_city=self.seoul, target_city=self.third)
        stray.parent = first
        with self.assertRaises(ValidationError) as raised:
            stray.full_clean()
        self.assertIn("parent", raised.exception.message_dict)

    def test_current_stage_is_the_latest(self):
        transfer = make_transfer(
            policy=self.policy,
            source_city=self.seoul,
            target_city=self.ulaanbaatar,
            stages=[("interest", date(2014, 1, 1)), ("pilot", date(2016, 5, 1))],
        )
        self.assertEqual((transfer.stage, transfer.stage_year), ("pilot", 2016))


class StageHistoryTest(TestCase):
    def test_a_good_history_passes(self):
        self.assertEqual(
            check_stage_history(
                [
                    ("interest", date(2014, 1, 1), ""),
                    ("agreement", date(2014, 6, 1), ""),
                    ("discontinued", date(2016, 1, 1), "Funding ended."),
                ]
            ),
            [],
        )

    def test_a_stage_dated_before_the_previous_one_is_refused(self):
        problems = check_stage_history(
            [("interest", date(2015, 1, 1), ""), ("pilot", date(2014, 1, 1), "")]
        )
        self.assertEqual(len(problems), 1)
        self.assertIn("before", str(problems[0]))

    def test_an_exit_needs_a_reason_and_ends_the_history(self):
        problems = check_stage_history(
            [("failed", date(2015, 1, 1), ""), ("pilot", date(2016, 1, 1), "")]
        )
        self.assertEqual(len(problems), 2)

    def test_the_way_forward_is_not_walked_backwards(self):
        problems = check_stage_history(
            [("implemented", date(2015, 1, 1), ""), ("interest", date(2016, 1, 1), "")]
        )
        self.assertEqual(len(problems), 1)


class CityQueryTest(TestCase):
    def test_portal_city_and_partners(self):
        seoul = make_seoul()
        other = make_city()
        self.assertEqual(list(City.objects.portal_city()), [seoul])
        self.assertEqual(list(City.objects.partners()), [other])
