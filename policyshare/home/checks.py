"""Production refuses to start when SITE_URL and the default Wagtail site disagree.

Wagtail builds canonical links, hreflang alternates, feeds and sitemaps from the default
site's hostname and port; mails use SITE_URL. If they differ, half the links point where
nothing runs. The check reads the database, so it is tagged `database`: Django runs it only
when asked (`check --database default`, `migrate`, and gunicorn's start, deploy/gunicorn.conf.py),
never in `check --deploy` on a machine without the tables.
"""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.db import connections
from wagtail.models import Site

from .services import site_address


@register(Tags.database)
def check_site_url_matches_default_site(app_configs=None, databases=None, **kwargs):
    if databases is None or settings.DEBUG:
        return []  # development: `make run` sets the site from HOST and PORT
    errors = []
    for alias in databases:
        if Site._meta.db_table not in connections[alias].introspection.table_names():
            continue  # not migrated yet: the first `migrate` runs this before the tables exist
        site = Site.objects.using(alias).filter(is_default_site=True).first()
        expected = site_address(settings.SITE_URL)
        if site is None or (site.hostname, site.port) != expected:
            found = f"{site.hostname}:{site.port}" if site else "no default site"
            errors.append(
                Error(
                    f"SITE_URL ({settings.SITE_URL}) and the default Wagtail site ({found}) "
                    "disagree, so links in pages and in mails would point to different places.",
                    hint="Run `manage.py ensure_site`, which sets the site from SITE_URL, "
                    "or correct SITE_URL.",
                    id="home.E001",
                )
            )
    return errors
