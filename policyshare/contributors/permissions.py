"""Wagtail's page permission policy, with each contributing organisation seeing its own pages.

Contributors may add pages under the policy libraries, and Wagtail lets whoever may add under
a page explore everything below it: every organisation's cases, in review or not, in the
explorer, the admin's page search and the site history report. Those all ask the registered
policy's `explorable_instances`, so narrowing it here covers them in one place.
"""

from wagtail.permission_policies.pages import PagePermissionPolicy

from . import selectors


class ContributorPagePermissionPolicy(PagePermissionPolicy):
    def explorable_instances(self, user):
        return selectors.pages_visible_to_contributor(user, super().explorable_instances(user))
