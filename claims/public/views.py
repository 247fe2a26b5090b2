"""The public fact-check pages: readable without an account, GET only.

A page is in the claim's language (the quote is in it) and offers the other
one a click away (?lang=); the index is in the reader's language."""

import json

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from claims import claimreview
from claims.models import QuoteType, SourceKind
from claims.public import selectors
from claims.public.addresses import absolute_public_url, fact_check_path, fact_check_url

LANGUAGE_NAMES = dict(settings.LANGUAGES)
OPEN_GRAPH_LOCALES = {"it": "it_IT", "en": "en_GB"}

# Readers and caches in front of the site may keep a public page this long:
# a correction or withdrawal reaches everyone within it.
PUBLIC_MAX_AGE = 300
public_cache = cache_control(public=True, max_age=PUBLIC_MAX_AGE)

# JSON inside <script> ends at the first "</script>": these characters never
# appear raw in it, so a claim's text can never close the element.
_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=2).translate(_JSON_SCRIPT_ESCAPES)
    return mark_safe(text)  # noqa: S308 - escaped above for a script element


def _requested_language(request, default: str) -> str:
    wanted = request.GET.get("lang", "")
    return wanted if wanted in LANGUAGE_NAMES else default


def _other_language(language: str) -> str:
    return next(code for code in LANGUAGE_NAMES if code != language)


def _render(request, template: str, context: dict, *, language: str) -> HttpResponse:
    with translation.override(language):
        context = {
            **context,
            "page_language": language,
            "publisher_name": settings.FACTCHECK_PUBLISHER_NAME,
            "publisher_url": settings.FACTCHECK_PUBLISHER_URL,
        }
        response = HttpResponse(render_to_string(template, context, request=request))
    response["Content-Language"] = language
    return response


def _label(choices, value: str) -> str:
    return str(choices(value).label) if value in choices.values else ""


def _language_link(path: str, language: str, default: str) -> str:
    return path if language == default else f"{path}?{urlencode({'lang': language})}"


@require_safe
@public_cache
def fact_check(request, key: str):
    found, canonical = selectors.fact_check_by_key(key)
    if found is None:
        raise Http404
    path = fact_check_path(claim_id=found.claim_id, slug=found.slug)
    if not canonical:
        query = request.META.get("QUERY_STRING", "")
        return redirect(f"{path}?{query}" if query else path, permanent=True)
    return fact_check_page(request, found)


def fact_check_page(request, found: selectors.FactCheck) -> HttpResponse:
    """The page of one fact-check, from its public record alone."""
    path = fact_check_path(claim_id=found.claim_id, slug=found.slug)
    default = found.article.language if found.article.language in LANGUAGE_NAMES else "it"
    language = _requested_language(request, default)
    other = _other_language(language)
    record = found.record
    url = fact_check_url(claim_id=found.claim_id, slug=found.slug, request=request)
    review = None
    if not found.withdrawn:
        review = claimreview.claim_review(
            record, article=found.article, url=url, scale=claimreview.rating_scale()
        )
    with translation.override(language):
        labels = {
            "source_kind_label": _label(SourceKind, record.source_kind),
            "quote_type_label": _label(QuoteType, record.quote_type),
        }
    context = {
        **labels,
        "fact_check": found,
        "record": record,
        "article": found.article,
        "article_link": found.article.url or found.article.canonical_url,
        "verdict_label": record.verdict.label_for(language) if record.verdict else "",
        "claim_url": url,
        "page_url": absolute_public_url(_language_link(path, language, default), request),
        "claimreview_json": json_ld(review) if review else "",
        "claim_language": found.article.language,
        "other_language": other,
        "other_language_name": LANGUAGE_NAMES[other],
        "other_language_path": _language_link(path, other, default),
        "alternates": [
            (code, absolute_public_url(_language_link(path, code, default), request))
            for code in LANGUAGE_NAMES
        ],
        "og_locale": OPEN_GRAPH_LOCALES.get(language, language),
        "og_locale_alternate": OPEN_GRAPH_LOCALES.get(other, other),
    }
    return _render(request, "public/fact_check.html", context, language=language)


@require_safe
@public_cache
def fact_check_index(request):
    language = _requested_language(request, translation.get_language() or "it")
    # PostgreSQL refuses NUL in text, and no word of a fact-check has one.
    query = request.GET.get("q", "").replace("\x00", "").strip()[: selectors.SEARCH_MAX_LENGTH]
    claims = selectors.fact_check_index(query=query)
    page = Paginator(claims, settings.FACTCHECK_PUBLIC_PAGE_SIZE).get_page(request.GET.get("page"))
    items = selectors.fact_checks(page.object_list)
    index_path = reverse("public:index")
    other = _other_language(language)
    context = {
        "page": page,
        "items": [
            (item, fact_check_path(claim_id=item.claim_id, slug=item.slug)) for item in items
        ],
        "query": query,
        "other_language": other,
        "other_language_name": LANGUAGE_NAMES[other],
        "index_url": absolute_public_url(index_path, request),
    }
    return _render(request, "public/index.html", context, language=language)
