"""Property-based fuzzing of the editor forms: any text, any field, any
encoding gets an answer a person can read (never a server error), and what is
stored stays consistent."""

import hashlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.models import Article, Claim, Comment
from tests.factories import ArticleFactory, ClaimFactory, UserFactory

# derandomize: the same examples every run, so CI is repeatable.
FUZZ = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
# Any Unicode, including NUL and control characters, plus markup and scripts.
anything = st.one_of(
    st.text(max_size=300),
    st.sampled_from(["", " ", "\x00", "<script>alert(1)</script>", "' OR 1=1 --", "\ufeff"]),
)


@pytest.fixture
def editor_client(client, db, monkeypatch):
    from claims import services

    monkeypatch.setattr(services.articles, "enqueue_extraction", lambda article_id: True)
    editor = UserFactory(username="fuzz-editor", is_superuser=True)
    client.force_login(editor)
    return client


@pytest.fixture
def claim(db):
    article = ArticleFactory(text="Il prefetto ha detto che la strada riaprirà domani.")
    start = article.text.index("la strada")
    content = "la strada riaprirà domani"
    return ClaimFactory(
        article=article, content=content, content_start=start, content_end=start + len(content)
    )


def assert_rows_are_consistent():
    for article in Article.objects.exclude(content_hash=None):
        assert "\x00" not in article.text
        assert article.content_hash == hashlib.sha256(article.text.encode()).hexdigest()
    for stored in Claim.objects.select_related("article"):
        assert stored.article.text[stored.content_start : stored.content_end] == stored.content
    for comment in Comment.objects.all():
        assert comment.body.strip()


@FUZZ
@given(text=anything, title=anything, url=anything, language=anything)
def test_the_submit_form_answers_any_input_without_a_server_error(
    editor_client, text, title, url, language
):
    response = editor_client.post(
        "/articles/new/", {"text": text, "title": title, "url": url, "language": language}
    )
    assert response.status_code < 500
    assert_rows_are_consistent()


@FUZZ
@given(data=st.binary(max_size=400), name=st.sampled_from(["a.txt", "b.md", "c.html", "d.exe"]))
def test_the_upload_answers_any_bytes_without_a_server_error(editor_client, data, name):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = editor_client.post(
        "/articles/new/", {"upload": SimpleUploadedFile(name, data), "language": "it"}
    )
    assert response.status_code < 500
    assert_rows_are_consistent()


@FUZZ
@given(
    source=anything,
    cue=anything,
    channel=anything,
    kind=anything,
    quote=anything,
    version=st.one_of(st.integers(-5, 10**12).map(str), anything),
)
def test_the_attribution_form_answers_any_input_without_a_server_error(
    editor_client, claim, source, cue, channel, kind, quote, version
):
    response = editor_client.post(
        f"/claims/{claim.pk}/attribution/",
        {
            "source_text": source,
            "cue_text": cue,
            "channel_text": channel,
            "source_kind": kind,
            "quote_type": quote,
            "version": version,
        },
    )
    assert response.status_code < 500
    assert_rows_are_consistent()


@FUZZ
@given(body=anything, parent=st.one_of(st.integers(-1, 10**6).map(str), anything))
def test_the_comment_form_answers_any_input_without_a_server_error(
    editor_client, claim, body, parent
):
    response = editor_client.post(f"/claims/{claim.pk}/comments/", {"body": body, "parent": parent})
    assert response.status_code < 500
    assert_rows_are_consistent()
