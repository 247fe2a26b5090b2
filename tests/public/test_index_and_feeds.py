"""The public index (search, pages), the RSS and Atom feeds and the sitemap:
published fact-checks only, at their lasting addresses."""

import importlib
import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as fuzz_settings
from hypothesis import strategies as st

from claims.models import ClaimStatus, Rating, SourceKind
from claims.public.addresses import public_slug_for
from claims.services import publication
from claims.services.review import claim_set_verdict
from tests.api.factories import EvidenceFactory
from tests.factories import ClaimFactory
from tests.public.conftest import publish

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def drafts(db):
    """Claims a reader must never find, each with a word only it contains."""
    return [
        ClaimFactory(content="bozza segreta uno", status=ClaimStatus.IN_REVIEW,
                     verdict=Rating.objects.get(slug="true")),
        ClaimFactory(content="bozza segreta due", status=ClaimStatus.UNVERIFIED),
        ClaimFactory(content="bozza segreta tre", status=ClaimStatus.DISMISSED),
    ]  # fmt: skip


def test_the_index_lists_published_fact_checks_newest_first(client, published, drafts, editors):
    newer = publish(ClaimFactory(content="le tasse scenderanno del 10%"), editors, verdict="true")
    response = client.get("/fact-checks/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "bozza segreta" not in html
    links = re.findall(r'<p class="quote"><a href="([^"]+)"', html)
    assert links == [f"/fact-checks/{newer.public_slug}/", f"/fact-checks/{published.public_slug}/"]


def test_the_index_searches_the_published_words(client, published, drafts, editors):
    publish(ClaimFactory(content="le tasse scenderanno del 10%"), editors)
    html = client.get("/fact-checks/", {"q": "SERCHIO marzo"}).content.decode()
    assert f"/fact-checks/{published.public_slug}/" in html and "tasse" not in html
    assert "1 verifica contiene “SERCHIO marzo”." in html
    nothing = client.get("/fact-checks/", {"q": "bozza segreta"}).content.decode()
    assert "Nessuna verifica corrisponde alla ricerca." in nothing
    assert not re.search("bozza segreta (uno|due|tre)", nothing)
    by_outlet = client.get("/fact-checks/", {"q": "Giornale di Prova"}).content.decode()
    assert f"/fact-checks/{published.public_slug}/" in by_outlet


def test_the_index_searches_the_public_record_not_a_correction_in_waiting(
    client, published, editors
):
    claim_set_verdict(
        claim=published,
        user=editors[0],
        expected_version=None,
        verdict=Rating.objects.get(slug="false"),
        rationale="Il cantiere resta fermo per la variante ciclopedonale.",
        reason="Il comune ha pubblicato un nuovo cronoprogramma.",
    )
    waiting = client.get("/fact-checks/", {"q": "ciclopedonale"}).content.decode()
    assert "Nessuna verifica corrisponde alla ricerca." in waiting

    # The words of the published rationale are still found.
    public = client.get("/fact-checks/", {"q": "ufficiali contrario"}).content.decode()
    assert f"/fact-checks/{published.public_slug}/" in public

    version = published.versions.get(state="pending")
    publication.claim_approve(
        claim=published, user=editors[1], expected_version=None, note="Nuovo cronoprogramma."
    )
    version.refresh_from_db()
    assert version.state == "approved"
    approved = client.get("/fact-checks/", {"q": "ciclopedonale"}).content.decode()
    assert f"/fact-checks/{published.public_slug}/" in approved


def test_the_index_pages_and_survives_odd_input(client, editors, settings):
    settings.FACTCHECK_PUBLIC_PAGE_SIZE = 2
    for number in range(5):
        publish(ClaimFactory(content=f"affermazione numero {number}"), editors)
    first = client.get("/fact-checks/").content.decode()
    assert first.count('class="fact-check-item') == 2 and "Pagina 1 di 3" in first
    last = client.get("/fact-checks/", {"page": 3}).content.decode()
    assert last.count('class="fact-check-item') == 1
    for odd in ({"page": "abc"}, {"page": "99"}, {"page": "-1"}, {"q": "x" * 5000},
                {"q": "%_\\'\""}, {"lang": "zz"}):  # fmt: skip
        assert client.get("/fact-checks/", odd).status_code == 200, odd


def test_the_index_speaks_the_readers_language_with_a_switch(client, published):
    english = client.get("/fact-checks/", {"lang": "en"}).content.decode()
    assert '<html lang="en">' in english and "Search the fact-checks" in english
    assert ">False</span>" in english
    assert 'href="?lang=it"' in english and "Leggi questa pagina in italiano" in english
    italian = client.get("/fact-checks/", HTTP_ACCEPT_LANGUAGE="it").content.decode()
    assert "Cerca tra le verifiche" in italian and ">Falso</span>" in italian


def feed_items(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return ET.fromstring(response.content)


def test_the_rss_feed_has_new_and_corrected_fact_checks(client, published, drafts, editors):
    claim_set_verdict(
        claim=published,
        user=editors[0],
        expected_version=None,
        verdict=Rating.objects.get(slug="mostly-false"),
        reason="Il comune ha spostato la data a maggio.",
    )
    # The correction reaches readers once the other editor approves it.
    publication.claim_approve(claim=published, user=editors[1], expected_version=None)
    channel = feed_items(client, "/fact-checks/feed/rss/").find("channel")
    items = channel.findall("item")
    page = f"http://testserver/fact-checks/{published.public_slug}/"
    assert [item.findtext("link") for item in items] == [f"{page}#correction-1", page]
    assert items[0].findtext("title").startswith("Correzione — Quasi falso: “il ponte sul Serchio")
    assert items[0].findtext("description") == "Il comune ha spostato la data a maggio."
    assert items[1].findtext("title") == "Quasi falso: “il ponte sul Serchio riaprirà a marzo”"
    assert b"bozza" not in client.get("/fact-checks/feed/rss/").content


def test_the_atom_feed_uses_the_public_address(client, published, settings):
    settings.FACTCHECK_PUBLIC_BASE_URL = "https://verifiche.example.org"
    feed = feed_items(client, "/fact-checks/feed/atom/")
    (entry,) = feed.findall(f"{ATOM}entry")
    link = entry.find(f"{ATOM}link").get("href")
    assert link == f"https://verifiche.example.org/fact-checks/{published.public_slug}/"
    assert entry.findtext(f"{ATOM}updated")
    assert feed.find(f"{ATOM}link").get("href") == "https://verifiche.example.org/fact-checks/"


def test_the_sitemap_lists_the_index_and_every_published_page(client, published, drafts, settings):
    settings.FACTCHECK_PUBLIC_BASE_URL = "https://verifiche.example.org"
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    locations = [url.findtext(f"{SITEMAP}loc") for url in root.findall(f"{SITEMAP}url")]
    assert locations == [
        "https://verifiche.example.org/fact-checks/",
        f"https://verifiche.example.org/fact-checks/{published.public_slug}/",
    ]


def test_the_sitemap_follows_the_request_without_a_public_address(client, published):
    locations = re.findall(rb"<loc>([^<]+)</loc>", client.get("/sitemap.xml").content)
    assert f"http://testserver/fact-checks/{published.public_slug}/".encode() in locations


@pytest.mark.parametrize(
    "content",
    ["Il ponte riaprirà a marzo, ha detto «il sindaco»", "l'économie: +3% nel 2025 — tutto?",
     "", "«»", "x" * 300, "Perché il 40% dei medici è già in pensione (secondo la Cgil)"],
)  # fmt: skip
def test_the_migration_gives_existing_fact_checks_the_slug_publishing_would(content):
    migration = importlib.import_module("claims.migrations.0012_claim_public_slug")
    assert migration.slug_for(7, content) == public_slug_for(claim_id=7, content=content)
    assert len(public_slug_for(claim_id=10**12, content=content)) <= 80


def test_a_source_kind_never_leaks_an_editor_field_into_the_feed(client, editors):
    claim = publish(
        ClaimFactory(source_kind=SourceKind.ANONYMOUS, source_text="fonti riservate"), editors
    )
    body = client.get("/fact-checks/feed/rss/").content.decode()
    assert f"/fact-checks/{claim.public_slug}/" in body
    assert "editor-one" not in body and "editor-two" not in body


@pytest.mark.parametrize("count", [3, 30])
def test_public_lists_ask_a_fixed_number_of_queries(
    client, editors, count, settings, django_assert_max_num_queries
):
    """Index, feeds, sitemap and export cost the same for 3 fact-checks or 30 (no N+1)."""
    settings.FACTCHECK_PUBLIC_PAGE_SIZE = 50
    for number in range(count):
        claim = publish(ClaimFactory(content=f"affermazione {number}"), editors)
        EvidenceFactory(claim=claim)
        claim_set_verdict(
            claim=claim,
            user=editors[0],
            expected_version=None,
            verdict=Rating.objects.get(slug="true"),
            reason="Nuovi dati.",
        )
    for path in ("/fact-checks/", "/fact-checks/feed/rss/", "/sitemap.xml"):
        with django_assert_max_num_queries(8):
            assert client.get(path).status_code == 200, path


def test_a_withdrawal_is_an_item_of_the_feed_and_a_badge_in_the_index(
    client, published, monkeypatch
):
    """Withdrawal belongs to the corrections work, whose public records say when and
    why; here a record is given those fields and the lists must show them."""
    from datetime import UTC, datetime

    from claims.public import selectors
    from claims.public_record import public_records

    def records_withdrawn(queryset=None):
        return [
            type(record)(
                **{
                    **record.__dict__,
                    "withdrawn_at": datetime(2030, 1, 1, tzinfo=UTC),
                    "withdrawn_reason": "Attribuita alla persona sbagliata.",
                }
            )
            for record in public_records(queryset)
        ]

    monkeypatch.setattr(selectors, "public_records", records_withdrawn)
    items = feed_items(client, "/fact-checks/feed/rss/").find("channel").findall("item")
    assert items[0].findtext("title") == "Ritirata — “il ponte sul Serchio riaprirà a marzo”"
    assert items[0].findtext("link").endswith(f"/fact-checks/{published.public_slug}/#withdrawn")
    assert "persona sbagliata" in items[0].findtext("description")
    index = client.get("/fact-checks/").content.decode()
    assert '<span class="withdrawn-badge">Ritirata</span>' in index
    page = client.get(f"/fact-checks/{published.public_slug}/").content.decode()
    assert 'id="withdrawn"' in page and "application/ld+json" not in page


@given(
    query=st.text(max_size=300) | st.sampled_from(["\x00", "%", "_", "\\", "'--", "<b>"]),
    page=st.text(max_size=12) | st.integers().map(str),
    lang=st.text(max_size=5) | st.sampled_from(["it", "en"]),
)
@fuzz_settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
def test_any_search_page_or_language_gets_an_answer(client, published, query, page, lang):
    response = client.get("/fact-checks/", {"q": query, "page": page, "lang": lang})
    assert response.status_code == 200
