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


@register.inclusion_tag("claims/_badges.html", takes_context=True)
def claim_badges(context, claim):
    return {"claim": claim, "perms": context.get("perms")}


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


@register.filter
def event_value(value: str, field: str) -> str:
    """Stored values shown in the reader's words (states and kinds are codes)."""
    from claims.models import ClaimStatus, QuoteType, SourceKind

    choices = {"status": ClaimStatus, "source_kind": SourceKind, "quote_type": QuoteType}.get(field)
    if choices is not None and value in choices.values:
        return str(choices(value).label)
    if field == "verdict" and " / " in value:
        english, italian = value.split(" / ", 1)
        return italian if (get_language() or "en").startswith("it") else english
    return value
