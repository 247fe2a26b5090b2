"""The spaCy components, their lexicons as data, and the public API contract."""

import dataclasses
import json

import pytest
import spacy

from claims.extraction import EXTRACTOR_VERSION, ClaimRecord, Span, extract, load_pipeline
from claims.extraction.inflect import english_forms, italian_forms

TEXT = "Il ministro Sarti ha detto all'Ansa che il decreto arriverà lunedì."


def test_it_loads_each_language_pipeline_once():
    assert load_pipeline("it") is load_pipeline("it")
    assert load_pipeline("en") is not load_pipeline("it")
    assert load_pipeline("it").pipe_names == ["news_sentencizer", "claim_attribution"]


def test_it_round_trips_a_pipeline_with_its_lexicons_through_disk(tmp_path):
    nlp = load_pipeline("it")
    nlp.to_disk(tmp_path / "it")
    assert (tmp_path / "it" / "claim_attribution" / "lexicon.json").exists()
    reloaded = spacy.load(tmp_path / "it")
    claims = reloaded(TEXT)._.claims
    assert [c.to_dict() for c in claims] == [c.to_dict() for c in extract(TEXT, "it")]


def test_it_takes_a_custom_lexicon_at_initialize():
    nlp = spacy.blank("it")
    nlp.add_pipe("news_sentencizer")
    attribution = nlp.add_pipe("claim_attribution")
    from claims.extraction.lexicon import read_lexicon_data

    data = read_lexicon_data("it")
    data["reporting_verbs"] = ["dichiarare"]
    nlp.get_pipe("news_sentencizer").initialize()
    attribution.initialize(data=data)
    claims = nlp("Il sindaco ha dichiarato che il ponte riaprirà domani.")._.claims
    assert claims[0].cue.text == "ha dichiarato"
    claims = nlp("Il sindaco ha spiegato che il ponte riaprirà domani.")._.claims
    assert claims[0].source is None


def test_it_serialises_claims_to_plain_dicts():
    claim = extract(TEXT, "it")[0]
    data = claim.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert set(data) == {
        "content",
        "source",
        "cue",
        "channel",
        "source_kind",
        "quote",
        "hedged",
        "source_name",
    }
    assert data["channel"] == {
        "text": "Ansa",
        "start": TEXT.index("Ansa"),
        "end": TEXT.index("Ansa") + 4,
    }


def test_it_exposes_immutable_records():
    claim = extract(TEXT, "it")[0]
    assert isinstance(claim, ClaimRecord) and isinstance(claim.content, Span)
    with pytest.raises(dataclasses.FrozenInstanceError):
        claim.hedged = True  # type: ignore[misc]
    assert isinstance(EXTRACTOR_VERSION, str) and EXTRACTOR_VERSION.count(".") == 2


def test_it_detects_the_language_when_none_is_given():
    english = "The minister said the decree would arrive on Monday."
    assert extract(english)[0].cue.text == "said"


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [
        (
            "dichiarare",
            {"dichiara", "dichiarano", "dichiarò", "dichiarava", "dichiarerebbe", "dichiarerà"},
        ),
        ("replicare", {"replica", "replicherà", "replicherebbe"}),
        ("annunciare", {"annuncia", "annuncerà", "annuncerebbe"}),
        ({"lemma": "riferire", "isc": True}, {"riferisce", "riferiscono", "riferì", "riferiva"}),
    ],
)
def test_it_conjugates_italian_reporting_verbs_from_lemmas(lemma, forms):
    assert forms <= italian_forms(lemma).finite


def test_it_conjugates_irregular_italian_verbs():
    forms = italian_forms(
        {
            "lemma": "dire",
            "present": ["dice", "dicono"],
            "remote": ["disse", "dissero"],
            "stem": "dicev",
            "future": "dir",
            "participle": "detto",
            "gerund": "dicendo",
        }
    )
    assert {"dice", "disse", "diceva", "direbbe", "dirà"} <= forms.finite
    assert {"detto", "detta", "detti", "dette"} == forms.participles
    # the gerund alone and with an object pronoun fused to it ("definendolo «...»")
    assert forms.gerunds == {"dicendo", "dicendolo", "dicendola", "dicendoli", "dicendole"}


def test_it_inflects_english_reporting_verbs():
    assert english_forms("deny").finite == {"deny", "denies", "denied"}
    assert english_forms({"lemma": "say", "past": "said", "third": "says"}).finite == {
        "say",
        "says",
        "said",
    }
    assert english_forms("note").gerunds == {"noting"}
