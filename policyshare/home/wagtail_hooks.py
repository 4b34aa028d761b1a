from wagtail import hooks

from policyshare.opendata.services import AFTER_IMPORT_HOOK
from policyshare.policies.models import PolicyLibraryPage

from .services import ensure_policy_review


@hooks.register(AFTER_IMPORT_HOOK)
def restore_policy_review():
    """An imported site's policy libraries go through review again (archives hold content,
    not workflows)."""
    ensure_policy_review(libraries=list(PolicyLibraryPage.objects.all()))
