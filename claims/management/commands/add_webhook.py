"""Register a webhook endpoint: manage.py add_webhook URL --secret S --event claim.published"""

from django.core.management.base import BaseCommand, CommandError

from claims.exceptions import DomainError
from claims.webhooks import services
from claims.webhooks.models import WebhookEvent


class Command(BaseCommand):
    help = "Register a webhook endpoint that receives signed events."

    def add_arguments(self, parser):
        parser.add_argument("url", help="http(s) address that receives the POSTs")
        parser.add_argument(
            "--secret", required=True, help="shared secret the deliveries are signed with"
        )
        parser.add_argument(
            "--event",
            action="append",
            required=True,
            choices=WebhookEvent.values,
            dest="events",
            help="an event to send; repeat for several",
        )
        parser.add_argument("--description", default="")

    def handle(self, *args, url, secret, events, description, **options):
        try:
            endpoint = services.webhook_register(
                url=url, secret=secret, events=events, description=description
            )
        except DomainError as exc:
            raise CommandError(exc.message) from None
        self.stdout.write(str(endpoint.pk))
