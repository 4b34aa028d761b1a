"""`{% zoned_time value zone %}`: a `<time>` in the reader's format with its zone named;
`{{ value|zoned:zone }}`: the same as plain text, for mails (`core.datetimes`)."""

from django import template
from django.utils.html import format_html

from policyshare.core.datetimes import format_datetime, in_zone, zone_label

register = template.Library()


@register.filter
def zoned(value, zone=""):
    if not value:
        return ""
    return format_datetime(value, zone=zone)


@register.simple_tag
def zoned_time(value, zone=""):
    if not value:
        return ""
    local = in_zone(value, zone)
    text = format_datetime(value, zone=zone)
    label = zone_label(local)
    # The zone is Latin text ("KST (UTC+9)"): isolated, so it keeps its order in Arabic.
    # To the second: HTML allows at most three digits of a fraction, Python writes six.
    return format_html(
        '<time datetime="{}">{} <bdi>{}</bdi></time>',
        local.isoformat(timespec="seconds"),
        text[: -len(label) - 1],
        label,
    )
