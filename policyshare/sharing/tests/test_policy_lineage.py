"""The policy page's "Where this policy went": transfers of the policy's translation group
and the chains descending from them, with a fixed number of queries."""

import re
from datetime import date

from django.core.cache import cache
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext

from policyshare.core import fragments
from policyshare.core.tests.builders import make_policy, sections, translate_page

from .builders import make_city, make_seoul, make_transfer


class WhereThisPolicyWentTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = sections()
        cls.policy = make_policy(library=cls.sections["policies"]["ko"], title="교통카드")
        cls.policy_en = translate_page(cls.policy, language="en", title="Transport card")
        cls.seoul = make_seoul()
        cls.ulaanbaatar = make_city(
            slug="ulaanbaatar", names={"ko": "울란바토르", "en": "Ulaanbaatar"}
        )
        cls.astana = make_city(
            slug="astana", names={"ko": "아스타나", "en": "Astana"}, country="KZ"
        )
        cls.bishkek = make_city(
            slug="bishkek", names={"ko": "비슈케크", "en": "Bishkek"}, country="KG"
        )
        # Recorded on the Korean version: the English page shows it too.
        cls.first = make_transfer(
            policy=cls.policy, source_city=cls.seoul, target_city=cls.ulaanbaatar
        )
        cls.second = make_transfer(
            policy=cls.policy_en,
            source_city=cls.ulaanbaatar,
            target_city=cls.astana,
            parent=cls.first,
            stages=(("interest", date(2019, 3, 1)), ("pilot", date(2020, 5, 1))),
            channel="study_visit",
        )
        cls.third = make_transfer(
            policy=cls.policy,
            source_city=cls.astana,
            target_city=cls.bishkek,
            parent=cls.second,
            stages=(("interest", date(2021, 3, 1)),),
            illustrative=True,
        )
        cls.other_policy = make_policy(library=cls.sections["policies"]["en"], title="Water")

    def section(self, url) -> str:
        html = self.client.get(url).content.decode()
        found = re.search(r'<section class="policy-lineage".*?</section>', html, re.S)
        return found.group(0) if found else ""

    def test_chains_are_shown_indented_in_order(self):
        section = self.section(self.policy_en.url)
        self.assertIn("Where this policy went", section)
        rows = re.findall(r'lineage__row--indent-(\d)">.*?<a href="([^"]+)"', section, re.S)
        self.assertEqual(
            rows,
            [
                ("0", "/en/cities/ulaanbaatar/"),
                ("1", "/en/cities/astana/"),
                ("2", "/en/cities/bishkek/"),
            ],
        )
        self.assertIn("Pilot", section)
        self.assertIn("2020", section)
        self.assertIn("Study visit", section)
        self.assertIn("Illustrative: no published source was found", section)

    def test_korean_page_shows_the_same_chain_in_korean(self):
        section = self.section(self.policy.url)
        self.assertIn("울란바토르", section)
        self.assertIn('href="/ko/cities/astana/"', section)

    def test_a_policy_no_city_took_up_has_no_section(self):
        html = self.client.get(self.other_policy.url).content.decode()
        self.assertNotIn("policy-lineage", html)

    def queries_for(self, url) -> int:
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_query_count_does_not_grow_with_transfers(self):
        policy = make_policy(library=self.sections["policies"]["en"], title="Bus")
        make_transfer(policy=policy, source_city=self.seoul, target_city=self.ulaanbaatar)
        self.queries_for(policy.url)  # warm the caches every page shares
        one = self.queries_for(policy.url)
        parent = None
        for n in range(9):
            city = make_city(slug=f"chain-{n}")
            source = self.seoul if parent is None else parent.target_city
            parent = make_transfer(
                policy=policy, source_city=source, target_city=city, parent=parent
            )
        self.assertEqual(self.section(policy.url).count("lineage__row "), 10)
        self.assertEqual(self.queries_for(policy.url), one)


@override_settings(FRAGMENT_CACHE_SECONDS=3600, PAGE_CACHE_SECONDS=0)
class WhereThisPolicyWentFromFragmentsTest(TestCase):
    """Which translation groups have transfers is kept with the fragments: a policy no city
    took up reads no transfer, and a new transfer shows at once."""

    @classmethod
    def setUpTestData(cls):
        cls.sections = sections()
        cls.policy = make_policy(library=cls.sections["policies"]["en"], title="Bus")
        cls.taken = make_policy(library=cls.sections["policies"]["en"], title="Card")
        cls.seoul = make_seoul()
        cls.city = make_city(slug="astana", names={"ko": "아스타나", "en": "Astana"})
        make_transfer(policy=cls.taken, source_city=cls.seoul, target_city=cls.city)

    def setUp(self):
        cache.clear()
        fragments.clear_local()
        self.addCleanup(fragments.clear_local)

    def test_a_policy_no_city_took_up_reads_no_transfer(self):
        self.client.get(self.taken.url)  # the fragments are warm
        with CaptureQueriesContext(connection) as queries:
            html = self.client.get(self.policy.url).content.decode()
        self.assertNotIn("policy-lineage", html)
        self.assertFalse([q for q in queries if "sharing_policytransfer" in q["sql"]])
        self.assertIn("policy-lineage", self.client.get(self.taken.url).content.decode())

    def test_a_new_transfer_shows_at_once(self):
        self.assertNotIn("policy-lineage", self.client.get(self.policy.url).content.decode())
        with self.captureOnCommitCallbacks(execute=True):
            make_transfer(policy=self.policy, source_city=self.seoul, target_city=self.city)
        self.assertIn("policy-lineage", self.client.get(self.policy.url).content.decode())
