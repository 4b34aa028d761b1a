from wagtail import hooks

from policyshare.api.api import REGISTER_ROUTER_HOOK
from policyshare.core.content.feeds import HOOK as FEED_HOOK

from . import api, feeds


@hooks.register(FEED_HOOK)
def board_feed():
    return feeds.BOARD


@hooks.register(REGISTER_ROUTER_HOOK)
def open_data_api_router():
    """This app's typed endpoints on the open-data API (api.py)."""
    return api.router
