"""Dates and numbers as the desk reads them, in the interface's language.

``{{ value|when }}`` shows a moment in the desk's time zone (TIME_ZONE) in the
short format of the active language ("5 dic 2026, 00:32", "5 Dec 2026,
00:32"; see factcheck/formats/) inside a <time> element whose datetime and
title carry the full ISO timestamp, so hovering shows the exact moment.
``{{ value|day }}`` does the same for a calendar day; ``{{ n|number }}``
groups thousands the way the language does ("12.345", "12,345").
"""

import datetime

from django import template
from django.utils import formats, timezone
from django.utils.html import format_html

register = template.Library()


def _in_desk_zone(value: datetime.datetime) -> datetime.datetime:
    """An aware moment in the desk's zone; a naive one is taken as already local."""
    if timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def time_element(value, format_name: str) -> str:
    """The <time> element of a date or a moment ("" for None)."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime.datetime):
        value = _in_desk_zone(value)
        iso = value.isoformat(timespec="seconds")
    elif isinstance(value, datetime.date):
        iso = value.isoformat()
    else:
        return str(value)
    shown = formats.date_format(value, format_name)
    return format_html('<time datetime="{}" title="{}">{}</time>', iso, iso, shown)


@register.filter(is_safe=True)
def when(value) -> str:
    """A moment: "5 Dec 2026, 00:32" with the ISO timestamp on hover."""
    format_name = (
        "SHORT_DATETIME_FORMAT" if isinstance(value, datetime.datetime) else "SHORT_DATE_FORMAT"
    )
    return time_element(value, format_name)


@register.filter(is_safe=True)
def day(value) -> str:
    """The day only ("5 dic 2026"), with the ISO timestamp on hover."""
    return time_element(value, "SHORT_DATE_FORMAT")


@register.filter(is_safe=True)
def number(value) -> str:
    """A count with the language's thousands separator (never used inside URLs)."""
    if value is None or value == "":
        return ""
    return formats.number_format(value, use_l10n=True, force_grouping=True)
