from django.core.management.base import BaseCommand, CommandError

from claims.exceptions import SubmissionRefused
from claims.ingest.feeds import feed_poll, feed_register, feeds_due
from claims.models import Feed


class Command(BaseCommand):
    help = (
        "Poll the active RSS/Atom feeds now (Celery beat does it periodically) and submit "
        "their new items; --add URL registers a feed first."
    )

    def add_arguments(self, parser):
        parser.add_argument("--add", metavar="URL", default="", help="register this feed")
        parser.add_argument("--lang", default=None, help="language of the feed's articles")
        parser.add_argument("--feed", type=int, action="append", help="poll only this feed id")

    def handle(self, *args, add, lang, feed, **options):
        ids = list(feed or [])
        if add:
            try:
                registration = feed_register(url=add, language=lang)
            except SubmissionRefused as exc:
                raise CommandError(f"Refused: {exc.message}") from None
            verb = "Registered" if registration.created else "Already registered:"
            self.stdout.write(f"{verb} feed {registration.feed.pk} {registration.feed.url}")
            ids = ids or [registration.feed.pk]
        for feed_id in ids or feeds_due():
            try:
                result = feed_poll(feed_id=feed_id)
            except Feed.DoesNotExist:
                raise CommandError(f"No feed {feed_id}.") from None
            line = f"Feed {feed_id} ({result.feed}): {result.new_items} new items"
            self.stdout.write(line + (f"; error: {result.error}" if result.error else ""))
