"""The review queue: a filtered stream of claims, one decision at a time.

Each decision redirects to the next claim of the same filtered queue, and is
remembered in the session so `u` can take it back (refused if anyone saved
the claim since)."""

from dataclasses import dataclass
from functools import wraps

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from claims import selectors, services
from claims.exceptions import EditConflict, NotAllowed, WorkflowError
from claims.forms import BulkForm, QueueFilterForm
from claims.models import Claim, ClaimStatus, Rating
from claims.services.review import (
    TRANSITIONS,
    DecisionUndo,
    claim_decide_verdict,
    claim_take,
    claim_undo_decision,
)
from claims.views.common import is_htmx, role_required

QUEUE_PAGE = 25
# Claims shown above the one opened by its link, for context.
QUEUE_LEAD = 3
UNDO_KEY = "queue_undo"
UNDO_DEPTH = 20
# The claim panel's element id: an htmx request aimed at it gets the panel alone.
PANEL_ID = "current-claim"
FILTER_FIELDS = (
    "status",
    "verdict",
    "language",
    "source_kind",
    "hedged",
    "mine",
    "article",
    "sort",
)


def _filter_params(data) -> QueryDict:
    params = QueryDict(mutable=True)
    for name in FILTER_FIELDS:
        value = data.get(name)
        if value not in (None, ""):
            params[name] = value
    if "status" in data and not data.get("status"):
        params["status"] = ""
    return params


def _queue_url(filter_query: str, **extra) -> str:
    params = QueryDict(filter_query or "", mutable=True)
    for name, value in extra.items():
        if value is not None:
            params[name] = value
    encoded = params.urlencode()
    return reverse("claims:queue") + (f"?{encoded}" if encoded else "")


def _queryset(request, filter_query: str):
    ratings = selectors.rating_scale()
    form = QueueFilterForm(QueryDict(filter_query or ""), ratings=ratings)
    return selectors.claim_queue(filters=form.filters(), user=request.user)


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _workspace(request, *, filter_query: str, claim_id=None, start=None, before=None) -> dict:
    """Everything the queue's workspace shows: the page of rows, the claim at
    hand, and the links around it. A fixed number of queries whatever the
    queue's length."""
    ratings = selectors.rating_scale()
    data = QueryDict(filter_query or "", mutable=True)
    data.setdefault("status", "open")  # the default queue: what is still open
    form = QueueFilterForm(data, ratings=ratings)
    qs = selectors.claim_queue(filters=form.filters(), user=request.user)
    counts = selectors.claim_queue_counts(queryset=qs)

    # Keyset pages: a page is the claims from `start` on, or the ones just
    # before `before`; opening a claim shows it with a few of its predecessors.
    # A claim deep in a long queue costs no OFFSET scan and no position count.
    current_id = claim_id
    sort = form.filters().sort
    if before and not start:
        rows = list(
            reversed(
                selectors.claim_queue_before(queryset=qs, claim_id=before, sort=sort)[:QUEUE_PAGE]
            )
        )
    else:
        if not start and current_id:
            lead = list(
                selectors.claim_queue_before(
                    queryset=qs, claim_id=current_id, sort=sort
                ).values_list("id", flat=True)[:QUEUE_LEAD]
            )
            start = lead[-1] if lead else current_id
        rows = list(
            selectors.claim_queue_from(queryset=qs, claim_id=start, sort=sort)[:QUEUE_PAGE]
            if start
            else qs[:QUEUE_PAGE]
        )
    if current_id is None and rows:
        current_id = rows[0].pk
    row_ids = [row.pk for row in rows]
    # The neighbours just outside the page: they link the pages and let j/k
    # cross a page's edge.
    before_page = (
        selectors.claim_queue_neighbour(queryset=qs, claim_id=row_ids[0], forward=False, sort=sort)
        if rows
        else None
    )
    after_page = (
        selectors.claim_queue_neighbour(queryset=qs, claim_id=row_ids[-1], sort=sort)
        if rows
        else None
    )

    current = None
    if current_id is not None:
        try:
            current = selectors.claim_detail(claim_id=current_id)
        except Claim.DoesNotExist:
            current = None
    start_param = row_ids[0] if rows else None
    previous_url = next_url = None
    # Moving within the page swaps only the claim panel; across a page's edge
    # the whole workspace (the list changes too).
    previous_in_page = next_in_page = False
    if current is not None and current.pk in row_ids:
        index = row_ids.index(current.pk)
        if index > 0:
            previous_url = _queue_url(filter_query, start=start_param, claim=row_ids[index - 1])
            previous_in_page = True
        elif before_page:
            previous_url = _queue_url(filter_query, before=row_ids[0], claim=before_page)
        if index + 1 < len(row_ids):
            next_url = _queue_url(filter_query, start=start_param, claim=row_ids[index + 1])
            next_in_page = True
        elif after_page:
            next_url = _queue_url(filter_query, start=after_page, claim=after_page)
    elif current is not None:
        previous_id = selectors.claim_queue_neighbour(
            queryset=qs, claim_id=current.pk, forward=False, sort=sort
        )
        next_id = selectors.claim_queue_neighbour(queryset=qs, claim_id=current.pk, sort=sort)
        previous_url = _queue_url(filter_query, claim=previous_id) if previous_id else None
        next_url = _queue_url(filter_query, claim=next_id) if next_id else None

    can_bulk = request.user.has_perm("claims.bulk_edit_claims")
    users = list(selectors.assignable_users()) if can_bulk else []
    return {
        "form": form,
        "ratings": ratings,
        "rows": rows,
        "row_ids": row_ids,
        "counts": counts,
        "current": current,
        "current_in_page": current is not None and current.pk in row_ids,
        "current_before": current.context_before if current else "",
        "current_after": current.context_after if current else "",
        "decisions": review_decisions(current, request.user) if current else [],
        "previous_url": previous_url,
        "next_url": next_url,
        "previous_in_page": previous_in_page,
        "next_in_page": next_in_page,
        "filter_query": filter_query,
        "start": start_param,
        "current_url": _queue_url(filter_query, start=start_param, claim=current.pk)
        if current
        else _queue_url(filter_query),
        "previous_page_url": _queue_url(filter_query, before=row_ids[0]) if before_page else None,
        "next_page_url": _queue_url(filter_query, start=after_page) if after_page else None,
        "undo": (request.session.get(UNDO_KEY) or [None])[-1],
        "can_bulk": can_bulk,
        "bulk_form": BulkForm(users=users, auto_id="id_bulk_%s") if can_bulk else None,
        "users": users,
    }


