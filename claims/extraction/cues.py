"""Stage 1, find cues: which words of a sentence may introduce a claim.

Reads a :class:`~claims.extraction.drafts.Sentence`'s tokens and the lexicon's cue lists
(reporting verbs and their participles, according-to markers, clefts, claim nouns,
predicative forms) and produces :class:`~claims.extraction.drafts.Cue` records, one per
cue, with the verb's flags (tense, voice, needs-quote). Homograph and event-sense guards
sit in the cue readers themselves; whether a cue's frame is met is asked of
:mod:`frames` (``_plausible``) before a cue is kept.
"""

from __future__ import annotations

from .drafts import Cue, Sentence
from .state import ArticleState
from .tokens import DASHES, OPEN_QUOTES, Tok
from .wordsets import (
    _AGENT_WORDS,
    _OF_WORDS,
    _PARTICIPLE_ENDS,
    ESSERE_FORMS,
    _takes_lo,
    english_singular,
)

# English forms of "be": a gerund after one is a progressive verb ("was continuing").
_BE_FORMS = frozenset(("is", "are", "was", "were", "be", "been", "being"))

# "appreso", "emerso", "raccolto", "scritto", "visto": participles that end otherwise
_IRREGULAR_PARTICIPLE_ENDS = (
    "eso",
    "esa",
    "erso",
    "ersa",
    "olto",
    "olta",
    "tto",
    "tta",
    "sto",
    "sta",
)

# "A dirlo è stato X": the copula forms between a cleft's verb and its source.
_CLEFT_COPULAS = frozenset(
    (
        "è",
        "sono",
        "era",
        "erano",
        "sarebbe",
        "sarebbero",
        "stato",
        "stata",
        "stati",
        "state",
        "fu",
        "furono",
    )
)


