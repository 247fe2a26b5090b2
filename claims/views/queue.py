"""The review queue: a filtered stream of claims, one decision at a time.

Each decision redirects to the next claim of the same filtered queue, and is
remembered in the session so `u` can take it back (refused if anyone saved
the claim since)."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from claims import selectors, services
from claims.exceptions import EditConflict, NotAllowed, WorkflowError
from claims.forms import BulkForm, QueueFilterForm
from claims.models import Claim, ClaimStatus, Rating
from claims.services.review import (
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
FILTER_FIELDS = ("status", "verdict", "language", "source_kind", "hedged", "mine", "article")


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


@role_required
def queue(request):
    ratings = selectors.rating_scale()
    data = request.GET.copy()
    data.setdefault("status", "open")  # the default queue: what is still open
    form = QueueFilterForm(data, ratings=ratings)
    filters = form.filters()
    filter_query = _filter_params(data).urlencode()
    qs = selectors.claim_queue(filters=filters, user=request.user)
    counts = selectors.claim_queue_counts(queryset=qs)

    # Keyset pages: a page is the claims from `start` on, or the ones just
    # before `before`; opening a claim shows it with a few of its predecessors.
    # A claim deep in a long queue costs no OFFSET scan and no position count.
    current_id = _int(request.GET.get("claim"))
    start = _int(request.GET.get("start"))
    before = _int(request.GET.get("before"))
    if before and not start:
        rows = list(reversed(qs.filter(id__lt=before).order_by("-id")[:QUEUE_PAGE]))
    else:
        if not start and current_id:
            lead = list(
                qs.filter(id__lt=current_id)
                .order_by("-id")
                .values_list("id", flat=True)[:QUEUE_LEAD]
            )
            start = lead[-1] if lead else current_id
        rows = list(qs.filter(id__gte=start)[:QUEUE_PAGE] if start else qs[:QUEUE_PAGE])
    if current_id is None and rows:
        current_id = rows[0].pk
    row_ids = [row.pk for row in rows]
    # The neighbours just outside the page: they link the pages and let j/k
    # cross a page's edge.
    before_page = (
        selectors.claim_queue_neighbour(queryset=qs, claim_id=row_ids[0], forward=False)
        if rows
        else None
    )
    after_page = (
        selectors.claim_queue_neighbour(queryset=qs, claim_id=row_ids[-1]) if rows else None
    )

    current = None
    if current_id is not None:
        try:
            current = selectors.claim_detail(claim_id=current_id)
        except Claim.DoesNotExist:
            current = None
    start_param = row_ids[0] if rows else None
    previous_url = next_url = None
    if current is not None and current.pk in row_ids:
        index = row_ids.index(current.pk)
        if index > 0:
            previous_url = _queue_url(filter_query, start=start_param, claim=row_ids[index - 1])
        elif before_page:
            previous_url = _queue_url(filter_query, before=row_ids[0], claim=before_page)
        if index + 1 < len(row_ids):
            next_url = _queue_url(filter_query, start=start_param, claim=row_ids[index + 1])
        elif after_page:
            next_url = _queue_url(filter_query, start=after_page, claim=after_page)
    elif current is not None:
        previous_id = selectors.claim_queue_neighbour(
            queryset=qs, claim_id=current.pk, forward=False
        )
        next_id = selectors.claim_queue_neighbour(queryset=qs, claim_id=current.pk)
        previous_url = _queue_url(filter_query, claim=previous_id) if previous_id else None
        next_url = _queue_url(filter_query, claim=next_id) if next_id else None

    can_bulk = request.user.has_perm("claims.bulk_edit_claims")
    users = list(selectors.assignable_users()) if can_bulk else []
    context = {
        "form": form,
        "ratings": ratings,
        "rows": rows,
        "counts": counts,
        "current": current,
        "current_before": current.context_before if current else "",
        "current_after": current.context_after if current else "",
        "previous_url": previous_url,
        "next_url": next_url,
        "filter_query": filter_query,
        "start": start_param,
        "previous_page_url": _queue_url(filter_query, before=row_ids[0]) if before_page else None,
        "next_page_url": _queue_url(filter_query, start=after_page) if after_page else None,
        "undo": (request.session.get(UNDO_KEY) or [None])[-1],
        "can_bulk": can_bulk,
        "bulk_form": BulkForm(users=users, auto_id="id_bulk_%s") if can_bulk else None,
        "users": users,
    }
    template = "claims/_queue_workspace.html" if is_htmx(request) else "claims/queue.html"
    return render(request, template, context)


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
@require_POST
def queue_decide(request):
    """Save a verdict (and rationale), then go on to the next claim of the queue."""
    filter_query = request.POST.get("filters", "")
    claim = _claim_or_back(request, filter_query)
    if claim is None:
        return redirect(_queue_url(filter_query))
    verdict = Rating.objects.filter(pk=_int(request.POST.get("verdict"))).first()
    if verdict is None:
        messages.error(request, _("Choose a verdict (keys 1–6) before saving."))
        return redirect(_queue_url(filter_query, claim=claim.pk))
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
    except EditConflict as exc:
        messages.error(request, exc.message)
        return redirect(_queue_url(filter_query, claim=claim.pk))
    except (NotAllowed, WorkflowError) as exc:
        messages.error(request, exc.message)
        return redirect(_queue_url(filter_query, claim=claim.pk))
    _remember(request, undo)
    messages.success(
        request,
        _("Saved: %(verdict)s, %(state)s.")
        % {
            "verdict": verdict.label_for(request.LANGUAGE_CODE),
            "state": claim.get_status_display(),
        },
    )
    qs = _queryset(request, filter_query)
    next_id = selectors.claim_queue_neighbour(queryset=qs, claim_id=claim.pk)
    if next_id is None:
        messages.info(request, _("That was the last claim of this queue."))
        return redirect(_queue_url(filter_query, claim=claim.pk))
    return redirect(_queue_url(filter_query, claim=next_id))


@role_required
@require_POST
def queue_take(request):
    """Assign the claim to me and stay on it."""
    filter_query = request.POST.get("filters", "")
    claim = _claim_or_back(request, filter_query)
    if claim is None:
        return redirect(_queue_url(filter_query))
    try:
        claim, undo = claim_take(
            claim=claim, user=request.user, expected_version=_int(request.POST.get("version"))
        )
    except (EditConflict, NotAllowed, WorkflowError) as exc:
        messages.error(request, exc.message)
    else:
        _remember(request, undo)
        messages.success(request, _("Assigned to you."))
    return redirect(_queue_url(filter_query, claim=claim.pk))


@role_required
@require_POST
def queue_undo(request):
    filter_query = request.POST.get("filters", "")
    stack = list(request.session.get(UNDO_KEY) or [])
    if not stack:
        messages.info(request, _("There is nothing to undo."))
        return redirect(_queue_url(filter_query))
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
        return redirect(_queue_url(filter_query))
    else:
        messages.success(request, _("Your last decision was undone."))
    return redirect(_queue_url(filter_query, claim=undo.claim_id))


@role_required
@require_POST
def queue_bulk(request):
    """An editor's change of state or assignee for the claims ticked in the list."""
    filter_query = request.POST.get("filters", "")
    back = _queue_url(filter_query, start=request.POST.get("start") or None)
    if not request.user.has_perm("claims.bulk_edit_claims"):
        return render(
            request,
            "claims/refused.html",
            {"message": _("Only an editor can change claims in bulk."), "back": back},
            status=403,
        )
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
