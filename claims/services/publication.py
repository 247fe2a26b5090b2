"""What the public sees of a claim, and the two-person rule that guards it.

The claim's own fields are the working copy people edit. Whoever changes its
verdict, rationale, attribution or public evidence becomes an author of the
claim's pending version (ClaimVersion). Approving that version copies the
working values into it and makes it the public record; only someone with the
publish right who wrote none of it may approve. Once a claim is published,
every later change waits in a new pending version — a correction, with a
public reason — and the public record stays as approved until a second
person approves the correction. Withdrawing takes a fact-check back from the
public with a reason; it can be reworked and published again the same way.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from claims import signals
from claims.exceptions import WorkflowError
from claims.models import (
    Claim,
    ClaimStatus,
    ClaimVersion,
    Evidence,
    VersionKind,
    VersionState,
)
from claims.public.addresses import public_slug_for
from claims.services.audit import (
    Change,
    lock_claim,
    require_perm,
    save_with_history,
)

# What a version copies from the claim when it is approved.
PUBLIC_FIELDS = (
    "verdict",
    "rationale",
    "source_text",
    "cue_text",
    "channel_text",
    "source_kind",
    "quote_type",
    "hedged",
)


def _send_after_commit(signal, claim: Claim) -> None:
    transaction.on_commit(lambda: signal.send(sender=Claim, claim=claim))


def latest_approved(claim: Claim) -> ClaimVersion | None:
    return (
        ClaimVersion.objects.filter(claim=claim, state=VersionState.APPROVED)
        .order_by("-approved_at", "-id")
        .first()
    )


def pending_version(claim: Claim) -> ClaimVersion | None:
    return ClaimVersion.objects.filter(claim=claim, state=VersionState.PENDING).first()


def _open_pending(claim: Claim) -> ClaimVersion:
    """The claim's pending version, created on the first change after an approval.

    Changes made before this history existed (a verdict set before the
    upgrade) still count: the people recorded on the claim become authors.
    """
    version = pending_version(claim)
    if version is not None:
        return version
    version = ClaimVersion.objects.create(claim=claim)
    if not ClaimVersion.objects.filter(claim=claim, state=VersionState.APPROVED).exists():
        earlier = {claim.verdict_set_by_id, claim.corrected_by_id} - {None}
        if earlier:
            version.authors.add(*earlier)
    return version


def version_add_author(*, claim: Claim, user, note: str = "") -> ClaimVersion:
    """Record that user wrote part of the claim's next public version.

    Called by every service that changes what the public record copies; the
    claim's row is already locked by the caller.
    """
    version = _open_pending(claim)
    if getattr(user, "pk", None):
        version.authors.add(user)
    note = (note or "").strip()
    if note and note not in version.note:
        version.note = f"{version.note} {note}".strip() if version.note else note
        version.save(update_fields=["note", "updated_at"])
    return version


def claim_is_public(claim: Claim) -> bool:
    return claim.status == ClaimStatus.PUBLISHED


def version_record_change(*, claim: Claim, user, reason: str) -> None:
    """Every service that changes what the public record copies calls this.

    On a published claim the change is a correction: it needs a written reason.
    Whoever makes the change is an author of the pending version, so they
    cannot approve it themselves.
    """
    public = claim_is_public(claim)
    if public and not reason.strip():
        raise WorkflowError(
            _(
                "This claim is published: changing it is a correction and needs a written "
                "reason. The public record stays as it is until a second editor approves it."
            )
        )
    version_add_author(claim=claim, user=user, note=reason if public else "")


def version_author_ids(claim: Claim) -> set[int]:
    """Who wrote the pending version (or, with none, who set the verdict)."""
    version = pending_version(claim)
    if version is None:
        if latest_approved(claim) is not None:
            return set()
        return {claim.verdict_set_by_id, claim.corrected_by_id} - {None}
    return set(version.authors.values_list("pk", flat=True))


def approval_refusal(*, claim: Claim, user) -> str | None:
    """Why user may not approve the claim's pending version; None if they may.

    The claim page shows it beside a disabled button; claim_approve raises it.
    """
    if not (user and user.is_active and user.has_perm("claims.publish_claim")):
        return _("Only an editor can publish a verdict.")
    if claim.status == ClaimStatus.PUBLISHED:
        if pending_version(claim) is None:
            return _("There is no correction waiting for approval.")
    elif claim.status != ClaimStatus.IN_REVIEW:
        return _("Send the claim to review before publishing it.")
    if claim.verdict_id is None:
        return _("A published claim must keep a verdict.")
    if user.pk in version_author_ids(claim):
        if claim.verdict_set_by_id == user.pk:
            return _("Publishing needs a second editor: you set this verdict yourself.")
        return _(
            "Publishing needs a second editor: you wrote part of this version "
            "(its verdict, rationale, attribution or evidence)."
        )
    return None


def _public_evidence_ids(claim: Claim) -> list[int]:
    return list(
        Evidence.objects.filter(claim=claim, public=True)
        .order_by("id")
        .values_list("pk", flat=True)
    )


def _approve(claim: Claim, user, kind: str, note: str) -> tuple[ClaimVersion, ClaimVersion | None]:
    previous = latest_approved(claim)
    version = _open_pending(claim)
    for field in PUBLIC_FIELDS:
        setattr(version, field, getattr(claim, field))
    version.evidence_ids = _public_evidence_ids(claim)
    version.kind = kind
    version.state = VersionState.APPROVED
    version.approved_by = user
    version.approved_at = timezone.now()
    if note:
        version.note = note
    version.save()
    return version, previous


def _public_changes(previous: ClaimVersion | None, version: ClaimVersion) -> list[Change]:
    if previous is None:
        return []
    return [
        Change(field, getattr(previous, field), getattr(version, field))
        for field in PUBLIC_FIELDS
        if getattr(previous, field) != getattr(version, field)
    ]


@transaction.atomic
def claim_approve(*, claim: Claim, user, expected_version: int | None, note: str = "") -> Claim:
    """Approve the claim's pending version: publish a claim in review, or make
    a published claim's correction public. Refused to any of its authors."""
    require_perm(user, "publish_claim", _("Only an editor can publish a verdict."))
    claim = lock_claim(claim, expected_version)
    refusal = approval_refusal(claim=claim, user=user)
    if refusal:
        raise WorkflowError(refusal)
    note = (note or "").strip()
    if claim.status == ClaimStatus.PUBLISHED:
        pending = pending_version(claim)
        if not (note or pending.note):
            raise WorkflowError(_("A correction needs a public note saying what changed and why."))
        version, previous = _approve(claim, user, VersionKind.CORRECTION, note)
        # One history row per public field that changed (a correction of the
        # evidence alone changes none of them: one row says it was approved).
        changes = _public_changes(previous, version) or [Change("", "", "")]
        claim = save_with_history(claim, user, "approve_correction", changes, version.note)
        _send_after_commit(signals.claim_corrected, claim)
        return claim
    version, _previous = _approve(claim, user, VersionKind.PUBLICATION, note)
    old_status = claim.status
    claim.status = ClaimStatus.PUBLISHED
    claim.published_by = user
    claim.published_at = version.approved_at
    if not claim.public_slug:  # kept for good: links to the public page must last
        claim.public_slug = public_slug_for(claim_id=claim.pk, content=claim.content)
    claim = save_with_history(
        claim, user, "set_status", [Change("status", old_status, claim.status)], reason=note
    )
    _send_after_commit(signals.claim_published, claim)
    return claim


