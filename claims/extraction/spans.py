"""Stage 3a, place source and content spans: from the cues of a sentence to drafts.

Reads the cues that :mod:`cues` found in a sentence and produces one
:class:`~claims.extraction.drafts.Draft` per claim (``_drafts_from_cues``): on which side
of each cue the source and the content lie, predicative and impersonal frames, addressees
skipped, the author's own part of a sentence, content separated between two cues. Verb
clauses themselves (subject, apposition, inverted source) are read by :mod:`clauses`.
"""

from __future__ import annotations

from dataclasses import replace

from .drafts import Cue, Draft
from .state import ArticleState
from .tokens import CLOSE_QUOTES, DASHES, OPEN_QUOTES, Tok
from .wordsets import (
    _AGENT_WORDS,
)

# English pronouns that can only be subjects: one right after a verb of saying opens a clause.
_SUBJECT_PRONOUNS = frozenset(("he", "she", "they", "we", "i"))

# Italian "in", "su", "da" fused with an article.
_IN_ON_FROM = frozenset(
    "nello nell nei negli nelle sullo sull sui sugli sulle dallo dagli dalle".split()
)


class SpanPlacer(ArticleState):
    """Mixin for :class:`~claims.extraction.rules.ArticleRules`: drafts from a sentence's cues."""

    def _first_person_aside(self, sent, source: tuple[int, int], d: Draft) -> bool:
        """(English) "I"/"we" outside a quotation as the subject of a cue: the reporter
        speaking ("I asked the mayor", "we reported last week"); the claim is the author's,
        with no cue. Marks ``d`` so and returns True."""
        toks = sent.toks
        i, j = source
        if self.it or j - i != 1 or toks[i].lower not in ("i", "we"):
            return False
        if self._inside_quote(sent, toks[i]):
            return False
        d.author, d.cue, d.resolve = True, None, None
        return True

    def _add_author_part(self, sent, index, start: int, end: int, out) -> None:
        """Tokens [start, end) of the sentence, trimmed, as the article's own claim when four
        tokens or more are left (the part a rule splits off an attributed claim)."""
        toks = sent.toks
        if not self.it and start < end and toks[start].lower in ("but", "although", "though"):
            start += 1  # "..., but the ferry still runs": the conjunction links, it says nothing
        ci, cj = self._trim(toks, start, end)
        if cj - ci >= 4:
            out.append(
                Draft(
                    content=self._span(toks, ci, cj),
                    sentence=index,
                    paragraph=sent.paragraph,
                    author=True,
                )
            )

    def _subordinate_subject(self, toks, left_i, comma) -> tuple[int, int] | None:
        """(English) "Shares fell after the retailer cut its forecast, citing ...": a gerund
        after a comma hangs on the last clause before it; when a subordinator opens that
        clause, its subject is the one speaking (a token range), else ``None``."""
        if self.it:
            return None
        for m in range(comma - 1, left_i, -1):
            if toks[m].text in (",", ";") or toks[m].text in DASHES:
                return None
            if toks[m].lower in self.lex.subordinators:
                return self._subject_tokens(toks, m + 1)
        return None

    def _reason_cited(self, toks, cue, right_j) -> tuple[int, int] | None:
        """What "citing" names, to the end of its clause, when it is a claim of three words or
        more ("citing a warm winter and weak demand")."""
        end = cue.j
        while (
            end < right_j
            and toks[end].text not in (";", ".", "!", "?")
            and toks[end].text not in DASHES
        ):
            end += 1
        if sum(t.is_word for t in toks[cue.j : end]) < 3:
            return None
        return (cue.j, end)

    def _clause_before_gerund(self, sent, index, cue, left_i, out) -> None:
        """ "The UAW sued GM in January, accusing ...": the clause the gerund hangs on is the
        article's own statement."""
        toks = sent.toks
        if cue.i - 1 <= left_i or toks[cue.i - 1].text != ",":
            return
        self._add_author_part(sent, index, left_i, cue.i - 1, out)

    def _drafts_from_cues(self, sent, index, cues, inside, out: list[Draft]) -> None:
        toks = sent.toks
        n = len(toks)
        lex = self.lex
        previous_source: tuple[int, int] | None = None
        previous_resolve: str | None = None
        outlet_relay = None  # an outlet before the next verb's subject, and where that starts
        for c_idx, cue in enumerate(cues):
            left_i = cues[c_idx - 1].j if c_idx else 0
            if 0 <= self.channel_end <= cue.i:
                left_i = max(left_i, self.channel_end)
            if outlet_relay is not None:
                left_i = max(left_i, outlet_relay[1])
            right_j = cues[c_idx + 1].i if c_idx + 1 < len(cues) else n
            d = Draft(
                content=(0, 0),
                sentence=index,
                paragraph=sent.paragraph,
                cue=self._span(toks, cue.i, cue.j),
                cue_past=cue.past,
                cue_conditional=cue.conditional,
            )
            content: tuple[int, int] | None = None
            source: tuple[int, int] | None = None
            spoken_by: str | None = None  # a pronoun's number: the source is found before
            whole: tuple[int, int] | None = None
            if cue.kind == "relative":
                source = self._np_before(toks, left_i, cue.i)
                if self.it:
                    # "Contatti confermati da due funzionari, secondo i quali": the agent
                    source = self._agent_of_clause(toks, source, second=True)
                content = (cue.j, right_j)
                if source and source[0] - left_i >= 5 and c_idx == 0:
                    end = source[0]
                    while end > left_i and toks[end - 1].lower in _AGENT_WORDS:
                        end -= 1  # "Contatti confermati da [due funzionari], secondo i quali"
                    if not (self.it and toks[end - 1].lower in ("è", "sono", "stato", "stata")):
                        # (not "A lanciare l'allarme è [X], secondo cui": a cleft, no claim)
                        self._add_author_part(sent, index, left_i, end, out)
            elif cue.kind == "marker":
                source = self._with_apposition(toks, self.marker_np(toks, cue.j, right_j), right_j)
                if (
                    self.it
                    and source is not None
                    and source[1] - source[0] > 1
                    and toks[source[0]].lower in _AGENT_WORDS
                ):
                    source = (source[0] + 1, source[1])  # "stando a quanto trapela da X"
                if self.it:
                    words = tuple(t.lower for t in toks[cue.i : cue.j])
                    if words in lex.possessive_markers:
                        # "A suo dire, Y": the speaker is found before; the marker's last word
                        # stands in for the source while its clause is read
                        source, spoken_by = (cue.j - 1, cue.j), lex.possessive_markers[words]
                        left = self._trim(toks, left_i, cue.i)
                        if any(
                            t.is_word and not self._is_adverb(t) for t in toks[left[0] : left[1]]
                        ):
                            whole = (left_i, right_j)  # "Si tratterebbe, a suo dire, di Y"
                    elif source is not None and self._is_pronoun(toks, *source):
                        spoken_by = self._pronoun_number(toks, *source)  # "Secondo lui, Y"
                    elif source is not None and source[1] - source[0] <= 3:
                        owner = next(
                            (
                                t.lower
                                for t in toks[source[0] : source[1] - 1]
                                if t.lower in ("suo", "sua", "suoi", "sue", "loro")
                            ),
                            None,
                        )
                        if owner is not None:
                            # "Secondo la sua ricostruzione, Y": the owner is named before
                            spoken_by = "pl" if owner == "loro" else "sg"
                if (
                    toks[cue.i].lower in ("citing", "citando")
                    and source is not None
                    and not self._source_like(toks, *source)
                ):
                    # "The chain cut its forecast, citing a warm winter": the reason is the
                    # claim, and the subject of the clause gives it (as "pointing to" does)
                    if (
                        not self.it
                        and c_idx == 0
                        and cue.i > left_i
                        and toks[cue.i - 1].text == ","
                    ):
                        content = self._reason_cited(toks, cue, right_j)
                        if content is not None:
                            subject = self._subordinate_subject(toks, left_i, cue.i - 1)
                            if subject is None:
                                d.resolve = "lead"
                            else:
                                d.source = self._span(toks, *subject)
                            self._clause_before_gerund(sent, index, cue, left_i, out)
                            ci, cj = self._trim(toks, *content)
                            d.content = self._span(toks, ci, cj)
                            out.append(d)
                    continue
                if (
                    c_idx > 0
                    and toks[cue.i].lower in ("citing", "citando")
                    and source is not None
                    and sum(t.is_word for t in toks[source[1] : right_j]) < 3
                ):
                    continue  # "..., Bloomberg reported, citing aides.": the verb's claim
                if c_idx > 0 and toks[cue.i].lower in ("citing", "citando") and source is not None:
                    # "The Times reported, citing three officials, that ...": the outlet relays
                    relay = self.subject_np(toks, 0, cues[c_idx - 1].i)
                    if relay:
                        d.channel = self._span(toks, *relay)
                if source is None:
                    # "Stando a quanto trapela, Y": an unnamed leak; Y stays the article's claim.
                    after = cue.j
                    while after < right_j and not toks[after].is_word:
                        after += 1
                    if (
                        self.it
                        and cue.i - 1 > left_i
                        and toks[cue.i - 1].text in (",", "–", "—")
                        and any(t.is_word for t in toks[left_i : cue.i - 1])
                    ):
                        after = left_i  # "Il paziente, secondo quanto si apprende, sarebbe ..."
                    if right_j - after >= 3:
                        out.append(
                            Draft(
                                content=self._span(toks, *self._trim(toks, after, right_j)),
                                sentence=index,
                                paragraph=sent.paragraph,
                                author=True,
                            )
                        )
                    continue
                named = self._name_in_apposition(toks, source[1], right_j)
                if named is not None:
                    # "Secondo l'assessora, dott.ssa Marina Colonnese, Y": the name belongs to
                    # the source, the content starts after it.
                    source = (source[0], named)
                after = source[1]
                while (
                    after < right_j
                    and not toks[after].is_word
                    and toks[after].text not in OPEN_QUOTES
                ):
                    after += 1
                if (
                    self.it
                    and c_idx == 0
                    and cue.i <= 1
                    and c_idx + 1 < len(cues)
                    and cues[c_idx + 1].kind == "verb"
                    and after < right_j
                    and toks[after - 1].text == ","
                    and not any(self._verbish(t) for t in toks[after:right_j])
                    and self._head_names_a_source(toks, after, right_j)
                ):
                    # "Secondo il New York Times, fonti della Casa Bianca affermano che Y": the
                    # outlet relays the words of the subject of the verb after it
                    outlet_relay = (source, after)
                    continue
                left = self._trim(toks, left_i, cue.i)
                left_words = [
                    t
                    for t in toks[left[0] : left[1]]
                    if t.is_word and not self._is_adverb(t) and t.lower not in lex.clause_starters
                ]
                if (
                    not self.it
                    and after < right_j
                    and toks[after - 1].text == ","
                    and toks[after].lower in lex.articles
                ):
                    # "According to Eversource, the largest utility in the region, most ...":
                    # skip the apposition
                    for m in range(after + 1, min(right_j, after + 12)):
                        if toks[m].text == ",":
                            if m + 1 < right_j and toks[m + 1].lower in lex.clause_starters:
                                break  # "the bridge closed in March, but ...": a clause
                            after = m + 1
                            break
                        if (self._verbish(toks[m]) or toks[m].lower.endswith("ed")) and toks[
                            m - 1
                        ].lower not in lex.determiners:
                            break  # "the bridge closed in March,": a clause, not an apposition
                if (
                    after < right_j
                    and toks[after - 1].text == ","
                    and self._is_relative_piece(toks, after, right_j)
                ):
                    # "Secondo Mario Draghi, che ha parlato a Bruxelles, Y": skip the relative
                    for m in range(after + 1, min(right_j, after + 16)):
                        if toks[m].text == ",":
                            after = m + 1
                            break
                if after < right_j and toks[after].lower in ("that", "che"):
                    after += 1
                right_words = [t for t in toks[after:right_j] if t.is_word]
                if (
                    len(right_words) < 2
                    and c_idx == 0
                    and self._retro_prefix(toks, left_i, cue.i)
                    == self._trim(toks, left_i, cue.i)[1]
                ):
                    # "That's according to the transport office.": the sentence before is the
                    # office's
                    self._attach_retro(out, index, sent, d, source, toks, None)
                    previous_source = source
                    continue
                short_adverbial = self._is_adverbial(toks, *left) and len(left_words) <= 5
                conjunct = (
                    not self.it
                    and cue.i - 2 > left_i
                    and toks[cue.i - 1].text == ","
                    and toks[cue.i - 2].lower in ("and", "but")
                )
                if (
                    not self.it
                    and left_words
                    and not conjunct
                    and len(right_words) >= 2
                    and toks[after - 1].text == ","
                    and self._is_apposition(toks, after, right_j)
                ):
                    right_words = []  # "Y, according to Tom Reed, a spokesman for the council."
                # "According to X, Y, but Z": the marker's reach ends with its clause
                brk = self._contrast_break(sent, source[1], right_j)
                trailing_break = bool(left_words) and brk == source[1]
                if trailing_break:
                    right_words = []  # "Y, according to X, but Z."
                if len(right_words) < 2:
                    content = (left_i, cue.i)  # "Y, secondo X." / "Y, according to X."
                    if trailing_break:
                        self._add_author_part(sent, index, brk + 1, right_j, out)
                elif conjunct and len(right_words) >= 2:
                    # "It was his ninth goal and, according to club statisticians, his 50th":
                    # the marker reaches only its own conjunct
                    content = (after, right_j)
                    self._add_author_part(sent, index, left_i, cue.i - 2, out)
                elif not left_words or short_adverbial:
                    content = (after, right_j)  # "Secondo X, Y."
                    if brk is not None and brk > after:
                        content = (after, brk)
                        self._add_author_part(sent, index, brk + 1, right_j, out)
                elif (
                    c_idx == 0
                    and cue.i - 2 > left_i
                    and toks[cue.i - 1].text == ","
                    and toks[cue.i - 2].lower in ("che", "which")
                    and cue.i - 2 - left_i >= 4
                ):
                    # "... un autobus che, secondo il tabellone, sarebbe passato": the relative
                    # clause is X's; the sentence around it is the article's.
                    content = (after, right_j)
                    self._add_author_part(sent, index, left_i, cue.i - 2, out)
                elif cue.i > 0 and (toks[cue.i - 1].text in DASHES or toks[cue.i - 1].text == ","):
                    content = (left_i, right_j)  # "Y – secondo X – Z"
                    colon = next(
                        (m for m in range(after, right_j - 3) if toks[m].text in (":", ";")),
                        None,
                    )
                    if colon is not None and toks[colon + 1].text not in OPEN_QUOTES:
                        # "Una cifra che, a detta di X, sarebbe insufficiente: la stima ...": what
                        # follows the colon is the article's own explanation.
                        content = (left_i, colon)
                        self._add_author_part(sent, index, colon + 1, right_j, out)
                else:
                    content = (after, right_j)  # "... che secondo X sarebbe Y"
                if whole is not None:
                    content = whole
                if self.it and not spoken_by and source is not None:
                    source = self._published_by_outlet(toks, source, d)
            elif cue.kind == "predicative" or (cue.kind == "passive" and cue.needs_quote):
                # "giudicate «ridicole» dal ministro", "sono state bollate da X come «bufale»"
                source, content = self._predicative_parts(toks, cue, right_j)
                if source is None:
                    continue
            elif cue.kind == "copula":
                # "L'ipotesi degli investigatori è che Y": the owner after the noun speaks
                m = cue.j + 1
                while toks[m].lower not in ("è", "era", "resta", "rimane"):
                    m += 1
                source = self.object_np(toks, cue.j + 1, m)
                content = (m + 2, right_j)
                if source is None or not self._source_like(toks, *source):
                    continue  # "L'ipotesi di un rinvio è che ...": no one's belief
            elif cue.kind == "cleft":
                source = self.object_np(toks, cue.j, right_j)
                d.cue = self._span(toks, cue.i, cue.i + 2)
                colon = self._past_adjunct(toks, source[1], right_j) if source else right_j
                if (
                    colon < right_j
                    and toks[colon].text == ":"
                    and sum(t.is_word for t in toks[colon + 1 : right_j]) >= 3
                ):
                    # "A spiegarlo è il direttore: «...»": the words after the colon are X's
                    content = (colon + 1, right_j)
                else:
                    self._attach_retro(out, index, sent, d, source, toks, cue)
                    if source:
                        previous_source = source
                    continue
            elif cue.kind == "passive":
                agent = cue.j
                while agent < right_j and toks[agent].is_word and self._is_adverb(toks[agent]):
                    agent += 1
                if agent < right_j and toks[agent].lower in (
                    "da",
                    "dal",
                    "dalla",
                    "dall",
                    "dai",
                    "dagli",
                    "dalle",
                    "by",
                ):
                    source = self.object_np(toks, agent, right_j)
                if source is None:
                    continue
                content = (left_i, cue.i)
                if (
                    self.it
                    and not any(t.is_word for t in toks[left_i : cue.i])
                    and source[1] < right_j - 2
                    and toks[source[1]].lower == "che"
                ):
                    content = (source[1] + 1, right_j)  # "È stato annunciato dalla società che Y"
                elif (
                    self.it
                    and sum(t.is_word for t in toks[source[1] : right_j]) >= 2
                    and toks[source[1]].lower
                    in ("in", "a", "ad", "al", "alla", "all", "ai", "come", "intorno")
                ):
                    # "Il danno è stimato dalla Regione in tre milioni": the figure is the claim
                    content = (left_i, right_j)
            elif cue.kind == "impersonal":
                source = self._impersonal_source(toks, left_i, cue, right_j)
                if self._is_retro_opener(toks, left_i, cue.i):
                    self._attach_retro(out, index, sent, d, source, toks, cue)
                    continue
                nxt = cue.j
                while (
                    self.it and nxt < right_j and toks[nxt].is_word and self._is_adverb(toks[nxt])
                ):
                    nxt += 1  # "si precisa inoltre che"
                if source and source[0] >= cue.j and source[1] < right_j:
                    if toks[source[1]].lower == "che":
                        nxt = source[1]  # "emerge dal rapporto che ...", "si legge nella nota che"
                elif cue.object_claim and self._object_claim(cue, toks, cue.j, right_j):
                    nxt = cue.j - 1  # "si parlava di informazioni ...": the object is the claim
                first = (
                    self._quote_before_interruption(sent, left_i, cue.i - 1)
                    if self.it and cue.interruption and cue.i > 0
                    else None
                )
                if first is not None:
                    # "«Y1 – si legge nella nota –, Y2»": the whole quotation is the note's
                    start, end = first[0], self._quote_end_after(sent, cue.j)
                    if (
                        start > 0
                        and toks[start - 1].text in OPEN_QUOTES
                        and end < len(toks)
                        and toks[end].text in CLOSE_QUOTES
                    ):
                        start, end = start - 1, end + 1
                    content = (start, end)
                elif nxt == cue.j - 1 or (
                    nxt < right_j and toks[nxt].lower in ("che", "that", ":")
                ):
                    content = (nxt + 1, right_j)
                elif (
                    self.it
                    and cue.i - 1 > left_i
                    and toks[cue.i - 1].text in (",", "–", "—")
                    and sum(t.is_word for t in toks[source[1] if source else cue.j : right_j]) < 2
                ):
                    content = (left_i, cue.i - 1)  # "«Y», si legge nel comunicato."
                else:
                    content = (left_i, right_j)
                if source is None:
                    learned = " ".join(t.lower for t in toks[cue.i : cue.j]) in lex.learning_cues
                    d.resolve = "report" if learned else "any"
            else:  # verb or gerund
                self.retro_source = None
                self._prev_cue = cues[c_idx - 1] if c_idx else None
                result = self._verb_claim(
                    sent,
                    cue,
                    left_i,
                    right_j,
                    c_idx,
                    previous_source,
                    previous_resolve,
                    d,
                    out,
                    index,
                )
                if result is None:
                    if self.retro_source is not None:
                        previous_source = self.retro_source
                    continue
                content, source = result
                if outlet_relay is not None and d.channel is None and source is not None:
                    d.channel = self._span(toks, *outlet_relay[0])
            outlet_relay = None
            if content is None:
                continue
            ci, cj = self._trim(toks, *content)
            if cj <= ci:
                continue
            if (
                cue.needs_quote
                and not any(inside[ci:cj])
                and self._predicative_span(toks, cue) is None
            ):
                continue  # "called it a hoax" needs no quotation; "spoke of" does
            d.content = self._span(toks, ci, cj)
            if spoken_by:
                source, d.resolve, spoken_by = None, spoken_by, None
            if source is not None:
                d.source = self._span(toks, *source)
                previous_source = source
            else:
                previous_resolve = d.resolve
            out.append(d)
            if d.continuation:
                # «Y1», ha detto X, «Y2»: the resumed quotation is X's too, with everything
                # the cue says about it (source, channel, tense, a hedged frame)
                extra = replace(d, content=self._span(toks, *d.continuation), continuation=None)
                d.continuation = None
                out.append(extra)

    def _predicative_parts(self, toks, cue, right_j):
        """The agent and the quoted verdict after a predicative participle (see
        :meth:`_predicative_at`), as token ranges, or ``(None, None)``."""
        quote = agent = None
        for k in range(cue.j, right_j):
            if toks[k].text in OPEN_QUOTES and quote is None:
                quote = k
            elif agent is None and toks[k].lower in _AGENT_WORDS and (quote is None or k > quote):
                agent = k
        if quote is None or agent is None:
            return None, None
        close = quote + 1
        while close < right_j and toks[close].text not in CLOSE_QUOTES:
            close += 1
        # The agent's phrase ends at "come" or at the quotation ("bollate dal X come «...»").
        end = agent + 1
        while (
            end < right_j
            and toks[end].lower != "come"
            and toks[end].text not in OPEN_QUOTES
            and toks[end].lower not in ("e", "ed")
        ):
            end += 1
        source = self.object_np(toks, agent, end)
        if source is None or close >= right_j or close - quote < 2:
            return None, None
        return source, (quote, close + 1)

    def _separate_contents(self, toks, drafts: list[Draft]) -> None:
        """A claim's content stops where the next claim's source begins
        ("A, mentre la Cisl sostiene che B": A is not the Cisl's)."""
        for first, second in zip(drafts, drafts[1:], strict=False):
            if second.source is None or first.author:
                continue
            start, end = first.content
            if start < second.source[0] < end:
                k = next((m for m, t in enumerate(toks) if t.start >= second.source[0]), None)
                if k is None:
                    continue
                m = k
                while m > 0 and (
                    toks[m - 1].lower in self.lex.clause_starters or toks[m - 1].text == ","
                ):
                    m -= 1
                if m > 0 and toks[m - 1].end > start:
                    first.content = (start, toks[m - 1].end)

    def _name_in_apposition(self, toks, k, j) -> int | None:
        """The end of ", [title] Name Surname," right after a source ending at ``k`` (its
        closing comma must follow), or ``None``."""
        if not (k + 1 < j and toks[k].text == ","):
            return None
        first = m = self._past_title(toks, k + 1, j)
        while m < j and m - first < 4 and toks[m].is_word and toks[m].is_capitalized:
            m += 1
        if m == first or m >= j or toks[m].text != ",":
            return None
        titled = first > k + 1
        return m if titled or self._person_in(toks[first:m]) else None

    def _past_short_addressee(self, toks, i, j) -> int:
        """The index of "che" or ":" after a short addressee or interview ("ai giornalisti
        che", "in un'intervista al Gazzettino che", "to reporters that"), else ``i``."""
        reach = 5
        if toks[i].lower in ("in", "nel", "nella", "during") and any(
            t.lower in self.lex.interview_nouns for t in toks[i + 1 : min(j, i + 3)]
        ):
            reach = 9
        elif toks[i].lower not in ("a", "ai", "al", "alla", "all", "agli", "alle", "ad", "to"):
            return i
        for k in range(i + 1, min(j, i + reach)):
            if toks[k].lower in ("che", "that") or toks[k].text == ":":
                return k
            if not toks[k].is_word:
                break
            if (
                self.it
                and reach == 9
                and toks[k].lower in ("il", "lo", "la", "l", "i", "gli", "le")
                and toks[k - 1].lower not in self.lex.prepositions
                and k - 1 > i
                and toks[k - 1].lower in self.lex.interview_nouns
            ):
                return i  # "Fa sapere in una nota la Regione che": the source comes first
        return i

    def _published_by_outlet(self, toks, source, d):
        """ "Secondo un sondaggio Ipsos pubblicato oggi dal Corriere": a document that an
        outlet published speaks, and the outlet is its channel (set on ``d``)."""
        i, j = source
        for m in range(i + 1, j - 1):
            if toks[m].lower.startswith(("pubblicat", "diffus", "ripres", "riportat")):
                agent = m + 1
                while agent < j and self._is_adverb(toks[agent]):
                    agent += 1
                if agent < j and toks[agent].lower in _AGENT_WORDS:
                    outlet = self.object_np(toks, agent + 1, j)
                    if outlet and self._looks_like_outlet(toks, *outlet):
                        d.channel = self._span(toks, *outlet)
                        return (i, m)
                return source
        return source

    def _skip_addressee(self, toks, i, j) -> int:
        """Past "ai giornalisti" / "a margine" before an inverted source: the source starts at
        the next article ("ha detto ai giornalisti il ministro")."""
        first = i + 1
        if i < j and toks[i].lower in ("in", "nel", "nella", "nell", "durante", "con"):
            # "ha dichiarato in una nota il portavoce": the phrase's own article comes first
            if i + 1 < j and toks[i + 1].lower in self.lex.articles:
                first = i + 2
        elif i >= j or toks[i].lower not in ("a", "ai", "al", "alla", "all", "agli", "alle", "ad"):
            return i
        while first < j and toks[first].is_capitalized and toks[first].is_word:
            # "ha detto alla Camera il ministro": the named addressee or place comes first;
            # a given name starts the source ("a Bruxelles Giancarlo Giorgetti").
            if first > i + 1 and toks[first].text in self.lex.given_names:
                return first
            first += 1
        for k in range(first, min(j, i + 6)):
            if toks[k].lower in self.lex.articles or toks[k].is_capitalized:
                return k
            if not toks[k].is_word:
                break
        return i

    def _np_before(self, toks, left_i, i) -> tuple[int, int] | None:
        """The noun phrase right before a relative marker
        ("il Wall Street Journal, secondo il quale")."""
        j = i
        while j > left_i and (toks[j - 1].text == "," or toks[j - 1].text in DASHES):
            j -= 1
        k = j
        while (
            k > left_i
            and toks[k - 1].text not in (",", ":", ";", "(")
            and toks[k - 1].text not in DASHES
            and j - k < 8
        ):
            k -= 1
        span = self.subject_np(toks, k, j)
        if span is None and self.it:
            # "A lanciare l'allarme è Coldiretti, secondo cui": the phrase after the copula
            for m in range(j - 1, k, -1):
                if toks[m - 1].lower in ("è", "sono", "era", "erano", "stato", "stata", "stati"):
                    span = self.object_np(toks, m, j)
                    break
            else:
                # "Di parere opposto il presidente della Regione, secondo cui": a verbless
                # verdict, then the speaker from its article
                m = next((m for m in range(k + 1, j) if toks[m].lower in self.lex.articles), None)
                if m is not None and k < m and toks[k].is_capitalized:
                    span = self.object_np(toks, m, j)
                    if span is not None and span[1] != j:
                        span = None
        if span and span[1] - span[0] > 6:
            for m in range(span[1] - 1, span[0], -1):
                if toks[m].lower in self.lex.articles:
                    return (m, span[1])
        return span

    def _impersonal_source(self, toks, left_i, cue, right_j):
        """Where "si legge" reads: "in una nota di X", "da X", or a leading
        "In un editoriale ... dal X"."""
        k = cue.j
        if k < right_j and (
            toks[k].lower
            in (
                "in",
                "su",
                "sul",
                "sulla",
                "nel",
                "nella",
                "da",
                "dal",
                "dalla",
                "dall",
                "dai",
            )
            # "si legge nelle motivazioni", "nell'ordinanza", "sugli atti", "dagli atti"
            or (self.it and toks[k].lower in _IN_ON_FROM)
        ):
            np = self.object_np(toks, k + 1, right_j)
            if np:
                return np
        opening = ("in", "nel", "nella", "su", "sul", "sulla")
        if self._from_source_cue(toks, cue) or (
            self.it and " ".join(t.lower for t in toks[cue.i : cue.j]) in self.lex.learning_cues
        ):
            # "Dai dati dell'Istat emerge che", "Intanto dal governo filtra ottimismo"
            opening += tuple(_AGENT_WORDS)
        while left_i < cue.i and toks[left_i].is_word and self._is_adverb(toks[left_i]):
            left_i += 1
        if left_i < cue.i and toks[left_i].lower in opening + (
            "nello",
            "nell",
            "nei",
            "negli",
            "nelle",
        ):
            end = left_i
            while end < cue.i and toks[end].text != ",":
                end += 1
            if end - left_i > 1:
                return self._trim(toks, left_i + 1, end)
        return None

    def _bare_clause(self, toks, i, j) -> bool:
        """ "reported the talks had stalled": a short subject and its auxiliary, no "that"
        (not "reported a loss that was ...": a relative before the verb is no clause). In
        English a regular past tense after a subject will do: "saying the officer belonged
        to ...", not "showed the increased costs"."""
        lex = self.lex
        # the subject opens at ``i`` (after a finite verb) or right after it (after a gerund)
        subject_opens = any(
            toks[m].lower in lex.determiners
            or toks[m].lower in lex.pronouns
            or (toks[m].is_capitalized and toks[m].is_word)
            for m in range(i, min(i + 2, j))
        ) and not (i < j and toks[i].lower in lex.prepositions)  # "reports of the flood reached"
        if not self.it:
            # "signaled they want", "said he expects": a subject pronoun opens a clause
            for m in range(i, min(i + 2, j - 1)):
                if toks[m].lower in _SUBJECT_PRONOUNS and toks[m + 1].is_word:
                    return m == i or toks[i].lower in lex.verb_gerunds or self._verbish(toks[i])
        # the first four words after ``i``, a possessive "s" not counted ("the prosecutor's
        # office should")
        window: list[int] = []
        m = i + 1
        while m < j and len(window) < 4:
            if not (toks[m].lower == "s" and toks[m].start - toks[m - 1].end == 1):
                window.append(m)
            m += 1
        for place, k in enumerate(window, 1):
            tok = toks[k]
            if not tok.is_word or tok.lower in lex.relative_pronouns:
                return False
            if tok.lower in lex.auxiliaries:
                return toks[k - 1].lower not in lex.prepositions
            before = toks[k - 1]
            if (
                not self.it
                and (
                    subject_opens
                    # "saying sales rose", "show inflation fell": a bare noun, then a past no
                    # adjective looks like
                    or (
                        place <= 2
                        and toks[i].is_word  # not "report, ridership rose": a comma ends it
                        and tok.lower in lex.irregular_past
                        and before.is_word
                        and before.lower not in lex.prepositions
                        and before.lower not in lex.object_pronouns
                        and before.lower not in lex.verb_gerunds
                        and not self._verbish(before)
                    )
                )
                and (
                    place <= 3
                    or (place == 4 and (self._is_adverb(before) or before.lower == "never"))
                )
                and before.lower not in ("and", "or", "but")  # "its obituary and decided"
                and (
                    (len(tok.lower) > 4 and tok.lower.endswith("ed"))
                    or tok.lower in lex.irregular_past  # "the board never met"
                )
                and not tok.is_capitalized
                and before.lower not in lex.prepositions
                and before.lower not in lex.determiners
                and k + 1 < len(toks)
                and (toks[k + 1].is_word or toks[k + 1].text in (".", ","))
                and not (  # "the man arrested by police", not "wages fell by 3%"
                    toks[k + 1].lower == "by"
                    and not (k + 2 < len(toks) and toks[k + 2].text[:1].isdigit())
                )
            ):
                return True
        return False

    def _outlet_told(self, toks, i, j) -> bool:
        """Whether the addressee [i, j) of "told" is an outlet (a channel): "told Reuters",
        "told the Herald", not "told Parliament" or "told the Senate"."""
        named = i + 1 if toks[i].lower == "the" and i + 1 < j else i
        return self._looks_like_outlet(toks, i, j) or (
            toks[named].is_capitalized and not self._addressed_body_or_person(toks, i, j)
        )

    def _addressed_body_or_person(self, toks, i, j) -> bool:
        """ "told Parliament", "told John Smith": people or a body spoken to, not an outlet."""
        words = [t for t in toks[i:j] if t.is_word]
        return bool(
            self._person_in(words)
            or words
            and (
                words[0].text in self.lex.given_names
                or words[-1].lower in self.lex.organization_nouns
            )
        )

    def _closes_relative(self, toks, left_i, k) -> bool:
        """The comma at ``k`` closes a relative clause in apposition (", che guida X,"), or a
        participle's after a verbless subject ("La difesa, rappresentata dall'avv. X,")."""
        m = k - 1
        while m > left_i and toks[m].text != "," and toks[m].text not in DASHES:
            m -= 1
        if not (m > left_i and m + 1 < k):
            return False
        if self._is_relative_piece(toks, m + 1, k):
            return True
        if any(self._verbish(t) for t in toks[left_i:m]):
            return False
        # "La difesa, rappresentata dall'avv. X," / "Labor unions, for their part," /
        # "L'amministratore delegato, dott. Federico Roccati,"
        return (
            self._is_participle_piece(toks, m + 1, k)
            or self._is_parenthetical(toks, m + 1, k)
            or self._name_in_apposition(toks, m, k + 1) == k
            or (not self.it and self._is_apposition(toks, m + 1, k))  # ", a plastics molder,"
            # "La sen. Loredana Fabris, componente della commissione, ha annunciato ...": a
            # short verbless piece after a person's name describes them
            or (
                k - m <= 10
                and not any(t.text == "," for t in toks[left_i:m])
                and self._name_ending_at(toks, left_i, m) is not None
                and all(t.is_word or t.text in ("'", "’", ".") for t in toks[m + 1 : k])
            )
        )

    def _is_parenthetical(self, toks, i, j) -> bool:
        """Tokens [i, j) are a short aside: "however", "for their part", "dal canto loro"."""
        words = toks[i:j]
        if not words or len(words) > 4 or not all(t.is_word for t in words):
            return False
        if len(words) == 1:
            return self._is_adverb(words[0])
        return words[0].lower in self.lex.prepositions and not any(t.is_capitalized for t in words)

    def _is_participle_piece(self, toks, i, j) -> bool:
        """Tokens [i, j) open with a past participle and a preposition: "rappresentata
        dall'avv. X", "eletta dopo lo scioglimento", "elected in 2020"."""
        if j - i < 2 or not toks[i].is_word or toks[i].is_capitalized:
            return False
        word = toks[i].lower
        if self.it:
            participle = word.endswith(
                ("ato", "ata", "ati", "ate", "ito", "ita", "iti", "ite", "uto", "uta", "uti", "ute")
            )
        else:
            participle = word.endswith("ed")
        return participle and toks[i + 1].lower in self.lex.prepositions

    def _object_relative_before(self, toks: list[Tok], cue: Cue, left_i: int = 0) -> int | None:
        """The index of the relative pronoun that stands for the object of a verb of naming,
        its subject in between ("a note that the chairman called a smear"), or ``None``."""
        for m in range(cue.i - 1, max(left_i, cue.i - 8) - 1, -1):
            if not toks[m].is_word:
                return None
            if toks[m].lower in ("which", "that", "what", "whom"):
                return m if m + 1 < cue.i else None
        return None

    def _predicative_claim(
        self, sent, cue, left_i, c_idx, previous_source, d, out, index, before, predicative
    ):
        """ "X called the plan a giveaway": the predicative is X's claim; X is the subject
        before the verb (or the first verb's, in "X met the board and called it ...")."""
        toks = sent.toks
        if (
            c_idx > 0
            and previous_source is not None
            and (before is None or before.lower in ("and", "but", "or"))
        ):
            return predicative, previous_source
        # "..., which Whitcombe described as a signal": the object is the relative pronoun,
        # the subject comes after it and the clause before it is the article's own.
        cut = self._object_relative_before(toks, cue, left_i)
        if cut is not None:
            source = self.subject_np(toks, cut + 1, cue.i)
            self.cut_at = cut
        else:
            source = self.subject_np(toks, left_i, cue.i)
        if source and self._first_person_aside(sent, source, d):
            source = None  # "I called it a mistake": the author's own voice
        elif source and self._is_pronoun(toks, *source):
            d.resolve = self._pronoun_number(toks, *source)
            d.pronoun = toks[source[0]].lower
            source = None
        elif source is None:
            d.resolve = "sg"
        if source is not None and self.cut_at is not None and c_idx == 0:
            # "... issued a report that X labeled as untrue": the clause around the relative
            # is the article's own
            self._add_author_part(sent, index, left_i, self.cut_at, out)
        return predicative, source
