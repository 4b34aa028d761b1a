"""Renditions exist before a reader asks: made on image save and by generate_renditions."""

import io

from django.core.cache import cache
from django.core.management import call_command
from django.test import TestCase, override_settings
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from policyshare.core.renditions import RENDITION_SPECS
from policyshare.core.tests import builders

Image = get_image_model()
Rendition = Image.get_rendition_model()


class RenditionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        builders.sections()

    def setUp(self):
        # Wagtail remembers renditions in the cache by image id, which a rolled-back test reuses.
        cache.clear()

    def test_saving_an_image_makes_every_rendition_the_templates_use(self):
        with self.captureOnCommitCallbacks(execute=True):
            logo = Image.objects.create(title="Logo", file=get_test_image_file(size=(400, 200)))
        self.assertEqual(Rendition.objects.filter(image=logo).count(), len(RENDITION_SPECS))
        builders.make_partner(language="en", name="Lima", logo=logo, show_on_home=True)
        with override_settings(FRAGMENT_CACHE_SECONDS=0):
            for url in ("/en/", "/en/partners/"):
                self.assertContains(self.client.get(url), "Lima")
        # Rendering made nothing new: every rendition was there before the request.
        self.assertEqual(Rendition.objects.filter(image=logo).count(), len(RENDITION_SPECS))

    def test_generate_renditions_fills_in_images_saved_before(self):
        image = Image.objects.create(title="Old", file=get_test_image_file(size=(300, 200)))
        self.assertEqual(Rendition.objects.filter(image=image).count(), 0)  # no commit yet
        out = io.StringIO()
        call_command("generate_renditions", stdout=out)
        self.assertEqual(Rendition.objects.filter(image=image).count(), len(RENDITION_SPECS))
        self.assertIn(f"({len(RENDITION_SPECS)} per image)", out.getvalue())
