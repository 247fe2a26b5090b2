"""Writes of the review workflow: attribution corrections, state, verdict,
assignment, comments and evidence. Every change is checked against the
user's role and the claim's version, and written to the audit trail."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from claims import signals
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
from claims.services.sources import source_for_mention

ATTRIBUTION_FIELDS = (
    "source_text",
    "cue_text",
    "channel_text",
    "source_kind",
    "quote_type",
    "hedged",
)

# Which workflow moves are allowed from each state. Leaving "published" is
# only possible through a verdict correction, never by a state change.
TRANSITIONS = {
    ClaimStatus.UNVERIFIED: {ClaimStatus.IN_PROGRESS, ClaimStatus.DISMISSED},
    ClaimStatus.IN_PROGRESS: {ClaimStatus.IN_REVIEW, ClaimStatus.UNVERIFIED, ClaimStatus.DISMISSED},
    ClaimStatus.IN_REVIEW: {ClaimStatus.PUBLISHED, ClaimStatus.IN_PROGRESS, ClaimStatus.DISMISSED},
    ClaimStatus.PUBLISHED: set(),
    ClaimStatus.DISMISSED: {ClaimStatus.UNVERIFIED},
}


@dataclass(frozen=True)
class Change:
    field: str
    old: object
    new: object


def require_perm(user, perm: str, message: str) -> None:
    if not user.has_perm(f"claims.{perm}"):
        raise NotAllowed(message)


def _lock_current(claim: Claim, expected_version: int | None) -> Claim:
    """The claim's row, locked; EditConflict if someone saved it since it was read."""
    current = Claim.objects.select_for_update().get(pk=claim.pk)
    if expected_version is not None and current.version != expected_version:
        raise EditConflict(
            _(
                "Someone else saved this claim while you were editing it. "
                "Here are the current values: review them and save again."
            ),
            current=current,
        )
    return current


def _display(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value)


def _save_with_history(claim: Claim, user, action: str, changes: list[Change], reason: str = ""):
    claim.version += 1
    claim.save()
    ClaimEvent.objects.bulk_create(
        ClaimEvent(
            claim=claim,
            actor=user if getattr(user, "pk", None) else None,
            action=action,
            field=change.field,
            old_value=_display(change.old),
            new_value=_display(change.new),
            reason=reason,
        )
        for change in changes
    )
    return claim


def _apply(claim: Claim, values: dict) -> list[Change]:
    changes = []
    for field, new in values.items():
        old = getattr(claim, field)
        if old != new:
            setattr(claim, field, new)
            changes.append(Change(field, old, new))
    return changes


@transaction.atomic
def claim_correct_attribution(
    *, claim: Claim, user, expected_version: int | None, **values
) -> Claim:
    """Correct source, cue, channel, kind, quote type or hedging; kept on re-extraction."""
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
    if {"source_text", "source_kind"} & {change.field for change in changes}:
        claim.source = source_for_mention(
            name=claim.source_text, mention=claim.source_text, kind=claim.source_kind
        )
    claim.corrected_by = user
    claim.corrected_at = timezone.now()
    return _save_with_history(claim, user, "correct_attribution", changes)


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
    """Set the verdict (and rationale). A published verdict changes only as a
    correction with a written reason."""
    require_perm(user, "set_verdict", _("Your role cannot set verdicts."))
    claim = _lock_current(claim, expected_version)
    values = {"verdict": verdict}
    if rationale is not None:
        values["rationale"] = rationale
    if claim.status == ClaimStatus.PUBLISHED and not reason.strip():
        raise WorkflowError(
            _("This verdict is published: changing it is a correction and needs a written reason.")
        )
    if claim.status == ClaimStatus.PUBLISHED and verdict is None:
        raise WorkflowError(_("A published claim must keep a verdict."))
    changes = _apply(claim, values)
    if not changes:
        return claim
    if any(change.field == "verdict" for change in changes):
        claim.verdict_set_by = user
        claim.verdict_set_at = timezone.now()
    action = "correction" if claim.status == ClaimStatus.PUBLISHED else "set_verdict"
    return _save_with_history(claim, user, action, changes, reason=reason.strip())


@transaction.atomic
def claim_set_status(
    *, claim: Claim, user, expected_version: int | None, status: str, reason: str = ""
) -> Claim:
    """Move the claim along the workflow: new → in progress → in review → published."""
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
        require_perm(user, "publish_claim", _("Only an editor can publish a verdict."))
        if claim.verdict_set_by_id == user.pk:
            raise WorkflowError(
                _("Publishing needs a second editor: you set this verdict yourself.")
            )
        claim.published_by = user
        claim.published_at = timezone.now()
        transaction.on_commit(lambda: signals.claim_published.send(sender=Claim, claim=claim))
    changes = _apply(claim, {"status": status})
    return _save_with_history(claim, user, "set_status", changes, reason=reason.strip())


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
def claim_add_evidence(*, claim: Claim, user, url: str, description: str = "") -> Evidence:
    from claims.services.articles import validate_article_url

    if not user.has_perm("claims.add_evidence"):
        raise NotAllowed(_("Your role cannot add evidence."))
    url = validate_article_url(url)
    if not url:
        raise WorkflowError(_("Evidence needs a link."))
    evidence = Evidence.objects.create(
        claim=claim, url=url, description=(description or "").strip()[:500], added_by=user
    )
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
            claim=claim, user=user, expected_version=version, **attribution
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
