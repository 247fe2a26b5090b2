"""Every screen URL and action × anonymous, no role, fact-checker, editor,
admin, superuser. (The API's endpoints have the same matrix in
tests/api/test_permissions.py.)

Outcomes: `login` (sent to log in), `denied` (403, or back to the claim page
with a refusal), `ok` (shown, or done with a success message). A walk of the
URL resolver makes sure no screen URL is left out of the table."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import constants, get_messages
from django.test import Client
from django.urls import get_resolver, reverse

from claims.ingest import views as ingest_views
from claims.models import (
    Article,
    ClaimStatus,
    ExtractionState,
    Feed,
    ImportJob,
    Rating,
    Source,
    SourceKind,
)
from claims.services import articles as article_services
from claims.services import publication
from claims.services.review import claim_set_status, claim_set_verdict
from tests.factories import ArticleFactory, ClaimFactory, UserFactory
from tests.screens.roles import ensure_rating_scale, ensure_roles
from tests.security.test_every_url_needs_login import walk

ROLES = ["anonymous", "no-role", "fact-checker", "editor", "admin", "superuser"]
EVERYONE = {"fact-checker", "editor", "admin", "superuser"}
EDITORS = {"editor", "admin", "superuser"}

BRIDGE = "il nuovo ponte sul fiume sarà aperto entro la fine di giugno"


@pytest.fixture
def people(db):
    ensure_roles()
    ensure_rating_scale()
    users = {"anonymous": None, "no-role": UserFactory(username="m-norole")}
    for role in ("fact-checker", "editor", "admin"):
        user = UserFactory(username=f"m-{role}")
        user.groups.add(Group.objects.get(name=role))
        users[role] = user
    users["superuser"] = UserFactory(username="m-root", is_superuser=True, is_staff=True)
    return users


@pytest.fixture
def objects(people, monkeypatch):
    monkeypatch.setattr(article_services, "enqueue_extraction", lambda pk: None)
    monkeypatch.setattr(ingest_views, "_enqueue_poll", lambda pk: True)
    author = UserFactory(username="m-author")
    author.groups.add(Group.objects.get(name="fact-checker"))
    approver = UserFactory(username="m-approver")
    approver.groups.add(Group.objects.get(name="editor"))
    false = Rating.objects.get(slug="false")

    def published_with_pending_correction():
        claim = ClaimFactory(content=BRIDGE)
        claim = claim_set_verdict(claim=claim, user=author, expected_version=None, verdict=false)
        for status in ("in_progress", "in_review"):
            claim = claim_set_status(claim=claim, user=author, expected_version=None, status=status)
        claim = publication.claim_approve(claim=claim, user=approver, expected_version=None)
        return claim_set_verdict(
            claim=claim,
            user=author,
            expected_version=None,
            verdict=Rating.objects.get(slug="true"),
            reason="Nuovi dati.",
        )

    article = ArticleFactory(extraction_state=ExtractionState.FAILED)
    return {
        "article": article,
        "claim": ClaimFactory(article=article),
        "corrected": published_with_pending_correction(),
        "published": published_with_pending_correction(),
        "repeat": ClaimFactory(content=BRIDGE + "."),
        "rated": ClaimFactory(content=BRIDGE, verdict=false),
        "feed": Feed.objects.create(url="https://a.example/rss", canonical_url="a.example/rss"),
        "job": ImportJob.objects.create(filename="x.csv", format="csv"),
        "source": Source.objects.create(
            name="Marco Neri", normalized_name="marco neri", kind=SourceKind.PERSON
        ),
        "duplicate": Source.objects.create(
            name="M. Neri", normalized_name="m neri", kind=SourceKind.PERSON
        ),
    }


def _claim(o):
    return {"pk": o["claim"].pk}


# URL name → (kwargs of the objects, [(method, data, who may, expected when allowed)])
# A `data` callable gets the objects. "reachable": any answer but 403, a login
# or a server error (the action's own rules decide the rest).
SCREENS = {
    "claims:home": (None, [("get", None, EVERYONE, "ok")]),
    "claims:article_list": (None, [("get", None, EVERYONE, "ok")]),
    "claims:article_new": (
        None,
        [
            ("get", None, EVERYONE, "ok"),
            ("post", {"text": "Il sindaco ha detto che piove.", "language": "it"}, EVERYONE, "ok"),
        ],
    ),
    "claims:article_detail": (lambda o: {"pk": o["article"].pk}, [("get", None, EVERYONE, "ok")]),
    "claims:article_progress": (
        lambda o: {"pk": o["article"].pk},
        [("get", None, EVERYONE, "ok")],
    ),
    "claims:article_retry": (
        lambda o: {"pk": o["article"].pk},
        [("post", {}, EVERYONE, "ok")],
    ),
    "claims:claim_detail": (_claim, [("get", None, EVERYONE, "ok")]),
    "claims:claim_attribution": (
        _claim,
        [
            ("get", None, EVERYONE, "ok"),
            (
                "post",
                lambda o: {
                    "version": o["claim"].version,
                    "source_text": "Mario Rossi",
                    "cue_text": "",
                    "channel_text": "",
                    "source_kind": "person",
                    "quote_type": "indirect",
                },
                EVERYONE,
                "ok",
            ),
        ],
    ),
    "claims:claim_verdict": (
        _claim,
        [
            (
                "post",
                lambda o: {"version": o["claim"].version, "verdict": "", "rationale": "Nota."},
                EVERYONE,
                "ok",
            )
        ],
    ),
    "claims:claim_status": (
        _claim,
        [("post", lambda o: {"version": 1, "status": "in_progress"}, EVERYONE, "ok")],
    ),
    "claims:claim_approve": (
        lambda o: {"pk": o["corrected"].pk},
        [("post", lambda o: {"version": o["corrected"].version}, EDITORS, "ok")],
    ),
    "claims:claim_discard_correction": (
        lambda o: {"pk": o["corrected"].pk},
        [("post", lambda o: {"version": o["corrected"].version}, EDITORS, "ok")],
    ),
    "claims:claim_withdraw": (
        lambda o: {"pk": o["published"].pk},
        [
            (
                "post",
                lambda o: {"version": o["published"].version, "reason": "Errore di fonte."},
                EDITORS,
                "ok",
            )
        ],
    ),
    "claims:claim_assign": (
        _claim,
        [("post", lambda o: {"version": 1, "assignee": "me"}, EVERYONE, "ok")],
    ),
    "claims:claim_comment": (_claim, [("post", {"body": "Da verificare."}, EVERYONE, "ok")]),
    "claims:claim_evidence": (
        _claim,
        [("post", {"url": "https://www.istat.it/a", "public": "on"}, EVERYONE, "ok")],
    ),
    "claims:queue": (None, [("get", None, EVERYONE, "ok")]),
    # Only a login: an integration's account (no newsroom role) makes its token here.
    "claims:my_tokens": (
        None,
        [
            ("get", None, EVERYONE | {"no-role"}, "ok"),
            ("post", {"name": "cms"}, EVERYONE | {"no-role"}, "ok"),
        ],
    ),
    "claims:queue_decide": (
        None,
        [
            (
                "post",
                lambda o: {
                    "claim": o["claim"].pk,
                    "version": 1,
                    "verdict": Rating.objects.get(slug="true").pk,
                },
                EVERYONE,
                "ok",
            )
        ],
    ),
    "claims:queue_take": (
        None,
        [("post", lambda o: {"claim": o["claim"].pk, "version": 1}, EVERYONE, "ok")],
    ),
    "claims:queue_undo": (None, [("post", {}, EVERYONE, "reachable")]),
    "claims:queue_bulk": (
        None,
        [("post", lambda o: {"claims": [o["claim"].pk], "status": "dismissed"}, EDITORS, "ok")],
    ),
    "claims:queue_review": (
        None,
        [
            (
                "post",
                lambda o: {"claim": o["claim"].pk, "version": 1, "decision": "dismiss"},
                EVERYONE,
                "reachable",
            )
        ],
    ),
    "claims:search": (None, [("get", {"q": "ponte"}, EVERYONE, "ok")]),
    "claims:source_list": (None, [("get", None, EVERYONE, "ok")]),
    "claims:source_suggest": (None, [("get", {"q": "Ner"}, EVERYONE, "ok")]),
    "claims:source_detail": (lambda o: {"pk": o["source"].pk}, [("get", None, EVERYONE, "ok")]),
    "claims:source_edit": (
        lambda o: {"pk": o["source"].pk},
        [("post", {"name": "Marco Neri", "kind": "person"}, EDITORS, "reachable")],
    ),
    "claims:source_merge": (
        lambda o: {"pk": o["source"].pk},
        [("post", lambda o: {"other": o["duplicate"].pk}, EDITORS, "reachable")],
    ),
    "claims:extraction_quality": (None, [("get", None, EDITORS, "ok")]),
    "ingest:index": (None, [("get", None, EVERYONE, "ok")]),
    "ingest:url_submit": (None, [("get", None, EVERYONE, "ok")]),
    "ingest:fetch_state": (lambda o: {"pk": o["article"].pk}, [("get", None, EVERYONE, "ok")]),
    "ingest:fetch_retry": (
        lambda o: {"pk": o["article"].pk},
        [("post", {}, EVERYONE, "reachable")],
    ),
    "ingest:feed_list": (None, [("get", None, EVERYONE, "ok")]),
    "ingest:feed_detail": (lambda o: {"pk": o["feed"].pk}, [("get", None, EVERYONE, "ok")]),
    "ingest:feed_poll": (lambda o: {"pk": o["feed"].pk}, [("post", {}, EVERYONE, "ok")]),
    "ingest:feed_toggle": (lambda o: {"pk": o["feed"].pk}, [("post", {}, EVERYONE, "ok")]),
    "ingest:import_list": (None, [("get", None, EVERYONE, "ok")]),
    "ingest:import_detail": (lambda o: {"pk": o["job"].pk}, [("get", None, EVERYONE, "ok")]),
    "ingest:claim_repeats": (
        lambda o: {"pk": o["repeat"].pk},
        [("get", None, EVERYONE, "ok")],
    ),
    "ingest:claim_apply_verdict": (
        lambda o: {"pk": o["repeat"].pk},
        [
            ("get", None, EVERYONE, "ok"),
            (
                "post",
                lambda o: {
                    "source_claim": o["rated"].pk,
                    "version": o["repeat"].version,
                    "reason": "Stessa frase.",
                },
                EVERYONE,
                "ok",
            ),
        ],
    ),
}
# Pages that need no account, and Django's language switch.
# Readers' public fact-check pages, feeds and sitemap need no account (tests/public/).
OUTSIDE = {
    "claims:set_language",
    "favicon",
    "public:index",
    "public:fact_check",
    "public:feed_rss",
    "public:feed_atom",
    "django.contrib.sitemaps.views.sitemap",
}

CASES = [
    (name, method, data, allowed, expected)
    for name, (_kwargs, actions) in SCREENS.items()
    for method, data, allowed, expected in actions
]


def outcome(response) -> str:
    status = response.status_code
    if status in (301, 302) and "/accounts/login/" in response["Location"]:
        return "login"
    if status == 403:
        return "denied"
    assert status < 500, status
    levels = {m.level for m in get_messages(response.wsgi_request)}
    if constants.ERROR in levels:
        return "denied"
    return "ok"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "name, method, data, allowed, expected",
    CASES,
    ids=[f"{c[0]}-{c[1]}" for c in CASES],
)
def test_each_role_gets_what_its_permissions_allow_on_every_screen(
    people, objects, role, name, method, data, allowed, expected
):
    kwargs_of, _actions = SCREENS[name]
    url = reverse(name, kwargs=kwargs_of(objects) if kwargs_of else None)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    if people[role] is not None:
        client.force_login(people[role])
    body = data(objects) if callable(data) else data
    response = getattr(client, method)(url, body or {})
    got = outcome(response)
    if role == "anonymous":
        assert got == "login", (name, method, response.status_code)
    elif role not in allowed:
        assert got == "denied", (name, method, role, response.status_code)
    elif expected == "reachable":
        assert got != "login" and response.status_code != 403, (name, method, role)
    else:
        assert got == "ok", (name, method, role, response.status_code, response.content[:300])


def test_the_table_covers_every_screen_url():
    names = set()
    for pattern, entry in _named_patterns():
        if pattern.startswith(("admin/", "api/", "exports/", "accounts/", "healthz", "static")):
            continue
        names.add(entry)
    missing = names - set(SCREENS) - OUTSIDE
    assert not missing, f"add these URLs to the permission matrix: {sorted(missing)}"


def _named_patterns():
    from django.urls import URLPattern, URLResolver

    def named(resolver, prefix="", namespace=""):
        for entry in resolver.url_patterns:
            pattern = prefix + str(entry.pattern)
            if isinstance(entry, URLResolver):
                yield from named(entry, pattern, entry.namespace or namespace)
            elif isinstance(entry, URLPattern) and entry.name:
                yield pattern, f"{namespace}:{entry.name}" if namespace else entry.name

    assert list(walk(get_resolver()))
    return named(get_resolver())


def test_no_role_is_refused_with_a_reason_not_a_bare_page(people, objects):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(people["no-role"])
    response = client.get(reverse("claims:claim_detail", args=[objects["claim"].pk]))
    assert response.status_code == 403
    assert "no role" in response.content.decode()
    assert objects["claim"].content not in response.content.decode()


def test_a_get_on_an_action_url_goes_back_to_the_claim_page(people, objects):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(people["editor"])
    claim = objects["claim"]
    for name in (
        "claims:claim_status",
        "claims:claim_verdict",
        "claims:claim_approve",
        "claims:claim_withdraw",
        "claims:claim_evidence",
    ):
        response = client.get(reverse(name, args=[claim.pk]))
        assert response.status_code == 302, name
        assert response["Location"] == reverse("claims:claim_detail", args=[claim.pk]), name
    response = client.get(reverse("ingest:claim_apply_verdict", args=[claim.pk]))
    assert response["Location"] == reverse("claims:claim_detail", args=[claim.pk])


def test_no_role_cannot_dismiss_a_claim(people, objects):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(people["no-role"])
    claim = objects["claim"]
    response = client.post(
        reverse("claims:claim_status", args=[claim.pk]), {"version": 1, "status": "dismissed"}
    )
    assert response.status_code == 403
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.UNVERIFIED
    assert Article.objects.exists()