class CueFinder(ArticleState):
    """Mixin for :class:`~claims.extraction.rules.ArticleRules`: the cues of a sentence."""

    def _match(self, toks: list[Tok], i: int, seq: tuple[str, ...]) -> bool:
        if i + len(seq) > len(toks) or toks[i].lower != seq[0]:
            return False
        for k in range(1, len(seq)):
            if toks[i + k].lower != seq[k]:
                return False
        return True

    def _prev_word(self, toks: list[Tok], i: int) -> Tok | None:
        return toks[i - 1] if i > 0 else None

    def _is_adverb(self, tok: Tok) -> bool:
        return (
            tok.lower in self.lex.adverbs
            or (self.it and tok.lower.endswith("mente") and len(tok.lower) > 6)
            or (
                not self.it
                and tok.lower.endswith("ly")
                and len(tok.lower) > 4
                and tok.lower not in self.lex.verb_finite
                and tok.lower not in self.lex.ly_adjectives
            )
        )

    def _verb_flags(self, cue: Cue, toks: list[Tok]) -> Cue:
        words = [t.lower for t in toks[cue.i : cue.j]]
        first = words[0]
        lex = self.lex
        if self.it:
            cue.plural = first in (
                "hanno",
                "avevano",
                "avrebbero",
                "sono",
                "erano",
                "sarebbero",
                "ebbero",
            ) or (
                first.endswith(("ano", "ono", "rono", "ebbero", "anno")) and first not in ("sono",)
            )
            cue.past = (
                first in ("ha", "hanno", "aveva", "avevano", "ebbe", "ebbero")
                or first in lex.verb_past
            )
            cue.conditional = any(w.endswith(("rebbe", "rebbero")) for w in words)
        else:
            cue.past = first in lex.verb_past or first in ("had", "has", "have")
            cue.conditional = first in ("would", "could")
        # "ha voluto precisare" needs what "precisare" needs: test every tail of the cue.
        tails = [" ".join(words[k:]) for k in range(len(words))]
        cue.needs_quote = not lex.needs_quote.isdisjoint(tails)
        cue.needs_complement = not lex.needs_complement.isdisjoint(tails)
        cue.object_claim = not lex.object_claim_forms.isdisjoint(tails)
        cue.predicative = next(
            (lex.predicative_forms[t] for t in tails if t in lex.predicative_forms), ""
        )
        return cue

    def _verb_at(self, toks: list[Tok], i: int, lookup) -> int:
        """Length in tokens of a (possibly multiword) verb form at ``i`` in ``lookup``, or 0."""
        t = toks[i].lower
        for seq in self.lex.multiword_verbs.get(t, ()):
            if self._match(toks, i, seq) and " ".join(seq) in lookup:
                return len(seq)
        return 1 if t in lookup else 0

    def find_cues(self, sent: Sentence, inside) -> list[Cue]:
        """Every cue of the sentence, in order (reporting verbs, markers, impersonal forms)."""
        toks = sent.toks
        lowers = [t.lower for t in toks]
        if self.lex.cue_vocabulary.isdisjoint(lowers):
            return []
        # Only words that can start a cue are tried, in order; a cue's own words are skipped.
        cue_start = self.lex.cue_start
        candidates = [k for k, low in enumerate(lowers) if low in cue_start and toks[k].is_word]
        cues: list[Cue] = []
        i = 0
        for i_cand in candidates:
            if i_cand < i:
                continue
            i = i_cand
            if inside[i] and not self._after_dash(toks, i):
                continue
            cue = (
                self._marker_at(toks, i)
                or self._cleft_at(toks, i)
                or self._verb_cue_at(toks, i)
                or self._claim_noun_at(toks, i, cues)
            )
            if cue and not self._plausible(toks, cue, cues, inside):
                i = cue.j  # its words are not a cue of their own either ("is accused of")
                continue
            if cue:
                if inside[i]:
                    cue.interruption = True
                cues.append(cue)
                i = cue.j
        if self.it and len(cues) > 1 and self.lex.possessive_markers:
            # "Si tratterebbe, a suo dire, di Y, ha detto X": the possessive repeats the
            # sentence's other cue
            cues = [
                c
                for c in cues
                if tuple(t.lower for t in toks[c.i : c.j]) not in self.lex.possessive_markers
            ]
        return cues

    def _is_source_noun(self, word: str) -> bool:
        lex = self.lex
        return (
            word in lex.document_nouns
            or word in lex.media_nouns
            or word in lex.organization_nouns
            or word in lex.anonymous_nouns
            or word in lex.role_nouns
        )

    def _finite_verb_ahead(self, toks: list[Tok], j: int, n: int) -> bool:
        """(English) A clause opens at ``j``: within ten words, with no punctuation and no
        relative pronoun, an auxiliary or a modal ("work on new lanes would begin")."""
        lex = self.lex
        if j >= n or not toks[j].is_word or toks[j].lower in lex.prepositions:
            return False
        for k in range(j + 1, min(n, j + 10)):
            if not toks[k].is_word or toks[k].lower in lex.relative_pronouns:
                return False  # "saying goodbye to fans who had waited": no clause of its own
            if toks[k].lower in lex.auxiliaries:
                return toks[k - 1].lower not in lex.prepositions
        return False

    def _names_a_source_after(self, toks: list[Tok], j: int) -> bool:
        """What follows an English according-to marker can be someone or something that
        speaks: a determiner, a name, a pronoun, a figure, or a source noun within its first
        words ("according to preliminary figures"); not "according to plan"."""
        if j >= len(toks):
            return False
        nxt = toks[j]
        if (
            not nxt.is_word
            or nxt.is_capitalized
            or nxt.text[0].isdigit()
            or nxt.lower in self.lex.determiners
            or nxt.lower in self.lex.pronouns
            or nxt.lower in self.lex.object_pronouns
        ):
            return True
        for tok in toks[j : j + 4]:
            if not tok.is_word:
                break
            if self._is_source_noun_or_plural(tok.lower):
                return True
        return False

    def _is_source_noun_or_plural(self, word: str) -> bool:
        """(English too) a source noun, or the plural of one ("figures", "companies")."""
        return self._is_source_noun(word) or self._is_source_noun(english_singular(word))

    def _after_dash(self, toks: list[Tok], i: int) -> bool:
        k = i - 1
        while (
            k >= 0
            and toks[k].is_word
            and (self._is_adverb(toks[k]) or toks[k].lower in ("lo", "l"))
        ):
            k -= 1
        return k >= 0 and toks[k].text in DASHES

    def _marker_at(self, toks: list[Tok], i: int) -> Cue | None:
        lex = self.lex
        t = toks[i].lower
        if t not in lex.marker_first and t != lex.per_marker:
            return None
        prev = self._prev_word(toks, i)
        for seq in lex.relative_markers_by_first.get(t, ()):
            if self._match(toks, i, seq):
                return Cue("relative", i, i + len(seq))
        for seq in lex.according_markers_by_first.get(t, ()):
            if self._match(toks, i, seq):
                if seq == ("secondo",) and prev is not None and prev.lower in lex.determiners:
                    return None  # "il secondo" is an ordinal
                if seq in lex.opening_according_markers and not (
                    prev is None or prev.text in (",", ";") or prev.lower in lex.clause_starters
                ):
                    return None  # "assegnati in base all'ordine di arrivo": a criterion
                j = i + len(seq)
                if not self.it and not self._names_a_source_after(toks, j):
                    return None  # "according to plan", "as per usual": a manner, no source
                return Cue("marker", i, self._extend_quanto(toks, j, seq))
        for seq in lex.according_quanto_by_first.get(t, ()):
            if self._match(toks, i, seq):
                j = i + len(seq)
                if j < len(toks) and toks[j].lower in lex.impersonal_single:
                    return Cue("marker", i, j + 1)  # "stando a quanto trapela": no named source
                if j < len(toks) and (
                    toks[j].lower == "si"
                    or self._verb_at(toks, j, lex.verb_finite)
                    or (
                        self.it
                        and j + 1 < len(toks)
                        and toks[j].lower.endswith((*_PARTICIPLE_ENDS, *_IRREGULAR_PARTICIPLE_ENDS))
                        and toks[j + 1].lower in _AGENT_WORDS
                    )
                ):  # "da quanto raccolto dai carabinieri"
                    return Cue("marker", i, self._extend_quanto(toks, j, seq, force=True))
        if (
            t == lex.opening_marker
            and i + 1 < len(toks)
            and (self._per_before_quote(toks, i) or self._per_names_a_source(toks, i))
        ):
            return Cue("marker", i, i + 1)
        if lex.per_marker and t == lex.per_marker and i + 1 < len(toks):
            nxt = toks[i + 1]
            if nxt.is_capitalized and not nxt.text.isdigit():
                return Cue("marker", i, i + 1)
            if nxt.lower in lex.articles and i + 2 < len(toks):
                head = toks[i + 2].lower
                if (
                    head in lex.document_nouns
                    or head in lex.media_nouns
                    or head in lex.anonymous_nouns
                ):
                    return Cue("marker", i, i + 1)
        return None

    def _per_names_a_source(self, toks: list[Tok], i: int) -> bool:
        """ "Per La Stampa il governo avrebbe ...", "Per Anna Neri, presidente dell'Unc, i
        prezzi ...": an opening "per" before an outlet's name, or a person's name with their
        role, reads "according to"; before anything else ("per questo", "per il 2025",
        "per Roma") it does not."""
        if i > 0 and toks[i - 1].lower not in self.lex.clause_starters and toks[i - 1].text != ";":
            return False
        k = i + 1
        if (
            self.it
            and toks[k].lower in ("lui", "lei", "loro")
            and k + 2 < len(toks)
            and toks[k + 1].text == ","
        ):
            # "Per lui, la legge è incostituzionale": the speaker named before ("Per lui, è
            # stata una giornata difficile" is for him)
            return toks[k + 2].is_word and not self._verbish(toks[k + 2])
        if toks[k].lower in self.lex.articles and k + 1 < len(toks):
            k += 1
        name = toks[k]
        if self.it and name.lower in self.lex.per_judges and toks[k - 1].lower in self.lex.articles:
            # "Per gli inquirenti, ...", "Per la Procura di Bari, ...": a judgement, its phrase
            # closed by a comma ("Per il tribunale di Milano è stato un anno difficile" is not)
            for m in range(k + 1, min(len(toks) - 1, k + 8)):
                if toks[m].text == ",":
                    return toks[m + 1].is_word and not self._verbish(toks[m + 1])
                if not toks[m].is_word or self._verbish(toks[m]):
                    return False
            return False
        if self.it and name.lower in self.lex.role_nouns and toks[k - 1].lower in self.lex.articles:
            # "Per il presidente di Confindustria, Carlo Bonomi, la crescita ...": a role with
            # the name in apposition
            for m in range(k + 1, min(len(toks), k + 8)):
                if toks[m].text == ",":
                    return self._name_in_apposition(toks, m, len(toks)) is not None
                if not toks[m].is_word:
                    return False
            return False
        if not name.is_word or not name.is_capitalized or name.text.isdigit():
            return False
        end = k
        while end < len(toks) and end - k < 5 and toks[end].is_word and toks[end].is_capitalized:
            end += 1
        if self._looks_like_outlet(toks, k, end):
            return True
        # A person only with the role that makes them a voice ("Per Anna Neri, presidente
        # dell'Unc, ..."): "Per Kim, l'alleanza è un'occasione" says what is good for Kim.
        role_at = end + 1
        if role_at < len(toks) and toks[role_at].lower in self.lex.articles:
            role_at += 1
        return (
            role_at < len(toks)
            and toks[end].text == ","
            and toks[role_at].lower in self.lex.role_nouns
            and self._person_in(toks[k:end]) is not None
        )

    def _per_before_quote(self, toks: list[Tok], i: int) -> bool:
        """ "Per la segretaria del Pd, «...»": Italian "per" means "according to" only when
        it opens the sentence, names a speaker and a quotation follows its comma
        ("Per Kim, l'alleanza è un'occasione" is "for Kim")."""
        if i > 0 and toks[i - 1].lower not in self.lex.clause_starters:
            return False
        for k in range(i + 1, min(len(toks) - 1, i + 14)):
            if toks[k].text == "," and toks[k + 1].text in OPEN_QUOTES:
                return True
            if toks[k].text in OPEN_QUOTES or toks[k].text in (".", ";", ":"):
                return False
        return False

    def _extend_quanto(self, toks, j, seq, force=False) -> int:
        """Extend "secondo quanto riportano" / "a quanto si apprende da" over the verb."""
        lex = self.lex
        if not force:
            if j < len(toks) and toks[j].lower == "quanto":
                j += 1
            else:
                return j
        if j < len(toks) and toks[j].lower in lex.impersonal_single:
            return j + 1  # "stando a quanto trapela": the leak has no named source
        if j < len(toks) and toks[j].lower == "si":
            j += 1
            if j < len(toks) and toks[j].lower in lex.impersonal_verbs:
                j += 1
        if j < len(toks) and toks[j].lower in lex.auxiliaries:
            j += 1
        if j < len(toks):
            length = self._verb_at(toks, j, lex.verb_finite) or self._verb_at(
                toks, j, lex.verb_participles
            )
            if (
                not length
                and self.it
                and j + 1 < len(toks)
                and toks[j].lower.endswith((*_PARTICIPLE_ENDS, *_IRREGULAR_PARTICIPLE_ENDS))
                and toks[j + 1].lower in _AGENT_WORDS
            ):
                # "stando a quanto ricostruito dagli inquirenti", "appreso dall'Ansa"
                length = 1
            j += length
        if j < len(toks) and toks[j].lower in (
            "da",
            "dal",
            "dalla",
            "dall",
            "dai",
            "dagli",
            "dalle",
            "su",
            "sul",
            "sulla",
            "in",
            "nel",
            "nella",
        ):
            j += 1  # "secondo quanto si legge in una nota": the source follows
        return j

    def _cleft_at(self, toks: list[Tok], i: int) -> Cue | None:
        """ "Ad annunciarlo è stato il ministro", "A dirlo sono i dati": a cleft that
        gives the sentence before to X. With the verb's tail ("A renderlo noto è"), and,
        before a colon, without the pronoun ("A lanciare l'allarme è X: ...")."""
        if not self.it or i + 2 >= len(toks) or toks[i].lower not in ("a", "ad"):
            return None
        word = toks[i + 1].lower
        for clitic in ("lo", "la", "li", "le", ""):
            stem = word[: len(word) - len(clitic)]
            if not word.endswith(clitic) or not stem:
                continue
            verb_end = i + 2
            if stem not in self.lex.verb_infinitives:
                tail = next(
                    (
                        seq
                        for seq in self.lex.multiword_verbs.get(stem, ())
                        if " ".join(seq) in self.lex.verb_infinitives
                        and self._match(toks, i + 1, (word, *seq[1:]))
                    ),
                    None,
                )
                if tail is None:
                    continue
                verb_end = i + 1 + len(tail)
            j = verb_end
            while j < len(toks) and toks[j].lower in _CLEFT_COPULAS:
                j += 1
            if j == verb_end:
                continue
            if not clitic and all(t.text != ":" for t in toks[j : j + 12]):
                continue  # no pronoun points back: only a colon ahead makes it a cue
            return Cue("cleft", i, j)
        return None

    def _verb_cue_at(self, toks: list[Tok], i: int) -> Cue | None:
        lex = self.lex
        t = toks[i].lower
        prev = self._prev_word(toks, i)
        n = len(toks)
        # impersonal "si apprende", "si legge"
        if lex.impersonal_pronoun and t == lex.impersonal_pronoun and i + 1 < n:
            length = self._verb_at(toks, i + 1, lex.verb_finite)
            if length and toks[i + 1].lower.endswith(("no", "rono")):
                length = 0  # "si riferiscono": reflexive plural, not impersonal
            if length or toks[i + 1].lower in lex.impersonal_verbs:
                return self._verb_flags(Cue("impersonal", i, i + 1 + max(length, 1)), toks)
        for seq in lex.impersonal_cues if t in lex.impersonal_first else ():
            if self._match(toks, i, seq):
                return Cue("impersonal", i, i + len(seq))
        # auxiliary chains: ha detto, hanno poi ribadito, ha voluto esprimere,
        # è stato confermato, has said
        if t in lex.auxiliaries:
            k = i + 1
            adverbs = 0
            while k < n and adverbs < 3 and toks[k].is_word and self._is_adverb(toks[k]):
                k += 1
                adverbs += 1
            passive = False
            if k < n and toks[k].lower in lex.passive_auxiliaries:
                passive = True
                k += 1
            if not self.it and t in ("is", "are", "was", "were", "been", "be", "being"):
                passive = True
            if k < n and toks[k].lower == "been":
                passive = True
                k += 1
            for link in lex.modal_links if k < n and toks[k].lower in lex.modal_first else ():
                if self._match(toks, k, link):
                    length = self._verb_at(toks, k + len(link), lex.verb_infinitives)
                    if length:
                        return self._verb_flags(Cue("verb", i, k + len(link) + length), toks)
            if k < n:
                length = self._verb_at(toks, k, lex.verb_participles)
                if length:
                    if passive:
                        return self._verb_flags(Cue("passive", i, k + length), toks)
                    if (
                        self.it
                        and t in ESSERE_FORMS
                        and prev is not None
                        and prev.lower == "si"
                        and toks[k].lower in lex.reflexive_saying
                    ):
                        # "si è detto preoccupato", "si è dichiarata soddisfatta dell'accordo":
                        # the state the speaker declares is the claim
                        cue = self._verb_flags(Cue("verb", i - 1, k + length), toks)
                        cue.needs_complement = False  # its complement is the adjective
                        return cue
                    if self.it and t in ESSERE_FORMS:
                        # "sarà confermato" without "stato" is a predicate, unless its agent
                        # follows: "il danno è stimato dalla Regione in tre milioni"
                        m = k + length
                        while m < n and toks[m].is_word and self._is_adverb(toks[m]):
                            m += 1
                        if m < n and toks[m].lower in _AGENT_WORDS:
                            return self._verb_flags(Cue("passive", i, k + length), toks)
                        return None
                    return self._verb_flags(Cue("verb", i, k + length), toks)
            return None
        predicative = self._predicative_at(toks, i)
        if predicative:
            return predicative
        # gerunds: dicendo che, sottolineando come, adding that
        length = self._verb_at(toks, i, lex.verb_gerunds)
        if length:
            j = i + length
            nxt = toks[j] if j < n else None
            nxt2 = toks[j + 1] if j + 1 < n else None
            if (
                not self.it
                and prev is not None
                and (
                    (
                        prev.lower in lex.prepositions
                        and prev.lower not in lex.subordinators  # "before saying the ..."
                        and prev.lower not in ("by", "without")
                    )
                    or prev.lower in _BE_FORMS
                )
                and not (
                    nxt is not None and (nxt.lower in ("that", ":") or nxt.text in OPEN_QUOTES)
                )
            ):
                # "the system for submitting data", "the inquiry was continuing": a gerund
                # after a preposition (not "before", "by") or "was" reports only before "that"
                # or a quotation
                return None
            if nxt and (
                nxt.lower in lex.complement_words or nxt.text in (":",) or nxt.text in OPEN_QUOTES
            ):
                return self._verb_flags(Cue("gerund", i, j), toks)
            if nxt and nxt.lower in ("di", "of") and nxt2 is not None and nxt2.text in OPEN_QUOTES:
                return self._verb_flags(Cue("gerund", i, j + 1), toks)
            if nxt and nxt.lower in ("di", "of") and length > 1:
                return self._verb_flags(Cue("gerund", i, j + 1), toks)  # "dando conto di"
            if self._accusation(toks, i, j):
                return self._verb_flags(Cue("gerund", i, j), toks)  # "accusing them of hiring"
            if (
                not self.it
                and self._bare_clause(toks, j - 1, n)
                and not (prev is not None and (prev.lower in lex.determiners or prev.lower == "s"))
                and nxt is not None
                and nxt.lower not in lex.verb_finite
                and nxt.lower not in lex.auxiliaries
            ):
                return self._verb_flags(Cue("gerund", i, j), toks)  # "saying demand had fallen"
            if not self.it and prev is not None and prev.text == "," and nxt is not None:
                # "cut its forecast, citing a mild winter": after a comma, the object of a
                # verb whose object is the claim
                cue = self._verb_flags(Cue("gerund", i, j), toks)
                if cue.object_claim and self._object_claim(cue, toks, j, n):
                    return cue
                if not cue.object_claim and self._finite_verb_ahead(toks, j, n):
                    # "..., saying work on new overtaking lanes would begin in February": a
                    # long subject, then its verb
                    return cue
            return None
        # "È quanto riferito da X": a participle after "quanto" sums up what X said
        if self.it and prev is not None and prev.lower == "quanto":
            length = self._verb_at(toks, i, lex.verb_participles)
            if length:
                return self._verb_flags(Cue("verb", i, i + length), toks)
        # finite forms: dice, disse, riferiscono, said, tells
        length = self._verb_at(toks, i, lex.verb_finite)
        if length and prev is not None and prev.is_capitalized and toks[i].is_capitalized:
            return None  # "The Washington Post", "Huffington Post": part of a name
        if length:
            relative_that = (
                not self.it and prev is not None and prev.lower == "that" and t in lex.verb_past
            )  # "a report that said ...": "that" is a relative pronoun before a past tense
            if (
                prev is not None
                and not relative_that
                and (
                    prev.lower in lex.determiners
                    or prev.lower in lex.prepositions
                    or prev.lower == "to"
                )
            ):
                if not (self.it and prev.lower in ("lo", "la", "le", "gli", "l")):
                    return None  # a noun: "la nota", "the report"
                if toks[i].lower in lex.noun_homographs and not (
                    prev.lower == "lo" and not _takes_lo(toks[i].lower)
                ):
                    # "l'accusa", "la stima dei danni": the noun, not "la" + verb ("Lo conferma
                    # il Viminale": "lo" is an article only before s + consonant, z, gn, ps)
                    return None
            if not self.it and prev is None and i + 1 < n and toks[i + 1].lower in lex.prepositions:
                return None
            if (
                not self.it
                and prev is not None
                and i >= 2
                and toks[i].lower not in lex.verb_past
                and toks[i - 2].lower in lex.articles
                and prev.is_word
                and not prev.is_capitalized
                and (
                    prev.lower.endswith(("ed", "est"))
                    or (not self._verbish(prev) and not t.endswith("s"))
                )
                # "The figures show ...", "The officials say ...": a plural subject, its verb
                and not (prev.lower.endswith("s") and self._is_source_noun_or_plural(prev.lower))
            ):
                # "the disputed report", "the latest estimate", "a preliminary report": a noun
                return None
            if (
                not self.it
                and prev is not None
                and prev.is_capitalized
                and prev.is_word
                and not t.endswith("s")
                and t not in lex.verb_past
                and any(
                    toks[m].lower in ("a", "an")
                    for m in range(max(0, i - 6), i - 1)
                    if all(
                        x.is_word and (x.is_capitalized or x.lower in ("of", "for", "and"))
                        for x in toks[m + 1 : i]
                    )
                )
            ):
                return None  # "a UN report", "an Oxford study": the noun after its name
            if (
                self.it
                and toks[i].lower in lex.noun_homographs
                and i >= 2
                and prev is not None
                and not prev.is_capitalized
                and prev.lower in lex.prenominal_adjectives
                and toks[i - 2].lower in lex.determiners
            ):
                return None  # "una mancata conferma", "la prima replica": an adjective, a noun
            return self._verb_flags(Cue("verb", i, i + length), toks)
        return None

    def _claim_noun_at(self, toks: list[Tok], i: int, earlier: list[Cue]) -> Cue | None:
        """ "Prigozhin avanza anche il sospetto che ...", "esprime il timore che": a verb, an
        article and a noun for a belief or a charge (`claim_nouns`), then "che": the verb and
        the noun are the cue, the clause is the claim."""
        lex = self.lex
        if toks[i].lower not in lex.claim_nouns:
            return None
        copula = self._claim_noun_copula(toks, i)
        if copula:
            return copula
        if (
            i + 1 >= len(toks)
            or toks[i + 1].lower != "che"
            or i < 2
            or toks[i - 1].lower not in lex.articles
        ):
            return None
        m = i - 2
        while m > 0 and toks[m].is_word and self._is_adverb(toks[m]):
            m -= 1  # "avanza anche il sospetto"
        verb = toks[m]
        if (
            not verb.is_word
            or verb.is_capitalized
            or verb.lower in lex.prepositions
            or verb.lower in lex.articles
            or verb.lower in lex.determiners
            or verb.lower in ("che", "e", "ed", "o", "ma")
            or (earlier and earlier[-1].j > m)
        ):
            return None
        start = m
        if m > 0 and toks[m - 1].lower in lex.auxiliaries:
            start = m - 1  # "ha espresso il timore che"
        if start == 0 or (
            toks[start - 1].lower in lex.clause_starters
            and toks[start - 1].lower not in ("e", "ed")
        ):
            return None  # "Resta il dubbio che", "Ma cresce il timore che": no one holds it
        return self._verb_flags(Cue("verb", start, i + 1), toks)

    def _claim_noun_copula(self, toks: list[Tok], i: int) -> Cue | None:
        """ "L'ipotesi degli investigatori è che ...", "Il timore dei sindacati è che ...": a
        noun of belief or charge, its owner and "è che": the owner holds the clause."""
        lex = self.lex
        if toks[i].lower not in lex.claim_nouns or i + 2 >= len(toks):
            return None
        if toks[i + 1].lower not in _OF_WORDS or toks[i + 1].lower in ("of", "from", "by"):
            return None
        for m in range(i + 2, min(len(toks) - 1, i + 10)):
            if toks[m].lower in ("è", "era", "resta", "rimane") and toks[m + 1].lower == "che":
                if m == i + 2 and toks[i + 1].lower == "di":
                    return None  # "l'ipotesi di è": no owner
                return Cue("copula", i, i + 1)
            if not toks[m].is_word or toks[m].lower in ("che", "e"):
                return None
        return None

    def _predicative_at(self, toks: list[Tok], i: int) -> Cue | None:
        """ "accuse giudicate «ridicole» dal ministro", "bollate dal portavoce come «bufale»":
        the participle of a verb that frames a quotation, without an auxiliary, with its agent
        and the quoted verdict in the same clause. The verdict is the agent's claim."""
        if not self.it:
            return None
        lex = self.lex
        word = toks[i].lower
        if word not in lex.verb_participles or word not in lex.needs_quote:
            return None
        if i > 0 and (toks[i - 1].lower in lex.auxiliaries or toks[i - 1].lower in ESSERE_FORMS):
            return None  # "ha definito", "è stata definita": the auxiliary chain reads it
        agent = quote = None
        for k in range(i + 1, min(len(toks), i + 14)):
            tok = toks[k]
            if tok.text in OPEN_QUOTES:
                if quote is None:
                    quote = k
            elif tok.text in (".", ";", "!", "?", ":"):
                break
            elif agent is None and quote is None or agent is None and k > quote:
                if tok.lower in _AGENT_WORDS:
                    agent = k
        if agent is None or quote is None:
            return None
        j = i + 1
        if j < len(toks) and toks[j].lower == "come":
            j += 1
        cue = self._verb_flags(Cue("predicative", i, j), toks)
        cue.needs_quote = False  # the quotation is the content: it was checked above
        return cue
