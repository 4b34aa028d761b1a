"""Machine-translation backends and filling fields: no network in tests."""

import io
import json
from unittest import mock

from django.test import SimpleTestCase, TestCase, override_settings
from wagtail.models import Locale

from policyshare.core.tests import builders
from policyshare.translations.machine import (
    LibreTranslateBackend,
    MachineTranslationError,
    PrefixBackend,
    get_backend,
    translate_fields,
)


class BackendTests(SimpleTestCase):
    def test_off_by_default(self):
        self.assertIsNone(get_backend())

    @override_settings(
        MACHINE_TRANSLATION_BACKEND="policyshare.translations.machine.LibreTranslateBackend",
        MACHINE_TRANSLATION_URL="https://translate.example.org/",
        MACHINE_TRANSLATION_API_KEY="k",
    )
    def test_libretranslate_request_and_answer(self):
        backend = get_backend()
        answer = io.BytesIO(json.dumps({"translatedText": ["Bonjour", "Monde"]}).encode())
        with mock.patch("urllib.request.urlopen", return_value=answer) as urlopen:
            result = backend.translate(
                ["안녕", "세계"], source_language="ko", target_language="zh-hans", html=False
            )
        self.assertEqual(result, ["Bonjour", "Monde"])
        request = urlopen.call_args.args[0]
        self.assertEqual(request.full_url, "https://translate.example.org/translate")
        self.assertEqual(request.get_method(), "POST")
        payload = json.loads(request.data)
        self.assertEqual(payload["target"], "zh")
        self.assertEqual(payload["api_key"], "k")

    @override_settings(MACHINE_TRANSLATION_URL="https://translate.example.org")
    def test_libretranslate_errors_are_clear(self):
        backend = LibreTranslateBackend()
        with (
            mock.patch("urllib.request.urlopen", side_effect=TimeoutError("slow")),
            self.assertRaisesMessage(MachineTranslationError, "failed"),
        ):
            backend.translate(["x"], source_language="ko", target_language="en")
        answer = io.BytesIO(b'{"error": "bad"}')
        with (
            mock.patch("urllib.request.urlopen", return_value=answer),
            self.assertRaisesMessage(MachineTranslationError, "unexpected"),
        ):
            backend.translate(["x"], source_language="ko", target_language="en")

    @override_settings(MACHINE_TRANSLATION_URL="file:///etc/passwd")
    def test_libretranslate_refuses_other_schemes(self):
        with self.assertRaises(MachineTranslationError):
            LibreTranslateBackend()


class FillFieldsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        sections = builders.sections()
        cls.page = builders.make_standard_page(
            parent=sections["policies"]["ko"].get_parent(),
            title="소개",
            slug="about",
            introduction="서울 소개",
            body=[
                ("heading", {"text": "제목", "level": "h2"}),
                ("paragraph", "<p>본문 <b>굵게</b></p>"),
                ("quote", {"text": "인용", "attribution": "시장"}),
            ],
        )

    def test_text_rich_text_and_stream_blocks_are_translated(self):
        target = self.page.copy_for_translation(Locale.objects.get(language_code="en"))
        filled = translate_fields(
            source=self.page,
            target=target,
            field_names=["title", "introduction", "body", "questions"],
            backend=PrefixBackend(),
            source_language="ko",
            target_language="en",
        )
        self.assertEqual(filled, ["title", "introduction", "body"])  # questions is empty
        self.assertEqual(target.introduction, "[en] 서울 소개")
        blocks = list(target.body)
        self.assertEqual(blocks[0].value["text"], "[en] 제목")
        self.assertEqual(blocks[0].value["level"], "h2")  # a choice, not text
        self.assertEqual(blocks[1].value.source, "[en] <p>본문 <b>굵게</b></p>")
        self.assertEqual(blocks[2].value["attribution"], "[en] 시장")
        # Block ids are kept, so revisions compare block by block.
        self.assertEqual([b.id for b in blocks], [b.id for b in self.page.body])
        target.save_revision()
