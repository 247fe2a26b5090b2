"""Source classification: the ``source_kind`` and normalised ``source_name`` of a source.

Without a trained NER model, the kind comes from the lexicons (anonymous,
role, organisation, media and document nouns; outlet names) and from what the
article itself says about people (:mod:`entities`): a given name, a surname
already met in full, a role the article ties to a named person.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from .entities import normalize_role
from .state import ArticleState
from .tokens import Tok, tokenize
from .wordsets import english_singular

if TYPE_CHECKING:
    from .drafts import Sentence
    from .entities import EntityIndex
    from .lexicon import Lexicon


_WHO_AFTER = re.compile(r"\s*,\s*(?:who|whom|whose)\b")
_APOSTROPHES = frozenset("'’")


# English plural endings of nouns for people ("statisticians", "economists", "planners").
_PEOPLE_PLURALS = ("ians", "ists", "ers", "ors", "ents")


def _tok_start(tok: Tok) -> int:
    return tok.start


class SourceClassifier(ArticleState):
    """Mixin for :class:`~claims.extraction.rules.ArticleRules`: its text, lexicon, entities."""

    text: str
    lex: Lexicon
    entities: EntityIndex
    it: bool
    sentence_starts: list[int]
    sentences: list[Sentence]
    _kinds: dict[tuple[int, int], tuple[str, str | None]]

    def classify(self, span: tuple[int, int]) -> tuple[str, str | None]:
        """The ``source_kind`` and normalised ``source_name`` of a source span (memoised)."""
        key = (span[0], span[1])
        cached = self._kinds.get(key)
        if cached is None:
            cached = self._kinds[key] = self._classify(span)
        return cached

    def _classify(self, span: tuple[int, int]) -> tuple[str, str | None]:
        toks = self._span_tokens(span[0], span[1])
        pieces: list[list[Tok]] = [[]]
        for tok in toks:
            if tok.text == ",":
                pieces.append([])
            else:
                pieces[-1].append(tok)
        pieces = [p for p in pieces if any(t.is_word for t in p)]
        if not pieces:
            return "anonymous", None
        first = self._classify_tokens(pieces[0], span)
        # An apposition: "Il Ceo di Apple, Tim Cook" names the person; "The lawsuit, filed in
        # Ohio" stays what its first piece is.
        if len(pieces) > 1 and first[0] in ("role", "organization", "anonymous"):
            for piece in pieces[1:]:
                name = self._person_in(self._core(piece))
                if name:
                    return "person", name
        if len(pieces) > 1 and first[0] == "organization" and self._bare_name(pieces[0]):
            # "Sterling Jones, the club's treasurer": a name whose given name no list holds
            # is a person's when the apposition gives a person's role.
            head = self._head(self._core(pieces[1]))
            if head is not None and head.lower in self.lex.role_nouns:
                return "person", " ".join(t.text for t in pieces[0] if t.is_word)
        return first

    def published_by_a_name(self, source: tuple[int, int], cue: tuple[int, int]) -> bool:
        """Whether the cue is a verb of publishing ("scrive", "riporta") and the source only a
        capitalised name with no noun that makes it a body ("il Tirreno", "La Nuova Sardegna")."""
        lex = self.lex
        cue_words = [t.lower for t in self._span_tokens(*cue) if t.is_word]
        if not any(w in lex.publishing_forms for w in cue_words):
            return False
        words = [t for t in self._span_tokens(*source) if t.is_word]
        while words and words[0].lower in lex.articles:
            words = words[1:]
        return bool(words) and all(
            (t.is_capitalized and not t.text.isupper() and t.lower not in lex.organization_nouns)
            or t.lower in ("di", "del", "della", "dello", "dei", "delle")
            for t in words
        )

    def _bare_name(self, toks: list[Tok]) -> bool:
        """Two or three capitalised words and nothing else: no body's or outlet's noun."""
        words = [t for t in toks if t.is_word]
        lex = self.lex
        return (
            len(words) == len(toks)
            and 2 <= len(words) <= 3
            and all(t.is_capitalized and not t.text.isupper() for t in words)
            and not any(
                t.lower in lex.organization_nouns or t.lower in lex.media_nouns for t in words
            )
            and not self._media_name_in(words)
        )

    def _span_tokens(self, start: int, end: int) -> list[Tok]:
        """The tokens of ``text[start:end]`` as :func:`tokenize` gives them (no quotation marks).

        A source span lies inside a sentence whose tokens are usually built already: it
        reuses them when the span starts and ends on token edges there, so the words are
        not tokenized twice."""
        k = bisect.bisect_right(self.sentence_starts, start) - 1
        if k < 0 or k >= len(self.sentences):
            return tokenize(self.text, start, end)
        sent = self.sentences[k]
        toks = sent.built_toks
        if toks is None or end > sent.end:
            return tokenize(self.text, start, end)
        i = bisect.bisect_left(toks, start, key=_tok_start)
        j = bisect.bisect_left(toks, end, key=_tok_start)
        if (i > 0 and toks[i - 1].end > start) or (j > i and toks[j - 1].end > end):
            return tokenize(self.text, start, end)  # a token straddles an edge of the span
        # A lone ' or ’ token is a quotation mark the sentence paired: tokenize() without the
        # sentence's quotation pairs drops it as an apostrophe.
        return [t for t in toks[i:j] if t.text not in _APOSTROPHES]

    def _core(self, toks: list[Tok]) -> list[Tok]:
        lex = self.lex
        words = [t for t in toks if t.is_word]
        k = 0
        if len(words) > 3 and words[0].lower == "at" and words[1].lower in ("least", "most"):
            k = 2  # "At least five retailers": a bound on the number
        while k < len(words) - 1 and (
            words[k].lower in lex.determiners or words[k].lower.isdigit()
        ):
            if words[k].lower in _ONE_OF and words[k + 1].lower in _OF_PARTITIVE:
                break  # "una delle società", "uno degli agenti": one of a group
            if words[k].lower.isdigit() and words[k + 1].lower in _OF_PARTITIVE:
                break  # "9% of the firms polled": the share heads the phrase
            k += 1
        if (
            k < len(words) - 2
            and words[k].lower in lex.quantity_nouns
            and words[k + 1].lower == "of"
            and words[k + 2].lower not in lex.pronouns
        ):
            # "a couple of former members of the committee", "a handful of residents": the
            # people counted head the phrase
            k += 2
            while k < len(words) - 1 and words[k].lower in lex.determiners:
                k += 1
        core = words[k:]
        # "Mueller's special counsel": the possessor is not the head (but in "people familiar
        # with the club's thinking" the possessive sits inside a modifier).
        for m in range(1, len(core) - 1):
            if core[m].lower in lex.prepositions:
                break
            if core[m].lower == "s" and core[m].start - core[m - 1].end == 1:
                core = core[m + 1 :]
                break
        return core

    def _classify_tokens(self, toks: list[Tok], span: tuple[int, int]) -> tuple[str, str | None]:
        lex = self.lex
        words = [t for t in toks if t.is_word]
        core = self._core(toks)
        if not core:
            return "anonymous", None
        text = " ".join(t.text for t in words)
        name = self._person_in(core)
        head = self._head(core)
        head_low = head.lower if head else ""
        bare = " ".join(t.text for t in core)
        joined = " " + " ".join(t.lower for t in core) + " "
        if head_low in lex.anonymous_nouns and not name:
            return "anonymous", bare
        if head_low.isdigit() and not name:
            return "anonymous", bare  # "Only 12%", "About 31% of the firms surveyed": a share
        if len(core) >= 3 and head_low in _ONE_OF and core[1].lower in _OF_PARTITIVE:
            if not self.it and head_low == "one":
                return self._one_of_kind(core), bare
            return "anonymous", bare  # "One of them", "uno di loro", "una delle dipendenti"
        # "The Washington Post", "Il Fatto Quotidiano": an outlet's name beats its head noun.
        outlet = (
            self._media_name_in(core)
            or self._media_name_in(words)
            or self._named_like_a_paper(core)
        )
        if head_low in lex.document_nouns and not outlet and not (name and core[0] is not head):
            # Italian names the body behind a note as the source ("una nota di Palazzo Chigi");
            # English copy keeps the document itself, whoever released it ("a statement from
            # the institute", "a report by an analyst", "test results released by the state").
            owner = self._owner(core, head) if self.it else None
            if owner:
                kind, owner_name = self.classify((owner[0].start, owner[-1].end))
                if kind in ("organization", "media", "person", "anonymous"):
                    return kind, owner_name
            if any(t.lower in lex.provisional_adjectives for t in core[: core.index(head)]):
                return "anonymous", bare  # "le prime informazioni": an early, unowned account
            return "document", bare
        if name:
            return "person", name
        if outlet or head_low in lex.media_nouns:
            if not outlet and self._body_not_outlet(core, head):
                return "organization", bare  # "l'agenzia regionale per l'ambiente"
            return "media", bare  # "Il Messaggero" keeps its article
        if head_low in lex.role_nouns or core[0].lower in lex.role_nouns:
            role = normalize_role(text, lex)
            resolved = self.entities.roles.get(role)
            if resolved is None:
                for known, person in self.entities.roles.items():
                    if role.startswith(known) or known.startswith(role):
                        resolved = person
                        break
            if resolved is None and words[0].lower in ("il", "lo", "la", "l", "the"):
                resolved = self._person_named_nearby(span[0], role)
            if resolved is None and not self.it and words[0].lower == "the":
                # "the manager" after "Jonas Prell, the depot's manager": the one person the
                # article described by that role
                resolved = self.entities.described.get(head_low)
            if resolved:
                return "person", resolved
            return "role", bare
        # the first plural noun for people before any preposition or participle: "club
        # statisticians", "Season-ticket holders interviewed outside ...", "Respondents"
        last = None
        for k, t in enumerate(core):
            low = t.lower
            if low in lex.prepositions or (k > 0 and low.endswith("ed")):
                break
            if (
                low.endswith(_PEOPLE_PLURALS)
                and (not t.is_capitalized or k == 0)
                and low not in lex.organization_nouns
                and low not in lex.document_nouns
                and low not in lex.speech_nouns
            ):
                last = t
                break
        if not self.it and last is not None and not name and not outlet:
            # "club statisticians", "union members", "city planners": unnamed people of a
            # body, not the body
            return "anonymous", bare
        if head_low in lex.organization_nouns or lex.organization_noun_pattern.search(joined):
            return "organization", bare
        if not self.it and english_singular(head_low) in lex.organization_nouns:
            return "organization", bare  # "Labor unions", "environmental groups": bodies
        if head and head.is_capitalized:
            if not self.it and len(core) == 1 and _WHO_AFTER.match(self.text, span[1]):
                return "person", bare  # "Smith, who leads the union,": "who" is for people
            return "organization", bare
        if head_low in lex.pronouns:
            return "person", bare
        if _looks_plural(head_low, self.it) and len(core) <= 3:
            return "anonymous", bare
        return "role", bare

    def _one_of_kind(self, core: list[Tok]) -> str:
        """(English) "one of the former selectors" is a person known by a role; "one of the
        residents" or "one of them" stays unnamed; "one of the banks" is a body."""
        lex = self.lex
        group = core[2:]
        for k, tok in enumerate(group):
            if k > 0 and tok.lower in lex.prepositions:
                group = group[:k]
                break
        words = [t for t in group if t.lower not in lex.determiners]
        if not words:
            return "anonymous"
        plural = words[-1].lower
        singular = english_singular(plural)
        if plural in lex.pronouns or plural in lex.object_pronouns:
            return "anonymous"
        if plural in lex.anonymous_nouns or singular in lex.anonymous_nouns:
            return "anonymous"
        if singular in lex.organization_nouns or singular in lex.media_nouns:
            return "organization"
        if singular in lex.role_nouns or (plural.endswith("s") and not words[-1].is_capitalized):
            return "role"
        return "anonymous"

    def _named_like_a_paper(self, core: list[Tok]) -> bool:
        """(English) A name of capitalised words that ends like a newspaper's ("the Evening
        Courier", "The Hindu", "the Daily Post"), with no body's noun in it."""
        if self.it or not core or not all(t.is_capitalized for t in core):
            return False
        lex = self.lex
        if any(t.lower in lex.organization_nouns for t in core):
            return False
        return core[-1].lower in lex.outlet_name_words or (
            len(core) > 1 and core[0].lower in ("daily", "weekly", "evening", "morning", "sunday")
        )

    def _body_not_outlet(self, core: list[Tok], head: Tok | None) -> bool:
        """ "l'agenzia regionale per l'ambiente", "l'agenzia di spionaggio": a noun that names
        an outlet only before its name or "stampa" ("l'agenzia Kcna", "agenzia di stampa")."""
        if head is None or head.lower not in self.lex.media_nouns_before_a_name:
            return False
        rest = core[core.index(head) + 1 :]
        if not rest:
            return False  # "l'agenzia" alone: the outlet just named
        if rest[0].lower in ("di", "della") and len(rest) > 1:
            rest = rest[1:]
        return not (rest[0].is_capitalized or rest[0].lower == "stampa")

    def _person_named_nearby(self, position: int, role: str) -> str | None:
        """A person named earlier in this sentence or the one before ("il portavoce" -> who?),
        unless the article gave that person a different role ("il sindaco Rossi" is not
        "il prefetto")."""
        k = bisect.bisect_right(self.sentence_starts, position) - 1
        window_start = self.sentence_starts[max(0, k - 1)] if self.sentence_starts else 0
        mentions = self.entities.mentions
        m = bisect.bisect_left(mentions, (position,)) - 1
        if m < 0 or mentions[m][0] < window_start or mentions[m][1] > position:
            return None
        person = mentions[m][2]
        head = role.split()[0] if role else ""
        known = [r for r, p in self.entities.roles.items() if p == person]
        if known and not any(r.split()[0] == head for r in known):
            # "il prefetto" after "il sindaco Rossi" is someone else; but a profession goes
            # with any title ("la regista" after "la presidente di giuria, Ana Ruiz"), unless
            # another person named holds it
            if head not in self.lex.profession_roles or any(
                r.split()[0] == head for r, p in self.entities.roles.items() if p != person
            ):
                return None
        return person

    def _head(self, core: list[Tok]) -> Tok | None:
        if not core:
            return None
        if self.it:
            # "le prime verifiche", "diversi esperti": the noun after the adjectives Italian
            # puts before it
            for tok in core[:-1]:
                if tok.lower not in self.lex.prenominal_adjectives:
                    return tok
            return core[-1]
        # English heads are last in their phrase: "a US Marshals Service official"; a known
        # source noun wins over a trailing adjective ("people familiar with the talks").
        lex = self.lex
        if core[-1].lower in lex.document_nouns and not core[-1].is_capitalized:
            return core[-1]  # "a Council of Europe report": the document ends the phrase
        if (
            len(core) > 2
            and not core[-1].is_capitalized
            and core[-2].is_capitalized
            and (core[-1].lower in lex.role_nouns or core[-1].lower in lex.anonymous_nouns)
        ):
            return core[-1]  # "a Department of Education spokesperson": a name as modifier
        end = len(core)
        for k, t in enumerate(core):
            if k > 0 and (t.lower in lex.prepositions or t.lower in lex.relative_pronouns):
                end = k
                break
        for t in reversed(core[:end]):
            if self._is_source_noun(t.lower):
                return t
        return core[end - 1]

    def _owner(self, core: list[Tok], head: Tok) -> list[Tok] | None:
        """The owner of a document: "una nota di Palazzo Chigi" -> Palazzo Chigi."""
        lex = self.lex
        for k, t in enumerate(core):
            if t.lower in (
                "di",
                "del",
                "della",
                "dello",
                "dell",
                "dei",
                "degli",
                "delle",
                "dal",
                "dallo",
                "dalla",
                "dall",
                "dai",
                "dagli",
                "dalle",
                "da",
                "of",
                "by",
                "from",
            ):
                rest = core[k + 1 :]
                while rest and rest[0].lower in lex.determiners:
                    rest = rest[1:]
                if rest and (
                    rest[0].is_capitalized
                    or rest[0].lower in lex.organization_nouns
                    or rest[0].lower in lex.media_nouns
                    or rest[0].lower in lex.anonymous_nouns
                ):
                    return rest  # "la ricostruzione degli inquirenti" speaks for the inquirers
        if not self.it:
            for t in core:
                if t is head:
                    break
                if t.is_capitalized and t.text.isupper():
                    return None
        return None

    def _person_in(self, core: list[Tok]) -> str | None:
        """A person's full name inside the phrase, if it holds one."""
        ents = self.entities
        texts = [t.text for t in core]
        for a in range(len(texts)):
            if not core[a].is_capitalized:
                continue
            for b in range(min(len(texts), a + 4), a, -1):
                cand = " ".join(texts[a:b])
                if cand in ents.persons:
                    return cand
        for t in core:
            if t.is_capitalized and ents.full_name(t.text) and not t.text.isupper():
                return ents.full_name(t.text)
        for a in range(len(texts) - 1):
            # "Chief Executive Officer Laura Chen": a given name starts the person's name.
            if texts[a] in self.lex.given_names and core[a + 1].is_capitalized:
                b = a + 2
                while b < len(core) and core[b].is_capitalized and b - a < 4:
                    b += 1
                return " ".join(texts[a:b])
        if (
            len(core) >= 3
            and core[-1].text in self.lex.post_nominals
            and core[-2].is_capitalized
            and core[-3].is_capitalized
            and core[-2].lower not in self.lex.source_nouns
        ):
            return f"{core[-3].text} {core[-2].text}"  # "Nigel Farrow KC": a barrister
        if (
            not self.it
            and len(core) >= 5
            and core[0].is_capitalized
            and core[1].is_capitalized
            and core[2].lower in ("of", "at", "from")
            and core[3].lower == "the"
            and not core[4].is_capitalized
            and not any(t.lower in self.lex.source_nouns for t in core[:2])
        ):
            return f"{core[0].text} {core[1].text}"  # "Ines Waldner of the campaign group"
        # A title or role right before a capitalised name: "President Trump", "il premier Conte".
        for a, tok in enumerate(core[:-1]):
            if tok.lower in self.lex.role_nouns:
                b = a + 1
                while (
                    b < len(core)
                    and core[b].is_capitalized
                    and (not core[b].text.isupper() or len(core[b].text) == 1)  # "R. Meenakshi"
                ):
                    b += 1
                names = core[a + 1 : b]
                if (
                    names
                    and b == len(core)
                    and not any(
                        t.lower in self.lex.organization_nouns or t.lower in self.lex.media_first
                        for t in names
                    )
                ):
                    return " ".join(t.text for t in names)
        # A title, its office and a surname, with no comma: "il portavoce del Cremlino Peskov",
        # "il sindaco di Bari Decaro"; the office is one capitalised word after "di", and the
        # last word no region or adjective of a body's name ("Regione Lombardia", "Partito
        # Democratico").
        if self.it and len(core) >= 4:
            office, name = core[-2], core[-1]
            if (
                core[-3].lower in _OF_OFFICE
                and office.is_capitalized
                and name.is_capitalized
                and not name.text.isupper()
                and name.lower not in self.lex.organization_nouns
                and name.lower not in self.lex.media_first
                and not name.lower.endswith(_NOT_A_SURNAME)
                and any(t.lower in self.lex.role_nouns for t in core[:-3])
                and all(not t.is_capitalized for t in core[1:-2])
            ):
                return name.text
        return None


# Endings of Italian places and of the adjectives in bodies' names, seldom of surnames.
_NOT_A_SURNAME = (
    "ia",
    "io",
    "ico",
    "ica",
    "ici",
    "iche",
    "ale",
    "ali",
    "ese",
    "ea",
    "eo",
    "ana",
    "ista",
)
_OF_OFFICE = frozenset(("di", "del", "della", "dello", "dell", "dei", "degli", "delle"))
_ONE_OF = frozenset(("one", "uno", "una", "some", "alcuni", "alcune", "two", "due"))
_OF_PARTITIVE = frozenset(("of", "di", "dei", "degli", "delle"))

# Italian singular nouns ending in -e ("il relatore", "il presidente", "il giudice").
_SINGULAR_E = ("ore", "ente", "ante", "ale", "ione", "ice", "ere", "ese")


def _looks_plural(word: str, italian: bool) -> bool:
    """A rough number test for a head noun no lexicon lists."""
    if not italian:
        return word.endswith("s")
    return word.endswith("i") or (word.endswith("e") and not word.endswith(_SINGULAR_E))
