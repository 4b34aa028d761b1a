"""The admin page that shows the subscribers and sends the digest."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from policyshare.core.views import admin_permission_required

from . import services
from .models import NewsletterSubscription, SubscriptionStatus

NEWSLETTER_PERMISSION = "newsletter.send_newsletter"


@admin_permission_required(NEWSLETTER_PERMISSION)
def index(request):
    if request.method == "POST":
        mails, items = services.send_digest()
        messages.success(
            request,
            _("%(mails)s digests with %(items)s items queued for sending.")
            % {"mails": mails, "items": items},
        )
        return redirect("newsletter_admin:index")
    subscriptions = NewsletterSubscription.objects.all()
    return render(
        request,
        "newsletter/admin/index.html",
        {
            "active": subscriptions.filter(status=SubscriptionStatus.ACTIVE).count(),
            "pending": subscriptions.filter(status=SubscriptionStatus.PENDING).count(),
        },
    )
