"""The extraction quality page: how the extractor fares against the editors."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import permission_required
from django.shortcuts import render
from django.utils.translation import gettext_lazy

from claims.quality import CATEGORIES, FIELDS, extraction_quality
from claims.views.common import role_required

ITEMS_SHOWN = 200
CATEGORY_LABELS = {
    "kept": gettext_lazy("Kept"),
    "respanned": gettext_lazy("Re-spanned"),
    "corrected": gettext_lazy("Corrected"),
    "not_a_claim": gettext_lazy("Not a claim"),
    "merged": gettext_lazy("Merged"),
    "added": gettext_lazy("Added"),
}
FIELD_LABELS = {
    "source": gettext_lazy("source"),
    "cue": gettext_lazy("cue"),
    "channel": gettext_lazy("channel"),
    "kind": gettext_lazy("kind"),
    "quote": gettext_lazy("quotation"),
    "hedged": gettext_lazy("hedged"),
}


@role_required
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
            label = CATEGORY_LABELS[show]
            if field:
                label = f"{label}: {FIELD_LABELS[field]}"
            chosen = {"version": key[0], "language": key[1], "label": label}
            items = figures.items_for(show, field)
    context = {
        "rows": rows,
        "fields": FIELDS,
        "field_labels": [(name, FIELD_LABELS[name]) for name in FIELDS],
        "chosen": chosen,
        "items": items[:ITEMS_SHOWN],
        "more_items": max(0, len(items) - ITEMS_SHOWN),
    }
    return render(request, "claims/quality/extraction.html", context)
