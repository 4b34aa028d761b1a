from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator


def paginate(request, items, *, per_page: int):
    """The requested page of `items`; an out-of-range or malformed number never errors.

    Returns (page_obj, filter_query): filter_query is the current query string without
    `page`, for pagination links that keep the filters.
    """
    paginator = Paginator(items, per_page)
    try:
        page_obj = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page_obj = paginator.page(1)
    except EmptyPage:
        page_obj = paginator.page(paginator.num_pages)
    params = request.GET.copy()
    params.pop("page", None)
    return page_obj, params.urlencode()
