from django.shortcuts import render

from claims import selectors
from claims.models import ClaimStatus
from claims.views.common import role_required


@role_required
def home(request):
    by_status, by_verdict = selectors.claim_counts()
    return render(
        request,
        "claims/home.html",
        {
            "by_status": [(ClaimStatus(status), count) for status, count in by_status.items()],
            "by_verdict": by_verdict,
            "mine": list(selectors.claims_assigned_to(user=request.user)),
            "oldest": list(selectors.claims_oldest_unreviewed()),
            "articles": list(selectors.article_recent(limit=10)),
        },
    )
