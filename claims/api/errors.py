"""Every API error is JSON with a human-readable `detail`, a machine `code`
and, for invalid input, the per-field `errors`.

Domain errors raised by the services map to HTTP here, so views stay thin:
NotAllowed → 403, EditConflict → 409 (with the claim as it is now; 412 when
the version came in an If-Match header), WorkflowError and SubmissionRefused
→ 400. A body over the upload limit is 413; a CSRF refusal and an unknown
address under /api/ are JSON too.
"""

import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.csrf import csrf_failure as django_csrf_failure
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import set_rollback

from claims.api.parsers import too_large
from claims.exceptions import (
    DomainError,
    EditConflict,
    NotAllowed,
    SubmissionRefused,
    WorkflowError,
)

logger = logging.getLogger(__name__)


class PreconditionRequired(exceptions.APIException):
    status_code = 428
    default_code = "version_required"
    default_detail = gettext_lazy(
        "Send the version you read: a `version` field or an If-Match header."
    )


class PreconditionFailed(EditConflict):
    """A stale version sent in If-Match: the same conflict, answered 412."""

    http_status = 412
    code = "precondition_failed"

    @classmethod
    def of(cls, conflict: EditConflict) -> "PreconditionFailed":
        return cls(conflict.message, current=conflict.current)


def _flatten(errors, prefix="") -> list[str]:
    """Field errors as "field: message" lines for the human-readable summary."""
    lines = []
    if isinstance(errors, dict):
        for key, value in errors.items():
            name = key if key != "non_field_errors" else ""
            lines += _flatten(value, f"{prefix}.{name}".strip(".") if prefix else name)
    elif isinstance(errors, list):
        for value in errors:
            lines += _flatten(value, prefix)
    else:
        lines.append(f"{prefix}: {errors}" if prefix else str(errors))
    return lines


def error_body(detail: str, code: str, **extra) -> dict:
    return {"detail": str(detail), "code": code, **extra}


def api_exception_handler(exc, context):
    if isinstance(exc, EditConflict):
        from claims.api.serializers import ClaimDetailSerializer

        set_rollback()
        current = ClaimDetailSerializer(exc.current, context=context).data
        response = Response(
            error_body(exc.message, exc.code, current=current),
            status=getattr(exc, "http_status", status.HTTP_409_CONFLICT),
        )
        response["ETag"] = f'"{exc.current.version}"'
        return response
    if isinstance(exc, NotAllowed):
        set_rollback()
        return Response(error_body(exc.message, exc.code), status=status.HTTP_403_FORBIDDEN)
    if isinstance(exc, (WorkflowError, SubmissionRefused, DomainError)):
        set_rollback()
        return Response(error_body(exc.message, exc.code), status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, RequestDataTooBig):
        exc = too_large(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(*exc.args)

    if isinstance(exc, exceptions.APIException):
        headers = {}
        if getattr(exc, "auth_header", None):
            headers["WWW-Authenticate"] = exc.auth_header
        if getattr(exc, "wait", None):
            headers["Retry-After"] = str(int(exc.wait))
        set_rollback()
        if isinstance(exc, exceptions.ValidationError):
            lines = _flatten(exc.detail)
            body = error_body(
                _("Invalid input: %(errors)s") % {"errors": "; ".join(lines)},
                "invalid",
                errors=exc.detail
                if isinstance(exc.detail, dict)
                else {"non_field_errors": exc.detail},
            )
        else:
            detail = exc.detail
            if isinstance(detail, (list, dict)):
                body = error_body("; ".join(_flatten(detail)), "invalid", errors=detail)
            else:
                body = error_body(detail, getattr(detail, "code", None) or exc.default_code)
        return Response(body, status=exc.status_code, headers=headers)

    # Anything else is a bug: log it with its traceback and still answer in JSON.
    logger.exception("Unhandled error in API view %s", context.get("view"))
    set_rollback()
    return Response(
        error_body(_("Something went wrong on our side; the error has been logged."), "error"),
        status=status.HTTP_500_INTERNAL_SERVER_ERROR,
    )


# No form posts here, and a POST to a wrong address deserves its 404, not a CSRF page.
@csrf_exempt
def api_not_found(request, *args, **kwargs):
    """JSON 404 for any /api/ address that matches no endpoint."""
    return JsonResponse(
        error_body(
            _("There is no API endpoint at %(path)s.") % {"path": request.path}, "not_found"
        ),
        status=404,
    )


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: JSON under /api/ and /exports/, Django's page elsewhere."""
    from claims.api.middleware import is_api

    if not is_api(request.path):
        return django_csrf_failure(request, reason=reason)
    return JsonResponse(
        error_body(
            _(
                "CSRF check failed: a request with a session cookie needs the "
                "X-CSRFToken header (or use a token: Authorization: Token <key>)."
            ),
            "csrf_failed",
        ),
        status=403,
    )
