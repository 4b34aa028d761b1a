"""Writes for cooperation requests: submission, handling by staff, erasure, rate limits."""

import hashlib
import hmac
import secrets
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug

from policyshare.core.datetimes import valid_zone
from policyshare.events.models import EventIndexPage, EventPage, EventSession
from policyshare.mail.services import delete_mail_about, queue_collected_mail, queue_mail
from policyshare.sharing.services import record_firm_interest

from .models import (
    CooperationRequest,
    EventKind,
    ReferenceCounter,
    RequestEvent,
    RequestKind,
    RequestNote,
    RequestReply,
    RequestStatus,
)

ERASED = "[erased]"


# --- Tokens and references ----------------------------------------------------------------


def hash_token(token: str) -> str:
    # The token has 256 random bits, so a plain digest cannot be reversed or guessed.
    return hashlib.sha256(token.encode()).hexdigest()


def find_by_token(token: str) -> CooperationRequest | None:
    if not token or len(token) > 100:
        return None
    return (
        CooperationRequest.objects.filter(access_token_hash=hash_token(token))
        .prefetch_related("policies")
        .first()
    )


def token_opens(request: CooperationRequest, token: str) -> bool:
    """Whether `token` is the request's current private link."""
    stored = request.access_token_hash
    return bool(token and stored) and hmac.compare_digest(stored, hash_token(token))


@transaction.atomic
def next_reference(*, year: int) -> str:
    """PS-YYYY-NNNNNN: the next number of the year, taken under a row lock."""
    counter, _created = ReferenceCounter.objects.select_for_update().get_or_create(year=year)
    ReferenceCounter.objects.filter(pk=counter.pk).update(last_number=F("last_number") + 1)
    counter.refresh_from_db()
    return f"PS-{year:04d}-{counter.last_number:06d}"


def tracking_path(*, token: str, language: str) -> str:
    with translation.override(language):
        return reverse("inquiries:track", kwargs={"token": token})


def tracking_url(*, token: str, language: str) -> str:
    """The private link as mailed: on the site's public address (SITE_URL)."""
    return settings.SITE_URL.rstrip("/") + tracking_path(token=token, language=language)


# --- Submission ---------------------------------------------------------------------------


@transaction.atomic
def submit_request(
    *, kind: str, language: str, consent_text, policies=(), **fields
) -> tuple[CooperationRequest, str]:
    """Save a valid request, record it and queue the acknowledgement.

    `consent_text` is the consent wording shown with the form (`consent.ConsentText`).

    Returns the request and its private tracking token (which is stored only as a hash).
    """
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    request = CooperationRequest(
        kind=kind,
        language=language,
        reference=next_reference(year=timezone.localdate(now).year),
        access_token_hash=hash_token(token),
        consent_given_at=now,
        consent_text=consent_text,
        **fields,
    )
    request.full_clean(exclude=["policies"])
    request.save()
    request.policies.set(policies)
    RequestEvent.objects.create(
        request=request, kind=EventKind.SUBMITTED, to_status=RequestStatus.RECEIVED
    )
    link = tracking_url(token=token, language=language)
    _mail_requester(request, "received", {"tracking_url": link}, redact_after_sending=True)
    for address in settings.REQUEST_NOTIFY_EMAILS:
        _mail_staff(request, address)
    return request, token


def _mail_requester(request, template, context=None, *, redact_after_sending=False):
    if request.is_anonymised:
        return
    with translation.override(request.language):
        context = {
            "request": request,
            "site_url": settings.SITE_URL,
            "new_link_url": new_link_url(language=request.language),
            **(context or {}),
        }
        subject = render_to_string(f"cooperation_requests/email/{template}_subject.txt", context)
        body = render_to_string(f"cooperation_requests/email/{template}.txt", context)
    queue_mail(
        to=request.email,
        subject=subject,
        body=body,
        request=request,
        language=request.language,
        redact_after_sending=redact_after_sending,
    )


