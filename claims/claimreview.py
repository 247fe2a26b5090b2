"""schema.org ClaimReview for a published fact-check, shaped to validate
against Google's fact-check documentation.

Built from a PublicRecord (claims/public_record.py), never from the claim's
live fields, plus the article the claim was found in (where it appeared).

- The verdict is a Rating with its name (`alternateName`) in the claim's
  language. Verdicts on the numeric scale (value 1 or more) carry
  `ratingValue` between `worstRating` and `bestRating`; a verdict off the
  scale (Unverifiable, value 0) carries its name only, never a number that
  would rank it below False.
- The claim's author is typed by the kind of source: a named person is a
  Person (with `jobTitle` when the words give a role), a role alone a Person
  known by the role, an organization or a medium an Organization, a document
  the body that issued it (else no author, and the document as the claim's
  first appearance), anonymous sources no author at all (their description
  goes in the claim's `description`).
- The claim's `datePublished` is the article's publication date, and only
  that: the date someone submitted the article here says nothing about when
  the claim was made.
"""

import functools
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.db.models import Max, Min
from django.utils import translation
from django.utils.translation import gettext as _

from claims.extraction.lexicon import read_lexicon_data
from claims.models import Article, Rating, SourceKind
from claims.public_record import PublicRecord

SCHEMA_ORG = "https://schema.org"


# --- The rating


@dataclass(frozen=True)
class RatingScale:
    """The numeric part of the newsroom's verdict scale (values of 1 and more)."""

    worst: int
    best: int

    def places(self, verdict: Rating) -> bool:
        return verdict.is_numeric and self.worst < self.best


def rating_scale() -> RatingScale | None:
    bounds = Rating.objects.filter(value__gte=1).aggregate(worst=Min("value"), best=Max("value"))
    if bounds["worst"] is None:
        return None
    return RatingScale(worst=bounds["worst"], best=bounds["best"])


def review_rating(verdict: Rating, *, language: str, scale: RatingScale | None) -> dict:
    label = verdict.label_for(language)
    rating = {"@type": "Rating", "alternateName": label, "name": label}
    if scale is not None and scale.places(verdict):
        rating.update(ratingValue=verdict.value, bestRating=scale.best, worstRating=scale.worst)
    return rating


# --- Who made the claim


@functools.cache
def _words() -> dict[str, frozenset[str]]:
    """The lexicons' articles, role nouns, prepositions and given names, of both
    languages at once: an Italian article may quote "the minister" in English."""
    italian, english = read_lexicon_data("it"), read_lexicon_data("en")

    def both(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in [*italian[key], *english[key]])

    return {
        "articles": both("articles"),
        "roles": both("role_nouns"),
        "prepositions": both("prepositions") | _ARTICULATED_PREPOSITIONS,
        "given_names": frozenset(italian["given_names"]) | frozenset(english["given_names"]),
    }


# "della Questura", "dell'Interno": the capitalized words after them are a role's
# complement, not a person's name.
_ARTICULATED_PREPOSITIONS = frozenset(
    "di del dello della dei degli delle da dal dallo dalla dai dagli dalle a al allo alla ai "
    "agli alle in nel nello nella nei negli nelle of for at from in on".split()
)


_NAME_PARTICLES = frozenset("di de da del della van von der den al bin ibn abu la le du".split())
_ELISION = re.compile(r"^[a-zà-ú]+['’]", re.IGNORECASE)


def _is_capitalized(word: str) -> bool:
    return word[:1].isupper()


def _bare(word: str) -> str:
    """A word without elision or punctuation, lower case: "dell'Economia" -> "economia"."""
    return _ELISION.sub("", word).strip(".,;:()«»“”\"'").lower()


def strip_article(text: str, *, any_case: bool = False) -> str:
    """ "il portavoce della Questura" -> "portavoce della Questura"; "l'Istat" -> "Istat".

    In a name only a lower-case article goes ("La Stampa", "The Times" keep theirs);
    a role (any_case) loses a capitalized one too ("Il presidente" -> "presidente").
    """
    text = text.strip(" ,;:")
    articles = _words()["articles"]
    elided = re.match(r"^([A-Za-z]+)['’]\s*(?=\S)", text)
    if elided and (any_case or elided.group(1).islower()):
        if elided.group(1).lower() in articles:
            return text[elided.end() :]
    first, _space, rest = text.partition(" ")
    if rest and (any_case or first.islower()) and first.lower() in articles:
        return rest.strip()
    return text


