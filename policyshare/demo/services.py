"""Load the demo content: themes, policy cases, board posts, partners, standard pages,
policy guides, and the exchange rates the cases' budget lines need.

Everything is created in Korean and English with a shared translation key. French,
Spanish, Arabic and Chinese get the themes, partners, home text, standard pages and the
flagship policies in full where their module in `content/locales` exists, and otherwise a
translated title over the English text for a few policies. Items are found again by stable
keys (slugs, or a translation key derived from a slug for snippets), so running the loader
again creates nothing and changes nothing.
"""

import hashlib
import importlib
import re
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from types import ModuleType

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.rich_text import RichText

from policyshare.boards.models import BoardPost
from policyshare.core.models import StandardPage
from policyshare.core.services import set_view_count
from policyshare.home.models import HomePage
from policyshare.home.services import ensure_sections
from policyshare.partners.models import Partner
from policyshare.policies.models import (
    BudgetLine,
    ExchangeRate,
    OutcomeIndicator,
    PolicyAttachment,
    PolicyCase,
    RelatedPolicy,
    Theme,
)

from . import events as events_demo
from . import files
from . import sharing as sharing_demo
from . import themes as theme_pages_demo
from .content import locales as locale_modules
from .content.boards import POSTS
from .content.boards import WRITER as POST_WRITER
from .content.case_details import DETAILS as CASE_DETAILS
from .content.case_details import EXCHANGE_RATES
from .content.pages import HOME, STANDARD_PAGES
from .content.partial_titles import PARTIAL_TITLES
from .content.partners import PARTNERS
from .content.policies import EDITOR, POLICIES, SMG
from .content.themes import THEMES
from .guides import load_guides

LANGUAGES = ("ko", "en")
# Languages whose full translation may be in content/locales/<module>.py.
TRANSLATED_LANGUAGES = {"fr": "fr", "es": "es", "ar": "ar", "zh-hans": "zh_hans"}
# Snippets have no slug of their own, so their translation key is derived from ours: the
# same item gets the same key on every machine, and an editor may rename it freely.
KEY_NAMESPACE = uuid.UUID("4f1c2b7e-3d8a-5e61-9b0c-7a2d5e8f1c34")
PUBLISHED_AT = time(10, 0)


@dataclass
class DemoReport:
    """How many items of each kind the loader created and how many it found already there."""

    created: Counter = field(default_factory=Counter)
    present: Counter = field(default_factory=Counter)
    # Languages loaded in full from content/locales (the others get partial titles).
    full_languages: list[str] = field(default_factory=list)

    @property
    def created_total(self) -> int:
        return sum(self.created.values())

    @property
    def present_total(self) -> int:
        return sum(self.present.values())

    def add(self, kind: str, *, created: bool) -> None:
        (self.created if created else self.present)[kind] += 1

    def summary(self) -> str:
        return f"Demo content: created {self.created_total}, already present {self.present_total}"


def stable_key(kind: str, key: str) -> uuid.UUID:
    return uuid.uuid5(KEY_NAMESPACE, f"{kind}:{key}")


class DemoContentError(ValueError):
    """A module of content/locales does not have the shape of the English text."""


@dataclass(frozen=True)
class LanguageText:
    """The demo's text in one language: the dicts beside the content (Korean, English), or a
    module of content/locales, whose dicts are keyed by slug or partner key."""

    code: str
    module: ModuleType | None = None

    def home(self) -> dict:
        return self.module.HOME if self.module else HOME[self.code]

    def theme(self, spec) -> dict:
        return self.module.THEMES[spec["slug"]] if self.module else spec[self.code]

    def partner(self, spec) -> dict:
        return self.module.PARTNERS[spec["key"]] if self.module else spec[self.code]

    def page(self, spec) -> dict:
        return self.module.PAGES[spec["slug"]] if self.module else spec[self.code]

    def editor(self) -> dict:
        return self.module.EDITOR if self.module else EDITOR[self.code]

    def policy(self, spec) -> dict | None:
        """The policy's text with its indicators' names and units and its attachment's
        label, or None when this language has no full translation of it."""
        if self.module is not None:
            return self.module.POLICIES.get(spec["slug"])
        text = dict(spec[self.code])
        text["indicators"] = [indicator[self.code] for indicator in spec["indicators"]]
        if attachment := spec.get("attachment"):
            text["attachment"] = attachment[self.code]
        return text


