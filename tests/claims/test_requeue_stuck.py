from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from claims import services
from claims.models import Article, ExtractionState
from tests.factories import ArticleFactory


@pytest.fixture
def sent(monkeypatch):
    ids = []

    def enqueue(article_id):
        ids.append(article_id)
        return True

    monkeypatch.setattr(services.articles, "enqueue_extraction", enqueue)
    return ids


def age(article, **delta):
    moment = timezone.now() - timedelta(**delta)
    Article.objects.filter(pk=article.pk).update(updated_at=moment, extraction_started_at=moment)


@pytest.mark.django_db
def test_it_resends_articles_left_queued_or_running_too_long(sent):
    waiting = ArticleFactory(extraction_state=ExtractionState.QUEUED)
    lost = ArticleFactory(extraction_state=ExtractionState.RUNNING)
    fresh = ArticleFactory(extraction_state=ExtractionState.QUEUED)
    done = ArticleFactory(extraction_state=ExtractionState.DONE)
    for article in (waiting, lost, done):
        age(article, hours=1)
    call_command("requeue_stuck", "--queued-for", "60", "--running-for", "600")
    assert sorted(sent) == sorted([waiting.pk, lost.pk])
    assert fresh.pk not in sent


@pytest.mark.django_db
def test_a_resent_article_waits_a_full_period_before_the_next_resend(sent):
    article = ArticleFactory(extraction_state=ExtractionState.QUEUED)
    age(article, hours=1)
    window = {"queued_for": timedelta(minutes=5), "running_for": timedelta(minutes=5)}
    assert services.articles_requeue_stuck(**window) == [article.pk]
    assert services.articles_requeue_stuck(**window) == []


@pytest.mark.django_db
def test_while_the_broker_is_down_articles_stay_queued_for_the_next_sweep(monkeypatch):
    article = ArticleFactory(extraction_state=ExtractionState.QUEUED)
    age(article, hours=1)
    monkeypatch.setattr(services.articles, "enqueue_extraction", lambda article_id: False)
    window = {"queued_for": timedelta(minutes=5), "running_for": timedelta(minutes=5)}
    assert services.articles_requeue_stuck(**window) == []
    article.refresh_from_db()
    assert article.extraction_state == ExtractionState.QUEUED
    assert article.updated_at < timezone.now() - timedelta(minutes=30), "the clock must not reset"
