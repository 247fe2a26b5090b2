"""Text from outside made comparable: one Unicode form, no invisible characters.

The same article pasted twice can differ in bytes a reader never sees: an
accent typed as one character (NFC) or as a letter plus a combining mark
(NFD, as macOS and some CMSs produce), a zero-width space left by an editor,
a bidi control copied from a right-to-left page. Stored and compared as they
come, they make two articles, or two sources, of one.
"""

import re
import unicodedata

# Zero-width characters, the soft hyphen and the word joiner, and the bidi
# controls (marks, embeddings, overrides, isolates).
INVISIBLE = frozenset(
    "\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064"
    "\u2066\u2067\u2068\u2069\ufeff"
)
_INVISIBLE_TABLE = dict.fromkeys(map(ord, INVISIBLE))
_CONTROL_TABLE = dict.fromkeys(c for c in range(32) if chr(c) not in "\t\n")
_SPACES = re.compile(r"\s+")


def strip_invisible(text: str) -> str:
    return text.translate(_INVISIBLE_TABLE)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def clean_name(value) -> str:
    """A name or title: NFC, no invisible or control characters, single spaces."""
    text = strip_invisible(nfc(str(value or ""))).translate(_CONTROL_TABLE)
    return _SPACES.sub(" ", text).strip()


def duplicate_key_text(text: str) -> str:
    """What the duplicate hash of an article sees: NFC, invisible characters removed."""
    return strip_invisible(nfc(text))
