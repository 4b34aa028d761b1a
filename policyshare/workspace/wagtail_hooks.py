from wagtail import hooks

from .panels import panels_for


@hooks.register("construct_homepage_panels")
def add_workspace_panels(request, panels):
    """The panels of this app the user's groups call for, after Wagtail's own."""
    panels.extend(panels_for(request.user))
