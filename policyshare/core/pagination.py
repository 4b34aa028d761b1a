from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

from .fragments import cached_fragment


class CachedCountPaginator(Paginator):
    """Django's paginator, with the number of items kept with the fragments.

    Counting a list reads every row it filters (thousands of policies), where the page of
    the list reads a dozen; the count changes only with the content, so it is kept until
    an editorial change retires the fragments. `count_key`: what the list depends on (the
    list's page and its filters), never the raw query string, which anyone can vary.
    """

    def __init__(self, object_list: QuerySet, per_page, *, count_key: tuple, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self) -> int:
        return cached_fragment("list-count", *self.count_key, compute=self.object_list.count)


def paginate(request, items, *, per_page: int, count_key: tuple | None = None):
    """The requested page of `items` (Django's get_page: a bad number never errors).

    Returns (page_obj, filter_query): filter_query is the current query string without
    `page`, for pagination links that keep the filters. With `count_key`, the number of
    items is kept with the fragments (`CachedCountPaginator`).
    """
    if count_key is None:
        paginator = Paginator(items, per_page)
    else:
        paginator = CachedCountPaginator(items, per_page, count_key=count_key)
    page_obj = paginator.get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return page_obj, params.urlencode()
