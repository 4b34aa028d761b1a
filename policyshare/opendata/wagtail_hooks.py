from wagtail import hooks

from policyshare.core.content.feeds import HOOK as FEED_HOOK

from . import feeds


@hooks.register(FEED_HOOK)
def latest_feed():
    return feeds.LATEST
