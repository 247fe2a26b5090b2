"""``manage.py export_gold DIR``: the editors' final claims as gold files.

One ``<id>.json`` per article in the format of the annotation guidelines
(``id``, ``lang``, ``text``, ``claims`` with spans, kind, quote, hedged), so
the desk's corrections can be scored like any gold set. Claims marked "not a
claim" are left out; added and re-cut ones are in as the editors left them.
"""

import json
from datetime import datetime, time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from claims.quality import article_gold, reviewed_articles


def _moment(value: str) -> datetime:
    moment = parse_datetime(value)
    if moment is None:
        day = parse_date(value)
        if day is None:
            raise CommandError(f"--since: “{value}” is not a date (YYYY-MM-DD) or a moment.")
        moment = datetime.combine(day, time.min)
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


class Command(BaseCommand):
    help = "Write the articles editors touched (or those given) as gold files in DIR."

    def add_arguments(self, parser):
        parser.add_argument("dir")
        parser.add_argument(
            "--article", type=int, action="append", default=[], help="an article id (repeatable)"
        )
        parser.add_argument("--since", help="only articles corrected since this date")

    def handle(self, *args, **options):
        since = _moment(options["since"]) if options["since"] else None
        target = Path(options["dir"])
        try:
            target.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CommandError(f"cannot create {target}: {exc}") from None
        articles = reviewed_articles(article_ids=options["article"], since=since)
        missing = set(options["article"]) - set(articles.values_list("pk", flat=True))
        if missing:
            raise CommandError(f"no such article (or no text yet): {sorted(missing)}")
        written = claims = 0
        for article in articles.iterator(chunk_size=100):
            gold = article_gold(article)
            path = target / f"{gold['id']}.json"
            path.write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
            written += 1
            claims += len(gold["claims"])
        self.stdout.write(f"wrote {written} articles, {claims} claims to {target}")
