"""How much one article's API page grows a fresh web process (docs/OPERATIONS.md).

Run from a checkout, with the database it should use:

    DATABASE_URL=postgres://... .venv/bin/python loadtest/article_memory.py --claims 1500 5000

For each size it stores (once) an article of about 176 characters per claim
with that many claims, then serves GET /api/articles/<id>/ in a new process
and prints the growth of its peak resident memory. The child runs under an
address-space cap (--cap-gb), so a page that balloons fails with MemoryError
instead of taking the machine down; that is reported as "over the cap".
"""

import argparse
import os
import subprocess
import sys

CHARS_PER_CLAIM = 176  # 5,000 claims in an 880,000-character article, as in issue 14
SENTENCE = "Il sindaco {n} ha detto che il ponte numero {n} riaprirà entro la fine del mese. "

CHILD = r"""
import os, resource, sys
import django
django.setup()
from django.test import Client
from django.contrib.auth import get_user_model

def hwm():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
user = get_user_model().objects.get(username="bench-memory")
client = Client(HTTP_ACCEPT_LANGUAGE="en")
client.force_login(user)
small, big = int(sys.argv[1]), int(sys.argv[2])
client.get(f"/api/articles/{small}/")  # warm-up: imports, caches, connection
before = hwm()
size = int(os.environ.get("CAP_BYTES", "0"))
if size:
    resource.setrlimit(resource.RLIMIT_AS, (size, size))
try:
    response = client.get(f"/api/articles/{big}/")
    status = response.status_code
    claims = len(response.json().get("claims", [])) if status == 200 else -1
except MemoryError:
    status, claims = "MemoryError", -1
print(status, claims, hwm() - before)
"""


def ensure_article(claims: int) -> int:
    from django.contrib.auth import get_user_model

    from claims.models import Article, Claim, QuoteType, SourceKind

    get_user_model().objects.get_or_create(username="bench-memory", defaults={"is_staff": True})
    user = get_user_model().objects.get(username="bench-memory")
    user.is_superuser = True
    user.save()
    title = f"bench-memory {claims} claims"
    existing = Article.objects.filter(title=title).first()
    if existing is not None:
        return existing.pk
    sentences, length, n = [], 0, 0
    while length < claims * CHARS_PER_CLAIM:
        sentence = SENTENCE.format(n=n)
        sentences.append(sentence)
        length += len(sentence)
        n += 1
    text = "".join(sentences)
    import hashlib

    article = Article.objects.create(
        title=title,
        text=text,
        language="it",
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        extraction_state="done",
    )
    rows, start = [], 0
    for position in range(claims):
        sentence = sentences[position % len(sentences)]
        end = start + len(sentence) - 1
        rows.append(
            Claim(
                article=article,
                position=position,
                content=sentence.strip(),
                content_start=start,
                content_end=end,
                extraction_key=f"{start}:{end}:{position}",
                source_text=f"Il sindaco {position}",
                source_kind=SourceKind.ROLE,
                quote_type=QuoteType.INDIRECT,
            )
        )
        start = end + 1
    Claim.objects.bulk_create(rows, batch_size=1000)
    return article.pk


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, nargs="+", default=[1500, 5000])
    parser.add_argument("--cap-gb", type=float, default=6.0)
    args = parser.parse_args()
    sys.path.insert(0, os.getcwd())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
    import django

    django.setup()
    small = ensure_article(3)
    for count in args.claims:
        big = ensure_article(count)
        env = {**os.environ, "CAP_BYTES": str(int(args.cap_gb * 1024**3))}
        result = subprocess.run(
            [sys.executable, "-c", CHILD, str(small), str(big)],
            cwd=os.getcwd(),
            env=env,
            capture_output=True,
            text=True,
        )
        if result.returncode != 0 and not result.stdout.strip():
            print(
                f"{count:>6} claims: the process died ({result.returncode})", result.stderr[-300:]
            )
            continue
        status, returned, grown = result.stdout.split()[-3:]
        if status != "200":
            print(f"{count:>6} claims: {status} (over the {args.cap_gb:g} GB cap)")
        else:
            print(
                f"{count:>6} claims: 200, {returned} claims in the page, "
                f"peak RSS +{int(grown) / 1024**2:.0f} MB"
            )


if __name__ == "__main__":
    main()
