"""Server time of the editor screens on a large database.

    python manage.py bench_screens                 # seeds 100,000 claims once, then measures
    python manage.py bench_screens --runs 50 --claims 20000
    python manage.py bench_screens --cleanup       # removes the seeded data

Seeding uses COPY on PostgreSQL (bulk_create elsewhere) and is kept between
runs (its articles' content hashes start with "bench-"). Pages are requested in-process through
Django's test client, logged in as an editor, so the numbers are the
server's time without network or browser. "cpu p95" is the CPU time of
this (web) process alone: on a shared machine it shows what a page costs
the application when the wall-clock times mostly measure waiting for a CPU.
"""

import os
import random
import statistics
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone

from claims.models import (
    Article,
    Claim,
    ClaimEvent,
    ClaimStatus,
    Comment,
    ExtractionState,
    QuoteType,
    Rating,
    Source,
    SourceKind,
)

BENCH_USER = "bench-editor"
BENCH_PREFIX = "bench-"
CLAIMS_PER_ARTICLE = 50
BUDGET_MS = 100.0
# Every filter of the queue, alone and combined (the screen's main query).
QUEUE_PAGES = [
    ("queue", "/queue/"),
    ("queue: any state", "/queue/?status="),
    ("queue: new", "/queue/?status=unverified"),
    ("queue: in progress", "/queue/?status=in_progress"),
    ("queue: in review", "/queue/?status=in_review"),
    ("queue: published", "/queue/?status=published"),
    ("queue: dismissed", "/queue/?status=dismissed"),
    ("queue: no verdict", "/queue/?verdict=none"),
    ("queue: a verdict", "/queue/?status=&verdict=false"),
    ("queue: English", "/queue/?language=en"),
    ("queue: anonymous", "/queue/?source_kind=anonymous"),
    ("queue: hedged", "/queue/?hedged=yes"),
    ("queue: not hedged", "/queue/?hedged=no"),
    ("queue: filtered", "/queue/?status=&language=it&hedged=yes&source_kind=person"),
    ("queue: assigned to me", "/queue/?mine=on"),
    ("queue: mine, in review", "/queue/?mine=on&status=in_review&verdict=none"),
]
# Datelines make the texts differ the way real articles do, so a search
# for a place finds a few articles, not all of them.
PLACES = [
    "Aosta",
    "Torino",
    "Genova",
    "Milano",
    "Trento",
    "Bolzano",
    "Venezia",
    "Trieste",
    "Bologna",
    "Firenze",
    "Ancona",
    "Perugia",
    "Roma",
    "L'Aquila",
    "Campobasso",
    "Napoli",
    "Bari",
    "Potenza",
    "Catanzaro",
    "Palermo",
    "Cagliari",
    "Brescia",
    "Bergamo",
    "Verona",
    "Padova",
    "Parma",
    "Modena",
    "Livorno",
    "Pisa",
    "Siena",
    "Lecce",
    "Taranto",
    "Messina",
    "Catania",
    "Sassari",
    "Udine",
    "Como",
    "Varese",
    "Novara",
    "Castelfranco",
]


# Words a desk searches for: each topic, name and place is in a small share
# of the claims, as in a real archive, so a search finds some, not all.
TOPICS_IT = [
    ("le sanzioni contro la Russia", "funzionano"),
    ("l'inflazione", "scenderà entro l'anno"),
    ("le pensioni minime", "aumenteranno"),
    ("gli sbarchi dei migranti", "sono diminuiti"),
    ("le bollette della luce", "caleranno in primavera"),
    ("la disoccupazione giovanile", "è al minimo da dieci anni"),
    ("il debito pubblico", "è sotto controllo"),
    ("le emissioni di anidride carbonica", "si sono dimezzate"),
    ("la sanità pubblica", "riceverà nuovi fondi"),
    ("il prezzo della benzina", "resterà stabile"),
    ("la città di Kharkiv", "è stata colpita di nuovo"),
    ("le esportazioni di grano", "sono riprese"),
]
TOPICS_EN = [
    ("the sanctions on Russia", "are working"),
    ("inflation", "will fall this year"),
    ("the minimum wage", "will rise"),
    ("the border crossings", "have halved"),
    ("energy bills", "will come down in spring"),
    ("youth unemployment", "is at a ten-year low"),
    ("the public debt", "is under control"),
    ("carbon emissions", "have been cut by half"),
    ("the health service", "will get new money"),
    ("fuel prices", "will stay flat"),
]
NAMES = [
    "Volodymyr Zelensky",
    "Giorgia Meloni",
    "Emmanuel Macron",
    "Elly Schlein",
    "Ursula von der Leyen",
    "Mario Draghi",
    "Olaf Scholz",
    "Pedro Sánchez",
    "Jens Stoltenberg",
    "Daniel Moss",
    "Niccolò Fabi",
    "Sergio Mattarella",
]
ROLES_IT = ["Il portavoce del governo", "La ministra dell'Economia", "Il sindacato", "L'Istat"]
ROLES_EN = ["The mayor", "A government spokesman", "The central bank", "The union"]
CUES_IT = ["ha detto che", "avrebbe dichiarato che", "sostiene che"]
CUES_EN = ["said that", "claimed that", "told reporters that"]


