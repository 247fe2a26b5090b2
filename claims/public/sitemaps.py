"""The sitemap of the public pages (django.contrib.sitemaps), at the public
base URL when one is set."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from claims.public.addresses import fact_check_path
from claims.public.selectors import published_claims


class _PublicAddress:
    """Absolute locations on FACTCHECK_PUBLIC_BASE_URL instead of the request's host."""

    def get_domain(self, site=None):
        base = settings.FACTCHECK_PUBLIC_BASE_URL
        if base:
            parts = urlsplit(base)
            return parts.netloc + parts.path.rstrip("/")
        return super().get_domain(site)

    def get_protocol(self, protocol=None):
        base = settings.FACTCHECK_PUBLIC_BASE_URL
        return urlsplit(base).scheme if base else super().get_protocol(protocol)


class FactCheckSitemap(_PublicAddress, Sitemap):
    def items(self):
        return published_claims().order_by("id").only("id", "public_slug", "updated_at")

    def location(self, claim):
        return fact_check_path(claim_id=claim.pk, slug=claim.public_slug)

    def lastmod(self, claim):
        return claim.updated_at


class PublicIndexSitemap(_PublicAddress, Sitemap):
    changefreq = "daily"

    def items(self):
        return ["public:index"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {"index": PublicIndexSitemap, "fact-checks": FactCheckSitemap}
