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

        def _load(self):
            if hasattr(self, "_state"):
                return
            from .selectors import translation_state, translations_of

            instance = self.instance
            self._state = None
            self._translations = []
            if instance is None or not instance.pk:
                return
            self._state = translation_state(instance)
            if self._state is None:
                self._translations = translations_of(instance)

        def is_shown(self):
            self._load()
            return super().is_shown() and (self._state is not None or bool(self._translations))

        def get_context_data(self, parent_context=None):
            self._load()
            context = super().get_context_data(parent_context)
            context["state"] = self._state
            context["translations"] = self._translations
            content_type = ContentType.objects.get_for_model(type(self.instance))
            context["status_url"] = reverse(
                "translations:item", args=[content_type.pk, self.instance.pk]
            )
            return context
