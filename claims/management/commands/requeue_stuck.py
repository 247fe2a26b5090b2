from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand

from claims import services


class Command(BaseCommand):
    help = (
        "Send again the articles that are still queued (the broker was down when they were "
        "submitted) or still running long after every time limit (their worker was lost)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--queued-for",
            type=int,
            default=settings.FACTCHECK_REQUEUE_QUEUED_AFTER,
            help="seconds an article may wait in the queue (default: %(default)s)",
        )
        parser.add_argument(
            "--running-for",
            type=int,
            default=settings.FACTCHECK_REQUEUE_RUNNING_AFTER,
            help="seconds an extraction may run (default: %(default)s)",
        )

    def handle(self, *args, queued_for, running_for, **options):
        sent = services.articles_requeue_stuck(
            queued_for=timedelta(seconds=queued_for), running_for=timedelta(seconds=running_for)
        )
        self.stdout.write(f"Re-sent {len(sent)} article(s) for extraction.")