def _sentence(language: str, article: int, n: int) -> tuple[str, str, str, str]:
    if language == "en":
        subject, predicate = random.choice(TOPICS_EN)
        roles, cues = ROLES_EN, CUES_EN
    else:
        subject, predicate = random.choice(TOPICS_IT)
        roles, cues = ROLES_IT, CUES_IT
    source = random.choice(NAMES) if random.random() < 0.5 else random.choice(roles)
    cue = random.choice(cues)
    content = f"{subject} {predicate} ({article}-{n})"
    if random.random() < 0.2:
        content = f"{content}, {'according to' if language == 'en' else 'come ricorda'} " + (
            random.choice(NAMES)
        )
    return f"{source} {cue} {content}.", source, cue, content


ARTICLE_BATCH = 200
STATUS_WEIGHTS = [55, 15, 10, 15, 5]  # unverified, in progress, in review, published, dismissed


def screen_urls(*, article, busy, middle) -> list[tuple[str, str]]:
    """Every editor screen worth timing (and whose query plans the tests check)."""
    return [
        ("dashboard", "/"),
        ("submit form", "/articles/new/"),
        ("articles", "/articles/"),
        ("articles: search", "/articles/?q=castelfranco"),
        ("articles: search, stemmed", "/articles/?q=sanzione"),
        ("articles: filtered", "/articles/?language=it&unreviewed=yes&sort=oldest&page=3"),
        ("article page (50 claims)", f"/articles/{article.pk}/"),
        ("claim page (200 events)", f"/claims/{busy.pk}/"),
        *QUEUE_PAGES,
        ("queue: middle claim", f"/queue/?claim={middle.pk}"),
        ("queue: one article", f"/queue/?article={article.pk}"),
        ("search: common word", "/search/?q=sanzione"),
        ("search: name", "/search/?q=Zelensky"),
        ("search: other spelling", "/search/?q=Zelenskij"),
        ("search: two words", "/search/?q=pensioni+minime"),
        ("search: nothing", "/search/?q=ornitorinco"),
    ]


class ClaimWriter:
    """Writes seeded claims: COPY on PostgreSQL (a million rows in about a minute
    on two cores), bulk_create elsewhere.

    Every concrete column of Claim is written, those the seed does not choose
    with the field's default, so a column added later needs no change here."""

    def __init__(self, *, user, sources: dict[str, "Source"]):
        self.user = user
        self.sources = sources
        self.ratings = list(Rating.objects.all())
        self.statuses = list(ClaimStatus.values)[: len(STATUS_WEIGHTS)]
        self.fields = [f for f in Claim._meta.concrete_fields if not f.primary_key]
        self.columns = [f.column for f in self.fields]
        self.defaults = {}
        for field in self.fields:
            if field.has_default():
                self.defaults[field.attname] = field.get_db_prep_save(
                    field.get_default(), connection
                )
            else:
                self.defaults[field.attname] = None if field.null else ""

    def _values(self, article: Article, position: int, span, now) -> dict:
        s0, source, c0, cue, k0, content = span
        status = random.choices(self.statuses, weights=STATUS_WEIGHTS)[0]
        verdict = (
            random.choice(self.ratings)
            if self.ratings and (status in ("in_review", "published") or random.random() < 0.1)
            else None
        )
        linked = self.sources.get(source)
        return {
            "article_id": article.pk,
            "position": position,
            "content": content,
            "content_start": k0,
            "content_end": k0 + len(content),
            "extraction_key": f"{k0}:{k0 + len(content)}:{s0}",
            "source_text": source,
            "source_start": s0,
            "source_end": s0 + len(source),
            "cue_text": cue,
            "cue_start": c0,
            "cue_end": c0 + len(cue),
            "source_kind": linked.kind if linked else random.choice(SourceKind.values),
            "quote_type": random.choice(QuoteType.values),
            "hedged": cue.startswith("avrebbe") or random.random() < 0.1,
            "source_id": linked.pk if linked else None,
            "status": status,
            "verdict_id": verdict.pk if verdict else None,
            "assignee_id": self.user.pk if random.random() < 0.05 else None,
            "version": 1,
            "created_at": now,
            "updated_at": now,
        }

    def write(self, articles, plans) -> None:
        now = timezone.now()
        rows = [
            self._values(article, position, span, now)
            for article, spans in zip(articles, plans, strict=True)
            for position, span in enumerate(spans)
        ]
        if connection.vendor == "postgresql":
            names = ", ".join(f'"{column}"' for column in self.columns)
            with connection.cursor() as cursor:
                with cursor.cursor.copy(f"COPY claims_claim ({names}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(
                            [row.get(f.attname, self.defaults[f.attname]) for f in self.fields]
                        )
        else:
            Claim.objects.bulk_create(
                [Claim(**{**self.defaults, **row}) for row in rows], batch_size=2000
            )


