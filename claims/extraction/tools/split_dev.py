"""Split a gold corpus into a working set and a held-back check set.

    python -m claims.extraction.tools.split_dev GOLD_DIR [--out /tmp] [--seed 12]

Writes ``<out>/dev-work`` and ``<out>/dev-check`` (copies of the gold JSON
files, never committed) and prints the two lists. The split is stratified by
language: in each language a third of the articles, chosen by a fixed seed
from the sorted file names, is held back. Rules are written against the
working set and judged on the check set, so a change that lifts only the
working set shows up as tuning.
"""

import argparse
import json
import random
import shutil
import sys
from collections import defaultdict
from pathlib import Path

DEFAULT_SEED = 12
CHECK_FRACTION = 1 / 3


def split_by_language(gold_files, *, seed=DEFAULT_SEED):
    """Return (working, check) lists of paths, a third of each language held back."""
    by_lang = defaultdict(list)
    for path in sorted(gold_files):
        by_lang[json.loads(path.read_text(encoding="utf-8"))["lang"]].append(path)
    rng = random.Random(seed)
    working, check = [], []
    for lang in sorted(by_lang):
        paths = list(by_lang[lang])
        rng.shuffle(paths)
        n_check = round(len(paths) * CHECK_FRACTION)
        check.extend(sorted(paths[:n_check]))
        working.extend(sorted(paths[n_check:]))
    return working, check


def _copy_into(paths, folder):
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for path in paths:
        shutil.copy(path, folder / path.name)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--out", type=Path, default=Path("/tmp"))
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    working, check = split_by_language(args.gold.glob("*.json"), seed=args.seed)
    if not working or not check:
        sys.exit(f"too few gold files in {args.gold} to split")
    _copy_into(working, args.out / "dev-work")
    _copy_into(check, args.out / "dev-check")
    print("working:", " ".join(p.stem for p in working))
    print("check:  ", " ".join(p.stem for p in check))


if __name__ == "__main__":
    main()
