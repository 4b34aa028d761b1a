"""The page explorer with each page's views in the last 30 days, as a sortable column.

Wagtail routes every page listing through its page viewset registry; `ExplorerViewSet` is
registered for `Page` (core/wagtail_hooks.py, after Wagtail's own base viewset), so it
serves the explorer of every parent whose children have no viewset of their own.
"""

from datetime import timedelta

from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.viewsets.pages import PageViewSet

from .services import views_since

VIEWS_DAYS = 30


class ViewsColumn(Column):
    cell_template_name = "core/admin/views_cell.html"


class ExplorerIndexView(ExplorableIndexView):
    base_columns = [
        *ExplorableIndexView.base_columns,
        ViewsColumn(
            "views_recent",
            label=_("Views (30 days)"),
            sort_key="views_recent",
            width="10%",
        ),
    ]

    @cached_property
    def views_from(self):
        """The first day counted: today (the site's day) and the 29 days before."""
        return timezone.localdate() - timedelta(days=VIEWS_DAYS - 1)

    def annotate_queryset(self, pages):
        return super().annotate_queryset(pages).annotate(views_recent=views_since(self.views_from))


class ExplorerViewSet(PageViewSet):
    index_view_class = ExplorerIndexView
