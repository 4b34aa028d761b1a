"""The translation status at the top of the page and snippet editors."""

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class TranslationStatusPanel(Panel):
    """Field by field: up to date, outdated, still the source text, or machine translated."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Translation status"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "translations/panels/status.html"

        @property
        def _state(self):
            if not hasattr(self, "_cached_state"):
                from .selectors import translation_state

                instance = self.instance
                self._cached_state = (
                    translation_state(instance) if instance is not None and instance.pk else None
                )
            return self._cached_state

        def is_shown(self):
            return super().is_shown() and self._state is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            state = self._state
            context["state"] = state
            content_type = ContentType.objects.get_for_model(type(self.instance))
            context["status_url"] = reverse(
                "translations:item", args=[content_type.pk, self.instance.pk]
            )
            return context