def _mail_requester_update(request, *, since) -> None:
    """Tell the requester what a handler changed: status changes and replies made within
    REQUEST_UPDATE_MAIL_WAIT_MINUTES of each other go out as one mail (assigning, scheduling
    and replying in one sitting is one mail, not three). `since`: when this change was made.
    """
    if request.is_anonymised:
        return

    def compose(collecting_since):
        # As it stands now: the caller's copy may predate an earlier change in this sitting.
        current = CooperationRequest.objects.get(pk=request.pk)
        status_changed = request.events.filter(
            kind=EventKind.STATUS_CHANGED, created_at__gte=collecting_since
        ).exists()
        replies = list(request.replies.filter(created_at__gte=collecting_since).order_by("pk"))
        if status_changed and not replies:
            template = "status_changed"
        elif replies and not status_changed:
            template = "reply"
        else:
            template = "update"
        with translation.override(request.language):
            context = {
                "request": current,
                "site_url": settings.SITE_URL,
                "new_link_url": new_link_url(language=request.language),
                "status_changed": status_changed,
                "replies": replies,
            }
            subject = render_to_string(
                f"cooperation_requests/email/{template}_subject.txt", context
            )
            body = render_to_string("cooperation_requests/email/update.txt", context)
        return subject, body

    queue_collected_mail(
        key=f"request-update:{request.pk}",
        since=since,
        hold=timedelta(minutes=settings.REQUEST_UPDATE_MAIL_WAIT_MINUTES),
        compose=compose,
        to=request.email,
        language=request.language,
        request=request,
    )


def _mail_staff(request, address):
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "request": request,
            "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
            + reverse("inquiries_admin:detail", args=[request.pk]),
        }
        subject = render_to_string("cooperation_requests/email/staff_new_subject.txt", context)
        body = render_to_string("cooperation_requests/email/staff_new.txt", context)
    queue_mail(
        to=address,
        subject=subject,
        body=body,
        request=request,
        language=settings.LANGUAGE_CODE,
    )


# --- Handling by staff --------------------------------------------------------------------


@transaction.atomic
def change_status(*, request: CooperationRequest, status: str, actor, reason: str = "") -> bool:
    """Move a request to a status, record who did it and tell the requester.

    Declining needs a reason, which the requester is told. False when nothing changed.
    """
    request = CooperationRequest.objects.select_for_update().get(pk=request.pk)
    if status not in RequestStatus.values:
        raise ValidationError(_("Unknown status."))
    reason = reason.strip()
    if status == RequestStatus.DECLINED and not reason:
        raise ValidationError({"reason": _("Give the reason for declining the request.")})
    if status == request.status:
        return False
    previous = request.status
    request.status = status
    request.decline_reason = reason if status == RequestStatus.DECLINED else ""
    request.save(update_fields=["status", "decline_reason", "updated_at"])
    event = RequestEvent.objects.create(
        request=request,
        kind=EventKind.STATUS_CHANGED,
        from_status=previous,
        to_status=status,
        actor=actor,
        detail=request.decline_reason,
    )
    _mail_requester_update(request, since=event.created_at)
    return True


@transaction.atomic
def assign(*, request: CooperationRequest, assignee, actor) -> None:
    """Give a request to a staff member; a newly received request becomes "assigned"."""
    request = CooperationRequest.objects.select_for_update().get(pk=request.pk)
    if request.assigned_to_id == (assignee.pk if assignee else None):
        return
    request.assigned_to = assignee
    request.save(update_fields=["assigned_to", "updated_at"])
    RequestEvent.objects.create(
        request=request,
        kind=EventKind.ASSIGNED,
        actor=actor,
        detail=assignee.get_username() if assignee else "",
    )
    if assignee is not None and request.status == RequestStatus.RECEIVED:
        change_status(request=request, status=RequestStatus.ASSIGNED, actor=actor)


@transaction.atomic
def add_note(*, request: CooperationRequest, author, body: str) -> RequestNote:
    note = RequestNote.objects.create(request=request, author=author, body=body.strip())
    RequestEvent.objects.create(request=request, kind=EventKind.NOTE_ADDED, actor=author)
    CooperationRequest.objects.filter(pk=request.pk).update(updated_at=timezone.now())
    return note


@transaction.atomic
def add_reply(*, request: CooperationRequest, author, body: str) -> RequestReply:
    """A message to the requester: shown on the tracking page and e-mailed."""
    if request.is_anonymised:
        raise ValidationError(_("This request has been anonymised; nobody can be replied to."))
    reply = RequestReply.objects.create(request=request, author=author, body=body.strip())
    RequestEvent.objects.create(request=request, kind=EventKind.REPLY_SENT, actor=author)
    CooperationRequest.objects.filter(pk=request.pk).update(updated_at=timezone.now())
    _mail_requester_update(request, since=reply.created_at)
    return reply


# The statuses in which staff have taken a request up: only then does an officials
# invitation become a public interest of the firm.
ACCEPTED_STATUSES = {RequestStatus.IN_PROGRESS, RequestStatus.SCHEDULED, RequestStatus.COMPLETED}


