"""The command line entry point (the Django command wraps the same function)."""

import io
import json

from claims.extraction import cli


def test_it_prints_one_json_line_per_file(tmp_path):
    first = tmp_path / "a.txt"
    first.write_text("Secondo l'Istat, il Pil è cresciuto dello 0,3%.", encoding="utf-8")
    second = tmp_path / "b.txt"
    second.write_text("Officials said the road would reopen on Monday.", encoding="utf-8")
    out = io.StringIO()
    assert cli.run([str(first), str(second)], out=out) == 0
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [line["file"] for line in lines] == [str(first), str(second)]
    assert [line["language"] for line in lines] == ["it", "en"]
    assert lines[0]["claims"][0]["source"]["text"] == "l'Istat"


def test_it_prints_a_readable_table(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Secondo l'Istat, il Pil è cresciuto dello 0,3%.", encoding="utf-8")
    out = io.StringIO()
    cli.run([str(path)], lang="it", fmt="text", out=out)
    assert 'source="l\'Istat"' in out.getvalue()
