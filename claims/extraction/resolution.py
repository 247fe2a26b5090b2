"""Second pass over an article's drafts: attributions that point elsewhere.

"Lo riferisce X" gives its source to the sentence before; dropped subjects,
pronouns and quotations standing alone take the nearest earlier compatible
source (a quotation opening a paragraph takes the speaker named just after).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .state import ArticleState
from .tokens import OPEN_QUOTES

if TYPE_CHECKING:
    from .drafts import Draft, Sentence
    from .entities import EntityIndex
    from .lexicon import Lexicon


class SourceResolver(ArticleState):
    """Mixin for :class:`~claims.extraction.rules.ArticleRules` (linear in the number of claims)."""

    text: str
    lex: Lexicon
    entities: EntityIndex

    def _apply_retro(self, drafts: list[Draft]) -> list[Draft]:
        """Apply "Lo riferisce X" / "È quanto si legge in X" to the claims of the
        sentence before."""
        out: list[Draft] = []
        for d in drafts:
            if d.resolve != "retro":
                out.append(d)
                continue
            k = len(out) - 1
            target = d.sentence - 1
            while k >= 0 and out[k].sentence >= target:
                p = out[k]
                k -= 1
                if p.sentence != target:
                    continue
                if (
                    d.retro_run
                    and k >= 0
                    and out[k].sentence == target - 1
                    and self._uncued_run_goes_on(out, k, d.paragraph)
                ):
                    target -= 1  # "È quanto riferisce X": the uncued run before it is X's too
                if p.source is None:
                    p.source, p.cue, p.author, p.quote_only = d.source, d.cue, False, False
                    p.resolve = None if d.source else "sg"
                    p.cue_past, p.cue_conditional = d.cue_past, d.cue_conditional
                    if d.channel:
                        p.channel = d.channel
                elif p.channel is None and d.source is not None:
                    if self.classify(d.source)[0] == "media":
                        p.channel = d.source
        return out

    def _uncued_run_goes_on(self, out: list[Draft], k: int, paragraph: int) -> bool:
        """Whether the sentence of ``out[k]`` holds only the article's own claims, in
        ``paragraph``: a summing-up cue reaches back over it."""
        sentence = out[k].sentence
        while k >= 0 and out[k].sentence == sentence:
            if out[k].paragraph != paragraph or out[k].source is not None or not out[k].author:
                return False
            k -= 1
        return True

    def _resolve(self, drafts: list[Draft], sentences: list[Sentence]) -> None:
        """Give dropped subjects, pronouns and unattributed quotations the nearest
        compatible source.

        One pass in article order, keeping the latest source of each sort, so the
        cost stays linear in the number of claims.
        """
        last: tuple[int, int] | None = None
        last_person = last_org = last_plural = None
        last_report: Draft | None = None  # the latest claim sourced to an outlet or a document
        speaker: Draft | None = None  # the latest claim quoting someone directly
        previous: Draft | None = None
        recent_people: list[tuple[int, int]] = []  # the last few people quoted, latest last
        for n, d in enumerate(drafts):
            if d.source is None and d.resolve:
                if d.resolve == "quote":
                    candidate = None
                    # A quotation standing alone continues the last person quoted directly,
                    # even across a short paragraph in between.
                    if (
                        speaker is not None
                        and d.sentence - speaker.sentence <= 6
                        and (d.paragraph - speaker.paragraph <= 2)
                    ):
                        candidate = speaker.source
                    elif (
                        previous is not None
                        and previous.source is not None
                        and (
                            d.sentence - previous.sentence <= 2
                            and d.paragraph - previous.paragraph <= 1
                        )
                    ):
                        candidate = previous.source
                    if candidate is None and self.it:
                        candidate = self._subject_before(sentences, d)
                    if candidate is None:
                        candidate = self._next_source(drafts, n, sentences)
                    d.source = candidate
                    d.author = candidate is None
                elif d.resolve == "partial":
                    # a sentence quoting a few words with no cue: the source of the sentence
                    # right before, in the same or the previous paragraph; else the author
                    if (
                        previous is not None
                        and previous.source is not None
                        and d.sentence - previous.sentence <= 1
                        and d.paragraph - previous.paragraph <= 1
                    ):
                        d.source = previous.source
                    else:
                        d.author, d.channel = True, None
                elif d.resolve == "pl":
                    own = self._own_plural_subject(sentences, d) if self.it else None
                    d.source = (
                        own
                        or last_plural
                        or self._leading_subject(sentences, d.sentence)
                        or self._leading_name(sentences, d.sentence)
                        or last
                    )
                elif d.resolve == "report":
                    # "si apprende", "trapela": what an outlet or a document reported just
                    # before ("Lo ha rivelato il Wsj. ... Bin Laden, si apprende, ..."); after a
                    # person or a party speaking it is the article's own unnamed sourcing.
                    if last_report is not None and d.paragraph - last_report.paragraph <= 1:
                        d.source = last_report.source
                    else:
                        d.author = True
                elif d.resolve == "lead":
                    d.source = self._clause_subject(sentences[d.sentence]) or (
                        self._leading_name(sentences, d.sentence)
                        or last_person
                        or last
                        or self._leading_subject(sentences, d.sentence)
                    )
                elif d.resolve == "any":
                    d.source = last or self._leading_subject(sentences, d.sentence + 1)
                    if d.source is None and self.it:
                        # "La Regione ha diffuso una nota. Si precisa che ...": the body before
                        d.source = self._leading_subject(sentences, d.sentence)
                elif d.resolve == "it":
                    # "The company will cut 5,000 jobs, it said": the subject of the same sentence.
                    d.source = last_org or last or self._leading_subject(sentences, d.sentence + 1)
                else:
                    d.source = (
                        self._leading_name(sentences, d.sentence)
                        or last_person
                        or last
                        or self._leading_subject(sentences, d.sentence)
                        or self._mentioned_person(sentences, d.sentence)
                    )
                    if d.pronoun in _GENDERED and d.source is not None:
                        d.source = self._same_gender(d.source, d.pronoun, recent_people)
            if d.source is not None:
                last = d.source
                kind = self.classify(d.source)[0]
                if kind in ("person", "role") or (
                    kind == "anonymous" and not self._is_plural(d.source)
                ):
                    last_person = d.source  # "One of them, a machine operator, said ... he said"
                    if not recent_people or recent_people[-1] != d.source:
                        recent_people.append(d.source)
                        del recent_people[:-_RECENT_PEOPLE]
                elif kind in ("organization", "document", "media"):
                    last_org = d.source
                if kind in ("document", "media"):
                    last_report = d
                if self._is_plural(d.source):
                    last_plural = d.source
                if d.quote_only or d.open_quote or self._starts_with_quote(d):
                    speaker = d
            previous = d

    def _same_gender(self, source, pronoun: str, recent_people) -> tuple[int, int]:
        """(English) "Ms Tarrant ... He said": a "he" or "she" whose nearest candidate the
        article marks as the other gender (Ms/Mr, a given name, or a Ms/Mr mention of the
        same surname) stands for the latest person quoted who is not so marked."""
        want = _GENDERED[pronoun]
        if self._gender(source) in (None, want):
            return source
        for person in reversed(recent_people):
            if self._gender(person) in (None, want):
                return person
        return source

    def _gender(self, span) -> str | None:
        """ "f", "m" or None: from a title (Ms, Mr), a given name, or the same surname with
        a title elsewhere in the article."""
        words = self.text[span[0] : span[1]].replace(".", " ").split()
        for word in words[:2]:
            if word in _TITLE_GENDER:
                return _TITLE_GENDER[word]
        for word in words:
            if word in self.lex.given_name_genders:
                return self.lex.given_name_genders[word]
        surname = words[-1] if words else ""
        if not surname[:1].isupper():
            return None
        return self._surname_genders().get(surname)

    def _surname_genders(self) -> dict[str, str]:
        """Surnames the article gives a gendered title ("Ms Tarrant", "Mr Farrow"), once."""
        genders = self._genders
        if genders is None:
            genders = {}
            for title, surname in _TITLED_SURNAME.findall(self.text):
                gender = _TITLE_GENDER[title]
                if genders.setdefault(surname, gender) != gender:
                    genders[surname] = "?"  # two people, one surname
            self._genders = genders = {k: v for k, v in genders.items() if v != "?"}
        return genders

    def _starts_with_quote(self, d: Draft) -> bool:
        start = d.content[0]
        return 0 <= start < len(self.text) and (
            self.text[start] in OPEN_QUOTES or (start > 0 and self.text[start - 1] in OPEN_QUOTES)
        )

    def _next_source(self, drafts, n, sentences):
        """A quotation opening a paragraph: its speaker is named in the sentence after."""
        d = drafts[n]
        if d.sentence + 1 < len(sentences) and sentences[d.sentence + 1].paragraph == d.paragraph:
            person = self._first_person(sentences[d.sentence + 1])
            if person:
                return person
        for p in drafts[n + 1 : n + 6]:
            if p.sentence > d.sentence + 1 or p.paragraph != d.paragraph:
                break
            if p.source is not None:
                return p.source
        return None

    def _subject_before(self, sentences, d: Draft) -> tuple[int, int] | None:
        """ "Il sindaco Paolo Neri è intervenuto in aula. «...»": a quotation standing alone
        after a sentence whose subject is a named person is that person's."""
        k = d.sentence - 1
        if k < 0 or sentences[k].paragraph != d.paragraph:
            return None
        person = self._first_person(sentences[k])
        if person is None:
            return None
        toks = sentences[k].toks
        words_before = sum(t.is_word for t in toks if t.end <= person[0])
        return person if words_before <= 4 else None

    def _first_person(self, sent: Sentence) -> tuple[int, int] | None:
        toks = sent.toks
        for k, tok in enumerate(toks):
            if not tok.is_capitalized or not tok.is_word:
                continue
            if self.entities.full_name(tok.text) and not tok.text.isupper():
                m = k
                while m > 0 and toks[m - 1].is_capitalized and toks[m - 1].is_word:
                    if self.it and (
                        toks[m - 1].lower in self.lex.marker_first
                        or toks[m - 1].lower in self.lex.prepositions
                    ):
                        break  # "Secondo Lanza, ...": the marker opens the sentence, not the name
                    m -= 1
                return toks[m].start, tok.end
        return None

    def _is_plural(self, span) -> bool:
        words = self.text[span[0] : span[1]].lower().split()
        if not words:
            return False
        if words[0] in (
            "i",
            "gli",
            "le",
            "alcuni",
            "alcune",
            "due",
            "tre",
            "they",
            "these",
            "those",
        ):
            return True
        return any(w in self.lex.anonymous_nouns and w.endswith(("i", "s")) for w in words[:3])

    def _leading_subject(self, sentences, index) -> tuple[int, int] | None:
        """The noun phrase opening the sentence before, when it names a possible source."""
        if index == 0:
            return None
        toks = sentences[index - 1].toks
        lex = self.lex
        k = 0
        has_head = False
        while (
            k < len(toks)
            and toks[k].is_word
            and (
                toks[k].lower in lex.determiners
                or toks[k].is_capitalized
                or self._is_source_noun(toks[k].lower)
                or (k > 0 and toks[k].lower in ("di", "del", "della", "dei", "of", "for"))
            )
        ):
            has_head = has_head or self._is_source_noun(toks[k].lower) or toks[k].is_capitalized
            k += 1
        while k > 0 and toks[k - 1].lower in lex.determiners | {
            "di",
            "del",
            "della",
            "dei",
            "of",
            "for",
        }:
            k -= 1
        if k == 1 and lex.impersonal_pronoun and toks[0].lower == lex.impersonal_pronoun:
            return None  # "Si precisa che ...": the impersonal pronoun names no one
        if k == 0 or not has_head or (k == 1 and toks[0].lower in lex.pronouns):
            return None  # "I asked the mayor ...": the reporter is nobody's antecedent
        return toks[0].start, toks[k - 1].end

    def _own_plural_subject(self, sentences, d: Draft) -> tuple[int, int] | None:
        """ "Fonti di maggioranza minimizzano: la procedura, spiegano, era attesa": a plural
        verb with a dropped subject, after its own sentence opened with a plural source."""
        if d.cue is None:
            return None
        own = self._clause_subject(sentences[d.sentence]) or self._leading_subject(
            sentences, d.sentence + 1
        )
        if (
            own is None
            or own[1] > min(d.cue[0], d.content[0])
            or not self._is_plural(own)
            or self.classify(own)[0] not in ("anonymous", "organization", "role", "media")
        ):
            return None
        return own

    def _clause_subject(self, sentence) -> tuple[int, int] | None:
        """The explicit subject opening ``sentence``, up to its auxiliary or finite verb
        ("I difensori hanno sollevato ..."); ``None`` for a dropped subject ("Poi ha ...")."""
        toks = sentence.toks
        span = self._subject_tokens(toks, 0)
        return None if span is None else (toks[span[0]].start, toks[span[1] - 1].end)

    def _subject_tokens(self, toks, start: int) -> tuple[int, int] | None:
        """The explicit subject of the clause opening at token ``start`` (a token range)."""
        lex = self.lex
        while (
            start < len(toks)
            and toks[start].is_word
            and (toks[start].lower in lex.clause_starters or self._is_adverb(toks[start]))
        ):
            start += 1
        k = start
        while (
            k < len(toks)
            and k - start < 8
            and toks[k].is_word
            and toks[k].lower not in lex.auxiliaries
            and toks[k].lower not in lex.verb_finite
            and not (k > start and self._looks_like_english_verb(toks[k]))
        ):
            k += 1
        if k == start or k >= len(toks) or not toks[k].is_word:
            return None
        # "At least five retailers have ...": the bound belongs to the subject, which a
        # preposition would otherwise hide
        bound = (
            2
            if k - start > 2
            and toks[start].lower == "at"
            and toks[start + 1].lower in ("least", "most")
            else 0
        )
        span = self.subject_np(toks, start + bound, k)
        if span is None or self._is_pronoun(toks, *span):
            return None
        first = start if bound and span[0] == start + bound else span[0]
        return first, span[1]

    def _looks_like_english_verb(self, tok) -> bool:
        """A past-tense verb or a sentence adverb right after an English subject ("The UAW
        then sued", "The company filed")."""
        if self.it or tok.is_capitalized:
            return False
        if "-" in tok.lower:
            return False  # "mid-sized", "state-owned": a compound adjective
        return (
            self._is_adverb(tok) or tok.lower.endswith("ed") or tok.lower in self.lex.irregular_past
        )

    def _mentioned_person(self, sentences, index) -> tuple[int, int] | None:
        """(English) The last person or role named anywhere in the sentence before, in the
        same paragraph ("I asked the mayor ... She said"): a pronoun's nearest full mention
        when no subject or earlier source offers one."""
        if self.it or index == 0:
            return None
        sent = sentences[index - 1]
        if sent.paragraph != sentences[index].paragraph:
            return None
        toks = sent.toks
        lex = self.lex
        for k in range(len(toks) - 1, -1, -1):
            low = toks[k].lower
            if low in lex.role_nouns:
                for m in range(k - 1, max(-1, k - 4), -1):
                    if toks[m].lower in lex.articles:
                        return toks[m].start, toks[k].end  # "the mayor", "the port manager"
                    if not toks[m].is_word:
                        break
            if toks[k].is_capitalized and toks[k].is_word and k > 0:
                m = k
                while m > 0 and toks[m - 1].is_capitalized and toks[m - 1].is_word and k - m < 3:
                    m -= 1
                if (
                    m < k
                    and (
                        self._person_in(toks[m : k + 1])
                        # two or three capitalised words inside the sentence: a full name
                        or (m > 0 and not any(t.lower in lex.time_words for t in toks[m : k + 1]))
                    )
                ):
                    return toks[m].start, toks[k].end
        return None

    def _leading_name(self, sentences, index) -> tuple[int, int] | None:
        """The person named in the sentence before (a dropped subject's usual antecedent)."""
        if index == 0:
            return None
        person = self._first_person(sentences[index - 1])
        if person:
            return person
        toks = sentences[index - 1].toks
        k = 0
        while k < len(toks) and toks[k].is_capitalized and toks[k].is_word and k < 4:
            k += 1
        if k == 0 or toks[0].lower in self.lex.pronouns:
            return None
        name = " ".join(t.text for t in toks[:k])
        if name in self.entities.persons or (k == 1 and self.entities.full_name(toks[0].text)):
            return toks[0].start, toks[k - 1].end
        return None


# English pronouns with a gender, the titles that give one, and a title before a surname.
_GENDERED = {"he": "m", "him": "m", "she": "f", "her": "f"}
_TITLE_GENDER = {
    "Mr": "m",
    "Sir": "m",
    "Lord": "m",
    "Ms": "f",
    "Mrs": "f",
    "Miss": "f",
    "Dame": "f",
    "Lady": "f",
}
_TITLED_SURNAME = re.compile(r"\b(Mr|Ms|Mrs|Miss|Sir|Dame|Lord|Lady)\.? ([A-Z][\w'’-]+)")
# How many of the latest people quoted a gendered pronoun may reach back to.
_RECENT_PEOPLE = 6