@transaction.atomic
def record_interest_from_request(
    *,
    request: CooperationRequest,
    firm,
    city=None,
    policy=None,
    note: str = "",
    note_language: str = "en",
    public: bool = True,
    actor,
):
    """Record the firm's interest (sharing.FirmInterest) from an officials invitation that
    staff took up, link it to the request and log it. Once per request."""
    request = CooperationRequest.objects.select_for_update().get(pk=request.pk)
    if request.kind != RequestKind.OFFICIALS_INVITATION:
        raise ValidationError(_("Only an officials invitation records a firm's interest."))
    if request.status not in ACCEPTED_STATUSES:
        raise ValidationError(_("Take the request up first (in progress, scheduled or completed)."))
    if request.firm_interest_id is not None:
        raise ValidationError(_("The firm's interest was already recorded for this request."))
    interest = record_firm_interest(
        firm=firm,
        city=city,
        policy=policy,
        note=note,
        note_language=note_language,
        public=public,
    )
    request.firm_interest = interest
    request.save(update_fields=["firm_interest", "updated_at"])
    RequestEvent.objects.create(
        request=request, kind=EventKind.INTEREST_RECORDED, actor=actor, detail=str(interest)
    )
    return interest


# --- An event from a request ---------------------------------------------------------------

EVENT_KINDS = {RequestKind.STUDY_VISIT: "study_visit", RequestKind.WEBINAR: "webinar"}
# The draft's capacity when the request gives no number of participants.
DEFAULT_CAPACITY = 30
# A request without dates gets a session this far ahead, titled as a placeholder.
PLACEHOLDER_AHEAD = timedelta(days=60)


def event_section_for(cooperation_request: CooperationRequest):
    """The events section in the request's language, else in the default language."""
    sections = EventIndexPage.objects.select_related("locale")
    return (
        sections.filter(locale__language_code=cooperation_request.language).first()
        or sections.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    )


def can_create_event(*, user, cooperation_request: CooperationRequest, section=None) -> bool:
    """Whether `user` may turn the request into an event: a study-visit or webinar request,
    and the Wagtail page permission to add an event under the events section it goes to."""
    if not cooperation_request.may_become_event:
        return False
    section = section or event_section_for(cooperation_request)
    if section is None:
        return False
    return bool(
        section.permissions_for_user(user).can_add_subpage() and EventPage.can_create_at(section)
    )


def _event_zone(cooperation_request: CooperationRequest) -> str:
    """A study visit takes place in Seoul; a webinar is set in the requesting city's zone
    (its city record's, else the one the requester's browser gave), else Seoul's."""
    if cooperation_request.kind == RequestKind.WEBINAR:
        city = cooperation_request.city_record
        return (
            valid_zone(city.time_zone if city else "")
            or valid_zone(cooperation_request.time_zone)
            or "Asia/Seoul"
        )
    return "Asia/Seoul"


def _event_session(cooperation_request: CooperationRequest, zone: str):
    """The session of the requested dates (a study visit's days 09:00-18:00, a webinar's
    first day 10:00-12:00), or a placeholder two months ahead the editor must change."""
    tz = ZoneInfo(zone)
    first = cooperation_request.date_from or cooperation_request.date_to
    title = ""
    if first is None:
        first = timezone.localdate() + PLACEHOLDER_AHEAD
        title = _("Date to be confirmed: change it before publishing")
    last = max(cooperation_request.date_to or first, first)
    if cooperation_request.kind == RequestKind.WEBINAR:
        start = datetime.combine(first, time(10, 0), tz)
        end = datetime.combine(first, time(12, 0), tz)
    else:
        start = datetime.combine(first, time(9, 0), tz)
        end = datetime.combine(last, time(18, 0), tz)
    return EventSession(sort_order=0, title=title, start=start, end=end, time_zone=zone)


def _in_locale(pages, locale):
    """Each page's version in `locale`, when it has one."""
    found = []
    for page in pages:
        if page.locale_id == locale.pk:
            found.append(page)
        else:
            version = page.get_translation_or_none(locale)
            if version is not None:
                found.append(version.specific)
    return found


