"""How content looks in the API: plain dicts that the schemas in `schemas.py` validate."""

import math

from django.http import HttpRequest
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from . import selectors

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20


def paginate(request: HttpRequest, queryset, *, page: int, page_size: int):
    """One page of a queryset and the list fields around it (two queries: count and slice)."""
    count = queryset.count()
    num_pages = max(1, math.ceil(count / page_size))
    start = (page - 1) * page_size
    items = list(queryset[start : start + page_size])

    def link(number):
        params = request.GET.copy()
        params["page"] = str(number)
        return request.build_absolute_uri(request.path + "?" + params.urlencode())

    fields = {
        "count": count,
        "page": page,
        "page_size": page_size,
        "num_pages": num_pages,
        "next": link(page + 1) if page < num_pages else None,
        "previous": link(page - 1) if 1 < page <= num_pages + 1 else None,
    }
    return items, fields


def _page_fields(request, page: Page, translations) -> dict:
    return {
        "id": page.pk,
        "translation_key": str(page.translation_key),
        "language": page.locale.language_code,
        "title": page.title,
        "url": page.get_full_url(request),
        "first_published_at": page.first_published_at,
        "last_published_at": page.last_published_at,
        "translations": [
            {
                "language": other.locale.language_code,
                "id": other.pk,
                "url": other.get_full_url(request),
            }
            for other in translations.get(str(page.translation_key), [])
        ],
    }


def page_list(request, pages) -> list[dict]:
    translations = selectors.translations_of(pages)
    # Parents by tree path in one query, instead of get_parent() per page.
    parent_paths = {page.path[: -Page.steplen] for page in pages}
    parents = dict(Page.objects.filter(path__in=parent_paths).values_list("path", "pk"))
    return [
        {
            **_page_fields(request, page, translations),
            "type": f"{page.content_type.app_label}.{page.content_type.model}",
            "parent_id": parents.get(page.path[: -Page.steplen]),
            "search_description": page.search_description,
        }
        for page in pages
    ]


def policy_summaries(request, policies) -> list[dict]:
    translations = selectors.translations_of(policies)
    return [_policy_summary(request, policy, translations) for policy in policies]


def _policy_summary(request, policy, translations) -> dict:
    return {
        **_page_fields(request, policy, translations),
        "summary": policy.summary,
        "themes": [theme.slug for theme in policy.themes.all()],
        "period_start_year": policy.period_start_year,
        "period_end_year": policy.period_end_year,
        "views": getattr(policy, "views", 0),
    }


def policy_detail(request, policy) -> dict:
    translations = selectors.translations_of([policy])
    return {
        **_policy_summary(request, policy, translations),
        "background": expand_db_html(policy.background),
        "actions": list(policy.actions.raw_data),
        "budget": policy.budget,
        "lessons": expand_db_html(policy.lessons),
        "contact": {
            "department": policy.department,
            "name": policy.contact_name,
            "email": policy.contact_email,
            "phone": policy.contact_phone,
        },
        "writer": policy.writer,
        "affiliation": policy.affiliation,
        "indicators": [
            {
                "name": indicator.name,
                "value_before": indicator.value_before,
                "value_after": indicator.value_after,
                "unit": indicator.unit,
                "year": indicator.year,
                "source": indicator.source,
            }
            for indicator in policy.indicators.all()
        ],
        "attachments": [
            {
                "title": attachment.link_text,
                "url": request.build_absolute_uri(attachment.document.url),
            }
            for attachment in policy.attachments.select_related("document")
        ],
        "related": [
            link.policy_id for link in policy.related_policies.all() if link.policy_id is not None
        ],
    }


def post_summaries(request, posts) -> list[dict]:
    translations = selectors.translations_of(posts)
    kinds = selectors.board_kinds()
    return [_post_summary(request, post, translations, kinds) for post in posts]


def _post_summary(request, post, translations, kinds) -> dict:
    document = post.report_document
    return {
        **_page_fields(request, post, translations),
        "board": kinds.get(post.path[: -Page.steplen], ""),
        "registered_on": post.registered_on,
        "writer": post.writer,
        "summary": post.summary,
        "source_outlet": post.source_outlet,
        "source_country": post.source_country,
        "original_url": post.original_url,
        "video_url": post.video_url,
        "report_url": request.build_absolute_uri(document.url) if document else None,
        "views": getattr(post, "views", 0),
    }


def post_detail(request, post) -> dict:
    translations = selectors.translations_of([post])
    return {
        **_post_summary(request, post, translations, selectors.board_kinds()),
        "body": expand_db_html(post.body),
    }


def theme(theme) -> dict:
    return {
        "id": theme.pk,
        "translation_key": str(theme.translation_key),
        "language": theme.locale.language_code,
        "slug": theme.slug,
        "name": theme.name,
        "description": theme.description,
        "popular": theme.is_popular,
        "sort_order": theme.sort_order,
    }


def partner(request, partner) -> dict:
    return {
        "id": partner.pk,
        "translation_key": str(partner.translation_key),
        "language": partner.locale.language_code,
        "name": partner.name,
        "kind": partner.kind,
        "website": partner.website,
        "description": partner.description,
        "logo_url": request.build_absolute_uri(partner.logo.file.url) if partner.logo else None,
        "sort_order": partner.sort_order,
        "show_on_home": partner.show_on_home,
    }
