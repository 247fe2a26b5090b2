"""The public fact-check page: readable without an account, built from the
public record, with ClaimReview and Open Graph for search engines and shares."""

import json
import re
from datetime import UTC, datetime

import pytest
from django.test import RequestFactory
from django.utils import timezone

from claims.models import ClaimStatus, Rating, SourceKind
from claims.public.selectors import FactCheck
from claims.public.views import fact_check_page
from claims.public_record import PublicRecord, public_record
from claims.services import publication
from claims.services.review import claim_set_verdict
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db


def json_ld_of(html: str) -> dict:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1, blocks
    return json.loads(blocks[0])


def meta(html: str, prop: str) -> str:
    match = re.search(rf'<meta (?:property|name)="{re.escape(prop)}" content="([^"]*)"', html)
    assert match, prop
    return match.group(1)


def test_an_anonymous_reader_sees_the_whole_fact_check(client, published):
    page = f"/fact-checks/{published.public_slug}/"
    response = client.get(page)
    assert response.status_code == 200
    html = response.content.decode()
    assert "il ponte sul Serchio riaprirà a marzo" in html
    assert "il sindaco Marco Neri" in html and "ha detto" in html
    assert 'href="https://giornale.example.it/ponti"' in html
    assert "Ponti e cantieri: le promesse del sindaco" in html
    assert "Il Giornale di Prova" in html
    assert '<strong class="verdict-label">Falso</strong>' in html
    assert "I dati ufficiali dicono il contrario." in html
    assert 'href="https://comune.example.it/cantieri"' in html and "Cronoprogramma" in html
    published_at = timezone.localtime(published.published_at).isoformat()
    assert f'Pubblicata <time datetime="{published_at}">' in html
    assert "Nessuna correzione finora." in html
    assert 'lang="it"' in html.split(">", 2)[1]


def test_the_page_embeds_its_claim_review_pointing_at_itself(client, published):
    response = client.get(f"/fact-checks/{published.public_slug}/")
    review = json_ld_of(response.content.decode())
    assert review["@type"] == "ClaimReview"
    assert review["url"] == f"http://testserver/fact-checks/{published.public_slug}/"
    assert review["reviewRating"]["worstRating"] >= 1
    assert review["reviewRating"]["alternateName"] == "Falso"
    assert review["itemReviewed"]["author"] == {
        "@type": "Person",
        "name": "Marco Neri",
        "jobTitle": "sindaco",
    }


def test_the_public_base_url_is_the_address_everywhere(client, published, settings):
    settings.FACTCHECK_PUBLIC_BASE_URL = "https://verifiche.example.org/"
    html = client.get(f"/fact-checks/{published.public_slug}/").content.decode()
    expected = f"https://verifiche.example.org/fact-checks/{published.public_slug}/"
    assert json_ld_of(html)["url"] == expected
    assert meta(html, "og:url") == expected
    assert f'<link rel="canonical" href="{expected}">' in html


def test_a_desk_publishing_elsewhere_keeps_its_own_address(client, published, settings):
    settings.FACTCHECK_CLAIM_URL_TEMPLATE = "https://desk.example.org/verifiche/{slug}"
    html = client.get(f"/fact-checks/{published.public_slug}/").content.decode()
    expected = f"https://desk.example.org/verifiche/{published.public_slug}"
    assert json_ld_of(html)["url"] == expected
    assert f'<link rel="canonical" href="{expected}">' in html


def test_open_graph_describes_the_fact_check(client, published):
    html = client.get(f"/fact-checks/{published.public_slug}/").content.decode()
    assert meta(html, "og:type") == "article"
    assert meta(html, "og:title").startswith("Falso: il ponte sul Serchio")
    assert meta(html, "og:description") == "I dati ufficiali dicono il contrario."
    assert meta(html, "og:locale") == "it_IT"
    assert meta(html, "og:locale:alternate") == "en_GB"
    assert meta(html, "article:published_time").startswith(
        published.published_at.date().isoformat()[:4]
    )


