"""Screens of the ingest: submit a link, feeds, batch imports, repeated claims.

Function views with @role_required (a login and a newsroom role); htmx
requests get the partial, plain requests the full page, and every page reads
without JavaScript.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from claims.exceptions import DomainError, SubmissionRefused
from claims.ingest import feeds, imports, repeats, services
from claims.ingest.forms import FeedForm, ImportUploadForm, UrlSubmitForm
from claims.models import Article, Claim, Feed, ImportJob, ImportState
from claims.views.common import local_path, role_required


def _is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def _require_add_article(request):
    if not request.user.has_perm("claims.add_article"):
        raise PermissionDenied(_("Your role cannot submit articles."))


@role_required
def index(request):
    return render(
        request,
        "ingest/index.html",
        {
            "feeds": Feed.objects.order_by("-last_polled_at", "title")[:10],
            "jobs": ImportJob.objects.select_related("created_by")[:10],
            "url_form": UrlSubmitForm(),
        },
    )


@role_required
def url_submit(request):
    _require_add_article(request)
    form = UrlSubmitForm(request.POST or None)
    refused = None
    if request.method == "POST" and form.is_valid():
        try:
            result = services.article_submit_url(
                url=form.cleaned_data["url"],
                language=form.cleaned_data["language"] or None,
                submitted_by=request.user,
            )
        except SubmissionRefused as exc:
            refused = exc.message
        else:
            if result.created:
                messages.success(request, _("The link was saved: a worker is fetching the page."))
            else:
                messages.info(request, _("This link was already submitted."))
            return redirect("claims:article_detail", result.article.pk)
    return render(
        request,
        "ingest/url_submit.html",
        {"form": form, "refused": refused},
        status=400 if refused or form.errors else 200,
    )


@role_required
def fetch_state(request, pk: int):
    """The fetch state of an article submitted by link (a partial that polls itself)."""
    article = get_object_or_404(
        Article.objects.only(
            "pk", "url", "extraction_state", "extraction_error", "fetch_error_code", "duplicate_of"
        ),
        pk=pk,
    )
    response = render(request, "ingest/_fetch_state.html", {"article": article})
    if request.GET.get("was") == "fetching" and article.extraction_state != "fetching":
        # Fetched: reload the page so the extraction progress and text appear.
        response["HX-Refresh"] = "true"
    return response


@role_required
@require_POST
def fetch_retry(request, pk: int):
    _require_add_article(request)
    article = get_object_or_404(Article, pk=pk)
    try:
        services.article_retry_fetch(article=article)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The page will be fetched again."))
    return redirect("claims:article_detail", article.pk)


@role_required
def feed_list(request):
    form = FeedForm(request.POST or None)
    refused = None
    if request.method == "POST":
        _require_add_article(request)
        if form.is_valid():
            try:
                registration = feeds.feed_register(
                    url=form.cleaned_data["url"],
                    language=form.cleaned_data["language"] or None,
                    created_by=request.user,
                )
            except SubmissionRefused as exc:
                refused = exc.message
            else:
                if registration.created:
                    _enqueue_poll(registration.feed.pk)
                    messages.success(request, _("Feed registered: its first run starts now."))
                else:
                    messages.info(request, _("This feed is already registered."))
                return redirect("ingest:feed_detail", registration.feed.pk)
    return render(
        request,
        "ingest/feed_list.html",
        {"form": form, "refused": refused, "feeds": Feed.objects.all()},
        status=400 if refused or form.errors else 200,
    )


def _enqueue_poll(feed_id: int) -> bool:
    from kombu.exceptions import OperationalError

    from claims.ingest.tasks import poll_feed

    try:
        poll_feed.delay(feed_id)
    except OperationalError:
        return False
    return True


@role_required
def feed_detail(request, pk: int):
    feed = get_object_or_404(Feed, pk=pk)
    items = (
        feed.items.select_related("article").defer("article__text").order_by("-created_at", "-id")
    )
    page = Paginator(items, 50).get_page(request.GET.get("page"))
    return render(request, "ingest/feed_detail.html", {"feed": feed, "page": page})


@role_required
@require_POST
def feed_poll_now(request, pk: int):
    _require_add_article(request)
    feed = get_object_or_404(Feed, pk=pk)
    if _enqueue_poll(feed.pk):
        messages.success(request, _("The feed will be read in a moment."))
    else:
        messages.error(request, _("The task queue could not be reached: try again later."))
    return redirect("ingest:feed_detail", feed.pk)


@role_required
@require_POST
def feed_toggle(request, pk: int):
    _require_add_article(request)
    feed = get_object_or_404(Feed, pk=pk)
    feeds.feed_set_active(feed=feed, active=not feed.active)
    return redirect("ingest:feed_detail", feed.pk)


@role_required
def import_list(request):
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    refused = None
    if request.method == "POST":
        _require_add_article(request)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                job = imports.import_job_submit(
                    filename=upload.name, data=upload.read(), created_by=request.user
                )
            except imports.ImportRefused as exc:
                refused = exc.message
            else:
                return redirect("ingest:import_detail", job.pk)
    return render(
        request,
        "ingest/import_list.html",
        {"form": form, "refused": refused, "jobs": ImportJob.objects.select_related("created_by")},
        status=400 if refused or form.errors else 200,
    )


@role_required
def import_detail(request, pk: int):
    job = get_object_or_404(ImportJob.objects.defer("payload"), pk=pk)
    context = {
        "job": job,
        "errors": job.row_errors.all()[:200],
        "running": job.state in (ImportState.PENDING, ImportState.RUNNING),
    }
    template = "ingest/_import_progress.html" if _is_htmx(request) else "ingest/import_detail.html"
    return render(request, template, context)


@role_required
def claim_repeats(request, pk: int):
    claim = get_object_or_404(
        Claim.objects.select_related("article", "verdict").defer("article__text"), pk=pk
    )
    context = {"claim": claim, "repeats": repeats.claim_also_appears_in(claim)}
    template = "ingest/_also_appears_in.html" if _is_htmx(request) else "ingest/claim_repeats.html"
    return render(request, template, context)


@role_required
def claim_apply_verdict(request, pk: int):
    """Apply a repeat's verdict, with the user's reason; every answer, refusals
    included, goes back to the claim page with a message."""
    claim = get_object_or_404(Claim.objects.only("id", "version"), pk=pk)
    if request.method != "POST":
        return redirect("claims:claim_detail", claim.pk)
    source = Claim.objects.filter(pk=_int(request.POST.get("source_claim"))).first()
    version = request.POST.get("version")
    try:
        if source is None:
            raise DomainError(_("That claim no longer exists."))
        repeats.claim_apply_existing_verdict(
            claim=claim,
            source_claim=source,
            user=request.user,
            expected_version=int(version) if version and version.isdigit() else None,
            reason=request.POST.get("reason", ""),
        )
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("claims:claim_detail", claim.pk)
    messages.success(request, _("The verdict was applied."))
    target = local_path(request.POST.get("next"))
    if target:
        return redirect(target)
    return redirect("ingest:claim_repeats", claim.pk)


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
