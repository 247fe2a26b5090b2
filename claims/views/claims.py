"""The claim page and its forms: attribution, verdict, state, assignee,
evidence and comments. Each form posts the version the user saw; a stale
one is answered with the current values, never applied."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from claims import selectors, services
from claims.exceptions import DomainError, EditConflict, NotAllowed
from claims.forms import (
    AssignForm,
    AttributionForm,
    CommentForm,
    EvidenceForm,
    StatusForm,
    VerdictForm,
)
from claims.models import Claim, ClaimStatus, Comment, QuoteType, SourceKind
from claims.services.review import TRANSITIONS
from claims.views.common import next_path, safe_next

STATUS_BUTTONS = {
    ClaimStatus.UNVERIFIED: gettext_lazy("Back to new"),
    ClaimStatus.IN_PROGRESS: gettext_lazy("Start working on it"),
    ClaimStatus.IN_REVIEW: gettext_lazy("Send to review"),
    ClaimStatus.PUBLISHED: gettext_lazy("Approve and publish"),
    ClaimStatus.DISMISSED: gettext_lazy("Dismiss (not check-worthy)"),
}


def _yes_no(value) -> str:
    return _("yes") if value else _("no")


def claim_values(claim) -> list[tuple[str, str, str]]:
    """(key, label, display value) of what a conflict message compares."""
    lang = get_language() or "en"
    return [
        ("source_text", _("Source"), claim.source_text),
        ("cue_text", _("Cue"), claim.cue_text),
        ("channel_text", _("Channel"), claim.channel_text),
        ("source_kind", _("Source kind"), SourceKind(claim.source_kind).label),
        ("quote_type", _("Quotation"), QuoteType(claim.quote_type).label),
        ("hedged", _("Hedged"), _yes_no(claim.hedged)),
        ("status", _("State"), ClaimStatus(claim.status).label),
        ("verdict", _("Verdict"), claim.verdict.label_for(lang) if claim.verdict else "—"),
        ("rationale", _("Rationale"), claim.rationale),
        ("assignee", _("Assignee"), claim.assignee.get_username() if claim.assignee else "—"),
    ]


def _submitted_display(cleaned: dict) -> dict[str, str]:
    lang = get_language() or "en"
    shown = {}
    for key, value in cleaned.items():
        if key == "version":
            continue
        if key == "source_kind":
            value = SourceKind(value).label
        elif key == "quote_type":
            value = QuoteType(value).label
        elif key == "status":
            value = ClaimStatus(value).label
        elif key == "hedged":
            value = _yes_no(value)
        elif key == "verdict":
            value = value.label_for(lang) if value else "—"
        elif key == "assignee":
            value = value.get_username() if value else "—"
        shown[key] = "" if value is None else str(value)
    return shown


def claim_page_context(request, claim, *, forms=None, conflict=None, error=None):
    forms = forms or {}
    attribution = forms.get("attribution") or AttributionForm.for_claim(claim)
    if request.GET.get("edit") == "attribution":
        # The queue's `e`: land in the attribution form, ready to type.
        attribution.fields["source_text"].widget.attrs["autofocus"] = True
    threads = selectors.claim_comment_threads(claim=claim)
    reply_to = None
    reply_id = request.GET.get("reply")
    if reply_id and reply_id.isdigit():
        everyone = [c for comment, replies in threads for c in (comment, *replies)]
        reply_to = next((c for c in everyone if c.pk == int(reply_id)), None)
    comment_form = forms.get("comment") or CommentForm()
    if reply_to is not None:
        comment_form.fields["body"].label = _("Your reply")
        comment_form.fields["body"].widget.attrs["autofocus"] = True
    users = selectors.assignable_users() if request.user.has_perm("claims.assign_claim") else None
    context = {
        "claim": claim,
        "article": claim.article,
        "attribution_form": attribution,
        "verdict_form": forms.get("verdict")
        or VerdictForm(
            initial={
                "version": claim.version,
                "verdict": claim.verdict_id,
                "rationale": claim.rationale,
            }
        ),
        "assign_form": forms.get("assign")
        or AssignForm(
            initial={"version": claim.version, "assignee": claim.assignee_id},
            users=users if users is not None else selectors.assignable_users().none(),
        ),
        "comment_form": comment_form,
        "evidence_form": forms.get("evidence") or EvidenceForm(),
        "transitions": [
            (status, STATUS_BUTTONS[status])
            for status in ClaimStatus
            if status in TRANSITIONS.get(ClaimStatus(claim.status), set())
        ],
        "threads": threads,
        "reply_to": reply_to,
        "evidence": list(selectors.claim_evidence(claim=claim)),
        "history": list(selectors.claim_history(claim=claim)),
        "conflict": conflict,
        "error": error,
        "is_published": claim.status == ClaimStatus.PUBLISHED,
        "context_before": claim.context_before,
        "context_after": claim.context_after,
        "next": next_path(request),
    }
    return context


def _load(pk) -> Claim:
    try:
        return selectors.claim_detail(claim_id=pk)
    except Claim.DoesNotExist:
        raise Http404 from None


def render_claim(request, pk, *, status=200, **kwargs):
    claim = _load(pk)
    return render(
        request,
        "claims/claim_detail.html",
        claim_page_context(request, claim, **kwargs),
        status=status,
    )


@login_required
def claim_detail(request, pk):
    return render_claim(request, pk)


def _act(request, pk, form_key, form, action, success_message):
    """Run a service for a claim form and answer: redirect, or the page with why not."""
    try:
        action()
    except EditConflict as exc:
        current = exc.current
        submitted = _submitted_display(form.cleaned_data)
        rows = [
            (label, value, submitted[key])
            for key, label, value in claim_values(_load(current.pk))
            if key in submitted
        ]
        conflict = {"message": exc.message, "rows": rows}
        return render_claim(request, pk, status=409, conflict=conflict)
    except NotAllowed as exc:
        return render_claim(request, pk, status=403, error=exc.message, forms={form_key: form})
    except DomainError as exc:  # a workflow rule, or a refusal the form could not foresee
        return render_claim(request, pk, status=400, error=exc.message, forms={form_key: form})
    messages.success(request, success_message)
    return redirect(safe_next(request, reverse("claims:claim_detail", args=[pk])))


def _claim_ref(pk) -> Claim:
    return get_object_or_404(Claim.objects.only("id", "version"), pk=pk)


@login_required
@require_POST
def claim_attribution(request, pk):
    claim = _claim_ref(pk)
    form = AttributionForm(request.POST)
    if not form.is_valid():
        return render_claim(request, pk, status=400, forms={"attribution": form})
    values = {name: form.cleaned_data[name] for name in AttributionForm.attribution_fields()}
    return _act(
        request,
        pk,
        "attribution",
        form,
        lambda: services.claim_correct_attribution(
            claim=claim,
            user=request.user,
            expected_version=form.cleaned_data["version"],
            **values,
        ),
        _("Attribution corrected."),
    )


@login_required
@require_POST
def claim_verdict(request, pk):
    claim = _claim_ref(pk)
    form = VerdictForm(request.POST)
    if not form.is_valid():
        return render_claim(request, pk, status=400, forms={"verdict": form})
    data = form.cleaned_data
    return _act(
        request,
        pk,
        "verdict",
        form,
        lambda: services.claim_set_verdict(
            claim=claim,
            user=request.user,
            expected_version=data["version"],
            verdict=data["verdict"],
            rationale=data["rationale"],
            reason=data["reason"],
        ),
        _("Verdict saved."),
    )


@login_required
@require_POST
def claim_status(request, pk):
    claim = _claim_ref(pk)
    form = StatusForm(request.POST)
    if not form.is_valid():
        return render_claim(request, pk, status=400, error=_("Choose a valid state."))
    data = form.cleaned_data
    return _act(
        request,
        pk,
        "status",
        form,
        lambda: services.claim_set_status(
            claim=claim,
            user=request.user,
            expected_version=data["version"],
            status=data["status"],
            reason=data["reason"],
        ),
        _("State changed to “%(state)s”.") % {"state": ClaimStatus(data["status"]).label},
    )


@login_required
@require_POST
def claim_assign(request, pk):
    claim = _claim_ref(pk)
    users = selectors.assignable_users()
    if request.POST.get("assignee") == "me":
        post = request.POST.copy()
        post["assignee"] = str(request.user.pk)
        users = get_user_model().objects.filter(pk=request.user.pk)
    else:
        post = request.POST
    form = AssignForm(post, users=users)
    if not form.is_valid():
        return render_claim(request, pk, status=400, error=_("Choose someone to assign."))
    data = form.cleaned_data
    return _act(
        request,
        pk,
        "assign",
        form,
        lambda: services.claim_assign(
            claim=claim,
            user=request.user,
            expected_version=data["version"],
            assignee=data["assignee"],
        ),
        _("Assignment saved."),
    )


@login_required
@require_POST
def claim_comment(request, pk):
    claim = _claim_ref(pk)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return render_claim(request, pk, status=400, forms={"comment": form})
    parent = None
    if form.cleaned_data.get("parent"):
        parent = Comment.objects.filter(pk=form.cleaned_data["parent"]).first()
    return _act(
        request,
        pk,
        "comment",
        form,
        lambda: services.claim_add_comment(
            claim=claim, user=request.user, body=form.cleaned_data["body"], parent=parent
        ),
        _("Comment added."),
    )


@login_required
@require_POST
def claim_evidence(request, pk):
    claim = _claim_ref(pk)
    form = EvidenceForm(request.POST)
    if not form.is_valid():
        return render_claim(request, pk, status=400, forms={"evidence": form})
    return _act(
        request,
        pk,
        "evidence",
        form,
        lambda: services.claim_add_evidence(
            claim=claim,
            user=request.user,
            url=form.cleaned_data["url"],
            description=form.cleaned_data["description"],
        ),
        _("Evidence added."),
    )
