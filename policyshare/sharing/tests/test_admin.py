from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import reverse
from wagtail.users.models import UserProfile

from policyshare.core.tests.builders import make_policy, sections
from policyshare.sharing.models import City, PolicyTransfer

from .builders import make_seoul


def localized(name, **texts):
    """The admin form's inputs of a LocalizedTextField: one per content language."""
    return {
        f"{name}_{code}": texts.get(code.replace("-", "_"), "") for code, _ in settings.LANGUAGES
    }


def formset(prefix, rows=(), *, min_num=0):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": str(min_num),
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{key}": value for key, value in row.items()})
        data[f"{prefix}-{index}-ORDER"] = str(index + 1)
    return data


class AdminFormsTest(TestCase):
    def setUp(self):
        user = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
        # The admin speaks the user's language (Korean by default); these tests read English.
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save()
        self.client.force_login(user)

    def test_a_city_is_named_in_each_language_from_one_form(self):
        url = reverse("wagtailsnippets_sharing_city:add")
        self.assertContains(self.client.get(url), 'name="names_zh-hans"')
        data = {
            **localized("names", ko="울란바토르", en="Ulaanbaatar"),
            "slug": "ulaanbaatar",
            "country": "MN",
            "latitude": "47.9",
            "longitude": "106.9",
            "time_zone": "Asia/Ulaanbaatar",
            **formset("relationships"),
        }
        self.assertEqual(self.client.post(url, data).status_code, 302)
        city = City.objects.get(slug="ulaanbaatar")
        self.assertEqual(city.names, {"ko": "울란바토르", "en": "Ulaanbaatar"})

        del data["names_ko"]
        data["slug"] = "another"
        response = self.client.post(url, data)
        self.assertContains(response, "Fill in this text in")
        self.assertFalse(City.objects.filter(slug="another").exists())

    def test_a_stage_history_that_goes_back_in_time_is_refused(self):
        seoul = make_seoul()
        city = City.objects.create(
            slug="ulaanbaatar",
            names={"ko": "울란바토르", "en": "Ulaanbaatar"},
            country="MN",
            latitude=47.9,
            longitude=106.9,
            time_zone="Asia/Ulaanbaatar",
        )
        policy = make_policy(library=sections()["policies"]["ko"])
        url = reverse("wagtailsnippets_sharing_policytransfer:add")
        self.assertEqual(self.client.get(url).status_code, 200)
        stages = [
            {"stage": "interest", "reached_on": "2015-01-01", "reason": ""},
            {"stage": "pilot", "reached_on": "2014-01-01", "reason": ""},
        ]
        data = {
            "policy": policy.pk,
            "source_city": seoul.pk,
            "target_city": city.pk,
            "channel": "consulting",
            "mode": "copy",
            **localized("summary", ko="버스 관리", en="Bus management"),
            **formset("stages", stages, min_num=1),
            **formset("outcomes"),
            **formset("sources"),
        }
        response = self.client.post(url, data)
        self.assertContains(response, "dated before the stage before it")
        self.assertFalse(PolicyTransfer.objects.exists())

        data["stages-1-reached_on"] = "2016-01-01"
        self.assertEqual(self.client.post(url, data).status_code, 302)
        transfer = PolicyTransfer.objects.get()
        self.assertEqual((transfer.stage, transfer.stage_year), ("pilot", 2016))
