"""The lexicon files and their README stay in step: every key and every frame flag the
data uses is explained, and a flag the code does not know (a typo) fails here instead of
being silently ignored."""

import json
import re

import pytest

from claims.extraction.lexicon import LEXICON_DIR, Lexicon, read_lexicon_data

README = (LEXICON_DIR / "README.md").read_text(encoding="utf-8")
KNOWN_FLAGS = {
    "lemma",
    "needs_complement",
    "needs_quote",
    "object_claim",
    "addressee",
    "predicative",
    "present",
    "remote",
    "participle",
    "gerund",
    "stem",
    "future",
    "isc",
    "tail",
    "third",
    "past",
    "event_objects",
    "publishes",
    "to_infinitive",
}


@pytest.mark.parametrize("lang", ["it", "en"])
def test_every_key_of_the_lexicon_is_explained_in_the_readme(lang):
    data = json.loads((LEXICON_DIR / f"{lang}.json").read_text(encoding="utf-8"))
    documented = set(re.findall(r"`([a-z_]+)`", README))
    missing = sorted(set(data) - documented - {"language"})
    assert not missing, f"keys not in lexicons/README.md: {missing}"


@pytest.mark.parametrize("lang", ["it", "en"])
def test_every_frame_flag_is_known_and_documented(lang):
    data = json.loads((LEXICON_DIR / f"{lang}.json").read_text(encoding="utf-8"))
    flags = {k for entry in data["reporting_verbs"] if isinstance(entry, dict) for k in entry}
    assert flags <= KNOWN_FLAGS, f"unknown flags: {sorted(flags - KNOWN_FLAGS)}"
    for flag in flags - {"lemma"}:
        assert f"`{flag}`" in README


@pytest.mark.parametrize("lang", ["it", "en"])
def test_the_files_keep_their_one_space_layout(lang):
    raw = (LEXICON_DIR / f"{lang}.json").read_text(encoding="utf-8")
    assert raw == json.dumps(json.loads(raw), ensure_ascii=False, indent=1) + "\n"


def test_a_frame_flag_added_in_data_reaches_every_form_of_the_verb():
    data = read_lexicon_data("en")
    data["reporting_verbs"] = [*data["reporting_verbs"], {"lemma": "grumble", "addressee": True}]
    lexicon = Lexicon("en", data)
    assert {"grumble", "grumbles", "grumbled", "grumbling"} <= lexicon.addressee_forms
    assert "grumbled" in lexicon.verb_finite
