"""System checks for the public address of fact-checks (`manage.py check`)."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.urls, deploy=True)
def public_address_is_set(app_configs=None, **kwargs):
    """ClaimReview needs an address search engines can read: a page on this site
    (FACTCHECK_PUBLIC_BASE_URL) or the desk's own site (FACTCHECK_CLAIM_URL_TEMPLATE)."""
    if settings.FACTCHECK_PUBLIC_BASE_URL or settings.FACTCHECK_CLAIM_URL_TEMPLATE:
        return []
    return [
        checks.Warning(
            "Published fact-checks have no public address: their pages, ClaimReview, "
            "sitemap and feeds take the host of whichever request builds them.",
            hint=(
                "Set FACTCHECK_PUBLIC_BASE_URL to the address readers reach this site at "
                "(its /fact-checks/ pages are public), or FACTCHECK_CLAIM_URL_TEMPLATE to "
                "the fact-check pages of the site the desk publishes on."
            ),
            id="claims.W001",
        )
    ]


@checks.register(checks.Tags.urls)
def claim_url_template_is_usable(app_configs=None, **kwargs):
    template = settings.FACTCHECK_CLAIM_URL_TEMPLATE
    if not template:
        return []
    try:
        example = template.format(id=1, slug="1-example")
    except (KeyError, IndexError, ValueError) as exc:
        return [
            checks.Error(
                f"FACTCHECK_CLAIM_URL_TEMPLATE={template!r} cannot be filled in ({exc!r}).",
                hint="Use {id} and/or {slug} as its only placeholders.",
                id="claims.E001",
            )
        ]
    if example == template:
        return [
            checks.Error(
                "FACTCHECK_CLAIM_URL_TEMPLATE names no claim: every fact-check would get "
                "the same address.",
                hint="Put {id} or {slug} in it, e.g. https://example.org/fact-checks/{slug}",
                id="claims.E002",
            )
        ]
    return []
