"""Per-language lexicons: data files under ``lexicons/`` compiled into lookup sets.

The JSON files hold lemmas and word lists that a journalist could review; this
module expands verb lemmas into inflected forms (see :mod:`inflect`) and builds
the sets the attribution rules look words up in.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .inflect import VerbForms, english_forms, italian_forms

LEXICON_DIR = Path(__file__).parent / "lexicons"


def read_lexicon_data(lang: str, directory: Path | None = None) -> dict:
    """Load the raw lexicon data for ``lang`` (its JSON plus the shared lists)."""
    directory = Path(directory) if directory else LEXICON_DIR
    data = json.loads((directory / f"{lang}.json").read_text(encoding="utf-8"))
    data["media_names"] = json.loads((directory / "media.json").read_text(encoding="utf-8"))[
        "media_names"
    ]
    names = (directory / "given_names.txt").read_text(encoding="utf-8")
    data["given_names"] = sorted(
        {w for line in names.splitlines() if not line.startswith("#") for w in line.split()}
    )
    return data


# Italian prepositions fuse with the article that follows: "a detta di" is also "a detta
# dell'azienda", "degli amministratori"; "stando a" is also "stando agli atti".
_ARTICULATED = {
    "di": ("del", "dello", "della", "dell", "dei", "degli", "delle"),
    "a": ("al", "allo", "alla", "all", "ai", "agli", "alle"),
}


def _with_articulated_prepositions(markers, lang: str) -> list[tuple[str, ...]]:
    """``markers`` plus, in Italian, each one ending in "di"/"a" with that preposition
    fused with every article; longest first, no repeats."""
    out = list(dict.fromkeys(markers))
    if lang == "it":
        for seq in markers:
            for form in _ARTICULATED.get(seq[-1], ()):
                out.append(seq[:-1] + (form,))
    return sorted(dict.fromkeys(out), key=len, reverse=True)


def _lower_set(words) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


def _any_substring(strings) -> re.Pattern:
    """A regex that finds any of ``strings`` literally (never matches when there are none)."""
    return re.compile("|".join(re.escape(s) for s in strings) or "(?!)")


def _by_first(sequences: list[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    """``sequences`` grouped by their first word, each group in the original order."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for seq in sequences:
        out.setdefault(seq[0], []).append(seq)
    return out


