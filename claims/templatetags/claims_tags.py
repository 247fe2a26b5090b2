"""Template helpers of the editor screens: the highlighted article text,
badges, verdict labels in the reader's language, and query strings."""

import functools

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
    claim_url = claim_url_builder()
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
                        '<a class="claim-ref" id="claim-{}" href="{}" aria-label="{}" '
                        "data-nontext>{}</a>",
                        claim.pk,
                        claim_url(claim.pk),
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
        # Say what the words just read were: highlights are colours to the eye only.
        for _start, end, kind, claim in active:
            if end == right:
                out.append(_span_end_label(kind, claim.number))
    return mark_safe("".join(out))


_SPAN_END_LABELS = {
    "claim": gettext_lazy("end of claim %(number)d"),
    "source": gettext_lazy("source of claim %(number)d"),
    "cue": gettext_lazy("cue of claim %(number)d"),
    "channel": gettext_lazy("channel of claim %(number)d"),
}


def _span_end_label(kind: str, number: int) -> str:
    label = escape(str(_SPAN_END_LABELS[kind]) % {"number": number})
    return f'<span class="visually-hidden" data-nontext> ({label})</span>'


@functools.lru_cache(maxsize=16)
def _badge_words(language: str) -> dict:
    """Every fixed word of the badges, translated and escaped once per language.

    A page shows up to fifty claims; looking the labels up through
    get_FOO_display() and gettext() for each one was a third of the article
    page's rendering time. ``language`` is only the cache key: the words are
    translated in the language active at the first call for it.
    """
    from claims.models import ClaimStatus, QuoteType, SourceKind

    return {
        "source": escape(_("Source")),
        "no_source": escape(_("no source")),
        "kind": escape(_("Source kind")),
        "quote": escape(_("Quotation")),
        "hedged": escape(_("Hedged")),
        "state": escape(_("State")),
        "verdict": escape(_("Verdict")),
        "corrected": escape(_("Corrected")),
        "attribution": escape(_("Attribution")),
        "statuses": {value: escape(label) for value, label in ClaimStatus.choices},
        "kinds": {value: escape(label) for value, label in SourceKind.choices},
        "quotes": {value: escape(label) for value, label in QuoteType.choices},
    }


def _words() -> dict:
    return _badge_words(get_language() or "en")


def _badge(css: str, label: str, value: str) -> str:
    """One badge; every argument is already escaped."""
    if label:
        return (
            f'<li class="badge {css}" title="{label}">'
            f'<span class="visually-hidden">{label}: </span>{value}</li>'
        )
    return f'<li class="badge {css}">{value}</li>'


@register.filter
def status_label(status: str) -> str:
    """A claim state in the reader's language (get_status_display without the lookups)."""
    return _words()["statuses"].get(status) or escape(status)


@register.simple_tag
def claim_badges(claim) -> str:
    """Source, kind, quotation, hedging, state and verdict of a claim, as badges.

    Built in Python rather than an included template: the article page and
    the queue show dozens of these, and this is several times faster.
    """
    words = _words()
    source_words = escape(claim.source_text) if claim.source_text else words["no_source"]
    if claim.source_id:
        # Every claim leads to its speaker's page.
        source_words = f'<a href="{source_url(claim.source_id)}">{source_words}</a>'
    items = [
        _badge("badge-source", words["source"], source_words),
        _badge(
            "badge-kind",
            words["kind"],
            words["kinds"].get(claim.source_kind) or escape(claim.source_kind),
        ),
        _badge(
            "badge-quote",
            words["quote"],
            words["quotes"].get(claim.quote_type) or escape(claim.quote_type),
        ),
    ]
    if claim.hedged:
        items.append(_badge("badge-hedged", "", words["hedged"]))
    items.append(
        _badge(f"status-{escape(claim.status)}", words["state"], status_label(claim.status))
    )
    if claim.verdict_id:
        items.append(_badge("badge-verdict", words["verdict"], escape(rating_label(claim.verdict))))
    if claim.corrected_by_id:
        items.append(_badge("badge-corrected", "", words["corrected"]))
    worth = worth_badge(claim)
    if worth:
        items.append(f"<li>{worth}</li>")
    badges = "".join(items)
    return mark_safe(f'<ul class="badges" aria-label="{words["attribution"]}">{badges}</ul>')


def claim_url_builder():
    """A function from a claim id to its page's address.

    reverse() costs about a tenth of a millisecond and the article page links
    every claim twice, so the pattern is reversed once and each id filled in.
    """
    marker = "2147483647"
    head, tail = reverse("claims:claim_detail", args=[int(marker)]).split(marker, 1)
    return lambda pk: f"{head}{pk}{tail}"


