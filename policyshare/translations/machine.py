"""Machine-translation drafts through a pluggable backend. Off unless configured.

`MACHINE_TRANSLATION_BACKEND` names a class (dotted path) with
`translate(texts, *, source_language, target_language, html) -> list[str]`. Nothing here
touches the network unless a network backend is configured; the view that calls it is an
editor's explicit POST, never a page a reader loads.
"""

import json
import urllib.error
import urllib.request

from django.conf import settings
from django.utils.module_loading import import_string
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import RichText


class MachineTranslationError(Exception):
    """The backend could not translate; the message is shown to the editor."""


def get_backend():
    """The configured backend, or None: machine translation is off by default."""
    path = getattr(settings, "MACHINE_TRANSLATION_BACKEND", None)
    if not path:
        return None
    return import_string(path)()


class PrefixBackend:
    """Marks the text instead of translating it: for tests and for trying the workflow."""

    def translate(self, texts, *, source_language, target_language, html=False):
        return [f"[{target_language}] {text}" if text else text for text in texts]


class LibreTranslateBackend:
    """A LibreTranslate-compatible HTTP service at `MACHINE_TRANSLATION_URL`."""

    # LibreTranslate's names where they differ from Django's language codes.
    LANGUAGE_CODES = {"zh-hans": "zh"}
    TIMEOUT = 30

    def __init__(self):
        self.url = getattr(settings, "MACHINE_TRANSLATION_URL", None)
        self.api_key = getattr(settings, "MACHINE_TRANSLATION_API_KEY", None)
        if not self.url or not self.url.startswith(("https://", "http://")):
            raise MachineTranslationError("MACHINE_TRANSLATION_URL must be an http(s) address.")

    def translate(self, texts, *, source_language, target_language, html=False):
        if not texts:
            return []
        payload = {
            "q": list(texts),
            "source": self.LANGUAGE_CODES.get(source_language, source_language),
            "target": self.LANGUAGE_CODES.get(target_language, target_language),
            "format": "html" if html else "text",
        }
        if self.api_key:
            payload["api_key"] = self.api_key
        # The scheme is checked in __init__: http(s) only.
        request = urllib.request.Request(  # noqa: S310
            self.url.rstrip("/") + "/translate",
            data=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=self.TIMEOUT) as response:  # noqa: S310
                body = json.load(response)
        except (urllib.error.URLError, TimeoutError, ValueError) as error:
            raise MachineTranslationError(f"The translation service failed: {error}") from error
        translated = body.get("translatedText") if isinstance(body, dict) else None
        if isinstance(translated, str):
            translated = [translated]
        if not isinstance(translated, list) or len(translated) != len(texts):
            raise MachineTranslationError("The translation service gave an unexpected answer.")
        return translated


def translate_fields(
    *, source, target, field_names, backend, source_language, target_language
) -> list[str]:
    """Set `target`'s fields to machine translations of `source`'s. Returns those filled."""

    def run(text, html=False):
        if not text or not text.strip():
            return text
        return backend.translate(
            [text], source_language=source_language, target_language=target_language, html=html
        )[0]

    filled = []
    for name in field_names:
        field = source._meta.get_field(name)
        value = getattr(source, name)
        if isinstance(field, StreamField):
            new_value = _translate_stream(field.stream_block, value, run)
        elif isinstance(field, RichTextField):
            new_value = run(value, html=True)
        elif isinstance(value, str):
            new_value = run(value)
        else:
            continue
        if not value:
            continue
        setattr(target, name, new_value)
        filled.append(name)
    return filled


def _translate_block(block, value, run):
    if isinstance(block, blocks.RichTextBlock):
        return RichText(run(value.source, html=True))
    if isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
        return run(value)
    if isinstance(block, blocks.StructBlock):
        return blocks.StructValue(
            block,
            [
                (name, _translate_block(block.child_blocks[name], child, run))
                for name, child in value.items()
            ],
        )
    if isinstance(block, blocks.StreamBlock):
        return _translate_stream(block, value, run)
    if isinstance(block, blocks.ListBlock):
        return [_translate_block(block.child_block, child, run) for child in value]
    return value


def _translate_stream(stream_block, value, run):
    return blocks.StreamValue(
        stream_block,
        [
            (child.block_type, _translate_block(child.block, child.value, run), child.id)
            for child in value
        ],
    )
