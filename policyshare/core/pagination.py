from django.core.paginator import Paginator


def paginate(request, items, *, per_page: int):
    """The requested page of `items` (Django's get_page: a bad number never errors).

    Returns (page_obj, filter_query): filter_query is the current query string without
    `page`, for pagination links that keep the filters.
    """
    page_obj = Paginator(items, per_page).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return page_obj, params.urlencode()
