import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from claims.models import Article

ROOT = Path(__file__).resolve().parents[2]

ARTICLE = (
    "Il sindaco di Lungolago, Anna Ferri, ha detto che la piscina comunale riaprirà a settembre. "
    "«I lavori sono finiti», ha aggiunto l'assessore allo sport."
)


@pytest.fixture
def article_file(tmp_path):
    path = tmp_path / "piscina.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.mark.django_db
def test_submit_article_stores_it_and_prints_its_id(article_file, capsys, monkeypatch):
    from claims import services

    monkeypatch.setattr(services.articles, "enqueue_extraction", lambda article_id: True)
    call_command("submit_article", str(article_file), "--title", "Piscina", "--lang", "it")
    article = Article.objects.get()
    assert capsys.readouterr().out.strip() == str(article.pk)
    assert article.title == "Piscina"


@pytest.mark.django_db
def test_submit_article_refuses_a_binary_file_with_the_reason(tmp_path):
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00")
    with pytest.raises(CommandError, match="NUL"):
        call_command("submit_article", str(path), "--lang", "it")
    assert Article.objects.count() == 0


def test_extract_claims_prints_one_json_line_per_file_with_offsets(article_file, tmp_path):
    second = tmp_path / "english.txt"
    second.write_text(
        "The mayor said the bridge would reopen in March, according to the city council.",
        encoding="utf-8",
    )
    # A separate process, like score.py runs it: no database is needed.
    out = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "extract_claims",
            "--format",
            "jsonl",
            str(article_file),
            str(second),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    lines = [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]
    assert [line["file"] for line in lines] == [str(article_file), str(second)]
    assert [line["language"] for line in lines] == ["it", "en"]
    for line in lines:
        text = Path(line["file"]).read_text(encoding="utf-8")
        assert line["claims"]
        for claim in line["claims"]:
            for field in ("content", "source", "cue", "channel"):
                span = claim[field]
                if span is not None:
                    assert text[span["start"] : span["end"]] == span["text"]
            assert claim["source_kind"] in {
                "person",
                "role",
                "organization",
                "media",
                "anonymous",
                "document",
                "author",
            }
            assert claim["quote"] in {"direct", "indirect", "mixed", "none"}
            assert isinstance(claim["hedged"], bool)
