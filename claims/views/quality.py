"""The extraction quality page: how the extractor fares against the editors."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import render

from claims.quality import CATEGORIES, FIELDS, extraction_quality

ITEMS_SHOWN = 200


@login_required
@permission_required("claims.view_extractioncorrection", raise_exception=True)
def extraction_quality_page(request):
    groups = extraction_quality()
    rows = [
        {
            "version": version,
            "language": language,
            "figures": figures,
            "query": "?" + urlencode({"version": version, "language": language}),
            "corrected": [(name, figures.corrected.get(name, 0)) for name in FIELDS],
        }
        for (version, language), figures in groups.items()
    ]
    show = request.GET.get("show", "")
    field = request.GET.get("field", "")
    chosen = None
    items = []
    if show in CATEGORIES and (not field or field in FIELDS):
        key = (request.GET.get("version", ""), request.GET.get("language", ""))
        figures = groups.get(key)
        if figures is not None:
            chosen = {"version": key[0], "language": key[1], "show": show, "field": field}
            items = figures.items_for(show, field)
    context = {
        "rows": rows,
        "fields": FIELDS,
        "chosen": chosen,
        "items": items[:ITEMS_SHOWN],
        "more_items": max(0, len(items) - ITEMS_SHOWN),
    }
    return render(request, "claims/quality/extraction.html", context)
