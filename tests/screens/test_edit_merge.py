"""Two people editing one claim: different fields merge; the same field is a
conflict that shows both values and keeps what the second person typed."""

import re

from django.urls import reverse

from claims.models import Claim, ClaimEvent
from claims.services.review import field_text
from tests.factories import ClaimFactory

ATTRIBUTION = ("source_text", "cue_text", "channel_text", "source_kind", "quote_type", "hedged")


def page_of(claim):
    return reverse("claims:claim_detail", args=[claim.pk])


def attribution_form(claim, **typed):
    """The attribution form as the page rendered it for `claim`, with `typed` changes."""
    data = {"version": claim.version}
    for name in ATTRIBUTION:
        data[f"base_{name}"] = field_text(getattr(claim, name))
        value = getattr(claim, name)
        if name == "hedged":
            if value:
                data[name] = "on"
        else:
            data[name] = value
    data.update(typed)
    return data


def verdict_form(claim, **typed):
    data = {
        "version": claim.version,
        "verdict": claim.verdict_id or "",
        "rationale": claim.rationale,
        "base_verdict": field_text(claim.verdict_id),
        "base_rationale": claim.rationale,
    }
    data.update(typed)
    return data


def test_edits_to_different_fields_of_one_panel_merge(fc_client, editor_client, ratings):
    claim = ClaimFactory(cue_text="ha detto")
    seen = Claim.objects.get(pk=claim.pk)  # both load the page now
    url = reverse("claims:claim_attribution", args=[claim.pk])
    first = fc_client.post(url, attribution_form(seen, source_text="Giulia Verdi"))
    second = editor_client.post(url, attribution_form(seen, cue_text="ha dichiarato"))
    assert first.status_code == second.status_code == 302
    claim.refresh_from_db()
    assert (claim.source_text, claim.cue_text) == ("Giulia Verdi", "ha dichiarato")


def test_saving_one_panel_keeps_what_another_person_saved_in_another(
    fc_client, editor_client, ratings
):
    claim = ClaimFactory()
    seen = Claim.objects.get(pk=claim.pk)
    fc_client.post(
        reverse("claims:claim_verdict", args=[claim.pk]),
        verdict_form(seen, verdict=ratings[1].pk, rationale="Dati Istat."),
    )
    response = editor_client.post(
        reverse("claims:claim_attribution", args=[claim.pk]),
        attribution_form(seen, channel_text="come riporta l'Ansa"),
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.verdict == ratings[1] and claim.rationale == "Dati Istat."
    assert claim.channel_text == "come riporta l'Ansa"


def test_the_same_field_changed_by_two_people_shows_both_and_keeps_the_typing(
    fc_client, editor_client, ratings
):
    claim = ClaimFactory()
    seen = Claim.objects.get(pk=claim.pk)
    url = reverse("claims:claim_attribution", args=[claim.pk])
    fc_client.post(url, attribution_form(seen, source_text="Giulia Verdi"))
    response = editor_client.post(
        url, attribution_form(seen, source_text="Luca Bianchi", cue_text="ha scritto"), follow=True
    )
    html = response.content.decode()
    assert response.redirect_chain[-1][0].startswith(page_of(claim))
    assert '<td class="current-value">Giulia Verdi</td>' in html
    assert '<td class="your-value">Luca Bianchi</td>' in html
    assert "Cue" not in re.sub(
        r"<td.*?</td>", "", html.split('id="conflict"')[1].split("</table>")[0]
    )
    # What the editor typed is in the form, ready to save on the current values.
    assert 'name="source_text" value="Luca Bianchi"' in html
    assert 'name="cue_text" value="ha scritto"' in html
    assert 'name="base_source_text" value="Giulia Verdi"' in html
    claim.refresh_from_db()
    assert (claim.source_text, claim.cue_text) != ("Luca Bianchi", "ha scritto")  # nothing saved

    # Having seen both, the editor saves again: theirs wins, knowingly.
    current = Claim.objects.get(pk=claim.pk)
    again = editor_client.post(
        url, attribution_form(current, source_text="Luca Bianchi", cue_text="ha scritto")
    )
    assert again.status_code == 302
    claim.refresh_from_db()
    assert (claim.source_text, claim.cue_text) == ("Luca Bianchi", "ha scritto")


def test_a_refused_verdict_keeps_the_rationale_that_was_typed(editor_client, ratings):
    from claims.services.publication import claim_approve
    from claims.services.review import claim_set_status, claim_set_verdict
    from tests.screens.roles import make_user

    author = make_user("fc_merge", "fact-checker")
    approver = make_user("ed_merge", "editor")
    claim = claim_set_verdict(
        claim=ClaimFactory(), user=author, expected_version=None, verdict=ratings[0]
    )
    for status in ("in_progress", "in_review"):
        claim = claim_set_status(claim=claim, user=author, expected_version=None, status=status)
    claim = claim_approve(claim=claim, user=approver, expected_version=None)
    response = editor_client.post(
        reverse("claims:claim_verdict", args=[claim.pk]),
        verdict_form(claim, rationale="Una spiegazione lunga e scritta con cura."),
        follow=True,
    )
    html = response.content.decode()
    assert "needs a written reason" in html
    assert "Una spiegazione lunga e scritta con cura." in html
    assert not ClaimEvent.objects.filter(claim=claim, field="rationale").exists()


def test_line_breaks_sent_differently_by_the_browser_are_not_a_change(
    fc_client, editor_client, ratings
):
    claim = ClaimFactory(rationale="Prima riga.\r\nSeconda riga.")
    seen = Claim.objects.get(pk=claim.pk)
    fc_client.post(
        reverse("claims:claim_verdict", args=[claim.pk]),
        verdict_form(seen, rationale="Riscritta da Anna."),
    )
    # The editor changes only the verdict. Their textarea sends the old
    # rationale with CRLF, the hidden base (an attribute) with LF: that is not
    # a change of theirs, so Anna's rationale stays and nothing conflicts.
    data = verdict_form(seen, verdict=ratings[2].pk)
    data["base_rationale"] = "Prima riga.\nSeconda riga."
    response = editor_client.post(reverse("claims:claim_verdict", args=[claim.pk]), data)
    assert response.status_code == 302 and "conflict" not in response["Location"]
    claim.refresh_from_db()
    assert claim.verdict == ratings[2] and claim.rationale == "Riscritta da Anna."
