"""Template helpers of the editor screens: the highlighted article text,
badges, verdict labels in the reader's language, and query strings."""

from django import template
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def rating_label(rating) -> str:
    if rating is None:
        return _("No verdict")
    return rating.label_for(get_language() or "en")


@register.simple_tag(takes_context=True)
def querystring_with(context, **changes) -> str:
    """The current query string with some parameters replaced (None or "" drops one)."""
    params = context["request"].GET.copy()
    for name, value in changes.items():
        if value is None or value == "":
            params.pop(name, None)
        else:
            params[name] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


def _spans(claims, length: int):
    """(start, end, kind, claim) for every span that lies inside the text."""
    for number, claim in enumerate(claims, start=1):
        claim.number = number
        for kind, start, end in (
            ("claim", claim.content_start, claim.content_end),
            ("source", claim.source_start, claim.source_end),
            ("cue", claim.cue_start, claim.cue_end),
            ("channel", claim.channel_start, claim.channel_end),
        ):
            if start is None or end is None or not 0 <= start < end <= length:
                continue
            yield start, end, kind, claim


@register.simple_tag
def highlighted_text(text: str, claims) -> str:
    """The article text with its claims, sources, cues and channels marked in place.

    Every piece of the text is escaped; only the tags built here are markup,
    so an article containing HTML or a script is shown as inert text. The
    text is cut at every span boundary, and each piece is wrapped in the
    spans that cover it, so overlapping and nested spans stay well formed.
    """
    text = text or ""
    spans = list(_spans(claims, len(text)))
    boundaries = sorted({0, len(text), *(s[0] for s in spans), *(s[1] for s in spans)})
    starts: dict[int, list] = {}
    for span in spans:
        starts.setdefault(span[0], []).append(span)
    active: list = []
    out = []
    for left, right in zip(boundaries, boundaries[1:], strict=False):
        active = [span for span in active if span[1] > left]
        for span in starts.get(left, []):
            active.append(span)
            if span[2] == "claim":
                claim = span[3]
                out.append(
                    format_html(
                        '<a class="claim-ref" id="claim-{}" href="{}" aria-label="{}">{}</a>',
                        claim.pk,
                        reverse("claims:claim_detail", args=[claim.pk]),
                        _("Claim %(number)d") % {"number": claim.number},
                        claim.number,
                    )
                )
        piece = escape(text[left:right])
        # Attribution marks inside, the claim's mark outermost.
        for _start, _end, kind, claim in sorted(active, key=lambda s: s[2] == "claim"):
            if kind == "claim":
                piece = (
                    f'<mark class="claim status-{escape(claim.status)}" '
                    f'data-claim="{claim.pk}">{piece}</mark>'
                )
            else:
                piece = f'<span class="att att-{kind}" data-claim="{claim.pk}">{piece}</span>'
        out.append(piece)
    return mark_safe("".join(out))


def _badge(css: str, label: str, value) -> str:
    if label:
        return format_html(
            '<li class="badge {}" title="{}"><span class="visually-hidden">{}: </span>{}</li>',
            css,
            label,
            label,
            value,
        )
    return format_html('<li class="badge {}">{}</li>', css, value)


@register.simple_tag
def claim_badges(claim) -> str:
    """Source, kind, quotation, hedging, state and verdict of a claim, as badges.

    Built in Python rather than an included template: the article page and
    the queue show dozens of these, and this is several times faster.
    """
    items = [
        _badge("badge-source", _("Source"), claim.source_text or _("no source")),
        _badge("badge-kind", _("Source kind"), claim.get_source_kind_display()),
        _badge("badge-quote", _("Quotation"), claim.get_quote_type_display()),
    ]
    if claim.hedged:
        items.append(_badge("badge-hedged", "", _("Hedged")))
    items.append(_badge(f"status-{claim.status}", _("State"), claim.get_status_display()))
    if claim.verdict_id:
        items.append(_badge("badge-verdict", _("Verdict"), rating_label(claim.verdict)))
    if claim.corrected_by_id:
        items.append(_badge("badge-corrected", "", _("Corrected")))
    return format_html(
        '<ul class="badges" aria-label="{}">{}</ul>', _("Attribution"), mark_safe("".join(items))
    )


@register.simple_tag
def history_rows(events) -> str:
    """The rows of a claim's history table (a claim may have hundreds)."""
    from django.utils import dateformat
    from django.utils.formats import get_format
    from django.utils.timezone import localtime

    date_pattern = get_format("SHORT_DATETIME_FORMAT")
    system = _("system")
    rows = []
    for event in events:
        rows.append(
            format_html(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                dateformat.format(localtime(event.created_at), date_pattern),
                event.actor.get_username() if event.actor else system,
                event_label(event),
                event_value(event.old_value, event.field),
                event_value(event.new_value, event.field),
                event.reason,
            )
        )
    return mark_safe("".join(rows))


@register.filter
def status_class(status: str) -> str:
    return f"status-{escape(status)}"


EVENT_LABELS = {
    "actions": {
        "correct_attribution": gettext_lazy("Attribution corrected"),
        "set_verdict": gettext_lazy("Verdict"),
        "correction": gettext_lazy("Correction of a published verdict"),
        "set_status": gettext_lazy("State"),
        "assign": gettext_lazy("Assignment"),
        "comment": gettext_lazy("Comment"),
        "evidence": gettext_lazy("Evidence"),
    },
    "fields": {
        "source_text": gettext_lazy("source"),
        "cue_text": gettext_lazy("cue"),
        "channel_text": gettext_lazy("channel"),
        "source_kind": gettext_lazy("source kind"),
        "quote_type": gettext_lazy("quotation"),
        "hedged": gettext_lazy("hedged"),
        "verdict": gettext_lazy("verdict"),
        "rationale": gettext_lazy("rationale"),
        "status": gettext_lazy("state"),
        "assignee": gettext_lazy("assignee"),
    },
}


@register.filter
def event_label(event) -> str:
    labels = EVENT_LABELS
    action = str(labels["actions"].get(event.action, event.action))
    field = labels["fields"].get(event.field)
    if field and event.action not in ("set_status", "assign"):
        return f"{action}: {field}"
    return action


def _choice_labels() -> dict:
    from claims.models import ClaimStatus, QuoteType, SourceKind

    return {
        "status": dict(ClaimStatus.choices),
        "source_kind": dict(SourceKind.choices),
        "quote_type": dict(QuoteType.choices),
    }


@register.filter
def event_value(value: str, field: str) -> str:
    """Stored values shown in the reader's words (states and kinds are codes)."""
    global _CHOICE_LABELS
    if _CHOICE_LABELS is None:
        _CHOICE_LABELS = _choice_labels()
    labels = _CHOICE_LABELS.get(field)
    if labels is not None and value in labels:
        return str(labels[value])
    if field == "verdict" and " / " in value:
        english, italian = value.split(" / ", 1)
        return italian if (get_language() or "en").startswith("it") else english
    return value


_CHOICE_LABELS = None
