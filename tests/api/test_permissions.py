"""Who may call what: every endpoint against every role (migration 0004).

Anonymous callers get 401 (with a WWW-Authenticate challenge), people with
no role 403, and each role what its permissions allow."""

import pytest

from claims.models import ExtractionState
from tests.api.factories import ArticleFactory, ClaimFactory, PublishedClaimFactory, SourceFactory

READERS = {"fact-checker", "editor", "admin", "superuser"}
EDITORS = {"editor", "admin", "superuser"}
ADMIN = {"admin", "superuser"}
ROLES = ["anonymous", "no-role", "fact-checker", "editor", "admin", "superuser"]

TEXT = "Il sindaco ha detto che il nuovo ponte sarà aperto entro la fine di giugno."

# name, method, path (formatted with the objects), body, roles allowed, status when allowed
ENDPOINTS = [
    ("api root", "get", "/api/", None, READERS | {"no-role"}, 200),
    ("article list", "get", "/api/articles/", None, READERS, 200),
    ("article detail", "get", "/api/articles/{article}/", None, READERS, 200),
    ("article create", "post", "/api/articles/", {"text": TEXT, "language": "it"}, READERS, 201),
    ("article retry", "post", "/api/articles/{article}/retry/", None, READERS, 200),
    ("claim list", "get", "/api/claims/", None, READERS, 200),
    ("claim detail", "get", "/api/claims/{claim}/", None, READERS, 200),
    (
        "claim patch",
        "patch",
        "/api/claims/{claim}/",
        {"version": 1, "cue_text": "dice"},
        READERS,
        200,
    ),
    ("claim history", "get", "/api/claims/{claim}/history/", None, READERS, 200),
    ("claim approve", "post", "/api/claims/{in_review}/approve/", {}, EDITORS, 200),
    (
        "claim withdraw",
        "post",
        "/api/claims/{published}/withdraw/",
        {"reason": "La fonte ha smentito."},
        EDITORS,
        200,
    ),
    ("comment list", "get", "/api/claims/{claim}/comments/", None, READERS, 200),
    ("comment add", "post", "/api/claims/{claim}/comments/", {"body": "Verificare"}, READERS, 201),
    ("evidence list", "get", "/api/claims/{claim}/evidence/", None, READERS, 200),
    (
        "evidence add",
        "post",
        "/api/claims/{claim}/evidence/",
        {"url": "https://www.istat.it/x", "description": "Istat"},
        READERS,
        201,
    ),
    ("source list", "get", "/api/sources/", None, READERS, 200),
    ("source detail", "get", "/api/sources/{source}/", None, READERS, 200),
    ("rating list", "get", "/api/ratings/", None, READERS, 200),
    ("export csv", "get", "/exports/claims.csv", None, ADMIN, 200),
    ("export json", "get", "/exports/claims.json", None, ADMIN, 200),
    ("export claimreview", "get", "/exports/claimreview.jsonld", None, ADMIN, 200),
    ("export one claimreview", "get", "/exports/claimreview/{published}.jsonld", None, ADMIN, 200),
]


@pytest.fixture
def objects(db, sent_to_queue):
    from claims.models import Rating
    from claims.services.review import claim_set_status, claim_set_verdict
    from tests.api.factories import role_user

    source = SourceFactory()
    author = role_user("fact-checker", "matrix-author")
    in_review = claim_set_verdict(
        claim=ClaimFactory(),
        user=author,
        expected_version=None,
        verdict=Rating.objects.get(slug="false"),
    )
    for status in ("in_progress", "in_review"):
        in_review = claim_set_status(
            claim=in_review, user=author, expected_version=None, status=status
        )
    return {
        "in_review": in_review.pk,
        "article": ArticleFactory(extraction_state=ExtractionState.FAILED).pk,
        "claim": ClaimFactory(source=source).pk,
        "source": source.pk,
        "published": PublishedClaimFactory(source=source).pk,
    }


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "name, method, path, body, allowed, success", ENDPOINTS, ids=[e[0] for e in ENDPOINTS]
)
def test_each_role_gets_what_its_permissions_allow(
    client_as, objects, role, name, method, path, body, allowed, success
):
    client = client_as(role)
    response = getattr(client, method)(path.format(**objects), body, format="json")
    if role == "anonymous":
        expected = 401
    elif role in allowed:
        expected = success
    else:
        expected = 403
    assert response.status_code == expected, (name, role, getattr(response, "content", b"")[:300])
    if expected == 401:
        assert response["WWW-Authenticate"] == "Token"
    if expected >= 400:
        assert response["Content-Type"].startswith("application/json")
        assert response.json()["detail"]


@pytest.mark.django_db
def test_a_token_authenticates_like_a_session(client_as):
    ClaimFactory()
    client = client_as("editor", token=True)
    assert client.get("/api/claims/").status_code == 200
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-key")
    response = client.get("/api/claims/")
    assert response.status_code == 401
    assert response.json()["code"] == "authentication_failed"
