"""Generate the inflected forms of reporting verbs from their lemmas.

Newsrooms use every tense, person and mood of a reporting verb; listing them
by hand is error-prone, so the lexicons give lemmas (plus the irregular parts
of irregular verbs) and these rules produce the forms. Only the persons that
attribute in news prose are generated: 3rd singular and plural, and 1st
plural for statements made by organizations ("abbiamo detto" is rare outside
quotes, so it is left out).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class VerbForms:
    """Forms of one verb, split by the syntactic role they play in a cue."""

    finite: set[str] = field(default_factory=set)  # dice, disse, diceva, direbbe
    conditional: set[str] = field(default_factory=set)  # direbbe, direbbero
    participles: set[str] = field(default_factory=set)  # detto, detta, detti, dette
    gerunds: set[str] = field(default_factory=set)  # dicendo
    infinitives: set[str] = field(default_factory=set)  # dire
    past: set[str] = field(default_factory=set)  # disse, diceva (narrative past tenses)


def _it_future_stem(lemma: str) -> str:
    stem, ending = lemma[:-3], lemma[-3:]
    if ending == "are":
        if stem.endswith(("c", "g")):
            return stem + "her"  # replicare -> replicher-
        if stem.endswith(("ci", "gi")):
            return stem[:-1] + "er"  # annunciare -> annuncer-
        return stem + "er"
    return stem + ending[0] + "r"


def italian_forms(entry: str | dict) -> VerbForms:
    """Conjugate an Italian verb (regular by rule, irregular parts from ``entry``).

    ``entry`` is a lemma (``"dichiarare"``), or a dict with ``lemma`` and any of
    ``present`` (3sg, 3pl), ``remote`` (3sg, 3pl), ``participle`` (masc. sg),
    ``gerund``, ``stem`` (imperfect stem), ``future`` (future stem), ``isc``
    (true for -isc- verbs like *riferire*), ``tail`` (words after the verb:
    *fare* + ``sapere``).
    """
    if isinstance(entry, str):
        entry = {"lemma": entry}
    lemma = entry["lemma"]
    tail = entry.get("tail", "")
    stem, ending = lemma[:-3], lemma[-3:]
    forms = VerbForms()
    vowel = {"are": "a", "ere": "e", "ire": "i"}.get(ending, "e")

    if "present" in entry:
        present = list(entry["present"])
    elif ending == "are":
        present = [stem + "a", stem + "ano"]
    elif ending == "ire" and entry.get("isc"):
        present = [stem + "isce", stem + "iscono"]
    else:
        present = [stem + "e", stem + "ono"]
    if ending == "are" and stem.endswith(("c", "g")):
        present_1pl = stem + "hiamo"
    else:
        present_1pl = (stem[:-1] if stem.endswith("i") else stem) + "iamo"

    if "remote" in entry:
        remote = list(entry["remote"])
    elif ending == "are":
        remote = [stem + "ò", stem + "arono"]
    elif ending == "ere":
        remote = [stem + "é", stem + "ette", stem + "erono", stem + "ettero"]
    else:
        remote = [stem + "ì", stem + "irono"]

    imperfect_stem = entry.get("stem", stem + vowel + "v")
    imperfect = [imperfect_stem + "a", imperfect_stem + "ano"]
    future_stem = entry.get("future", _it_future_stem(lemma))
    future = [future_stem + "à", future_stem + "anno"]
    conditional = [future_stem + "ebbe", future_stem + "ebbero"]
    subjunctive = [present[0][:-1] + ("i" if ending == "are" else "a")]

    participle = entry.get(
        "participle", stem + {"are": "ato", "ere": "uto", "ire": "ito"}.get(ending, "uto")
    )
    participle_stem = participle[:-1]
    participles = [participle_stem + e for e in "oaie"]
    gerund = entry.get("gerund", stem + ("ando" if ending == "are" else "endo"))

    def with_tail(words):
        return {f"{w} {tail}" if tail else w for w in words}

    forms.finite = with_tail(
        present + [present_1pl] + remote + imperfect + future + conditional + subjunctive
    )
    forms.conditional = with_tail(conditional)
    forms.past = with_tail(remote + imperfect)
    forms.participles = with_tail(participles)
    # "definendolo «inaccettabile»": the gerund with an object pronoun fused to it
    forms.gerunds = with_tail([gerund] + [gerund + c for c in ("lo", "la", "li", "le")])
    forms.infinitives = with_tail([lemma, lemma[:-1]])  # dire / dir (before a clitic)
    return forms


def english_forms(entry: str | dict) -> VerbForms:
    """Inflect an English verb: base, 3sg, past, past participle, gerund.

    ``entry`` is a lemma or a dict with ``lemma`` and optional ``past``,
    ``participle``, ``gerund``, ``third`` and ``tail`` (words after the verb:
    *point* + ``out``).
    """
    if isinstance(entry, str):
        entry = {"lemma": entry}
    lemma = entry["lemma"]
    tail = entry.get("tail", "")
    if "third" in entry:
        third = entry["third"]
    elif lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    if "past" in entry:
        past = entry["past"]
    elif lemma.endswith("e"):
        past = lemma + "d"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        past = lemma[:-1] + "ied"
    else:
        past = lemma + "ed"
    participle = entry.get("participle", past)
    if "gerund" in entry:
        gerund = entry["gerund"]
    elif lemma.endswith("e") and not lemma.endswith("ee"):
        gerund = lemma[:-1] + "ing"
    else:
        gerund = lemma + "ing"

    def with_tail(words):
        return {f"{w} {tail}" if tail else w for w in words}

    forms = VerbForms()
    forms.finite = with_tail([lemma, third, past])
    forms.past = with_tail([past])
    forms.participles = with_tail([participle])
    forms.gerunds = with_tail([gerund])
    forms.infinitives = with_tail([lemma])
    return forms
