"""Admin forms of the policy-sharing snippets."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import check_stage_history


class PolicyTransferForm(WagtailAdminModelForm):
    """Checks the stage history as a whole (dates in order, exits last and explained) and
    keeps the transfer's current stage in step with it."""

    def clean(self):
        cleaned_data = super().clean()
        stages = self.formsets.get("stages") if hasattr(self, "formsets") else None
        if stages is not None and stages.is_valid():
            rows = []
            for form in stages.forms:
                data = getattr(form, "cleaned_data", None)
                if not data or data.get("DELETE") or not data.get("stage"):
                    continue
                rows.append((data.get("ORDER") or 0, data))
            rows.sort(key=lambda row: row[0])
            history = [(d["stage"], d.get("reached_on"), d.get("reason", "")) for _o, d in rows]
            if not history:
                raise ValidationError(_("Give at least one stage, with its date."))
            problems = check_stage_history(history)
            if problems:
                raise ValidationError(problems)
        return cleaned_data

    def save(self, commit=True):
        instance = super().save(commit=commit)
        if commit:
            instance.refresh_stage()
            instance.save(update_fields=["stage", "stage_year"])
        return instance
