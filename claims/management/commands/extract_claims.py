"""``manage.py extract_claims``: run the extractor on text files (no database needed)."""

from django.core.management.base import BaseCommand, CommandError

from claims.extraction import cli


class Command(BaseCommand):
    help = "Extract claims and their attribution from article text files."
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument(
            "--lang", choices=["it", "en"], help="language of every file (default: detect)"
        )
        parser.add_argument("--format", choices=["jsonl", "text"], default="jsonl")
        parser.add_argument("files", nargs="+")

    def handle(self, *args, **options):
        status = cli.run(options["files"], options["lang"], options["format"], out=self.stdout._out)
        if status:
            raise CommandError("some files could not be read (see above)")
