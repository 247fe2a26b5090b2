"""Writes of the review workflow: attribution corrections, state, verdict,
assignment, comments and evidence. Every change is checked against the
user's role and the claim's version, and written to the audit trail."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from claims.exceptions import EditConflict, NotAllowed, WorkflowError
from claims.models import (
    Claim,
    ClaimEvent,
    ClaimStatus,
    Comment,
    Evidence,
    QuoteType,
    Rating,
    SourceKind,
)
from claims.services.audit import Change, require_perm
from claims.services.audit import apply_values as _apply
from claims.services.audit import lock_claim as _lock_current
from claims.services.audit import save_with_history as _save_with_history
from claims.services.publication import (
    claim_approve,
    claim_is_public,
    claim_withdraw,
    version_add_author,
    version_record_change,
)
from claims.services.sources import source_for_mention

__all__ = ["Change", "require_perm"]

ATTRIBUTION_FIELDS = (
    "source_text",
    "cue_text",
    "channel_text",
    "source_kind",
    "quote_type",
    "hedged",
)

# Which workflow moves are allowed from each state. A published claim leaves
# "published" only by being withdrawn (with a public reason); a withdrawn one
# is reworked and goes through review and a second person's approval again.
TRANSITIONS = {
    ClaimStatus.UNVERIFIED: {ClaimStatus.IN_PROGRESS, ClaimStatus.DISMISSED},
    ClaimStatus.IN_PROGRESS: {ClaimStatus.IN_REVIEW, ClaimStatus.UNVERIFIED, ClaimStatus.DISMISSED},
    ClaimStatus.IN_REVIEW: {ClaimStatus.PUBLISHED, ClaimStatus.IN_PROGRESS, ClaimStatus.DISMISSED},
    ClaimStatus.PUBLISHED: {ClaimStatus.WITHDRAWN},
    ClaimStatus.DISMISSED: {ClaimStatus.UNVERIFIED},
    ClaimStatus.WITHDRAWN: {ClaimStatus.IN_PROGRESS},
}

# The permission each move needs, whatever the route (screen, API, bulk, admin).
_WITHDRAW_REFUSED = gettext_lazy("Only an editor can withdraw a fact-check.")
STATUS_PERMISSIONS = {
    ClaimStatus.UNVERIFIED: (
        "set_verdict",
        gettext_lazy("Your role cannot change a claim's state."),
    ),
    ClaimStatus.IN_PROGRESS: (
        "set_verdict",
        gettext_lazy("Your role cannot change a claim's state."),
    ),
    ClaimStatus.IN_REVIEW: ("set_verdict", gettext_lazy("Your role cannot send claims to review.")),
    ClaimStatus.DISMISSED: ("set_verdict", gettext_lazy("Your role cannot dismiss claims.")),
    ClaimStatus.PUBLISHED: ("publish_claim", gettext_lazy("Only an editor can publish a verdict.")),
    ClaimStatus.WITHDRAWN: (
        "withdraw_claim",
        gettext_lazy("Only an editor can withdraw a fact-check."),
    ),
}


_is_public = claim_is_public


@transaction.atomic
def claim_correct_attribution(
    *, claim: Claim, user, expected_version: int | None, reason: str = "", **values
) -> Claim:
    """Correct source, cue, channel, kind, quote type or hedging; kept on re-extraction.

    On a published claim this is a correction: it needs a reason and waits
    for a second person's approval before the public sees it.
    """
    require_perm(user, "correct_attribution", _("Your role cannot correct attributions."))
    unknown = set(values) - set(ATTRIBUTION_FIELDS)
    if unknown:
        raise WorkflowError(_("Unknown attribution fields: %s") % ", ".join(sorted(unknown)))
    if "source_kind" in values and values["source_kind"] not in SourceKind.values:
        raise WorkflowError(_("Unknown source kind."))
    if "quote_type" in values and values["quote_type"] not in QuoteType.values:
        raise WorkflowError(_("Unknown quote type."))
    claim = _lock_current(claim, expected_version)
    changes = _apply(claim, values)
    if not changes:
        return claim
    version_record_change(claim=claim, user=user, reason=reason)
    if {"source_text", "source_kind"} & {change.field for change in changes}:
        claim.source = source_for_mention(
            name=claim.source_text, mention=claim.source_text, kind=claim.source_kind
        )
    claim.corrected_by = user
    claim.corrected_at = timezone.now()
    action = "correction" if _is_public(claim) else "correct_attribution"
    return _save_with_history(claim, user, action, changes, reason=reason.strip())


@transaction.atomic
def claim_set_verdict(
    *,
    claim: Claim,
    user,
    expected_version: int | None,
    verdict: Rating | None,
    rationale: str | None = None,
    reason: str = "",
) -> Claim:
    """Set the verdict (and rationale); whoever does is an author of the next
    public version. On a published claim it is a correction with a reason."""
    require_perm(user, "set_verdict", _("Your role cannot set verdicts."))
    claim = _lock_current(claim, expected_version)
    values = {"verdict": verdict}
    if rationale is not None:
        values["rationale"] = rationale
    if _is_public(claim) and verdict is None:
        raise WorkflowError(_("A published claim must keep a verdict."))
    changes = _apply(claim, values)
    if not changes:
        return claim
    version_record_change(claim=claim, user=user, reason=reason)
    if any(change.field == "verdict" for change in changes):
        claim.verdict_set_by = user
        claim.verdict_set_at = timezone.now()
    action = "correction" if _is_public(claim) else "set_verdict"
    return _save_with_history(claim, user, action, changes, reason=reason.strip())


@transaction.atomic
def claim_set_status(
    *, claim: Claim, user, expected_version: int | None, status: str, reason: str = ""
) -> Claim:
    """Move the claim along the workflow: new → in progress → in review →
    published (by a second person) → withdrawn → in progress again."""
    if status not in STATUS_PERMISSIONS:
        raise WorkflowError(_("Choose a valid state."))
    perm, message = STATUS_PERMISSIONS[ClaimStatus(status)]
    require_perm(user, perm, str(message))
    claim = _lock_current(claim, expected_version)
    if status == claim.status:
        return claim
    if status not in TRANSITIONS.get(claim.status, set()):
        raise WorkflowError(
            _("A claim cannot go from “%(old)s” to “%(new)s”.")
            % {"old": claim.get_status_display(), "new": ClaimStatus(status).label}
        )
    if status == ClaimStatus.IN_REVIEW and claim.verdict_id is None:
        raise WorkflowError(_("Set a verdict before sending the claim to review."))
    if status == ClaimStatus.PUBLISHED:
        return claim_approve(claim=claim, user=user, expected_version=None, note=reason)
    if status == ClaimStatus.WITHDRAWN:
        return claim_withdraw(claim=claim, user=user, expected_version=None, reason=reason)
    changes = _apply(claim, {"status": status})
    return _save_with_history(claim, user, "set_status", changes, reason=reason.strip())


def field_text(value) -> str:
    """A field's value as a form carries it, to compare what people saw and sent."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if hasattr(value, "pk"):
        return str(value.pk)
    # Browsers send a textarea's line breaks as CRLF and an attribute's as LF;
    # forms strip the ends: neither is a change anyone made.
    return str(value).replace("\r\n", "\n").strip()


