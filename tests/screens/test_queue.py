import pytest
from django.urls import reverse

from claims import services
from claims.models import ClaimEvent, ClaimStatus, SourceKind
from tests.factories import ArticleFactory, ClaimFactory

QUEUE = reverse("claims:queue")


def test_the_queue_lists_open_claims_oldest_first_with_counts(fc_client, ratings):
    first = ClaimFactory(content="prima affermazione")
    ClaimFactory(content="seconda affermazione", status=ClaimStatus.IN_PROGRESS)
    ClaimFactory(content="già pubblicata", status=ClaimStatus.PUBLISHED)
    response = fc_client.get(QUEUE)
    html = response.content.decode()
    assert response.status_code == 200
    assert "prima affermazione" in html and "seconda affermazione" in html
    assert "già pubblicata" not in html
    assert "2 claims in this queue" in html
    assert "2 without a verdict" in html
    assert f'data-claim="{first.pk}" data-version="{first.version}"' in html  # first is current


def test_the_queue_filters(fc_client, fact_checker, ratings):
    english = ArticleFactory(language="en")
    ClaimFactory(content="claim in english", article=english)
    ClaimFactory(content="anonima", source_kind=SourceKind.ANONYMOUS, hedged=True)
    mine = ClaimFactory(content="la mia", assignee=fact_checker)
    verdicted = ClaimFactory(content="con verdetto", verdict=ratings[1])

    def listed(**params):
        return fc_client.get(QUEUE, params).content.decode()

    assert "claim in english" in listed(language="en")
    assert "anonima" not in listed(language="en")
    assert "anonima" in listed(source_kind="anonymous")
    assert "la mia" not in listed(source_kind="anonymous")
    assert "anonima" in listed(hedged="yes") and "la mia" not in listed(hedged="yes")
    assert "la mia" in listed(mine="on") and "anonima" not in listed(mine="on")
    assert "con verdetto" in listed(verdict=ratings[1].slug)
    assert "con verdetto" not in listed(verdict="none")
    assert "claim in english" in listed(article=english.pk)
    assert "la mia" not in listed(article=english.pk)
    assert mine.pk and verdicted.pk


