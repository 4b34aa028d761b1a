"""Keep private links out of logs.

A request's tracking link (`/<lang>/requests/track/<token>/`) and the signed links of its
confirmation page and of the newsletter (`…/requests/received/<signed>/`,
`…/newsletter/confirm/<signed>/`, `…/newsletter/unsubscribe/<signed>/`) each open a private
page to whoever holds them. Access logs are read by more people and kept longer than the
links are valid, so every log line masks the secret part of such a path:
`/en/requests/track/[private]/`. The same rule is applied by

- `PrivateLinkFilter`, a logging filter on the app's handlers (our middleware, Django's
  `django.request` and runserver's `django.server`; settings.LOGGING),
- gunicorn's access log (`deploy/gunicorn.conf.py`),
- nginx's access log (`map $request_uri` in deploy/nginx/policyshare.conf.template).

No Django import: gunicorn's configuration uses it before the app is loaded.
"""

import logging
import re
from collections.abc import Mapping, MutableMapping

MASK = "[private]"
# The route segment, then the secret up to the next "/", "?", "#", quote or space. nginx's
# map in deploy/nginx uses the same expression.
PRIVATE_LINK = re.compile(
    r"(/(?:requests/(?:track|received)|newsletter/(?:confirm|unsubscribe))/)[^/?#\s\"]+"
)


def mask_private_links(text: str) -> str:
    """`text` with the secret part of every private link in it replaced by `MASK`."""
    return PRIVATE_LINK.sub(rf"\g<1>{MASK}", text)


def _masked(value):
    return mask_private_links(value) if isinstance(value, str) else value


class PrivateLinkFilter(logging.Filter):
    """Mask private links in a record's message and its arguments; drops nothing."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = _masked(record.msg)
        if isinstance(record.args, MutableMapping):
            # In place: gunicorn's atoms are a dict subclass that must stay one.
            for key, value in record.args.items():
                record.args[key] = _masked(value)
        elif isinstance(record.args, Mapping):
            record.args = {key: _masked(value) for key, value in record.args.items()}
        elif isinstance(record.args, tuple):
            record.args = tuple(_masked(value) for value in record.args)
        return True
