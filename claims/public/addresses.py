"""Where a published fact-check lives: its slug, path and absolute URL."""

from django.conf import settings
from django.urls import reverse
from django.utils.text import slugify

SLUG_MAX_LENGTH = 80
# Enough words of the claim to tell a reader what the link is about.
SLUG_WORDS_MAX_LENGTH = 60


def public_slug_for(*, claim_id: int, content: str) -> str:
    """ "123-il-ponte-riaprira-a-marzo": the id keeps it unique, the words keep it readable."""
    full = slugify(content)
    words = full[:SLUG_WORDS_MAX_LENGTH].strip("-")
    if "-" in words and len(full) > SLUG_WORDS_MAX_LENGTH:
        words = words.rsplit("-", 1)[0]  # no half word at the end
    slug = f"{claim_id}-{words}" if words else str(claim_id)
    return slug[:SLUG_MAX_LENGTH].strip("-")


def fact_check_path(*, claim_id: int, slug: str = "") -> str:
    return reverse("public:fact_check", args=[slug or str(claim_id)])


def absolute_public_url(path: str, request=None) -> str:
    """The public base URL when configured (the address readers use), else the request's."""
    base = settings.FACTCHECK_PUBLIC_BASE_URL
    if base:
        return base.rstrip("/") + path
    if request is not None:
        return request.build_absolute_uri(path)
    return path


def fact_check_url(*, claim_id: int, slug: str = "", request=None) -> str:
    """The address of a fact-check's public page: the desk's own site when
    FACTCHECK_CLAIM_URL_TEMPLATE says it publishes elsewhere, else this site's page."""
    template = settings.FACTCHECK_CLAIM_URL_TEMPLATE
    if template:
        return template.format(id=claim_id, slug=slug or claim_id)
    return absolute_public_url(fact_check_path(claim_id=claim_id, slug=slug), request)
