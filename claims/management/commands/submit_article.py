from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from claims import services
from claims.exceptions import SubmissionRefused


class Command(BaseCommand):
    help = (
        "Submit an article's text file for extraction and print the article id; "
        "with --url-only, submit the link alone: a worker fetches the page."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="a UTF-8 text file with the article's text")
        parser.add_argument("--title", default="")
        parser.add_argument("--url", default="")
        parser.add_argument("--lang", default=None, help="it or en; detected when left out")
        parser.add_argument(
            "--url-only",
            action="store_true",
            help="no file: a worker fetches --url and extracts the article from the page",
        )

    def handle(self, *args, file, title, url, lang, url_only=False, **options):
        if url_only:
            return self._submit_url(url=url, title=title, lang=lang, file=file)
        if not file:
            raise CommandError("Give the article's text file, or --url-only --url URL.")
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

    def _submit_url(self, *, url, title, lang, file):
        from claims.ingest.services import article_submit_url

        if file or not url:
            raise CommandError("With --url-only give --url URL and no file.")
        try:
            result = article_submit_url(url=url, title=title, language=lang)
        except SubmissionRefused as exc:
            raise CommandError(f"Refused: {exc.message}") from None
        if not result.created:
            self.stderr.write(f"Already submitted as article {result.article.pk}.")
        self.stdout.write(str(result.article.pk))
