"""The strict readers of public input: integers, one-line text, record ids, NUL characters,
and the rich text the page editor posts."""

import json

import hypothesis
from django.core.exceptions import ValidationError
from django.test import SimpleTestCase, TestCase
from hypothesis import strategies as st
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from policyshare.boards.models import BoardPost
from policyshare.core.blocks import RICH_TEXT_FEATURES
from policyshare.core.forms import RecordMultipleChoiceField, validate_one_line
from policyshare.core.models import StandardPage
from policyshare.core.params import MAX_DB_INTEGER, parse_int
from policyshare.core.rich_text import is_contentstate
from policyshare.core.tests import builders
from policyshare.policies.models import PolicyCase


class ParseIntTests(SimpleTestCase):
    def test_only_ascii_digits_within_the_range_are_numbers(self):
        self.assertEqual(parse_int("2017"), 2017)
        self.assertEqual(parse_int(str(MAX_DB_INTEGER)), MAX_DB_INTEGER)
        self.assertEqual(parse_int("2017", low=1900, high=2200), 2017)
        for value in [
            "²",  # str.isdigit() accepts it, int() refuses it
            "①",
            "١٢",  # int() accepts it
            "𝟙",
            str(MAX_DB_INTEGER + 1),
            str(10**30),
            "-1",
            " 1",
            "1\n",
            "1.0",
            "",
            None,
            ["1"],
        ]:
            with self.subTest(value=value):
                self.assertIsNone(parse_int(value))
        self.assertEqual(parse_int("1800", low=1900, default=0), 0)


class OneLineTests(SimpleTestCase):
    def test_control_and_format_characters_are_refused(self):
        for character in ["\n", "\r", "\t", "\x00", "\x1b", "\x85", "\u2028", "\u2029", "\u202e"]:
            with self.subTest(character=repr(character)), self.assertRaises(ValidationError):
                validate_one_line(f"Ana{character}Gómez")

    def test_text_of_every_script_and_the_joiners_pass(self):
        for value in ["Ana Gómez", "서울시", "محمد", "मि\u200dत्र", "مي\u200cخواهم", "👩\u200d💻"]:
            with self.subTest(value=value):
                validate_one_line(value)


class RecordChoiceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        sections = builders.sections()
        cls.policy = builders.make_policy(library=sections["policies"]["en"])

    def test_ids_beyond_the_database_integers_are_an_invalid_choice(self):
        field = RecordMultipleChoiceField(queryset=PolicyCase.objects.all())
        self.assertEqual(list(field.clean([str(self.policy.pk)])), [self.policy])
        for value in [str(2**63), str(10**30), "²", "١"]:
            with self.subTest(value=value), self.assertRaises(ValidationError) as caught:
                field.clean([str(self.policy.pk), value])
            self.assertEqual(caught.exception.code, "invalid_pk_value")


class NullCharacterTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        builders.sections()
        builders.make_theme(language="en", slug="transport")

    def test_nul_characters_are_dropped_from_query_parameters(self):
        response = self.client.get("/en/policies/?theme=trans%00port&from=20%0017")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["selected_theme"], "transport")
        self.assertEqual(response.context["year_from"], 2017)

    def test_a_path_with_a_nul_character_is_not_found(self):
        self.assertEqual(self.client.get("/en/poli%00cies/").status_code, 404)


# Draft.js content: the shapes the editor posts, and the wrong ones a client can.
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=8,
)
RANGES = st.fixed_dictionaries(
    {"offset": st.integers(-2, 8), "length": st.integers(-2, 8)},
    optional={"style": st.sampled_from(["BOLD", "ITALIC", 3]), "key": st.integers(0, 2)},
)
BLOCKS = st.fixed_dictionaries(
    {},
    optional={
        "key": st.text(max_size=5),
        "type": st.sampled_from(["unstyled", "header-two", "ordered-list-item", "atomic", 1]),
        "text": st.text(max_size=8) | JSON_VALUES,
        "depth": st.integers(-1, 3),
        "inlineStyleRanges": st.lists(RANGES, max_size=2) | JSON_VALUES,
        "entityRanges": st.lists(RANGES, max_size=2) | JSON_VALUES,
    },
)
CONTENTSTATE = st.fixed_dictionaries(
    {},
    optional={
        "blocks": st.lists(BLOCKS, max_size=3) | JSON_VALUES,
        "entityMap": st.dictionaries(
            st.sampled_from(["0", "1"]),
            st.fixed_dictionaries(
                {"type": st.sampled_from(["LINK", "DOCUMENT", "IMAGE"])},
                optional={"data": st.dictionaries(st.sampled_from(["url", "id"]), JSON_VALUES)},
            ),
        )
        | JSON_VALUES,
    },
)


class RichTextEditorTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        sections = builders.sections()
        cls.post = builders.make_post(board=sections["news"]["en"], body="<p>Kept</p>")
        cls.page = builders.make_standard_page(parent=sections["news"]["en"].get_parent())
        cls.editor = builders.make_admin_user("editor", superuser=True)

    def setUp(self):
        self.client.force_login(self.editor)

    def post_body(self, body):
        data = {
            "title": "Post",
            "slug": self.post.slug,
            "registered_on": "2020-01-01",
            "writer": "w",
            "summary": "",
            "body": body,
            "original_url": "",
            "source_outlet": "",
            "source_country": "",
            "video_url": "",
        }
        return self.client.post(f"/admin/pages/{self.post.pk}/edit/", nested_form_data(data))

    def test_malformed_rich_text_is_a_form_error_and_nothing_is_saved(self):
        entity_missing = {
            "blocks": [{"text": "hello", "entityRanges": [{"offset": 0, "length": 2, "key": 7}]}],
            "entityMap": {},
        }
        for body in ["not json", "[]", '{"blocks": 1}', json.dumps(entity_missing)]:
            with self.subTest(body=body):
                response = self.post_body(body)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, "The text could not be read.")
        self.assertEqual(BoardPost.objects.get(pk=self.post.pk).body, "<p>Kept</p>")
        self.assertEqual(self.post_body(rich_text("<p>Changed</p>")).status_code, 302)

    def test_an_emptied_editor_saves(self):
        # Draftail posts JSON null for an editor left empty (the browser journey publishes a
        # policy whose background and lessons are empty).
        self.assertEqual(self.post_body("null").status_code, 302)
        self.assertEqual(
            BoardPost.objects.get(pk=self.post.pk).get_latest_revision_as_object().body, ""
        )

    def test_malformed_rich_text_in_a_stream_block_is_a_form_error(self):
        data = {
            "title": "About",
            "slug": "about",
            "introduction": "",
            "body": streamfield([("paragraph", "not json")]),
            "questions": streamfield([]),
        }
        response = self.client.post(f"/admin/pages/{self.page.pk}/edit/", nested_form_data(data))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "The text could not be read.")
        self.assertEqual(len(StandardPage.objects.get(pk=self.page.pk).body), 0)


class ContentstateCheckTests(SimpleTestCase):
    @hypothesis.settings(max_examples=200, deadline=None, derandomize=True, database=None)
    @hypothesis.given(content=CONTENTSTATE | JSON_VALUES)
    def test_what_the_check_accepts_wagtail_converts(self, content):
        raw = json.dumps(content)
        if is_contentstate(raw):
            ContentstateConverter(RICH_TEXT_FEATURES).to_database_format(raw)
