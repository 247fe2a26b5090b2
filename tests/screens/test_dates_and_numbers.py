"""Dates read the same way on every screen: the desk's time zone, the
interface language's short format, the full ISO timestamp on hover."""

import datetime
import os
import subprocess
import sys
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from claims.models import Article, ClaimEvent
from tests.factories import ArticleFactory, ClaimFactory

# 23:32 UTC on 4 December is 00:32 on 5 December in Rome: the day changes too.
MOMENT = datetime.datetime(2026, 12, 4, 23, 32, 10, tzinfo=datetime.UTC)
ISO_IN_ROME = "2026-12-05T00:32:10+01:00"


def render(source: str, language: str, **context) -> str:
    with translation.override(language):
        return Template("{% load desk_format %}" + source).render(Context(context))


@pytest.mark.parametrize(
    "language, shown", [("it", "5 dic 2026, 00:32"), ("en", "5 Dec 2026, 00:32")]
)
def test_a_moment_is_shown_in_the_desks_zone_and_language(language, shown, settings):
    settings.TIME_ZONE = "Europe/Rome"
    html = render("{{ moment|when }}", language, moment=MOMENT)
    assert html == f'<time datetime="{ISO_IN_ROME}" title="{ISO_IN_ROME}">{shown}</time>'


@pytest.mark.parametrize("language, shown", [("it", "5 dic 2026"), ("en", "5 Dec 2026")])
def test_a_day_keeps_the_full_timestamp_on_hover(language, shown, settings):
    settings.TIME_ZONE = "Europe/Rome"
    html = render("{{ moment|day }}", language, moment=MOMENT)
    assert f'title="{ISO_IN_ROME}">{shown}</time>' in html


def test_another_desk_sees_its_own_clock(settings):
    settings.TIME_ZONE = "America/New_York"
    html = render("{{ moment|when }}", "en", moment=MOMENT)
    assert ">4 Dec 2026, 18:32</time>" in html
    assert 'datetime="2026-12-04T18:32:10-05:00"' in html


def test_an_empty_date_renders_nothing():
    assert render("[{{ missing|when }}]", "it") == "[]"


@pytest.mark.parametrize("language, shown", [("it", "12.345"), ("en", "12,345")])
def test_counts_group_thousands_the_languages_way(language, shown):
    assert render("{{ n|number }}", language, n=12345) == shown


@pytest.mark.django_db
def test_the_screens_show_dates_with_the_filter(fc_client, ratings, fact_checker):
    article = ArticleFactory(title="Bilancio")
    Article.objects.filter(pk=article.pk).update(submitted_at=MOMENT)
    claim = ClaimFactory(article=article)
    event = ClaimEvent.objects.create(claim=claim, actor=fact_checker, action="assign")
    ClaimEvent.objects.filter(pk=event.pk).update(created_at=MOMENT)
    fc_client.cookies["django_language"] = "it"
    for url in (
        reverse("claims:home"),
        reverse("claims:article_list"),
        reverse("claims:article_detail", args=[article.pk]),
        reverse("claims:claim_detail", args=[claim.pk]),
    ):
        html = fc_client.get(url).content.decode()
        assert f'<time datetime="{ISO_IN_ROME}" title="{ISO_IN_ROME}">5 dic 2026, 00:32</time>' in (
            html
        ), url


def test_a_misspelt_time_zone_stops_the_app_with_the_variables_name():
    env = {**os.environ, "DJANGO_TIME_ZONE": "Europe/Roma", "DJANGO_SETTINGS_MODULE": ""}
    result = subprocess.run(
        [sys.executable, "-c", "import factcheck.settings"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "DJANGO_TIME_ZONE='Europe/Roma' is not a time zone" in result.stderr
    assert ZoneInfo("Europe/Rome")  # the default is a real zone
