"""A warning when search documents were analysed by an older analysis than the running one.

Their terms no longer match the queries' (a French word stemmed as English, Arabic not
normalised), so some searches find less until `rebuild_search_documents` runs. Tagged
`database`: Django runs it only when asked (`check --database default`, `migrate`, and
gunicorn's start).
"""

from django.core.checks import Tags, Warning, register
from django.db import connections

from .models import SearchDocument


@register(Tags.database)
def check_documents_are_analysed_by_this_version(app_configs=None, databases=None, **kwargs):
    if not databases:
        return []
    from .services import stale_documents

    warnings = []
    for alias in databases:
        if SearchDocument._meta.db_table not in connections[alias].introspection.table_names():
            continue  # not migrated yet
        stale = stale_documents(load_analyser=False).using(alias).count()
        if stale:
            warnings.append(
                Warning(
                    f"{stale} search documents were analysed by another version of the "
                    "search analysis, so searches may miss them.",
                    hint="Run `manage.py rebuild_search_documents --if-stale` and "
                    '`manage.py update_index` (docs/search.md, "Rebuilding the index").',
                    id="portal_search.W001",
                )
            )
    return warnings
