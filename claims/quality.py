"""How well extraction works on the desk's own copy, measured against what
editors made of its output (claims/services/editing.py keeps both sides).

Reads only: the extraction quality page, `export_gold` and
`score_extraction` share these figures. For each extracted claim:

- kept: editors left its spans and attribution as they were;
- re-spanned: its content span was cut differently;
- corrected: by field (source, cue, channel, kind, quote, hedged);
- not a claim: marked as an extraction error; merged: folded into a neighbour;
- added: a claim editors made that the extractor did not (added or split off).

Implied precision = extracted claims still claims / extracted claims;
implied recall = the same / the editors' final claims.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Exists, OuterRef, Q

from claims.models import (
    Article,
    Claim,
    ClaimOrigin,
    ClaimStatus,
    ExtractionCorrection,
    SourceKind,
)
from claims.services.editing import claim_record

SPAN_FIELDS = ("source", "cue", "channel")
VALUE_FIELDS = {"kind": "source_kind", "quote": "quote", "hedged": "hedged"}
FIELDS = (*SPAN_FIELDS, *VALUE_FIELDS)
CATEGORIES = ("kept", "respanned", "corrected", "not_a_claim", "merged", "added")


@dataclass(frozen=True)
class Item:
    """One extracted or final claim behind a figure: what it was, what it became."""

    article_id: int
    claim_id: int | None
    category: str
    fields: tuple[str, ...]
    before: dict | None
    after: dict | None


@dataclass
class Figures:
    extracted: int = 0
    kept: int = 0
    changed: int = 0  # extracted claims kept as claims but edited
    respanned: int = 0
    corrected: Counter = field(default_factory=Counter)
    not_a_claim: int = 0
    merged: int = 0
    added: int = 0
    articles: set = field(default_factory=set)
    items: list[Item] = field(default_factory=list)

    @property
    def matched(self) -> int:
        return self.kept + self.changed

    @property
    def final(self) -> int:
        return self.matched + self.added

    @property
    def precision(self) -> float | None:
        return self.matched / self.extracted if self.extracted else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.final if self.final else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if not p or not r:
            return None if p is None or r is None else 0.0
        return 2 * p * r / (p + r)

    def add_pair(self, article_id: int, claim_id, before: dict, after: dict) -> None:
        """An extracted claim (before) that is still a claim (after)."""
        self.extracted += 1
        differs = record_differences(before, after)
        if not differs:
            self.kept += 1
            self.items.append(Item(article_id, claim_id, "kept", (), before, after))
            return
        self.changed += 1
        if "content" in differs:
            self.respanned += 1
            self.items.append(Item(article_id, claim_id, "respanned", differs, before, after))
        for name in differs:
            if name != "content":
                self.corrected[name] += 1
        if set(differs) - {"content"}:
            self.items.append(Item(article_id, claim_id, "corrected", differs, before, after))

    def add_lost(self, article_id: int, claim_id, before: dict, category: str) -> None:
        self.extracted += 1
        setattr(self, category, getattr(self, category) + 1)
        self.items.append(Item(article_id, claim_id, category, (), before, None))

    def add_added(self, article_id: int, claim_id, after: dict) -> None:
        self.added += 1
        self.items.append(Item(article_id, claim_id, "added", (), None, after))

    def items_for(self, category: str, field_name: str = "") -> list[Item]:
        return [
            item
            for item in self.items
            if item.category == category and (not field_name or field_name in item.fields)
        ]


def _at(span: dict | None) -> tuple:
    if not span:
        return (None, None, "")
    return (span.get("start"), span.get("end"), (span.get("text") or "").strip())


def record_differences(before: dict, after: dict) -> tuple[str, ...]:
    """The fields whose values differ between two records ("content" for the span)."""
    out = []
    if _at(before.get("content"))[:2] != _at(after.get("content"))[:2]:
        out.append("content")
    for name in SPAN_FIELDS:
        if _at(before.get(name)) != _at(after.get(name)):
            out.append(name)
    for name, key in VALUE_FIELDS.items():
        old, new = before.get(key), after.get(key)
        if key == "hedged":
            old, new = bool(old), bool(new)
        if old != new:
            out.append(name)
    return tuple(out)


# --- Which articles were reviewed -----------------------------------------------


def reviewed_articles(*, article_ids=None, since: datetime | None = None):
    """Articles an editor has touched: a correction of the extraction, or any
    claim of theirs worked on (corrected, moved along the workflow)."""
    corrected = ExtractionCorrection.objects.filter(article=OuterRef("pk"))
    worked = Claim.objects.filter(article=OuterRef("pk")).filter(
        Q(corrected_by__isnull=False) | ~Q(status=ClaimStatus.UNVERIFIED)
    )
    qs = Article.objects.filter(Q(Exists(corrected)) | Q(Exists(worked)))
    if article_ids:
        qs = Article.objects.filter(pk__in=list(article_ids))
    if since is not None:
        recent = ExtractionCorrection.objects.filter(article=OuterRef("pk"), created_at__gte=since)
        qs = qs.filter(Q(Exists(recent)) | Q(claims__corrected_at__gte=since)).distinct()
    return qs.exclude(content_hash__isnull=True).order_by("pk")


# --- Gold: the editors' final claims ----------------------------------------------


def _gold_span(span: dict | None, anchor: int) -> dict | None:
    if not span or not (span.get("text") or "").strip():
        return None
    if span.get("start") is None:
        # Typed words the article does not contain: an empty span at the claim.
        return {"text": span["text"], "start": anchor, "end": anchor}
    return {"text": span["text"], "start": span["start"], "end": span["end"]}


def gold_claim(claim: Claim) -> dict:
    """A claim in the gold format of the annotation guidelines."""
    record = claim_record(claim)
    source = _gold_span(record["source"], claim.content_start)
    kind = claim.source_kind or SourceKind.AUTHOR
    return {
        "content": record["content"],
        "source": source,
        "source_alt": [],
        "cue": _gold_span(record["cue"], claim.content_start),
        "channel": _gold_span(record["channel"], claim.content_start),
        "source_kind": kind if source or kind != SourceKind.AUTHOR else SourceKind.AUTHOR,
        "quote": claim.quote_type,
        "hedged": bool(claim.hedged),
    }


def final_claims(article: Article) -> list[Claim]:
    return list(
        article.claims.exclude(status=ClaimStatus.NOT_A_CLAIM).order_by(
            "content_start", "content_end", "id"
        )
    )


def article_gold(article: Article) -> dict:
    """One article as a gold file: its text and the editors' claims."""
    return {
        "id": str(article.pk),
        "lang": article.language,
        "url": article.url or None,
        "title": article.title or None,
        "published": article.published_at.isoformat() if article.published_at else None,
        "outlet": article.outlet or None,
        "text": article.text,
        "claims": [gold_claim(claim) for claim in final_claims(article)],
    }