def _answer(request, context: dict, *, saved_id=None, push: bool = False):
    """The queue as htmx asked for it: the claim panel alone when the list the
    browser shows still holds the new claim, else the whole workspace; the
    full page to a plain request."""
    if not is_htmx(request):
        return render(request, "claims/queue.html", context)
    if request.headers.get("HX-Target") == PANEL_ID and context["current_in_page"]:
        # The saved claim's row, fresh, even when it has left the filtered
        # queue: it stays where it was, so the list does not jump.
        saved = list(selectors.claim_queue_rows().filter(pk=saved_id)) if saved_id else []
        response = render(
            request, "claims/_queue_panel_swap.html", {**context, "saved_rows": saved}
        )
    else:
        response = render(request, "claims/_queue_workspace.html", {**context, "partial": True})
        response["HX-Retarget"] = "#queue-workspace"
        response["HX-Reswap"] = "innerHTML"
    if push:
        response["HX-Push-Url"] = context["current_url"]
    return response


@role_required
def queue(request):
    data = request.GET.copy()
    data.setdefault("status", "open")
    filter_query = _filter_params(data).urlencode()
    context = _workspace(
        request,
        filter_query=filter_query,
        claim_id=_int(request.GET.get("claim")),
        start=_int(request.GET.get("start")),
        before=_int(request.GET.get("before")),
    )
    return _answer(request, context)


def _after_action(request, filter_query: str, *, claim_id, saved_id=None):
    """Where a queue action lands: the claim given, by a redirect for a plain
    form post, in place for htmx."""
    if not is_htmx(request):
        return redirect(_queue_url(filter_query, claim=claim_id))
    start = _int(request.POST.get("start"))
    context = _workspace(request, filter_query=filter_query, claim_id=claim_id, start=start)
    return _answer(request, context, saved_id=saved_id, push=True)