@transaction.atomic
def create_event_from_request(*, request: CooperationRequest, actor):
    """A draft event prepared from a study-visit or webinar request, under the events
    section of the request's language (else the default language's), linked to the request
    and recorded in its history. Returns (event, created): a request already linked to an
    event gets that event back and nothing new is made."""
    request = CooperationRequest.objects.select_for_update().get(pk=request.pk)
    if request.event_page_id is not None:
        return request.event_page, False
    if not request.may_become_event:
        raise ValidationError(_("Only a study-visit or webinar request becomes an event."))
    if request.is_anonymised:
        raise ValidationError(_("The request's data were erased."))
    section = event_section_for(request)
    if section is None:
        raise ValidationError(_("There is no events section to add the event to."))
    language = section.locale.language_code
    policies = _in_locale(list(request.policies.all()), section.locale)
    themes = {
        theme.pk: theme
        for policy in policies
        for theme in policy.themes.all()
        if theme.locale_id == section.locale_id
    }
    zone = _event_zone(request)
    with translation.override(language):
        # The country's name in the event's language too.
        values = {
            "city": request.city,
            "country": str(request.country.name),
            "topic": request.topic,
        }
        if request.kind == RequestKind.WEBINAR:
            title = _("Webinar for %(city)s: %(topic)s") % values
        else:
            title = _("Study visit from %(city)s: %(topic)s") % values
        summary = (
            _("Programme prepared for a delegation from %(city)s (%(country)s) on: %(topic)s.")
            % values
        )
        session = _event_session(request, zone)
    event = EventPage(
        title=title[:255],
        slug=find_available_slug(section, request.reference.lower()),
        locale=section.locale,
        kind=EVENT_KINDS[request.kind],
        summary=summary,
        capacity=request.participants or DEFAULT_CAPACITY,
        live=False,
    )
    event.sessions.add(session)
    event.themes.set(list(themes.values()))
    event.related_policies.set(policies)
    section.add_child(instance=event)
    event.save_revision(user=actor, log_action=True)
    request.event_page = event
    request.save(update_fields=["event_page", "updated_at"])
    RequestEvent.objects.create(
        request=request,
        kind=EventKind.EVENT_CREATED,
        actor=actor,
        detail=f"{event.title} (page {event.pk})",
    )
    return event, True


# --- Personal data ------------------------------------------------------------------------


@transaction.atomic
def anonymise(*, request: CooperationRequest, actor=None, detail: str = "") -> None:
    """Erase what identifies the requester; keep what the statistics need.

    Kept: reference, type, status and dates, organisation, city and country (institutions,
    not people), policies of interest, participants. Erased: name, position, e-mail, phone,
    topic, message, replies, notes, the reason for declining and every stored mail. The
    tracking link stops working.
    """
    request = CooperationRequest.objects.select_for_update().get(pk=request.pk)
    if request.is_anonymised:
        return
    request.name = ERASED
    request.position = ""
    request.email = "erased@invalid"
    request.phone = ""
    request.time_zone = ""
    request.topic = ERASED
    request.message = ""
    request.decline_reason = ""
    request.access_token_hash = None
    request.anonymised_at = timezone.now()
    request.save()
    request.replies.update(body=ERASED)
    request.notes.update(body=ERASED)
    request.events.update(detail="")
    delete_mail_about(request=request)
    RequestEvent.objects.create(
        request=request, kind=EventKind.ANONYMISED, actor=actor, detail=detail
    )


def anonymise_expired(*, days: int | None = None, now=None) -> list[str]:
    """Anonymise every request with no activity for the retention period. Returns references."""
    days = settings.REQUEST_RETENTION_DAYS if days is None else days
    cutoff = (now or timezone.now()) - timedelta(days=days)
    expired = CooperationRequest.objects.filter(anonymised_at__isnull=True, updated_at__lt=cutoff)
    references = []
    for request in expired.iterator():
        anonymise(request=request, detail=f"retention period of {days} days")
        references.append(request.reference)
    return references


@transaction.atomic
def reissue_tracking_link(*, reference: str, email: str) -> bool:
    """Mail a new private link when reference and e-mail match; the old link stops working.

    The caller answers the same either way, so the form reveals nothing about requests.
    """
    request = (
        CooperationRequest.objects.select_for_update()
        .filter(
            reference__iexact=reference.strip(),
            email__iexact=email.strip(),
            anonymised_at__isnull=True,
        )
        .first()
    )
    if request is None:
        return False
    token = secrets.token_urlsafe(32)
    request.access_token_hash = hash_token(token)
    request.save(update_fields=["access_token_hash", "updated_at"])
    link = tracking_url(token=token, language=request.language)
    _mail_requester(request, "new_link", {"tracking_url": link}, redact_after_sending=True)
    return True


def new_link_url(*, language: str) -> str:
    with translation.override(language):
        return settings.SITE_URL.rstrip("/") + reverse("inquiries:new_link")
