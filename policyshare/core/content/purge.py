"""Cache-purge contribution of a content type (work in progress on this branch)."""


class PurgeContribution:
    pass
