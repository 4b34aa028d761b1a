"""The content the browser tests (and `make bench-pages`) look at, built with the test builders.

One policy of each shape, one post of each board kind, partners with a logo, a standard page and
enough news posts over two years to filter by year and page through. Korean is the source
language; most pages have an English translation, one policy deliberately has none and one
exists only in English. Arabic has its sections only: its pages show the English content.
"""

import io
import json
import subprocess
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from policyshare.core.tests import builders
from policyshare.events.tests.builders import make_event
from policyshare.guides.tests import builders as guides
from policyshare.home.services import ensure_site_pages
from policyshare.partners.models import PartnerKind
from policyshare.sharing.models import ProjectParticipant
from policyshare.sharing.tests import builders as sharing
from policyshare.themes.tests.builders import make_theme_page

LANGUAGES = ("ko", "en")
EXTRA_NEWS_POSTS = 12  # two in 2017, ten in 2018: with the sample post, 2018 fills two pages


@dataclass
class Portal:
    sections: dict
    policy: object
    policy_en: object
    ko_only_policy: object
    en_only_policy: object = None
    events: dict = field(default_factory=dict)  # language -> the upcoming event
    posts: dict = field(default_factory=dict)  # (board slug, language) -> post
    pages: dict = field(default_factory=dict)  # language -> [(page type, path)]
    document: object = None
    image: object = None


def sample_image(*, width=1600, height=900, name="sample.png"):
    """A photo-sized PNG (a gradient, so that encoders have something to do)."""
    picture = PillowImage.radial_gradient("L").resize((width, height)).convert("RGB")
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return get_image_model().objects.create(
        title=name, file=ImageFile(io.BytesIO(buffer.getvalue()), name=name)
    )


