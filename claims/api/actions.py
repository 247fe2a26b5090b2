"""One edit of a claim that touches several aspects at once (attribution,
verdict, assignee, state), as the API's PATCH and the admin's change form
send it. It only sequences the review services in one transaction: every
rule, permission check and audit entry is theirs.

TODO(services owner): this belongs in claims/services/review.py as
`claim_update`; it lives here because the API may not edit that module.
"""

from django.db import transaction

from claims.models import Claim
from claims.services import review


@transaction.atomic
def claim_apply_changes(
    *, claim: Claim, user, expected_version: int | None, changes: dict
) -> Claim:
    """Apply `changes` (the ClaimUpdateSerializer's fields) in the workflow's order.

    The first service checks `expected_version`; the later ones continue from
    the version the previous one wrote. Any refusal rolls everything back.
    """
    version = expected_version

    attribution = {k: changes[k] for k in review.ATTRIBUTION_FIELDS if k in changes}
    if attribution:
        claim = review.claim_correct_attribution(
            claim=claim, user=user, expected_version=version, **attribution
        )
        version = claim.version

    if "verdict" in changes or "rationale" in changes:
        claim = review.claim_set_verdict(
            claim=claim,
            user=user,
            expected_version=version,
            verdict=changes["verdict"] if "verdict" in changes else claim.verdict,
            rationale=changes.get("rationale"),
            reason=changes.get("reason", ""),
        )
        version = claim.version

    if "assignee" in changes:
        claim = review.claim_assign(
            claim=claim, user=user, expected_version=version, assignee=changes["assignee"]
        )
        version = claim.version

    if "status" in changes:
        claim = review.claim_set_status(
            claim=claim,
            user=user,
            expected_version=version,
            status=changes["status"],
            reason=changes.get("reason", ""),
        )
        version = claim.version
    return claim
