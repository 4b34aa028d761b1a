"""The dashboard panels (Wagtail `Component`s), each with who may see it.

Wagtail's own panels stay (pages awaiting your review, your pages in moderation, your most
recent edits, your locked pages); these add what they do not say. `wagtail_hooks` adds each
panel for the users `is_shown_to` lets through; superusers see them all.
"""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy

from policyshare.contributors.selectors import is_partner_contributor
from policyshare.contributors.services import admin_labels
from policyshare.cooperation_requests.models import RequestStatus
from policyshare.cooperation_requests.selectors import OVERDUE_ONLY

from . import selectors

# The group given the events panel without seeing registrations themselves (personal data):
# Editors announce events, Event organisers handle who comes.
EVENT_EDITORS_GROUP = "Editors"


class DashboardPanel(Component):
    """A panel of the admin home page shown to the users `is_shown_to` accepts."""

    name = ""
    order = 1000

    @classmethod
    def is_shown_to(cls, user) -> bool:
        raise NotImplementedError

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["request"] = parent_context["request"]
        return context


class RequestBacklogPanel(DashboardPanel):
    """Request handlers: new requests nobody took up, and open requests gone quiet."""

    name = "workspace_requests"
    template_name = "workspace/panels/requests.html"
    order = 100

    @classmethod
    def is_shown_to(cls, user) -> bool:
        return user.has_perm("cooperation_requests.handle_requests")

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        inbox = reverse("inquiries_admin:index")
        context.update(selectors.request_backlog())
        context["new_url"] = f"{inbox}?status={RequestStatus.RECEIVED}"
        context["overdue_url"] = f"{inbox}?overdue={OVERDUE_ONLY}"
        return context


class MyDraftsPanel(DashboardPanel):
    """Anyone who may add or edit pages: their own unpublished changes. Wagtail's "Your most
    recent edits" lists edits, published or not; this lists what is still waiting."""

    name = "workspace_drafts"
    template_name = "workspace/panels/drafts.html"
    order = 260

    @classmethod
    def is_shown_to(cls, user) -> bool:
        return PagePermissionPolicy().user_has_any_permission(user, {"add", "change", "publish"})

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["drafts"] = selectors.drafts_of(parent_context["request"].user)
        return context


class TranslationBacklogPanel(DashboardPanel):
    """Editors and moderators: live Korean and English pages not yet in each language."""

    name = "workspace_translations"
    template_name = "workspace/panels/translations.html"
    order = 400

    @classmethod
    def is_shown_to(cls, user) -> bool:
        return user.has_perm("translations.view_translation_status")

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        dashboard = reverse("translations:dashboard")
        languages = selectors.translation_backlog()
        for language in languages:
            language["url"] = f"{dashboard}?language={language['code']}"
        context["languages"] = languages
        return context


class ReadingPanel(DashboardPanel):
    """Editors and moderators: the week's most-read pages and searches that found nothing."""

    name = "workspace_reading"
    template_name = "workspace/panels/reading.html"
    order = 500

    @classmethod
    def is_shown_to(cls, user) -> bool:
        return user.has_perm("portal_search.view_searchqueryday")

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        request = parent_context["request"]
        context["pages"] = [
            {"page": page, "visits": visits, "url": page.get_url(request)}
            for page, visits in selectors.most_read_pages()
        ]
        context["searches"] = selectors.zero_result_searches()
        context["failed_searches_url"] = reverse("portal_search_failed_searches")
        context["week_start"] = selectors.week_start()
        return context


class UpcomingEventsPanel(DashboardPanel):
    """Event organisers and editors: the next events with their seats."""

    name = "workspace_events"
    template_name = "workspace/panels/events.html"
    order = 450

    @classmethod
    def is_shown_to(cls, user) -> bool:
        return user.has_perm("events.view_registration") or (
            user.is_active and user.groups.filter(name=EVENT_EDITORS_GROUP).exists()
        )

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        language = get_language() or settings.LANGUAGE_CODE
        context["events"] = selectors.upcoming_events(language=language)
        # Registrations hold personal data: the link only for those who may see them.
        if user.has_perm("events.view_registration"):
            context["registrations_url"] = reverse("event_registrations:index")
        return context


class SubmitCasePanel(DashboardPanel):
    """Partner-city contributors: where to add a case, how it goes, and their cases so far.
    The steps name the buttons as their admin labels them (`contributors.admin_labels`, the
    same words as the invitation)."""

    name = "workspace_submit_case"
    template_name = "workspace/panels/submit_case.html"
    order = 10

    @classmethod
    def is_shown_to(cls, user) -> bool:
        return is_partner_contributor(user)

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        language = get_language()
        libraries = selectors.libraries_open_to(user, language=language)
        context["libraries"] = [
            (
                library,
                reverse("wagtailadmin_pages:add", args=("policies", "policycase", library.pk)),
            )
            for library in libraries
        ]
        context["cases"] = selectors.contributed_cases(user)
        context["labels"] = admin_labels(language)
        return context


PANELS = [
    SubmitCasePanel,
    RequestBacklogPanel,
    MyDraftsPanel,
    TranslationBacklogPanel,
    UpcomingEventsPanel,
    ReadingPanel,
]


def panels_for(user) -> list[DashboardPanel]:
    return [panel() for panel in PANELS if panel.is_shown_to(user)]
