"""Times in the reader's format with the zone named (core.datetimes), on fixed datetimes so the
suite passes at any hour."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from django.core import mail
from django.core.cache import cache, caches
from django.template import Context, Template
from django.test import SimpleTestCase, TestCase
from django.utils import timezone, translation

from policyshare.cooperation_requests.models import CooperationRequest, RequestEvent
from policyshare.cooperation_requests.services import hash_token
from policyshare.cooperation_requests.tests.builders import form_data, make_handler
from policyshare.core.datetimes import format_datetime, utc_offset, valid_zone, zone_label
from policyshare.core.tests import builders

# 20:08 UTC on 26 November 2026: 05:08 on the 27th in Seoul, 15:08 on the 26th in Bogotá.
SENT = datetime(2026, 11, 26, 20, 8, tzinfo=UTC)


class FormatTests(SimpleTestCase):
    def test_each_language_has_its_format_and_the_zone_is_named(self):
        expected = {
            "ko": "2026년 11월 27일 오전 5:08 KST (UTC+9)",
            "en": "Nov. 27, 2026, 5:08 a.m. KST (UTC+9)",
            "fr": "27 novembre 2026 05:08 KST (UTC+9)",
            "es": "27 de noviembre de 2026 a las 05:08 KST (UTC+9)",
            "ar": "27 نوفمبر، 2026 05:08 KST (UTC+9)",
            "zh-hans": "2026年11月27日 05:08 KST (UTC+9)",
        }
        for language, text in expected.items():
            with self.subTest(language=language):
                self.assertEqual(format_datetime(SENT, language=language), text)

    def test_a_time_in_the_readers_zone_names_that_zone(self):
        self.assertEqual(
            format_datetime(SENT, zone="America/Bogota", language="es"),
            "26 de noviembre de 2026 a las 15:08 UTC-5 (Bogota)",
        )
        self.assertEqual(
            format_datetime(SENT, zone="Europe/Paris", language="fr"),
            "26 novembre 2026 21:08 CET (UTC+1)",
        )

    def test_offsets_and_labels(self):
        kolkata = SENT.astimezone(ZoneInfo("Asia/Kolkata"))
        self.assertEqual(utc_offset(kolkata), "UTC+5:30")
        self.assertEqual(zone_label(SENT), "UTC")
        self.assertEqual(zone_label(SENT.astimezone(ZoneInfo("America/Bogota"))), "UTC-5 (Bogota)")

    def test_an_unknown_zone_falls_back_to_the_sites(self):
        for zone in ("Mars/Olympus", "../etc/passwd", "x" * 500, ""):
            with self.subTest(zone=zone):
                self.assertEqual(valid_zone(zone), "")
                self.assertIn("KST (UTC+9)", format_datetime(SENT, zone=zone, language="en"))

    def test_the_template_tag_writes_a_time_element_with_the_zone_isolated(self):
        template = Template("{% load zoned_times %}{% zoned_time value zone %}")
        with translation.override("ar"):
            html = template.render(Context({"value": SENT, "zone": "America/Bogota"}))
        self.assertEqual(
            html,
            '<time datetime="2026-11-26T15:08:00-05:00">26 نوفمبر، 2026 15:08 '
            "<bdi>UTC-5 (Bogota)</bdi></time>",
        )

    def test_the_time_element_is_valid_html_for_a_time_with_microseconds(self):
        # HTML allows at most three digits of a fraction of a second (Nu HTML checker).
        template = Template("{% load zoned_times %}{% zoned_time value %}")
        html = template.render(Context({"value": SENT.replace(microsecond=557030)}))
        self.assertIn('datetime="2026-11-27T05:08:00+09:00"', html)


class RequestTimesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        builders.sections(languages=["ko", "en", "es"])

    def setUp(self):
        cache.clear()
        caches["limits"].clear()

    def submit(self, **overrides):
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post("/es/requests/consultation/", form_data(**overrides))
        self.assertEqual(response.status_code, 302)
        request = CooperationRequest.objects.get()
        # Fixed times, whatever the hour the suite runs at.
        CooperationRequest.objects.filter(pk=request.pk).update(created_at=SENT)
        RequestEvent.objects.filter(request=request).update(created_at=SENT)
        request.refresh_from_db()
        return request

    def test_the_form_records_the_browsers_zone_and_ignores_an_unknown_one(self):
        self.assertEqual(self.submit(time_zone="America/Bogota").time_zone, "America/Bogota")
        CooperationRequest.objects.all().delete()
        self.assertEqual(self.submit(time_zone="Nowhere/Else", email="b@example.org").time_zone, "")

    def test_the_form_carries_the_hidden_zone_field_for_the_script(self):
        response = self.client.get("/es/requests/consultation/")
        self.assertContains(response, 'type="hidden" name="time_zone"')

    def test_tracking_page_shows_the_requesters_time_and_zone(self):
        request = self.submit(time_zone="America/Bogota")
        token = "t" * 43
        CooperationRequest.objects.filter(pk=request.pk).update(access_token_hash=hash_token(token))
        page = self.client.get(f"/es/requests/track/{token}/").content.decode()
        self.assertIn("26 de noviembre de 2026 a las 15:08 <bdi>UTC-5 (Bogota)</bdi>", page)
        self.assertNotIn("05:08", page)

    def test_tracking_page_without_a_zone_uses_the_sites_named(self):
        request = self.submit()
        token = "u" * 43
        CooperationRequest.objects.filter(pk=request.pk).update(access_token_hash=hash_token(token))
        page = self.client.get(f"/es/requests/track/{token}/").content.decode()
        self.assertIn("27 de noviembre de 2026 a las 05:08 <bdi>KST (UTC+9)</bdi>", page)

    def test_the_acknowledgement_gives_the_time_in_the_requesters_zone(self):
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post("/es/requests/consultation/", form_data(time_zone="America/Bogota"))
        request = CooperationRequest.objects.get()
        [sent] = mail.outbox
        with translation.override("es"):
            when = format_datetime(request.created_at, zone="America/Bogota")
        self.assertIn(when, sent.body)
        self.assertIn("UTC-5 (Bogota)", sent.body)

    def test_the_inbox_shows_seoul_time_named_and_the_requesters(self):
        request = self.submit(time_zone="America/Bogota")
        self.client.force_login(make_handler())
        listing = self.client.get("/admin/requests/").content.decode()
        self.assertIn("Nov. 27, 2026, 5:08 a.m. <bdi>KST (UTC+9)</bdi>", listing)
        detail = self.client.get(f"/admin/requests/{request.pk}/").content.decode()
        self.assertIn("Nov. 26, 2026, 3:08 p.m. <bdi>UTC-5 (Bogota)</bdi>", detail)


class IsoFilterTests(SimpleTestCase):
    """`|iso` (portal_tags) writes what the `|date` formats it replaced wrote, in the current
    time zone: the day in Seoul can differ from the day in UTC."""

    FORMS = {"date": "Y-m-d", "datetime": "Y-m-d\\TH:i:sO", "full": "c"}

    def render(self, source, value):
        return Template("{% load portal_tags %}" + source).render(Context({"value": value}))

    def test_same_text_as_the_date_filter(self):
        values = [
            SENT,
            datetime(2026, 11, 26, 14, 59, 58, 123456, tzinfo=UTC),
            datetime(2026, 11, 26, 20, 8),  # naive
            SENT.date(),
            datetime(33, 1, 2, 3, 4, 5, tzinfo=UTC),  # a year of two digits
        ]
        for zone in ("Asia/Seoul", "America/Bogota", "UTC"):
            for value in values:
                for form, format_string in self.FORMS.items():
                    if form == "datetime" and type(value) is not datetime:
                        continue
                    with self.subTest(zone=zone, value=value, form=form), timezone.override(zone):
                        expected = self.render(f'{{{{ value|date:"{format_string}" }}}}', value)
                        self.assertEqual(
                            self.render(f'{{{{ value|iso:"{form}" }}}}', value), expected
                        )
        with timezone.override("Asia/Seoul"):
            self.assertEqual(self.render("{{ value|iso }}", SENT), "2026-11-27")

    def test_not_a_date_is_empty_as_with_the_date_filter(self):
        for value in (None, "", "2026-11-27", 3):
            with self.subTest(value=value):
                self.assertEqual(self.render("{{ value|iso }}", value), "")
                self.assertEqual(self.render('{{ value|date:"Y-m-d" }}', value), "")
