"""The API's request parser: JSON within Django's upload limit.

It lives apart from `errors` because DRF imports DEFAULT_PARSER_CLASSES while
`rest_framework.views` is itself being imported; a module that imports
`rest_framework.views` (as `errors` does) cannot also hold the parser, or
whichever of the two is imported first finds the other half-made.
"""

import io

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.parsers import JSONParser


class PayloadTooLarge(exceptions.ParseError):
    status_code = 413
    default_code = "too_large"


class BoundedJSONParser(JSONParser):
    """JSON, refused with a 413 when the body is larger than Django's upload limit.

    DRF reads the request stream directly, past DATA_UPLOAD_MAX_MEMORY_SIZE,
    so the limit is enforced here before anything is parsed.
    """

    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        request = (parser_context or {}).get("request")
        length = 0
        if request is not None:
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
        if limit is not None and length > limit:
            raise too_large(limit)
        data = stream.read(limit + 1) if limit is not None else stream.read()
        if limit is not None and len(data) > limit:
            raise too_large(limit)

        try:
            return super().parse(io.BytesIO(data), media_type, parser_context)
        except RecursionError:
            raise exceptions.ParseError(
                _("JSON parse error - the document is nested too deeply.")
            ) from None


def too_large(limit: int) -> PayloadTooLarge:
    return PayloadTooLarge(
        _("The request body is larger than %(limit)s bytes.") % {"limit": f"{limit:,}"}
    )
