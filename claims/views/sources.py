"""Speaker pages: every source with its claims across articles and its record
of published verdicts; editors rename, retype and merge duplicates."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from claims import source_selectors
from claims.exceptions import NotAllowed, WorkflowError
from claims.models import Source, SourceKind
from claims.services.sources import source_merge, source_rename, source_retype
from claims.views.common import role_required

SOURCES_PER_PAGE = 50
CLAIMS_PER_PAGE = 50


class SourceSearchForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("Name or alias"), required=False, max_length=200)
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind"),
        required=False,
        choices=[("", gettext_lazy("Any kind")), *SourceKind.choices],
    )


class SourceEditForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=300)
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=SourceKind.choices)


class SourceMergeForm(forms.Form):
    other = forms.IntegerField(
        label=gettext_lazy("Duplicate source (its number)"),
        min_value=1,
        help_text=gettext_lazy("Its claims move here and its names become aliases."),
    )


@role_required
@permission_required("claims.view_source", raise_exception=True)
def source_list(request):
    form = SourceSearchForm(request.GET or None)
    query, kind = "", ""
    if form.is_valid():
        query, kind = form.cleaned_data["q"], form.cleaned_data["kind"]
    page = Paginator(source_selectors.source_search(query=query, kind=kind), SOURCES_PER_PAGE)
    context = {"form": form, "page": page.get_page(request.GET.get("page")), "query": query}
    return render(request, "claims/sources/list.html", context)


@role_required
@permission_required("claims.view_source", raise_exception=True)
def source_suggest(request):
    """Names and aliases for the article page's source field (JSON)."""
    query = (request.GET.get("q") or "").strip()[:100]
    found = source_selectors.source_suggestions(query=query) if len(query) >= 2 else []
    return JsonResponse({"sources": found})


def _detail_context(request, source, **forms_):
    claims = Paginator(source_selectors.source_claims(source=source), CLAIMS_PER_PAGE)
    return {
        "source": source,
        "claims": claims.get_page(request.GET.get("page")),
        "record": source_selectors.source_record(source=source),
        "history": source_selectors.source_history(source=source),
        "duplicates": source_selectors.source_duplicates(source=source),
        "edit_form": forms_.get("edit")
        or SourceEditForm(initial={"name": source.name, "kind": source.kind}),
        "merge_form": forms_.get("merge") or SourceMergeForm(),
        "error": forms_.get("error"),
    }


@role_required
@permission_required("claims.view_source", raise_exception=True)
def source_detail(request, pk):
    source = get_object_or_404(Source, pk=pk)
    return render(request, "claims/sources/detail.html", _detail_context(request, source))


def _refuse(request, source, exc, status, **forms_):
    context = _detail_context(request, source, error=exc.message, **forms_)
    return render(request, "claims/sources/detail.html", context, status=status)


@role_required
@require_POST
def source_edit(request, pk):
    source = get_object_or_404(Source, pk=pk)
    form = SourceEditForm(request.POST)
    if not form.is_valid():
        context = _detail_context(request, source, edit=form)
        return render(request, "claims/sources/detail.html", context, status=400)
    try:
        source = source_rename(source=source, user=request.user, name=form.cleaned_data["name"])
        source = source_retype(source=source, user=request.user, kind=form.cleaned_data["kind"])
    except NotAllowed as exc:
        return _refuse(request, source, exc, 403, edit=form)
    except WorkflowError as exc:
        return _refuse(request, source, exc, 400, edit=form)
    messages.success(request, _("Source saved."))
    return redirect("claims:source_detail", pk=source.pk)


@role_required
@require_POST
def source_merge_view(request, pk):
    source = get_object_or_404(Source, pk=pk)
    form = SourceMergeForm(request.POST)
    if not form.is_valid():
        context = _detail_context(request, source, merge=form)
        return render(request, "claims/sources/detail.html", context, status=400)
    other = Source.objects.filter(pk=form.cleaned_data["other"]).first()
    try:
        if other is None:
            raise WorkflowError(_("There is no such source."))
        source = source_merge(into=source, other=other, user=request.user)
    except NotAllowed as exc:
        return _refuse(request, source, exc, 403, merge=form)
    except WorkflowError as exc:
        return _refuse(request, source, exc, 400, merge=form)
    messages.success(request, _("Sources merged."))
    return redirect("claims:source_detail", pk=source.pk)
