"""Translation dashboard and per-item status in the Wagtail admin.

The dashboard needs `translations.view_translation_status`; acting on an item (machine
draft, approving, marking checked) needs permission to edit that item. Actions are POST
only and CSRF-protected like every admin form.
"""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import LockableMixin, Page, TranslatableMixin

from . import selectors, services
from .fields import translated_fields
from .machine import MachineTranslationError, get_backend
from .models import FieldStatus, ItemStatus
from .permissions import VIEW_STATUS_PERMISSION, can_edit


def _forbidden(request):
    # A real 403: Wagtail would turn PermissionDenied into a redirect to the dashboard.
    return TemplateResponse(request, "translations/admin/forbidden.html", status=403)


def status_viewer_required(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.has_perm(VIEW_STATUS_PERMISSION):
            return _forbidden(request)
        return view(request, *args, **kwargs)

    return wrapped


def _content_languages():
    return dict(settings.WAGTAIL_CONTENT_LANGUAGES)


def edit_url(obj) -> str:
    if isinstance(obj, Page):
        return reverse("wagtailadmin_pages:edit", args=[obj.pk])
    return reverse(obj.snippet_viewset.get_url_name("edit"), args=[obj.pk])


def create_translation_url(obj) -> str:
    """simple_translation's form for translating `obj` into other languages."""
    if isinstance(obj, Page):
        return reverse("simple_translation:submit_page_translation", args=[obj.pk])
    opts = obj._meta
    return reverse(
        "simple_translation:submit_snippet_translation",
        args=[opts.app_label, opts.model_name, obj.pk],
    )


def status_url(obj) -> str:
    content_type = ContentType.objects.get_for_model(obj)
    return reverse("translations:item", args=[content_type.pk, obj.pk])


@status_viewer_required
def dashboard(request):
    languages = _content_languages()
    language = request.GET.get("language") or ""
    if language and language not in languages:
        raise Http404
    rows = []
    if language:
        for row in selectors.overview(language_code=language):
            rows.append(
                {
                    "row": row,
                    "type": row.source._meta.verbose_name,
                    "create_url": create_translation_url(row.source)
                    if row.status == ItemStatus.MISSING
                    else None,
                    "edit_url": edit_url(row.translation) if row.translation else None,
                    "status_url": status_url(row.translation) if row.translation else None,
                    "source_url": edit_url(row.source),
                }
            )
    return TemplateResponse(
        request,
        "translations/admin/dashboard.html",
        {
            "summary": selectors.summary() if not language else None,
            "language": language,
            "language_name": languages.get(language, ""),
            "rows": rows,
            "statuses": ItemStatus,
        },
    )


def _get_item(content_type_id, object_id):
    """The page or translatable snippet, or None."""
    try:
        content_type = ContentType.objects.get_for_id(content_type_id)
    except ContentType.DoesNotExist:
        return None
    model = content_type.model_class()
    if model is None or not issubclass(model, TranslatableMixin):
        return None
    if not (issubclass(model, Page) or translated_fields(model)):
        return None
    try:
        obj = model._default_manager.get(pk=object_id)
    except (model.DoesNotExist, ValueError):
        return None
    return obj.specific if isinstance(obj, Page) else obj


def item_access(view):
    @wraps(view)
    def wrapped(request, content_type_id, object_id):
        obj = _get_item(content_type_id, object_id)
        if obj is None:
            raise Http404
        if not can_edit(request.user, obj):
            return _forbidden(request)
        return view(request, obj)

    return wrapped


@item_access
def item(request, obj):
    state = selectors.translation_state(obj)
    return TemplateResponse(
        request,
        "translations/admin/item.html",
        {
            "object": obj,
            "object_content_type_id": ContentType.objects.get_for_model(obj).pk,
            "state": state,
            "edit_url": edit_url(obj),
            "source_edit_url": edit_url(state.source) if state else None,
            "machine_available": get_backend() is not None,
            "statuses": FieldStatus,
            "translations": selectors.translations_of(obj) if state is None else [],
        },
    )


def _back(obj):
    return redirect(status_url(obj))


def _field_names(request, obj):
    allowed = set(translated_fields(obj))
    names = [name for name in request.POST.getlist("field") if name in allowed]
    return names


@require_POST
@item_access
def machine_draft(request, obj):
    backend = get_backend()
    if backend is None:
        messages.error(request, _("Machine translation is not configured."))
        return _back(obj)
    # `DraftStateMixin.get_lock` (themes) needs `LockableMixin`, which only pages have here.
    lock = obj.get_lock() if isinstance(obj, LockableMixin) else None
    if lock is not None and lock.for_user(request.user):
        # Locked by someone else, or in a workflow step this user cannot edit.
        messages.error(request, _("This page is locked; it cannot be changed now."))
        return _back(obj)
    try:
        filled = services.draft_machine_translation(
            translation=obj, backend=backend, user=request.user
        )
    except MachineTranslationError as error:
        messages.error(request, str(error))
        return _back(obj)
    except ValueError:
        messages.error(request, _("This is an original, not a translation."))
        return _back(obj)
    if filled:
        messages.success(
            request,
            _("Machine translation saved as a draft. Review each field, then approve it."),
        )
    else:
        messages.warning(request, _("The source has no text to translate."))
    return _back(obj)


@require_POST
@item_access
def approve(request, obj):
    names = _field_names(request, obj) or None
    services.approve_machine_translation(translation=obj, field_names=names)
    messages.success(request, _("Machine translation approved."))
    return _back(obj)


@require_POST
@item_access
def mark_checked(request, obj):
    names = _field_names(request, obj)
    if not names:
        messages.error(request, _("Choose the fields you have checked."))
        return _back(obj)
    services.mark_checked(translation=obj, field_names=names)
    messages.success(request, _("Marked as up to date."))
    return _back(obj)
