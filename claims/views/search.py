"""The search box: articles, claims and sources matching the words typed."""

from django.shortcuts import render

from claims import search
from claims.views.common import is_htmx, role_required


@role_required
def search_results(request):
    results = search.search_everything(query=request.GET.get("q", ""))
    template = "claims/_search_results.html" if is_htmx(request) else "claims/search.html"
    context = {"results": results, "query": results.query, "search_query": results.query}
    return render(request, template, context)
