from wagtail import hooks

from policyshare.core.content.feeds import HOOK as FEED_HOOK

from . import feeds


@hooks.register(FEED_HOOK)
def board_feed():
    return feeds.BOARD
