"""Batch imports: JSONL and CSV, per-row errors, progress, and no duplicates on a second run."""

import json

import pytest
from django.core.management import CommandError, call_command

from claims.ingest.imports import ImportRefused, import_job_create
from claims.ingest.localsite import news_text
from claims.ingest.tasks import run_import
from claims.models import Article, ExtractionState, ImportJob, ImportState

pytestmark = pytest.mark.django_db


def write_jsonl(path, rows):
    path.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n")
    return path


def test_a_jsonl_file_is_imported_and_a_second_run_adds_nothing(tmp_path, capsys):
    rows = [
        {"text": news_text(n), "title": f"Notizia {n}", "language": "it", "published": "2026-03-02"}
        for n in range(30)
    ]
    rows.append({"url": "https://gazzetta.example/cronaca/ponte", "language": "it"})
    path = write_jsonl(tmp_path / "archivio.jsonl", rows)

    call_command("import_articles", str(path))
    out = capsys.readouterr()
    assert "30 new" not in out.out  # the link row is new as well
    assert "31 new, 0 already present, 0 rows with errors" in out.out
    assert "25/31 rows" in out.err
    assert Article.objects.count() == 31
    article = Article.objects.get(title="Notizia 4")
    assert article.published_at.date().isoformat() == "2026-03-02"
    linked = Article.objects.get(canonical_url="https://gazzetta.example/cronaca/ponte")
    assert linked.extraction_state == ExtractionState.FETCHING

    call_command("import_articles", str(path))
    assert "0 new, 31 already present, 0 rows with errors" in capsys.readouterr().out
    assert Article.objects.count() == 31
    assert ImportJob.objects.count() == 2


def test_a_csv_file_with_bad_rows_reports_each_row(tmp_path, capsys):
    path = tmp_path / "lotto.csv"
    path.write_text(
        "text,url,title,language,published\n"
        f'"{news_text(1)}",,Uno,it,2026-01-05\n'
        ",,Vuota,it,\n"
        f'"{news_text(2)}",,Due,fr,\n'
        f'"{news_text(3)}",,Tre,it,ieri\n'
        ",ftp://archivio.example/x,Quattro,it,\n"
        f'"{news_text(5)}",,Cinque,EN,2026-01-05T10:30:00+01:00\n',
        encoding="utf-8",
    )
    call_command("import_articles", str(path))
    out = capsys.readouterr().out
    assert "2 new, 0 already present, 4 rows with errors" in out
    assert "row 2: The row has neither text nor url." in out
    assert "row 3:" in out and "fr" in out
    assert "row 4:" in out and "ieri" in out
    assert "row 5:" in out
    assert Article.objects.get(title="Cinque").language == "en"
    job = ImportJob.objects.get()
    assert job.state == ImportState.DONE
    assert list(job.row_errors.values_list("row", flat=True)) == [2, 3, 4, 5]


def test_a_jsonl_line_that_is_not_json_is_a_row_error(tmp_path, capsys):
    path = tmp_path / "misto.jsonl"
    path.write_text(
        json.dumps({"text": news_text(7), "language": "it"}) + "\n{rotto\n[1, 2]\n",
        encoding="utf-8",
    )
    call_command("import_articles", str(path))
    out = capsys.readouterr().out
    assert "1 new, 0 already present, 2 rows with errors" in out
    assert "row 2: Not valid JSON" in out
    assert "row 3: Each line must be a JSON object." in out


def test_a_csv_without_a_text_or_url_column_is_refused(tmp_path):
    path = tmp_path / "sbagliato.csv"
    path.write_text("titolo,lingua\nUno,it\n", encoding="utf-8")
    with pytest.raises(CommandError, match="header"):
        call_command("import_articles", str(path))
    assert not Article.objects.exists()


def test_a_binary_file_is_refused():
    with pytest.raises(ImportRefused):
        import_job_create(filename="foto.csv", data=b"\x89PNG\x00\x00")


def test_the_import_task_runs_an_uploaded_file(user):
    data = "\n".join(
        json.dumps({"text": news_text(n), "language": "it"}) for n in range(3)
    ).encode()
    job = import_job_create(filename="caricato.jsonl", data=data, created_by=user)
    assert job.state == ImportState.PENDING and job.total_rows == 3
    run_import(job.pk)
    job.refresh_from_db()
    assert job.state == ImportState.DONE
    assert (job.processed_rows, job.created_count) == (3, 3)
    assert job.payload == ""
    assert set(Article.objects.values_list("submitted_by", flat=True)) == {user.pk}
    run_import(job.pk)  # delivered twice: nothing more
    assert Article.objects.count() == 3


def test_submit_article_url_only_stores_the_link_for_the_fetcher(capsys, monkeypatch):
    from claims.ingest import services

    monkeypatch.setattr(services, "enqueue_fetch", lambda pk: True)
    call_command("submit_article", "--url-only", "--url", "https://gazzetta.example/a?utm_x=1")
    article = Article.objects.get()
    assert capsys.readouterr().out.strip() == str(article.pk)
    assert article.extraction_state == ExtractionState.FETCHING
    assert article.canonical_url == "https://gazzetta.example/a"
    call_command("submit_article", "--url-only", "--url", "https://gazzetta.example/a")
    assert "Already submitted" in capsys.readouterr().err
    with pytest.raises(CommandError, match="metadata|Refused"):
        call_command("submit_article", "--url-only", "--url", "http://169.254.169.254/")
    with pytest.raises(CommandError):
        call_command("submit_article", "--url-only")
