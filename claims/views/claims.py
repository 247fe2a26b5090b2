"""The claim page and its forms: attribution, verdict, state, assignee,
evidence, comments, approval and withdrawal.

Every action answers by going back to the claim page (post/redirect/get):
a refusal comes with its message and the form keeps what the user typed,
so reloading never sends anything again. Attribution and verdict forms carry
the values they showed, so edits to different fields by different people
merge; only the same field changed by two people is a conflict, shown with
both values."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from claims import selectors, services
from claims.exceptions import DomainError, EditConflict
from claims.forms import (
    ApproveForm,
    AssignForm,
    AttributionForm,
    CommentForm,
    EvidenceForm,
    StatusForm,
    VerdictForm,
    WithdrawForm,
)
from claims.models import Claim, ClaimStatus, Comment, QuoteType, SourceKind
from claims.public_record import public_record
from claims.services import publication
from claims.services.review import STATUS_PERMISSIONS, TRANSITIONS
from claims.views.common import next_path, role_required, safe_next

STATUS_BUTTONS = {
    ClaimStatus.UNVERIFIED: gettext_lazy("Back to new"),
    ClaimStatus.IN_PROGRESS: gettext_lazy("Start working on it"),
    ClaimStatus.IN_REVIEW: gettext_lazy("Send to review"),
    ClaimStatus.PUBLISHED: gettext_lazy("Approve and publish"),
    ClaimStatus.DISMISSED: gettext_lazy("Dismiss (not check-worthy)"),
    ClaimStatus.WITHDRAWN: gettext_lazy("Withdraw from the public"),
}
# Session key of what a refused form held, shown once on the claim page.
KEPT_FORM = "claim_form_kept"


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
        if key == "version" or key.startswith("base_") or key == "reason":
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


def _button(status, label, refusal):
    return {"status": status, "label": label, "refusal": refusal}


def _transition_refusal(claim, user, status) -> str | None:
    perm, message = STATUS_PERMISSIONS[status]
    if not user.has_perm(f"claims.{perm}"):
        return str(message)
    if status == ClaimStatus.PUBLISHED:
        return publication.approval_refusal(claim=claim, user=user)
    if status == ClaimStatus.IN_REVIEW and claim.verdict_id is None:
        return _("Set a verdict before sending the claim to review.")
    return None


def _transitions(claim, user) -> list[dict]:
    """The state buttons; one the user may not use is shown disabled, with why."""
    allowed = TRANSITIONS.get(ClaimStatus(claim.status), set())
    return [
        _button(status, STATUS_BUTTONS[status], _transition_refusal(claim, user, status))
        for status in ClaimStatus
        if status in allowed and status != ClaimStatus.WITHDRAWN
    ]


def _publication_context(claim, user) -> dict:
    record = public_record(claim)
    pending = publication.pending_version(claim)
    authors = list(pending.authors.all()) if pending else []
    correction_pending = claim.status == ClaimStatus.PUBLISHED and pending is not None
    return {
        "record": record,
        "pending": pending,
        "pending_authors": authors,
        "correction_pending": correction_pending,
        "approve_refusal": publication.approval_refusal(claim=claim, user=user)
        if correction_pending
        else None,
        "can_withdraw": claim.status == ClaimStatus.PUBLISHED
        and user.has_perm("claims.withdraw_claim"),
    }


def _kept_forms(request, claim) -> tuple[dict, dict | None]:
    """The forms a refusal sent back, bound to what the user had typed."""
    kept = request.session.pop(KEPT_FORM, None)
    if not kept or kept.get("claim") != claim.pk:
        return {}, None
    data = dict(kept.get("data") or {})
    # Typed on an older version of the claim: resend it on the current one.
    data["version"] = str(claim.version)
    form_class = {
        "attribution": AttributionForm,
        "verdict": VerdictForm,
        "evidence": EvidenceForm,
        "comment": CommentForm,
    }.get(kept["form"])
    forms = {}
    if form_class is not None:
        # Future saves compare with what is there now, not with what the user
        # first saw: the page shows them the current values beside theirs.
        for name in getattr(form_class, "merge_fields", ()):
            value = claim.verdict_id if name == "verdict" else getattr(claim, name)
            data[f"base_{name}"] = services.review.field_text(value)
        form = form_class(data)
        form.is_valid()
        forms[kept["form"]] = form
    return forms, kept.get("conflict")


def claim_page_context(request, claim, *, forms=None, conflict=None, error=None):
    forms = dict(forms or {})
    kept, kept_conflict = _kept_forms(request, claim)
    forms = {**kept, **forms}
    conflict = conflict or kept_conflict
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
    whole_history = request.GET.get("history") == "all"
    history, history_is_cut = selectors.claim_recent_history(
        claim=claim, limit=None if whole_history else selectors.HISTORY_SHOWN
    )
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
        "withdraw_form": WithdrawForm(initial={"version": claim.version}),
        "approve_form": ApproveForm(initial={"version": claim.version}),
        "transitions": _transitions(claim, request.user),
        "threads": threads,
        "reply_to": reply_to,
        "evidence": list(selectors.claim_evidence(claim=claim)),
        "history": history,
        "history_is_cut": history_is_cut,
        "conflict": conflict,
        "error": error,
        "is_published": claim.status == ClaimStatus.PUBLISHED,
        "context_before": claim.context_before,
        "context_after": claim.context_after,
        "next": next_path(request),
        **_publication_context(claim, request.user),
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


@role_required
def claim_detail(request, pk):
    return render_claim(request, pk)


def _back_to_claim(request, pk, anchor: str = ""):
    from django.http import QueryDict

    url = reverse("claims:claim_detail", args=[pk])
    next_url = safe_next(request, "")
    if next_url:
        query = QueryDict(mutable=True)
        query["next"] = next_url
        url += "?" + query.urlencode()
    return redirect(url + (f"#{anchor}" if anchor else ""))


def _keep(request, pk, form_key, *, conflict=None):
    data = {
        key: value
        for key, value in request.POST.items()
        if key not in ("csrfmiddlewaretoken", "next")
    }
    request.session[KEPT_FORM] = {
        "claim": pk,
        "form": form_key,
        "data": data,
        "conflict": conflict,
    }


def _conflict_rows(exc: EditConflict, form) -> dict:
    submitted = _submitted_display(form.cleaned_data)
    fields = set(exc.fields) or set(submitted)
    rows = [
        (str(label), str(value), submitted[key])
        for key, label, value in claim_values(_load(exc.current.pk))
        if key in submitted and key in fields
    ]
    return {"message": str(exc.message), "rows": rows}


def _act(request, pk, form_key, form, action, success_message, anchor=""):
    """Run a service for a claim form, then back to the claim page: with a
    success message, or with why not and the form as the user filled it."""
    try:
        action()
    except EditConflict as exc:
        _keep(request, pk, form_key, conflict=_conflict_rows(exc, form))
        messages.error(request, exc.message)
        return _back_to_claim(request, pk, anchor or "conflict")
    except DomainError as exc:  # a workflow rule or a refusal, with its reason
        _keep(request, pk, form_key)
        messages.error(request, exc.message)
        return _back_to_claim(request, pk, anchor)
    messages.success(request, success_message)
    return redirect(safe_next(request, reverse("claims:claim_detail", args=[pk])))


def _invalid(request, pk, form_key, message: str, anchor: str = "", form=None):
    """A form the user must correct. With the form: the claim page again, status 400,
    the message at the top and each field's error beside it (nothing was saved, so
    nothing to re-send); without: back to the claim page with the message."""
    if form is not None:
        return render_claim(request, pk, status=400, error=message, forms={form_key: form})
    _keep(request, pk, form_key)
    messages.error(request, message)
    return _back_to_claim(request, pk, anchor)


def _claim_ref(pk) -> Claim:
    return get_object_or_404(Claim.objects.only("id", "version"), pk=pk)


def claim_action(view):
    """A POST-only action of the claim page: other methods (a reload, a link
    followed) go back to the claim page instead of a bare 405."""
    from functools import wraps

    @wraps(view)
    def wrapped(request, pk, *args, **kwargs):
        if request.method != "POST":
            get_object_or_404(Claim.objects.only("id"), pk=pk)
            return redirect("claims:claim_detail", pk=pk)
        return view(request, pk, *args, **kwargs)

    return role_required(wrapped)


@claim_action
def claim_attribution(request, pk):
    claim = _claim_ref(pk)
    form = AttributionForm(request.POST)
    if not form.is_valid():
        return _invalid(
            request, pk, "attribution", _("Check the attribution fields."), "attribution"
        )
    values = {name: form.cleaned_data[name] for name in AttributionForm.attribution_fields()}
    return _act(
        request,
        pk,
        "attribution",
        form,
        lambda: services.review.claim_edit_fields(
            claim=claim,
            user=request.user,
            values=values,
            base=form.base_values(),
            expected_version=form.cleaned_data["version"],
            reason=form.cleaned_data["reason"],
        ),
        _("Attribution corrected.")
        if not _is_published(pk)
        else _("Correction saved: the public record changes once another editor approves it."),
        "attribution",
    )


def _is_published(pk) -> bool:
    return Claim.objects.filter(pk=pk, status=ClaimStatus.PUBLISHED).exists()


@claim_action
def claim_verdict(request, pk):
    claim = _claim_ref(pk)
    form = VerdictForm(request.POST)
    if not form.is_valid():
        return _invalid(request, pk, "verdict", _("Check the verdict fields."), "verdict-form")
    data = form.cleaned_data
    return _act(
        request,
        pk,
        "verdict",
        form,
        lambda: services.review.claim_edit_fields(
            claim=claim,
            user=request.user,
            values={"verdict": data["verdict"], "rationale": data["rationale"]},
            base=form.base_values(),
            expected_version=data["version"],
            reason=data["reason"],
        ),
        _("Verdict saved.")
        if not _is_published(pk)
        else _("Correction saved: the public record changes once another editor approves it."),
        "verdict-form",
    )


@claim_action
def claim_status(request, pk):
    claim = _claim_ref(pk)
    form = StatusForm(request.POST)
    if not form.is_valid():
        return _invalid(request, pk, "status", _("Choose a valid state."))
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


def _decide_pending(request, pk, decide, done_message):
    """Approve or turn down the pending version: one form, one note, two outcomes."""
    claim = _claim_ref(pk)
    form = ApproveForm(request.POST)
    if not form.is_valid():
        return _invalid(request, pk, "approve", _("The form was incomplete: try again."))
    return _act(
        request,
        pk,
        "approve",
        form,
        lambda: decide(
            claim=claim,
            user=request.user,
            expected_version=form.cleaned_data["version"],
            note=form.cleaned_data["note"],
        ),
        done_message,
        "public-record",
    )


@claim_action
def claim_approve(request, pk):
    """Approve the pending version: a correction of a published claim."""
    return _decide_pending(
        request,
        pk,
        publication.claim_approve,
        _("Approved: the public record now shows this version."),
    )


@claim_action
def claim_discard_correction(request, pk):
    return _decide_pending(
        request,
        pk,
        publication.claim_discard_correction,
        _("The correction was turned down: the claim is back to its public version."),
    )


@claim_action
def claim_withdraw(request, pk):
    claim = _claim_ref(pk)
    form = WithdrawForm(request.POST)
    if not form.is_valid():
        return _invalid(
            request,
            pk,
            "withdraw",
            _("Say why the fact-check is withdrawn: readers will see it."),
            "public-record",
        )
    return _act(
        request,
        pk,
        "withdraw",
        form,
        lambda: publication.claim_withdraw(
            claim=claim,
            user=request.user,
            expected_version=form.cleaned_data["version"],
            reason=form.cleaned_data["reason"],
        ),
        _("Withdrawn: the fact-check has left the public feeds."),
        "public-record",
    )


@claim_action
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
        return _invalid(request, pk, "assign", _("Choose someone to assign."))
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


@claim_action
def claim_comment(request, pk):
    claim = _claim_ref(pk)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _invalid(request, pk, "comment", _("Write a comment first."), "comment-form")
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


@claim_action
def claim_evidence(request, pk):
    claim = _claim_ref(pk)
    form = EvidenceForm(request.POST)
    if not form.is_valid():
        return _invalid(
            request, pk, "evidence", _("Give the evidence's link."), "evidence", form=form
        )
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
            public=form.cleaned_data["public"],
        ),
        _("Evidence added."),
    )
