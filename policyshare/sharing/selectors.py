"""Reads of the policy-sharing records that more than one view, feed or endpoint reuses."""

from django.conf import settings
from django.db import connection
from django.db.models import Q
from django.utils.text import slugify

from .models import City, PolicyTransfer

# A lineage deeper than this is a data error, not a chain of transfers: the recursive
# queries stop there, so even a cycle written past the validation cannot loop for ever.
MAX_LINEAGE_DEPTH = 50


def _table() -> str:
    return connection.ops.quote_name(PolicyTransfer._meta.db_table)


def lineage_ancestor_ids(transfer_id: int) -> list[int]:
    """The ids of the transfer's ancestors, nearest first (its parent, its parent's parent, …),
    read with one recursive query."""
    sql = f"""
        WITH RECURSIVE ancestors(id, parent_id, depth) AS (
            SELECT id, parent_id, 0 FROM {_table()} WHERE id = %s
            UNION ALL
            SELECT t.id, t.parent_id, a.depth + 1
            FROM {_table()} t JOIN ancestors a ON t.id = a.parent_id
            WHERE a.depth < %s
        )
        SELECT id FROM ancestors WHERE depth > 0 ORDER BY depth
    """  # noqa: S608 (the table name is the model's, quoted; values are parameters)
    with connection.cursor() as cursor:
        cursor.execute(sql, [transfer_id, MAX_LINEAGE_DEPTH])
        return [row[0] for row in cursor.fetchall()]


def lineage_descendant_ids(transfer_ids: list[int]) -> dict[int, int]:
    """{id: depth} of the transfers and everything descending from them (depth 0 for the
    given ones), read with one recursive query."""
    if not transfer_ids:
        return {}
    placeholders = ", ".join(["%s"] * len(transfer_ids))
    sql = f"""
        WITH RECURSIVE descendants(id, depth) AS (
            SELECT id, 0 FROM {_table()} WHERE id IN ({placeholders})
            UNION ALL
            SELECT t.id, d.depth + 1
            FROM {_table()} t JOIN descendants d ON t.parent_id = d.id
            WHERE d.depth < %s
        )
        SELECT id, MIN(depth) FROM descendants GROUP BY id
    """  # noqa: S608 (the table name is the model's, quoted; values are parameters)
    with connection.cursor() as cursor:
        cursor.execute(sql, [*transfer_ids, MAX_LINEAGE_DEPTH])
        return dict(cursor.fetchall())


def city_named(name: str, *, country: str = "") -> City | None:
    """The known city a typed name means: its slug, or its name in any content language,
    ignoring case, within `country` when given. None when no city or more than one matches
    (two Springfields are not guessed between). One query."""
    name = " ".join(name.split())
    if not name:
        return None
    condition = Q(slug=slugify(name))
    for code, _label in settings.WAGTAIL_CONTENT_LANGUAGES:
        condition |= Q(**{f"names__{code}__iexact": name})
    cities = City.objects.filter(condition)
    if country:
        cities = cities.filter(country=country)
    matches = list(cities[:2])
    return matches[0] if len(matches) == 1 else None
