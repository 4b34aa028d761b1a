"""Which policy cases a briefing pack holds, read from the ids in its address."""

import hashlib
from dataclasses import dataclass, field

from django.db.models import prefetch_related_objects
from wagtail.models import Locale

from policyshare.core.privacy import public
from policyshare.policies.models import PolicyCase

MAX_CASES = 20
# Bumped whenever the pack's templates or layout change, so cached files are rendered anew.
LAYOUT_VERSION = 3


@dataclass
class Pack:
    """The cases of a pack, in the order the reader chose them, in the reader's language
    where a published translation exists."""

    language: str
    policies: list = field(default_factory=list)
    # Ids in the address that are no published, public policy case: left out.
    left_out: list = field(default_factory=list)
    # Ids beyond MAX_CASES: left out too, with a message of their own.
    over_limit: int = 0

    @property
    def ids(self) -> list[int]:
        return [policy.pk for policy in self.policies]

    @property
    def version(self) -> str:
        """The content version: the cases' latest revisions, the language and the layout.
        An edit of any case gives the pack a new version, and so a new file."""
        return content_version(
            language=self.language, revisions=self.revisions, layout=LAYOUT_VERSION
        )

    @property
    def revisions(self) -> list[tuple[int, int | None]]:
        return [(p.pk, p.latest_revision_id) for p in self.policies]


def content_version(*, language: str, revisions, layout: int) -> str:
    """The version of a pack of these (page id, revision id) pairs in this language and
    layout (`Pack.version`; `services.obsolete_packs` compares stored files with it)."""
    parts = [f"{pk}:{revision}" for pk, revision in revisions]
    raw = f"{layout}|{language}|{','.join(parts)}"
    return hashlib.sha256(raw.encode()).hexdigest()[:24]


def parse_ids(values) -> tuple[list[int], list[str]]:
    """The distinct ids among the `ids` values, in order, and the values that are not ids."""
    ids, invalid = [], []
    for value in values:
        text = str(value).strip()
        if text.isascii() and text.isdigit() and len(text) <= 12:
            number = int(text)
            if number not in ids:
                ids.append(number)
        elif text:
            invalid.append(text[:30])
    return ids, invalid


def pack_for(values, *, language: str) -> Pack:
    """The pack of the `ids` values: three queries whatever the number of cases."""
    ids, invalid = parse_ids(values)
    pack = Pack(language=language, over_limit=max(0, len(ids) - MAX_CASES))
    ids = ids[:MAX_CASES]
    found = {
        policy.pk: policy
        for policy in public(PolicyCase.objects.live().filter(pk__in=ids)).select_related("locale")
    }
    # The reader's version of a case chosen in another language (a fallback card).
    translated = {}
    locale = Locale.objects.filter(language_code=language).first()
    keys = [p.translation_key for p in found.values() if locale and p.locale_id != locale.pk]
    if keys:
        for policy in public(
            PolicyCase.objects.live().filter(locale=locale, translation_key__in=keys)
        ).select_related("locale"):
            translated[policy.translation_key] = policy
    chosen = []
    for pk in ids:
        policy = found.get(pk)
        if policy is None:
            pack.left_out.append(str(pk))
            continue
        policy = translated.get(policy.translation_key, policy)
        if policy.pk not in [p.pk for p in chosen]:
            chosen.append(policy)
    pack.left_out += invalid
    pack.policies = chosen
    prefetch_related_objects(chosen, "indicators")
    return pack