BLOCK_KINDS = ("heading", "paragraph")


def translated_content() -> dict[str, ModuleType]:
    """The full translations present in content/locales, by language code.

    A language without its module keeps the partial titles (content/partial_titles.py); a
    module that does not mirror the English text stops the load with the list of problems.
    """
    found = {}
    for code, name in TRANSLATED_LANGUAGES.items():
        path = f"{locale_modules.__name__}.{name}"
        try:
            module = importlib.import_module(path)
        except ModuleNotFoundError as error:
            if error.name != path:
                raise
            continue
        if problems := translation_problems(module) or case_detail_problems(code, module):
            raise DemoContentError(f"{path}: " + "; ".join(problems))
        found[code] = module
    return found


def case_detail_problems(code: str, module: ModuleType) -> list[str]:
    """The policies `module` translates in full whose details in content/case_details.py
    (obstacles, stakeholders, legal basis, preconditions, lifecycle reasons, funding sources)
    have no text in language `code`."""
    problems = []
    for slug in sorted(module.POLICIES.keys() & CASE_DETAILS.keys()):
        details = CASE_DETAILS[slug]
        spec = next(spec for spec in POLICIES if spec["slug"] == slug)
        texts = [
            *details.get("obstacles", ()),
            *details.get("stakeholders", ()),
            *spec.get("stakeholders", ()),
            *details.get("legal_basis", ()),
            *details.get("preconditions", {}).values(),
            *(stage["reason"] for stage in details.get("lifecycle", ())),
            *(line["funding_source"] for line in spec.get("budget_lines", ())),
        ]
        if any(code not in text for text in texts):
            problems.append(f"content/case_details.py has no {code} text for {slug}")
    return problems


def translation_problems(module: ModuleType) -> list[str]:
    """Where `module` differs in shape from the English text: missing or extra keys, lists
    of another length, blocks of another kind, an attachment label too many or too few."""
    problems = []

    def compare(where, english, ours):
        if isinstance(english, dict):
            if not isinstance(ours, dict):
                problems.append(f"{where} is not a dict")
                return
            if missing := english.keys() - ours.keys():
                problems.append(f"{where} lacks {sorted(missing)}")
            if extra := ours.keys() - english.keys():
                problems.append(f"{where} has unknown {sorted(extra)}")
            for key in english.keys() & ours.keys():
                compare(f"{where}[{key!r}]", english[key], ours[key])
        elif isinstance(english, list | tuple):
            if not isinstance(ours, list | tuple) or len(ours) != len(english):
                problems.append(f"{where} should be a list of {len(english)}")
                return
            for position, (theirs, mine) in enumerate(zip(english, ours, strict=True)):
                kind = theirs[0] if isinstance(theirs, tuple) else None
                if kind in BLOCK_KINDS and (not mine or mine[0] != kind):
                    problems.append(f"{where}[{position}] should be a {theirs[0]!r}")
                compare(f"{where}[{position}]", theirs, mine)
        elif not isinstance(ours, str) or (english and not ours.strip()):
            problems.append(f"{where} should be text")

    for name in ("HOME", "THEMES", "PARTNERS", "PAGES", "EDITOR", "POLICIES"):
        if not isinstance(getattr(module, name, None), dict):
            problems.append(f"{name} is missing")
    if problems:
        return problems
    compare("HOME", HOME["en"], module.HOME)
    compare("THEMES", {t["slug"]: t["en"] for t in THEMES}, module.THEMES)
    compare("PARTNERS", {p["key"]: p["en"] for p in PARTNERS}, module.PARTNERS)
    compare("PAGES", {p["slug"]: p["en"] for p in STANDARD_PAGES}, module.PAGES)
    compare("EDITOR", EDITOR["en"], module.EDITOR)
    policies = {spec["slug"]: LanguageText("en").policy(spec) for spec in POLICIES}
    if extra := module.POLICIES.keys() - policies.keys():
        problems.append(f"POLICIES has unknown {sorted(extra)}")
    for slug in module.POLICIES.keys() & policies.keys():
        compare(f"POLICIES[{slug!r}]", policies[slug], module.POLICIES[slug])
    return problems