# --- The figures from the editors' own labels ----------------------------------------


def article_extractor_version(article: Article, claims: list[Claim]) -> str:
    versions = Counter(
        (c.extracted_record or {}).get("version")
        for c in claims
        if c.extracted_record and c.origin == ClaimOrigin.EXTRACTED
    )
    versions.pop(None, None)
    if versions:
        return versions.most_common(1)[0][0]
    return article.extractor_version or "?"


def extraction_quality(*, version: str | None = None) -> dict[tuple[str, str], Figures]:
    """{(extractor version, language): Figures} over the reviewed articles."""
    groups: dict[tuple[str, str], Figures] = defaultdict(Figures)
    articles = reviewed_articles().only("id", "language", "extractor_version")
    merged = defaultdict(list)
    for correction in ExtractionCorrection.objects.filter(
        action=ExtractionCorrection.Action.MERGED, article__in=articles
    ).only("article_id", "before", "claim_id"):
        original = (correction.before or {}).get("merged_original")
        if original:
            merged[correction.article_id].append((correction, original))
    for article in articles:
        claims = list(article.claims.all())
        article_version = article_extractor_version(article, claims)
        if version and article_version != version:
            continue
        figures = groups[(article_version, article.language)]
        figures.articles.add(article.pk)
        for claim in claims:
            if claim.origin != ClaimOrigin.EXTRACTED:
                if claim.status != ClaimStatus.NOT_A_CLAIM:
                    figures.add_added(article.pk, claim.pk, claim_record(claim))
                continue
            if not claim.extracted_record:
                continue  # corrected before originals were kept: not measurable
            if claim.status == ClaimStatus.NOT_A_CLAIM:
                figures.add_lost(article.pk, claim.pk, claim.extracted_record, "not_a_claim")
            else:
                figures.add_pair(article.pk, claim.pk, claim.extracted_record, claim_record(claim))
        for correction, original in merged.get(article.pk, []):
            figures.add_lost(article.pk, correction.claim_id, original, "merged")
    return dict(sorted(groups.items()))


# --- The figures of a fresh run of the extractor against the final claims ------------


def _overlap(a: dict, b: dict) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def align(gold: list[dict], extracted: list[dict]) -> list[tuple[int, int]]:
    """Pairs (gold index, extracted index): content spans overlapping by half of the
    shorter one, the closest (overlap over union) paired first."""
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(extracted):
            a, b = g["content"], p["content"]
            shared = _overlap(a, b)
            shorter = min(a["end"] - a["start"], b["end"] - b["start"])
            if shorter <= 0 or shared * 2 < shorter:
                continue
            union = max(a["end"], b["end"]) - min(a["start"], b["start"])
            candidates.append((shared / union, i, j))
    used_gold, used_extracted, pairs = set(), set(), []
    for _score, i, j in sorted(candidates, reverse=True):
        if i not in used_gold and j not in used_extracted:
            used_gold.add(i)
            used_extracted.add(j)
            pairs.append((i, j))
    return pairs


def compare_run(figures: Figures, article_id: int, gold: list[dict], extracted: list[dict]) -> None:
    """Add one article's fresh extraction, measured against its final claims."""
    pairs = align(gold, extracted)
    for i, j in pairs:
        figures.add_pair(article_id, None, extracted[j], gold[i])
    paired_gold = {i for i, _j in pairs}
    paired_extracted = {j for _i, j in pairs}
    for j, record in enumerate(extracted):
        if j not in paired_extracted:
            figures.add_lost(article_id, None, record, "not_a_claim")
    for i, record in enumerate(gold):
        if i not in paired_gold:
            figures.add_added(article_id, None, record)
    figures.articles.add(article_id)


def format_figures(label: str, figures: Figures) -> list[str]:
    def pct(value):
        return "—" if value is None else f"{value:.3f}"

    corrected = ", ".join(f"{name} {figures.corrected.get(name, 0)}" for name in FIELDS)
    return [
        f"{label}: {len(figures.articles)} articles, {figures.extracted} extracted, "
        f"{figures.final} final claims",
        f"  kept {figures.kept}  re-spanned {figures.respanned}  "
        f"not a claim {figures.not_a_claim}  merged {figures.merged}  added {figures.added}",
        f"  corrected: {corrected}",
        f"  implied precision {pct(figures.precision)}  recall {pct(figures.recall)}  "
        f"F1 {pct(figures.f1)}",
    ]
