from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property
from django.utils.http import urlencode

from .fragments import cached_fragment


class DeferredItems:
    """The items of a list, as `build()` returns them (an ordered queryset), built only
    when the paginator first counts or slices them.

    Building a filtered queryset (cloning it for each filter) costs about as much CPU as
    rendering a dozen cards; a list whose page is kept as a fragment and whose count is
    kept (`CachedCountPaginator`) need not build it at all. Offers what Django's
    `Paginator` and its `Page` use of an `object_list`: `ordered`, `count()`, `len()`,
    iteration and slicing (a slice is deferred too).
    """

    ordered = True  # `build()` must return an ordered queryset

    def __init__(self, build):
        self._build = build

    @cached_property
    def items(self) -> QuerySet:
        return self._build()

    def count(self) -> int:
        return self.items.count()

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self):
        return iter(self.items)

    def __getitem__(self, key):
        if isinstance(key, slice):  # a page of the list: built when it is read
            return DeferredItems(lambda: self.items[key])
        return self.items[key]


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


def filter_query(filters: dict) -> str:
    """The filters a list read, URL-encoded for its pagination links ("" for none set).

    `filters`: by query parameter name, as the page read and validated them ("" or None when
    not set), never the raw query string: a link then carries only what the list understood,
    not whatever else a visitor or a crawler put in the address."""
    return urlencode([(name, value) for name, value in filters.items() if value not in ("", None)])


def paginate(request, items, *, per_page: int, filters: dict, count_key: tuple | None = None):
    """The requested page of `items` (Django's get_page: a bad number never errors).

    Returns (page_obj, filter_query): filter_query is `filters` for the pagination links
    (`filter_query`). With `count_key`, the number of items is kept with the fragments
    (`CachedCountPaginator`).
    """
    if count_key is None:
        paginator = Paginator(items, per_page)
    else:
        paginator = CachedCountPaginator(items, per_page, count_key=count_key)
    page_obj = paginator.get_page(request.GET.get("page"))
    return page_obj, filter_query(filters)


def paginate_kept(request, build, *, per_page: int, key: tuple, filters: dict) -> tuple[Page, dict]:
    """The requested page of a list kept as one fragment per filter and page number (the
    template's `{% fragment "name" page.pk list_key short_lived %}` around everything from
    its filter form to its pagination).

    `build()`: the list's ordered queryset, built only when the fragment or the count is
    computed again (`DeferredItems`); `key`: what the list is of (its page's id);
    `filters`: the filters as the page read and validated them, by query parameter name,
    "" or None when not set, never the raw query string, which anyone can vary. Returns
    (page_obj, context), the context's `paginator`, `filter_query` (those filters, for the
    pagination links: so the links are the same for every query string that reads the same
    filters) and `list_key` (the filters and the page number, for the fragment).
    """
    values = tuple(filters.values())
    page_obj, query = paginate(
        request,
        DeferredItems(build),
        per_page=per_page,
        filters=filters,
        count_key=(*key, *values),
    )
    return page_obj, {
        "paginator": page_obj.paginator,
        "filter_query": query,
        "list_key": (*values, page_obj.number),
    }


def page_links(page_obj) -> list[dict]:
    """What the pagination shows (includes/pagination.html), in order: the first and last
    pages and two on each side of the current one as links, the current one, and a gap
    where the second or the last but one page is left out. Computed from the few numbers
    that can show, not by testing every page of the list in the template (a list of 6,000
    policies has 500 pages: that loop was most of the list page's time)."""
    current, last = page_obj.number, page_obj.paginator.num_pages
    candidates = {1, 2, last - 1, last, *range(current - 2, current + 3)}
    links = []
    for number in sorted(n for n in candidates if 1 <= n <= last):
        if number == current:
            links.append({"number": number, "kind": "current"})
        elif number in (1, last) or abs(number - current) <= 2:
            links.append({"number": number, "kind": "link"})
        elif number in (2, last - 1):
            links.append({"number": number, "kind": "gap"})
    return links
