from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from claims import selectors, services
from claims.exceptions import SubmissionRefused, WorkflowError
from claims.forms import ArticleFilterForm, ArticleSubmitForm
from claims.ingest.services import article_submit_html, article_submit_url
from claims.models import Article, ExtractionState
from claims.pagination import CappedPaginator
from claims.templatetags.claims_tags import claim_url_builder
from claims.views.common import is_htmx, role_required
from claims.views.editing import claims_editor_data, editor_choices

ARTICLES_PER_PAGE = 25


def _submit(data: dict, title: str, user):
    """Pasted text, an uploaded file, or (with neither) a link for the worker to fetch."""
    language = data["language"] or None
    upload = data.get("upload")
    if upload and Path(upload["name"]).suffix.lower() in (".html", ".htm"):
        # The same page extraction as a fetched link: text, metadata, raw HTML kept.
        return article_submit_html(
            html=upload["data"], url=data["url"], submitted_by=user, language=language, title=title
        )
    text = upload["data"] if upload else (data["text"] or "")
    if not (upload or text.strip()) and data["url"].strip():
        return article_submit_url(
            url=data["url"], submitted_by=user, language=language, title=title
        )
    return services.article_submit(
        text=text, language=language, title=title, url=data["url"], submitted_by=user
    )


@role_required
def article_new(request):
    """Paste or upload an article; refusals are shown beside the form, input kept."""
    if not request.user.has_perm("claims.add_article"):
        return render(
            request,
            "claims/article_new.html",
            {"form": None, "refused": _("Your role cannot submit articles.")},
            status=403,
        )
    refused = None
    existing = None
    if request.method == "POST":
        form = ArticleSubmitForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            title = data["title"]
            try:
                result = _submit(data, title, request.user)
            except SubmissionRefused as exc:
                refused = exc.message
            else:
                if result.created:
                    messages.success(
                        request, _("Article submitted: its claims are being extracted.")
                    )
                    return redirect("claims:article_detail", pk=result.article.pk)
                existing = result.article
    else:
        form = ArticleSubmitForm()
    status = 200 if refused is None and existing is None and not form.errors else 400
    if existing is not None:
        status = 409
    return render(
        request,
        "claims/article_new.html",
        {"form": form, "refused": refused, "existing": existing},
        status=status,
    )


@role_required
def article_list(request):
    form = ArticleFilterForm(request.GET or None)
    filters = form.filters() if request.GET else ArticleFilterForm({}).filters()
    paginator = CappedPaginator(selectors.article_list(**filters), ARTICLES_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    counts = selectors.article_claim_counts(article_ids=[article.pk for article in page])
    for article in page:
        article.claim_counts = counts.get(article.pk, {"total": 0, "unreviewed": 0})
    context = {"form": form, "page": page, "filters": filters}
    template = "claims/_article_results.html" if is_htmx(request) else "claims/article_list.html"
    return render(request, template, context)


def _article_context(article):
    claims = list(selectors.article_claims(article=article))
    claim_url = claim_url_builder()
    for claim in claims:
        claim.url = claim_url(claim.pk)
    return {
        "article": article,
        "claims": claims,
        "states": ExtractionState,
        # For the in-text editor (static/js/claim_editor.js).
        "claims_data": claims_editor_data(claims),
    }


@role_required
def article_detail(request, pk):
    try:
        article = selectors.article_detail(article_id=pk)
    except Article.DoesNotExist:
        raise Http404 from None
    context = _article_context(article)
    context.update(editor_choices())
    return render(request, "claims/article_detail.html", context)


@role_required
def article_progress(request, pk):
    """The extraction state, polled by htmx while queued or running.

    When the extraction has just finished, the response also carries the
    highlighted text and the claims, swapped out of band into the page.
    """
    try:
        article = selectors.article_progress(article_id=pk)
    except Article.DoesNotExist:
        raise Http404 from None
    finished = article.extraction_state in (ExtractionState.DONE, ExtractionState.FAILED)
    context = {"article": article, "states": ExtractionState, "oob_body": False}
    if finished and request.GET.get("was") in (ExtractionState.QUEUED, ExtractionState.RUNNING):
        context = _article_context(selectors.article_detail(article_id=pk))
        context["oob_body"] = True
    if not is_htmx(request):
        return redirect("claims:article_detail", pk=pk)
    return render(request, "claims/_extraction_progress.html", context)


@role_required
@permission_required("claims.add_article", raise_exception=True)
@require_POST
def article_retry(request, pk):
    article = get_object_or_404(Article.objects.only("id"), pk=pk)
    try:
        services.article_retry_extraction(article=article)
    except WorkflowError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Extraction queued again."))
    return redirect("claims:article_detail", pk=pk)
