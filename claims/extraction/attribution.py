"""The attribution component: turns a segmented Doc into :class:`ClaimRecord` objects.

Registered as the spaCy factory ``claim_attribution``. Its lexicon is data
(``lexicons/<lang>.json``, ``media.json``, ``given_names.txt``), loaded by
:meth:`ClaimAttribution.initialize` and written by :meth:`to_disk`, so a
pipeline saved with ``nlp.to_disk`` carries the exact lexicon it ran with.
The claims land in ``doc._.claims``.
"""

from __future__ import annotations

import gc
import json
import re
from pathlib import Path

from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .drafts import Draft, is_quoted_name, sentences_from_spans
from .entities import build_entity_index
from .lexicon import Lexicon, read_lexicon_data
from .quotes import find_quote_pairs
from .records import ClaimRecord, Span
from .rules import ArticleRules
from .segmenter import cached_text

if not Doc.has_extension("claims"):
    Doc.set_extension("claims", default=None)

_WORD = re.compile(r"[^\W\d_]+")
_QUOTE_MARK = re.compile('[«»“”"]')


class ClaimAttribution:
    """Finds every claim of a Doc and its source, cue, channel, kind, quote type and hedge."""

    def __init__(self, nlp: Language, name: str = "claim_attribution"):
        self.name = name
        self.lang = nlp.lang
        self.data: dict | None = None
        self.lexicon: Lexicon | None = None

    def initialize(
        self, get_examples=None, *, nlp=None, data: dict | None = None, lexicon_dir=None
    ):
        """Load the lexicon: ``data`` as given, else the packaged files (or ``lexicon_dir``)."""
        self.data = data if data is not None else read_lexicon_data(self.lang, lexicon_dir)
        self.lexicon = Lexicon(self.lang, self.data)

    def __call__(self, doc: Doc) -> Doc:
        if self.lexicon is None:
            self.initialize()
        doc._.claims = self.extract_doc(doc)
        return doc

    def extract_doc(self, doc: Doc) -> list[ClaimRecord]:
        text = cached_text(doc)
        if not text.strip():
            return []
        # The rules allocate many small acyclic objects; pausing the cyclic collector keeps a
        # 1 MB article linear instead of re-scanning a growing heap.
        collecting = gc.isenabled()
        gc.disable()
        try:
            spans = self._sentence_spans(doc, text)
            sentences = sentences_from_spans(text, spans)
            rules = ArticleRules(text, self.lexicon, build_entity_index(text, self.lexicon))
            drafts = rules.run(sentences)
            records = [self._record(text, rules, d) for d in drafts]
        finally:
            if collecting:
                gc.enable()
        return [r for r in records if r is not None]

    def _sentence_spans(self, doc: Doc, text: str) -> list[tuple[int, int, int]]:
        """``(start_char, end_char, paragraph)`` of each sentence the segmenter marked."""
        arr = doc.to_array([SENT_START, IDX])
        starts = arr[arr[:, 0] == 1, 1].tolist()
        if not starts or starts[0] != 0:
            starts.insert(0, 0)
        starts.append(len(text))
        out = []
        paragraph = 0
        last_end = 0
        for start, end in zip(starts, starts[1:], strict=False):
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start >= end:
                continue
            if "\n" in text[last_end:start]:
                paragraph += 1
            out.append((start, end, paragraph))
            last_end = end
        return out

    # ------------------------------------------------------------- records
    def _record(self, text: str, rules: ArticleRules, d: Draft) -> ClaimRecord | None:
        start, end = d.content
        if not (0 <= start < end <= len(text)):
            return None
        quote, start, end = self._quote_type(text, start, end, rules)
        if d.open_quote:
            quote = "direct"  # its opening mark was stripped; the paragraph is quoted words
        if quote == "direct":
            # the quoted words, not the full stop inside the marks ('"Absolutely not."')
            while end - start > 1 and text[end - 1] in " ,.;:":
                end -= 1
        if end <= start:
            return None
        content = Span(text[start:end], start, end)
        source = _span(text, d.source)
        if source is None:
            kind, name, quote = "author", None, ("none" if not d.quote_only else quote)
            if d.author:
                quote = "none"
        else:
            kind, name = rules.classify(d.source)
            if kind == "organization" and d.cue and rules.published_by_a_name(d.source, d.cue):
                kind = "media"  # "secondo quanto riporta il Tirreno": an outlet we do not list
        return ClaimRecord(
            content=content,
            source=source,
            cue=_span(text, d.cue),
            channel=_span(text, d.channel),
            source_kind=kind,
            quote=quote,
            hedged=self._hedged(text, d, start, end, reported=quote != "direct"),
            source_name=name,
        )

    def _quote_type(
        self, text: str, start: int, end: int, rules: ArticleRules
    ) -> tuple[str, int, int]:
        """``direct`` (and the span without its marks), ``mixed`` or ``indirect``."""
        segment = text[start:end]
        stripped = segment.rstrip(" ,.;:")
        end = start + len(stripped)
        enclosing = rules.enclosing_quote(start, end)
        if enclosing is not None:
            return "direct", start, end  # the words of a quotation interrupted by its attribution
        pairs = find_quote_pairs(text, start, end)
        # Marks that only set off a name ("come rivela il «Corriere dello Sport»") quote nobody.
        names = [q for q in pairs if is_quoted_name(text, q)]
        if names:
            pairs = [q for q in pairs if q not in names]
            if not pairs:
                marks = {m for q in names for m in (q[0], q[2])}
                others = (m.start() for m in _QUOTE_MARK.finditer(text, start, end))
                return ("mixed" if any(m not in marks for m in others) else "indirect"), start, end
        if not pairs and text[start] in '«“"' and not _QUOTE_MARK.search(text, start + 1, end):
            return "direct", start + 1, end  # a quotation left open to the end of its paragraph
        if not pairs:
            if _QUOTE_MARK.search(text, start, end):
                return "mixed", start, end
            return "indirect", start, end
        first, last = pairs[0], pairs[-1]
        if first[0] == start and last[3] == end and len(pairs) == 1:
            inner_s, inner_e = first[1], first[2]
            while inner_e > inner_s and text[inner_e - 1] in " ,":
                inner_e -= 1
            while inner_s < inner_e and text[inner_s] == " ":
                inner_s += 1  # '" Noi governeremo "': a quotation mark padded with a space
            return "direct", inner_s, inner_e
        if first[0] == start and len(pairs) == 1 and not text[first[3] : end].strip(" ,.;:–—-"):
            inner_s, inner_e = first[1], first[2]
            while inner_s < inner_e and text[inner_s] == " ":
                inner_s += 1
            while inner_e > inner_s and text[inner_e - 1] == " ":
                inner_e -= 1
            return "direct", inner_s, inner_e
        return "mixed", start, end

    def _hedged(self, text: str, d: Draft, start: int, end: int, reported: bool = True) -> bool:
        if d.cue_conditional or d.hedged_frame:
            return True
        lex = self.lexicon
        if d.source is not None and lex.hedging_sources:
            source_words = _WORD.findall(text[d.source[0] : d.source[1]].lower())
            if not lex.hedging_sources.isdisjoint(source_words):
                return True  # "stando a indiscrezioni, ...": the source itself is a rumour
        content = text[start:end].lower()
        # Most claims hold no hedge: a few substring tests rule them out before the claim is
        # split into words (every hedge word, phrase and conditional holds one of the hints).
        if not any(hint in content for hint in lex.hedge_hints):
            return False
        words = _WORD.findall(content)
        if not lex.hedge_words.isdisjoint(words):
            return True
        # "would have to" is an obligation, not the reporter's "would have" hedge.
        padded = (" " + " ".join(words) + " ").replace(" would have to ", " must ")
        if not reported and lex.lang == "en":
            # '"We would have lost the house," she said': the speaker's own conditional
            padded = padded.replace(" would have ", " ")
        if lex.hedge_phrase_pattern.search(padded):
            return True
        if (
            lex.lang == "it"
            and not lex.adverbs.isdisjoint(words)
            and lex.hedge_phrase_pattern.search(
                " " + " ".join(w for w in words if w not in lex.adverbs) + " "
            )
        ):
            return True  # "sembra infatti che", "pare invece che": an adverb inside the phrase
        if lex.lang == "it":
            conditional = any(
                w.endswith(("rebbe", "rebbero"))
                and w not in lex.conditional_modals
                and not _counterfactual(words, n, lex)
                for n, w in enumerate(words)
            )
            # After a past-tense verb of saying the compound conditional is the future in the
            # past ("ha detto che sarebbe arrivato"), not a hedge; a simple one in reported
            # speech still is ("ha detto che si tratterebbe di un complotto"), in the speaker's
            # own quoted words it is theirs.
            if conditional and not (d.cue_past and d.source is not None):
                return True
            if (
                conditional
                and reported
                and any(
                    w.endswith(("rebbe", "rebbero"))
                    and w not in lex.conditional_modals
                    and not _compound_conditional(words, n)
                    and not _counterfactual(words, n, lex)
                    for n, w in enumerate(words)
                )
            ):
                return True
        return False

    # ---------------------------------------------------------- serialization
    def to_disk(self, path, *, exclude=tuple()):
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "lexicon.json").write_text(
            json.dumps(self.data, ensure_ascii=False), encoding="utf-8"
        )

    def from_disk(self, path, *, exclude=tuple()):
        data = json.loads((Path(path) / "lexicon.json").read_text(encoding="utf-8"))
        self.initialize(data=data)
        return self


