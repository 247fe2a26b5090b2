from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from claims import services
from claims.exceptions import SubmissionRefused


class Command(BaseCommand):
    help = "Submit an article's text file for extraction and print the article id."

    def add_arguments(self, parser):
        parser.add_argument("file", help="a UTF-8 text file with the article's text")
        parser.add_argument("--title", default="")
        parser.add_argument("--url", default="")
        parser.add_argument("--lang", default=None, help="it or en; detected when left out")

    def handle(self, *args, file, title, url, lang, **options):
        path = Path(file)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {file}: {exc.strerror}") from None
        try:
            result = services.article_submit(text=data, title=title, url=url, language=lang)
        except SubmissionRefused as exc:
            raise CommandError(f"Refused: {exc.message}") from None
        if not result.created:
            self.stderr.write(f"Already submitted as article {result.article.pk}.")
        result.article.refresh_from_db()
        if result.article.extraction_error:
            self.stderr.write(result.article.extraction_error)
        self.stdout.write(str(result.article.pk))