def _current_text(claim: Claim, field: str) -> str:
    return field_text(claim.verdict_id if field == "verdict" else getattr(claim, field))


@transaction.atomic
def claim_edit_fields(
    *,
    claim: Claim,
    user,
    values: dict,
    base: dict[str, str] | None,
    expected_version: int | None = None,
    reason: str = "",
) -> Claim:
    """One panel's edit, merged with whatever others saved since it was loaded.

    `base` holds the values the form showed. Only the fields the user changed
    are written, so two people editing different fields both keep their work;
    a field someone else changed meanwhile to another value is a conflict
    (EditConflict naming it) and nothing is saved. Without `base` (a client
    that does not send it) the claim's version decides, as in the API.
    """
    current = _lock_current(claim, expected_version if base is None else None)
    if base is None:
        changed = dict(values)
    else:
        changed, conflicts = {}, []
        for field, value in values.items():
            mine, now = field_text(value), _current_text(current, field)
            seen = field_text(base.get(field, ""))
            if mine == seen or mine == now:
                continue
            if now != seen:
                conflicts.append(field)
            changed[field] = value
        if conflicts:
            raise EditConflict(
                _(
                    "Someone else changed the same field while you were editing it. "
                    "Nothing was saved: compare both values, then save again."
                ),
                current=current,
                fields=conflicts,
            )
    attribution = {k: changed[k] for k in ATTRIBUTION_FIELDS if k in changed}
    if attribution:
        # Through the editing service: typed words are found in the text and
        # underlined there, and the change is kept as a correction of the extraction.
        from claims.services.editing import claim_edit_extraction

        current = claim_edit_extraction(
            claim=current, user=user, expected_version=None, reason=reason, **attribution
        )
    if "verdict" in changed or "rationale" in changed:
        current = claim_set_verdict(
            claim=current,
            user=user,
            expected_version=None,
            verdict=changed["verdict"] if "verdict" in changed else current.verdict,
            rationale=changed.get("rationale"),
            reason=reason,
        )
    return current


