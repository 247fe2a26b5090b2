"""Command line: ``python -m claims.extraction.cli [--lang it|en] [--format jsonl|text] FILE...``.

The Django command ``extract_claims`` wraps :func:`run` with the same options.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import detect_language, extract


def format_text(path: str, lang: str, claims) -> str:
    """A readable table of one file's claims."""
    lines = [f"== {path} ({lang}, {len(claims)} claims)"]
    for n, c in enumerate(claims, 1):
        flags = f"{c.source_kind}/{c.quote}" + ("/hedged" if c.hedged else "")
        lines.append(f"{n:3}. [{flags}] {c.content.text[:110]}")
        if c.source:
            extra = f"  cue={c.cue.text!r}" if c.cue else ""
            extra += f"  channel={c.channel.text!r}" if c.channel else ""
            lines.append(f"     source={c.source.text!r} name={c.source_name!r}{extra}")
    return "\n".join(lines)


def run(files: list[str], lang: str | None = None, fmt: str = "jsonl", out=None) -> int:
    """Extract every file and print one JSON line (or a table) per file; returns an exit code."""
    out = out or sys.stdout
    status = 0
    for path in files:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            print(f"{path}: {exc}", file=sys.stderr)
            status = 1
            continue
        language = lang or detect_language(text)
        claims = extract(text, language)
        if fmt == "text":
            print(format_text(path, language, claims), file=out)
        else:
            record = {"file": path, "language": language, "claims": [c.to_dict() for c in claims]}
            print(json.dumps(record, ensure_ascii=False), file=out)
    return status


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description="Extract claims and their attribution from article text files."
    )
    parser.add_argument(
        "--lang", choices=["it", "en"], help="language of every file (default: detect per file)"
    )
    parser.add_argument("--format", choices=["jsonl", "text"], default="jsonl")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args(argv)
    try:
        return run(args.files, args.lang, args.format)
    except BrokenPipeError:  # the reader went away (| head): not an extraction error
        return 0


if __name__ == "__main__":
    sys.exit(main())
