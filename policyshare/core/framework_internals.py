"""The two places where the serving layer relies on framework internals, isolated here.

Issue 14 asked to rebuild the serving layer on documented mechanisms, and to keep a piece
that rests on internals only where a measurement shows that the documented way cannot come
close. Both pieces below are such cases (bench/load/README.md, "Framework internals: the
measured gain"): without them an uncached policy page cost about twice the app CPU, and
every request looked its site up in the database again. Nothing else in the project touches
a private attribute of Django or Wagtail; `policyshare/core/tests/test_framework_internals.py`
fails on a Django or Wagtail upgrade that breaks either piece, and says which.

1. `PreparedRead`: reads whose SQL Django builds once per process.

   Django builds a queryset's SQL every time the queryset runs: it resolves the columns,
   the joins and the ordering, and for a page model (fifty columns, a join per parent class)
   that costs more than PostgreSQL takes to answer. The reads every uncached page makes (the
   page itself, its indicators, attachments, related policies, themes and versions) are
   always the same shape with another value, so a `PreparedRead` builds its queryset once
   per database with placeholder values, keeps the SQL and the compiler Django made for it,
   and runs that SQL with the real values. Django turns the rows into model instances
   exactly as for the queryset itself (`ModelIterable`, with select_related, only() and
   annotations). It relies on `ModelIterable` asking the query for its compiler
   (`Query.get_compiler`), and on the compiler running what its `as_sql()` returns. Values
   are prepared for the database by their fields (`Field.get_db_prep_value`), as the ORM
   does for an exact lookup; only exact look-ups are allowed, and preparing refuses a
   queryset whose SQL does not carry each placeholder exactly once. `has_unsaved_relation`
   tells a page whose rows only modelcluster holds (a preview) from one read from the
   database, so that only the latter takes the prepared reads.

2. `site_key` and `remember_site`: the request's Wagtail site and the sites' root paths,
   set where Wagtail's own per-request caches keep them (`request._wagtail_site`, read by
   `Site.find_for_request`, and `request._wagtail_cached_site_root_paths`, read by
   `Page._get_site_root_paths`), from the fragment cache (`CachedSiteMiddleware`). Wagtail
   offers no documented way to hand it a site it has already found.
"""

import copy
import threading
import uuid
from collections.abc import Callable

from django.db import connections, router
from django.db.models import Field, QuerySet

_PLACEHOLDERS = {
    "int": -1_999_999_917,
    "str": "\x1fpolicyshare-prepared-{}\x1f",
    "uuid": uuid.UUID("00000000-0000-4000-8000-00000000f00d"),
}


class PreparedRead:
    """`PreparedRead(model, build, fields)(*values)` is `list(build(*values))`, without
    building the SQL again. `build` makes the queryset of `model` from the values; `fields`
    are the model fields the values are compared with, to prepare them as the database wants
    them."""

    def __init__(self, model, build: Callable[..., QuerySet], fields: list[Field]):
        self._model = model
        self._build = build
        self._fields = fields
        self._prepared: dict[str, tuple] = {}
        self._lock = threading.Lock()

    def __call__(self, *values) -> list:
        alias = router.db_for_read(self._model)
        prepared = self._prepared.get(alias) or self._prepare(alias)
        template, compiler, sql, params, positions = prepared
        connection = connections[alias]  # this thread's
        run_params = list(params)
        for position, field, value in zip(positions, self._fields, values, strict=True):
            run_params[position] = field.get_db_prep_value(value, connection, prepared=False)
        runner = copy.copy(compiler)
        runner.connection = connection
        runner.as_sql = lambda *args, **kwargs: (sql, tuple(run_params))
        clone = template.using(alias)
        clone.query.get_compiler = lambda *args, **kwargs: runner
        return list(clone)

    def _prepare(self, alias: str) -> tuple:
        with self._lock:
            if alias in self._prepared:
                return self._prepared[alias]
            connection = connections[alias]
            placeholders = [_placeholder(field, n) for n, field in enumerate(self._fields)]
            template = self._build(*placeholders).using(alias)
            if template.model is not self._model:
                raise ValueError(f"the queryset reads {template.model}, not {self._model}")
            compiler = template.query.get_compiler(using=alias)
            sql, params = compiler.as_sql()
            positions = []
            for field, placeholder in zip(self._fields, placeholders, strict=True):
                db_value = field.get_db_prep_value(placeholder, connection, prepared=False)
                found = [n for n, param in enumerate(params) if param == db_value]
                if len(found) != 1:
                    raise ValueError(
                        f"{field} must appear once, as it is, among the query's parameters"
                    )
                positions.append(found[0])
            self._prepared[alias] = (template, compiler, sql, params, positions)
            return self._prepared[alias]


def _placeholder(field: Field, n: int):
    while field.is_relation:  # a key: a value of the field it points to
        field = field.target_field
    kind = field.get_internal_type()
    if kind in ("AutoField", "BigAutoField", "IntegerField", "BigIntegerField"):
        return _PLACEHOLDERS["int"] - n
    if kind == "UUIDField":
        return uuid.UUID(int=_PLACEHOLDERS["uuid"].int + n)
    if kind in ("CharField", "TextField", "SlugField"):
        return _PLACEHOLDERS["str"].format(n)
    raise ValueError(f"no placeholder for a {kind}")


def has_unsaved_relation(instance, relation: str) -> bool:
    """True when `instance` (a modelcluster ClusterableModel: a page in a preview or a form)
    holds its own unsaved rows of `relation`, which only its manager knows, so that a prepared
    read of the database's rows would show the wrong ones. modelcluster keeps those rows in
    `_cluster_related_objects`."""
    return relation in getattr(instance, "_cluster_related_objects", {})


def site_key(request) -> tuple[str, int | str]:
    """The host and port Wagtail matches a site by: the raw Host header, as
    `Site.find_for_request` reads it (Django's `_get_raw_host`), since ALLOWED_HOSTS is
    checked later."""
    return request._get_raw_host(), request.get_port()


def remember_site(request, *, site, root_paths) -> None:
    """Give Wagtail the request's site and the sites' root paths, so that neither is looked
    up again during the request (see the module's docstring, point 2)."""
    request._wagtail_site = site
    request._wagtail_cached_site_root_paths = root_paths
