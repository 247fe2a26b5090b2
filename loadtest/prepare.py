"""Create the load test's editors and write the plan the locustfile reads.

    python loadtest/prepare.py [--users 20] [--plan var/loadtest-plan.json]

Run after seeding (manage.py bench_screens seeds 100,000 claims).
"""

import argparse
import json
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402

from claims.models import Article, Claim, ClaimStatus, Rating  # noqa: E402

PASSWORD = "load-test-only-password"
CLAIMS_PER_USER = 200


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--plan", default=str(ROOT / "var" / "loadtest-plan.json"))
    args = parser.parse_args()
    random.seed(11)

    editor = Group.objects.get(name="editor")
    users = []
    for n in range(args.users):
        user, _ = get_user_model().objects.get_or_create(username=f"load-editor-{n}")
        user.set_password(PASSWORD)
        user.save()
        user.groups.add(editor)
        users.append(user.username)

    # Claims no one has published, so a verdict can be saved on each.
    open_claims = list(
        Claim.objects.exclude(status=ClaimStatus.PUBLISHED)
        .order_by("-id")
        .values_list("id", flat=True)[: CLAIMS_PER_USER * args.users]
    )
    if len(open_claims) < CLAIMS_PER_USER * args.users:
        sys.exit("Seed the database first: manage.py bench_screens --claims 100000 --runs 1")
    articles = list(Article.objects.order_by("-id").values_list("id", flat=True)[:2000])
    plan = {
        "password": PASSWORD,
        "users": users,
        "claims_by_user": [open_claims[n :: args.users] for n in range(args.users)],
        "articles": articles,
        "ratings": list(Rating.objects.values_list("id", flat=True)),
    }
    Path(args.plan).write_text(json.dumps(plan))
    print(f"Plan for {len(users)} editors, {len(open_claims)} claims, written to {args.plan}")


if __name__ == "__main__":
    main()