@transaction.atomic
def claim_withdraw(*, claim: Claim, user, expected_version: int | None, reason: str) -> Claim:
    """Take a published fact-check back from the public, with a public reason.

    It leaves the feeds and keeps its history; its ClaimReview says it was
    withdrawn. Reworked, it is published again by the same two-person rule.
    """
    require_perm(user, "withdraw_claim", _("Only an editor can withdraw a fact-check."))
    claim = lock_claim(claim, expected_version)
    if claim.status != ClaimStatus.PUBLISHED:
        raise WorkflowError(_("Only a published fact-check can be withdrawn."))
    reason = (reason or "").strip()
    if not reason:
        raise WorkflowError(_("Say why the fact-check is withdrawn: readers will see it."))
    # Every approved version is marked, so no earlier one reads as live.
    ClaimVersion.objects.filter(
        claim=claim, state=VersionState.APPROVED, withdrawn_at__isnull=True
    ).update(withdrawn_by=user, withdrawn_at=timezone.now(), withdrawn_reason=reason[:2000])
    old_status = claim.status
    claim.status = ClaimStatus.WITHDRAWN
    claim = save_with_history(
        claim, user, "withdraw", [Change("status", old_status, claim.status)], reason=reason
    )
    _send_after_commit(signals.claim_withdrawn, claim)
    return claim


@transaction.atomic
def claim_discard_correction(
    *, claim: Claim, user, expected_version: int | None, note: str = ""
) -> Claim:
    """Turn down a published claim's pending correction: the working values go
    back to the public record's, and the correction stays in the history."""
    require_perm(user, "publish_claim", _("Only an editor can turn down a correction."))
    claim = lock_claim(claim, expected_version)
    pending = pending_version(claim)
    public = latest_approved(claim)
    if claim.status != ClaimStatus.PUBLISHED or pending is None or public is None:
        raise WorkflowError(_("There is no correction waiting for approval."))
    changes = []
    for field in PUBLIC_FIELDS:
        old, new = getattr(claim, field), getattr(public, field)
        if old != new:
            setattr(claim, field, new)
            changes.append(Change(field, old, new))
    pending.state = VersionState.REJECTED
    pending.save(update_fields=["state", "updated_at"])
    return save_with_history(
        claim, user, "discard_correction", changes or [Change("", "", "")], reason=note.strip()
    )
