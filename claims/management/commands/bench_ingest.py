"""Time a 200-item feed and a 1,000-row import with one real worker, then run both again.

By default everything happens in a throwaway SQLite database and filesystem
broker under a temporary folder, so the benchmark never touches real data;
--use-configured runs on the configured database and broker instead (for
PostgreSQL and Redis). Pages come from the project's local test site on
127.0.0.1, so nothing leaves the machine.
"""

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

ROOT = Path(settings.BASE_DIR)
INNER_FLAG = "FACTCHECK_BENCH_INNER"


class Command(BaseCommand):
    help = (
        "Benchmark ingest: a 200-item feed and a 1,000-row import with one worker, "
        "then the same again (which must add nothing)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--feed-items", type=int, default=200)
        parser.add_argument("--rows", type=int, default=1000)
        parser.add_argument("--timeout", type=float, default=300, help="seconds per stage")
        parser.add_argument(
            "--use-configured",
            action="store_true",
            help="use the configured database and broker instead of a throwaway SQLite",
        )

    def handle(self, *args, feed_items, rows, timeout, use_configured, **options):
        if os.environ.get(INNER_FLAG) or use_configured:
            if use_configured and not settings.FACTCHECK_FETCH_ALLOW_LOOPBACK:
                raise CommandError(
                    "Set FACTCHECK_FETCH_ALLOW_LOOPBACK=1 for the benchmark: its pages are "
                    "served on 127.0.0.1."
                )
            return self._bench(feed_items=feed_items, rows=rows, timeout=timeout)
        with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as folder:
            env = self._env(folder)
            self.stderr.write(f"Throwaway database and broker in {folder}")
            subprocess.run(
                [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
                cwd=ROOT,
                env=env,
                check=True,
            )
            result = subprocess.run(
                [
                    sys.executable,
                    "manage.py",
                    "bench_ingest",
                    f"--feed-items={feed_items}",
                    f"--rows={rows}",
                    f"--timeout={timeout}",
                ],
                cwd=ROOT,
                env=env,
                check=False,
            )
            if result.returncode:
                raise CommandError("The benchmark failed (see above).")

    @staticmethod
    def _env(folder: str) -> dict:
        env = dict(os.environ)
        # A throwaway database always; the configured broker (Redis, say) on a
        # queue of its own, or the filesystem one in the throwaway folder.
        env.pop("DATABASE_URL", None)
        env.update(
            {
                INNER_FLAG: "1",
                "FACTCHECK_VAR_DIR": folder,
                "FACTCHECK_FETCH_ALLOW_LOOPBACK": "1",
                "DJANGO_SETTINGS_MODULE": "factcheck.settings",
                "DJANGO_ENV": "development",
                "CELERY_TASK_DEFAULT_QUEUE": f"bench-{os.getpid()}",
            }
        )
        return env

    def _bench(self, *, feed_items: int, rows: int, timeout: float):
        from claims.ingest.localsite import LocalSite

        site = LocalSite()
        site.feed_items = feed_items
        site.start()
        worker, log = self._start_worker()
        self._worker, self._log = worker, log
        if settings.CELERY_BROKER_URL.startswith("filesystem://"):
            self.stderr.write(
                "Note: the filesystem broker is polled once a second, so one worker takes "
                "about one task a second; set REDIS_URL to measure the real stack."
            )
        try:
            self._wait_ready(log, timeout=60)
            feed_report = self._bench_feed(site, feed_items, timeout)
            import_report = self._bench_import(rows, timeout)
        finally:
            worker.terminate()
            try:
                worker.wait(timeout=20)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()
            site.stop()
            log.unlink(missing_ok=True)
        self.stdout.write("")
        self.stdout.write("bench_ingest (one worker, concurrency 1)")
        for line in feed_report + import_report:
            self.stdout.write(line)

    def _start_worker(self):
        log = tempfile.NamedTemporaryFile(  # noqa: SIM115 - read while the worker runs
            prefix="bench-worker-", suffix=".log", delete=False
        )
        worker = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "factcheck",
                "worker",
                "--pool=prefork",
                "--concurrency=1",
                "--loglevel=INFO",
                "--without-heartbeat",
                "--without-gossip",
                "--without-mingle",
            ],
            cwd=ROOT,
            env=dict(os.environ),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        return worker, Path(log.name)

    def _wait_ready(self, log: Path, timeout: float) -> None:
        if not self._wait(lambda: " ready." in log.read_text(errors="replace"), timeout):
            raise CommandError(f"The worker did not start; its log:\n{log.read_text()[-3000:]}")

    def _wait(self, predicate, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate():
                return True
            if self._worker.poll() is not None:
                raise CommandError(f"The worker stopped; its log:\n{self._log.read_text()[-3000:]}")
            time.sleep(0.1)
        return False

    @staticmethod
    def _states(article_ids) -> dict:
        from django.db.models import Count

        from claims.models import Article

        rows = (
            Article.objects.filter(pk__in=list(article_ids))
            .values("extraction_state")
            .annotate(n=Count("id"))
        )
        return {row["extraction_state"]: row["n"] for row in rows}

    def _bench_feed(self, site, count: int, timeout: float) -> list[str]:
        from claims.ingest.feeds import feed_register
        from claims.ingest.tasks import poll_feed
        from claims.models import Article, ExtractionState, Feed, FeedItem

        feed = feed_register(url=site.url("/feed.xml"), language="it").feed
        before = Article.objects.count()
        started = time.monotonic()
        poll_feed.delay(feed.pk)

        def ids():
            return FeedItem.objects.filter(feed=feed).values_list("article_id", flat=True)

        def fetched():
            states = self._states(ids())
            return sum(states.values()) >= count and not states.get(ExtractionState.FETCHING)

        def extracted():
            states = self._states(ids())
            return not (
                states.get(ExtractionState.FETCHING)
                or states.get(ExtractionState.QUEUED)
                or states.get(ExtractionState.RUNNING)
            )

        ok_fetch = self._wait(fetched, timeout)
        fetched_at = time.monotonic() - started
        ok_extract = ok_fetch and self._wait(extracted, timeout)
        extracted_at = time.monotonic() - started
        states = self._states(ids())

        polled = Feed.objects.get(pk=feed.pk).last_polled_at
        articles = Article.objects.count()
        again = time.monotonic()
        poll_feed.delay(feed.pk)
        self._wait(lambda: Feed.objects.get(pk=feed.pk).last_polled_at != polled, timeout)
        rerun = time.monotonic() - again
        feed.refresh_from_db()
        added = Article.objects.count() - articles
        return [
            f"feed, {count} items: fetched in {fetched_at:.1f} s"
            + ("" if ok_fetch else " (TIMED OUT)")
            + f"; extracted in {extracted_at:.1f} s"
            + ("" if ok_extract else " (TIMED OUT)")
            + f"; {Article.objects.count() - before - added} articles; states {states}",
            f"feed again: {feed.last_new_items} new items, {added} articles added, {rerun:.1f} s",
        ]

    def _bench_import(self, rows: int, timeout: float) -> list[str]:
        from claims.ingest.localsite import news_text
        from claims.models import Article, ExtractionState, ImportJob

        with tempfile.NamedTemporaryFile(
            "w", suffix=".jsonl", delete=False, encoding="utf-8"
        ) as handle:
            for n in range(rows):
                row = {
                    "text": news_text(10_000 + n),
                    "title": f"Archivio {n}",
                    "language": "it",
                    "published": "2026-01-15",
                }
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
            path = handle.name
        try:
            before = set(Article.objects.values_list("pk", flat=True))
            started = time.monotonic()
            call_command("import_articles", path, stdout=open(os.devnull, "w"))  # noqa: SIM115
            imported_at = time.monotonic() - started
            new_ids = set(Article.objects.values_list("pk", flat=True)) - before

            def extracted():
                states = self._states(new_ids)
                return not (
                    states.get(ExtractionState.QUEUED) or states.get(ExtractionState.RUNNING)
                )

            ok = self._wait(extracted, timeout)
            extracted_at = time.monotonic() - started
            states = self._states(new_ids)
            job = ImportJob.objects.order_by("-pk").first()
            first = (job.created_count, job.existing_count, job.error_count)

            count = Article.objects.count()
            again = time.monotonic()
            call_command("import_articles", path, stdout=open(os.devnull, "w"))  # noqa: SIM115
            rerun = time.monotonic() - again
            job = ImportJob.objects.order_by("-pk").first()
        finally:
            os.unlink(path)
        return [
            f"import, {rows} rows: imported in {imported_at:.1f} s; extracted in "
            f"{extracted_at:.1f} s"
            + ("" if ok else " (TIMED OUT)")
            + f"; {first[0]} new, {first[1]} present, {first[2]} errors; states {states}",
            f"import again: {job.created_count} new, {job.existing_count} already present, "
            f"{Article.objects.count() - count} articles added, {rerun:.1f} s",
        ]
