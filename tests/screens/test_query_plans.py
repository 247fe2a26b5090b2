"""No screen reads the whole claims table.

The bench data (bench_screens' own seeding, 2,000 claims) is far too small
for the planner to prefer indexes by itself, so sequential scans are priced
out (enable_seqscan = off) and each query's plan is then read: a sequential
scan of claims still chosen means no index can answer that query, and a walk
over a whole index with no condition is allowed only under a LIMIT (the
queue's keyset pages). What counts at a million rows is timed by
`manage.py bench_screens --claims 1000000`.
"""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims import selectors
from claims.management.commands import bench_screens
from claims.models import Article, Claim, ClaimEvent
from tests.screens.roles import make_user

CLAIMS_TABLE = re.compile(r'\bclaims_claim\b"?')
SKIP = ("EXPLAIN", "SAVEPOINT", "RELEASE", "ROLLBACK", "SET ")


@pytest.fixture
def seeded(db, ratings, monkeypatch):
    editor = make_user("bench-editor", "editor")
    command = bench_screens.Command()
    writer = bench_screens.ClaimWriter(user=editor, sources=command._sources())
    articles, plans = command._articles(range(40), editor)
    writer.write(articles, plans)
    busy = Claim.objects.order_by("id").first()
    ClaimEvent.objects.bulk_create(
        ClaimEvent(claim=busy, actor=editor, action="set_status", field="status")
        for _ in range(200)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    # The dashboard's large-desk path (statistics, not a count) is the one to check.
    monkeypatch.setattr(selectors, "ESTIMATE_FROM_ROWS", 1)
    claims = list(Claim.objects.order_by("id").values_list("id", flat=True))
    return {
        "editor": editor,
        "article": Article.objects.order_by("id").first(),
        "busy": busy,
        "middle": Claim(pk=claims[len(claims) // 2]),
    }


def whole_table_reads(plan, under_limit=False):
    """Nodes of a JSON plan that read every row of claims_claim."""
    found = []
    node_type = plan.get("Node Type")
    if plan.get("Relation Name") == "claims_claim":
        if node_type == "Seq Scan":
            found.append("Seq Scan")
        elif node_type in ("Index Scan", "Index Only Scan") and not plan.get("Index Cond"):
            if not under_limit:
                found.append(f"{node_type} using {plan.get('Index Name')} without a condition")
    limited = under_limit or node_type == "Limit"
    for child in plan.get("Plans", []):
        found.extend(whole_table_reads(child, limited))
    return found


def test_no_screen_reads_the_whole_claims_table(seeded, client):
    client.force_login(seeded["editor"])
    urls = bench_screens.screen_urls(
        article=seeded["article"], busy=seeded["busy"], middle=seeded["middle"]
    )
    problems, checked = [], 0
    for name, url in urls:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, url
        for query in captured.captured_queries:
            sql = query["sql"]
            if sql.startswith(SKIP) or not CLAIMS_TABLE.search(sql):
                continue
            with connection.cursor() as cursor:
                cursor.execute("SET enable_seqscan = off")
                cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}")
                plan = cursor.fetchone()[0]
                cursor.execute("RESET enable_seqscan")
            plan = json.loads(plan) if isinstance(plan, str) else plan
            checked += 1
            for problem in whole_table_reads(plan[0]["Plan"]):
                problems.append(f"{name}: {problem}: {' '.join(sql.split())[:200]}")
    assert checked > 40  # the screens' queries were really looked at
    assert problems == []


def test_the_queue_counts_exactly_up_to_a_cap_and_estimates_beyond(seeded, monkeypatch):
    queryset = Claim.objects.all()
    exact = selectors.claim_queue_counts(queryset=queryset.filter(article=seeded["article"]))
    assert exact == {
        "total": 50,
        "without_verdict": Claim.objects.filter(
            article=seeded["article"], verdict__isnull=True
        ).count(),
        "unverified": Claim.objects.filter(article=seeded["article"], status="unverified").count(),
        "in_progress": Claim.objects.filter(
            article=seeded["article"], status="in_progress"
        ).count(),
        "in_review": Claim.objects.filter(article=seeded["article"], status="in_review").count(),
        "estimated": False,
    }
    monkeypatch.setattr(selectors, "COUNT_CAP", 100)
    estimated = selectors.claim_queue_counts(queryset=queryset)
    assert estimated["estimated"] is True
    assert 1_000 <= estimated["total"] <= 3_000  # the planner's guess for 2,000 claims
