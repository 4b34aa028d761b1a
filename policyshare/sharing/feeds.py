"""The policy-sharing feeds, per language: new policy transfers, and new cooperation projects.

Registered in `wagtail_hooks.py` (`policyshare.core.content.feeds` explains the protocol);
advertised in the <head> of the section's pages (`SharingIndexPage.feed_links`). Projects
are pages and are in the `latest` feed too; a transfer is a record, so its entry is a
`TransferFeedItem` that speaks the feed protocol.
"""

from django.utils.translation import gettext as _
from django.utils.translation import override

from policyshare.core.content.feeds import FEED_ITEMS, FeedContribution, FeedSubject, PortalFeed
from policyshare.core.content.feeds import feed_links as portal_feed_links
from policyshare.core.localized import localized

from . import selectors
from .models import CooperationProjectPage, SharingIndexPage


def section_for(*, language: str):
    return SharingIndexPage.objects.live().filter(locale__language_code=language).first()


class TransferFeedItem(FeedContribution):
    """A transfer as a feed entry: its page below the section, in the feed's language."""

    locale_id = None  # the entry's language is the feed's

    def __init__(self, transfer, *, section, language: str):
        self.transfer = transfer
        self.section = section
        self.language = language
        policy = transfer.shown_policy
        policy_title = policy.title if policy else transfer.policy.title
        self.title = f"{policy_title}: {transfer.source_city.name_in(language)} → " + (
            transfer.target_city.name_in(language)
        )

    def get_full_url(self, request=None):
        return f"{self.section.get_full_url(request)}transfers/{self.transfer.pk}/"

    def feed_item_description(self) -> str:
        stage = self.transfer.get_stage_display()
        year = self.transfer.stage_year
        summary = localized(self.transfer.summary, self.language)
        parts = [f"{stage} ({year})" if year else stage, summary]
        if self.transfer.illustrative:
            parts.append(_("Illustrative: no published source was found."))
        return " · ".join(part for part in parts if part)

    def feed_item_categories(self) -> list[str]:
        return [self.transfer.get_channel_display(), self.transfer.get_mode_display()]

    def feed_item_pubdate(self):
        return self.transfer.created_at

    def feed_item_updateddate(self):
        return self.transfer.updated_at


def latest_transfers(*, section, language: str) -> list:
    transfers = selectors.with_policies_in_language(
        selectors.public_transfers().order_by("-created_at", "-pk")[:FEED_ITEMS],
        language=language,
    )
    with override(language):
        return [
            TransferFeedItem(transfer, section=section, language=language) for transfer in transfers
        ]


def _transfers(*, request, language: str) -> FeedSubject:
    found = section_for(language=language)
    with override(language):
        title = _("Policy transfers")
    if found is None:
        return FeedSubject(title=title, items=[])
    return FeedSubject(
        title=f"{title} · {found.title}",
        items=latest_transfers(section=found, language=language),
        link=f"{found.get_full_url(request)}transfers/",
    )


def latest_projects(*, section) -> list:
    items = list(selectors.live_projects(section).select_related("locale")[:FEED_ITEMS])
    CooperationProjectPage.prepare_feed_items(items)
    return items


def _projects(*, request, language: str) -> FeedSubject:
    found = section_for(language=language)
    with override(language):
        title = _("Cooperation projects")
    if found is None:
        return FeedSubject(title=title, items=[])
    return FeedSubject(
        title=f"{title} · {found.title}",
        items=latest_projects(section=found),
        link=f"{found.get_full_url(request)}projects/",
    )


TRANSFERS = PortalFeed(name="sharing_transfers", route="sharing/transfers", subject=_transfers)
PROJECTS = PortalFeed(name="sharing_projects", route="sharing/projects", subject=_projects)


def section_feed_links(*, language: str) -> list[dict]:
    """The two feeds, for the <head> of every page of the section."""
    with override(language):
        return [
            *portal_feed_links(language=language, name=TRANSFERS.name, title=_("Policy transfers")),
            *portal_feed_links(
                language=language, name=PROJECTS.name, title=_("Cooperation projects")
            ),
        ]
