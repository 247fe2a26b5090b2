"""Stage 2, read each cue's frame: is the word really used as a cue here?

Reads a candidate :class:`~claims.extraction.drafts.Cue` with its sentence's tokens and
the lexicon's frame data (object claims, predicatives, addressees, complements, agents)
and produces a yes/no (``_plausible``) plus the small frame tests the later stages reuse:
relative subjects, event objects, complements after an addressee, the span of a
predicative (``_predicative_span``).
"""

from __future__ import annotations

from .drafts import Cue
from .state import ArticleState
from .tokens import CLOSE_QUOTES, DASHES, OPEN_QUOTES, Tok
from .wordsets import (
    _AGENT_WORDS,
    _MODALS,
    _PARTICIPLE_ENDS,
    NEGATIVE_SUBJECTS,
)

# Forms of accusing and blaming whose object and "of"/"for" phrase are the claim.
_ACCUSING = frozenset(
    ("accusing", "blaming", "accusando", "accused", "accuses", "accuse", "blamed", "blames")
)

# Prepositions between a message and the gerund that says what it says: its addressee,
# its date or its place ("a letter to members saying", "a statement on Monday saying").
_MESSAGE_PREPOSITIONS = frozenset(("to", "on", "in", "at", "via", "through"))


class FrameReader(ArticleState):
    """Mixin for :class:`~claims.extraction.rules.ArticleRules`: whether a cue's frame is met."""

    def _relative_subject(self, toks: list[Tok], left_i: int, i: int) -> tuple[int, int] | None:
        """The antecedent of ", who" right before the verb at ``i`` ("policymakers, who have
        said"), or ``None``. A person's name right before the comma is the antecedent, with
        the role in apposition after it ("Anna Price, a city councilor, who said")."""
        k = i - 1
        # "who said", "who has long argued", Italian "che in un'intervista ha accusato"
        while k > left_i and i - k <= 8 and toks[k].is_word and toks[k].lower not in ("who", "che"):
            k -= 1
        if not (k - 1 > left_i and toks[k].lower in ("who", "che") and toks[k - 1].text == ","):
            return None
        if (
            toks[k].lower == "che"
            and i - k > 1
            and any(
                self._verbish(toks[m]) and toks[m - 1].lower not in self.lex.determiners
                for m in range(k + 1, i)
            )
        ):
            # "..., che ha detto ... ha aggiunto": not the relative's own verb ("in una nota"
            # holds a noun)
            return None
        name = self._name_ending_at(toks, left_i, k - 1)
        if name:
            return name
        if k - 3 > left_i and toks[k - 2].text.isdigit() and toks[k - 3].text == ",":
            # "Tom Reed, 54, who has run the ferry since 1990, said": the age is no antecedent
            name = self._name_ending_at(toks, left_i, k - 3)
            if name:
                return name
        np = self._who_antecedent(toks, left_i, k - 1) if toks[k].lower == "who" else None
        if np is None:
            np = self._np_before(toks, left_i, k)
        if np is None:
            # "Di parere opposto la vicesindaca Lea Marchi, che ...": from the nearest article
            for m in range(k - 2, max(left_i, k - 10) - 1, -1):
                if not toks[m].is_word:
                    break
                if toks[m].lower in self.lex.articles:
                    np = (m, k - 1)
                    break
        if np and np[0] - 1 > left_i and toks[np[0] - 1].text == ",":
            name = self._name_ending_at(toks, left_i, np[0] - 1)
            if name:
                return (name[0], np[1])
        return self._agent_of_clause(toks, np) if self.it else np

    def _who_antecedent(self, toks: list[Tok], left_i: int, comma: int) -> tuple[int, int] | None:
        """(English) Whom ", who" stands for: the noun phrase ending at the comma, with the
        person it belongs to when a role or a group noun heads it ("the head of the agency,
        who"), else only the people after the preposition ("the outlook for policymakers,
        who"); ``None`` when no such phrase ends there."""
        lex = self.lex
        start = comma
        m = comma - 1
        while m > left_i and comma - m <= 6 and toks[m].is_word:
            low = toks[m].lower
            if low in lex.prepositions or self._verbish(toks[m]):
                break
            start = m
            if low in lex.determiners:
                break
            m -= 1
        if start == comma:
            return None
        p = start - 1
        if p - 1 > left_i and toks[p].lower in ("of", "for", "at") and toks[p - 1].is_word:
            owner = toks[p - 1].lower
            if owner in lex.role_nouns or owner in lex.anonymous_nouns:
                q = p - 1
                while q - 1 > left_i and p - q < 4 and toks[q - 1].is_word:
                    if toks[q - 1].lower in lex.prepositions or self._verbish(toks[q - 1]):
                        break
                    q -= 1
                    if toks[q].lower in lex.determiners:
                        break
                return (q, comma)
        last = toks[comma - 1]
        if last.is_capitalized or self._is_source_noun(last.lower) or last.lower.endswith("s"):
            return (start, comma)
        return None

    def _agent_of_clause(self, toks: list[Tok], np: tuple[int, int] | None, second=False):
        """ "La cifra è stata contestata dal segretario del Comune, che ...": when the words
        before ", che" are a clause, the antecedent is the phrase after its last verb (and its
        "da"), not the clause."""
        if np is None:
            return None
        last_verb = None
        for k in range(np[0], np[1]):
            if toks[k].lower in self.lex.auxiliaries or (
                self._verbish(toks[k]) and toks[k - 1].lower not in self.lex.determiners
            ):
                last_verb = k
        if last_verb is None:
            if not second:
                return np
            # "[confermate] dal giornale da tre funzionari, secondo i quali": a second agent
            # after the first is the nearer antecedent
            agents = [m for m in range(np[0] + 1, np[1]) if toks[m].lower in _AGENT_WORDS]
            if not agents or agents[-1] + 1 >= np[1]:
                return np
            return self.object_np(toks, agents[-1] + 1, np[1]) or np
        k = last_verb + 1
        while k < np[1] and (self._verbish(toks[k]) or toks[k].lower.endswith(_PARTICIPLE_ENDS)):
            k += 1  # "è stata contestata"
        # The last agent is the nearest antecedent: "confermati dal quotidiano da due
        # funzionari, secondo i quali"
        for m in range(np[1] - 1, k - 1, -1):
            if toks[m].lower in _AGENT_WORDS:
                k = m + 1
                break
        return self.object_np(toks, k, np[1]) if k < np[1] else None

    def _main_verb_follows(self, toks: list[Tok], i: int, j: int) -> bool:
        """Whether a comma in [i, j) is followed by a verb of saying: the relative clause
        before it sits inside the subject of that verb."""
        lex = self.lex
        for k in range(i, j - 1):
            if toks[k].text == ",":
                m = k + 1
                while m < j and toks[m].is_word and self._is_adverb(toks[m]):
                    m += 1
                if m < j and (toks[m].lower in lex.verb_finite or toks[m].lower in lex.auxiliaries):
                    return True
        return False

    def _name_ending_at(self, toks: list[Tok], left_i: int, j: int) -> tuple[int, int] | None:
        """The run of capitalised words ending right before ``j``, when it names a person."""
        m = j
        while m > left_i and j - m < 4 and toks[m - 1].is_word and toks[m - 1].is_capitalized:
            m -= 1
        if m < j and self._person_in(toks[m:j]):
            return (m, j)
        return None

    def _quotation_then_subject(self, toks: list[Tok], left_i: int, i: int) -> bool:
        """Whether a quotation closed on a comma (or ? !) ends right before the short subject
        of the verb at ``i``: '"...," the coach said'."""
        k = i
        while k > left_i and i - k < 6 and toks[k - 1].is_word:
            k -= 1
        return (
            left_i < k < i
            and k - 2 >= left_i
            and toks[k - 1].text in CLOSE_QUOTES
            and toks[k - 2].text in (",", "?", "!")
        )

    def _event_object(self, toks: list[Tok], k: int) -> bool:
        """The verb's object at ``k`` is a procedural act (an appeal, a request, an offer)."""
        lex = self.lex
        for m in range(k, min(len(toks), k + 3)):
            if toks[m].lower in lex.event_objects:
                return True
            if not (toks[m].lower in lex.determiners or toks[m].lower in lex.articles):
                break
        if self.it:
            return False
        # English heads come last: "the takeover bid", "the opposition's amendment"
        for m in range(k, min(len(toks), k + 5)):
            tok = toks[m]
            if (
                not tok.is_word
                or tok.lower in lex.prepositions
                or tok.lower in lex.complement_words
                or tok.lower in lex.relative_pronouns
            ):
                return False  # "rejected claims that the bill ...": the head came first
            if tok.lower in lex.event_objects:
                return True
        return False

    def _object_claim(self, cue: Cue, toks: list[Tok], i: int, j: int) -> bool:
        """A denial verb followed by its object noun phrase: "ha negato le accuse",
        "denied the allegations", "respinto ogni addebito"."""
        if not cue.object_claim or i >= j:
            return False
        first = toks[i].lower
        lex = self.lex
        if (
            not self.it
            and toks[i].is_word
            and not toks[i].is_capitalized
            and first not in lex.prepositions
            and first not in lex.pronouns
            and first not in lex.complement_words
            and first not in lex.time_words
            and first not in lex.clause_starters
            and not self._is_adverb(toks[i])
            and not self._verbish(toks[i])
            and i + 1 < j
            and toks[i + 1].is_word
        ):
            return True  # "cited higher costs", "reported net income of ...": a bare plural
        if (first in lex.determiners or first in lex.articles) and any(
            t.is_word for t in toks[i + 1 : j]
        ):
            return True
        return self._bare_object(toks, i, j)

    def _bare_object(self, toks: list[Tok], i: int, j: int) -> bool:
        """Italian drops the article before a plural or mass object: "nega contrasti con la
        Roma", "si parlava di informazioni riservate" (a source after its verb would have an
        article or a capital)."""
        lex = self.lex
        first = toks[i].lower if i < j else ""
        return (
            self.it
            and i + 1 < j
            and toks[i].is_word
            and not toks[i].is_capitalized
            and toks[i + 1].is_word
            and not (
                first in lex.articles
                or first in lex.determiners
                or first in lex.pronouns
                or first in lex.prepositions
                or first in lex.complement_words
                or first in lex.clause_starters
                or first in lex.time_words
                or first in lex.auxiliaries
                or first in ("non", "si", "ne", "lo", "la", "le", "li", "gli", "ci", "vi")
                or self._is_adverb(toks[i])
                or self._verbish(toks[i])
                or self._opens_infinitive(toks[i])
            )
        )

    def _source_like(self, toks: list[Tok], i: int, j: int) -> bool:
        """Whether tokens [i, j) can name a source: a capitalised name, or a noun for people,
        bodies, outlets or documents ("three officials", "fonti dell'intelligence")."""
        lex = self.lex
        nouns = (
            lex.anonymous_nouns,
            lex.role_nouns,
            lex.organization_nouns,
            lex.media_nouns,
            lex.document_nouns,
        )
        for k in range(i, j):
            tok = toks[k]
            if tok.is_capitalized and k > i:
                return True
            if any(tok.lower in group for group in nouns):
                return True
        return toks[i].is_capitalized and toks[i].lower not in lex.articles

    def _negative_subject(self, toks: list[Tok], i: int) -> bool:
        """Whether the words running up to ``i`` open with a negative quantifier."""
        if i == 0 or not toks[i - 1].is_word:
            return False
        k = self._word_run_start(toks, i - 1)
        first = toks[k].lower
        return first in NEGATIVE_SUBJECTS or (
            first == "no" and k + 1 < i and toks[k + 1].lower == "one"
        )

    def _word_run_start(self, toks: list[Tok], k: int) -> int:
        """Index of the first word of the run of words that holds ``toks[k]``.

        Read from a table built once per token list: walking back from every cue
        made a sentence with no punctuation quadratic."""
        if self._run_starts_of is not toks or len(self._run_starts) != len(toks):
            starts = []
            run_start = 0
            for n, tok in enumerate(toks):
                if not tok.is_word:
                    run_start = n + 1
                starts.append(run_start)
            self._run_starts_of, self._run_starts = toks, starts
        return self._run_starts[k]

    def _plausible(self, toks: list[Tok], cue: Cue, earlier: list[Cue], inside) -> bool:
        """Reject verb cues that are not attributions in their context."""
        if cue.kind == "impersonal" and self._from_source_cue(toks, cue):
            # "emerge che", not "emerge dall'acqua"; "È quanto emerge dalle carte" points back
            return self._che_after_source(toks, cue.j) or (
                self.it and cue.i > 0 and self._is_retro_opener(toks, 0, cue.i)
            )
        if (
            self.it
            and cue.kind == "impersonal"
            and cue.needs_complement
            and cue.j < len(toks)
            and toks[cue.j].lower not in ("che", "di", "come")
            and toks[cue.j].text != ":"
            and toks[cue.j].text not in OPEN_QUOTES
            and not self._object_claim(cue, toks, cue.j, len(toks))  # "si parlava di fondi"
        ):
            return False  # "si mostra tranquilla: ...": reflexive; "si comunica che" reports
        if cue.object_claim and self._event_object(toks, cue.j):
            return False  # "il tribunale ha respinto il ricorso": a ruling, not a statement
        nouns = self.lex.verb_event_objects.get(toks[cue.j - 1].lower)
        if nouns:
            # "i carabinieri hanno riportato ferite": the verb's frame names objects that make
            # it an event ("lievi ferite", "gravi danni" too)
            for m in range(cue.j, min(len(toks), cue.j + 3)):
                if toks[m].lower in nouns:
                    return False
                if not toks[m].is_word:
                    break
                if not self.it and m == cue.j and toks[m].lower not in self.lex.determiners:
                    break  # "told reporters the story was false": the object is the addressee
        if (
            cue.kind == "passive"
            and earlier
            and cue.i > 0
            and toks[cue.i - 1].is_word
            and toks[cue.i - 1].lower not in ("e", "ed", "and", "ma", "but")
            and self._opens_complement(toks, earlier[-1])
        ):
            return False  # "X avverte che un movimento è stato rilevato dai sensori": X's words
        if cue.kind == "passive" and cue.i > 0 and toks[cue.i - 1].lower in ("non", "not"):
            return False  # "non è stata commentata dall'ateneo": nothing is attributed
        if (
            cue.kind == "passive"
            and not self.it
            and toks[cue.j - 1].lower in ("cited", "quoted")
            and any(
                toks[m].lower == "as" and toks[m + 1].lower.endswith("ing")
                for m in range(cue.j, min(len(toks) - 1, cue.j + 10))
            )
        ):
            return False  # "X was cited by local media as saying ...": the gerund's frame
        if cue.kind == "passive":
            k = cue.j
            while k < len(toks) and toks[k].is_word and self._is_adverb(toks[k]):
                k += 1
            if self.it and cue.needs_complement and k < len(toks):
                # "è stato escluso dalla gara": a verb that reports only with its clause, in
                # the passive, reports only when its agent can speak
                agent = self.object_np(toks, k, len(toks))
                if agent is None or not self._source_like(toks, *agent):
                    return False
            return k < len(toks) and toks[k].lower in (
                "da",
                "dal",
                "dalla",
                "dall",
                "dai",
                "dagli",
                "dalle",
                "by",
            )
        if cue.kind not in ("verb", "gerund", "impersonal"):
            return True
        n = len(toks)
        nxt = cue.j
        while nxt < n and toks[nxt].is_word and self._is_adverb(toks[nxt]):
            nxt += 1
        nxt_tok = toks[nxt] if nxt < n else None
        prev = cue.i - 1
        while (
            prev >= 0
            and toks[prev].is_word
            and (self._is_adverb(toks[prev]) or toks[prev].lower in ("non", "not", "lo", "l", "ne"))
        ):
            prev -= 1
        prev_tok = toks[prev] if prev >= 0 else None
        inverted = prev_tok is not None and (
            prev_tok.text in CLOSE_QUOTES or prev_tok.text == "," or prev_tok.text in DASHES
        )
        if (
            self.it
            and inverted
            and earlier
            and earlier[-1].kind == "marker"
            and earlier[-1].i > 0
            and toks[earlier[-1].i - 1].text in (",", "–", "—")
        ):
            # "Il commissario, secondo fonti diplomatiche, avrebbe chiesto ...": the comma
            # closes the marker's aside; the verb's subject is before it, nothing is inverted
            inverted = False
        # "called the plan a giveaway": a verb of naming with its predicative needs no
        # quotation and no reported clause.
        predicative = cue.kind == "verb" and self._predicative_span(toks, cue) is not None
        if predicative and earlier:
            # "X said Y, although they described it as Z": a verb of naming inside a
            # subordinate clause of the reported words stays part of them
            for m in range(earlier[-1].j, cue.i):
                low = toks[m].lower
                if low in self.lex.clause_starters and low not in ("and", "but", "or", "so"):
                    return False
        if cue.needs_quote and not predicative and not (any(inside[cue.j :]) or inverted):
            return False
        if self.it and cue.kind == "verb" and prev_tok is not None and prev_tok.lower == "si":
            return False  # "le novità si riferiscono a": reflexive
        before_cue = toks[cue.i - 1].lower if cue.i > 0 else ""
        if before_cue in ("not", "never", "non", "mai", "t") and cue.kind in ("verb", "impersonal"):
            return False  # "did not say", "non ha confermato": nothing is attributed
        if cue.kind == "verb" and self._negative_subject(toks, cue.i):
            return False  # "Nessuno dei due ha voluto commentare", "Nobody said"
        if (
            prev_tok is not None
            and prev_tok.lower in ("who", "che")
            and prev >= 1
            and toks[prev - 1].text == ","
            and self._main_verb_follows(toks, cue.j, n)
        ):
            return False  # "X, who spoke to Reuters on condition ..., said Y": not X's claim
        clause_final = (
            nxt_tok is None or nxt_tok.text in (".", ",", ";", "!", "?") or nxt_tok.text in DASHES
        )
        if not clause_final and (
            nxt_tok.lower in self.lex.prepositions or nxt_tok.lower in self.lex.time_words
        ):
            # "official data showed on Friday, ...": only an adjunct before the clause ends
            m = nxt
            while m < len(toks) and toks[m].is_word and m - nxt < 5:
                if self.it and m > nxt + 1 and toks[m].lower in self.lex.articles:
                    break  # "ha comunicato ai partner la sua contrarietà": an object follows
                m += 1
            clause_final = m >= len(toks) or toks[m].text in (".", ",", ";")
        # "Lo ha dichiarato X": the pronoun stands for the reported words, its complement
        said_it = self.it and cue.i > 0 and toks[cue.i - 1].lower in ("lo", "l")
        if (
            self.it
            and cue.needs_complement
            and clause_final
            and not inverted
            and not said_it
            and cue.kind == "verb"
            and not self._has_complement(toks, nxt)
        ):
            # "L'uomo ha confessato, ha riferito la polizia": a subject right before a verb
            # that needs its clause, and no clause: an event, not a statement
            return False
        if (
            cue.needs_complement
            and not predicative
            and not said_it
            and not (inverted or clause_final)
            and not self._has_complement(toks, nxt)
            and not self._object_of_its_own(cue, toks, nxt, n)
        ):
            return False
        # "ha detto che non comunica con ...": a verb inside the reported clause.
        if (
            earlier
            and prev_tok is not None
            and prev_tok.lower in ("che", "that")
            and not self._relative_after_object(toks, earlier[-1], prev)
        ):
            return False
        if (
            earlier
            and cue.kind in ("verb", "passive")
            and self._opens_complement(toks, earlier[-1])
        ):
            # "X ha spiegato che i contatti proseguono": still inside X's reported clause,
            # unless a new clause starts ("..., e ha aggiunto", "; ha precisato").
            if prev_tok is None or not (
                prev_tok.text in (",", ";")
                or prev_tok.text in DASHES
                or prev_tok.text in CLOSE_QUOTES
                or prev_tok.lower in ("e", "ed", "and", "ma", "but")
                or self._closing_report_comma(toks, cue) >= 0
                or self._new_subject_after_conjunction(toks, earlier[-1], cue)
            ):
                return False
        if (
            cue.kind == "impersonal"
            and nxt_tok is not None
            and nxt_tok.lower
            in (
                "a",
                "ad",
                "al",
                "alla",
                "all",
                "ai",
                "agli",
                "alle",
            )
        ):
            return False  # "si riferisce a": reflexive, not impersonal
        if not self.it and cue.kind == "verb":
            word = toks[cue.i].lower
            if (
                prev_tok is not None
                and prev_tok.lower in _MODALS
                and cue.j - cue.i == 1
                and not (clause_final and inverted)
                and not self._has_complement(toks, nxt)
            ):
                return False  # "the strike will continue": a modal's verb, not a speech act
            if prev_tok is not None and prev_tok.text[0].isdigit():
                return False  # "212 reported cases"
            if (
                earlier
                and word.endswith("ed")
                and prev >= 1
                and toks[prev - 1].lower in self.lex.articles
                and (
                    prev_tok.lower in self.lex.document_nouns
                    or prev_tok.lower in self.lex.speech_nouns
                    or prev_tok.lower in self.lex.interview_nouns
                )
            ):
                return False  # "said in a video posted on Facebook that": the video's participle
            if (
                word.endswith("ed")
                and not predicative
                and nxt_tok is not None
                and nxt_tok.lower in ("of", "by", "as", "with", "for")
            ):
                return False  # "a defendant accused of": a participle, not a verb of saying
            if word in self.lex.ambiguous_forms:
                if nxt_tok is not None and (
                    nxt_tok.lower in self.lex.verb_finite
                    or nxt_tok.lower in self.lex.auxiliaries
                    or (
                        nxt_tok.lower in self.lex.role_nouns
                        and nxt + 1 < n
                        and toks[nxt + 1].is_capitalized
                    )
                ):
                    # "Local media reports said ...", "Party state president Bhupendra
                    # Chaudhary": a noun
                    return False
                # "states", "reports": a verb only after a subject and before a clause or the end.
                if not predicative and not (
                    nxt_tok is None
                    or nxt_tok.lower in ("that", ":")
                    or nxt_tok.text in "."
                    or nxt_tok.text in OPEN_QUOTES
                    or (
                        # "indicates the pool will reopen": a subject, then its auxiliary
                        nxt_tok.lower not in self.lex.auxiliaries
                        and self._bare_clause(toks, nxt, len(toks))
                    )
                    or self._addressee_then_that(word, toks, nxt)
                ):
                    return False
                if prev_tok is None or not (
                    prev_tok.lower in self.lex.pronouns
                    or self._is_source_noun(prev_tok.lower)
                    or (prev_tok.is_capitalized and prev_tok.lower != "united")
                    # "The data, compiled by the trust, shows that": an aside, then the verb
                    # and its clause
                    or (prev_tok.text == "," and nxt_tok is not None and nxt_tok.lower == "that")
                ):
                    return False
        return True

    def _thing_before(self, toks: list[Tok], i: int) -> bool:
        """(English) The word before ``i`` (adverbs skipped) is a common noun no one speaks
        for: "injuries described as serious" is a participle, not a verb of naming."""
        p = i - 1
        while p >= 0 and toks[p].is_word and self._is_adverb(toks[p]):
            p -= 1
        if p < 0 or not toks[p].is_word:
            return False
        tok = toks[p]
        low = tok.lower
        return not (
            tok.is_capitalized or low in self.lex.pronouns or self._is_source_noun_or_plural(low)
        )

    def _predicative_span(self, toks: list[Tok], cue: Cue) -> tuple[int, int] | None:
        """What a verb of naming says its object is, as a token range, or ``None``: "called
        the plan a giveaway", "branded them traitors", "labelled the audit 'fake news'",
        "described the budget as reckless", and with the object moved before the subject
        ("a report that X labeled as untrue"). The frame (``predicative`` in the lexicon)
        says whether the verb takes "as" ("as"), a bare second noun phrase ("bare") or
        either ("both"); the predicative ends with its clause."""
        mode = cue.predicative
        if not mode or self.it:
            return None
        lex = self.lex
        n = len(toks)
        k = cue.j
        while k < n and toks[k].is_word and self._is_adverb(toks[k]):
            k += 1
        if k >= n:
            return None
        noun_object = None
        as_ok = mode in ("as", "both")
        bare_ok = mode in ("bare", "both")
        start = None
        if toks[k].lower == "as":
            if as_ok and not self._thing_before(toks, cue.i):
                start = k + 1  # the object came before the subject: "... that X labeled as Y"
        elif (
            bare_ok
            and (
                toks[k].text in OPEN_QUOTES
                or toks[k].lower in ("a", "an")
                or (
                    toks[k].is_word
                    and not toks[k].is_capitalized
                    and toks[k].lower not in lex.determiners
                    and toks[k].lower not in lex.prepositions
                    and toks[k].lower not in lex.particles
                    and toks[k].lower not in lex.time_words
                    and toks[k].lower not in lex.object_pronouns
                )
            )
            and self._object_relative_before(toks, cue) is not None
        ):
            # "a note that the chairman called a smear" ("the night that she called the
            # police" names nothing)
            start = k
        elif toks[k].lower in lex.object_pronouns:
            m = k + 1
            if m < n and toks[m].lower == "as":
                start = m + 1 if as_ok else None
            elif bare_ok and m < n and (toks[m].is_word or toks[m].text in OPEN_QUOTES):
                low = toks[m].lower
                if not (
                    low in lex.prepositions
                    or low in lex.particles
                    or low in lex.time_words
                    or low in lex.clause_starters
                    or low in lex.complement_words
                    or self._verbish(toks[m])
                ):
                    start = m  # "called it a hoax", "branded them traitors"
        elif toks[k].is_word and (
            toks[k].lower in lex.determiners or toks[k].is_capitalized or mode == "both"
        ):
            noun_object = k
            # A noun-phrase object, then "as", a quotation or a second, indefinite noun
            # phrase ("called the plan for the port a giveaway"); "called a meeting of the
            # board" and "called the police at a quarter past" have none.
            for m in range(k + 1, min(n, k + 10)):
                tok = toks[m]
                if tok.text in OPEN_QUOTES:
                    start = m if bare_ok else None
                    break
                if not tok.is_word and tok.text not in ("'", "’"):
                    break
                if tok.lower == "as":
                    start = m + 1 if as_ok else None
                    break
                if (
                    tok.lower in ("a", "an")
                    and bare_ok
                    and m + 1 < n
                    and toks[m + 1].is_word  # not "3 a.m."
                    and not toks[m - 1].text[0].isdigit()
                    and toks[m - 1].lower not in lex.prepositions
                    and toks[m - 1].lower not in lex.determiners
                ):
                    start = m
                    break
                if (
                    tok.lower in lex.clause_starters
                    or tok.lower in lex.relative_pronouns
                    or self._verbish(tok)
                ):
                    break
            if start is None and mode == "both" and k + 1 < n and toks[k + 1].is_word:
                # "branded the ministers traitors": a verb with no other sense than naming,
                # so its object and predicative are read together when nothing marks the seam
                start = k
        if start is None or start >= n:
            return None
        end = start
        # a predicative is a phrase, not a text: the bound keeps a sentence with no
        # punctuation from being re-read from every verb of naming
        limit = min(n, start + 40)
        while end < limit:
            tok = toks[end]
            low = tok.lower
            if end > start and (
                tok.text in (",", ";", ".", ":", "!", "?", "(")
                or tok.text in DASHES
                or (low in lex.clause_starters and low not in ("and", "or"))
                or (
                    low in ("and", "or")
                    and end + 1 < n
                    and (self._verbish(toks[end + 1]) or toks[end + 1].lower in lex.pronouns)
                )
                or (
                    low in lex.prepositions
                    and end + 1 < n
                    and (
                        toks[end + 1].lower in lex.time_words
                        or (
                            end + 2 < n
                            and toks[end + 1].lower in lex.articles
                            and toks[end + 2].lower in lex.interview_nouns
                        )
                    )
                )
                or (
                    low in lex.time_words
                    and (
                        tok.is_capitalized
                        or (end + 1 < n and toks[end + 1].lower in lex.time_words)
                    )
                )
            ):
                break
            if tok.text in OPEN_QUOTES:
                # a quotation is read to its closing mark, whatever it holds; opening the
                # predicative, it is all of it ('call "a giveaway," passed on Tuesday')
                opened = end
                end += 1
                while end < limit and not (end > opened and toks[end].text in CLOSE_QUOTES):
                    end += 1
                if opened == start:
                    end += 1
                    break
            end += 1
        if not any(t.is_word for t in toks[start:end]):
            return None
        if noun_object is not None:
            # "called the speculation 'noise'": with a noun-phrase object, the object and what
            # it is called make the statement; a pronoun object ("called it a hoax") adds
            # nothing to check.
            start = noun_object
        return start, end

    def _noun_before_gerund(self, toks: list[Tok], left_i: int, i: int) -> tuple[int, int] | None:
        """(English) The noun phrase a gerund at ``i`` modifies when no comma parts them ("a
        complaint accusing", "a report saying"), if it can be a source; else ``None``."""
        if self.it or i - 2 < left_i or not toks[i - 1].is_word:
            return None
        lex = self.lex
        for m in range(i - 1, max(left_i, i - 6) - 1, -1):
            tok = toks[m]
            if tok.lower in _MESSAGE_PREPOSITIONS and m - 1 > left_i:
                # "sent a letter to police departments saying", "posted a message on its
                # website saying": the message, before its addressee or its place, speaks
                return self._message_before(toks, left_i, m)
            if not tok.is_word or self._verbish(tok) or tok.lower in lex.prepositions:
                return None
            if tok.lower in lex.articles or tok.lower in lex.determiners:
                if m - 1 > left_i and toks[m - 1].lower in _MESSAGE_PREPOSITIONS:
                    # "a memo to the council saying": whom it was sent to does not speak
                    return self._message_before(toks, left_i, m - 1)
                np = (m, self._before_trailing_time(toks, m, i))
                return np if m + 1 < i and self._source_like(toks, m + 1, i) else None
        return None

    def _message_before(self, toks: list[Tok], left_i: int, i: int) -> tuple[int, int] | None:
        """A document noun phrase ("a letter", "a statement") ending right before ``i``."""
        head = toks[i - 1]
        if not head.is_word or head.lower not in self.lex.document_nouns:
            return None
        for m in range(i - 2, max(left_i, i - 5) - 1, -1):
            tok = toks[m]
            if tok.lower in self.lex.articles or tok.lower in self.lex.determiners:
                return (m, i)
            if not tok.is_word or self._verbish(tok) or tok.lower in self.lex.prepositions:
                return None
        return None

    def _speaker_before_relative(
        self, toks: list[Tok], left_i: int, b: int
    ) -> tuple[int, int] | None:
        """(English) For ", X, who ..., said" with the comma closing the relative at ``b``:
        X's token range, when a clause of three words or more comes before X's comma."""
        m = b - 1
        while m > left_i and toks[m].text != ",":
            m -= 1  # the comma that opens the relative clause
        if m <= left_i or m + 1 >= b or toks[m + 1].lower not in ("who", "which"):
            return None
        p = m - 1
        while p > left_i and toks[p].text != "," and m - p <= 8:
            p -= 1
        if p <= left_i + 2 or toks[p].text != "," or p + 1 >= m:
            return None
        speaker = self._trim(toks, p + 1, m)
        return speaker if speaker[1] > speaker[0] else None

    def _subject_after_comma(self, toks: list[Tok], left_i: int, i: int) -> bool:
        """(English) The words right before the verb at ``i`` are a short subject after a
        comma that closes a clause of three words or more: "The talks have stalled, a
        senior official said"."""
        if i - 1 > left_i and toks[i - 1].text == ",":
            i -= 1  # ", the union's secretary, Ana Ruiz, wrote": the name's closing comma
        k = i
        while k > left_i and i - k < 6 and toks[k - 1].is_word:
            k -= 1
        return (
            k < i
            and k - 1 > left_i + 2
            and toks[k - 1].text == ","
            and toks[k].lower not in self.lex.clause_starters
            and not any(self._verbish(t) for t in toks[k:i])
        )

    def _gapped_object(self, toks: list[Tok], i: int, j: int) -> bool:
        """(English) Tokens [i, j) before a clause-final verb are a noun phrase and the
        verb's subject, the object gapped: "a figure Varnessa disputes", "a claim the
        company denies". No attribution: the clause names what the subject rejects."""
        lex = self.lex
        if self.it or j - i < 3 or toks[i].lower not in ("a", "an"):
            return False
        for m in range(i + 2, j):
            if toks[m - 1].lower in lex.prepositions:
                return False  # "a spokeswoman for Drayford Energy", "an analysis by the College"
            if (
                toks[m].lower in lex.articles
                or (toks[m].is_capitalized and not toks[m - 1].is_capitalized)
                # "a claim engineers dispute": people in the plural as the subject
                or (toks[m].lower in lex.anonymous_nouns and toks[m].lower.endswith("s"))
            ):
                return True
        return False

    def _relative_after_object(self, toks: list[Tok], cue: Cue, k: int) -> bool:
        """(English) "that" at ``k`` is a relative pronoun on the object of ``cue``, a verb
        whose object is a claim: "disputed a report by an analyst that said ..." (the
        report speaks), not "said that ..." (a complementizer)."""
        return (
            not self.it
            and cue.object_claim
            and cue.j < k <= cue.j + 12
            and toks[cue.j].lower in self.lex.determiners
            and all(t.is_word for t in toks[cue.j : k])
        )

    def _from_source_cue(self, toks: list[Tok], cue: Cue) -> bool:
        return tuple(t.lower for t in toks[cue.i : cue.j]) in self.lex.from_source_cues

    def _che_after_source(self, toks: list[Tok], k: int) -> bool:
        """ "che" at ``k``, or after a "da" phrase there ("emerge dal rapporto che")."""
        if k < len(toks) and toks[k].lower in _AGENT_WORDS:
            for m in range(k + 1, min(len(toks), k + 12)):
                if toks[m].lower == "che":
                    return True
                if not toks[m].is_word:
                    return False
            return False
        return k < len(toks) and toks[k].lower == "che"

    def _addressee_then_that(self, word: str, toks: list[Tok], k: int) -> bool:
        """ "promises residents that ...": a verb whose frame has an addressee slot, a short
        noun phrase in it, then the reported clause."""
        if word not in self.lex.addressee_forms:
            return False
        for m in range(k, min(len(toks), k + 5)):
            if toks[m].lower == "that":
                return m > k
            if not toks[m].is_word:
                return False
        return False

    def _has_complement(self, toks: list[Tok], k: int) -> bool:
        """A reported clause or quotation follows at ``k``: "che", "that", ":", «, "di" + verb;
        in English also a clause without "that" ("said the bridge would reopen")."""
        if k >= len(toks):
            return False
        tok = toks[k]
        if (
            tok.lower in self.lex.complement_words
            or tok.text == ":"
            or tok.text in OPEN_QUOTES
            or tok.lower == "di"
        ):
            return True
        if self.it and tok.lower in ("a", "al", "alla", "all", "ai", "agli", "alle", "ad"):
            # "ha chiesto alla Regione di dichiarare ...": an addressee, then "di" + infinitive
            for m in range(k + 1, min(len(toks) - 1, k + 6)):
                if not toks[m].is_word:
                    break
                if toks[m].lower == "di" and self._opens_infinitive(toks[m + 1]):
                    return True
        k2, _ = self._skip_to_complementizer(toks, k, len(toks))
        if k2 != k:
            return True
        channel, after = self.channel_after(toks, k, len(toks))
        if channel and after < len(toks) and toks[after].lower in self.lex.complement_words:
            return True
        if not self.it:
            for m in range(k, min(len(toks), k + 8)):
                if toks[m].text in (",", ";", "."):
                    break
                if toks[m].lower in self.lex.auxiliaries:
                    return True
            return self._bare_clause(toks, k, len(toks))  # "shows the firm avoided tax"
        return False

    def _object_of_its_own(self, cue: Cue, toks: list[Tok], i: int, j: int) -> bool:
        """A verb that needs a reported clause has a claim without one when its object is the
        claim: a denial's object ("denied the allegations"), a warning ("cautioned against
        reading too much into it"), an accusation ("accusing them of hiring ...")."""
        return (
            self._object_claim(cue, toks, i, j)
            or self._against_gerund(toks, i, j)
            or self._accusation(toks, cue.i, cue.j)
            or self._addressee_then_infinitive(cue, toks, i, j)
            or self._commitment(cue, toks, i, j)
        )

    def _commitment(self, cue: Cue, toks: list[Tok], i: int, j: int) -> bool:
        """(English) "promised to publish the tables", "threatened to sue": a verb whose frame
        takes a to-infinitive (``to_infinitive``), then "to" and a verb."""
        return (
            not self.it
            and toks[cue.j - 1].lower in self.lex.to_infinitive_forms
            and i + 1 < j
            and toks[i].lower == "to"
            and toks[i + 1].is_word
            and toks[i + 1].lower not in self.lex.determiners
        )

    def _addressee_then_infinitive(self, cue: Cue, toks: list[Tok], i: int, j: int) -> bool:
        """ "warned the city to prepare for more cases", "urged voters to ...": a verb whose
        frame has an addressee slot, a short noun phrase in it, then "to" and a verb."""
        if self.it or toks[cue.j - 1].lower not in self.lex.addressee_forms:
            return False
        for m in range(i + 1, min(j - 1, i + 6)):
            if toks[m].lower == "to":
                return toks[m + 1].is_word and toks[m + 1].lower not in self.lex.determiners
            if not toks[m].is_word:
                return False
        return False

    def _accusation(self, toks: list[Tok], i: int, j: int) -> bool:
        """ "accusing them of hiring ...", "blaming the drought for ...": the accused and the
        charge are the claim."""
        return toks[j - 1].lower in _ACCUSING and any(
            t.lower in ("of", "for", "di") for t in toks[j : j + 5]
        )

    def _against_gerund(self, toks: list[Tok], k: int, j: int) -> bool:
        """ "against" and a gerund at ``k``: the object of "warned", "cautioned", "advised"."""
        return (
            not self.it
            and k + 1 < j
            and toks[k].lower == "against"
            and toks[k + 1].lower.endswith("ing")
        )

    def _new_subject_after_conjunction(self, toks: list[Tok], earlier: Cue, cue: Cue) -> bool:
        """(English) "X said the plan was dead, and the council said ...": after a comma and a
        conjunction, a new subject and its own verb of saying start a clause of their own."""
        if self.it:
            return False
        m = cue.i - 1
        while m > earlier.j and cue.i - m <= 6 and toks[m].is_word and not self._verbish(toks[m]):
            if toks[m].lower in ("and", "but", "while", "whereas"):
                return m - 1 > earlier.j and toks[m - 1].text == "," and m + 1 < cue.i
            m -= 1
        return False

    def _closing_report_comma(self, toks: list[Tok], cue: Cue) -> int:
        """ "X explained how Y, the Tribune reported.": a subject set off by a comma and its
        verb of saying closing the sentence report the whole of it; the reported clause
        before them ends at that comma. The comma's token index, or -1. (Italian puts the
        verb first, "..., scrive il Corriere", which the comma before the verb shows.)"""
        if self.it or cue.kind != "verb":
            return -1
        if cue.j < len(toks) and toks[cue.j].text not in ".!":
            return -1
        k = cue.i - 1
        while k >= 0 and toks[k].is_word and cue.i - k <= 5:
            k -= 1
        if k < 1 or toks[k].text != "," or k + 1 == cue.i:
            return -1
        first = toks[k + 1]
        return k if first.lower in self.lex.determiners or first.is_capitalized else -1

    def _opens_complement(self, toks: list[Tok], cue: Cue) -> bool:
        if toks[cue.j - 1].lower in ("told", "tells", "tell"):
            return True  # "told reporters the agreement showed ...": what follows is reported
        k = cue.j
        while k < len(toks) and toks[k].is_word and self._is_adverb(toks[k]):
            k += 1
        if k < len(toks) and (toks[k].lower in self.lex.complement_words or toks[k].text == ":"):
            return True
        if (
            not self.it
            and cue.kind == "verb"
            and k < len(toks)
            and self._bare_clause(toks, k, len(toks))
        ):
            return True  # "said the employer had announced ...": a clause with no "that"
        # "told the BBC that", "ha detto all'Ansa che": an addressee before the complementizer.
        return self._skip_to_complementizer(toks, k, len(toks))[0] != k