def test_the_page_is_in_the_claims_language_and_the_other_is_one_click_away(client, published):
    html = client.get(f"/fact-checks/{published.public_slug}/").content.decode()
    link = re.search(r'<a href="([^"]+)" hreflang="en" lang="en" id="other-language">', html)
    assert link and "Read this page in English" in html
    english = client.get(link.group(1))
    assert english.status_code == 200
    assert english["Content-Language"] == "en"
    text = english.content.decode()
    assert '<html lang="en">' in text
    assert '<strong class="verdict-label">False</strong>' in text
    assert "Our verdict" in text
    # The quote stays in its own language, marked as such.
    assert 'lang="it">il ponte sul Serchio riaprirà a marzo' in text
    assert "Leggi questa pagina in italiano" in text
    # Both versions name each other for search engines, and the review stays one.
    assert 'hreflang="en"' in html and 'hreflang="it"' in text
    assert json_ld_of(text)["url"] == json_ld_of(html)["url"]
    assert json_ld_of(text)["reviewRating"]["alternateName"] == "Falso"


def test_an_unknown_language_falls_back_to_the_claims(client, published):
    response = client.get(f"/fact-checks/{published.public_slug}/?lang=xx")
    assert response.status_code == 200 and response["Content-Language"] == "it"


def test_the_id_and_old_slugs_lead_to_the_lasting_address(client, published):
    for path in (f"/fact-checks/{published.pk}/", f"/fact-checks/{published.pk}-old-words/"):
        response = client.get(path)
        assert response.status_code == 301, path
        assert response["Location"] == f"/fact-checks/{published.public_slug}/"
    with_lang = client.get(f"/fact-checks/{published.pk}/?lang=en")
    assert with_lang["Location"] == f"/fact-checks/{published.public_slug}/?lang=en"


def test_publishing_gives_a_slug_that_corrections_never_change(published, editors):
    assert published.public_slug == f"{published.pk}-il-ponte-sul-serchio-riaprira-a-marzo"
    corrected = claim_set_verdict(
        claim=published,
        user=editors[0],
        expected_version=None,
        verdict=Rating.objects.get(slug="mostly-false"),
        reason="Il comune ha aggiornato il cronoprogramma.",
    )
    assert corrected.public_slug == published.public_slug


