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
