"""RSS and Atom feeds of new and corrected fact-checks: one item when a
fact-check is published, one more for each correction, and one if it is
withdrawn."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from claims.public.addresses import absolute_public_url, fact_check_url
from claims.public.selectors import CORRECTION, WITHDRAWAL, FeedEntry, feed_entries


@dataclass(frozen=True)
class _Item:
    entry: FeedEntry
    url: str  # the fact-check's public page


class FactCheckFeed(Feed):
    """RSS 2.0. Each item is written in its claim's language."""

    language = settings.LANGUAGE_CODE

    def get_object(self, request, *args, **kwargs):
        return request  # the items' links need it when no public base URL is set

    def title(self):
        return _("%(publisher)s: fact-checks") % {"publisher": settings.FACTCHECK_PUBLISHER_NAME}

    def description(self):
        return _("Newly published fact-checks and corrections to published ones.")

    def link(self, request):
        return absolute_public_url(reverse("public:index"), request)

    def items(self, request):
        return [
            _Item(
                entry,
                fact_check_url(
                    claim_id=entry.fact_check.claim_id, slug=entry.fact_check.slug, request=request
                ),
            )
            for entry in feed_entries()
        ]

    def item_title(self, item: _Item):
        record = item.entry.fact_check.record
        with translation.override(item.entry.fact_check.article.language):
            verdict = record.verdict.label_for(translation.get_language()) if record.verdict else ""
            quote = Truncator(record.content).chars(120)
            if item.entry.kind == CORRECTION:
                return _("Correction — %(verdict)s: “%(claim)s”") % {
                    "verdict": verdict,
                    "claim": quote,
                }
            if item.entry.kind == WITHDRAWAL:
                return _("Withdrawn — “%(claim)s”") % {"claim": quote}
            return _("%(verdict)s: “%(claim)s”") % {"verdict": verdict, "claim": quote}

    def item_description(self, item: _Item):
        record = item.entry.fact_check.record
        if item.entry.kind in (CORRECTION, WITHDRAWAL):
            return item.entry.note or record.rationale
        return record.rationale

    def item_link(self, item: _Item):
        if item.entry.kind == CORRECTION:
            return f"{item.url}#correction-{item.entry.number}"
        if item.entry.kind == WITHDRAWAL:
            return f"{item.url}#withdrawn"
        return item.url

    def item_guid(self, item: _Item):
        return self.item_link(item)

    def item_pubdate(self, item: _Item):
        return item.entry.at

    def item_updateddate(self, item: _Item):
        return item.entry.at

    def item_author_name(self, item: _Item):
        return settings.FACTCHECK_PUBLISHER_NAME


class FactCheckAtomFeed(FactCheckFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()