@pytest.mark.parametrize(
    "status, verdict",
    [
        (ClaimStatus.UNVERIFIED, None),
        (ClaimStatus.IN_PROGRESS, "false"),
        (ClaimStatus.IN_REVIEW, "true"),
        (ClaimStatus.DISMISSED, None),
    ],
)
def test_nothing_unpublished_has_a_page(client, status, verdict):
    claim = ClaimFactory(
        status=status,
        verdict=Rating.objects.get(slug=verdict) if verdict else None,
        rationale="bozza riservata",
        public_slug="",
    )
    for path in (f"/fact-checks/{claim.pk}/", f"/fact-checks/{claim.pk}-x/"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "bozza riservata" not in response.content.decode()


def test_a_slug_of_nothing_published_is_a_404_not_an_error(client, published):
    for key in ("nessuna-verifica", "99999999999999999999999", "0", f"{published.pk + 1000}-x"):
        assert client.get(f"/fact-checks/{key}/").status_code == 404, key


def test_the_pages_answer_reads_only(client, published):
    assert client.post(f"/fact-checks/{published.public_slug}/").status_code == 405
    assert client.head(f"/fact-checks/{published.public_slug}/").status_code == 200


def test_the_page_names_no_editor_and_links_to_no_editor_screen(client, published):
    html = client.get(f"/fact-checks/{published.public_slug}/").content.decode()
    assert "editor-one" not in html and "editor-two" not in html
    assert "/claims/" not in html and "/articles/" not in html
    assert "csrf" not in html.lower()


def test_markup_in_a_claim_stays_text_in_the_page_and_its_json_ld(client, editors):
    from tests.public.conftest import publish

    hostile = 'dice </script><script>alert("x")</script> & <b>altro</b>'
    claim = publish(ClaimFactory(content=hostile, source_kind=SourceKind.PERSON), editors)
    html = client.get(f"/fact-checks/{claim.public_slug}/").content.decode()
    assert "<script>alert" not in html
    assert "<b>altro</b>" not in html
    assert json_ld_of(html)["claimReviewed"] == hostile


# --- Corrections and withdrawals, rendered from the record alone


def record(**changes) -> PublicRecord:
    fields = {
        "claim_id": 41,
        "content": "la disoccupazione è scesa al 3%",
        "source_text": "fonti di governo",
        "source_kind": SourceKind.ANONYMOUS,
        "cue_text": "secondo",
        "channel_text": "",
        "quote_type": "indirect",
        "hedged": True,
        "verdict": Rating.objects.get(slug="mostly-false"),
        "rationale": "Il dato Istat è del 6,1%.",
        "evidence": [],
        "published_at": datetime(2026, 4, 1, 8, 0, tzinfo=UTC),
        "published_by": None,
    }
    return PublicRecord(**{**fields, **changes})


def render(record_: PublicRecord, *, language="it") -> str:
    article = ArticleFactory(language=language, title="Lavoro, i numeri", url="")
    request = RequestFactory().get(f"/fact-checks/{record_.claim_id}/")
    found = FactCheck(record=record_, article=article, slug="")
    response = fact_check_page(request, found)
    assert response.status_code == 200
    return response.content.decode()


def test_each_correction_is_dated_on_the_page():
    html = render(
        record(
            modified_at=datetime(2026, 4, 3, 10, 0, tzinfo=UTC),
            correction_note="Aggiornato il dato di marzo.",
            corrections=[
                (datetime(2026, 4, 2, 9, 0, tzinfo=UTC), "Corretto il nome della fonte."),
                (datetime(2026, 4, 3, 10, 0, tzinfo=UTC), "Aggiornato il dato di marzo."),
            ],
        )
    )
    assert 'id="correction-1"' in html and 'id="correction-2"' in html
    assert "Corretto il nome della fonte." in html and "Aggiornato il dato di marzo." in html
    assert 'datetime="2026-04-02T11:00:00+02:00"' in html  # shown in the desk's time zone
    assert "Nessuna correzione finora." not in html
    review = json_ld_of(html)
    assert review["dateModified"] == "2026-04-03T10:00:00Z"
    assert review["datePublished"] == "2026-04-01T08:00:00Z"


def test_a_withdrawn_fact_check_says_so_and_drops_its_claim_review():
    html = render(
        record(
            withdrawn_at=datetime(2026, 4, 5, 12, 0, tzinfo=UTC),
            withdrawn_reason="La fonte ha smentito di aver rilasciato la dichiarazione.",
        )
    )
    assert 'id="withdrawn"' in html
    assert "Questa verifica è stata ritirata" in html
    assert "La fonte ha smentito di aver rilasciato la dichiarazione." in html
    assert "application/ld+json" not in html
    assert '<meta name="robots" content="noindex">' in html


def test_a_live_edit_of_a_published_claim_waits_for_its_record(client, published, editors):
    """The page shows the approved record: a correction shows, and is listed,
    only once a second editor who did not write it approves it."""
    claim_set_verdict(
        claim=published,
        user=published.published_by,
        expected_version=None,
        verdict=Rating.objects.get(slug="mostly-false"),
        reason="Il comune ha spostato la data a maggio.",
    )
    waiting = client.get(f"/fact-checks/{published.public_slug}/").content.decode()
    assert '<strong class="verdict-label">Falso</strong>' in waiting
    assert 'id="correction-1"' not in waiting
    other = next(editor for editor in editors if editor.pk != published.published_by_id)
    publication.claim_approve(claim=published, user=other, expected_version=None)
    html = client.get(f"/fact-checks/{published.public_slug}/").content.decode()
    assert '<strong class="verdict-label">Quasi falso</strong>' in html
    assert 'id="correction-1"' in html and "Il comune ha spostato la data a maggio." in html
    assert public_record(published).corrections[0][1] == "Il comune ha spostato la data a maggio."


def test_public_pages_may_be_cached_a_few_minutes(client, published):
    for path in (
        f"/fact-checks/{published.public_slug}/",
        "/fact-checks/",
        "/fact-checks/feed/rss/",
    ):
        cache = client.get(path)["Cache-Control"]
        assert "public" in cache and "max-age=300" in cache, path