_AUXILIARY_CONDITIONALS = frozenset(("avrebbe", "avrebbero", "sarebbe", "sarebbero"))
_PARTICIPLE_ENDINGS = tuple(
    stem + ending
    for stem in ("at", "ut", "it", "st", "ss", "tt", "rt")
    for ending in ("o", "a", "i", "e")
)


def _compound_conditional(words: list[str], n: int) -> bool:
    """ "avrebbe/sarebbe" + a past participle at ``words[n]``: the conditional perfect, which
    after a past verb of saying is the future in the past ("ha detto che sarebbe arrivato")."""
    if words[n] not in _AUXILIARY_CONDITIONALS:
        return False
    for m in range(n + 1, min(len(words), n + 3)):
        if words[m].endswith(_PARTICIPLE_ENDINGS):
            return True
        if not words[m].endswith("mente") and words[m] not in ("già", "poi", "mai", "ancora"):
            return False
    return False


def _counterfactual(words: list[str], n: int, lex: Lexicon) -> bool:
    """The conditional at ``words[n]`` is no hedge: "avrebbe dovuto" (an obligation that did
    not happen), or the consequence of an "if" clause before it ("se piovesse, il fiume
    esonderebbe")."""
    if n + 1 < len(words) and words[n + 1] in lex.counterfactual_participles:
        return True
    return not _HYPOTHESIS_OPENERS.isdisjoint(words[:n])


# Words that open the hypothesis a conditional is the consequence of: "se piovesse", "qualora
# servisse", "chiunque lo presentasse così farebbe un cattivo servizio".
_HYPOTHESIS_OPENERS = frozenset(("se", "qualora", "chiunque", "semmai", "casomai"))


def _span(text: str, span) -> Span | None:
    if not span:
        return None
    s, e = span
    if not (0 <= s < e <= len(text)):
        return None
    return Span(text[s:e], s, e)


@Language.factory("claim_attribution")
def make_claim_attribution(nlp: Language, name: str) -> ClaimAttribution:
    """spaCy factory for :class:`ClaimAttribution` (entry point ``claim_attribution``)."""
    return ClaimAttribution(nlp, name)