def worth_badge(claim) -> str:
    """Check-worthiness as a badge; its reasons on hover and for screen readers."""
    from claims.checkworthiness import reasons_text

    score = getattr(claim, "checkworthiness", None)
    if score is None:
        return ""
    level = "high" if score >= 60 else "low" if score < 35 else "mid"
    reasons = escape(reasons_text(claim.checkworthiness_reasons) or _("no signal"))
    label = escape(_("Check-worthiness"))
    return (
        f'<span class="badge badge-worth {level}" title="{label} {score}: {reasons}" '
        f'data-worth="{score}">{label} {score}'
        f'<span class="visually-hidden">: {reasons}</span></span>'
    )


def source_url(pk: int) -> str:
    """A source page's address without a reverse() per claim."""
    global _SOURCE_URL
    if _SOURCE_URL is None:
        marker = "2147483647"
        _SOURCE_URL = tuple(reverse("claims:source_detail", args=[int(marker)]).split(marker, 1))
    return f"{_SOURCE_URL[0]}{pk}{_SOURCE_URL[1]}"


_SOURCE_URL = None


@register.simple_tag(takes_context=True)
def queue_rows(context, rows, current, can_bulk: bool, oob: bool = False) -> str:
    """The rows of the review queue's table (25 a page, on every decision).

    Built in Python for the same reason as the badges: the template version
    spent most of the queue page's time resolving variables. With oob, each
    row replaces its namesake in the page (htmx's out-of-band swap).
    """
    from django.utils.text import Truncator

    words = _words()
    filter_query = context.get("filter_query") or ""
    start = context.get("start")
    link_head = reverse("claims:queue") + "?" + (f"{filter_query}&" if filter_query else "")
    link_head = escape(f"{link_head}start={'' if start is None else start}&claim=")
    current_pk = current.pk if current else None
    hedged = f' <span class="badge badge-hedged">{words["hedged"]}</span>'
    out = []
    for row in rows:
        is_current = row.pk == current_pk
        cells = []
        if can_bulk:
            label = escape(_("Select claim %(id)s") % {"id": row.pk})
            cells.append(
                f'<td><input type="checkbox" name="claims" value="{row.pk}" '
                f'id="pick-{row.pk}" aria-label="{label}"></td>'
            )
        content = escape(Truncator(row.content).chars(90))
        aria = ' aria-current="true"' if is_current else ""
        worth = worth_badge(row)
        worth = f" {worth}" if worth else ""
        cells.append(f'<td><a href="{link_head}{row.pk}"{aria}>{content}</a>{worth}</td>')
        source = escape(Truncator(row.source_text or "—").chars(40))
        cells.append(f"<td>{source}{hedged if row.hedged else ''}</td>")
        status = (
            f'<span class="badge status-{escape(row.status)}">{status_label(row.status)}</span>'
        )
        cells.append(f"<td>{status}</td>")
        cells.append(f"<td>{escape(rating_label(row.verdict))}</td>")
        row_class = "current" if is_current else ""
        swap = ' hx-swap-oob="true"' if oob else ""
        out.append(
            f'<tr id="queue-row-{row.pk}" data-queue-row data-claim="{row.pk}" '
            f'class="{row_class}"{swap}>{"".join(cells)}</tr>'
        )
    return mark_safe("\n".join(out))


@register.simple_tag
def history_rows(events) -> str:
    """The rows of a claim's history table (a claim may have hundreds)."""
    from claims.templatetags.desk_format import time_element

    system = _("system")
    # data-label: on a phone each row is a card, and the cells name what they hold.
    labels = [
        escape(label)
        for label in (_("When"), _("Who"), _("Change"), _("From"), _("To"), _("Reason"))
    ]
    row_html = "<tr>" + "".join(f'<td data-label="{label}">{{}}</td>' for label in labels) + "</tr>"
    rows = []
    for event in events:
        rows.append(
            format_html(
                row_html,
                time_element(event.created_at, "SHORT_DATETIME_FORMAT"),
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
        "correction": gettext_lazy("Correction proposed (waits for approval)"),
        "approve_correction": gettext_lazy("Correction approved and made public"),
        "discard_correction": gettext_lazy("Correction turned down"),
        "withdraw": gettext_lazy("Withdrawn from the public"),
        "set_status": gettext_lazy("State"),
        "assign": gettext_lazy("Assignment"),
        "comment": gettext_lazy("Comment"),
        "evidence": gettext_lazy("Evidence"),
        "respan": gettext_lazy("Span changed"),
        "add_claim": gettext_lazy("Claim added by an editor"),
        "split": gettext_lazy("Split"),
        "merge": gettext_lazy("Merged with the next claim"),
    },
    "fields": {
        "content": gettext_lazy("content"),
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
    if field and event.action not in ("set_status", "assign", "withdraw"):
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