@transaction.atomic
def claim_assign(*, claim: Claim, user, expected_version: int | None, assignee) -> Claim:
    """Anyone who reviews may take a claim; giving it to someone else is an editor's call."""
    if assignee is not None and assignee.pk != user.pk:
        require_perm(user, "assign_claim", _("Only an editor can assign claims to others."))
    if assignee is None:
        require_perm(user, "set_verdict", _("Your role cannot change assignments."))
    else:
        require_perm(user, "set_verdict", _("Your role cannot take claims."))
    claim = _lock_current(claim, expected_version)
    changes = _apply(claim, {"assignee": assignee})
    if not changes:
        return claim
    return _save_with_history(claim, user, "assign", changes)


@transaction.atomic
def claim_add_comment(*, claim: Claim, user, body: str, parent: Comment | None = None) -> Comment:
    if not user.has_perm("claims.add_comment"):
        raise NotAllowed(_("Your role cannot comment."))
    body = (body or "").strip()
    if not body:
        raise WorkflowError(_("A comment cannot be empty."))
    if parent is not None and parent.claim_id != claim.pk:
        raise WorkflowError(_("A reply must belong to the same claim as its comment."))
    comment = Comment.objects.create(claim=claim, parent=parent, author=user, body=body[:10_000])
    ClaimEvent.objects.create(claim=claim, actor=user, action="comment", new_value=body[:200])
    return comment


@transaction.atomic
def claim_add_evidence(
    *, claim: Claim, user, url: str, description: str = "", public: bool = True
) -> Evidence:
    """A link for the claim. Public evidence joins the next public version: on
    a published claim it waits, as a correction, for a second person."""
    from claims.services.articles import validate_article_url

    if not user.has_perm("claims.add_evidence"):
        raise NotAllowed(_("Your role cannot add evidence."))
    url = validate_article_url(url)
    if not url:
        raise WorkflowError(_("Evidence needs a link."))
    claim = _lock_current(claim, None)
    evidence = Evidence.objects.create(
        claim=claim,
        url=url,
        description=(description or "").strip()[:500],
        added_by=user,
        public=public,
    )
    if public:
        note = _("Evidence added: %(url)s") % {"url": url} if _is_public(claim) else ""
        version_add_author(claim=claim, user=user, note=note)
    ClaimEvent.objects.create(claim=claim, actor=user, action="evidence", new_value=url)
    return evidence


@transaction.atomic
def claims_bulk_update(
    *, claim_ids, user, status: str | None = None, assignee=..., reason: str = ""
):
    """An editor's change to many claims; each one is checked and audited as if done alone.

    Returns (changed, refused) where refused lists (claim, message) pairs.
    """
    require_perm(user, "bulk_edit_claims", _("Only an editor can change claims in bulk."))
    changed, refused = [], []
    for claim in Claim.objects.filter(pk__in=list(claim_ids)).order_by("pk"):
        try:
            with transaction.atomic():
                if assignee is not ...:
                    claim = claim_assign(
                        claim=claim, user=user, expected_version=None, assignee=assignee
                    )
                if status:
                    claim = claim_set_status(
                        claim=claim, user=user, expected_version=None, status=status, reason=reason
                    )
            changed.append(claim)
        except (WorkflowError, NotAllowed) as exc:
            refused.append((claim, exc.message))
    return changed, refused


