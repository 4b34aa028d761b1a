"""Every model of the project names itself, in the singular and the plural, in the reader's
language.

Without `verbose_name_plural` Django makes the plural by appending an "s" to the singular,
after translating it: the Korean admin then reads "게시판s", the Arabic "لوحةs". Wagtail
shows these names in the page-type chooser, the reports, inline panels and log entries.
"""

import re

from django.apps import apps
from django.test import SimpleTestCase
from django.utils import translation
from django.utils.functional import Promise

LANGUAGES = ("ko", "fr", "es", "ar", "zh-hans")
LATIN_SCRIPT = ("fr", "es")
# Hangul, Arabic or Han followed by a Latin "s": Django's default plural of a translation.
STITCHED = re.compile(r"[\u0600-\u06ff\u3130-\u318f\uac00-\ud7af\u4e00-\u9fff]s$")


def project_models():
    return [
        model
        for model in apps.get_models()
        if model.__module__.startswith("policyshare.") and ".tests." not in model.__module__
    ]


class ModelNamesTests(SimpleTestCase):
    def test_every_model_declares_both_names_for_translation(self):
        missing = []
        for model in project_models():
            declared = model._meta.original_attrs
            for name in ("verbose_name", "verbose_name_plural"):
                if not isinstance(declared.get(name), Promise):
                    missing.append(f"{model._meta.label}.{name}")
        self.assertEqual(missing, [], "declare them with gettext_lazy in the model's Meta")

    def test_every_plural_is_translated_not_stitched(self):
        with translation.override("en"):
            english = {
                model: (str(model._meta.verbose_name), str(model._meta.verbose_name_plural))
                for model in project_models()
            }
        wrong = []
        for language in LANGUAGES:
            with translation.override(language):
                for model, (english_singular, english_plural) in english.items():
                    singular = str(model._meta.verbose_name)
                    plural = str(model._meta.verbose_name_plural)
                    if language in LATIN_SCRIPT:
                        # "sources" is French too; a plural left in English beside a
                        # translated singular is not.
                        untranslated = plural == english_plural and singular != english_singular
                    else:
                        untranslated = plural == english_plural or STITCHED.search(plural)
                    if untranslated:
                        wrong.append(f"{language} {model._meta.label}: {plural}")
        self.assertEqual(wrong, [], "untranslated or stitched plurals")

    def test_a_known_plural_in_korean(self):
        board_index = apps.get_model("boards", "BoardIndexPage")
        with translation.override("ko"):
            self.assertEqual(str(board_index._meta.verbose_name_plural), "게시판")
