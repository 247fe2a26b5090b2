"""Article-level entity knowledge: person names, surnames and named roles.

Built once per article from its text, it lets the rules tell a person from an
organisation without a trained NER model, link a later surname-only mention
("Peskov") to the full name, and resolve a role ("il presidente russo") to the
person the article names with it ("Il presidente russo Vladimir Putin").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import Lexicon

# Lowercase particles that sit inside personal names (Di Campli, van der Leyen, bin Laden).
NAME_PARTICLES = frozenset(
    "di de da del della van von der den al bin ibn abu la le du dos das".split()
)
_CAP_WORD = r"(?:[A-ZÀ-ÖØ-Þ][\w’'\-]*)"
_NAME_RE = re.compile(
    rf"{_CAP_WORD}(?:\s+(?:(?:{'|'.join(sorted(NAME_PARTICLES))})\s+)?{_CAP_WORD}){{1,5}}"
)


# A personal title right before a name, or an age right after it, marks a person whatever
# their given name.
_TITLE_BEFORE = re.compile(
    r"(?:\b(?:Dr|Mr|Mrs|Ms|Prof|Sen|Rep|Gov|Gen|Col|Sgt|Rev|Fr|Sig|"
    r"[Dd]ott|[Pp]rof|[Aa]vv|[Ii]ng|[Oo]n|[Ss]en|[Mm]ons|[Gg]eom|[Aa]rch)\.|"
    r"\b(?:[Dd]ott\.ssa|[Pp]rof\.ssa|[Ss]ig\.ra|don|suor|padre|Don|Suor|Padre))\s+$"
)
_AGE_AFTER = re.compile(r",\s*\d{1,3}(?:\s+(?:anni|years old))?\s*,")


@dataclass
class EntityIndex:
    """What the article tells us about the people it names."""

    persons: set[str] = field(default_factory=set)  # "Dmitry Peskov"
    surnames: dict[str, str] = field(default_factory=dict)  # "peskov" -> "Dmitry Peskov"
    roles: dict[str, str] = field(default_factory=dict)  # "presidente russo" -> "Vladimir Putin"
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, full name)
    # "Jonas Prell, the depot's manager": role noun -> the one person it describes (None
    # when the article gives that role noun to two people)
    described: dict[str, str | None] = field(default_factory=dict)

    def full_name(self, word: str) -> str | None:
        return self.surnames.get(word.lower())


def _strip_possessive(name: str) -> str:
    return re.sub(r"['’]s$", "", name)


def build_entity_index(text: str, lex: Lexicon) -> EntityIndex:
    """Scan ``text`` once for capitalised names that start with a given name."""
    index = EntityIndex()
    # Runs with no given name, title or role, whose last word may speak alone later: decided
    # after the scan, in one search for just those words.
    undecided: list[tuple[re.Match, list[str]]] = []
    for match in _NAME_RE.finditer(text):
        words = match.group().split()
        # Drop a leading non-name word ("Il", "Secondo", "The") before a given name; a
        # title or role opening the run ("Mayor Ellen Park") also introduces a person.
        for k, word in enumerate(words[:-1]):
            if word in lex.given_names:
                words = words[k:]
                break
        else:
            if (
                len(words) >= 3
                and words[0].lower().rstrip(".") in lex.role_nouns
                and not any(w.lower() in lex.organization_nouns for w in words[1:])
            ):
                words = words[1:]
            elif len(words) <= 4 and (
                _TITLE_BEFORE.search(text, max(0, match.start() - 12), match.start())
                or _AGE_AFTER.match(text, match.end())
            ):
                pass  # "Dr. Mirela Vasquez-Hollin", "Aurel Constantin, 52,": a person
            elif (
                len(words) <= 3
                and _trailing_role(text[max(0, match.start() - 80) : match.start()], lex)
                and not any(
                    w.lower() in lex.organization_nouns or w.lower() in lex.media_first
                    for w in words
                )
            ):
                pass  # "il ministro dell'Economia, Giancarlo Giorgetti": a role introduces a person
            else:
                if (
                    len(words) == 2
                    and words[0].lower().rstrip(".") in lex.person_titles
                    and words[1].lower() not in lex.source_nouns
                    and words[1].lower() not in lex.media_first
                ):
                    # "President Biden": the surname alone names the person later ("Biden said")
                    surname = _strip_possessive(words[1])
                    index.surnames.setdefault(surname.lower(), surname)
                    continue
                if len(words) == 3 and _ELIDED_NOUN.match(words[0]):
                    words = words[1:]  # "L'attaccante Yerko Baldivieso": an article and a noun
                if _may_be_a_surname_run(words, lex):
                    undecided.append((match, words))
                continue
        _add_person(index, text, match, words, lex)
    if undecided:
        # "Yevgeniy Prigozhin" ... "Prigozhin ha detto": a given name no list holds
        speakers = _lone_speakers(text, lex, {words[-1] for _, words in undecided})
        for match, words in undecided:
            if words[-1].lower() in speakers:
                _add_person(index, text, match, words, lex)
    _collect_mentions(text, index)
    return index


def _add_person(index: EntityIndex, text: str, match: re.Match, words: list[str], lex) -> None:
    """Record the person named by ``words`` (the run ``match`` found): name, surname, role."""
    name = _strip_possessive(" ".join(words))
    name_words = name.split()
    if len(name_words) < 2:
        return
    index.persons.add(name)
    index.surnames.setdefault(name_words[-1].lower(), name)
    if (
        len(name_words) >= 3
        and name_words[-2][0].isupper()
        and name_words[-2] not in lex.given_names
    ):
        index.surnames.setdefault(" ".join(name_words[-2:]).lower(), name)
    # The words right before the name may be the role it holds.
    start = match.start() + match.group().find(words[0])
    before = text[max(0, start - 80) : start]
    role = _trailing_role(before, lex)
    if role:
        index.roles.setdefault(role, name)
    apposition = _APPOSITION.match(text, match.end())
    if apposition:
        for word in apposition.group(1).lower().replace("’", "'").replace("'", " ").split():
            if word in lex.prepositions:
                break
            if word in lex.role_nouns:
                known = index.described.setdefault(word, name)
                if known != name:
                    index.described[word] = None  # two people hold it: no telling which
                break


# ", the depot's manager,", ", a senior economist at ...": a role set beside a name.
_APPOSITION = re.compile(r",[ \t]+(?:the|a|an)[ \t]+([^,.;:()\n]{1,80})")


_ELIDED_NOUN = re.compile(r"[A-Z][a-z]*['’][a-zà-ÿ]")
_PREVIOUS_WORD = re.compile(r"([\w’'\-]+)([^\w’'\-]*)$")
_ARTICLES_BEFORE_A_BODY = frozenset("il lo l i gli le the".split())
_PLACE_PREPOSITIONS = frozenset("di da a in per su tra fra con".split())


def _may_be_a_surname_run(words: list[str], lex: Lexicon) -> bool:
    """Whether two or three capitalised words may be a person's name whatever the given
    name: no lexicon noun, outlet or function word in them. They are one when the last word
    also stands alone in the article as the subject of a verb ("Diamane Dembele ... Dembele
    afferma che"): bodies and places are seldom shortened to their last word."""
    if not 2 <= len(words) <= 3 or any(w.isupper() or w[0].isdigit() for w in words):
        return False
    lowers = [w.lower() for w in words]
    first = lowers[0]
    return not (
        first in lex.function_words
        or lex.is_verb_form(first)
        or not lex.source_nouns.isdisjoint(lowers)
        or not lex.media_first.isdisjoint(lowers)
    )


def _lone_speakers(text: str, lex: Lexicon, surnames: set[str]) -> frozenset[str]:
    """Which of ``surnames`` stand alone in ``text`` (no capitalised word right before them,
    no masculine article) right before an auxiliary or a verb of saying: "Dembele afferma",
    "la Martel ha detto". One search for just those words."""
    found = set()
    alternatives = "|".join(re.escape(w) for w in sorted(surnames, key=len, reverse=True))
    pattern = re.compile(rf"({alternatives})(?:[ \t]+([a-zà-öø-ÿ]+))?")
    for match in pattern.finditer(text):
        if match.start() > 0 and (
            text[match.start() - 1].isalnum() or text[match.start() - 1] in "_’'-"
        ):
            continue  # inside a longer word
        if match.end() < len(text) and (text[match.end()].isalnum() or text[match.end()] in "_-"):
            continue
        nxt = match.group(2)
        before = _PREVIOUS_WORD.search(text, max(0, match.start() - 40), match.start())
        if nxt not in lex.auxiliaries and nxt not in lex.verb_finite:
            # "..., said Quenby", "ha assicurato Baldivieso", "according to Quenby": the
            # inverted subject of a verb or marker of saying, right after it
            prev = before.group(1).lower() if before is not None else ""
            if not (before is not None and not before.group(2).strip()) or not (
                prev in lex.verb_finite
                or prev in lex.verb_participles
                or (
                    prev == "to"
                    and text[max(0, before.start() - 10) : before.start()]
                    .rstrip()
                    .lower()
                    .endswith("according")
                )
            ):
                continue
        if before is not None:
            prev, between = before.group(1), before.group(2)
            if prev[0].isupper() and not any(ch in between for ch in ".,;:!?»”\n"):
                continue  # inside a longer capitalised run
            if prev.lower().rstrip("'’") in _ARTICLES_BEFORE_A_BODY and not between.strip():
                continue  # "il Cremlino ha", "the Pentagon said": a body's name
            if lex.lang == "it" and prev in _PLACE_PREPOSITIONS and not between.strip():
                continue  # "il gip di Lecco ha convalidato": a place after its preposition
        found.add(match.group(1).lower())
    return frozenset(found)


def _collect_mentions(text: str, index: EntityIndex) -> None:
    """Every place a known person is named, in full or by surname alone (one regex pass)."""
    if not index.surnames:
        return
    keys = sorted(index.surnames, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in keys) + r")\b", re.IGNORECASE)
    for match in pattern.finditer(text):
        if not match.group()[0].isupper():
            continue
        # Case-insensitive matching also pairs letters whose lowercase differs ("ſ" with "s"):
        # such a spelling is not the name.
        name = index.surnames.get(match.group().lower())
        if name is not None:
            index.mentions.append((match.start(), match.end(), name))


def _trailing_role(before: str, lex: Lexicon) -> str | None:
    """The role noun phrase ending right before a name ("il presidente russo ")."""
    parts = re.split(r"[,.;:()«»“”\"\n]", before)
    segment = parts[-1]
    if not segment.strip() and len(parts) > 1 and before.rstrip().endswith(","):
        segment = parts[-2]  # "il ministro dell'Economia, Giancarlo Giorgetti"
    words = segment.lower().replace("’", "'").replace("'", " ").split()
    if words and words[-1] in lex.prepositions:
        # "a spokesperson for Acme Corp", "l'avvocato di Mario Rossi": the name after the
        # preposition is whom the role serves, not who holds it
        return None
    for k in range(len(words)):
        if words[k] in lex.role_nouns:
            if any(lex.is_verb_form(w) or w in lex.auxiliaries for w in words[k + 1 :]):
                return None  # "the minister told John Smith": the name is the addressee
            role = " ".join(w for w in words[k:] if w not in lex.articles)
            return role or None
    return None


def normalize_role(text: str, lex: Lexicon) -> str:
    words = text.lower().replace("’", "'").replace("'", " ").split()
    return " ".join(w for w in words if w not in lex.articles)
