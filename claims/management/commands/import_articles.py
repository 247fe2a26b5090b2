from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from claims.ingest.imports import ImportRefused, import_job_create, import_job_run
from claims.models import ImportState

SHOWN_ERRORS = 20


class Command(BaseCommand):
    help = (
        "Import articles from a JSONL or CSV file (columns: text or url, title, language, "
        "published). Rows already imported are found again, not doubled."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="a UTF-8 .jsonl or .csv file")
        parser.add_argument("--lang", default=None, help="language of rows that give none")
        parser.add_argument("--user", default=None, help="username recorded as the submitter")

    def handle(self, *args, file, lang, user, **options):
        path = Path(file)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {file}: {exc.strerror}") from None
        submitter = None
        if user:
            submitter = get_user_model().objects.filter(username=user).first()
            if submitter is None:
                raise CommandError(f"No user named {user!r}.")
        try:
            job = import_job_create(filename=path.name, data=data, created_by=submitter)
        except ImportRefused as exc:
            raise CommandError(f"Refused: {exc.message}") from None

        def progress(job):
            self.stderr.write(f"  {job.processed_rows}/{job.total_rows} rows")

        job = import_job_run(job_id=job.pk, default_language=lang, progress=progress)
        self.stdout.write(
            f"Import #{job.pk} of {path.name}: {job.created_count} new, "
            f"{job.existing_count} already present, {job.error_count} rows with errors."
        )
        for error in job.row_errors.all()[:SHOWN_ERRORS]:
            self.stdout.write(f"  row {error.row}: {error.message}")
        if job.error_count > SHOWN_ERRORS:
            self.stdout.write(f"  ... and {job.error_count - SHOWN_ERRORS} more")
        if job.state == ImportState.FAILED:
            raise CommandError(job.error)