def _has_role(text: str) -> bool:
    return any(_bare(word) in _words()["roles"] for word in text.split())


def _name_start(words: list[str]) -> int:
    """Where a personal name at the end of ``words`` begins (len(words): none)."""
    start = len(words)
    while start > 0 and (
        _is_capitalized(words[start - 1])
        or (words[start - 1] in _NAME_PARTICLES and start < len(words))
    ):
        start -= 1
    if start < len(words) and words[start] in _NAME_PARTICLES:
        start += 1
    lexicon = _words()
    tail = words[start:]
    for offset, word in enumerate(tail[:-1]):
        if word in lexicon["given_names"]:
            return start + offset  # "della Regione Lombardia Attilio Fontana"
    while start < len(words) - 1 and _bare(words[start]) in lexicon["roles"]:
        start += 1  # "Mayor Ellen Park"
    before = words[start - 1].lower() if start else ""
    if before and (before in lexicon["prepositions"] or re.search(r"['’]$", before)):
        return len(words)  # "il portavoce della Questura": the role's complement
    if start == 0 or before not in lexicon["articles"]:
        return start
    # "Il Messaggero" would read as article + name: only after a role is it a person's name.
    return start if _has_role(" ".join(words[:start])) else len(words)


def split_name_and_role(text: str) -> tuple[str, str]:
    """(name, role) of a person as an article names them; either may be "".

    "il ministro dell'Economia Giancarlo Giorgetti" -> ("Giancarlo Giorgetti",
    "ministro dell'Economia"); "Anna Price, a city councilor" -> ("Anna Price",
    "city councilor"); "il portavoce" -> ("", "portavoce").
    """
    text = " ".join(text.split()).strip(" ,;:")
    if "," in text:
        head, tail = (part.strip() for part in text.split(",", 1))
        if head and tail and _is_capitalized(head) and not _has_role(head):
            if _has_role(tail) or not _is_capitalized(tail):
                return head, strip_article(tail, any_case=True)  # "Anna Price, a ..."
        if head and tail and _has_role(head) and _is_capitalized(tail):
            return tail, strip_article(head, any_case=True)
    words = text.split()
    start = _name_start(words)
    name = " ".join(words[start:])
    role = strip_article(" ".join(words[:start]), any_case=True)
    if role and not _has_role(role):
        # Words before the name that name no role ("secondo", "anche") are not a job title.
        return (name or strip_article(text)), ""
    return name, role


_ISSUER_AFTER = re.compile(
    r"\b(?:of|by|from|di|da|del|dello|della|dei|degli|delle|dal|dallo|dalla|dai|dagli|dalle"
    r"|dell['’]|dall['’])\s*(?:the\s+)?(?P<body>[A-ZÀ-Ý][^,;:()]*)$"
)
_ISSUER_POSSESSIVE = re.compile(r"^(?:the\s+)?(?P<body>[A-ZÀ-Ý][^,;:()]*?)['’]s\s+\w")
_ISSUER_BEFORE_NOUN = re.compile(r"^(?:the\s+)?(?P<body>(?:[A-ZÀ-Ý][\w&.-]*\s+)+)[a-z]")
_ISSUER_AFTER_NOUN = re.compile(
    r"^(?:(?:il|lo|la|l['’]|i|gli|le|un|uno|una)\s*)?[a-zà-ú]+\s+(?P<body>[A-ZÀ-Ý][\w&.\s-]*)$"
)


def document_issuer(text: str) -> str:
    """The body that issued a document, when its words name it: "il rapporto annuale
    della FAO" -> "FAO", "the Pentagon report" -> "Pentagon"; else ""."""
    text = " ".join(text.split())
    for pattern in (_ISSUER_AFTER, _ISSUER_POSSESSIVE, _ISSUER_BEFORE_NOUN, _ISSUER_AFTER_NOUN):
        match = pattern.search(text)
        if match:
            return match.group("body").strip()
    return ""


def _person(text: str) -> dict | None:
    name, role = split_name_and_role(text)
    if not name and not role:
        return None
    person = {"@type": "Person"}
    if name:
        person["name"] = name
    if role:
        person["jobTitle"] = role
    return person


