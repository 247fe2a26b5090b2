"""``manage.py score_extraction [--version V]``: the current extractor against
the editors' final claims on the reviewed articles.

Prints, per language and overall, the figures of the extraction quality page:
how many extracted claims match a final claim unchanged (kept), re-cut,
corrected by field, unmatched (not a claim, or merged), and final claims it
misses (added), with the implied precision and recall.
"""

from collections import defaultdict

from django.core.management.base import BaseCommand

from claims.quality import (
    Figures,
    article_extractor_version,
    compare_run,
    final_claims,
    format_figures,
    gold_claim,
    reviewed_articles,
)


class Command(BaseCommand):
    help = "Re-run the extractor on reviewed articles and score it against the editors' claims."

    def add_arguments(self, parser):
        # --version here selects an extractor version; it replaces Django's own.
        parser.conflict_handler = parser._optionals.conflict_handler = "resolve"
        parser.add_argument(
            "--version", dest="extractor_version", help="only articles extracted by this version"
        )

    def handle(self, *args, **options):
        from claims.extraction import EXTRACTOR_VERSION, extract

        wanted = options["extractor_version"]
        by_language: dict[str, Figures] = defaultdict(Figures)
        total = Figures()
        for article in reviewed_articles().iterator(chunk_size=50):
            claims = list(article.claims.all())
            if wanted and article_extractor_version(article, claims) != wanted:
                continue
            gold = [gold_claim(claim) for claim in final_claims(article)]
            extracted = [
                {key: value for key, value in record.to_dict().items() if key != "source_name"}
                for record in extract(article.text, article.language)
            ]
            compare_run(by_language[article.language], article.pk, gold, extracted)
            compare_run(total, article.pk, gold, extracted)
        scope = f" (articles extracted by {wanted})" if wanted else ""
        self.stdout.write(f"extractor {EXTRACTOR_VERSION} on reviewed articles{scope}")
        for language, figures in sorted(by_language.items()):
            self.stdout.write("\n".join(format_figures(f"[{language}]", figures)))
        self.stdout.write("\n".join(format_figures("[all]", total)))
