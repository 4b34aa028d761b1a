"""What each content type contributes to the shared services, declared in one place.

Search, page metadata and JSON-LD, feeds, the sitemap, the API and the cache purge are shared
code: they call the protocol below and never name a page type. A page type takes part by
inheriting `policyshare.core.models.PortalPageMixin`, which combines one mixin per concern
(`search`, `metadata`, `feeds`, `api`, `purge` in this package) with defaults that describe a
plain web page; it overrides only what differs. A snippet shown on pages (a theme, a partner)
takes part by registering with `register_snippet`.

docs/development.md walks through adding a content type.
"""

from django.db import models

_snippet_models: list[type[models.Model]] = []


def register_snippet(model: type[models.Model]) -> type[models.Model]:
    """Register a snippet model whose records appear on pages (usable as a decorator).

    The shared services then keep its search documents and the caches of the pages that
    show it in step with its changes.
    """
    if model not in _snippet_models:
        _snippet_models.append(model)
    return model


def snippet_models() -> list[type[models.Model]]:
    """The registered snippet models, in registration order."""
    return list(_snippet_models)
