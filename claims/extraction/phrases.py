"""Noun phrases around a cue: the subject before it, the source after it, the channel.

Blank pipelines have no parser, so phrase edges come from punctuation, the
lexicon's closed classes (determiners, prepositions, auxiliaries, adverbs) and
a few news conventions (appositions, role portfolios, outlets after "a"/"to").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .state import ArticleState
from .tokens import CLOSE_QUOTES, DASHES, OPEN_QUOTES, Tok
from .wordsets import _MODALS

if TYPE_CHECKING:
    from .drafts import Sentence
    from .lexicon import Lexicon

MAX_SOURCE_TOKENS = 14
# Italian endings of a past participle or an infinitive: a verb that makes a fronted phrase a
# clause ("pubblicato sul profilo", "per evitare il blocco").
_PARTICIPLE_OR_INFINITIVE = tuple(stem + end for stem in ("at", "it", "ut") for end in "oaie") + (
    "are",
    "ere",
    "ire",
)
_APPROXIMATELY = frozenset(
    ("about", "around", "nearly", "almost", "roughly", "over", "circa", "oltre", "quasi")
)
# Prepositions that stay inside a noun phrase: "il portavoce del ministero",
# "a spokesperson for GM".
NP_PREPOSITIONS = frozenset("di del dello della dell dei degli delle of for de".split())
EDGE_PUNCT = frozenset(",;:.!?…(")
# "news agency", "news service": bodies that are outlets when "news" names them
_NEWS_BODIES = frozenset(("agency", "service", "network", "organization", "organisation"))
_AGENT = frozenset("da dal dallo dalla dall dai dagli dalle by".split())


_PARTICIPLE_ENDINGS = tuple(
    stem + end for stem in ("a", "i", "u", "un", "ies") for end in ("to", "ta", "ti", "te")
)


class PhraseFinder(ArticleState):
    """Mixin for :class:`~claims.extraction.rules.ArticleRules`: phrase edges in token lists."""

    text: str
    lex: Lexicon
    it: bool
    cut_at: int | None

    def _trim(self, toks: list[Tok], i: int, j: int) -> tuple[int, int]:
        """Shrink token range [i, j) past punctuation, dashes and conjunctions at the edges."""
        while i < j and (
            not toks[i].is_word and toks[i].text not in OPEN_QUOTES or toks[i].text in DASHES
        ):
            i += 1
        while j > i and (toks[j - 1].text in EDGE_PUNCT or toks[j - 1].text in DASHES):
            j -= 1
        if (
            j - 1 > i
            and j < len(toks)
            and toks[j].is_word
            and toks[j - 1].lower in ("that", "which")
        ):
            j -= 1  # "disputed a report that | said ...": the relative belongs to the next cue
        while j > i and toks[j - 1].lower in (
            "e",
            "ed",
            "and",
            "ma",
            "but",
            "o",
            "or",
            "mentre",
            "while",
            "before",  # "said they did not know, before saying ...": the next cue's word
        ):
            j -= 1
            while j > i and not toks[j - 1].is_word and toks[j - 1].text not in CLOSE_QUOTES:
                j -= 1
        return i, j

    def _span(self, toks: list[Tok], i: int, j: int) -> tuple[int, int] | None:
        if j <= i:
            return None
        return toks[i].start, toks[j - 1].end

    def _verbish(self, tok: Tok) -> bool:
        low = tok.lower
        lex = self.lex
        return low in lex.auxiliaries or low in lex.verb_finite or low in lex.verb_participles

    def _verbish_word(self, low: str) -> bool:
        """:meth:`_verbish` for a lowercase word."""
        lex = self.lex
        return low in lex.auxiliaries or low in lex.verb_finite or low in lex.verb_participles

    def _skip_adverbial_phrases(self, toks: list[Tok], i: int, j: int) -> int:
        changed = True
        while changed and i < j:
            changed = False
            if toks[i].lower not in self.lex.adverbial_first:
                break
            for phrase in self.lex.adverbial_phrases:
                if self._match(toks, i, phrase) and i + len(phrase) < j:
                    i += len(phrase)
                    while i < j and toks[i].text == ",":
                        i += 1
                    changed = True
        return i

    def _opens_subordinate_clause(self, toks: list[Tok], i: int, k: int, j: int) -> bool:
        """(English) "Oil prices jumped on Tuesday after Saudi officials said ...": the
        subordinator at ``k`` follows a clause of its own (a past tense after its subject),
        so the subject of the verb after it starts after it, when someone who can speak
        follows. Not "the man arrested after the raid said": no one in "the raid" speaks."""
        if self.it or toks[k].lower not in self.lex.subordinators or k - i < 2:
            return False
        lex = self.lex
        if any(t.lower in lex.relative_pronouns for t in toks[i:k]):
            return False  # "X, who spoke on condition of anonymity because ..., said"
        if not self._source_like(toks, k + 1, j):
            return False  # "arrived at the court after the hearing said": no one to speak
        for m in range(i + 1, k):
            low = toks[m].lower
            past = low in lex.irregular_past or (low.endswith("ed") and len(low) > 4)
            if past and not toks[m].is_capitalized:
                return True
        return False

    def subject_np(self, toks: list[Tok], i: int, j: int) -> tuple[int, int] | None:
        """The subject noun phrase in tokens [i, j) right before a cue (token range).

        Sets ``self.cut_at`` to the token where an embedded clause was cut off
        ("... a troll farm that Mueller's counsel said"), so the words before it
        can become a claim of their own, and ``self.first_clause`` to the token range of
        a first verb's clause the subject also heads ("X posted a profit and said ...").
        """
        lex = self.lex
        self.cut_at = None
        self.first_clause = None
        coordinated = j - 1 > i and toks[j - 1].lower in ("e", "ed", "and")
        if not self.it and j - 1 > i and toks[j - 1].lower in ("and", "but"):
            first_verb = self._first_english_verb(toks, i, j - 1)
            if first_verb is not None:
                # "Cascadia Air on Thursday posted a profit ..., and said ...", "The mayor
                # welcomed the plan but said ...": the subject of the first verb; its own
                # clause is the article's claim (``first_clause``)
                coordinated = False
                self.first_clause = (i, j - 1)
                j = first_verb
        i, j = self._trim(toks, i, j)
        if coordinated:
            # "Il sindaco X ha criticato il bilancio e ha promesso ...": the subject of the
            # second verb is the first one's, before that verb.
            for k in range(i + 1, j):
                if toks[k].lower in lex.auxiliaries and toks[k - 1].is_word:
                    j = k
                    break
            else:
                if self.it and toks[i].is_capitalized and toks[i].lower not in lex.articles:
                    # "Prigozhin va oltre e avanza ...": a name, then its first verb
                    k = i
                    while k < j and toks[k].is_word and toks[k].is_capitalized:
                        k += 1
                    if (
                        k < j
                        and toks[k].is_word
                        and toks[k].lower not in lex.prepositions
                        and toks[k].lower not in lex.articles
                        and toks[k].lower not in ("e", "ed")
                    ):
                        j = k
        # An embedded subject: after the last relative or complementizer, when no verb follows it.
        for k in range(j - 1, i, -1):
            low = toks[k].lower
            if (
                low in lex.relative_pronouns
                or low in lex.complement_words
                or toks[k].text in (":", ";")
                or self._opens_subordinate_clause(toks, i, k, j)
            ):
                if self._opens_relative_piece(toks, k):
                    break  # ", who chairs the committee,": an apposition, dropped below
                if low in ("who", "whom", "whose"):
                    break  # "an aide to Sen. Crowell who now runs the agency": no subject of ours
                tail = toks[k + 1 : j]
                if tail and not any(self._verbish(t) for t in tail):
                    self.cut_at = k
                    i = k + 1
                break
        # Leading conjunctions and adverbs: "Ma", "Intanto", "However", "di fatto".
        while True:
            i = self._skip_adverbial_phrases(toks, i, j)
            if (
                i < j
                and toks[i].is_word
                and (toks[i].lower in lex.clause_starters or self._is_adverb(toks[i]))
            ):
                i += 1
                continue
            if (
                self.it
                and i + 1 < j
                and toks[i].lower in lex.time_words
                and toks[i + 1].is_word
                and toks[i + 1].lower not in lex.prepositions
            ):
                i += 1  # "Ieri pomeriggio il prefetto ha detto": a time word before the subject
                continue
            break
        while (
            j > i
            and toks[j - 1].is_word
            and (self._is_adverb(toks[j - 1]) or toks[j - 1].lower in _MODALS)
        ):
            j -= 1  # "he would say": the modal belongs to the verb
        i, j = self._trim(toks, i, j)
        if j <= i:
            return None
        # Comma-separated pieces: drop leading adverbials ("In a statement released Friday,").
        pieces = []
        start = i
        for k in range(i, j):
            if toks[k].text == ",":
                pieces.append((start, k))
                start = k + 1
        pieces.append((start, j))
        kept = [p for p in pieces if p[1] > p[0]]
        # "..., mentre la Cisl sostiene": a new clause after a comma holds the subject.
        for n in range(len(kept) - 1, 0, -1):
            if toks[kept[n][0]].lower in lex.clause_starters:
                kept = kept[n:]
                kept[0] = (kept[0][0] + 1, kept[0][1])
                kept = [p for p in kept if p[1] > p[0]]
                break
        if not kept:
            return None
        # ", che guida il sindacato,", ", whose budget was cut,": a relative clause in
        # apposition describes the subject and is not part of it.
        kept = [kept[0]] + [p for p in kept[1:] if not self._is_relative_piece(toks, *p)]
        while len(kept) > 1 and self._is_adverbial(toks, *kept[0]):
            first = toks[kept[0][0]]
            if (
                kept[0][1] - kept[0][0] == 1
                and first.is_word
                and not (
                    self._is_adverb(first)
                    or first.lower in lex.time_words
                    or first.lower in lex.clause_starters
                    or first.lower in lex.prepositions
                )
                and all(self._is_apposition_tail(toks, *p) for p in kept[1:])
            ):
                break  # "Officials, speaking on condition of anonymity,": the noun is the subject
            kept.pop(0)
        while len(kept) > 1 and self._is_apposition_tail(toks, *kept[-1]):
            kept.pop()
        i, j = kept[0][0], kept[-1][1]
        i = self._skip_adverbial_phrases(toks, i, j)
        if self.it and toks[i].lower in ("da", "dal", "dalla", "dall", "dai", "dagli", "dalle"):
            i += 1  # "da Palazzo Chigi fanno sapere": the source speaks "from" a place
        elif (
            len(kept) == 1
            and self._is_adverbial(toks, i, j)
            and j - i > 1
            and toks[i].lower in lex.prepositions
            # "About 31% of the firms surveyed said": an approximate number, not a place
            and not (toks[i].lower in _APPROXIMATELY and toks[i + 1].text[0].isdigit())
        ):
            after = self._subject_after_fronted_adjunct(toks, i, j) if self.it else None
            if after is None:
                return None
            i = after
        if j - i > MAX_SOURCE_TOKENS:
            if len(kept) > 1 and kept[0][0] >= i:
                j = kept[0][1]  # "Daniel Ames, a former aide to ... who now runs ...": the name
            else:
                i = j - MAX_SOURCE_TOKENS
        i, j = self._trim(toks, i, j)
        j = self._before_trailing_time(toks, i, j)
        return (i, j) if j > i else None

    def _first_english_verb(self, toks: list[Tok], i: int, j: int) -> int | None:
        """The first word in [i, j) after a subject that reads as a finite verb: an
        auxiliary, a verb of saying, a past tense ("posted", "raised", "cut")."""
        lex = self.lex
        for k in range(i + 1, j):
            tok = toks[k]
            if not tok.is_word:
                return None  # a comma or a quotation before any verb: no simple clause
            low = tok.lower
            if tok.is_capitalized or low in lex.prepositions or low in lex.time_words:
                continue
            if self._reads_as_finite_verb(tok):
                return k
        return None

    def _reads_as_finite_verb(self, tok: Tok) -> bool:
        """(English) An auxiliary, a verb of saying, or a past tense ("posted", "cut")."""
        low = tok.lower
        lex = self.lex
        return tok.is_word and (
            low in lex.auxiliaries
            or low in lex.verb_finite
            or low in lex.irregular_past
            or (low.endswith("ed") and len(low) > 4)
        )

    def _before_trailing_time(self, toks: list[Tok], i: int, j: int) -> int:
        """(English) Where a noun phrase ends before the time words that close it: "President
        Biden on Tuesday urged", "a statement Monday evening saying"."""
        if self.it:
            return j
        lex = self.lex
        k = j
        while k - 1 > i and toks[k - 1].is_word and toks[k - 1].lower in lex.time_words:
            k -= 1
        if k == j:
            return j
        if k - 1 > i and toks[k - 1].lower in ("on", "in", "at", "late", "early"):
            k -= 1
        return k if k > i else j

    def _subject_after_fronted_adjunct(self, toks: list[Tok], i: int, j: int) -> int | None:
        """ "Nel corso della conferenza stampa il ministro ha detto", "In una nota il Comune
        precisa": Italian fronts an adjunct without a comma; the subject starts at the first
        article (or capitalised name) that no preposition governs."""
        lex = self.lex
        for k in range(i + 2, j):
            prev, tok = toks[k - 1], toks[k]
            if not (prev.is_word and tok.is_word):
                return None
            verb_like = self._verbish(prev) or (
                len(prev.lower) > 4 and prev.lower.endswith(_PARTICIPLE_OR_INFINITIVE)
            )
            if verb_like and not (
                toks[k - 2].lower in lex.articles or toks[k - 2].lower in lex.determiners
            ):
                # a clause, not an adjunct: "Per evitare il blocco ...", "In un video
                # pubblicato sul profilo del club ha precisato" (a dropped subject)
                return None
            if prev.lower in lex.prepositions or prev.lower in lex.articles:
                continue
            if tok.lower in lex.articles or (tok.is_capitalized and not prev.is_capitalized):
                return k
        return None

    def _is_relative_piece(self, toks: list[Tok], i: int, j: int) -> bool:
        """Tokens [i, j) open with a relative pronoun: "che ...", "i cui ...", "la quale ...",
        "who ...", "whose ...", "of whom ..."."""
        lex = self.lex
        for k in range(i, min(j, i + 3)):
            low = toks[k].lower
            if (
                low in lex.relative_pronouns
                and low not in lex.complement_words
                or (low == "che" and k == i)
            ):
                return True
            if not (low in lex.articles or low in lex.prepositions):
                return False
        return False

    def _opens_relative_piece(self, toks: list[Tok], k: int) -> bool:
        """The relative pronoun at ``k`` opens a comma-delimited piece (", la quale", ", who")."""
        m = k
        while m > 0 and (
            toks[m - 1].lower in self.lex.articles or toks[m - 1].lower in self.lex.prepositions
        ):
            m -= 1
        return m > 0 and (toks[m - 1].text == "," or toks[m - 1].text in DASHES) and m >= k - 2

    def _is_apposition_tail(self, toks: list[Tok], i: int, j: int) -> bool:
        """A trailing piece that is not part of the name: "however", "filed in Ohio"."""
        first = toks[i]
        if j - i == 1 and self._is_adverb(first):
            return True
        if self.it:
            # regular participles, and the irregular ones asides use most: "raggiunto al
            # telefono", "giunta sul posto", "richiesto di un commento"
            participle = first.lower.endswith(_PARTICIPLE_ENDINGS)
            return first.lower in self.lex.prepositions or (participle and not first.is_capitalized)
        return (
            first.lower.endswith(("ed", "ing"))
            or first.lower in ("who", "which")
            or first.lower in self.lex.prepositions
        )

    def _is_adverbial(self, toks: list[Tok], i: int, j: int) -> bool:
        first = toks[i]
        lex = self.lex
        if j - i == 1:
            return True
        if first.lower in lex.prepositions and not (not self.it and first.lower in lex.articles):
            return True
        if first.lower in lex.time_words or self._is_adverb(first):
            return True
        # a participle opening the sentence: "Contattato per un commento,"
        if (
            self.it
            and first.lower.endswith(("ato", "ata", "ati", "ate", "uto", "ito"))
            and first.is_capitalized
        ):
            return True
        # a gerund or participle clause before the subject: "Speaking to reporters on Monday,",
        # "Asked about the delay,", "Intervenendo alla Camera," (a name goes on capitalised:
        # "Sterling Jones")
        endings = ("ando", "endo") if self.it else ("ing", "ed")
        return (
            first.is_capitalized
            and len(first.lower) > 4
            and first.lower.endswith(endings)
            and toks[i + 1].is_word
            and not toks[i + 1].is_capitalized
        )

    def object_np(self, toks: list[Tok], i: int, j: int) -> tuple[int, int] | None:
        """The noun phrase starting at token ``i`` (a source after its verb), within [i, j)."""
        lex = self.lex
        while (
            i < j
            and toks[i].is_word
            and (self._is_adverb(toks[i]) or toks[i].lower in lex.time_words)
        ):
            i += 1
        if i < j and toks[i].lower in ("da", "dal", "dalla", "dall", "dai", "dagli", "dalle", "by"):
            i += 1
        k = i
        while k < j and k - i < MAX_SOURCE_TOKENS:
            tok = toks[k]
            if not tok.is_word and tok.text not in ("&", "@", "."):
                break
            low = tok.lower
            if k > i and low in lex.prepositions and low not in NP_PREPOSITIONS:
                # "l'assessore ai Trasporti": a role keeps its portfolio
                role_portfolio = (
                    low in ("a", "ai", "al", "alla", "all", "agli", "alle")
                    and (
                        toks[k - 1].lower in lex.role_nouns
                        # "l'assessore regionale alla sanità": a role and its adjective
                        or k - 2 >= i
                        and toks[k - 2].lower in lex.role_nouns
                        and toks[k - 1].is_word
                        and not toks[k - 1].is_capitalized
                    )
                    and k + 1 < j
                    and (toks[k + 1].is_capitalized or self._name_after_portfolio(toks, k + 1, j))
                    # "ha detto il sindaco a Repubblica": an outlet is the channel, not a portfolio
                    and not self._media_name_in(toks[k + 1 : min(j, k + 6)])
                )
                if not role_portfolio:
                    break
            if k > i and (
                low in lex.verb_gerunds
                or low in ("che", "that", "who", "which", "mentre", "while", "citando", "citing")
            ):
                break
            if k > i and low == "di" and k + 1 < j and self._opens_infinitive(toks[k + 1]):
                break  # "ha detto all'Ansa di non saperne nulla": the reported clause starts
            if k > i and (low in lex.clause_starters and low not in ("e", "and")):
                break
            if k > i and low in ("e", "and") and k + 1 < j and not toks[k + 1].is_capitalized:
                break
            if (
                k > i
                and (low in lex.auxiliaries or low in lex.verb_finite)
                and low not in lex.articles
                and (toks[k - 1].lower not in lex.determiners)
                and not (tok.is_capitalized and toks[k - 1].is_capitalized)  # "Washington Post"
                and not self._noun_after_modifier(toks, i, k)
            ):
                break  # "the bill would pass" is a clause, not a source
            if k > i and low in lex.articles and toks[k - 1].is_capitalized:
                break  # "Fox News il 28 ottobre": a new phrase starts
            if (
                k > i
                and low in lex.time_words
                and not tok.is_capitalized
                and toks[k - 1].lower not in lex.prepositions
                and toks[k - 1].lower not in lex.determiners
            ):
                break  # "ha assicurato il ministro oggi ai giornalisti": an adjunct follows
            if (
                k > i
                and low in lex.citing_first
                and any(self._match(toks, k, seq) for seq in lex.channel_citing)
            ):
                break  # "una fonte citata dall'emittente Nhk"
            k += 1
        return self._trim_np(toks, i, k)

    def _noun_after_modifier(self, toks: list[Tok], i: int, k: int) -> bool:
        """(English) The verb form at ``k`` is the head noun of "a preliminary report", "the
        annual estimate", "a PTI report": an article, one lowercase modifier or acronym,
        then a base form."""
        if self.it or k - 2 < i:
            return False
        low = toks[k].lower
        prev = toks[k - 1]
        return (
            toks[k - 2].lower in self.lex.articles
            and low not in self.lex.auxiliaries
            and low not in self.lex.verb_past
            and not low.endswith("s")
            and prev.is_word
            and (not prev.is_capitalized or prev.text.isupper())  # "a PTI report"
            and not self._verbish(prev)
        )

    def _opens_infinitive(self, tok: Tok) -> bool:
        """Whether ``tok`` opens an infinitive clause after "di": "non", "aver", a reporting
        verb's infinitive, or an infinitive with a clitic ("saperne", "averlo")."""
        low = tok.lower
        if tok.is_capitalized or not tok.is_word:
            return False
        if low in ("non", "aver", "avere", "esser", "essere") or low in self.lex.verb_infinitives:
            return True
        if low.endswith(("arsi", "ersi", "irsi", "arlo", "erlo", "irlo", "arne", "erne", "irne")):
            return True  # "di volersi ricandidare", "di averne parlato": any verb with a clitic
        return low.endswith(("ne", "lo", "la", "li", "le", "si")) and (
            low[:-2] + "e" in self.lex.verb_infinitives or low[:-2] in ("aver", "esser", "saper")
        )

    def _name_after_portfolio(self, toks: list[Tok], i: int, j: int) -> bool:
        """ "l'assessore al bilancio Laura Verdi": a few lowercase words of a portfolio, then
        a name (the addressee in "il ministro ai giornalisti" has no name after it)."""
        lex = self.lex
        k = i
        while k < j and k - i < 4 and toks[k].is_word and not toks[k].is_capitalized:
            low = toks[k].lower
            if self._verbish(toks[k]) or (low in lex.prepositions and low not in NP_PREPOSITIONS):
                return False
            k += 1
        return k > i and k + 1 < j and toks[k].is_capitalized and toks[k + 1].is_capitalized

    def _with_apposition(self, toks, np, j):
        """Extend ``np`` over ", Maurizio Landini" when a name in apposition follows it."""
        if np is None:
            return None
        k = np[1]
        titled = self._titled_name_after(toks, k, j) if self.it else None
        if titled is not None:
            return (np[0], titled)  # "il pubblico ministero, dott.ssa Ilaria Capuozzo"
        if k + 1 < j and toks[k].text == "," and toks[k + 1].is_capitalized and toks[k + 1].is_word:
            m = k + 1
            while (
                m < j
                and m - k <= 4
                and toks[m].is_word
                and (
                    toks[m].is_capitalized
                    or toks[m].lower in ("di", "de", "del", "van", "von", "da")
                )
            ):
                m += 1
            names = toks[k + 1 : m]
            if self._person_in(names) and (m >= j or not toks[m].is_word):
                return (np[0], m)
        return np

    def _past_title(self, toks, m, j) -> int:
        """The index after a title abbreviation starting at ``m`` ("dott.", "dott.ssa",
        "ing.", "prof.ssa", "Dr."), at most four tokens; ``m`` when there is none."""
        start = m
        while (
            m < j
            and m - start < 4
            and (
                toks[m].text == "."
                or toks[m].lower in self.lex.abbreviations
                or toks[m].lower == "ssa"
            )
        ):
            m += 1
        return m

    def _titled_name_after(self, toks, k, j) -> int | None:
        """The end of ", dott.ssa Ilaria Capuozzo" (a title abbreviation, then a name, then a
        comma or the clause's end) right after a noun phrase ending at ``k``, or ``None``."""
        if not (k + 1 < j and toks[k].text == ","):
            return None
        m = self._past_title(toks, k + 1, j)
        if m == k + 1 or m >= j:
            return None
        first = m
        while m < j and m - first < 4 and toks[m].is_word and toks[m].is_capitalized:
            m += 1
        if m == first or (m < j and toks[m].text not in (",", ".", ";")):
            return None
        return m

    def _trim_np(self, toks, i, k):
        while k > i and (
            not toks[k - 1].is_word
            or toks[k - 1].lower in self.lex.prepositions
            or toks[k - 1].lower in ("e", "and")
        ):
            k -= 1
        return (i, k) if k > i else None

    def marker_np(self, toks: list[Tok], i: int, j: int) -> tuple[int, int] | None:
        """The source after "secondo" / "according to": up to a comma, dash or a verb."""
        lex = self.lex
        k = i
        while k < j and k - i < MAX_SOURCE_TOKENS:
            tok = toks[k]
            if not tok.is_word and tok.text not in ("&", "."):
                break
            low = tok.lower
            if k > i and low in ("who", "which", "whose", "che", "cui"):
                break
            if (
                k > i
                and (
                    low in lex.auxiliaries
                    or low in lex.verb_finite
                    or low.endswith(("rebbe", "rebbero"))
                )
                and toks[k - 1].lower not in lex.determiners
                and not self._noun_after_modifier(toks, i, k)  # "a preliminary report"
            ):
                break  # a verb ends the source ("una stima di X" is still a noun phrase)
            if (
                k > i
                and low in ("che", "that", "il", "lo", "la", "l", "i", "gli", "le", "the")
                and toks[k - 1].lower not in lex.prepositions
            ):
                if low in ("che", "that") or not toks[k - 1].is_capitalized or k - i >= 3:
                    break
                if k + 1 < j and toks[k + 1].is_word and not toks[k + 1].is_capitalized:
                    break  # "Secondo La Stampa il governo ...": a name, then a new subject
            k += 1
        return self._trim_np(toks, i, k)

    # ------------------------------------------------------------- channels
    def channel_after(self, toks: list[Tok], i: int, j: int) -> tuple[tuple[int, int] | None, int]:
        """A channel introduced right at ``i``: "alla Reuters", "a BuzzFeed", "told Reuters"."""
        if i >= j:
            return None, i
        low = toks[i].lower
        if low in (
            "a",
            "al",
            "alla",
            "all",
            "ai",
            "agli",
            "alle",
            "ad",
            "to",
            "su",
            "sul",
            "sulla",
            "on",
        ):
            np = self.object_np(toks, i + 1, j)
            if np and self._looks_like_outlet(toks, *np):
                return np, np[1]
        return None, i

    def _looks_like_outlet(self, toks, i, j) -> bool:
        lex = self.lex
        if any(t.lower in lex.media_nouns for t in toks[i:j]):
            return True
        if any(
            toks[k].lower == "news" and toks[k + 1].lower in _NEWS_BODIES for k in range(i, j - 1)
        ):
            return True  # "the news agency", "a news service": an outlet named by kind
        return self._media_name_in(toks[i:j])

    def _media_name_in(self, toks: list[Tok]) -> bool:
        """Whether the tokens hold an outlet's name, written with a capital ("the Times",
        "la Stampa"; not "at times", "la stampa locale", "chief economist")."""
        words = [t.lower for t in toks]
        if self.lex.media_first.isdisjoint(words):
            return False  # no word can start an outlet's name
        for k, w in enumerate(words):
            for name in self.lex.media_by_first.get(w, ()):
                if tuple(words[k : k + len(name)]) == name and any(
                    t.is_capitalized for t in toks[k : k + len(name)]
                ):
                    return True
        return False

    def _aux_chain_length(self, toks: list[Tok], i: int) -> int:
        """Tokens of "ha spiegato" / "ha poi scritto" starting at ``i`` (0 when none)."""
        if i >= len(toks) or toks[i].lower not in self.lex.auxiliaries:
            return 0
        k = i + 1
        while k < len(toks) and toks[k].is_word and self._is_adverb(toks[k]):
            k += 1
        length = self._verb_at(toks, k, self.lex.verb_participles) if k < len(toks) else 0
        return k + length - i if length else 0

    def find_channel(self, sent: Sentence):
        """A sentence-level channel: "Come riporta la Kcna," / "In un'intervista al Corriere,"."""
        toks = sent.toks
        lex = self.lex
        n = len(toks)
        # Only "come"/"as" and interview nouns can open a channel: visit just those words.
        openers = lex.channel_openers
        for k in [k for k, tok in enumerate(toks) if tok.lower in openers]:
            low = toks[k].lower
            if low in ("come", "as") and k + 1 < n:
                v = k + 1  # "as first reported by", "come già riportato da"
                while v < n - 1 and v - k <= 2 and toks[v].is_word and self._is_adverb(toks[v]):
                    v += 1
                length = (
                    self._verb_at(toks, v, lex.verb_finite)
                    or self._aux_chain_length(toks, v)
                    or (
                        self._verb_at(toks, v + 1, lex.verb_participles)
                        if toks[v].lower in ("reported", "was", "is")
                        else 0
                    )
                )
                if not length:
                    # "come riportato dal Corriere": a participle with its agent
                    length = self._verb_at(toks, v, lex.verb_participles)
                    if not (length and v + length < n and toks[v + length].lower in _AGENT):
                        length = 0
                if length and toks[v].lower != "si":
                    start = v + length
                    if start < n and toks[start].lower == "by":
                        start += 1
                    np = self.object_np(toks, start, n)
                    if np:
                        return np, k, np[1], (k, v + length)
                # "As the BBC reported, ...": the outlet before its verb, then a comma.
                np = self.object_np(toks, k + 1, n) if not length else None
                if np and toks[np[0]].lower in lex.pronouns:
                    np = None  # "as they had promised", "as it closes": no outlet
                while np and np[1] - np[0] > 1 and self._is_adverb(toks[np[1] - 1]):
                    np = (np[0], np[1] - 1)  # "as Bloomberg first reported"
                if np and np[1] < n:
                    v = np[1]
                    while v < n - 1 and toks[v].is_word and self._is_adverb(toks[v]):
                        v += 1
                    verb = self._verb_at(toks, v, lex.verb_finite) or self._aux_chain_length(
                        toks, v
                    )
                    after = v + verb
                    end = after
                    if end < n and (
                        toks[end].lower in lex.prepositions or toks[end].lower in lex.time_words
                    ):
                        # "as Reuters reported on Monday,": a short adjunct stays in the aside
                        while end < n and end - after < 5 and toks[end].is_word:
                            end += 1
                    if verb and (end >= n or toks[end].text in (",", ";", ".", "!")):
                        return np, k, end, (v, after)
            given = (
                1
                if self.it
                and k + 2 < n
                and toks[k + 1].lower.startswith(("rilasciat", "concess", "pubblicat"))
                else 0
            )  # "in un'intervista rilasciata al Messaggero"
            if (
                low in lex.interview_nouns
                # a gerund ("speaking to the BBC", "writing in The Guardian") opens a channel
                # only opening the sentence: "X, speaking to the BBC, said" is X's aside
                and not (low.endswith("ing") and k > 0)
                and k + 1 + given < n
                and toks[k + 1 + given].lower
                in (
                    "a",
                    "al",
                    "alla",
                    "all",
                    "con",
                    "with",
                    "to",
                    "on",
                    "su",
                    "sul",
                    "sulla",
                    "for",
                    "in",
                )
            ):
                np = self.object_np(toks, k + 2 + given, n)
                if (
                    np
                    and not (
                        # "in un video pubblicato sul profilo Twitter del club": a page, not
                        # an outlet
                        toks[k + 1 + given].lower in ("su", "sul", "sulla")
                        and toks[np[0]].lower in ("profilo", "pagina", "account", "canale")
                    )
                    and (
                        self._looks_like_outlet(toks, *np)
                        # "in an interview with the Herald": "the" and a name is a masthead
                        or (
                            not self.it
                            and np[1] - np[0] >= 2
                            and toks[np[0]].lower == "the"
                            and all(t.is_capitalized for t in toks[np[0] + 1 : np[1]])
                            and toks[np[1] - 1].lower not in self.lex.organization_nouns
                        )
                    )
                ):
                    return np, k, np[1], None
        return None, -1, -1, None
