"""Feed contribution of a content type (work in progress on this branch)."""


class FeedContribution:
    pass