@dataclass
class Lexicon:
    """Lookup sets for one language, compiled from :func:`read_lexicon_data`."""

    lang: str
    data: dict
    verb_finite: dict[str, str] = field(default_factory=dict)  # form -> "finite" | "cond"
    verb_past: set[str] = field(default_factory=set)
    verb_participles: set[str] = field(default_factory=set)
    verb_gerunds: set[str] = field(default_factory=set)
    verb_infinitives: set[str] = field(default_factory=set)
    needs_quote: set[str] = field(default_factory=set)
    needs_complement: set[str] = field(default_factory=set)
    object_claim_forms: set[str] = field(default_factory=set)
    addressee_forms: set[str] = field(default_factory=set)
    predicative_forms: dict[str, str] = field(default_factory=dict)
    multiword_verbs: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    verb_event_objects: dict[str, frozenset[str]] = field(default_factory=dict)
    publishing_forms: set[str] = field(default_factory=set)
    to_infinitive_forms: set[str] = field(default_factory=set)

    def __post_init__(self):
        d = self.data
        conjugate = italian_forms if self.lang == "it" else english_forms
        for entry in d["reporting_verbs"]:
            forms: VerbForms = conjugate(entry)
            weak = isinstance(entry, dict) and entry.get("needs_quote")
            for form in forms.finite:
                self.verb_finite[form] = "cond" if form in forms.conditional else "finite"
            self.verb_past |= forms.past
            self.verb_participles |= forms.participles
            self.verb_gerunds |= forms.gerunds
            self.verb_infinitives |= forms.infinitives
            every_form = forms.finite | forms.participles | forms.gerunds | forms.infinitives
            if weak:
                self.needs_quote |= every_form
            if isinstance(entry, dict) and entry.get("object_claim"):
                # "ha negato le accuse", "denied the allegations": the object is what the
                # source disputes, a claim in its own right.
                self.object_claim_forms |= every_form
            if isinstance(entry, dict) and entry.get("addressee"):
                # "promised residents that ...", "assured farmers that ...": the person told
                # sits between the verb and the reported clause.
                self.addressee_forms |= every_form
            if isinstance(entry, dict) and entry.get("predicative"):
                # "called the plan a giveaway", "described it as reckless": what the
                # source calls its object is the claim ("as", "bare" or "both" frames).
                for form in every_form:
                    self.predicative_forms[form] = entry["predicative"]
            if isinstance(entry, dict) and entry.get("to_infinitive"):
                # "promised to publish the tables", "threatened to sue": the commitment is
                # the claim
                self.to_infinitive_forms |= every_form
            if isinstance(entry, dict) and entry.get("publishes"):
                # "scrive il Tirreno", "secondo quanto riporta il Gazzettino": who publishes
                # is an outlet, when nothing else says what it is
                self.publishing_forms |= every_form
            if isinstance(entry, dict) and entry.get("event_objects"):
                # "ha riportato ferite", "riporta danni": objects that make the verb an event
                nouns = _lower_set(entry["event_objects"])
                for form in every_form:
                    self.verb_event_objects[form] = self.verb_event_objects.get(form, nouns) | nouns
            if isinstance(entry, dict) and entry.get("needs_complement"):
                # "chiede scusa", "declared a state of emergency": an attribution only
                # before a reported clause or a quotation.
                self.needs_complement |= every_form
        for form in [
            *self.verb_finite,
            *self.verb_participles,
            *self.verb_gerunds,
            *self.verb_infinitives,
        ]:
            words = tuple(form.split())
            if len(words) > 1:
                self.multiword_verbs.setdefault(words[0], []).append(words)
        for key in self.multiword_verbs:
            self.multiword_verbs[key].sort(key=len, reverse=True)
        self.abbreviations = _lower_set(d["abbreviations"])
        self.auxiliaries = _lower_set(d["auxiliaries"])
        self.passive_auxiliaries = _lower_set(d["passive_auxiliaries"])
        self.modal_links = [tuple(m.split()) for m in d["modal_links"]]
        self.determiners = _lower_set(d["determiners"])
        self.articles = _lower_set(d["articles"])
        self.prepositions = _lower_set(d["prepositions"])
        self.adverbs = _lower_set(d["adverbs"])
        # "saying the board never met": past tenses that do not end in -ed, for telling a
        # bare reported clause from a noun phrase
        self.irregular_past = _lower_set(d.get("irregular_past", []))
        # (English) the words newspapers' names end with: "the Evening Courier", "The Hindu"
        self.outlet_name_words = frozenset(w.lower() for w in d.get("outlet_name_words", []))
        # (English) "X is understood to have told ...": participles that raise a hedged subject
        self.raising_participles = _lower_set(d.get("raising_participles", []))
        # (English) month names, which may fill a time adjunct ("said in May that")
        self.months = _lower_set(d.get("months", []))
        # (English) "after", "when": a clause opens after them, with a subject of its own
        self.subordinators = _lower_set(d.get("subordinators", []))
        # (English) words in -ly that are no adverbs: "quarterly sales", "the elderly"
        self.ly_adjectives = _lower_set(d.get("ly_adjectives", []))
        # "a couple of former members": the count before "of" is not the source's head
        self.quantity_nouns = _lower_set(d.get("quantity_nouns", []))
        self.time_words = _lower_set(d["time_words"])
        self.clause_starters = _lower_set(d["clause_starters"])
        self.pronouns = {k.lower(): v for k, v in d["pronouns"].items()}
        self.anonymous_nouns = _lower_set(d["anonymous_nouns"])
        self.role_nouns = _lower_set(d["role_nouns"])
        self.organization_nouns = _lower_set(d["organization_nouns"])
        # " <noun> " anywhere in a space-padded phrase, in one search.
        self.organization_noun_pattern = _any_substring(f" {o} " for o in self.organization_nouns)
        self.media_nouns = _lower_set(d["media_nouns"])
        self.media_nouns_before_a_name = _lower_set(d.get("media_nouns_before_a_name", []))
        self.prenominal_adjectives = _lower_set(d.get("prenominal_adjectives", []))
        self.provisional_adjectives = _lower_set(d.get("provisional_adjectives", []))
        self.profession_roles = _lower_set(d.get("profession_roles", []))
        self.per_judges = _lower_set(d.get("per_judges", []))
        self.reflexive_saying = _lower_set(d.get("reflexive_saying", []))
        # "avanza il sospetto che", "esprime il timore che": a verb and a noun for a belief
        # or a charge, then its clause
        self.claim_nouns = _lower_set(d.get("claim_nouns", []))
        self.document_nouns = _lower_set(d["document_nouns"])
        # Every noun that gives a source its kind, and the words no name starts with (one set
        # test each for the entity scan).
        self.source_nouns = (
            self.organization_nouns
            | self.media_nouns
            | self.role_nouns
            | self.anonymous_nouns
            | self.document_nouns
        )
        self.function_words = (
            self.articles | self.prepositions | self.determiners | self.clause_starters
        ) | self.adverbs
        self.speech_nouns = _lower_set(d["speech_nouns"])
        self.interview_nouns = _lower_set(d["interview_nouns"])
        # see find_channel: "come riporta X" in Italian, "as reported by X" in English
        self.channel_openers = self.interview_nouns | ({"come"} if self.lang == "it" else {"as"})
        self.hedge_words = _lower_set(d["hedge_words"])
        self.hedge_phrases = tuple(p.lower() for p in d["hedge_phrases"])
        # One regex search instead of a substring test per phrase: " <phrase>" anywhere in
        # the space-joined words of a claim.
        self.hedge_phrase_pattern = _any_substring(" " + p for p in self.hedge_phrases)
        self.conditional_modals = _lower_set(d["conditional_modals"])
        self.hedge_hints = self._hedge_hints()
        # Sources whose very name hedges what they carry: "stando a indiscrezioni", "rumors".
        self.hedging_sources = _lower_set(d.get("hedging_sources", []))
        # "avrebbe dovuto": a past obligation that did not happen, not the reporter's distance.
        self.counterfactual_participles = _lower_set(d.get("counterfactual_participles", []))
        # "In base ai dati, ...": markers that introduce a source only opening a sentence or
        # a clause ("assegnati in base all'ordine di arrivo" gives a criterion, not a source).
        self.opening_according_markers = frozenset(
            _with_articulated_prepositions(
                [tuple(m.lower().split()) for m in d.get("opening_according_markers", [])],
                self.lang,
            )
        )
        # "A suo dire, ...": a marker whose source is a possessive, the speaker named before
        self.possessive_markers = {
            tuple(m.lower().split()): number
            for m, number in d.get("possessive_markers", {}).items()
        }
        self.according_markers = (
            _with_articulated_prepositions(
                [tuple(m.lower().split()) for m in d["according_markers"]], self.lang
            )
            + sorted(self.opening_according_markers)
            + sorted(self.possessive_markers)
        )
        self.according_markers.sort(key=len, reverse=True)
        self.according_quanto = [tuple(m.lower().split()) for m in d["according_quanto"]]
        self.relative_markers = [tuple(m.lower().split()) for m in d["relative_markers"]]
        self.relative_markers.sort(key=len, reverse=True)
        self.channel_citing = [tuple(m.lower().split()) for m in d["channel_citing"]]
        self.channel_citing.sort(key=len, reverse=True)
        self.impersonal_cues = [tuple(m.lower().split()) for m in d["impersonal_cues"]]
        # "Dallo studio emerge che ...": what a document or data show; their source is the
        # "da" phrase before or after them, and they are cues only before "che".
        self.from_source_cues = frozenset(
            tuple(m.lower().split()) for m in d.get("from_source_cues", [])
        )
        self.impersonal_cues += sorted(self.from_source_cues, key=len, reverse=True)
        self.complement_words = _lower_set(d["complement_words"])
        self.relative_pronouns = _lower_set(d["relative_pronouns"])
        # "called it a hoax": object pronouns, and the particles that make "called it off"
        # a phrasal verb rather than a predicative
        self.object_pronouns = _lower_set(d.get("object_pronouns", []))
        self.particles = _lower_set(d.get("particles", []))
        self.media_names = {tuple(n.lower().split()) for n in d["media_names"]}
        self.media_first = {n[0] for n in self.media_names}
        self.given_names = frozenset(d["given_names"])
        # (English) titles that make the one capitalised word after them a person's surname
        # ("President Biden", "Judge Marsh"): the surname alone is that person later
        self.person_titles = _lower_set(d.get("person_titles", []))
        # (English) given names that tell "he" from "she" when a pronoun is resolved
        self.given_name_genders = {n: "f" for n in d.get("female_given_names", [])} | {
            n: "m" for n in d.get("male_given_names", [])
        }
        # (English) what may follow a person's name: "Nigel Farrow KC", "Ray Doyle Jr"
        self.post_nominals = frozenset(d.get("post_nominals", []))
        self.per_marker = d.get("per_marker", "")
        # Italian "per" reads "according to" only opening a sentence before a name or a
        # quotation ("Per La Stampa ...", "Per la sindaca, «...»"); the rules check that.
        self.opening_marker = d.get("opening_marker", "")
        # Objects that make a denial or a rejection an act, not a statement: "the court
        # rejected the appeal", "ha respinto il ricorso".
        self.event_objects = _lower_set(d.get("event_objects", []))
        self.impersonal_pronoun = d.get("impersonal_pronoun", "")
        self.marker_first = frozenset(
            seq[0]
            for seq in [*self.relative_markers, *self.according_markers, *self.according_quanto]
        )
        # The marker lists indexed by their first word (same order): a cue test tries only
        # the sequences that can match at the word it is looking at.
        self.relative_markers_by_first = _by_first(self.relative_markers)
        self.according_markers_by_first = _by_first(self.according_markers)
        self.according_quanto_by_first = _by_first(self.according_quanto)
        self.channel_citing_by_first = _by_first(self.channel_citing)
        # "a letter seen by Reuters": the outlet that saw a document relays it
        self.document_relays = [tuple(m.lower().split()) for m in d.get("document_relays", [])]
        self.document_relays_by_first = _by_first(self.document_relays)
        self.modal_first = frozenset(link[0] for link in self.modal_links)
        self.citing_first = frozenset(seq[0] for seq in self.channel_citing)
        self.impersonal_first = frozenset(seq[0] for seq in self.impersonal_cues)
        self.impersonal_single = frozenset(seq[0] for seq in self.impersonal_cues if len(seq) == 1)
        self.boilerplate = re.compile("|".join(d.get("boilerplate", []) or ["(?!)"]), re.IGNORECASE)
        self.retro_openers = frozenset(w.lower() for w in d.get("retro_openers", []))
        # Words in the longest opener (an opener is compared with its words joined by spaces).
        self.retro_opener_length = max((o.count(" ") + 1 for o in self.retro_openers), default=0)
        self.impersonal_verbs = _lower_set(d.get("impersonal_verbs", []))
        # "That is what X said", "That's according to X": apostrophes split words as the
        # tokenizer does ("that's" -> "that s"); longest first
        prefixes = [
            tuple(p.lower().replace("'", " ").replace("’", " ").split())
            for p in d.get("retro_prefixes", [])
        ]
        self.retro_prefixes_by_first = _by_first(sorted(prefixes, key=len, reverse=True))
        # Impersonal cues of learning rather than stating ("si apprende", "trapela"): their
        # source is an outlet or a document cited just before, if any; never a speaker.
        self.learning_cues = _lower_set(d.get("learning_cues", []))
        # Every word that can start or complete a cue: a sentence with none of them has no cue,
        # so the rules can skip it with one set test. Infinitives complete a modal cue
        # ("ha voluto precisare"), whose other words ("ha", "voluto") start no cue alone.
        self.cue_vocabulary = (
            frozenset(
                w.split()[0]
                for w in [
                    *self.verb_finite,
                    *self.verb_participles,
                    *self.verb_gerunds,
                    *self.verb_infinitives,
                ]
            )
            | self.marker_first
            | self.impersonal_first
            | self.claim_nouns
            | {self.per_marker, self.opening_marker, "a", "ad"}
        ) - {""}
        self._index_weak_cue_words()
        self.cue_start = (
            self.cue_vocabulary
            | self.auxiliaries
            | self.impersonal_first
            | {self.impersonal_pronoun}
        )
        self.media_by_first: dict[str, list[tuple[str, ...]]] = {}
        for name in self.media_names:
            self.media_by_first.setdefault(name[0], []).append(name)
        self.ambiguous_forms = _lower_set(d.get("ambiguous_forms", []))
        # Italian verb forms that are also everyday nouns: after an article ("l'accusa",
        # "la stima dei danni") they are the noun, not a clitic and a verb.
        self.noun_homographs = _lower_set(d.get("noun_homographs", []))
        self.adverbial_phrases = [tuple(p.lower().split()) for p in d.get("adverbial_phrases", [])]
        self.adverbial_first = frozenset(p[0] for p in self.adverbial_phrases)

    def _index_weak_cue_words(self) -> None:
        """The cue vocabulary's words that are only ever the first word of a longer cue
        ("fatto" of "fatto sapere", "a" of "a detta di", "as" of "as reported by"), with the
        other words each of those cues needs.

        Most sentences hold one of these common words; with nothing else from the vocabulary,
        the sentence can hold a cue only if one of those cues has all its words in it."""
        sequences = [
            tuple(form.split())
            for forms in (
                self.verb_finite,
                self.verb_participles,
                self.verb_gerunds,
                self.verb_infinitives,
            )
            for form in forms
        ]
        sequences += [
            tuple(seq)
            for group in (
                self.relative_markers,
                self.according_markers,
                self.according_quanto,
                self.impersonal_cues,
            )
            for seq in group
        ]
        single = {seq[0] for seq in sequences if len(seq) == 1}
        single |= {self.per_marker, self.opening_marker} - {""}
        partners: dict[str, set[frozenset[str]]] = {}
        for seq in sequences:
            if len(seq) > 1:
                partners.setdefault(seq[0], set()).add(frozenset(seq[1:]))
        for noun in self.claim_nouns:
            partners.setdefault(noun, set()).add(frozenset(("che",)))  # "il sospetto che"
        self.weak_cue_words = frozenset(w for w in self.cue_vocabulary if w not in single)
        self.weak_cue_partners = {w: tuple(p) for w, p in partners.items() if w not in single}

    def may_complete_a_cue(self, weak_words, words: set[str]) -> bool:
        """Whether one of ``weak_words`` (found in a sentence whose words are ``words``) can
        start a cue there: the other words of one of its cues are all present, or one of the
        two constructions built on a function word is ("si" + an impersonal verb, Italian
        "A dirlo è ...")."""
        for word in weak_words:
            if any(rest <= words for rest in self.weak_cue_partners.get(word, ())):
                return True
            if word == self.impersonal_pronoun and not self.impersonal_verbs.isdisjoint(words):
                return True
            if (
                self.lang == "it"
                and word in ("a", "ad")
                and any(
                    w[-2:] in ("lo", "la", "li", "le") and w[:-2] in self.verb_infinitives
                    for w in words
                )
            ):
                return True
        return False

    def _hedge_hints(self) -> tuple[str, ...]:
        """Strings every hedged text holds one of: each hedge word, the longest word of each
        hedge phrase, "would" (its "would have to" is rewritten before phrases are matched)
        and, in Italian, the conditional ending "rebbe"; a hint holding another is left out."""
        hints = set(self.hedge_words)
        hints |= {max(p.split(), key=len, default="") for p in self.hedge_phrases}
        hints.add("would")
        if self.lang == "it":
            hints.add("rebbe")
        return tuple(sorted(h for h in hints if not any(o != h and o in h for o in hints)))

    def is_verb_form(self, word: str) -> bool:
        return (
            word in self.verb_finite or word in self.verb_participles or word in self.verb_gerunds
        )


@functools.lru_cache(maxsize=4)
def default_lexicon(lang: str) -> Lexicon:
    """The packaged lexicon for ``lang``, compiled once per process."""
    return Lexicon(lang, read_lexicon_data(lang))
