"""What every operation can answer, added to the OpenAPI schema in one place
(drf-spectacular's POSTPROCESSING_HOOKS), so the schema documents the
conventions the middleware and the error handler apply everywhere."""

ERROR = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
RATE_LIMIT_HEADERS = {
    "RateLimit-Limit": "Requests allowed in the current window.",
    "RateLimit-Remaining": "Requests left in it.",
    "RateLimit-Reset": "Seconds until the oldest counted request leaves it.",
}


def _error(description: str) -> dict:
    return {"description": description, "content": ERROR}


def _headers() -> dict:
    return {
        name: {"schema": {"type": "integer", "minimum": 0}, "description": description}
        for name, description in RATE_LIMIT_HEADERS.items()
    }


def document_conventions(result, generator, request, public):
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            parameters = {p.get("name") for p in operation.get("parameters", [])}
            additions = {
                "401": "Not authenticated: send `Authorization: Token <key>`.",
                "403": "The role does not allow it.",
                "429": "Too many requests: wait the seconds in Retry-After.",
            }
            if parameters - {"id", "slug", "pk"} or "requestBody" in operation:
                additions["400"] = "Invalid input: `errors` names each parameter or field."
            if "requestBody" in operation:
                additions["413"] = "The request body is larger than the upload limit."
            if "{" in path or "page" in parameters:
                additions["404"] = "Not found (or a page past the last one)."
            for code, description in additions.items():
                responses.setdefault(code, _error(description))
            if method == "get":
                responses.setdefault(
                    "304", {"description": "Not modified: the ETag you sent in If-None-Match."}
                )
            for code, response in responses.items():
                if code.startswith("2"):
                    response.setdefault("headers", {}).update(_headers())
    # Every request body refuses fields it does not know (StrictFieldsMixin).
    for name, component in result.get("components", {}).get("schemas", {}).items():
        if name.endswith("Request") and component.get("type") == "object":
            component["additionalProperties"] = False
    return result
