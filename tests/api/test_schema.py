"""The OpenAPI schema is valid OpenAPI 3 and the docs work with no internet access."""

import re

import pytest
import yaml
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema

pytestmark = pytest.mark.django_db


def test_the_generated_schema_is_valid_openapi_3():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    validate_schema(schema)  # raises on any violation of the OpenAPI 3 JSON schema
    paths = schema["paths"]
    for path in (
        "/api/articles/",
        "/api/articles/{id}/retry/",
        "/api/claims/",
        "/api/claims/{id}/",
        "/api/claims/{id}/comments/",
        "/api/claims/{id}/evidence/",
        "/api/sources/{id}/",
        "/exports/claims.csv",
        "/exports/claimreview/{id}.jsonld",
    ):
        assert path in paths
    patch = paths["/api/claims/{id}/"]["patch"]
    assert {"409", "428", "400", "403"} <= set(patch["responses"])
    claim_filters = {p["name"] for p in paths["/api/claims/"]["get"]["parameters"]}
    assert {"status", "verdict", "language", "source", "source_kind", "hedged", "article",
            "created_after", "search", "page"} <= claim_filters  # fmt: skip


def test_the_schema_is_served_to_anyone(client):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.")
    validate_schema(schema)


def test_the_interactive_docs_load_nothing_from_the_internet(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    external = [
        url
        for url in re.findall(r"""(?:src|href)=["']([^"']+)""", html)
        if url.startswith(("http:", "https:", "//"))
    ]
    assert external == []
    assert "/static/drf_spectacular_sidecar/" in html
    settings_js = client.get("/api/docs/?script=").content.decode()
    assert '"validatorUrl": null' in settings_js


def test_the_docs_assets_ship_with_the_app():
    from django.contrib.staticfiles import finders

    for asset in ("swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css"):
        assert finders.find(f"drf_spectacular_sidecar/swagger-ui-dist/{asset}"), asset
