"""Reads reused across the content apps."""

import functools

from django.db.models import Exists, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from wagtail.models import Page

from .framework_internals import PreparedRead
from .models import PageViewCount


def with_view_counts(queryset: QuerySet) -> QuerySet:
    """Annotate pages with `views` in the same query, so lists never query per item."""
    counts = PageViewCount.objects.filter(page_id=OuterRef("pk")).values("count")[:1]
    return queryset.annotate(views=Coalesce(Subquery(counts), Value(0)))


def one_or_none(queryset: QuerySet):
    """The row a look-up by a unique key finds, or None.

    Unlike `.first()`, this adds no ORDER BY: with one, Django compares every selected column
    against the ordering while it builds the SQL, which on a page model (fifty columns) costs
    more than running the query.
    """
    return next(iter(queryset.order_by()[:1]), None)


def read_page(model, **filters):
    """One page in its own type, with its locale and view count, in one query (a join on
    the count: cheaper to build than `with_view_counts`'s subquery), or None.

    `filters`: `pk`, or `slug` and `url_path` (routing). Prepared once per process and type
    (`policyshare.core.framework_internals`): every uncached page starts with this read.

    The page also carries `other_versions_exist`: whether any other page shares its
    translation key. A page without one needs no read of its versions for its language
    links and translation notice (`translations.templatetags.translation_tags`).

    A page type may read more in the same query: its `read_annotations()` (a classmethod)
    returns annotations (`Exists(...)`, say) that the page then carries, so that its own
    reads can skip what it would find empty (`PolicyCase.read_annotations`).
    """
    names = tuple(sorted(filters))
    page = next(iter(_page_read(model, names)(*(filters[name] for name in names))), None)
    if page is not None:
        try:
            page.views = page.view_count_record.count
        except PageViewCount.DoesNotExist:
            page.views = 0
    return page


@functools.cache
def _page_read(model, names: tuple[str, ...]) -> PreparedRead:
    def build(*values):
        pages = model.objects.select_related("locale", "view_count_record").annotate(
            other_versions_exist=Exists(
                Page.objects.filter(translation_key=OuterRef("translation_key")).exclude(
                    pk=OuterRef("pk")
                )
            )
        )
        if hasattr(model, "read_annotations"):
            pages = pages.annotate(**model.read_annotations())
        return pages.filter(**dict(zip(names, values, strict=True))).order_by()[:1]

    fields = [model._meta.pk if name == "pk" else model._meta.get_field(name) for name in names]
    return PreparedRead(model, build, fields)


def view_count_for(page) -> int:
    if hasattr(page, "views"):
        return page.views
    record = PageViewCount.objects.filter(page_id=page.pk).values_list("count", flat=True)
    return record.first() or 0


def requested_changes(page):
    """The reviewer's request for changes the page is waiting on (a Wagtail TaskState), or
    None: only while its workflow needs changes, and only when the reviewer commented."""
    from wagtail.models import TaskState, WorkflowState

    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    task_state = (
        state.task_states.filter(status=TaskState.STATUS_REJECTED)
        .exclude(comment="")
        .select_related("finished_by")
        .order_by("-finished_at", "-pk")
        .first()
    )
    return task_state
