"""The search protocol's defaults: text tiers come from Wagtail's `search_fields` boosts."""

from types import SimpleNamespace

from django.core.exceptions import FieldDoesNotExist
from django.test import TestCase
from wagtail.search import index

from policyshare.core.content.search import PAGE, SearchContribution, SearchTexts
from policyshare.core.tests.exampleapp.models import Notice


def _no_model_field(name):
    raise FieldDoesNotExist(name)


class Record(SearchContribution):
    """A plain object with search fields, as a snippet would have (its values are read as
    attributes: it has no model fields)."""

    _meta = SimpleNamespace(get_field=_no_model_field)

    def __init__(self, **values):
        self.__dict__.update(values)

    @classmethod
    def get_search_fields(cls):
        return [
            index.SearchField("name", boost=3),
            index.SearchField("about"),
            index.FilterField("about"),
            index.AutocompleteField("name"),
        ]


class SearchTextsTests(TestCase):  # a page reads the default locale
    def test_a_page_title_is_title_text_and_the_other_fields_body_text_in_order(self):
        notice = Notice(title="Harbour notice", summary="<p>The  lighthouse</p>", body="Tours.")
        self.assertEqual(
            notice.get_search_texts(),
            SearchTexts(title=["Harbour notice"], body=["The lighthouse", "Tours."]),
        )
        self.assertEqual(notice.search_kind, PAGE)

    def test_a_boosted_field_is_title_text(self):
        record = Record(name="Seoul Institute", about="Research")
        self.assertEqual(
            record.get_search_texts(), SearchTexts(title=["Seoul Institute"], body=["Research"])
        )
        # Not a page: no URL of its own unless it says so, hence no document.
        self.assertEqual(record.get_search_url(), "")
        self.assertTrue(record.is_search_result())


class StreamFieldTextTests(TestCase):
    """A StructBlock whose value is no StructValue (Wagtail's ImageBlock gives an Image) is
    read through its own get_searchable_content: its alt text, never an error."""

    def test_an_image_block_gives_its_alt_text(self):
        import io

        from django.core.files.images import ImageFile
        from PIL import Image as PillowImage
        from wagtail import blocks
        from wagtail.images import get_image_model
        from wagtail.images.blocks import ImageBlock

        from policyshare.core.content.search import _block_texts

        buffer = io.BytesIO()
        PillowImage.new("RGB", (8, 8), "white").save(buffer, "PNG")
        image = get_image_model().objects.create(
            title="Crossing", file=ImageFile(buffer, name="crossing.png")
        )
        figure = blocks.StructBlock(
            [("image", ImageBlock()), ("caption", blocks.CharBlock(required=False))]
        )
        stream = blocks.StreamBlock([("figure", figure)])
        value = stream.to_python(
            [
                {
                    "type": "figure",
                    "value": {
                        "image": {
                            "image": image.pk,
                            "alt_text": "A zebra crossing",
                            "decorative": False,
                        },
                        "caption": "Seoul's new crossings",
                    },
                }
            ]
        )
        self.assertEqual(_block_texts(stream, value), ["A zebra crossing", "Seoul's new crossings"])
