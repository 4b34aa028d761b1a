"""Translation status per item and per field, as editors translate and sources change."""

from django.test import TestCase

from policyshare.core.tests import builders
from policyshare.policies.models import PolicyCase, Theme
from policyshare.translations import services
from policyshare.translations.models import FieldStatus, ItemStatus
from policyshare.translations.selectors import overview, translation_state


def statuses(page) -> dict[str, str]:
    return {state.name: state.status for state in translation_state(page).fields}


class PageStatusTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.sections()
        cls.source = builders.make_policy(
            library=cls.sections["policies"]["ko"],
            title="공공자전거",
            slug="bikes",
            summary="서울의 공공자전거 따릉이.",
            budget="100억 원",
        )

    def translate(self, **fields):
        return builders.translate_page(self.source, language="en", **fields)

    def edit_source(self, **fields):
        source = PolicyCase.objects.get(pk=self.source.pk)
        for name, value in fields.items():
            setattr(source, name, value)
        source.save_revision().publish()

    def test_an_original_has_no_translation_status(self):
        self.assertIsNone(translation_state(self.source))

    def test_a_fresh_copy_is_missing_every_field_with_text(self):
        copy = self.translate()
        self.assertEqual(translation_state(copy).status, ItemStatus.PARTIAL)
        self.assertEqual(statuses(copy)["title"], FieldStatus.MISSING)
        self.assertEqual(statuses(copy)["summary"], FieldStatus.MISSING)
        # Empty in the source: nothing to translate.
        self.assertEqual(statuses(copy)["lessons"], FieldStatus.UP_TO_DATE)

    def test_translating_every_field_makes_it_up_to_date(self):
        translation = self.translate(
            title="Public bicycles", summary="Seoul's public bicycles.", budget="KRW 10 billion"
        )
        self.assertEqual(translation_state(translation).status, ItemStatus.UP_TO_DATE)

    def test_editing_the_source_after_the_translation_makes_that_field_outdated(self):
        translation = self.translate(
            title="Public bicycles", summary="Seoul's public bicycles.", budget="KRW 10 billion"
        )
        self.edit_source(budget="120억 원")
        self.assertEqual(translation_state(translation).status, ItemStatus.OUTDATED)
        self.assertEqual(statuses(translation)["budget"], FieldStatus.OUTDATED)
        self.assertEqual(statuses(translation)["summary"], FieldStatus.UP_TO_DATE)

    def test_publishing_without_touching_an_outdated_field_keeps_it_outdated(self):
        translation = self.translate(
            title="Public bicycles", summary="Seoul's public bicycles.", budget="KRW 10 billion"
        )
        self.edit_source(budget="120억 원", summary="서울의 공공자전거.")
        translation.summary = "Seoul's public bicycles, Ttareungyi."
        translation.save_revision().publish()
        self.assertEqual(statuses(translation)["summary"], FieldStatus.UP_TO_DATE)
        self.assertEqual(statuses(translation)["budget"], FieldStatus.OUTDATED)

    def test_an_editor_can_mark_a_field_as_checked(self):
        translation = self.translate(
            title="Public bicycles", summary="Seoul's public bicycles.", budget="KRW 10 billion"
        )
        self.edit_source(budget="100억 원 (2015)")
        services.mark_checked(translation=translation, field_names=["budget"])
        self.assertEqual(statuses(translation)["budget"], FieldStatus.UP_TO_DATE)
        # A name that reads the same in both languages stops counting as missing too.
        services.mark_checked(translation=translation, field_names=["department"])
        self.assertEqual(translation_state(translation).status, ItemStatus.UP_TO_DATE)

    def test_overview_lists_missing_and_outdated_items_per_language(self):
        library = self.sections["policies"]["ko"]
        only_korean = builders.make_policy(library=library, title="야간버스", slug="owl")
        translation = self.translate(
            title="Public bicycles", summary="Seoul's public bicycles.", budget="KRW 10 billion"
        )
        self.assertNotIn(self.source.pk, {row.source.pk for row in overview(language_code="en")})
        self.edit_source(summary="서울의 공공자전거.")
        rows = {row.source.pk: row for row in overview(language_code="en")}
        self.assertEqual(rows[only_korean.pk].status, ItemStatus.MISSING)
        self.assertEqual(rows[self.source.pk].status, ItemStatus.OUTDATED)
        self.assertEqual(rows[self.source.pk].translation.pk, translation.pk)
        # In Korean, the original language, nothing is missing.
        self.assertNotIn(only_korean.pk, {row.source.pk for row in overview(language_code="ko")})


class SnippetStatusTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        builders.sections()

    def test_snippet_translation_status_follows_saves(self):
        theme = builders.make_theme(name="교통", slug="transport", description="교통 정책")
        translation = theme.copy_for_translation(
            theme.locale.__class__.objects.get(language_code="en")
        )
        translation.save()
        self.assertEqual(translation_state(translation).status, ItemStatus.PARTIAL)
        translation.name = "Transport"
        translation.description = "Transport policies"
        translation.save()
        self.assertEqual(translation_state(translation).status, ItemStatus.UP_TO_DATE)
        theme = Theme.objects.get(pk=theme.pk)
        theme.description = "교통과 이동 정책"
        theme.save()
        self.assertEqual(translation_state(translation).status, ItemStatus.OUTDATED)
        rows = {row.source.pk: row for row in overview(language_code="en")}
        self.assertEqual(rows[theme.pk].status, ItemStatus.OUTDATED)
