"""A correction and a withdrawal, end to end in a real browser: one editor
proposes, the public record waits, a second editor approves; then the
fact-check is withdrawn with a public reason."""

import json

import pytest
from playwright.sync_api import expect

from claims import exports, services
from claims.models import Claim, ClaimStatus, Rating
from claims.public_record import public_record
from claims.services import publication
from tests.browser.conftest import log_in
from tests.browser.test_editor_screens import _article_with_claims
from tests.screens.roles import PASSWORD, ensure_rating_scale, make_user

pytestmark = pytest.mark.browser


def _public_claim_review(claim) -> str:
    claim = Claim.objects.select_related("article", "source").get(pk=claim.pk)
    record = public_record(claim)
    review = exports.claim_review(claim, record=record)
    return json.dumps(review, sort_keys=True)


def _published_by_two(author, approver):
    _, claims = _article_with_claims(1)
    claim = services.claim_set_verdict(
        claim=claims[0],
        user=author,
        expected_version=None,
        verdict=Rating.objects.get(slug="false"),
        rationale="I lavori non sono nemmeno iniziati.",
    )
    for status in ("in_progress", "in_review"):
        claim = services.claim_set_status(
            claim=claim, user=author, expected_version=None, status=status
        )
    return publication.claim_approve(claim=claim, user=approver, expected_version=None)


def test_a_correction_waits_for_a_second_editor_then_the_fact_check_is_withdrawn(
    new_page, screenshot
):
    ensure_rating_scale()
    anna = make_user("fc_anna", "fact-checker")
    make_user("ed_bruno", "editor")
    carla = make_user("ed_carla", "editor")
    claim = _published_by_two(anna, carla)
    before = _public_claim_review(claim)

    bruno = new_page()
    log_in(bruno, "ed_bruno", PASSWORD)
    bruno.goto(f"/claims/{claim.pk}/")
    expect(bruno.locator("#public-verdict")).to_have_text("False")
    bruno.locator("#id_verdict").select_option(label="Mostly true")
    bruno.locator("#id_rationale").fill("Il cantiere è partito a maggio: il ponte apre a luglio.")
    bruno.locator("#verdict-form #id_reason").fill("Il Comune ha pubblicato il cronoprogramma.")
    bruno.get_by_role("button", name="Propose a correction").first.click()
    expect(bruno.locator(".messages")).to_contain_text("Correction saved")
    # Readers still see the approved version; bruno cannot approve his own words.
    expect(bruno.locator("#public-verdict")).to_have_text("False")
    expect(bruno.locator("#pending-authors")).to_contain_text("ed_bruno")
    expect(bruno.locator("#approve-correction")).to_be_disabled()
    expect(bruno.locator("#why-approve")).to_contain_text("you set this verdict yourself")
    assert _public_claim_review(claim) == before
    screenshot(bruno, "correction-waiting")

    carla_page = new_page()
    log_in(carla_page, "ed_carla", PASSWORD)
    carla_page.goto(f"/claims/{claim.pk}/")
    expect(carla_page.locator("#approve-correction")).to_be_enabled()
    carla_page.locator("#approve-correction").click()
    expect(carla_page.locator(".messages")).to_contain_text("Approved")
    expect(carla_page.locator("#public-verdict")).to_have_text("Mostly true")
    expect(carla_page.locator("#public-correction")).to_contain_text("cronoprogramma")
    after = json.loads(_public_claim_review(claim))
    assert after["reviewRating"]["alternateName"] == "Quasi vero"  # the article is Italian
    assert after["dateModified"] and "cronoprogramma" in after["correction"][0]["text"]
    expect(carla_page.locator("#history tbody")).to_contain_text("cronoprogramma")

    # The withdrawal: the reason is required, readers see it.
    carla_page.locator("#withdraw-form textarea").fill(
        "Il sindaco ha smentito di aver fatto la dichiarazione."
    )
    carla_page.locator("#withdraw").click()
    expect(carla_page.locator(".messages")).to_contain_text("Withdrawn")
    expect(carla_page.locator("#claim-state")).to_have_text("Withdrawn")
    expect(carla_page.locator("#public-withdrawn")).to_contain_text("ha smentito")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.WITHDRAWN
    withdrawn = json.loads(_public_claim_review(claim))
    assert withdrawn["creativeWorkStatus"] == "Withdrawn" and "reviewRating" not in withdrawn
    screenshot(carla_page, "fact-check-withdrawn")

    # Reworked and sent back to review by bruno, it is published again by carla.
    bruno.goto(f"/claims/{claim.pk}/")
    bruno.get_by_role("button", name="Start working on it").click()
    expect(bruno.locator("#claim-state")).to_have_text("In progress")
    bruno.get_by_role("button", name="Send to review").click()
    expect(bruno.locator("#claim-state")).to_have_text("In review")
    carla_page.goto(f"/claims/{claim.pk}/")
    carla_page.get_by_role("button", name="Approve and publish").click()
    expect(carla_page.locator("#claim-state")).to_have_text("Published")
    assert public_record(claim).withdrawn_at is None


def test_saving_one_panel_keeps_what_was_typed_in_another(new_page):
    ensure_rating_scale()
    make_user("ed_bruno", "editor")
    _, claims = _article_with_claims(1)
    claim = claims[0]
    page = new_page()
    log_in(page, "ed_bruno", PASSWORD)
    page.goto(f"/claims/{claim.pk}/")
    page.locator("#id_rationale").fill("Appunti non ancora salvati.")
    page.locator("#id_cue_text").fill("ha annunciato")
    page.get_by_role("button", name="Save attribution").click()
    expect(page.locator(".messages")).to_contain_text("Attribution corrected.")
    expect(page.locator("#id_rationale")).to_have_value("Appunti non ancora salvati.")
    claim.refresh_from_db()
    assert claim.cue_text == "ha annunciato" and claim.rationale == ""
    page.get_by_role("button", name="Save verdict").click()
    expect(page.locator(".messages")).to_contain_text("Verdict saved.")
    claim.refresh_from_db()
    assert claim.rationale == "Appunti non ancora salvati." and claim.cue_text == "ha annunciato"