# Calls of `progress` in load_demo_content (the command's progress bar counts them).
PROGRESS_STEPS = 10 + sharing_demo.STEPS


@transaction.atomic
def load_demo_content(
    *, progress: Callable[[int], object] | None = None, today: date | None = None
) -> DemoReport:
    """Create whatever part of the demo content is missing; leave the rest untouched.

    `progress` is called with 1 after each of PROGRESS_STEPS steps; `today` dates the
    illustrative tender notices and the upcoming demo events (the load date by default).
    """

    def step():
        if progress is not None:
            progress(1)

    report = DemoReport()
    translated = translated_content()
    report.full_languages = list(translated)
    languages = {code: LanguageText(code) for code in LANGUAGES} | {
        code: LanguageText(code, module) for code, module in translated.items()
    }
    sections = ensure_sections()
    homes = {
        code: HomePage.objects.get(pk=sections["policies"][code].get_parent().pk)
        for code in languages
    }
    locales = {code: homes[code].locale for code in languages}
    step()
    themes = _load_themes(languages=languages, locales=locales, report=report)
    _load_exchange_rates(report=report)
    step()
    _load_home_text(languages=languages, homes=homes, report=report)
    _load_partners(languages=languages, locales=locales, report=report)
    step()
    _load_policies(
        languages=languages, libraries=sections["policies"], themes=themes, report=report
    )
    step()
    for board_slug, posts in POSTS.items():
        _load_posts(boards=sections[board_slug], posts=posts, report=report)
    step()
    _load_standard_pages(languages=languages, homes=homes, report=report)
    step()
    _load_partial_titles(libraries=sections["policies"], translated=translated, report=report)
    step()
    events_demo.load_events(
        events=sections["events"],
        libraries=sections["policies"],
        themes=themes,
        report=report,
        today=today or timezone.localdate(),
    )
    step()
    sharing_demo.load_sharing_content(
        libraries=sections["policies"],
        sharing=sections["sharing"],
        themes=themes,
        report=report,
        today=today or timezone.localdate(),
        step=step,
        helpers=sharing_demo.LoaderHelpers(
            find_translation=_find_translation,
            partner_key=lambda key: stable_key("partner", key),
            wordmark=_wordmark,
        ),
    )
    theme_pages_demo.load_theme_pages(
        sections=sections["themes"],
        libraries=sections["policies"],
        themes=themes,
        report=report,
    )
    step()
    # After the sharing content: the guides name its policies.
    load_guides(
        sections=sections["guides"],
        themes=themes,
        report=report,
        find_translation=_find_translation,
    )
    step()
    return report


# --- Snippets ----------------------------------------------------------------------------


def _load_themes(*, languages, locales, report) -> dict[str, dict[str, Theme]]:
    themes = {code: {} for code in languages}
    for order, spec in enumerate(THEMES):
        key = stable_key("theme", spec["slug"])
        for code, language in languages.items():
            theme = (
                Theme.objects.filter(locale=locales[code], slug=spec["slug"]).first()
                or Theme.objects.filter(locale=locales[code], translation_key=key).first()
            )
            created = theme is None
            if created:
                source = themes[LANGUAGES[0]].get(spec["slug"])
                theme = Theme.objects.create(
                    locale=locales[code],
                    translation_key=source.translation_key if source else key,
                    slug=spec["slug"],
                    name=language.theme(spec)["name"],
                    description=language.theme(spec)["description"],
                    is_popular=spec["popular"],
                    sort_order=(order + 1) * 10,
                )
            report.add("theme", created=created)
            themes[code][spec["slug"]] = theme
    return themes