class Command(BaseCommand):
    help = "Seed a large database (once) and print p50/p95 server time of each editor screen."

    def add_arguments(self, parser):
        parser.add_argument("--claims", type=int, default=100_000)
        parser.add_argument("--runs", type=int, default=30)
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument("--cleanup", action="store_true", help="delete the seeded data")

    def handle(self, *args, **options):
        random.seed(options["seed"])
        if options["cleanup"]:
            deleted, _ = Article.objects.filter(content_hash__startswith=BENCH_PREFIX).delete()
            Source.objects.filter(normalized_name__startswith=BENCH_PREFIX).delete()
            get_user_model().objects.filter(username=BENCH_USER).delete()
            self.stdout.write(f"Removed {deleted} rows of benchmark data.")
            return
        if options["claims"] < CLAIMS_PER_ARTICLE or options["runs"] < 1:
            raise CommandError("--claims must be at least 50 and --runs at least 1.")
        user = self._user()
        self._seed(options["claims"], user)
        self._measure(user, options["runs"])

    def _user(self):
        User = get_user_model()
        user, created = User.objects.get_or_create(username=BENCH_USER)
        if created:
            user.set_unusable_password()
            user.save()
        group = Group.objects.filter(name="editor").first()
        if group is None:
            raise CommandError("The editor role is missing: run `manage.py migrate` first.")
        user.groups.add(group)
        return user

    def _seed(self, target: int, user) -> None:
        existing = Claim.objects.filter(article__content_hash__startswith=BENCH_PREFIX).count()
        if existing >= target:
            self.stdout.write(f"Using {existing:,} seeded claims (of {Claim.objects.count():,}).")
            return
        start = time.perf_counter()
        sources = self._sources()
        first = Article.objects.filter(content_hash__startswith=BENCH_PREFIX).count()
        needed_articles = (target - existing + CLAIMS_PER_ARTICLE - 1) // CLAIMS_PER_ARTICLE
        writer = ClaimWriter(user=user, sources=sources)
        for batch_start in range(first, first + needed_articles, ARTICLE_BATCH):
            batch_end = min(batch_start + ARTICLE_BATCH, first + needed_articles)
            with transaction.atomic():
                articles, plans = self._articles(range(batch_start, batch_end), user)
                writer.write(articles, plans)
            done = batch_end - first
            if done % (ARTICLE_BATCH * 10) == 0 or done == needed_articles:
                self.stdout.write(f"  seeded {done:,}/{needed_articles:,} articles")
        # The claim page's case: the first seeded claim, with 200 events and 50 comments.
        busy = (
            Claim.objects.filter(article__content_hash__startswith=BENCH_PREFIX)
            .order_by("id")
            .first()
        )
        events = 200 - ClaimEvent.objects.filter(claim=busy).count()
        ClaimEvent.objects.bulk_create(
            ClaimEvent(
                claim=busy,
                actor=user,
                action="set_status",
                field="status",
                old_value="unverified",
                new_value="in_progress",
            )
            for _ in range(max(events, 0))
        )
        comments = 50 - Comment.objects.filter(claim=busy).count()
        Comment.objects.bulk_create(
            Comment(claim=busy, author=user, body=f"nota {n}") for n in range(max(comments, 0))
        )
        # Fresh planner statistics: a bulk load is invisible to the planner until
        # autovacuum gets round to it, and stale statistics make plans very wrong.
        # VACUUM also flushes GIN pending lists and sets the visibility map.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
        total = Claim.objects.filter(article__content_hash__startswith=BENCH_PREFIX).count()
        self.stdout.write(
            f"Seeded {total:,} claims in {time.perf_counter() - start:.1f} s "
            f"({Claim.objects.count():,} in the database)."
        )

    def _sources(self) -> dict[str, Source]:
        names = [*NAMES, *ROLES_IT, *ROLES_EN]
        for name in names:
            key = f"{BENCH_PREFIX}{name.lower()}"
            Source.objects.get_or_create(
                normalized_name=key,
                defaults={
                    "name": name,
                    "kind": SourceKind.PERSON if name in NAMES else SourceKind.ROLE,
                    "aliases": [name.split()[-1]] if name in NAMES else [],
                },
            )
        seeded = Source.objects.filter(normalized_name__startswith=BENCH_PREFIX)
        by_key = {source.normalized_name: source for source in seeded}
        return {name: by_key[f"{BENCH_PREFIX}{name.lower()}"] for name in names}

    def _articles(self, numbers, user):
        articles, plans = [], []
        now = timezone.now()
        for a in numbers:
            language = "en" if a % 4 == 0 else "it"
            dateline = f"{PLACES[a % len(PLACES)]}, {a % 28 + 1} novembre."
            parts, spans, offset = [dateline], [], len(dateline) + 1
            for n in range(CLAIMS_PER_ARTICLE):
                sentence, source, cue, content = _sentence(language, a, n)
                spans.append(
                    (
                        offset,
                        source,
                        offset + sentence.index(cue),
                        cue,
                        offset + sentence.index(content),
                        content,
                    )
                )
                parts.append(sentence)
                offset += len(sentence) + 1
            articles.append(
                Article(
                    title=f"Articolo di prova {a}" if a % 10 else "",
                    language=language,
                    text=" ".join(parts),
                    content_hash=f"{BENCH_PREFIX}{a}",
                    submitted_by=user,
                    extraction_state=ExtractionState.DONE,
                    extracted_at=now,
                )
            )
            plans.append(spans)
        Article.objects.bulk_create(articles, batch_size=ARTICLE_BATCH)
        return articles, plans

    def _measure(self, user, runs: int) -> None:
        if "testserver" not in settings.ALLOWED_HOSTS and "*" not in settings.ALLOWED_HOSTS:
            settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
        client = Client()
        client.force_login(user)
        bench = Article.objects.filter(content_hash__startswith=BENCH_PREFIX)
        article = bench.order_by("id").first()
        busy = Claim.objects.filter(article=article).order_by("id").first()
        middle = Claim.objects.filter(article__in=bench).order_by("id")[
            Claim.objects.filter(article__in=bench).count() // 2
        ]
        pages = screen_urls(article=article, busy=busy, middle=middle)
        if hasattr(os, "getloadavg"):
            load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
            self.stdout.write(f"\nLoad average before measuring: {load} ({os.cpu_count()} CPUs)")
        self.stdout.write(
            f"\n{'page':<30} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'cpu p95':>8}"
        )
        slow = []
        for name, url in pages:
            for _ in range(3):  # warm caches and connections
                response = client.get(url)
                if response.status_code != 200:
                    raise CommandError(f"{url} answered {response.status_code}")
            timings, cpu = [], []
            for _ in range(runs):
                started, cpu_started = time.perf_counter(), time.process_time()
                client.get(url)
                timings.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - cpu_started) * 1000)
            timings.sort()
            cpu.sort()
            p50 = statistics.median(timings)
            p95 = timings[min(len(timings) - 1, int(round(0.95 * (len(timings) - 1))))]
            if p95 > BUDGET_MS:
                slow.append(name)
            cpu95 = cpu[min(len(cpu) - 1, int(round(0.95 * (len(cpu) - 1))))]
            self.stdout.write(f"{name:<30} {p50:8.1f} {p95:8.1f} {timings[-1]:8.1f} {cpu95:8.1f}")
        engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
        verdict = "all within" if not slow else f"over budget: {', '.join(slow)}; budget"
        self.stdout.write(f"\n{engine}, {runs} runs per page: {verdict} {BUDGET_MS:.0f} ms p95.")
