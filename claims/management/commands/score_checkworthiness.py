"""``manage.py score_checkworthiness [--all]``: triage scores for claims that have none.

Claims extracted before triage existed sort last in the queue's "most
check-worthy first" order; this gives them their score and reasons (with
``--all``, every claim is scored again, e.g. after the weights change).
"""

from django.core.management.base import BaseCommand

from claims.checkworthiness import apply_checkworthiness
from claims.models import Claim

BATCH = 1000


class Command(BaseCommand):
    help = "Compute the check-worthiness of claims that have none (or of all, with --all)."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="score every claim again")

    def handle(self, *args, **options):
        claims = Claim.objects.only("id", "content", "source_kind", "hedged").order_by("pk")
        if not options["all"]:
            claims = claims.filter(checkworthiness__isnull=True)
        batch, done = [], 0
        for claim in claims.iterator(chunk_size=BATCH):
            apply_checkworthiness(claim)
            batch.append(claim)
            if len(batch) >= BATCH:
                done += self._save(batch)
                batch = []
        done += self._save(batch)
        self.stdout.write(f"scored {done} claims")

    @staticmethod
    def _save(batch) -> int:
        # Only the score: a bulk write that leaves version and updated_at alone.
        Claim.objects.bulk_update(batch, ["checkworthiness", "checkworthiness_reasons"])
        return len(batch)