def _load_exchange_rates(*, report) -> None:
    """The yearly rates the demo's budget lines are converted with (content/case_details.py).
    A rate already in the table for that currency and year is left as it is: an editor's
    figure wins."""
    for spec in EXCHANGE_RATES:
        _rate, created = ExchangeRate.objects.get_or_create(
            currency=spec["currency"],
            year=spec["year"],
            defaults={"units_per_usd": Decimal(spec["units_per_usd"]), "source": spec["source"]},
        )
        report.add("exchange rate", created=created)


def _load_partners(*, languages, locales, report) -> None:
    for order, spec in enumerate(PARTNERS):
        key = stable_key("partner", spec["key"])
        logo = None
        for code, language in languages.items():
            partner = Partner.objects.filter(locale=locales[code], translation_key=key).first()
            if partner is not None:
                logo = logo or partner.logo
                report.add("partner", created=False)
                continue
            if logo is None:
                logo = _wordmark(label=spec["label"], colour=spec["colour"], key=spec["key"])
            text = language.partner(spec)
            Partner.objects.create(
                locale=locales[code],
                translation_key=key,
                name=text["name"],
                kind=spec["kind"],
                logo=logo,
                website=text["website"],
                description=text["description"],
                sort_order=(order + 1) * 10,
            )
            report.add("partner", created=True)


def _wordmark(*, label: str, colour: str, key: str):
    data = files.wordmark_png(text=label, colour=colour)
    image_model = get_image_model()
    image = image_model(
        title=f"{label} logo",
        description=f"{label} logo",
        file=ImageFile(ContentFile(data), name=f"partner-{key}.png"),
        file_size=len(data),
        file_hash=hashlib.sha1(data, usedforsecurity=False).hexdigest(),
    )
    image.save()
    return image


def _document(*, title: str, filename: str, pdf_title: str, paragraphs: list[str]):
    data = files.demo_pdf(title=pdf_title, paragraphs=paragraphs)
    document = get_document_model()(
        title=title,
        file=ContentFile(data, name=filename),
        file_size=len(data),
        file_hash=hashlib.sha1(data, usedforsecurity=False).hexdigest(),
    )
    document.save()
    return document


DEMO_NOTE = (
    "This one-page file was generated by PolicyShare's demo loader (manage.py load_demo). "
    "It stands in for the real document, which is available from its publisher."
)


# --- Pages -------------------------------------------------------------------------------


def _find_child(parent, slug: str):
    page = Page.objects.child_of(parent).filter(slug=slug).first()
    return page.specific if page else None


def _find_translation(*, parent, source, slug: str):
    """The translation of `source` in `parent`'s locale, or a page already at the slug."""
    if source is not None:
        page = (
            Page.objects.filter(translation_key=source.translation_key, locale=parent.locale)
            .exclude(pk=source.pk)
            .first()
        )
        if page is not None:
            return page.specific
    return _find_child(parent, slug)


def _published_at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, PUBLISHED_AT))


def _publish(page, *, on: date | None = None, at: datetime | None = None) -> None:
    page.save_revision().publish()
    if on is not None or at is not None:
        # Demo pages carry the date the policy or post was first announced, not today.
        when = at or _published_at(on)
        Page.objects.filter(pk=page.pk).update(first_published_at=when, last_published_at=when)


def _stream(items, *, level: str):
    blocks = []
    for kind, value in items:
        if kind == "heading":
            blocks.append(("heading", {"text": value, "level": level}))
        else:
            blocks.append(("paragraph", RichText(value)))
    return blocks


def _load_home_text(*, languages, homes, report) -> None:
    for code, language in languages.items():
        home = homes[code]
        # An editor's text, published or still a draft, is never replaced.
        if home.headline or home.introduction or home.has_unpublished_changes:
            report.add("home text", created=False)
            continue
        home.headline = language.home()["headline"]
        home.introduction = language.home()["introduction"]
        _publish(home)
        report.add("home text", created=True)


