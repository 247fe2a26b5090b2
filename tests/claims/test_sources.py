"""Sources shared across articles: reuse, aliases, and two workers at once."""

import threading

import pytest
from django.db import connection, transaction

from claims import services
from claims.extraction import ClaimRecord, Span
from claims.models import Article, Claim, ExtractionState, Source
from claims.services.sources import MAX_ALIASES, sources_for_mentions
from tests.factories import ArticleFactory


def span(text: str, fragment: str) -> Span:
    start = text.index(fragment)
    return Span(text=fragment, start=start, end=start + len(fragment))


def said(text: str, content: str, source: str, name: str | None, kind: str = "person"):
    return ClaimRecord(
        content=span(text, content),
        source=span(text, source),
        cue=None,
        channel=None,
        source_kind=kind,
        quote="indirect",
        hedged=False,
        source_name=name,
    )


def apply(article, records, version="test-1"):
    return services.article_apply_extraction(
        article_id=article.pk, records=records, extractor_version=version
    )


def test_speakers_that_already_exist_are_reused_and_gain_their_new_aliases(db):
    known = Source.objects.create(
        name="Paolo Verdi", normalized_name="paolo verdi", kind="person", aliases=["Verdi"]
    )
    text = (
        "Il ministro Paolo Verdi ha detto che le tasse scenderanno. Verdi ha aggiunto che è certo."
    )
    article = ArticleFactory(text=text)

    apply(
        article,
        [
            said(text, "le tasse scenderanno", "Il ministro Paolo Verdi", "Paolo Verdi"),
            said(text, "è certo", "Verdi", "Paolo Verdi"),
        ],
    )

    assert Source.objects.count() == 1
    known.refresh_from_db()
    assert known.aliases == ["Verdi", "Il ministro Paolo Verdi"]
    assert set(Claim.objects.values_list("source", flat=True)) == {known.pk}


def test_one_speaker_under_several_spellings_is_one_source_named_as_first_quoted(db):
    text = (
        "La Confcommercio ha detto che i prezzi salgono. Secondo CONFCOMMERCIO, il PIL cresce. "
        "Confcommèrcio lo conferma."
    )
    article = ArticleFactory(text=text)
    apply(
        article,
        [
            said(text, "i prezzi salgono", "La Confcommercio", "Confcommercio", "organization"),
            said(text, "il PIL cresce", "CONFCOMMERCIO", "CONFCOMMERCIO", "organization"),
            said(text, "lo conferma", "Confcommèrcio", "Confcommèrcio", "organization"),
        ],
    )
    source = Source.objects.get()
    assert (source.name, source.normalized_name, source.kind) == (
        "Confcommercio",
        "confcommercio",
        "organization",
    )
    assert source.aliases == ["La Confcommercio", "CONFCOMMERCIO", "Confcommèrcio"]
    assert source.claims.count() == 3


def test_unlinked_kinds_get_no_source_and_the_name_is_never_its_own_alias(db):
    mentions = [
        ("fonti diplomatiche", "fonti diplomatiche", "anonymous"),
        ("il portavoce", "il portavoce", "role"),
        ("Anna Ferri", "Anna Ferri", "person"),
        (None, None, "person"),
    ]
    found = sources_for_mentions(mentions)
    assert found[mentions[0]] is None and found[mentions[1]] is None
    assert found[mentions[3]] is None
    assert found[mentions[2]].name == "Anna Ferri"
    assert found[mentions[2]].aliases == []


def test_aliases_are_capped(db):
    names = [f"il sindaco numero {n}, Anna Ferri" for n in range(MAX_ALIASES + 5)]
    found = sources_for_mentions([("Anna Ferri", alias, "person") for alias in names])
    source = Source.objects.get()
    assert source.aliases == names[:MAX_ALIASES]
    assert {s.pk for s in found.values()} == {source.pk}
    # Asked again, nothing changes and nothing is duplicated.
    sources_for_mentions([("Anna Ferri", names[0], "person"), ("Anna Ferri", "altro", "person")])
    source.refresh_from_db()
    assert source.aliases == names[:MAX_ALIASES]


def test_the_number_of_queries_does_not_grow_with_the_number_of_speakers(
    db, django_assert_max_num_queries
):
    Source.objects.create(name="Speaker 0", normalized_name="speaker 0", kind="person")
    parts = [f"Speaker {n} ha detto che la cosa {n} va bene." for n in range(12)]
    text = " ".join(parts)
    article = ArticleFactory(text=text)
    records = [
        said(text, f"la cosa {n} va bene", f"Speaker {n} ha", f"Speaker {n}") for n in range(12)
    ]
    # The lock, the claims, the known sources, the new ones (insert and read),
    # the new aliases (locked read and update), the claims, the article.
    with django_assert_max_num_queries(12):
        apply(article, records)
    assert Source.objects.count() == 12
    assert Claim.objects.filter(source__isnull=False).count() == 12


@pytest.mark.django_db(transaction=True)
def test_two_workers_naming_the_same_new_speaker_at_once_get_one_source():
    """The first worker's new Source is not committed yet when the second one
    looks for it: the second waits for it and links to it, with no error."""
    text = "Il portavoce Marco Neri ha detto che il ponte riapre. Marco Neri ha confermato."
    first = ArticleFactory(text=text)
    second = ArticleFactory(text=text + " ")  # another article, same speaker
    records = [
        said(text, "il ponte riapre", "Il portavoce Marco Neri", "Marco Neri"),
        said(text, "Marco Neri ha confermato", "Marco Neri", "Marco Neri"),
    ]
    inserted, second_started = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def first_worker():
        try:
            with transaction.atomic():
                apply(first, records)
                inserted.set()
                second_started.wait(5)
                # Hold the uncommitted Source while the second worker runs into it.
                threading.Event().wait(0.5)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
            inserted.set()
        finally:
            connection.close()

    def second_worker():
        try:
            inserted.wait(5)
            second_started.set()
            apply(second, records)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=first_worker), threading.Thread(target=second_worker)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    assert not errors, errors
    source = Source.objects.get()
    assert source.name == "Marco Neri"
    assert source.aliases == ["Il portavoce Marco Neri"]
    assert Claim.objects.filter(source=source).count() == 4
    assert set(Article.objects.values_list("extraction_state", flat=True)) == {ExtractionState.DONE}