def claim_author(record: PublicRecord, article: Article) -> dict | None:
    """schema.org node of whoever made the claim, typed by the kind of source."""
    kind = record.source_kind
    text = record.source_text.strip()
    if kind == SourceKind.AUTHOR:
        if article.author:
            return {"@type": "Person", "name": article.author}
        if article.outlet:
            return {"@type": "Organization", "name": article.outlet}
        return None
    if not text or kind == SourceKind.ANONYMOUS:
        return None
    if kind in (SourceKind.PERSON, SourceKind.ROLE):
        return _person(text)
    if kind in (SourceKind.ORGANIZATION, SourceKind.MEDIA):
        return {"@type": "Organization", "name": strip_article(text)}
    if kind == SourceKind.DOCUMENT:
        issuer = document_issuer(text)
        return {"@type": "Organization", "name": issuer} if issuer else None
    return None


# --- Where and when the claim appeared


def timestamp(value: datetime | None) -> str | None:
    """ISO 8601 in UTC ("2026-03-02T08:30:00Z"), the one format of the exports."""
    if value is None:
        return None
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def article_appearance(article: Article) -> dict | None:
    """The article as a CreativeWork, with only what is known of it (None if nothing)."""
    work = {}
    url = article.url or article.canonical_url
    if url:
        work["url"] = url
    if article.title:
        work["headline"] = article.title
    if article.outlet:
        work["publisher"] = {"@type": "Organization", "name": article.outlet}
    if article.author:
        work["author"] = {"@type": "Person", "name": article.author}
    if article.published_at:
        work["datePublished"] = timestamp(article.published_at)
    return {"@type": "CreativeWork", **work} if work else None


def first_appearance(record: PublicRecord, article: Article) -> dict | None:
    """Where the claim was first made, as far as the article tells: the document
    it quotes, the medium that relayed it, else the article itself."""
    if record.source_kind == SourceKind.DOCUMENT and record.source_text.strip():
        document = {
            "@type": "CreativeWork",
            "name": strip_article(record.source_text),
        }
        issuer = document_issuer(record.source_text)
        if issuer:
            document["author"] = {"@type": "Organization", "name": issuer}
        return document
    if record.channel_text.strip():
        channel = strip_article(record.channel_text)
        return {"@type": "CreativeWork", "publisher": {"@type": "Organization", "name": channel}}
    return article_appearance(article)


def _anonymous_description(record: PublicRecord, language: str) -> str:
    with translation.override(language):
        if record.source_text.strip():
            return _("Attributed to anonymous sources: %(source)s") % {
                "source": record.source_text.strip()
            }
        return _("Attributed to anonymous sources.")


def item_reviewed(record: PublicRecord, article: Article) -> dict:
    item = {"@type": "Claim"}
    author = claim_author(record, article)
    if author:
        item["author"] = author
    if record.source_kind == SourceKind.ANONYMOUS:
        item["description"] = _anonymous_description(record, article.language)
    appearance = article_appearance(article)
    if appearance:
        item["appearance"] = appearance
    first = first_appearance(record, article)
    if first:
        item["firstAppearance"] = first
    if article.published_at:
        item["datePublished"] = timestamp(article.published_at)
    return item


# --- The review


def publisher_node() -> dict:
    publisher = {"@type": "Organization", "name": settings.FACTCHECK_PUBLISHER_NAME}
    if settings.FACTCHECK_PUBLISHER_URL:
        publisher["url"] = settings.FACTCHECK_PUBLISHER_URL
    return publisher


def claim_review(
    record: PublicRecord,
    *,
    article: Article,
    url: str,
    scale: RatingScale | None,
    publisher: dict | None = None,
) -> dict:
    """One published (not withdrawn) fact-check as a ClaimReview JSON-LD node."""
    language = article.language
    review = {
        "@context": SCHEMA_ORG,
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": record.content,
        "itemReviewed": item_reviewed(record, article),
        "author": publisher or publisher_node(),
        "datePublished": timestamp(record.published_at),
        "dateModified": timestamp(record.modified_at or record.published_at),
        "inLanguage": language,
        "reviewRating": review_rating(record.verdict, language=language, scale=scale),
    }
    if record.rationale:
        review["reviewBody"] = record.rationale
    return review
