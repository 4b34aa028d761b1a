"""Metadata and JSON-LD contribution of a content type (work in progress on this branch)."""


class MetadataContribution:
    pass
