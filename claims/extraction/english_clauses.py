"""Stage 3, English verb cues: the source and content spans of an English verb of saying.

Reads a sentence's tokens around one verb or gerund cue (``_english_verb_claim``, called
from :meth:`~claims.extraction.clauses.ClauseReader._verb_claim` for English): which side
of the verb the source stands on (before it, inverted after it, a relative's antecedent,
a quotation's speaker), where the reported clause starts (after "that", an addressee, a
time adjunct) and ends; relays through a paper that quotes or cites someone ("quoted X as
saying", "citing X"); a subject raised by "is understood to". Produces the content and
source token ranges of one draft, and its author parts.
"""

from __future__ import annotations

from .drafts import Draft
from .state import ArticleState
from .tokens import CLOSE_QUOTES, DASHES, OPEN_QUOTES

# What may open an English time adjunct between a verb of saying and its clause ("said on
# Wednesday", "said late on Friday", "said in May").
_TIME_ADJUNCT_OPENERS = frozenset(("on", "in", "at", "late", "early", "last", "this", "earlier"))


class EnglishClauseReader(ArticleState):
    """Mixin for :class:`~claims.extraction.rules.ArticleRules`: English verb cues' spans."""

    def _english_verb_claim(
        self, sent, cue, left_i, right_j, c_idx, previous_source, d, out, index, before
    ):
        toks = sent.toks
        lex = self.lex
        k_before = cue.i - 1  # the index of ``before``
        while k_before >= left_i and toks[k_before].is_word and self._is_adverb(toks[k_before]):
            k_before -= 1
        predicative = self._predicative_span(toks, cue) if cue.kind == "verb" else None
        if predicative is not None:
            predicative = (predicative[0], min(predicative[1], right_j))
            return self._predicative_claim(
                sent, cue, left_i, c_idx, previous_source, d, out, index, before, predicative
            )
        start = cue.j
        # "told Reuters", "told reporters": the addressee is a channel or nobody, never the source.
        addressee = None
        if toks[cue.j - 1].lower in ("told", "tells", "tell", "telling") and start < right_j:
            addressee = self.object_np(toks, start, right_j)
            if addressee:
                # "told reporters the bridge would reopen": a new article starts the clause.
                for m in range(addressee[0] + 1, addressee[1]):
                    if (toks[m].lower in lex.determiners or toks[m].lower in lex.pronouns) and toks[
                        m - 1
                    ].lower not in (lex.prepositions | lex.determiners):
                        addressee = (addressee[0], m)
                        break
                if self._outlet_told(toks, *addressee):
                    d.channel = self._span(toks, *addressee)
                start = addressee[1]
        if start < right_j and toks[start].text == ",":
            after_that, _ = self._skip_to_complementizer(toks, start, right_j)
            if after_that != start:
                start = after_that - 1  # "said, as usual, that": read on from "that"
        clause_end = start
        while (
            clause_end < right_j
            and toks[clause_end].text not in (",", ";", ".")
            and toks[clause_end].text not in DASHES
        ):
            clause_end += 1
        rest = [t for t in toks[start:clause_end] if t.is_word]
        trailing = len(rest) <= 6 and (
            not rest
            or rest[0].lower in lex.prepositions
            or rest[0].lower in lex.time_words
            or self._is_adverb(rest[0])
        )
        warning = self._against_gerund(toks, start, right_j)
        if trailing and (any(t.lower in ("that",) for t in rest) or warning):
            trailing = False
        if trailing and rest and self._past_time_adjunct(toks, start, right_j) != start:
            trailing = False  # "Officials said last week the dam was safe": a clause follows
        if trailing and self._commitment(cue, toks, start, right_j):
            trailing = False  # "threatened to sue the council": "to" opens the claim
        if trailing and start < right_j and toks[start].text == ":":
            trailing = False  # 'the mayor said: "Absolutely not."': the colon opens the claim
        if (
            not trailing
            and rest
            and rest[0].lower in lex.prepositions
            and not any(t.lower == "that" for t in rest)
            and self._subject_after_comma(toks, left_i, cue.i)
        ):
            # "The talks have stalled, a senior official said on condition of anonymity
            # because ...": a clause, a comma, a short subject and its verb; however long
            # the adjunct after the verb runs, the content is the clause before
            trailing = True
        if not trailing and self._quotation_then_subject(toks, left_i, cue.i):
            # '"...," Rivera said afterward, still in his socks ...': the quotation is the
            # content, whatever follows the verb.
            trailing = not (start < right_j and toks[start].lower == "that")
        # 'X said: "..."': a colon introduces the content, not a resumed quotation.
        colon = start < right_j and toks[start].text == ":"
        resumed = None if colon else self._continuation(sent, start, right_j)
        if resumed is None and not colon:
            np = self.object_np(toks, start, right_j)
            if np and (before is not None and (before.text == "," or before.text in CLOSE_QUOTES)):
                resumed = self._continuation(sent, np[1], right_j)
        if resumed:
            d.continuation = resumed
            trailing = True
        # "The report, which was released on Monday, says ...": the comma closes a relative
        # clause in apposition to the subject; the source is before it.
        b = cue.i - 1
        while b > left_i and toks[b].is_word and self._is_adverb(toks[b]):
            b -= 1
        # '"...," said X, <anything>': a quotation closed on a comma (or ? !) right before the
        # verb is its content, so the source follows the verb however long the sentence runs.
        after_quotation = (
            before is not None
            and before.text in CLOSE_QUOTES
            and b - 1 >= left_i
            and toks[b - 1].text in (",", "?", "!")
        )
        relative_closed = (
            before is not None and before.text == "," and self._closes_relative(toks, left_i, b)
        )
        if relative_closed:
            trailing = False
        quoted = self._quoted_as_saying(toks, left_i, cue) if cue.kind == "gerund" else None
        if quoted is not None:
            # "The Times quoted Jane Cole as saying ...": Cole speaks, the paper relays.
            source, relay = quoted
            if relay is not None and d.channel is None:
                d.channel = self._span(toks, *relay)
        elif cue.kind == "gerund":
            source = previous_source
            noun = self._noun_before_gerund(toks, left_i, cue.i) if source is None else None
            if noun is not None:
                # "filed a complaint accusing the police of ...": with no comma the gerund
                # hangs on the noun right before it, and that document or body speaks
                source = noun
                if c_idx == 0:
                    self._add_author_part(sent, index, left_i, cue.i, out)
            elif source is None:
                # "The defence filed a motion, arguing that ...": the clause's own subject
                # ("... after the union filed a motion, arguing": the subordinate clause's)
                subject = (
                    self._subordinate_subject(toks, left_i, cue.i - 1)
                    if c_idx == 0 and cue.i - 1 > left_i and toks[cue.i - 1].text == ","
                    else None
                )
                if subject is not None:
                    source = subject
                else:
                    d.resolve = "lead" if c_idx == 0 else "sg"
                if c_idx == 0:
                    self._clause_before_gerund(sent, index, cue, left_i, out)
        elif (
            before is not None
            and (before.text == "," or before.text in CLOSE_QUOTES)
            and not relative_closed
            and (
                self._inverted_source_ends(toks, start, right_j)
                or resumed is not None
                or after_quotation
            )
            and not (toks[start].lower in lex.pronouns if start < right_j else False)
            # '"...," the coach wrote on Instagram, "...': a place after the verb is no speaker
            and not (start < right_j and toks[start].lower in lex.prepositions)
            # "The minister, Ana Ruiz, said that ..." / "..., told reporters the ...": a
            # complementizer or an addressee after the verb means the subject came before it.
            and not (start < right_j and toks[start].lower == "that")
            and addressee is None
        ):
            # "“...,” said the spokesman." / "..., said the company's lawyer, Tom Reed."
            source = self._with_apposition(toks, self.object_np(toks, start, right_j), right_j)
            if source is None:
                d.resolve = "sg"
            k = cue.i - 1
            return (left_i, k + 1), source
        elif trailing:
            # "..., police said." / "“...,” he said." / "..., the governor wrote on Telegram."
            channel, _ = self.channel_after(toks, start, right_j)
            if channel and d.channel is None:
                d.channel = self._span(toks, *channel)
            k = cue.i
            while (
                k > left_i
                and toks[k - 1].text not in (",",)
                and toks[k - 1].text not in CLOSE_QUOTES
                and toks[k - 1].text not in DASHES
            ):
                k -= 1
            source = self.subject_np(toks, k, cue.i)
            raised = self._hedging_raise(toks, source, cue.i)
            if raised is not None:
                source, d.hedged_frame = raised, True  # '"...," X is understood to have told'
            if k == cue.i and k - 1 > left_i and toks[k - 1].text == ",":
                # "..., the city's commissioner, Ana Ruiz, said": a name in apposition closes
                # the subject; the source runs back to the comma before the role.
                name_start = k - 1
                while name_start > left_i and toks[name_start - 1].is_word:
                    name_start -= 1
                names = toks[name_start : k - 1]
                role_end = name_start - 1
                if (
                    names
                    and role_end > left_i
                    and toks[role_end].text == ","
                    and self._person_in(names)
                ):
                    m = role_end
                    while (
                        m > left_i
                        and toks[m - 1].text != ","
                        and toks[m - 1].text not in DASHES
                        and toks[m - 1].text not in CLOSE_QUOTES
                    ):
                        m -= 1
                    if left_i < m < role_end:
                        k = m
                        source = (m, name_start + len(names))
                elif names and role_end > left_i and toks[role_end].text == ",":
                    # "..., Jane Doe, chief economist at Westbank, said": the name comes first
                    m = role_end
                    while m > left_i and toks[m - 1].is_word:
                        m -= 1
                    if (
                        left_i < m < role_end
                        and toks[m - 1].text == ","
                        and role_end - m <= 5
                        and self._name_ending_at(toks, m, role_end) == (m, role_end)
                    ):
                        k = m
                        source = (m, name_start + len(names))
            if source and self._gapped_object(toks, *source):
                return None  # "..., a figure the ministry disputes.": no one speaks here
            if source and self._first_person_aside(sent, source, d):
                source = None  # "We reported last week that ...": the article's own voice
            elif source and self._is_pronoun(toks, *source):
                d.resolve = self._pronoun_number(toks, *source)
                d.pronoun = toks[source[0]].lower
                source = None
            source = self._relayed_source(toks, source, start, len(toks), d)
            if k <= left_i:
                # no content before the source: "Police said on Friday." / dropped
                return None
            resume = clause_end + 1
            if (
                clause_end < right_j
                and toks[clause_end].text == ","
                and toks[k - 1].text == ","
                and self._clause_resumes(toks, resume, right_j)
            ):
                # "The plan, the paper wrote, would cost ...", up to the reporter's ", though"
                brk = self._contrast_break(sent, resume, right_j)
                if brk is not None:
                    self._add_author_part(sent, index, brk + 1, right_j, out)
                    return (left_i, brk), source
                return (left_i, right_j), source
            if (
                not self.it
                and clause_end + 5 < right_j
                and toks[clause_end].text == ","
                and toks[clause_end + 1].lower in ("but", "although", "though", "whereas", "yet")
            ):
                # "..., officials said, though no date has been set.": the reporter goes on
                self._add_author_part(sent, index, clause_end + 2, right_j, out)
            return (left_i, k), source
        elif (
            c_idx > 0
            and previous_source is not None
            and before is not None
            and before.lower in ("and", "but", "or")
        ):
            # "Pelletier called the speculation 'noise' and said ...": the same subject
            source = previous_source
        elif (
            c_idx > 0
            and before is not None
            and before.lower == "that"
            and self._prev_cue is not None
            and self._relative_after_object(toks, self._prev_cue, k_before)
        ):
            # "disputed a report by an analyst that said ...": the object speaks
            source = self._trim(toks, left_i, k_before)
        else:
            relative = self._relative_subject(toks, left_i, cue.i)
            if relative is not None and self._main_verb_follows(toks, start, len(toks)):
                relative = None  # "X, who spoke to Reuters on condition ..., said Y"
            short_rest = len(rest) <= 6 and (
                not rest or rest[0].lower in lex.prepositions or rest[0].lower in lex.time_words
            )
            closing = (
                self._speaker_before_relative(toks, left_i, b)
                if relative_closed and short_rest
                else None
            )
            if closing is not None:
                # "The talks have stalled, one official, who asked not to be named, said.":
                # the words, then the speaker with a relative clause, then the verb
                if addressee and self._outlet_told(toks, *addressee):
                    d.channel = self._span(toks, *addressee)
                return (left_i, closing[0] - 1), closing
            if relative is not None:
                # "... the outlook for policymakers, who have signaled that ...": the relative
                # pronoun's antecedent speaks; the clause it hangs on is the article's own.
                source = relative
                main = self._trim(toks, left_i, relative[1])
                if main[1] - main[0] >= 4 and relative[0] > main[0]:
                    out.append(
                        Draft(
                            content=self._span(toks, *main),
                            sentence=index,
                            paragraph=sent.paragraph,
                            author=True,
                        )
                    )
            else:
                source = self.subject_np(toks, left_i, cue.i)
                raised = self._hedging_raise(toks, source, cue.i)
                if raised is not None:
                    # "The minister is understood to have told colleagues ...": the article
                    # relays what it has not confirmed
                    source, d.hedged_frame = raised, True
            if source and self._first_person_aside(sent, source, d):
                source = None  # "We reported last week that ...": the article's own voice
            elif source and self._is_pronoun(toks, *source):
                d.resolve = self._pronoun_number(toks, *source)
                d.pronoun = toks[source[0]].lower
                source = None
            elif source is None:
                if c_idx > 0 and previous_source is not None:
                    source = previous_source
                else:
                    d.resolve = "sg"
            if source is not None and self.cut_at is not None and c_idx == 0:
                self._add_author_part(sent, index, left_i, self.cut_at, out)
            elif source is not None and self.first_clause is not None and c_idx == 0:
                self._add_author_part(sent, index, *self.first_clause, out)
            elif (
                source is not None
                and c_idx == 0
                and source[0] - left_i >= 6
                and toks[source[0] - 1].lower in ("and", "but")
                and toks[source[0] - 2].text == ","
            ):
                # "The river feeds a lake popular with anglers, and state officials said ...":
                # the clause before ", and" is the article's own
                self._add_author_part(sent, index, left_i, source[0] - 2, out)
        if start < right_j and toks[start].lower in ("that", ":"):
            start += 1
        else:
            channel, after = self.channel_after(toks, start, right_j)  # "confirmed to The Guardian"
            if channel and d.channel is None:
                d.channel = self._span(toks, *channel)
                start = after
            start, found = self._skip_to_complementizer(toks, start, right_j)
            if found and d.channel is None:
                d.channel = self._span(toks, *found)
            start = self._past_time_adjunct(toks, start, right_j)
            if (
                cue.needs_complement
                and not (
                    start < right_j
                    and (
                        toks[start - 1].lower == "that"
                        or toks[start].text in OPEN_QUOTES
                        or self._bare_clause(toks, start, right_j)
                    )
                )
                and not self._object_of_its_own(cue, toks, start, right_j)
            ):
                return None
        end = right_j
        # "X said Y, but it was unclear ...": the reporter takes the word back after "but".
        for k in range(start + 3, right_j - 3):
            if (
                toks[k].text == ","
                and toks[k + 1].lower == "but"
                and not any(self._inside_quote(sent, t) for t in toks[k : k + 2])
            ):
                out.append(
                    Draft(
                        content=self._span(toks, *self._trim(toks, k + 2, right_j)),
                        sentence=index,
                        paragraph=sent.paragraph,
                        author=True,
                    )
                )
                end = k
                break
        end = self._before_gapped_apposition(toks, start, end)
        return (start, end), source

    def _before_gapped_apposition(self, toks, start, end) -> int:
        """ "claimed there were irregularities, a charge the commission rejected": the
        apposition that names what someone else disputes is no part of the claim."""
        # the verb closing the apposition: the content's last word, or the cue right after it
        if self._reads_as_finite_verb(toks[end - 1]):
            verb = end - 1
        elif end < len(toks) and self._reads_as_finite_verb(toks[end]):
            verb = end
        else:
            return end
        for k in range(verb - 3, start + 2, -1):
            if (
                toks[k].text == ","
                and toks[k + 1].lower in ("a", "an")
                and self._gapped_object(toks, k + 1, verb)
            ):
                return k
        return end

    def _hedging_raise(self, toks, source, i) -> tuple[int, int] | None:
        """(English) A subject span that ends in "is understood to", "was said to", "are
        believed to" right before the verb at ``i``: the subject without them, else None."""
        if self.it or source is None or source[1] != i or i - source[0] < 4:
            return None
        aux, participle, to = toks[i - 3], toks[i - 2], toks[i - 1]
        if (
            to.lower == "to"
            and participle.lower in self.lex.raising_participles
            and aux.lower in ("is", "was", "are", "were")
        ):
            return (source[0], i - 3)
        return None

    def _past_time_adjunct(self, toks, start, right_j) -> int:
        """(English) "said on Wednesday it would cut jobs": when and where the words were
        said is no part of them; the reported clause starts after a short time adjunct."""
        if self.it or start >= right_j or toks[start].lower not in _TIME_ADJUNCT_OPENERS:
            return start
        lex = self.lex
        m = start + 1
        while (
            m < right_j
            and m - start <= 3
            and toks[m].is_word
            and (
                toks[m].lower in lex.time_words
                or toks[m].lower in lex.months
                or toks[m].lower in _TIME_ADJUNCT_OPENERS
                or toks[m].text.isdigit()
            )
        ):
            m += 1
        if m == start + 1 or m >= right_j:
            return start
        opens_clause = toks[m].lower in lex.determiners or toks[m].lower in lex.pronouns
        return m if opens_clause and self._bare_clause(toks, m - 1, right_j) else start

    def _inverted_source_ends(self, toks, i, j) -> bool:
        """Whether a source right after the cue closes the clause ("..., said the spokesman.")."""
        np = self.object_np(toks, i, j)
        if np is None or toks[np[0]].lower in self.lex.prepositions:
            return False  # "..., Ana Ruiz, said in a statement."
        if np[1] + 1 < j and toks[np[1]].text == "," and self._is_apposition(toks, np[1] + 1, j):
            return True  # "..., said John Smith, a spokesman for the agency."
        if (
            np[1] + 1 < j
            and toks[np[1]].text == ","
            and self._is_relative_piece(toks, np[1] + 1, j)
        ):
            return True  # "..., said Julia Kent, who has led the cooperative."
        if self._with_apposition(toks, np, j) != np:
            return True  # "..., said the company's lawyer, Tom Reed."
        rest = [t for t in toks[np[1] : j] if t.is_word]
        return len(rest) <= 5 and (
            not rest
            or rest[0].lower in self.lex.prepositions
            or rest[0].lower in self.lex.time_words
            # "..., said Nigel Farrow KC, prosecuting.": a participle about the speaker
            or (len(rest) == 1 and rest[0].lower.endswith("ing") and toks[np[1]].text == ",")
        )

    def _quoted_as_saying(self, toks, left_i, cue):
        """ "X quoted Y as saying" (or "quoted Y saying"): ``(Y, X)`` token ranges (X may be
        ``None``), else ``None``."""
        k = cue.i - 1
        if k <= left_i:
            return None
        reach = 10
        if toks[k].lower != "as":
            k, reach = cue.i, 14  # "a report quoted two former members of the board saying"
        for m in range(k - 1, max(left_i, k - reach) - 1, -1):
            if (
                toks[m].lower in ("quoted", "cited")
                and m + 1 < k
                and toks[m + 1].lower == "by"
                and m - 1 >= left_i
                and toks[m - 1].lower in self.lex.auxiliaries
            ):
                # "X was quoted by the Herald as saying": the passive; X speaks, the paper relays
                aux = m - 1
                while aux - 1 >= left_i and toks[aux - 1].lower in self.lex.auxiliaries:
                    aux -= 1
                speaker = self.subject_np(toks, left_i, aux) if aux > left_i else None
                if speaker is None:
                    return None
                return speaker, self.object_np(toks, m + 2, k)
            if toks[m].lower in ("quoted", "quotes", "quoting", "cited", "cites"):
                speaker = self.object_np(toks, m + 1, k)
                if speaker is None:
                    return None
                relay = self.subject_np(toks, left_i, m) if m > left_i else None
                return speaker, relay
            if not toks[m].is_word and toks[m].text not in ("'",):
                return None
        return None

    def _relayed_source(self, toks, source, i, j, d):
        """ "..., Bloomberg reported, citing people familiar with the matter": the cited
        party is the source and the outlet that cites it the channel (a time word may sit
        between: "reported on Monday, citing ...")."""
        while (
            i < j
            and i < len(toks)
            and toks[i].is_word
            and (
                toks[i].lower in self.lex.time_words or toks[i].lower in ("on", "in", "il", "ieri")
            )
        ):
            i += 1
        cited = self._citing(toks, i, j)
        if cited is None or source is None:
            return source
        kind, cited_np = cited
        if kind == "citing" and self._source_like(toks, *cited_np):
            if d.channel is None:
                d.channel = self._span(toks, *source)
            return cited_np
        if kind == "cited_by" and d.channel is None:
            d.channel = self._span(toks, *cited_np)
        return source
