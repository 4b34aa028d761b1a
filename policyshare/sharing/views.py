import logging

from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from . import iati

logger = logging.getLogger(__name__)


@require_GET
def iati_activities(request):
    """The current IATI export, built from the live projects and validated before it is
    served; the page cache keeps it until an editor publishes a change. An export that would
    not validate is never served: 503, and the errors go to the log."""
    tree = iati.build_iati_activities(base_url=request.build_absolute_uri("/"))
    errors = iati.validate_iati(tree)
    if errors:
        logger.error(
            "The IATI export does not validate, so it is not served (%d error(s)): %s",
            len(errors),
            "; ".join(errors),
        )
        response = HttpResponse(
            _("The IATI export is not available at the moment. Please try again later."),
            status=503,
            content_type="text/plain; charset=utf-8",
        )
        response["Retry-After"] = "3600"
        return response
    return HttpResponse(iati.serialise(tree), content_type="application/xml; charset=utf-8")
