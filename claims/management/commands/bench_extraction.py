"""``manage.py bench_extraction``: extractor throughput against spaCy's blank tokenizer."""

from django.core.management.base import BaseCommand

from claims.extraction import bench


class Command(BaseCommand):
    help = "Words/second of the extractor and of the blank tokenizer, ms per 1,000 words, peak RSS."
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*", help="article text files (default: built-in texts)")
        parser.add_argument("--rounds", type=int, default=20)

    def handle(self, *args, **options):
        bench.run(options["files"] or None, rounds=options["rounds"], out=self.stdout._out)