@dataclass(frozen=True)
class DecisionUndo:
    """What one queue decision changed, enough to take it back.

    Plain values (ids, strings) so the queue can keep it in the session.
    `version` is the claim's version right after the decision: undoing is
    refused with EditConflict if anyone saved the claim since.
    """

    claim_id: int
    version: int
    status: str
    verdict_id: int | None
    rationale: str
    assignee_id: int | None

    def as_dict(self) -> dict:
        return {
            "claim_id": self.claim_id,
            "version": self.version,
            "status": self.status,
            "verdict_id": self.verdict_id,
            "rationale": self.rationale,
            "assignee_id": self.assignee_id,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "DecisionUndo":
        return cls(**{name: data.get(name) for name in cls.__dataclass_fields__})


def _undo_of(before: Claim, after: Claim) -> DecisionUndo:
    return DecisionUndo(
        claim_id=after.pk,
        version=after.version,
        status=before.status,
        verdict_id=before.verdict_id,
        rationale=before.rationale,
        assignee_id=before.assignee_id,
    )


def _snapshot(claim: Claim) -> Claim:
    return Claim(
        pk=claim.pk,
        status=claim.status,
        verdict_id=claim.verdict_id,
        rationale=claim.rationale,
        assignee_id=claim.assignee_id,
        version=claim.version,
    )


@transaction.atomic
def claim_decide_verdict(
    *,
    claim: Claim,
    user,
    expected_version: int | None,
    verdict: Rating,
    rationale: str | None = None,
    to_review: bool = False,
) -> tuple[Claim, DecisionUndo]:
    """The review queue's decision: a verdict and, if asked, on to an editor's review.

    Each step goes through the ordinary services, so the same rules and the
    same audit trail apply; the returned DecisionUndo takes it all back.
    """
    current = _lock_current(claim, expected_version)
    before = _snapshot(current)
    if verdict is None:
        raise WorkflowError(_("Choose a verdict."))
    claim = claim_set_verdict(
        claim=current, user=user, expected_version=None, verdict=verdict, rationale=rationale
    )
    if to_review:
        if claim.status == ClaimStatus.UNVERIFIED:
            claim = claim_set_status(
                claim=claim, user=user, expected_version=None, status=ClaimStatus.IN_PROGRESS
            )
        if claim.status == ClaimStatus.IN_PROGRESS:
            claim = claim_set_status(
                claim=claim, user=user, expected_version=None, status=ClaimStatus.IN_REVIEW
            )
    return claim, _undo_of(before, claim)


@transaction.atomic
def claim_take(*, claim: Claim, user, expected_version: int | None) -> tuple[Claim, DecisionUndo]:
    """Assign the claim to the user themself (the queue's `a`)."""
    current = _lock_current(claim, expected_version)
    before = _snapshot(current)
    claim = claim_assign(claim=current, user=user, expected_version=None, assignee=user)
    return claim, _undo_of(before, claim)


# How to walk the workflow back to an earlier state, one allowed move at a time.
_BACKWARD = {
    ClaimStatus.IN_REVIEW: ClaimStatus.IN_PROGRESS,
    ClaimStatus.IN_PROGRESS: ClaimStatus.UNVERIFIED,
}


@transaction.atomic
def claim_undo_decision(*, undo: DecisionUndo, user) -> Claim:
    """Take back a queue decision, if nobody saved the claim since.

    A published claim is never rolled back: it changes only by a correction.
    """
    from django.contrib.auth import get_user_model

    claim = _lock_current(Claim(pk=undo.claim_id), undo.version)
    if claim.status == ClaimStatus.PUBLISHED:
        raise WorkflowError(_("This claim is published: correct its verdict instead of undoing."))
    reason = _("Undo")
    order = [ClaimStatus.UNVERIFIED, ClaimStatus.IN_PROGRESS, ClaimStatus.IN_REVIEW]
    if claim.status != undo.status:
        if claim.status in order and undo.status in order:
            while order.index(claim.status) > order.index(undo.status):
                claim = claim_set_status(
                    claim=claim,
                    user=user,
                    expected_version=None,
                    status=_BACKWARD[claim.status],
                    reason=reason,
                )
        else:
            claim = claim_set_status(
                claim=claim, user=user, expected_version=None, status=undo.status, reason=reason
            )
    if claim.verdict_id != undo.verdict_id or claim.rationale != (undo.rationale or ""):
        verdict = Rating.objects.filter(pk=undo.verdict_id).first() if undo.verdict_id else None
        claim = claim_set_verdict(
            claim=claim,
            user=user,
            expected_version=None,
            verdict=verdict,
            rationale=undo.rationale or "",
        )
    if claim.assignee_id != undo.assignee_id:
        assignee = (
            get_user_model().objects.filter(pk=undo.assignee_id).first()
            if undo.assignee_id
            else None
        )
        claim = claim_assign(claim=claim, user=user, expected_version=None, assignee=assignee)
    return claim


@transaction.atomic
def claim_update(*, claim: Claim, user, expected_version: int | None, changes: dict) -> Claim:
    """One edit touching several aspects at once (the API's PATCH, the admin's
    change form): attribution, then verdict, assignee and state, each through
    its own service above, in one transaction.

    The first service checks `expected_version`; the later ones continue from
    the version the previous one wrote. Any refusal rolls everything back.
    """
    version = expected_version

    attribution = {k: changes[k] for k in ATTRIBUTION_FIELDS if k in changes}
    if attribution:
        claim = claim_correct_attribution(
            claim=claim,
            user=user,
            expected_version=version,
            reason=changes.get("reason", ""),
            **attribution,
        )
        version = claim.version

    if "verdict" in changes or "rationale" in changes:
        claim = claim_set_verdict(
            claim=claim,
            user=user,
            expected_version=version,
            verdict=changes["verdict"] if "verdict" in changes else claim.verdict,
            rationale=changes.get("rationale"),
            reason=changes.get("reason", ""),
        )
        version = claim.version

    if "assignee" in changes:
        claim = claim_assign(
            claim=claim, user=user, expected_version=version, assignee=changes["assignee"]
        )
        version = claim.version

    if "status" in changes:
        claim = claim_set_status(
            claim=claim,
            user=user,
            expected_version=version,
            status=changes["status"],
            reason=changes.get("reason", ""),
        )
        version = claim.version
    return claim
