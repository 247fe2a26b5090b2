"""Pair quotation marks inside a paragraph.

Newsrooms mix « », “ ”, ‘ ’, straight double quotes and doubled apostrophes
(''...'') and straight single quotes ('...'). A mark only counts when it can be
paired inside its paragraph, so a stray or unbalanced mark never swallows the
rest of an article; ’ doubles as the apostrophe, so it closes a quote only
when a ‘ is open and it is not followed by a letter. A straight ' is an
apostrophe between letters (don't, l'assessore, minister's); it opens a
quotation only after a space or an opening bracket, before a letter, and when
a closing ' (after a non-space, before a non-letter) follows in the paragraph.
"""

from __future__ import annotations

import re

OPENERS = {"«": "»", "“": "”", "‘": "’", "„": "“"}
SYMMETRIC = ('"', "''")
ALL_MARKS = frozenset('«»“”‘’„"')
_MARK = re.compile("[«»“”‘’„\"']")
# A straight ' that can close a quotation: after a non-space, not before a letter or digit.
_SINGLE_CLOSE = re.compile(r"(?<=\S)'(?![^\W_])")
# A straight ' that is not an apostrophe between two letters.
_FREE_MARK = re.compile(r"(?<![^\W_])'|'(?![^\W_])")
# What may stand right before an opening straight ': start, space, bracket, dash, colon.
_SINGLE_OPEN_AFTER = frozenset(" \t\n([{«“—–-:/")


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def find_quote_pairs(
    text: str, start: int = 0, end: int | None = None
) -> list[tuple[int, int, int, int]]:
    """Return top-level quotation pairs in ``text[start:end]``.

    Each pair is ``(open_start, open_end, close_start, close_end)``: the
    quoted words are ``text[open_end:close_start]``. Nested quotes are
    ignored (the outer pair is what attribution needs). Runs in one pass.
    """
    end = len(text) if end is None else end
    pairs: list[tuple[int, int, int, int]] = []
    stack: list[tuple[str, int, int]] = []  # (expected closer, open_start, open_end)
    i = start
    while i < end:
        found = _MARK.search(text, i, end)  # jump to the next mark at C speed
        if found is None:
            break
        i = found.start()
        ch = text[i]
        prev = text[i - 1] if i > start else " "
        if ch == "'" or (ch == "’" and not any(s[0] == "’" for s in stack)):
            # Only a doubled straight apostrophe acts as a quotation mark.
            if ch == "'" and i + 1 < end and text[i + 1] == "'":
                mark = "''"
                if stack and stack[-1][0] == mark:
                    _close(stack, pairs, i, i + 2)
                elif not _is_word_char(prev) and i + 2 < end and not text[i + 2].isspace():
                    stack.append((mark, i, i + 2))
                i += 2
                continue
            if ch == "'":
                nxt = text[i + 1] if i + 1 < end else " "
                if stack and stack[-1][0] == "'" and not prev.isspace() and not _is_word_char(nxt):
                    if not _apostrophe_before_space(text, i, end):
                        _close(stack, pairs, i, i + 1)
                elif (
                    (i == start or prev in _SINGLE_OPEN_AFTER)
                    and nxt.isalpha()
                    and _SINGLE_CLOSE.search(text, i + 2, end)
                ):
                    stack.append(("'", i, i + 1))
            i += 1
            continue
        if ch == '"':
            if stack and stack[-1][0] == '"':
                _close(stack, pairs, i, i + 1)
            elif not _is_word_char(prev) and i + 1 < end and not text[i + 1].isspace():
                stack.append(('"', i, i + 1))
            elif (
                not stack
                and prev.isspace()
                and i + 2 < end
                and text[i + 1] == " "
                and text[i + 2].isalnum()
                and text.find('"', i + 2, end) >= 0
            ):
                # ': " Noi governeremo insieme "': web copy pads straight quotes with
                # spaces; a padded mark before a word opens when another mark follows
                stack.append(('"', i, i + 1))
            elif stack and any(s[0] == '"' for s in stack):
                _close_matching(stack, pairs, '"', i)
            i += 1
            continue
        if ch in OPENERS and not (ch == "“" and stack and stack[-1][0] == "“"):
            if ch == "‘" and (i + 1 >= end or text[i + 1].isspace()):
                i += 1
                continue
            stack.append((OPENERS[ch], i, i + 1))
            i += 1
            continue
        # A closing mark: close the innermost quote it matches, if any.
        if ch == "’" and i + 1 < end and _is_word_char(text[i + 1]):
            i += 1  # apostrophe inside a word (dell’iPhone)
            continue
        _close_matching(stack, pairs, ch, i)
        i += 1
    if stack and stack[0][0] in ("»", "”", '"') and _opens_a_statement(text, start, stack[0][1]):
        # A quotation left open to the end of its paragraph (a quotation running over
        # several paragraphs is closed only in the last one): it ends where the text ends.
        close = end
        while close > stack[0][2] and text[close - 1].isspace():
            close -= 1
        if close > stack[0][2] and text[close - 1] in ".!?…":
            pairs.append((stack[0][1], stack[0][2], close, close))
    pairs.sort()
    return pairs


def _apostrophe_before_space(text: str, i: int, end: int) -> bool:
    """The ' at ``i`` ends a plural possessive rather than the quotation ("the workers'
    money"): an s before it, a word after it, and the next ' that is no apostrophe inside a
    word can only close, so the quotation ends there. (An Italian accent typed as ' , "e'",
    still closes a quotation: "c'e' " would look the same as the closing mark.)"""
    if not (
        text[i - 1] in "sS" and i + 2 < end and text[i + 1] == " " and _is_word_char(text[i + 2])
    ):
        return False
    nxt = _FREE_MARK.search(text, i + 1, end)
    if nxt is None:
        return False
    k = nxt.start()
    before = text[k - 1]
    after = text[k + 1] if k + 1 < end else " "
    opens = before in _SINGLE_OPEN_AFTER and after.isalpha()
    return not opens and not before.isspace()


def _opens_a_statement(text: str, start: int, position: int) -> bool:
    """The mark opens the text, or follows a colon ("ha detto: «...")."""
    before = text[start:position].rstrip()
    return not before or before.endswith(":")


def _close(stack, pairs, close_start, close_end):
    _, open_start, open_end = stack.pop()
    if not stack:
        pairs.append((open_start, open_end, close_start, close_end))


def _close_matching(stack, pairs, closer, position):
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth][0] == closer:
            del stack[depth + 1 :]
            _close(stack, pairs, position, position + 1)
            return
