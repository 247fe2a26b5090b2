from django.urls import reverse

from claims import services
from claims.models import ClaimEvent, ClaimStatus, QuoteType, SourceKind
from tests.factories import ArticleFactory, ClaimFactory


def _page(claim):
    return reverse("claims:claim_detail", args=[claim.pk])


def _attribution(claim, **changes):
    data = {
        "version": claim.version,
        "source_text": claim.source_text,
        "cue_text": claim.cue_text,
        "channel_text": claim.channel_text,
        "source_kind": claim.source_kind,
        "quote_type": claim.quote_type,
    }
    if claim.hedged:
        data["hedged"] = "on"
    data.update(changes)
    return data


def test_the_claim_page_shows_the_claim_in_its_context(fc_client, ratings):
    article = ArticleFactory(text="Prima. Il sindaco ha detto che il ponte riaprirà a marzo. Dopo.")
    start = article.text.index("il ponte")
    claim = ClaimFactory(
        article=article,
        content="il ponte riaprirà a marzo",
        content_start=start,
        content_end=start + 25,
    )
    html = fc_client.get(_page(claim)).content.decode()
    assert "Prima. Il sindaco ha detto che <mark" in html
    assert "il ponte riaprirà a marzo</mark>. Dopo.</blockquote>" in html
    for label in ("id_source_text", "id_cue_text", "id_channel_text", "id_verdict", "id_rationale"):
        assert f'for="{label}"' in html


