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
        parser.add_argument(
            "--stress",
            type=int,
            metavar="CHARS",
            help="instead, time each hostile input (walls of quotes, nested speech, ...) of CHARS",
        )

    def handle(self, *args, **options):
        if options["stress"]:
            bench.run_stress(options["stress"], out=self.stdout._out)
            return
        bench.run(options["files"] or None, rounds=options["rounds"], out=self.stdout._out)
