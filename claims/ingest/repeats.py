"""Repeated claims: the same claim found in other articles ("also appears in").

Cheap by design. Each claim gets a fingerprint when indexed: the digest of its
normalized words (lower case, no accents, no punctuation) and a bottom-k
sketch of its word-trigram shingles, stored one key per row so the database
finds candidates sharing a key. Candidates in the same language are then
scored by the Jaccard similarity of their shingles.
"""

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from claims.exceptions import WorkflowError
from claims.models import Claim, ClaimFingerprint, ClaimShingle

SKETCH_SIZE = 8
SHINGLE_WORDS = 3
SIMILARITY_THRESHOLD = 0.5
MAX_CANDIDATES = 200
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Repeat:
    claim: Claim
    similarity: float

    @property
    def article(self):
        return self.claim.article

    @property
    def verdict(self):
        return self.claim.verdict

    @property
    def verdict_label(self) -> str:
        verdict = self.claim.verdict
        return verdict.label_for(get_language() or "it") if verdict else ""


def claim_words(text: str) -> list[str]:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _WORD.findall(plain)


def _hash64(value: str) -> int:
    # Signed, to fit a BigIntegerField on every database.
    return int.from_bytes(
        hashlib.blake2b(value.encode(), digest_size=8).digest(), "big", signed=True
    )


def claim_shingles(text: str) -> set[int]:
    words = claim_words(text)
    if len(words) < SHINGLE_WORDS:
        return {_hash64(word) for word in words}
    return {
        _hash64(" ".join(words[i : i + SHINGLE_WORDS]))
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }


def claim_digest(text: str) -> str:
    return hashlib.sha1(" ".join(claim_words(text)).encode(), usedforsecurity=False).hexdigest()


def similarity(a: str, b: str) -> float:
    first, second = claim_shingles(a), claim_shingles(b)
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


def claims_index(*, claim_ids=None, article_id: int | None = None, limit: int = 5000) -> int:
    """Fingerprint claims that have none yet (all, one article's, or the given ones).

    Safe to run at any time and more than once; returns how many were indexed.
    """
    claims = Claim.objects.filter(fingerprint__isnull=True).select_related("article")
    if claim_ids is not None:
        claims = claims.filter(pk__in=list(claim_ids))
    if article_id is not None:
        claims = claims.filter(article_id=article_id)
    claims = list(claims.only("id", "content", "article__language").order_by("pk")[:limit])
    if not claims:
        return 0
    try:
        with transaction.atomic():
            fingerprints = ClaimFingerprint.objects.bulk_create(
                [
                    ClaimFingerprint(
                        claim=claim,
                        language=claim.article.language,
                        digest=claim_digest(claim.content),
                    )
                    for claim in claims
                ]
            )
            if any(fp.pk is None for fp in fingerprints):  # backends without RETURNING
                fingerprints = list(ClaimFingerprint.objects.filter(claim__in=claims))
            by_claim = {claim.pk: claim for claim in claims}
            ClaimShingle.objects.bulk_create(
                [
                    ClaimShingle(fingerprint=fp, language=fp.language, key=key)
                    for fp in fingerprints
                    for key in sorted(claim_shingles(by_claim[fp.claim_id].content))[:SKETCH_SIZE]
                ],
                batch_size=1000,
            )
    except IntegrityError:
        # Another indexer got there first; index one by one what is left.
        if len(claims) == 1:
            return 0
        return sum(claims_index(claim_ids=[claim.pk]) for claim in claims)
    return len(claims)


def claim_also_appears_in(claim: Claim, *, limit: int = 20) -> list[Repeat]:
    """The same claim in other articles of the same language, most similar first,
    with their articles and verdicts loaded."""
    # The index is a cache of claim content: fill in what beat has not reached
    # yet (usually nothing, one query), so a fresh extraction is found at once.
    claims_index(claim_ids=[claim.pk])
    claims_index(limit=1000)
    fingerprint = ClaimFingerprint.objects.filter(claim=claim).first()
    if fingerprint is None:
        return []
    keys = list(fingerprint.shingles.values_list("key", flat=True))
    candidate_ids = set(
        ClaimFingerprint.objects.filter(language=fingerprint.language, digest=fingerprint.digest)
        .exclude(claim__article_id=claim.article_id)
        .values_list("claim_id", flat=True)[:MAX_CANDIDATES]
    )
    shared = (
        ClaimShingle.objects.filter(language=fingerprint.language, key__in=keys)
        .exclude(fingerprint__claim__article_id=claim.article_id)
        .values("fingerprint__claim_id")
        .annotate(shared=Count("id"))
        .order_by("-shared")[:MAX_CANDIDATES]
    )
    candidate_ids.update(row["fingerprint__claim_id"] for row in shared)
    # Up to 200 candidates: their articles' titles, never their texts.
    candidates = (
        Claim.objects.filter(pk__in=candidate_ids)
        .select_related("article", "verdict", "source")
        .defer("article__text")
    )
    mine = claim_shingles(claim.content)
    repeats = []
    for candidate in candidates:
        theirs = claim_shingles(candidate.content)
        score = len(mine & theirs) / len(mine | theirs) if mine and theirs else 0.0
        if score >= SIMILARITY_THRESHOLD:
            repeats.append(Repeat(claim=candidate, similarity=round(score, 3)))
    repeats.sort(key=lambda r: (-r.similarity, r.claim.verdict_id is None, -r.claim.pk))
    return repeats[:limit]


@transaction.atomic
def claim_apply_existing_verdict(
    *, claim: Claim, source_claim: Claim, user, expected_version: int | None, reason: str = ""
):
    """Give claim the verdict (and, when it has none, the rationale) of the same
    claim in another article, through the review service: the role, version,
    authorship and audit rules are the same as for setting a verdict by hand.
    The person applying it says why it fits, in their own words."""
    from claims.services.review import claim_set_verdict

    reason = (reason or "").strip()
    if not reason:
        raise WorkflowError(
            _("Say why this verdict fits this claim too: the reason is kept in the history.")
        )
    source_claim = (
        Claim.objects.select_related("verdict", "article")
        .defer("article__text")
        .get(pk=source_claim.pk)
    )
    if source_claim.verdict is None:
        raise WorkflowError(_("That claim has no verdict yet."))
    if source_claim.pk == claim.pk or source_claim.article_id == claim.article_id:
        raise WorkflowError(_("Choose the same claim in another article."))
    if source_claim.article.language != claim.article.language or (
        similarity(claim.content, source_claim.content) < SIMILARITY_THRESHOLD
    ):
        raise WorkflowError(_("That claim is not a repeat of this one."))
    origin = _("Verdict of the same claim in “%(title)s” (claim %(id)d).") % {
        "title": (source_claim.article.title or source_claim.article.url or "")[:200],
        "id": source_claim.pk,
    }
    reason = f"{reason[:1500]} ({origin})"
    return claim_set_verdict(
        claim=claim,
        user=user,
        expected_version=expected_version,
        verdict=source_claim.verdict,
        rationale=source_claim.rationale
        if not claim.rationale and source_claim.rationale
        else None,
        reason=reason,
    )