def _load_policies(*, languages, libraries, themes, report) -> None:
    pages = {code: {} for code in languages}
    new_pages = []
    for spec in POLICIES:
        source = None
        for code, language in languages.items():
            text = language.policy(spec)
            if text is None:
                continue  # no full translation: the partial title, if any, comes later
            page = _find_translation(parent=libraries[code], source=source, slug=spec["slug"])
            created = page is None
            if created:
                page = _policy_page(
                    spec=spec,
                    text=text,
                    editor=language.editor(),
                    code=code,
                    library=libraries[code],
                    themes=themes[code],
                    source=source,
                )
                libraries[code].add_child(instance=page)
                new_pages.append((page, spec, code))
            report.add("policy", created=created)
            pages[code][spec["slug"]] = page
            source = source or page
    # Related policies point at pages that may have been created after this one, so they
    # are filled in once every policy exists, before the first revision is published.
    for page, spec, code in new_pages:
        page.related_policies = [
            RelatedPolicy(policy=pages[code][slug])
            for slug in spec["related"]
            if isinstance(pages[code].get(slug), PolicyCase)
        ]
        _publish(page, on=spec["published"])


def _load_partial_titles(*, libraries, translated, report) -> None:
    """French, Spanish, Arabic and Chinese versions of a few policies: a translated title
    over the English text, as on the real site. A language whose module translates the
    policy in full has it already."""
    for slug, titles in PARTIAL_TITLES.items():
        english = PolicyCase.objects.child_of(libraries["en"]).filter(slug=slug).first()
        if english is None:
            continue
        for code, title in titles.items():
            library = libraries.get(code)
            if library is None or slug in getattr(translated.get(code), "POLICIES", {}):
                continue
            exists = PolicyCase.objects.filter(
                translation_key=english.translation_key, locale_id=library.locale_id
            ).exists()
            if not exists:
                page = english.copy_for_translation(library.locale, copy_parents=False)
                page.title = title
                # The same moment, not its UTC date: that is a day early before 09:00 in Seoul.
                _publish(page, at=english.first_published_at)
            report.add("policy title", created=not exists)


def _policy_page(*, spec, text, editor, code, library, themes, source) -> PolicyCase:
    page = PolicyCase(
        title=text["title"],
        slug=spec["slug"],
        locale=library.locale,
        summary=text["summary"],
        period_start_year=spec["start"],
        period_end_year=spec["end"],
        background=text["background"],
        actions=_stream(text["actions"], level="h3"),
        budget=text["budget"],
        lessons=text["lessons"],
        department=text["department"],
        contact_name=text["contact_name"],
        contact_email=spec["contact_email"],
        writer=editor["writer"],
        affiliation=editor["affiliation"],
        is_featured=spec["featured"],
        first_published_at=_published_at(spec["published"]),
    )
    if source is not None:
        page.translation_key = source.translation_key
    page.themes = [themes[slug] for slug in spec["themes"]]
    page.indicators = [
        OutcomeIndicator(
            name=words["name"],
            unit=words["unit"],
            direction=indicator.get("direction", OutcomeIndicator.Direction.HIGHER),
            baseline_value=_decimal(baseline[0])
            if (baseline := indicator.get("baseline"))
            else None,
            baseline_year=baseline[1] if baseline else None,
            target_value=_decimal(target[0]) if (target := indicator.get("target")) else None,
            target_year=target[1] if target else None,
            achieved=[
                {"year": year, "value": value} for value, year in indicator.get("achieved", [])
            ],
            source=indicator.get("source") or SMG.get(code, SMG["en"]),
            source_url=indicator.get("source_url", ""),
            sort_order=position,
        )
        for position, (indicator, words) in enumerate(
            zip(spec["indicators"], text["indicators"], strict=True)
        )
    ]
    page.budget_lines = [
        BudgetLine(
            amount=Decimal(line["amount"]),
            currency=line["currency"],
            year=line["year"],
            funding_source=line["funding_source"][code],
            source=line.get("source") or SMG.get(code, SMG["en"]),
            sort_order=position,
        )
        for position, line in enumerate(spec.get("budget_lines", ()))
    ]
    details = CASE_DETAILS.get(spec["slug"], {})
    page.stakeholders = [
        ("stakeholder", stakeholder[code])
        for stakeholder in [*spec.get("stakeholders", ()), *details.get("stakeholders", ())]
    ]
    page.sdg_targets = spec.get("sdg_targets", "")
    _case_details(page, details=details, code=code)
    if attachment := spec.get("attachment"):
        document = _document(
            title=text["attachment"],
            filename=attachment["file"],
            pdf_title=attachment["en"],
            paragraphs=[spec["en"]["title"], spec["en"]["summary"], DEMO_NOTE],
        )
        page.attachments = [PolicyAttachment(document=document, sort_order=0)]
    return page


