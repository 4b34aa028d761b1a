"""Editor panels that apps above `core` provide for `core`'s own page types.

`core` imports no other policyshare app, yet its StandardPage's editor shows the translation
status, which the `translations` app computes. The page declares a `HookPanel` where that
panel goes; the first function registered for the hook (a Wagtail hook, in the providing
app's `wagtail_hooks.py`) gives the panel when Wagtail builds the edit form. Page types in
domain apps do not need this: they may import the panel directly.
"""

from wagtail import hooks
from wagtail.admin.panels import Panel

# Hook functions take the page model and return a panel (or None to leave the place empty).
STATUS_PANEL_HOOK = "portal_page_status_panel"


class HookPanel(Panel):
    """A place in an edit form filled by the first panel a Wagtail hook gives; empty without."""

    def __init__(self, hook_name: str, **kwargs):
        self.hook_name = hook_name
        super().__init__(**kwargs)

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "hook_name": self.hook_name}

    def bind_to_model(self, model):
        # Wagtail binds the panels once per model, after every app's wagtail_hooks is loaded.
        for provide in hooks.get_hooks(self.hook_name):
            panel = provide(model)
            if panel is not None:
                return panel.bind_to_model(model)
        return super().bind_to_model(model)

    class BoundPanel(Panel.BoundPanel):
        def is_shown(self):
            return False  # only reached when no app provides the panel
