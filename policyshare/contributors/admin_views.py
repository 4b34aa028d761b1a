"""The admin page where editors invite partner-city contributors."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from policyshare.core.views import admin_permission_required

from . import services
from .forms import ContributorInviteForm
from .models import PartnerContributor

INVITE_PERMISSION = "contributors.invite_contributors"


@admin_permission_required(INVITE_PERMISSION)
def index(request):
    if request.method == "POST":
        form = ContributorInviteForm(request.POST)
        if form.is_valid():
            try:
                contributor = services.invite_contributor(
                    invited_by=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                for field, errors in error.message_dict.items():
                    for message in errors:
                        form.add_error(field if field in form.fields else None, message)
            else:
                messages.success(
                    request,
                    _("Invitation sent to %(email)s.") % {"email": contributor.user.email},
                )
                return redirect("contributors_admin:index")
    else:
        form = ContributorInviteForm()
    return render(
        request,
        "contributors/admin/index.html",
        {
            "form": form,
            "contributors": PartnerContributor.objects.select_related("user", "invited_by"),
        },
    )
