"""Search contribution of a content type (work in progress on this branch)."""


class SearchContribution:
    pass