def test_a_decision_saves_the_verdict_sends_to_review_and_moves_to_the_next_claim(
    fc_client, ratings
):
    first, second = ClaimFactory(), ClaimFactory()
    response = fc_client.post(
        reverse("claims:queue_decide"),
        {
            "claim": first.pk,
            "version": first.version,
            "verdict": ratings[4].pk,
            "rationale": "I dati dicono altro.",
            "to_review": "on",
            "filters": "language=it",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"{QUEUE}?language=it&claim={second.pk}"
    first.refresh_from_db()
    assert first.verdict == ratings[4]
    assert first.status == ClaimStatus.IN_REVIEW
    assert first.rationale == "I dati dicono altro."


def test_undo_takes_back_the_last_decision(fc_client, ratings):
    claim = ClaimFactory()
    fc_client.post(
        reverse("claims:queue_decide"),
        {"claim": claim.pk, "version": claim.version, "verdict": ratings[0].pk, "to_review": "on"},
    )
    response = fc_client.post(reverse("claims:queue_undo"), {"filters": ""})
    assert response.status_code == 302
    assert response["Location"] == f"{QUEUE}?claim={claim.pk}"
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.UNVERIFIED
    assert claim.verdict is None
    # Undoing is itself in the history, not an erasure of it.
    assert ClaimEvent.objects.filter(claim=claim, reason="Undo").exists()


def test_undo_refuses_when_someone_saved_the_claim_since(fc_client, editor, ratings):
    claim = ClaimFactory()
    fc_client.post(
        reverse("claims:queue_decide"),
        {"claim": claim.pk, "version": claim.version, "verdict": ratings[0].pk},
    )
    services.claim_correct_attribution(
        claim=claim, user=editor, expected_version=None, cue_text="secondo"
    )
    response = fc_client.post(reverse("claims:queue_undo"), {"filters": ""}, follow=True)
    assert "it was not undone" in response.content.decode()
    claim.refresh_from_db()
    assert claim.verdict == ratings[0]


def test_a_stale_decision_is_refused_with_the_current_values_shown(fc_client, editor, ratings):
    claim = ClaimFactory()
    seen = claim.version
    services.claim_set_verdict(claim=claim, user=editor, expected_version=None, verdict=ratings[2])
    response = fc_client.post(
        reverse("claims:queue_decide"),
        {"claim": claim.pk, "version": seen, "verdict": ratings[0].pk},
        follow=True,
    )
    html = response.content.decode()
    assert "Someone else saved this claim" in html
    claim.refresh_from_db()
    assert claim.verdict == ratings[2]
    assert f'data-version="{claim.version}"' in html


def test_assign_to_me_from_the_queue(fc_client, fact_checker, ratings):
    claim = ClaimFactory()
    fc_client.post(
        reverse("claims:queue_take"), {"claim": claim.pk, "version": claim.version, "filters": ""}
    )
    claim.refresh_from_db()
    assert claim.assignee == fact_checker


def test_editors_change_state_and_assignee_in_bulk(editor_client, fact_checker, ratings):
    claims = ClaimFactory.create_batch(3)
    response = editor_client.post(
        reverse("claims:queue_bulk"),
        {
            "claims": [claims[0].pk, claims[1].pk],
            "status": ClaimStatus.IN_PROGRESS,
            "assignee": str(fact_checker.pk),
            "filters": "",
        },
        follow=True,
    )
    assert "2 claims changed." in response.content.decode()
    for claim in claims:
        claim.refresh_from_db()
    assert [c.status for c in claims] == ["in_progress", "in_progress", "unverified"]
    assert claims[0].assignee == fact_checker and claims[2].assignee is None


def test_a_fact_checker_is_refused_bulk_changes(fc_client, ratings):
    claim = ClaimFactory()
    html = fc_client.get(QUEUE).content.decode()
    assert 'id="bulk-form"' not in html
    response = fc_client.post(
        reverse("claims:queue_bulk"),
        {"claims": [claim.pk], "status": ClaimStatus.DISMISSED, "filters": ""},
        follow=True,
    )
    # Back in the queue with the reason, not on an error page.
    assert response.redirect_chain[-1][0].startswith(QUEUE)
    assert "Only an editor can change claims in bulk." in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.UNVERIFIED


def test_the_queue_shows_its_keyboard_help(fc_client, ratings):
    html = fc_client.get(QUEUE).content.decode()
    assert '<dialog id="shortcuts"' in html
    for key in ("j", "k", "a", "e", "s", "u", "Enter", "?"):
        assert f"<kbd>{key}</kbd>" in html


def test_the_queue_query_count_does_not_grow_with_rows(
    editor_client, ratings, django_assert_max_num_queries
):
    for _ in range(10):
        ClaimFactory.create_batch(10, article=ArticleFactory())
    with django_assert_max_num_queries(14):
        editor_client.get(QUEUE)
    with django_assert_max_num_queries(14):
        editor_client.get(QUEUE, {"status": "", "language": "it", "page": 3})


def test_the_queue_pages_by_keyset_and_opens_any_claim_deep_in_it(fc_client, ratings):
    claims = ClaimFactory.create_batch(60)
    html = fc_client.get(QUEUE).content.decode()
    assert html.count("data-queue-row") == 25
    assert f"start={claims[25].pk}" in html  # the next page begins after the 25th
    deep = claims[40]
    html = fc_client.get(QUEUE, {"claim": deep.pk}).content.decode()
    assert f'data-claim="{deep.pk}" data-version' in html
    assert f'data-claim="{deep.pk}" class="current"' in html
    # It is shown below a few of its predecessors, for context.
    assert f'data-claim="{claims[37].pk}" class=""' in html
    assert f'data-claim="{claims[36].pk}" class=""' not in html
    # j and k lead to the neighbours.
    assert f"claim={claims[41].pk}" in html and f"claim={claims[39].pk}" in html
    html = fc_client.get(QUEUE, {"start": claims[50].pk}).content.decode()
    assert html.count("data-queue-row") == 10
    assert f"before={claims[50].pk}" in html  # the previous page
    html = fc_client.get(QUEUE, {"before": claims[50].pk}).content.decode()
    assert html.count("data-queue-row") == 25
    assert f'data-claim="{claims[25].pk}" class="current"' in html
    assert f'data-claim="{claims[49].pk}" class=""' in html


def test_k_on_the_first_row_goes_to_the_previous_page(fc_client, ratings):
    claims = ClaimFactory.create_batch(30)
    html = fc_client.get(QUEUE, {"start": claims[26].pk}).content.decode()
    assert f"before={claims[26].pk}&amp;claim={claims[25].pk}" in html


def test_the_queue_answers_htmx_filtering_with_its_workspace_only(fc_client, ratings):
    ClaimFactory(content="solo questa", hedged=True)
    ClaimFactory(content="non questa")
    response = fc_client.get(QUEUE, {"hedged": "yes"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html and 'id="queue-counts"' in html
    assert "solo questa" in html and "non questa" not in html


def test_queue_rows_show_state_verdict_and_source_in_the_readers_language(editor, ratings):
    from tests.screens.conftest import _client_for

    claim = ClaimFactory(
        content="Il <b>ponte</b> costerà " + "molto " * 30,
        source_text="<script>alert(1)</script> Sindaco",
        hedged=True,
        status=ClaimStatus.IN_PROGRESS,
        verdict=ratings[1],
    )
    for language, state, hedged in (
        ("en", "In progress", "Hedged"),
        ("it", "In lavorazione", "Condizionale"),
    ):
        html = _client_for(editor, language).get(QUEUE, {"status": "open"}).content.decode()
        row = html[html.index(f'<tr id="queue-row-{claim.pk}" data-queue-row') :]
        row = row[: row.index("</tr>")]
        assert "&lt;script&gt;" in row and "<script>" not in row
        assert "Il &lt;b&gt;ponte&lt;/b&gt;" in row and "…" in row  # escaped and cut
        assert f'name="claims" value="{claim.pk}"' in row  # editors may tick rows
        assert f">{state}</span>" in row
        assert hedged in row
        assert ratings[1].label_for(language) in row


# --- The queue at speed (htmx) and an editor's decisions ------------------------

PANEL = {"HX-Request": "true", "HX-Target": "current-claim"}


def test_moving_within_the_page_answers_the_claim_panel_alone(fc_client, ratings):
    first, second = ClaimFactory(content="prima"), ClaimFactory(content="seconda")
    response = fc_client.get(QUEUE, {"start": first.pk, "claim": second.pk}, headers=PANEL)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="current-claim"' in html and f'data-claim="{second.pk}"' in html
    assert "<table" not in html and "<html" not in html  # the list stays as it is
    assert 'id="queue-counts" hx-swap-oob="true"' in html
    assert "HX-Retarget" not in response.headers


def test_moving_off_the_page_answers_the_whole_workspace(fc_client, ratings):
    claims = [ClaimFactory() for _ in range(30)]
    # The browser shows the page starting at the first claim; the last is not on it.
    response = fc_client.get(QUEUE, {"start": claims[0].pk, "claim": claims[-1].pk}, headers=PANEL)
    assert response.headers["HX-Retarget"] == "#queue-workspace"
    assert "<table" in response.content.decode()


def test_save_and_next_in_place_updates_the_saved_row_and_moves_on(fc_client, ratings):
    first, second = ClaimFactory(), ClaimFactory()
    response = fc_client.post(
        reverse("claims:queue_decide"),
        {
            "claim": first.pk,
            "version": first.version,
            "verdict": ratings[0].pk,
            "to_review": "on",
            "filters": "status=open",
            "start": first.pk,
        },
        headers=PANEL,
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert f'data-claim="{second.pk}" data-version' in html  # the next claim's panel
    assert f'<tr id="queue-row-{first.pk}"' in html and 'hx-swap-oob="true"' in html
    saved_row = html[html.index(f'<tr id="queue-row-{first.pk}"') :]
    assert "In review" in saved_row[: saved_row.index("</tr>")]
    assert "Saved:" in html  # the message comes with the panel
    assert response.headers["HX-Push-Url"].endswith(f"claim={second.pk}")


def in_review(ratings, verdict_by):
    claim = ClaimFactory(
        status=ClaimStatus.IN_REVIEW, verdict=ratings[0], verdict_set_by=verdict_by
    )
    return claim


def test_an_editor_publishes_from_the_queue(editor_client, fact_checker, ratings):
    claim = in_review(ratings, fact_checker)
    html = editor_client.get(QUEUE, {"status": "in_review"}).content.decode()
    assert 'data-decision="p"' in html and 'id="why-publish"' not in html
    response = editor_client.post(
        reverse("claims:queue_review"),
        {"claim": claim.pk, "version": claim.version, "decision": "publish", "filters": ""},
        follow=True,
    )
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PUBLISHED
    assert "now “Published”" in response.content.decode()


def test_publishing_your_own_verdict_is_disabled_with_the_reason(editor_client, editor, ratings):
    claim = in_review(ratings, editor)
    html = editor_client.get(QUEUE, {"status": "in_review"}).content.decode()
    button = html[html.index('value="publish"') - 60 : html.index('id="why-publish"') + 100]
    assert "disabled" in button and "You set this verdict" in button
    # Posted anyway (an old page): back to the queue with the service's reason.
    response = editor_client.post(
        reverse("claims:queue_review"),
        {"claim": claim.pk, "version": claim.version, "decision": "publish", "filters": ""},
        follow=True,
    )
    assert response.status_code == 200
    assert "you set this verdict yourself" in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.IN_REVIEW


def test_sending_back_needs_a_note_and_keeps_it_in_the_history(
    editor_client, fact_checker, ratings
):
    claim = in_review(ratings, fact_checker)
    url = reverse("claims:queue_review")
    data = {"claim": claim.pk, "version": claim.version, "decision": "send_back", "filters": ""}
    response = editor_client.post(url, data, follow=True)
    assert "Write a note" in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.IN_REVIEW
    editor_client.post(url, {**data, "note": "Manca la fonte del dato Istat."})
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.IN_PROGRESS
    event = ClaimEvent.objects.filter(claim=claim, field="status").latest("id")
    assert event.reason == "Manca la fonte del dato Istat."


def test_anyone_reviewing_dismisses_but_only_editors_publish(fc_client, ratings):
    claim = ClaimFactory()
    html = fc_client.get(QUEUE).content.decode()
    assert 'data-decision="d"' in html
    assert 'data-decision="p"' not in html and 'data-decision="b"' not in html
    fc_client.post(
        reverse("claims:queue_review"),
        {"claim": claim.pk, "version": claim.version, "decision": "dismiss", "filters": ""},
    )
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.DISMISSED


def test_a_refused_decision_in_place_shows_the_reason_in_the_panel(fc_client, ratings):
    claim = ClaimFactory(status=ClaimStatus.PUBLISHED, verdict=ratings[0])
    response = fc_client.post(
        reverse("claims:queue_review"),
        {"claim": claim.pk, "version": claim.version, "decision": "dismiss", "filters": ""},
        headers=PANEL,
    )
    assert response.status_code == 200
    assert "cannot go from" in response.content.decode()


@pytest.mark.parametrize("name", ["queue_decide", "queue_review", "queue_take", "queue_undo"])
def test_a_queue_action_opened_by_get_goes_back_to_the_queue(fc_client, ratings, name):
    response = fc_client.get(reverse(f"claims:{name}"), follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].startswith(QUEUE)
    assert "here is the queue" in response.content.decode()


def test_the_last_decision_answers_the_workspace_with_its_message_once(fc_client, ratings):
    claim = ClaimFactory()
    response = fc_client.post(
        reverse("claims:queue_review"),
        {"claim": claim.pk, "version": claim.version, "decision": "dismiss", "filters": ""},
        headers=PANEL,
    )
    html = response.content.decode()
    assert response.headers["HX-Retarget"] == "#queue-workspace"  # it left the open queue
    assert html.count("That was the last claim of this queue.") == 1
    assert 'id="review-form"' not in html  # closed: decided on its own page from now on