def post_only(view):
    """A queue action reached by GET (a reload, a pasted link) goes back to the
    queue with a word of explanation instead of a bare 405."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "POST":
            messages.info(request, _("That was a form's address: here is the queue."))
            return redirect(_queue_url(_filter_params(request.GET).urlencode()))
        return view(request, *args, **kwargs)

    return wrapper


# --- An editor's decisions on the claim at hand -------------------------------


@dataclass(frozen=True)
class Decision:
    value: str
    label: str
    key: str
    # Why it cannot be taken now; empty when it can.
    blocked: str = ""


def review_decisions(claim, user) -> list[Decision]:
    """The decisions the panel offers, each disabled with the reason it is.

    Only for showing: the services decide when the form is posted, and any
    refusal they raise comes back as a message."""
    status = ClaimStatus(claim.status)
    # A closed claim changes on its own page (a correction), not from the queue.
    if not user.has_perm("claims.set_verdict") or status in CLOSED_STATUSES:
        return []
    allowed = TRANSITIONS.get(status, set())
    decisions = []
    if user.has_perm("claims.publish_claim"):
        if ClaimStatus.PUBLISHED not in allowed:
            why = _("Only a claim in review can be published.")
        elif claim.verdict_set_by_id == user.pk:
            why = _("You set this verdict: another editor approves it.")
        else:
            why = ""
        decisions.append(Decision("publish", _("Approve and publish"), "p", why))
        back_why = "" if status == ClaimStatus.IN_REVIEW else _("Only a claim in review goes back.")
        decisions.append(Decision("send_back", _("Send back with a note"), "b", back_why))
    dismiss_why = "" if ClaimStatus.DISMISSED in allowed else _("This claim is closed.")
    decisions.append(Decision("dismiss", _("Dismiss: not check-worthy"), "d", dismiss_why))
    return decisions


CLOSED_STATUSES = (ClaimStatus.PUBLISHED, ClaimStatus.DISMISSED)
DECISION_TARGETS = {
    "publish": ClaimStatus.PUBLISHED,
    "send_back": ClaimStatus.IN_PROGRESS,
    "dismiss": ClaimStatus.DISMISSED,
}


@role_required
@post_only
def queue_review(request):
    """Approve and publish, send back with a note, or dismiss; then the next claim."""
    filter_query = request.POST.get("filters", "")
    claim = _claim_or_back(request, filter_query)
    if claim is None:
        return _after_action(request, filter_query, claim_id=None)
    decision = request.POST.get("decision", "")
    note = (request.POST.get("note") or "").strip()
    if decision not in DECISION_TARGETS:
        messages.error(request, _("Choose a decision: publish, send back or dismiss."))
        return _after_action(request, filter_query, claim_id=claim.pk)
    if decision == "send_back" and not note:
        messages.error(request, _("Write a note saying what is missing before sending it back."))
        return _after_action(request, filter_query, claim_id=claim.pk)
    try:
        claim = services.claim_set_status(
            claim=claim,
            user=request.user,
            expected_version=_int(request.POST.get("version")),
            status=DECISION_TARGETS[decision],
            reason=note,
        )
    except (EditConflict, NotAllowed, WorkflowError) as exc:
        messages.error(request, exc.message)
        return _after_action(request, filter_query, claim_id=claim.pk)
    messages.success(
        request, _("Done: the claim is now “%(state)s”.") % {"state": claim.get_status_display()}
    )
    return _next_claim(request, filter_query, claim)


def _next_claim(request, filter_query: str, claim):
    qs = _queryset(request, filter_query)
    sort = QueryDict(filter_query or "").get("sort") or "oldest"
    next_id = selectors.claim_queue_neighbour(queryset=qs, claim_id=claim.pk, sort=sort)
    if next_id is None:
        messages.info(request, _("That was the last claim of this queue."))
        next_id = claim.pk
    return _after_action(request, filter_query, claim_id=next_id, saved_id=claim.pk)


def _remember(request, undo: DecisionUndo) -> None:
    stack = list(request.session.get(UNDO_KEY) or [])
    stack.append(undo.as_dict())
    request.session[UNDO_KEY] = stack[-UNDO_DEPTH:]


def _claim_or_back(request, filter_query):
    claim = Claim.objects.only("id", "version").filter(pk=_int(request.POST.get("claim"))).first()
    if claim is None:
        messages.error(request, _("That claim no longer exists."))
    return claim


@role_required
@post_only
def queue_decide(request):
    """Save a verdict (and rationale), then go on to the next claim of the queue."""
    filter_query = request.POST.get("filters", "")
    claim = _claim_or_back(request, filter_query)
    if claim is None:
        return _after_action(request, filter_query, claim_id=None)
    verdict = Rating.objects.filter(pk=_int(request.POST.get("verdict"))).first()
    if verdict is None:
        messages.error(request, _("Choose a verdict (keys 1–6) before saving."))
        return _after_action(request, filter_query, claim_id=claim.pk)
    rationale = request.POST.get("rationale")
    try:
        claim, undo = claim_decide_verdict(
            claim=claim,
            user=request.user,
            expected_version=_int(request.POST.get("version")),
            verdict=verdict,
            rationale=rationale.strip() if rationale is not None else None,
            to_review=request.POST.get("to_review") == "on",
        )
    except (EditConflict, NotAllowed, WorkflowError) as exc:
        messages.error(request, exc.message)
        return _after_action(request, filter_query, claim_id=claim.pk)
    _remember(request, undo)
    messages.success(
        request,
        _("Saved: %(verdict)s, %(state)s.")
        % {
            "verdict": verdict.label_for(request.LANGUAGE_CODE),
            "state": claim.get_status_display(),
        },
    )
    return _next_claim(request, filter_query, claim)


@role_required
@post_only
def queue_take(request):
    """Assign the claim to me and stay on it."""
    filter_query = request.POST.get("filters", "")
    claim = _claim_or_back(request, filter_query)
    if claim is None:
        return _after_action(request, filter_query, claim_id=None)
    try:
        claim, undo = claim_take(
            claim=claim, user=request.user, expected_version=_int(request.POST.get("version"))
        )
    except (EditConflict, NotAllowed, WorkflowError) as exc:
        messages.error(request, exc.message)
    else:
        _remember(request, undo)
        messages.success(request, _("Assigned to you."))
    return _after_action(request, filter_query, claim_id=claim.pk, saved_id=claim.pk)


@role_required
@post_only
def queue_undo(request):
    filter_query = request.POST.get("filters", "")
    stack = list(request.session.get(UNDO_KEY) or [])
    if not stack:
        messages.info(request, _("There is nothing to undo."))
        return _after_action(request, filter_query, claim_id=_int(request.POST.get("claim")))
    undo = DecisionUndo.from_dict(stack.pop())
    request.session[UNDO_KEY] = stack
    try:
        claim_undo_decision(undo=undo, user=request.user)
    except EditConflict:
        messages.error(
            request,
            _(
                "Someone saved this claim after your decision: it was not undone. "
                "Here are its current values."
            ),
        )
    except (NotAllowed, WorkflowError) as exc:
        messages.error(request, exc.message)
    except Claim.DoesNotExist:
        messages.error(request, _("That claim no longer exists."))
        return _after_action(request, filter_query, claim_id=None)
    else:
        messages.success(request, _("Your last decision was undone."))
    return _after_action(request, filter_query, claim_id=undo.claim_id, saved_id=undo.claim_id)


@role_required
@post_only
def queue_bulk(request):
    """An editor's change of state or assignee for the claims ticked in the list."""
    filter_query = request.POST.get("filters", "")
    back = _queue_url(filter_query, start=request.POST.get("start") or None)
    if not request.user.has_perm("claims.bulk_edit_claims"):
        messages.error(request, _("Only an editor can change claims in bulk."))
        return redirect(back)
    ids = [i for i in (_int(v) for v in request.POST.getlist("claims")) if i][:500]
    if not ids:
        messages.error(request, _("Tick at least one claim."))
        return redirect(back)
    status = request.POST.get("status") or None
    if status and status not in ClaimStatus.values:
        status = None
    assignee_value = request.POST.get("assignee") or ""
    assignee = ...
    if assignee_value == "-":
        assignee = None
    elif assignee_value:
        assignee = get_user_model().objects.filter(pk=_int(assignee_value)).first() or ...
    if not status and assignee is ...:
        messages.error(request, _("Choose a state or an assignee to apply."))
        return redirect(back)
    try:
        changed, refused = services.claims_bulk_update(
            claim_ids=ids,
            user=request.user,
            status=status,
            assignee=assignee,
            reason=request.POST.get("reason", ""),
        )
    except NotAllowed as exc:
        messages.error(request, exc.message)
        return redirect(back)
    messages.success(
        request,
        ngettext("%(count)d claim changed.", "%(count)d claims changed.", len(changed))
        % {"count": len(changed)},
    )
    for claim, message in refused[:10]:
        messages.warning(
            request, _("Claim %(id)d: %(message)s") % {"id": claim.pk, "message": message}
        )
    return redirect(back)
