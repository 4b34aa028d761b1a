from django.apps import AppConfig


class InquiriesConfig(AppConfig):
    """The former home of requests, newsletter, contributors and the outbox; now empty.

    Its models moved to `cooperation_requests`, `newsletter`, `contributors` and `mail`
    (migration `inquiries/0011_move_models_to_their_apps` and the new apps' first migrations,
    see docs/development.md, "Moving models between apps"). It stays installed only for its
    migration history: the new apps' migrations depend on `inquiries/0010`, and a database
    made before the split has its tables and content types from these migrations. It has no
    models, views, URLs or templates, and nothing may import it.
    """

    name = "policyshare.inquiries"
    label = "inquiries"
    default_auto_field = "django.db.models.BigAutoField"
