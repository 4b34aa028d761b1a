"""Reads reused across the content apps."""

from django.db.models import OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from .models import PageViewCount


def with_view_counts(queryset: QuerySet) -> QuerySet:
    """Annotate pages with `views` in the same query, so lists never query per item."""
    counts = PageViewCount.objects.filter(page_id=OuterRef("pk")).values("count")[:1]
    return queryset.annotate(views=Coalesce(Subquery(counts), Value(0)))


def view_count_for(page) -> int:
    if hasattr(page, "views"):
        return page.views
    record = PageViewCount.objects.filter(page_id=page.pk).values_list("count", flat=True)
    return record.first() or 0
