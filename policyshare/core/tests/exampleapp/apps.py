from django.apps import AppConfig


class ExampleAppConfig(AppConfig):
    name = "policyshare.core.tests.exampleapp"
    label = "exampleapp"
    verbose_name = "Example content (tests only)"
