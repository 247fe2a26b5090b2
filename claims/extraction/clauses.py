"""Stage 3b, read a verb cue's clause: its source and its content.

Reads one verb :class:`~claims.extraction.drafts.Cue` in its sentence and produces the
draft it introduces: ``_verb_claim`` (Italian, dropped subjects, clitics, inversions; it
hands English cues to :mod:`english_clauses`), with the span tests both languages share:
complementizers, continuations after a quotation, appositions, pronoun number.
"""

from __future__ import annotations

from .drafts import Draft
from .state import ArticleState
from .tokens import CLOSE_QUOTES, DASHES, OPEN_QUOTES
from .wordsets import (
    _AGENT_WORDS,
    _OF_WORDS,
)

# "a", "di" with their articles: what leads an outlet in a fronted phrase ("Ai microfoni
# del Tg3", "Intervenendo a Radio24"; not "Sul profilo Twitter", "inviata alla stampa").
_TO_OF_ON = frozenset("a al alla all ai agli alle di del della dell dei degli delle".split())


class ClauseReader(ArticleState):
    """Mixin for :class:`~claims.extraction.rules.ArticleRules`: a verb cue's source, content."""

    def _verb_claim(
        self, sent, cue, left_i, right_j, c_idx, previous_source, previous_resolve, d, out, index
    ):
        toks = sent.toks
        # What sits right before the cue, skipping clitics and adverbs.
        k = cue.i - 1
        clitic = False
        while (
            k >= left_i
            and toks[k].is_word
            and (
                (self.it and toks[k].lower in ("lo", "l", "la", "le", "gli", "ne", "si"))
                or self._is_adverb(toks[k])
            )
        ):
            clitic = clitic or toks[k].lower in ("lo", "l", "la", "le", "gli", "ne")
            k -= 1
        before = toks[k] if k >= left_i else None
        inverted = (
            before is None
            or before.text in (",", ")")
            or before.text in DASHES
            or before.text in CLOSE_QUOTES
            # '"...": ha detto il sindaco': content first, the colon hands over to its source
            or (before.text == ":" and k - 1 >= left_i and toks[k - 1].text in CLOSE_QUOTES)
        )
        # "Il Ceo, Tim Cook, ha detto che ...": a complementizer after the cue means
        # the content follows, whatever punctuation precedes (an apposition).
        nxt = cue.j
        while nxt < right_j and toks[nxt].is_word and self._is_adverb(toks[nxt]):
            nxt += 1
        if inverted and nxt < right_j:
            # "ha detto all'Ansa che": the outlet comes before the complementizer.
            _, nxt = self.channel_after(toks, nxt, right_j)
        if (
            inverted
            and before is not None
            and before.text == ","
            and self._closes_relative(toks, left_i, k)
        ):
            # "Rossi, che guida il sindacato, ha detto": the comma closes an apposition.
            inverted = False
        if inverted and nxt < right_j:
            # "ha detto ai giornalisti che": a short addressee may sit before the complementizer.
            nxt = self._past_short_addressee(toks, nxt, right_j)
        if (
            inverted
            and nxt < right_j
            and (
                toks[nxt].lower in ("che", "that", "di")
                or toks[nxt].text in (":",)
                or toks[nxt].text in OPEN_QUOTES
            )
        ):
            inverted = False
        coordinated = before is not None and before.lower in (
            "e",
            "ed",
            "and",
            "ma",
            "but",
            "o",
            "or",
        )
        if self.it and inverted and before is not None and before.text == ",":
            # "I sindacati, dal canto loro, minacciano la mobilitazione: ...": an inverted
            # source ends its clause; a colon or "che" after it means a forward reading.
            np = self.object_np(toks, nxt, right_j)
            if np and np[1] < right_j and toks[np[1]].text in (":", ";"):
                inverted = False
        if (
            inverted
            and cue.object_claim
            and nxt < right_j
            and self._bare_object(toks, nxt, right_j)
        ):
            inverted = False  # "X, dal ritiro, nega contrasti con la Roma": an object, no source
        if cue.interruption:
            inverted = True
        colon = self._colon_before_retro(toks, left_i, cue.i) if self.it and c_idx == 0 else None
        if colon is not None:
            # "I consumi sono fermi: lo sostiene la Confcommercio": the clause before the colon
            channel, after = self.channel_after(toks, cue.j, right_j)
            source = self._with_apposition(toks, self.object_np(toks, after, right_j), right_j)
            if source is not None:
                if channel:
                    d.channel = self._span(toks, *channel)
                return (left_i, colon), source
        if self._is_retro_opener(toks, left_i, cue.i):
            channel, after = self.channel_after(toks, cue.j, right_j)
            if not channel and self.it:
                # "È quanto riferito – nel resoconto della Yonhap – da alcuni deputati": the
                # outlet in a dashed aside relays the source after it
                channel, after = self._dashed_channel(toks, cue.j, right_j)
            source = self._with_apposition(
                toks, self.object_np(toks, after if channel else cue.j, right_j), right_j
            )
            cited = self._citing(toks, source[1] if source else cue.j, right_j)
            if cited:
                kind, cited_np = cited
                if kind == "citing" and source:
                    channel, source = source, cited_np
                elif kind == "cited_by":
                    channel = cited_np
            if (
                self.it
                and source
                and source[1] + 1 < right_j
                and toks[source[1]].text == ":"
                and sum(t.is_word for t in toks[source[1] + 1 : right_j]) >= 3
            ):
                # "Lo conferma il Viminale: i controlli saranno rafforzati": the pronoun points
                # forward, to what follows the colon
                if channel:
                    d.channel = self._span(toks, *channel)
                return (source[1] + 1, right_j), source
            self._attach_retro(
                out,
                index,
                sent,
                d,
                source,
                toks,
                cue,
                self._span(toks, *channel) if channel else None,
            )
            self.retro_source = source
            return None
        if not self.it and c_idx == 0:
            opened = self._retro_prefix(toks, left_i, cue.i)
            if opened is not None and toks[opened - 1].lower == "what" and opened < cue.i:
                # "That is what the mayor said on Tuesday.": the sentence before is the mayor's
                source = self.subject_np(toks, opened, cue.i)
                if source and self._is_pronoun(toks, *source):
                    source = None  # "That's what he said": resolved where it is applied
                channel, _ = self.channel_after(toks, cue.j, right_j)
                if channel is None and toks[cue.j - 1].lower in ("told", "tells", "tell"):
                    told = self.object_np(toks, cue.j, right_j)
                    channel = told if told and self._outlet_told(toks, *told) else None
                channel = self._span(toks, *channel) if channel else None
                self._attach_retro(out, index, sent, d, source, toks, cue, channel)
                self.retro_source = source
                return None
        if not self.it:
            return self._english_verb_claim(
                sent, cue, left_i, right_j, c_idx, previous_source, d, out, index, before
            )
        if cue.kind == "gerund":
            inverted = False
        if inverted and before is None and c_idx > 0 and not clitic:
            inverted = False  # "... e ha affermato che": same subject as the cue before
        if inverted:
            channel, after = self.channel_after(toks, cue.j, right_j)
            if channel:
                source = self.object_np(toks, after, right_j)  # "ha detto all'Ansa il ministro"
            else:
                start = self._skip_addressee(
                    toks, cue.j, right_j
                )  # "ha detto ai giornalisti il ministro"
                source = self._with_apposition(toks, self.object_np(toks, start, right_j), right_j)
                if source and (
                    toks[source[0]].text in self.lex.prepositions or toks[source[0]].text == "ad"
                ):
                    # "«...» – ha detto ai cronisti –", "ha scritto su X": whom it was told or
                    # where, with no source after it
                    source = None
                channel, after = self.channel_after(toks, source[1] if source else cue.j, right_j)
            # "Lo riferisce la Cnn, citando fonti dell'intelligence": the cited party is the source.
            cited = self._citing(toks, source[1] if source else cue.j, right_j)
            if cited:
                kind, cited_np = cited
                if kind == "citing" and source:
                    channel, source = source, cited_np
                elif kind == "cited_by":
                    channel = cited_np
            if channel:
                d.channel = self._span(toks, *channel)
            if source is None:
                d.resolve = "pl" if cue.plural else "sg"
            if self._is_retro_opener(toks, left_i, cue.i) or (
                before is None and left_i == 0 and clitic
            ):
                self._attach_retro(out, index, sent, d, source, toks, cue, d.channel)
                return None
            if cue.interruption:
                # "«... – ha continuato X –, ...»": the words after the interruption are X's.
                quote_end = self._quote_end_after(sent, cue.j)
                after = source[1] if source else cue.j
                first = self._quote_before_interruption(sent, left_i, k) if c_idx == 0 else None
                m = after
                while m < min(quote_end, after + 8) and toks[m].text not in DASHES:
                    m += 1  # "– ha detto ai cronisti –.": past what follows the cue
                while m < quote_end and (toks[m].text in DASHES or toks[m].text == ","):
                    m += 1
                if (
                    first is not None
                    and m < quote_end
                    and toks[m].text == "."
                    and sum(t.is_word for t in toks[first[0] : first[1]]) >= 3
                ):
                    # "«Y1 – ha spiegato X –. Y2»": a sentence ends at the interruption; Y1
                    # and the sentences after it are two claims of X's
                    rest = self._trim(toks, m + 1, quote_end)
                    if rest[1] > rest[0]:
                        d.continuation = rest
                    return first, source
                if first is not None:
                    # "«Y1 – spiega X – Y2»": no cue before claims Y1, so the whole quotation,
                    # the interruption inside it, is one claim of X's (its marks included,
                    # so that it reads as quoted words).
                    start, end = first[0], quote_end
                    if (
                        start > 0
                        and toks[start - 1].text in OPEN_QUOTES
                        and end < len(toks)
                        and toks[end].text in CLOSE_QUOTES
                    ):
                        start, end = start - 1, end + 1
                    return (start, end), source
                return (after, quote_end), source
            content_end = k + 1 if before is not None else cue.i
            after_source = source[1] if source else cue.j
            if before is None and source is not None:
                # "Scrive il gip nell'ordinanza che ...": a place or medium after the source
                after_source = self._past_adjunct(toks, after_source, right_j)
            if (
                before is None
                and after_source < right_j
                and toks[after_source].lower in (":", "che")
            ):
                return (after_source + 1, right_j), source  # "Ha spiegato il sindaco: «...»"
            if (
                before is not None
                and (before.text in DASHES or before.text == ",")
                and after_source < right_j
                and (toks[after_source].text in DASHES or toks[after_source].text == ",")
                and (
                    self._clause_resumes(toks, after_source + 1, right_j)
                    # "Una situazione che, ha sottolineato X, «mette a rischio ...»"
                    or (self.it and k - 1 >= left_i and toks[k - 1].lower in ("che", "cui"))
                )
            ):
                # "I lavori – ha precisato X – partiranno",
                # "I risultati, ha spiegato X, saranno ..."
                start = left_i
                if self.it:
                    # "Fonti di maggioranza minimizzano: la procedura, spiegano, era attesa":
                    # the clause starts after the colon
                    colon = [m for m in range(left_i, k) if toks[m].text == ":"]
                    if colon and k - colon[-1] > 1:
                        start = colon[-1] + 1
                return (start, right_j), source
            if (
                before is None
                and source is not None
                and not any(
                    t.is_word and not self._is_adverb(t) and t.lower not in self.lex.clause_starters
                    for t in toks[left_i : cue.i]
                )
                and not self._head_names_a_source(toks, *source)
                and not any(t.text in OPEN_QUOTES for t in toks[left_i : cue.i])
            ):
                # "Infine ha annunciato un vertice": nothing before the verb, and what follows is
                # its object, not an inverted source: a dropped subject
                d.resolve = "pl" if cue.plural else "sg"
                return (cue.j, right_j), None
            d.continuation = self._continuation(sent, source[1] if source else cue.j, right_j)
            return (left_i, content_end), source
        # Forward: subject before the cue, content after it.
        if cue.kind == "gerund" or (before is None and c_idx > 0) or (coordinated and c_idx > 0):
            source = previous_source
            if source is None and cue.kind == "gerund" and c_idx == 0 and not previous_resolve:
                # "I difensori hanno sollevato un'eccezione, sostenendo che ...": the subject
                # of the clause the gerund hangs on
                d.resolve = "lead"
                self._clause_before_gerund(sent, index, cue, left_i, out)
            elif source is None:
                d.resolve = previous_resolve or ("pl" if cue.plural else "sg")
        else:
            # "Il ministro la definisce ...": the clitic before the verb is not the subject's.
            subject_end = k + 1 if clitic and k >= left_i else cue.i
            relative = self._relative_subject(toks, left_i, cue.i)
            if relative is not None and not self._main_verb_follows(toks, cue.j, len(toks)):
                # "l'assessore, che in un'intervista ha accusato il Comune di ...": the
                # antecedent of "che" speaks.
                source = relative
            else:
                source = self.subject_np(toks, left_i, subject_end)
                source = self._cited_in_subject(toks, source, d)
                if self.it and source is not None:
                    source = self._past_fronted_participle(toks, source)
                if self.it and source is not None and d.channel is None:
                    d.channel = self._interviewer_in_apposition(toks, source[1], cue.i)
                if self.it and source is not None and d.channel is None and source[0] > left_i:
                    # "Interpellato dal Corriere, il ministro ha detto ...": a fronted apposition
                    d.channel = self._interviewer_in_apposition(toks, left_i, source[0])
                    if d.channel is None:
                        # "Ai microfoni di Sky Tg24, X", "Ospite di Porta a Porta, X"
                        d.channel = self._outlet_in_fronted(toks, left_i, source[0])
            if source and self._is_pronoun(toks, *source):
                d.resolve = self._pronoun_number(toks, *source)
                d.pronoun = toks[source[0]].lower
                source = None
            elif source is None:
                d.resolve = "pl" if cue.plural else "sg"
            if source is not None and self.cut_at is not None and c_idx == 0:
                author = self._trim(toks, left_i, self.cut_at)
                if author[1] - author[0] >= 4 and any(
                    self._verbish(t) for t in toks[author[0] : author[1]]
                ):
                    out.append(
                        Draft(
                            content=self._span(toks, *author),
                            sentence=index,
                            paragraph=sent.paragraph,
                            author=True,
                        )
                    )
        start = cue.j
        channel, start = self.channel_after(toks, start, right_j)
        if channel:
            d.channel = self._span(toks, *channel)
        infinitive = (
            self.it
            and start + 1 < right_j
            and toks[start].lower == "di"
            and self._opens_infinitive(toks[start + 1])
        )
        if start < right_j and toks[start].lower in ("che", ":", "come", "di"):
            start += 1
        elif not self._object_claim(cue, toks, start, right_j):
            # (a denial's object keeps its relative: "respinge le accuse mosse da X che ...")
            start, found = self._skip_to_complementizer(toks, start, right_j)
            if found and d.channel is None:
                d.channel = self._span(toks, *found)
        if (
            # "ha ammesso di aver sbagliato": two words of an infinitive clause are a claim
            len([t for t in toks[start:right_j] if t.is_word]) < (2 if infinitive else 3)
            and not any(t.text in OPEN_QUOTES for t in toks[start:right_j])
            and not self._object_claim(cue, toks, start, right_j)
        ):
            # "avevano smentito come pure Pechino": no statement to check; a gerund that
            # follows ("ha replicato, spiegando che ...") still has this subject.
            self.retro_source = source
            return None
        return (start, right_j), source

    def _dashed_channel(self, toks, i, j):
        """A dashed aside right at ``i`` that names a capitalised outlet or body: that name and
        the index after the aside, else ``(None, i)``."""
        if i >= j or toks[i].text not in DASHES:
            return None, i
        for end in range(i + 1, min(j, i + 14)):
            if toks[end].text in DASHES:
                break
        else:
            return None, i
        for m in range(i + 1, end):
            if toks[m].is_capitalized and toks[m - 1].lower in _AGENT_WORDS | _OF_WORDS:
                np = self.object_np(toks, m, end)
                if np:
                    return np, end + 1
        return None, i

    def _interviewer_in_apposition(self, toks, i, j):
        """ "Il premier, intervistato dal Corriere, ha detto ...": the outlet that interviews
        or quotes the subject, in an apposition before the verb, is the channel (a span)."""
        for k in range(i, j):
            if toks[k].lower in self.lex.citing_first and toks[k].lower not in ("citando", "che"):
                for seq in self.lex.channel_citing_by_first.get(toks[k].lower, ()):
                    end = k + len(seq)
                    if seq[-1] == "da" and self._match(toks, k, seq[:-1]) and end - 1 < j:
                        # "intervistato dal Corriere": the agent with its article
                        matched = toks[end - 1].lower in _AGENT_WORDS
                    else:
                        matched = self._match(toks, k, seq)
                    if matched:
                        np = self.object_np(toks, end, j)
                        if (
                            np
                            and self._looks_like_outlet(toks, *np)
                            or np
                            and any(t.is_capitalized for t in toks[np[0] : np[1]])
                        ):
                            return self._span(toks, *np)
        return None

    def _cited_in_subject(self, toks, source, d):
        """ "L'agenzia Reuters, citando fonti diplomatiche, riferisce che ...": the party the
        subject cites is the source and the subject its channel."""
        if source is None:
            return None
        for k in range(source[0] + 1, source[1] - 1):
            if toks[k].lower == "citando" and toks[k - 1].text == ",":
                cited = self.object_np(toks, k + 1, source[1])
                relay = self._trim(toks, source[0], k - 1)
                if cited is None or relay[1] <= relay[0] or not self._source_like(toks, *cited):
                    return source
                if d.channel is None:
                    d.channel = self._span(toks, *relay)
                return cited
        return source

    def _inside_quote(self, sent, tok) -> bool:
        return any(q[1] <= tok.start < q[2] for q in sent.quotes)

    def _skip_to_complementizer(self, toks, start, right_j) -> tuple[int, tuple[int, int] | None]:
        """ "ha affermato in una nota che", "said in a statement that": the content starts after
        the complementizer; an outlet named on the way ("in un'intervista al Corriere")
        is the channel."""
        lex = self.lex
        if start < right_j and toks[start].text == ",":
            # "ha detto, come sempre, che": a parenthetical between the verb and "che"
            for k in range(start + 1, min(right_j - 1, start + 7)):
                if toks[k].text == ",":
                    if toks[k + 1].lower in ("che", "that"):
                        return k + 2, None
                    break
        if not self.it and start < right_j and toks[start].lower in ("a", "an"):
            return start, None  # "reported a loss that was ...": an object and its relative
        for k in range(start, min(right_j, start + 12)):
            tok = toks[k]
            if tok.lower in ("che", "that") or tok.text == ":":
                channel = None
                for m in range(start, k):
                    if toks[m].lower in lex.interview_nouns:
                        # "in un'intervista al Gazzettino", "in an interview with KQED": the
                        # medium the interview names is the channel, known outlet or not.
                        found = self._named_after_interview(toks, m + 1, k)
                        if found:
                            channel = found
                            break
                    if toks[m].lower in lex.interview_nouns or toks[m].lower in (
                        "a",
                        "al",
                        "alla",
                        "all",
                        "to",
                    ):
                        found, _ = self.channel_after(
                            toks, m + (toks[m].lower in lex.interview_nouns), k
                        )
                        if found:
                            channel = found
                            break
                return k + 1, channel
            if tok.text == "," and k > start:
                # "ha detto ai cronisti, all'uscita dall'aula, che": an aside closed by a
                # second comma right before the complementizer
                for m in range(k + 2, min(right_j - 1, k + 9)):
                    if not toks[m].is_word:
                        if toks[m].text == "," and toks[m + 1].lower in ("che", "that"):
                            return m + 2, None
                        break
                break
            if not tok.is_word:
                break
            if tok.lower in lex.complement_words:
                break
            if self._verbish(tok) and not (
                k > start
                and (
                    toks[k - 1].lower in lex.determiners
                    # "said in May that": the month, not the modal
                    or (tok.is_capitalized and toks[k - 1].lower in lex.prepositions)
                    # "said in a video posted on Facebook that": the video's participle
                    or (
                        not self.it
                        and tok.lower.endswith("ed")
                        and k - 2 >= start
                        and toks[k - 2].lower in lex.articles
                        and (
                            toks[k - 1].lower in lex.document_nouns
                            or toks[k - 1].lower in lex.speech_nouns
                        )
                    )
                )
            ):
                break
        return start, None

    def _named_after_interview(self, toks, i, j) -> tuple[int, int] | None:
        """The capitalised name introduced at ``i`` by "a/al/alla/con/with/to" after an
        interview noun."""
        if i >= j or toks[i].lower not in ("a", "al", "alla", "all", "ad", "con", "with", "to"):
            return None
        np = self.object_np(toks, i + 1, j)
        if np is None:
            return None
        if any(t.is_capitalized for t in toks[np[0] : np[1]]) or self._looks_like_outlet(toks, *np):
            return np
        return None

    def _is_apposition(self, toks, i, j) -> bool:
        """Tokens [i, j) describe the phrase before them: "a spokesman for X",
        "chief economist at Y"."""
        first = toks[i]
        if not first.is_word or first.is_capitalized and first.lower not in self.lex.role_nouns:
            return False
        if not (
            first.lower in self.lex.articles
            or first.lower in self.lex.role_nouns
            or first.lower in self.lex.determiners
        ):
            return False
        # "the state's transport commissioner": a verb form after an article or before a
        # possessive is a noun
        return not any(
            self._verbish(toks[m])
            and toks[m - 1].lower not in self.lex.articles
            and toks[m - 1].lower not in self.lex.determiners
            and not (
                m + 1 < j and toks[m + 1].lower == "s" and toks[m + 1].start == toks[m].end + 1
            )
            for m in range(i, j)
        )

    def _clause_resumes(self, toks, i, j) -> bool:
        """Whether the words from ``i`` continue the interrupted clause
        (a verb, no new quotation)."""
        words = [t for t in toks[i:j] if t.is_word]
        if len(words) < 2 or (i < j and toks[i].text in OPEN_QUOTES):
            return False
        if not self.it and words[0].lower in self.lex.clause_starters:
            return False  # "..., officials said, though no date has been set": a new clause
        if self.it and words[0].lower in ("non", "si", "ci"):
            return True  # "Il premier, spiegano fonti, non intende cedere": a verb follows
        if self._is_relative_piece(toks, i, j):
            return False  # "..., ha commentato X, che ha annunciato ...": X's relative clause
        lex = self.lex
        return any(
            t.lower in lex.auxiliaries
            or t.lower.endswith(("rà", "ranno", "rebbe", "rebbero", "ono", "ano"))
            or (not self.it and t.lower.endswith("ed"))
            # "Negli ospedali, riferiscono i medici, gli accessi per colpi di calore sono ...":
            # an Italian subject with its complements runs longer before the verb
            for t in words[: 8 if self.it else 4]
        )

    def _continuation(self, sent, i, j) -> tuple[int, int] | None:
        """The quotation resumed at token ``i`` after ", " (an interrupted quotation),
        as a token range."""
        toks = sent.toks
        punct = i
        while i < j and (toks[i].text in (",", ":") or toks[i].text in DASHES):
            i += 1
        if i == punct or i >= j or toks[i].text not in OPEN_QUOTES:
            return None
        for q in sent.quotes:
            if q[0] == toks[i].start:
                end = i + 1
                while end < len(toks) and toks[end].start < q[3]:
                    end += 1
                return (i, end)
        return None

    def _citing(self, toks, i, j):
        lex = self.lex
        k = i
        while k < j and not toks[k].is_word:
            k += 1
        if k >= len(toks):
            return None
        for seq in lex.channel_citing_by_first.get(toks[k].lower, ()):
            if self._match(toks, k, seq):
                np = self.object_np(toks, k + len(seq), j)
                if np:
                    citing = seq[0] in ("citando", "citing", "che")  # "che cita fonti ..."
                    return ("citing" if citing else "cited_by"), np
        return None

    def _quote_end_after(self, sent, tok_j) -> int:
        toks = sent.toks
        if tok_j >= len(toks):
            return len(toks)
        pos = toks[tok_j].start
        for q in sent.quotes:
            if q[1] <= pos < q[2]:
                for k in range(tok_j, len(toks)):
                    if toks[k].start >= q[2]:
                        return k
        return len(toks)

    def _is_pronoun(self, toks, i, j) -> bool:
        return j - i == 1 and toks[i].lower in self.lex.pronouns

    def _pronoun_number(self, toks, i, j) -> str:
        return self.lex.pronouns.get(toks[i].lower, "sg")

    def _quote_before_interruption(self, sent, left_i, k):
        """The quoted words from the quotation's opening (or the sentence's start, inside a
        quotation opened earlier) up to the dash at ``k`` that opens an interruption, as a
        token range, or ``None`` when there are none."""
        toks = sent.toks
        if k <= left_i or toks[k].text not in DASHES:
            return None
        start = left_i
        for m in range(k - 1, left_i - 1, -1):
            if toks[m].text in OPEN_QUOTES:
                start = m + 1
                break
            if toks[m].text in CLOSE_QUOTES:
                return None
        if sum(t.is_word for t in toks[start:k]) < 1:
            return None
        return start, k

    def _past_adjunct(self, toks, i, j) -> int:
        """``i`` moved past a short phrase led by a preposition ("nell'ordinanza", "in una
        nota", "in conferenza stampa") when a colon or "che" follows it; else ``i``."""
        if i >= j or toks[i].lower not in self.lex.prepositions:
            return i
        for m in range(i + 1, min(j, i + 7)):
            if toks[m].lower in (":", "che"):
                return m
            if not toks[m].is_word or (
                self._verbish(toks[m]) and toks[m - 1].lower not in self.lex.determiners
            ):
                return i
        return i

    def _colon_before_retro(self, toks, i, j) -> int | None:
        """The colon, semicolon or dash in tokens [i, j) after which only a pronoun
        opener ("lo", "è quanto") stands before the cue, with a clause of three words before
        it; else ``None``."""
        for m in range(j - 1, i, -1):
            if toks[m].text in (":", ";") or toks[m].text in DASHES:
                if m + 1 < j and self._is_retro_opener(toks, m + 1, j):
                    return m if sum(t.is_word for t in toks[i:m]) >= 3 else None
                return None
        return None

    def _past_fronted_participle(self, toks, source):
        """ "Raggiunto al telefono, il sindaco": a subject phrase that opens with a
        participle clause and its comma starts after the comma."""
        i, j = source
        if not (
            toks[i].is_capitalized
            and toks[i].lower.endswith(("to", "ta", "ti", "te"))
            and i + 1 < j
            and (toks[i + 1].lower in self.lex.prepositions or self._is_adverb(toks[i + 1]))
        ):
            return source
        for m in range(i + 1, j - 1):
            if toks[m].text == ",":
                return (m + 1, j)
        return source

    def _head_names_a_source(self, toks, i, j) -> bool:
        """Whether the head of the noun phrase [i, j) (past articles, numbers and the
        adjectives Italian puts first) names someone: a capitalised name or a source noun
        ("il portavoce", "fonti", not "tre nuove borse di studio")."""
        lex = self.lex
        k = i
        while k < j - 1 and (
            toks[k].lower in lex.determiners
            or toks[k].lower in lex.prenominal_adjectives
            or toks[k].text.isdigit()
        ):
            k += 1
        return toks[k].is_capitalized or self._is_source_noun(toks[k].lower)

    def _outlet_in_fronted(self, toks, i, j):
        """An outlet after a preposition in a fronted phrase closed by a comma before the
        subject ("Ai microfoni di Sky Tg24, ...", "Intervenendo a Radio24, ..."), as a span."""
        if j - 1 <= i or toks[j - 1].text != ",":
            return None
        for m in range(i, j - 2):
            if toks[m].lower in _TO_OF_ON:
                np = self.object_np(toks, m + 1, j - 1)
                if (
                    np
                    and np[1] == j - 1
                    and self._media_name_in(toks[np[0] : np[1]])
                    and not self._is_source_noun(toks[np[0]].lower)
                ):
                    return self._span(toks, *np)
        return None