def test_a_correction_is_saved_shown_with_its_author_and_in_the_history(
    fc_client, fact_checker, ratings
):
    claim = ClaimFactory()
    response = fc_client.post(
        reverse("claims:claim_attribution", args=[claim.pk]),
        _attribution(
            claim,
            source_text="Mario Rossi",
            source_kind=SourceKind.PERSON,
            quote_type=QuoteType.DIRECT,
            hedged="on",
        ),
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.source_text == "Mario Rossi" and claim.hedged
    assert claim.corrected_by == fact_checker
    html = fc_client.get(_page(claim)).content.decode()
    assert 'id="corrected-by">fc_anna' in html
    assert "Il sindaco di Borgo Nuovo" in html and "Mario Rossi" in html  # from → to
    assert "Attribution corrected: source" in html


def test_a_stale_form_gets_a_conflict_with_the_current_values_and_saves_nothing(
    fc_client, editor, ratings
):
    claim = ClaimFactory()
    seen_version = claim.version
    services.claim_correct_attribution(
        claim=claim, user=editor, expected_version=seen_version, source_text="Giulia Verdi"
    )
    response = fc_client.post(
        reverse("claims:claim_attribution", args=[claim.pk]),
        _attribution(claim, version=seen_version, source_text="Luca Bianchi"),
        follow=True,
    )
    html = response.content.decode()
    assert response.redirect_chain[-1][0].startswith(_page(claim))
    assert "Someone else saved this claim" in html
    assert 'value="Luca Bianchi"' in html  # what was typed is still in the form
    assert '<td class="current-value">Giulia Verdi</td>' in html
    assert '<td class="your-value">Luca Bianchi</td>' in html
    claim.refresh_from_db()
    assert claim.source_text == "Giulia Verdi"
    # The form is now on the current version, showing the current values.
    assert f'name="version" value="{claim.version}"' in html


def test_a_verdict_is_required_before_review(fc_client, ratings):
    claim = ClaimFactory(status=ClaimStatus.IN_PROGRESS)
    response = fc_client.post(
        reverse("claims:claim_status", args=[claim.pk]),
        {"version": claim.version, "status": ClaimStatus.IN_REVIEW},
        follow=True,
    )
    assert response.redirect_chain == [(_page(claim), 302)]
    assert "Set a verdict before sending the claim to review." in response.content.decode()


def test_publishing_needs_an_editor_other_than_the_one_who_set_the_verdict(
    editor_client, second_editor_client, editor, ratings
):
    claim = ClaimFactory(status=ClaimStatus.IN_PROGRESS)
    editor_client.post(
        reverse("claims:claim_verdict", args=[claim.pk]),
        {"version": claim.version, "verdict": ratings[4].pk, "rationale": "Dati Istat."},
    )
    claim.refresh_from_db()
    editor_client.post(
        reverse("claims:claim_status", args=[claim.pk]),
        {"version": claim.version, "status": ClaimStatus.IN_REVIEW},
    )
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.IN_REVIEW
    html = editor_client.get(_page(claim)).content.decode()
    # The button is there, disabled, with the reason beside it.
    assert 'data-status="published" disabled' in html
    assert "you set this verdict yourself" in html
    response = editor_client.post(
        reverse("claims:claim_status", args=[claim.pk]),
        {"version": claim.version, "status": ClaimStatus.PUBLISHED},
        follow=True,
    )
    assert response.redirect_chain == [(_page(claim), 302)]
    assert "Publishing needs a second editor" in response.content.decode()
    response = second_editor_client.post(
        reverse("claims:claim_status", args=[claim.pk]),
        {"version": claim.version, "status": ClaimStatus.PUBLISHED},
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PUBLISHED
    assert claim.published_by.username == "ed_carla"


def test_a_fact_checker_cannot_publish(fc_client, editor, ratings):
    claim = ClaimFactory(status=ClaimStatus.IN_PROGRESS)
    claim = services.claim_set_verdict(
        claim=claim, user=editor, expected_version=claim.version, verdict=ratings[0]
    )
    claim = services.claim_set_status(
        claim=claim, user=editor, expected_version=claim.version, status=ClaimStatus.IN_REVIEW
    )
    html = fc_client.get(_page(claim)).content.decode()
    assert 'data-status="published" disabled' in html
    assert "Only an editor can publish a verdict." in html
    response = fc_client.post(
        reverse("claims:claim_status", args=[claim.pk]),
        {"version": claim.version, "status": ClaimStatus.PUBLISHED},
        follow=True,
    )
    assert response.redirect_chain == [(_page(claim), 302)]
    assert "Only an editor can publish a verdict." in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.IN_REVIEW


def test_a_published_verdict_changes_only_with_a_written_reason(
    editor_client, editor, second_editor, ratings
):
    claim = ClaimFactory(status=ClaimStatus.IN_PROGRESS)
    claim = services.claim_set_verdict(
        claim=claim, user=second_editor, expected_version=None, verdict=ratings[0]
    )
    claim = services.claim_set_status(
        claim=claim, user=second_editor, expected_version=None, status=ClaimStatus.IN_REVIEW
    )
    claim = services.claim_set_status(
        claim=claim, user=editor, expected_version=None, status=ClaimStatus.PUBLISHED
    )
    url = reverse("claims:claim_verdict", args=[claim.pk])
    response = editor_client.post(
        url, {"version": claim.version, "verdict": ratings[2].pk}, follow=True
    )
    assert response.redirect_chain[-1][0].startswith(_page(claim))
    assert "needs a written reason" in response.content.decode()
    response = editor_client.post(
        url, {"version": claim.version, "verdict": ratings[2].pk, "reason": "Nuovi dati."}
    )
    assert response.status_code == 302
    event = ClaimEvent.objects.get(action="correction", field="verdict")
    assert event.reason == "Nuovi dati."


def test_evidence_comments_replies_and_assignment_are_kept_and_listed(
    fc_client, editor_client, fact_checker, ratings
):
    claim = ClaimFactory()
    fc_client.post(
        reverse("claims:claim_evidence", args=[claim.pk]),
        {"url": "https://www.istat.it/dati", "description": "Dati Istat 2025"},
    )
    fc_client.post(reverse("claims:claim_comment", args=[claim.pk]), {"body": "Controllo i dati."})
    comment = claim.comments.get()
    editor_client.post(
        reverse("claims:claim_comment", args=[claim.pk]), {"body": "Grazie!", "parent": comment.pk}
    )
    editor_client.post(
        reverse("claims:claim_assign", args=[claim.pk]),
        {"version": claim.version, "assignee": fact_checker.pk},
    )
    html = fc_client.get(_page(claim), {"reply": comment.pk}).content.decode()
    assert f'name="parent" value="{comment.pk}"' in html and "Replying to fc_anna" in html
    html = fc_client.get(_page(claim)).content.decode()
    assert 'href="https://www.istat.it/dati"' in html and "Dati Istat 2025" in html
    assert "Controllo i dati." in html
    assert 'class="comment reply"' in html and "Grazie!" in html
    assert 'id="claim-assignee">fc_anna' in html


def test_a_fact_checker_may_take_a_claim_but_not_give_it_to_others(fc_client, editor, ratings):
    claim = ClaimFactory()
    response = fc_client.post(
        reverse("claims:claim_assign", args=[claim.pk]),
        {"version": claim.version, "assignee": "me"},
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.assignee.username == "fc_anna"
    html = fc_client.get(_page(claim)).content.decode()
    assert 'name="assignee" id="id_assignee"' not in html  # no picker for a fact-checker


def test_the_claim_page_query_count_does_not_grow_with_history(
    fc_client, editor, ratings, django_assert_max_num_queries
):
    claim = ClaimFactory()
    for n in range(15):
        claim = services.claim_correct_attribution(
            claim=claim, user=editor, expected_version=None, cue_text=f"ha detto {n}"
        )
        services.claim_add_comment(claim=claim, user=editor, body=f"nota {n}")
    with django_assert_max_num_queries(14):
        fc_client.get(_page(claim))


def test_a_correction_made_on_the_page_survives_re_extraction(fc_client, ratings):
    from claims.extraction.records import ClaimRecord, Span
    from claims.services import article_apply_extraction

    text = "Il sindaco ha detto che il ponte riaprirà a marzo."
    article = ArticleFactory(text=text)

    def span(fragment):
        start = text.index(fragment)
        return Span(fragment, start, start + len(fragment))

    records = [
        ClaimRecord(
            content=span("il ponte riaprirà a marzo"),
            source=span("Il sindaco"),
            cue=span("ha detto"),
            channel=None,
            source_kind="role",
            quote="indirect",
            hedged=False,
            source_name=None,
        )
    ]
    article_apply_extraction(article_id=article.pk, records=records, extractor_version="t1")
    claim = article.claims.get()
    fc_client.post(
        reverse("claims:claim_attribution", args=[claim.pk]),
        _attribution(claim, source_text="Mario Rossi", source_kind=SourceKind.PERSON),
    )
    article_apply_extraction(article_id=article.pk, records=records, extractor_version="t2")
    html = fc_client.get(_page(article.claims.get())).content.decode()
    assert 'id="id_source_text" value="Mario Rossi"' in html or 'value="Mario Rossi"' in html
    assert 'id="corrected-by">fc_anna' in html


def _add_history(claim, editor, count):
    """`count` changes with a reason each, "modifica 0" the oldest."""
    ClaimEvent.objects.bulk_create(
        ClaimEvent(
            claim=claim,
            actor=editor,
            action="set_status",
            field="status",
            old_value="new",
            new_value="in_review",
            reason=f"modifica {n}",
        )
        for n in range(count)
    )


def test_a_long_history_shows_the_latest_changes_and_the_rest_one_click_away(
    fc_client, editor, ratings, django_assert_max_num_queries
):
    from claims.selectors import HISTORY_SHOWN

    claim = ClaimFactory()
    _add_history(claim, editor, HISTORY_SHOWN + 10)
    newest = f"modifica {HISTORY_SHOWN + 9}"
    oldest = "modifica 0<"

    with django_assert_max_num_queries(14):
        html = fc_client.get(_page(claim), {"next": "/queue/?status=new"}).content.decode()
    assert newest in html and oldest not in html
    assert f"The latest {HISTORY_SHOWN} changes are shown." in html
    # The queue link survives the click, so the way back is not lost.
    assert 'href="?history=all&amp;next=/queue/%3Fstatus%3Dnew#history"' in html

    with django_assert_max_num_queries(14):
        whole = fc_client.get(_page(claim), {"history": "all"}).content.decode()
    assert newest in whole and oldest in whole
    assert "Show the whole history" not in whole


def test_a_short_history_is_shown_whole_without_a_link(fc_client, editor, ratings):
    claim = ClaimFactory()
    _add_history(claim, editor, 3)
    html = fc_client.get(_page(claim)).content.decode()
    assert "modifica 0<" in html and "modifica 2<" in html
    assert "Show the whole history" not in html
