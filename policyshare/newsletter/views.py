"""Public newsletter pages: subscribe, confirm (double opt-in), unsubscribe."""

from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from policyshare.core.languages import reader_language
from policyshare.core.views import form_response, private, refused_over_limit

from . import services
from .forms import NewsletterForm


@require_http_methods(["GET", "POST"])
def subscribe(request):
    language = reader_language()
    choices = services.theme_choices(language)
    refused = False
    if request.method == "POST":
        form = NewsletterForm(request.POST, theme_choices=choices, language=language)
        if form.is_valid() and not (
            refused := refused_over_limit(request, form, scope="newsletter")
        ):
            services.subscribe(
                email=form.cleaned_data["email"],
                language=form.cleaned_data["language"],
                theme_slugs=form.cleaned_data.get("themes", []),
                consent_text=form.consent_text,
            )
            return redirect("newsletter:check_inbox")
    else:
        form = NewsletterForm(
            theme_choices=choices, language=language, initial={"language": language}
        )
    return form_response(request, "newsletter/subscribe.html", {"form": form}, refused=refused)


def check_inbox(request):
    return render(
        request,
        "message.html",
        {
            "title": _("Check your inbox"),
            "message": _(
                "If the address is right, a message with a confirmation link is on its "
                "way. Your subscription starts when you follow it (within seven days)."
            ),
        },
    )


@private
@require_http_methods(["GET", "POST"])
def confirm(request, signed: str):
    subscription = services.subscription_from(
        signed,
        salt=services.CONFIRM_SALT,
        max_age=services.CONFIRM_MAX_AGE,
    )
    if subscription is None:
        return render(
            request,
            "message.html",
            {
                "title": _("Link not valid"),
                "message": _(
                    "This confirmation link is not valid or has expired. Subscribe "
                    "again to get a new one."
                ),
            },
            status=404,
        )
    if request.method == "POST":
        services.confirm(subscription=subscription, choices=request.POST.get("choices", ""))
        return render(
            request,
            "message.html",
            {
                "title": _("Subscription confirmed"),
                "message": _(
                    "Thank you. You will receive the newsletter; every issue has a link "
                    "to unsubscribe."
                ),
            },
        )
    return render(
        request,
        "newsletter/confirm.html",
        {
            "choices": request.GET.get("choices", "")[:2000],
        },
    )


@csrf_exempt  # RFC 8058: mail programs POST the one-click unsubscribe without a CSRF token.
@private
@require_http_methods(["GET", "POST"])
def unsubscribe(request, signed: str):
    subscription = services.subscription_from(signed, salt=services.UNSUBSCRIBE_SALT)
    if request.method == "POST":
        # Idempotent: an address already removed gets the same answer.
        if subscription is not None:
            services.unsubscribe(subscription=subscription)
        return render(
            request,
            "message.html",
            {
                "title": _("Unsubscribed"),
                "message": _(
                    "You will receive no more newsletters, and your address has been deleted."
                ),
            },
        )
    if subscription is None:
        return render(
            request,
            "message.html",
            {
                "title": _("Unsubscribed"),
                "message": _("This address receives no newsletter."),
            },
        )
    return render(request, "newsletter/unsubscribe.html", {})
