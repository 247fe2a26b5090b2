"""Benchmark the API and the CSV export at scale.

Seeds N claims (bulk_create, tagged so they can be removed), then measures:
  * the claims API: latency of pages of 50 claims (p50/p95/max), in process
    through the whole middleware and DRF stack;
  * the CSV export of every claim: peak growth of the process's resident
    memory while the streamed response is consumed, and the tracemalloc peak.

Run it on PostgreSQL (DATABASE_URL) for numbers that mean something:
    python manage.py bench_api --claims 100000
"""

import hashlib
import os
import random
import statistics
import time
import tracemalloc

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client, override_settings
from django.utils import timezone

from claims.models import (
    Article,
    Claim,
    ClaimStatus,
    QuoteType,
    Rating,
    Source,
    SourceKind,
)

TAG = "bench_api"
CLAIMS_PER_ARTICLE = 100
USERNAME = "bench-api"


def rss_bytes() -> int:
    """The process's current resident set size (Linux)."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    import resource

    return pages * resource.getpagesize()


class Command(BaseCommand):
    help = "Seed claims and measure API page latency and CSV export memory."

    def add_arguments(self, parser):
        parser.add_argument("--claims", type=int, default=100_000)
        parser.add_argument("--requests", type=int, default=200, help="API pages to time")
        parser.add_argument("--keep", action="store_true", help="keep the seeded data")
        parser.add_argument("--no-tracemalloc", action="store_true")

    def handle(self, *args, **options):
        wanted = options["claims"]
        started = time.perf_counter()
        seeded = self.seed(wanted)
        self.stdout.write(
            f"database: {connection.vendor}; {Claim.objects.count():,} claims in all, "
            f"{seeded:,} seeded in {time.perf_counter() - started:.1f} s; "
            f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
        )
        try:
            with override_settings(
                # Throttling would stop a benchmark; hosts: the test client's name.
                REST_FRAMEWORK=self.rest_settings(),
                ALLOWED_HOSTS=["testserver", "localhost"],
                DEBUG=False,
            ):
                client = Client()
                client.force_login(self.user())
                # Export first, after one empty export has loaded every module,
                # so the RSS growth is the streaming's own.
                client.get("/exports/claims.csv", {"article": 0})
                self.bench_export(client, tracemalloc_pass=not options["no_tracemalloc"])
                self.bench_api(client, options["requests"])
        finally:
            if not options["keep"]:
                self.cleanup()

    @staticmethod
    def rest_settings():
        from django.conf import settings

        return {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {}}

    def user(self):
        user, _ = get_user_model().objects.get_or_create(username=USERNAME)
        user.groups.add(Group.objects.get(name="admin"))
        return user

    # --- seeding

    def seed(self, wanted: int) -> int:
        existing = Claim.objects.filter(article__title__startswith=TAG).count()
        missing = max(0, wanted - existing)
        if not missing:
            return 0
        ratings = list(Rating.objects.all())
        now = timezone.now()
        run = hashlib.sha256(str(time.time_ns()).encode()).hexdigest()[:8]
        with transaction.atomic():
            sources = Source.objects.bulk_create(
                [
                    Source(
                        name=f"Fonte {run} {i}",
                        normalized_name=f"{TAG} {run} {i}",
                        kind=random.choice([SourceKind.PERSON, SourceKind.ORGANIZATION]),
                    )
                    for i in range(500)
                ]
            )
            articles_needed = -(-missing // CLAIMS_PER_ARTICLE)
            articles = []
            for i in range(articles_needed):
                text = f"{TAG} {run} {i}: " + "Il ministro ha detto che il ponte riaprirà. " * 20
                articles.append(
                    Article(
                        title=f"{TAG} {run} {i}",
                        url=f"https://example.org/{TAG}/{run}/{i}",
                        outlet="Bench",
                        language=random.choice(["it", "en"]),
                        text=text,
                        content_hash=hashlib.sha256(text.encode()).hexdigest(),
                        extraction_state="done",
                    )
                )
            articles = Article.objects.bulk_create(articles, batch_size=1000)
            statuses = list(ClaimStatus)
            batch, made = [], 0
            for article in articles:
                for position in range(CLAIMS_PER_ARTICLE):
                    if made >= missing:
                        break
                    status = random.choice(statuses)
                    verdict = random.choice(ratings) if status != ClaimStatus.UNVERIFIED else None
                    start = position * 50
                    batch.append(
                        Claim(
                            article=article,
                            position=position,
                            content=f"il ponte {position} riaprirà entro marzo, con «due corsie»",
                            content_start=start,
                            content_end=start + 40,
                            extraction_key=f"{start}:{start + 40}:",
                            source_text="Il ministro",
                            cue_text="ha detto",
                            source_kind=SourceKind.PERSON,
                            quote_type=random.choice(list(QuoteType)),
                            hedged=position % 7 == 0,
                            source=random.choice(sources),
                            status=status,
                            verdict=verdict if status != ClaimStatus.PUBLISHED else ratings[0],
                            published_at=now if status == ClaimStatus.PUBLISHED else None,
                        )
                    )
                    made += 1
                    if len(batch) >= 5000:
                        Claim.objects.bulk_create(batch)
                        batch = []
            Claim.objects.bulk_create(batch)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "ANALYZE claims_claim; ANALYZE claims_article; ANALYZE claims_source"
                )
        return missing

    def cleanup(self):
        started = time.perf_counter()
        bench = Article.objects.filter(title__startswith=TAG)
        Claim.objects.filter(article__in=bench)._raw_delete(Claim.objects.db)
        bench._raw_delete(Article.objects.db)
        Source.objects.filter(normalized_name__startswith=TAG).delete()
        self.stdout.write(f"seeded data removed in {time.perf_counter() - started:.1f} s")

    # --- measurements

    def bench_api(self, client, requests: int):
        total = Claim.objects.count()
        pages = max(1, total // 50)
        for _ in range(30):  # warm up connections and caches
            client.get("/api/claims/")

        cpu = []

        def timed(path, params):
            began, began_cpu = time.perf_counter(), time.process_time()
            response = client.get(path, params)
            elapsed = (time.perf_counter() - began) * 1000
            cpu.append((time.process_time() - began_cpu) * 1000)
            assert response.status_code == 200, response.content[:300]
            return elapsed, response

        first, response = [], None
        for _ in range(requests):
            elapsed, response = timed("/api/claims/", {})
            first.append(elapsed)
        assert len(response.json()["results"]) == 50
        deep = [
            timed("/api/claims/", {"page": random.randint(1, pages)})[0] for _ in range(requests)
        ]
        filtered = [
            timed(
                "/api/claims/",
                {"status": "published", "language": random.choice(["it", "en"])},
            )[0]
            for _ in range(requests)
        ]
        for label, samples in (
            ("first page", first),
            ("random pages", deep),
            ("filtered (status+language)", filtered),
        ):
            self.stdout.write(f"API /api/claims/ {label}, 50 items: {self.summary(samples)}")
        self.stdout.write(
            f"API: web process CPU per request p50 {statistics.median(cpu):.1f} ms "
            "(the rest of the latency is the database and the machine's other load)"
        )

    @staticmethod
    def summary(samples):
        ordered = sorted(samples)
        p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
        return (
            f"p50 {statistics.median(ordered):.1f} ms, p95 {p95:.1f} ms, "
            f"max {ordered[-1]:.1f} ms over {len(ordered)} requests"
        )

    def bench_export(self, client, *, tracemalloc_pass: bool):
        baseline = rss_bytes()
        peak = baseline
        began = time.perf_counter()
        response = client.get("/exports/claims.csv")
        assert response.status_code == 200 and response.streaming
        rows, size = -1, 0  # the header line is not a claim
        for i, chunk in enumerate(response.streaming_content):
            size += len(chunk)
            rows += chunk.count(b"\n") if i else 0
            if i % 1000 == 0:
                peak = max(peak, rss_bytes())
        peak = max(peak, rss_bytes())
        elapsed = time.perf_counter() - began
        self.stdout.write(
            f"CSV export: {rows:,} rows, {size / 1e6:.1f} MB streamed in {elapsed:.1f} s; "
            f"peak RSS growth {(peak - baseline) / 1e6:.1f} MB "
            f"(process RSS {peak / 1e6:.1f} MB)"
        )
        if not tracemalloc_pass:
            return
        tracemalloc.start()
        response = client.get("/exports/claims.csv")
        for _ in response.streaming_content:
            pass
        _, traced_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        self.stdout.write(f"CSV export: tracemalloc peak {traced_peak / 1e6:.1f} MB")
