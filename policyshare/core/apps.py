from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate


def create_cache_tables(*, using: str = "default", **kwargs) -> None:
    """Create the database cache tables (the rate-limit counters without Redis) after every
    `migrate`, so no deployment or test database needs a separate `createcachetable`.
    Creating a table that exists is a no-op."""
    call_command("createcachetable", database=using, verbosity=0)


class CoreConfig(AppConfig):
    name = "policyshare.core"
    label = "core"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import renditions, signal_handlers

        signal_handlers.register_signal_handlers()
        renditions.register_signal_handlers()
        post_migrate.connect(
            create_cache_tables, sender=self, dispatch_uid="policyshare.create_cache_tables"
        )