def _case_details(page: PolicyCase, *, details: dict, code: str) -> None:
    """How the case was done, what a city needs to copy it, its staff and its lifecycle, in
    the page's language (content/case_details.py; flagship cases only)."""
    if not details:
        return
    page.staff_fte = _decimal(details.get("staff_fte"))
    page.obstacles = [("obstacle", obstacle[code]) for obstacle in details.get("obstacles", ())]
    page.legal_basis = [
        ("law", {"url": law["url"], **law[code]}) for law in details.get("legal_basis", ())
    ]
    preconditions = details.get("preconditions", {})
    for kind in ("legal", "budget", "technology", "size"):
        setattr(page, f"precondition_{kind}", preconditions.get(kind, {}).get(code, ""))
    page.lifecycle = [
        (
            "stage",
            {
                "status": stage["status"],
                "start": stage["start"],
                "end": stage["end"],
                "reason": stage["reason"][code],
            },
        )
        for stage in details.get("lifecycle", ())
    ]


def _decimal(value: str | None) -> Decimal | None:
    return Decimal(value) if value is not None else None


def _load_posts(*, boards, posts, report) -> None:
    for spec in posts:
        source = None
        for code in LANGUAGES:
            page = _find_translation(parent=boards[code], source=source, slug=spec["slug"])
            created = page is None
            if created:
                page = _post_page(spec=spec, code=code, board=boards[code], source=source)
                boards[code].add_child(instance=page)
                _publish(page, on=spec["registered_on"])
                set_view_count(page_id=page.pk, count=spec["views"][code])
            report.add("post", created=created)
            source = source or page


def _post_page(*, spec, code, board, source) -> BoardPost:
    text = spec[code]
    page = BoardPost(
        title=text["title"],
        slug=spec["slug"],
        locale=board.locale,
        registered_on=spec["registered_on"],
        writer=POST_WRITER[code],
        summary=text["summary"],
        body=text["body"],
        original_url=spec.get("original_url", ""),
        source_outlet=text.get("source_outlet", ""),
        source_country=text.get("source_country", ""),
        video_url=spec.get("video_url", ""),
        first_published_at=_published_at(spec["registered_on"]),
    )
    if source is not None:
        page.translation_key = source.translation_key
    if filename := spec.get("document"):
        page.report_document = _document(
            # Without the board-style "[UN report]" prefix: the document stands on its own.
            title=re.sub(r"^\[[^\]]*\]\s*", "", text["title"]),
            filename=filename,
            pdf_title=spec["en"]["title"],
            paragraphs=[
                spec["en"]["summary"],
                f"Publisher: {spec['en'].get('source_outlet', '')}",
                DEMO_NOTE,
            ],
        )
    return page


def _load_standard_pages(*, languages, homes, report) -> None:
    for spec in STANDARD_PAGES:
        source = None
        for code, language in languages.items():
            page = _find_translation(parent=homes[code], source=source, slug=spec["slug"])
            created = page is None
            if created:
                text = language.page(spec)
                page = StandardPage(
                    title=text["title"],
                    slug=spec["slug"],
                    locale=homes[code].locale,
                    # About, MITI and Sharing City Seoul are reached from the main menu.
                    show_in_menus=True,
                    introduction=text["introduction"],
                    body=_stream(text["body"], level="h2"),
                    questions=[
                        ("question", {"question": question, "answer": RichText(answer)})
                        for question, answer in text.get("questions", [])
                    ],
                )
                if source is not None:
                    page.translation_key = source.translation_key
                homes[code].add_child(instance=page)
                _publish(page)
            report.add("standard page", created=created)
            source = source or page
