from wagtail import hooks

from policyshare.api.api import REGISTER_ROUTER_HOOK

from . import api


@hooks.register(REGISTER_ROUTER_HOOK)
def open_data_api_router():
    """This app's typed endpoints on the open-data API (api.py)."""
    return api.router