def build_portal() -> Portal:
    # Arabic too, for the right-to-left checks (test_right_to_left.py); its pages fall back
    # to the English content.
    sections = builders.sections(languages=(*LANGUAGES, "ar"))
    transport_ko = builders.make_theme(name="교통", slug="transport", is_popular=True)
    transport_en = builders.make_theme(
        language="en",
        name="Transport",
        slug="transport",
        translation_of=transport_ko,
        is_popular=True,
    )
    renewal_ko = builders.make_theme(name="도시재생", slug="regeneration", is_popular=True)
    builders.make_theme(
        language="en",
        name="Urban regeneration",
        slug="regeneration",
        translation_of=renewal_ko,
        is_popular=True,
    )

    document = get_document_model().objects.create(
        title="Traffic safety plan",
        file=ContentFile(b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n", name="plan.pdf"),
    )
    image = sample_image()
    actions = json.dumps(
        [
            {"type": "heading", "value": {"text": "속도 하향", "level": "h3"}},
            {"type": "paragraph", "value": "<p>도심 제한속도를 시속 50km로 낮추었다.</p>"},
            {
                "type": "figure",
                "value": {
                    "image": {
                        "image": image.pk,
                        "alt_text": "횡단보도를 건너는 시민들",
                        "decorative": False,
                    },
                    "caption": "안전속도 5030 시행 후의 횡단보도",
                },
            },
            {
                "type": "quote",
                "value": {"text": "속도를 줄이면 생명을 지킨다.", "attribution": "교통정책과"},
            },
            {"type": "document", "value": {"document": document.pk, "title": "시행 계획"}},
        ]
    )
    library_ko = sections["policies"]["ko"]
    policy = builders.make_policy(
        library=library_ko,
        title="안전속도 5030: 교통사고 사망자 절반 줄이기",
        slug="safe-speed",
        themes=[transport_ko],
        period_start_year=2017,
        period_end_year=2021,
        summary="서울시는 도시재생을 추진하며 도심 제한속도를 낮춰 교통사고 사망자를 줄였다.",
        budget="12억 원",
        department="교통정책과",
        contact_name="김서울",
        contact_email="traffic@example.org",
        contact_phone="02-120",
        writer="ssunha",
        affiliation="서울시",
        background="<p>보행자 사망 비율이 높았다.</p>",
        lessons="<p>시민 참여가 중요했다.</p>",
        is_featured=True,
        actions=actions,
        indicators=[
            {
                "name": "교통사고 사망자",
                "baseline_value": 3.7,
                "baseline_year": 2015,
                "target_value": 1.8,
                "target_year": 2021,
                "achieved": [{"year": 2019, "value": "2.5"}],
                "direction": "lower",
                "unit": "명/10만",
                "source": "경찰청",
            }
        ],
    )
    policy.attachments.create(document=document, title="정책 보고서")
    policy.save_revision().publish()
    policy_en = builders.translate_page(
        policy,
        language="en",
        title="Safe Speed 5030: halving traffic deaths",
        summary="Seoul lowered urban speed limits and restored safety for people on foot.",
    )
    ko_only = builders.make_policy(
        library=library_ko,
        title="심야버스 올빼미",
        slug="night-bus",
        themes=[transport_ko],
        period_start_year=2013,
    )

    # The transport theme's page, with indicators and a timeline over three decades; its
    # tags (on the policy page, the home page) now link here.
    theme_pages = {}
    for language, theme, texts in [
        ("ko", transport_ko, ("교통", "지하철 1호선 개통", "버스 체계 개편", "교통사고 사망자")),
        ("en", transport_en, ("Transport", "Line 1 opens", "Bus reform", "Road deaths")),
    ]:
        theme_pages[language] = make_theme_page(
            index=sections["themes"][language],
            theme=theme,
            title=texts[0],
            translation_of=theme_pages.get("ko"),
            introduction=f"<p>{texts[0]}</p>",
            indicators=[
                {
                    "label": texts[3],
                    "value": "3.7",
                    "unit": "/100k",
                    "year": 2015,
                    "source_name": "Seoul",
                    "source_url": "https://example.org/plan",
                }
            ],
            milestones=[
                {"year": 1974, "title": texts[1], "text": texts[1]},
                {"year": 2004, "title": texts[2], "text": texts[2]},
                {"year": 2017, "title": policy.title, "policy": policy},
            ],
        )

    # Written in English, never in Korean: Arabic pages show it as English fallback content.
    en_only = builders.make_policy(
        library=sections["policies"]["en"],
        title="Cool Roofs: white paint against the summer heat (2019–2022)",
        slug="cool-roofs",
        summary="Painted rooftops keep top floors cooler; 1,200 roofs by 2022.",
        period_start_year=2019,
        period_end_year=2022,
    )

    posts = {}
    kinds = [
        ("news", {"body": "<p>서울시가 정책을 공유했다.</p>"}),
        (
            "media",
            {
                "source_outlet": "Cities Today",
                "source_country": "UK",
                "original_url": "https://example.org/article",
            },
        ),
        ("videos", {"video_url": "https://www.youtube.com/watch?v=abcdefghijk"}),
        ("reports", {"report_document": document, "summary": "UN-Habitat 보고서"}),
    ]
    for slug, extra in kinds:
        for language in LANGUAGES:
            posts[(slug, language)] = builders.make_post(
                board=sections[slug][language],
                registered_on=date(2018, 4, 18),
                title=f"{sections[slug][language].title}: sample ({language})",
                **extra,
            )
    for number in range(EXTRA_NEWS_POSTS):
        for language in LANGUAGES:
            builders.make_post(
                board=sections["news"][language],
                title=f"News {number + 1} ({language})",
                registered_on=date(2017 if number < 2 else 2018, 1 + number, 10),
            )

    for language in LANGUAGES:
        builders.make_partner(
            language=language,
            name="CITYNET",
            kind=PartnerKind.INTERNATIONAL,
            logo=image,
            website="https://example.org/citynet",
            description="Regional network of urban stakeholders.",
        )
        builders.make_partner(language=language, name="UN-Habitat", kind=PartnerKind.INTERNATIONAL)
    home_ko = library_ko.get_parent()
    about = builders.make_standard_page(
        parent=home_ko,
        title="공유도시 서울",
        slug="sharing-city",
        show_in_menus=True,
        introduction="공유도시 서울이란 무엇인가.",
        questions=[("question", {"question": "공유도시란?", "answer": "<p>나누는 도시</p>"})],
    )
    builders.translate_page(
        about, language="en", title="Sharing City Seoul", introduction="What Sharing City Seoul is."
    )

    # Policy sharing: a city with a relationship, a transfer of the flagship policy and a
    # project, so the sharing section, a city page and a project page are checked too.
    seoul = sharing.make_seoul()
    # Not Ulaanbaatar: test_sharing_journey builds its own chain through it.
    darkhan = sharing.make_city(
        slug="darkhan", names={"ko": "다르항", "en": "Darkhan"}, population=100_000
    )
    sharing.make_relationship(city=darkhan, kind="friendship", signed_year=2000)
    transfer = sharing.make_transfer(policy=policy, source_city=seoul, target_city=darkhan)
    projects = {}
    for language in LANGUAGES:
        projects[language] = sharing.make_project(
            section=sections["sharing"][language],
            title="다르항 버스 관리" if language == "ko" else "Darkhan bus management",
            slug="darkhan-buses",
            cities=[darkhan],
        )
        ProjectParticipant.objects.create(
            page=projects[language], name="Seoul Metropolitan Government", role="funding"
        )

    # A policy guide of three chapters (a heading, a key figure and a table among them), so
    # the guides section, a guide's cover, a chapter and the whole-guide page are checked.
    guide_pages = {}
    for language in LANGUAGES:
        korean = language == "ko"
        guide = guides.make_guide(
            index=sections["guides"][language],
            title="서울 교통정책 가이드" if korean else "A Guide to Transportation Policy",
            slug="transport-guide",
            summary="버스 개편과 통합요금." if korean else "The bus reform and integrated fares.",
            authors="정책공유 편집팀" if korean else "Policy Sharing Editors",
            themes=[transport_ko if korean else transport_en],
        )
        chapters = [
            guides.make_chapter(
                guide=guide,
                title=title,
                slug=f"chapter-{number}",
                body=[
                    *guides.chapter_body(
                        *headings,
                        paragraph=f'{title}: <a href="/{language}/policies/">{title}</a>',
                    ),
                    ("key_figure", {"figure": "72%", "label": title, "source": "SMG"}),
                    (
                        "table",
                        {
                            "data": [["Year", "Lines"], ["1974", "1"], ["2009", "9"]],
                            "first_row_is_table_header": True,
                            "first_col_is_header": False,
                            "table_caption": title,
                        },
                    ),
                ],
            )
            for number, (title, headings) in enumerate(
                [
                    ("버스 개편" if korean else "Bus reform", ["Routes", "Median lanes"]),
                    ("통합요금" if korean else "Integrated fares", ["T-money"]),
                    ("지하철" if korean else "Metro", ["Line 1"]),
                ],
                start=1,
            )
        ]
        guide_pages[language] = (guide, chapters[1])
    # Events: an upcoming course in Korean with its English translation (on the home page's
    # block, registered for by test_event_journey), and a past one.
    course = make_event(
        index=sections["events"]["ko"],
        starts_in=timedelta(days=21),
        sessions=2,
        capacity=30,
        kind="training",
    )
    course.title = "도시 교통 연수과정"
    course.slug = "urban-transport-course"
    course.summary = "해외 도시 공무원을 위한 이틀간의 교통 정책 연수입니다."
    course.venue_name = "서울"
    course.themes.set([transport_ko])
    course.save_revision().publish()
    events = {"ko": course}
    events["en"] = builders.translate_page(
        course,
        language="en",
        title="Urban transport course",
        summary="Two days on transport policy for officials of cities abroad.",
        venue_name="Seoul",
        venue_address="Jung-gu, Seoul",
    )
    make_event(index=sections["events"]["ko"], starts_in=timedelta(days=-60), kind="webinar")

    # The privacy notice, accessibility statement and licence the footer links to.
    ensure_site_pages(languages=(*LANGUAGES, "ar"))

    portal = Portal(
        sections=sections,
        policy=policy,
        policy_en=policy_en,
        ko_only_policy=ko_only,
        en_only_policy=en_only,
        posts=posts,
        document=document,
        image=image,
        events=events,
    )
    for language in LANGUAGES:
        section = {slug: pages[language] for slug, pages in sections.items()}
        portal.pages[language] = [
            ("home", f"/{language}/"),
            ("library", section["policies"].url),
            ("policy", f"/{language}/policies/safe-speed/"),
            ("board", section["news"].url),
            *[
                (f"post-{slug}", posts[(slug, language)].url)
                for slug in ("news", "media", "videos", "reports")
            ],
            ("partners", section["partners"].url),
            ("standard", f"/{language}/sharing-city/"),
            ("search", f"/{language}/search/?q={'교통' if language == 'ko' else 'speed'}"),
            ("requests", f"/{language}/requests/"),
            ("request-form", f"/{language}/requests/study-visit/"),
            ("newsletter", f"/{language}/newsletter/"),
            ("sharing", section["sharing"].url),
            ("transfer", f"{section['sharing'].url}transfers/{transfer.pk}/"),
            ("project", projects[language].url),
            ("cities", section["cities"].url),
            ("city", f"{section['cities'].url}darkhan/"),
            (
                "cities-like-mine",
                f"{section['sharing'].url}cities-like-mine/?population_band=1m_5m",
            ),
            ("themes", section["themes"].url),
            ("theme", f"{section['themes'].url}transport/"),
            ("guides", section["guides"].url),
            ("guide", guide_pages[language][0].url),
            ("guide-chapter", guide_pages[language][1].url),
            ("guide-print", f"{guide_pages[language][0].url}all/"),
            ("events", section["events"].url),
            ("event", events[language].url),
            ("404", f"/{language}/no-such-page/"),
        ]
    return portal


def nu_checker_problems(vnu_command, files, *, warnings=False) -> list[str]:
    """What the Nu HTML Checker reports about the saved pages, one line each: errors, and
    warnings too with `warnings=True` (it warns about a missing or wrong lang/dir). One JVM
    run over all the files."""
    checked = subprocess.run(  # noqa: S603 (our own command line)
        [*vnu_command, "--format", "json", "--stdout", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    report = json.loads(checked.stdout)
    return [
        f"{message['url'].rsplit('/', 1)[-1]}:{message.get('lastLine', '?')}: "
        f"[{message['type']}/{message.get('subType', '')}] {message['message']}"
        f" [{message.get('extract', '').strip()[:80]}]"
        for message in report["messages"]
        if message["type"] in {"error", "non-document-error"}
        or (warnings and message["type"] == "info" and message.get("subType") == "warning")
    ]
