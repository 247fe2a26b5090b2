"""The Italian catalogue is complete, and the committed .mo matches the .po,
so a fresh clone needs no gettext tools."""

import gettext
import re
from pathlib import Path

LOCALE = Path(__file__).resolve().parents[2] / "claims" / "locale" / "it" / "LC_MESSAGES"


def _po_entries():
    """(msgid, msgstr) pairs of the .po, plural forms as msgid\\x00plural."""
    text = (LOCALE / "django.po").read_text(encoding="utf-8")
    entries = []
    for block in text.split("\n\n"):
        if "#, fuzzy" in block and 'msgid ""\nmsgstr ""' not in block:
            entries.append(("<fuzzy>", ""))
        fields = {}
        current = None
        for line in block.splitlines():
            match = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d\])?) "(.*)"$', line)
            if match:
                current = match.group(1)
                fields[current] = match.group(2)
            elif line.startswith('"') and current:
                fields[current] += line[1:-1]
        if fields.get("msgid"):
            if "msgid_plural" in fields:
                entries.append((fields["msgid"], fields.get("msgstr[0]", "")))
                entries.append((fields["msgid_plural"], fields.get("msgstr[1]", "")))
            else:
                entries.append((fields["msgid"], fields.get("msgstr", "")))
    return entries


def _unescape(value: str) -> str:
    return (
        value.encode("latin-1", "backslashreplace")
        .decode("unicode_escape")
        .encode("latin-1")
        .decode("utf-8")
        if "\\" in value
        else value
    )


def test_every_message_has_an_italian_translation():
    entries = _po_entries()
    assert len(entries) > 300
    untranslated = [msgid for msgid, msgstr in entries if not msgstr]
    assert untranslated == []


def test_the_compiled_catalogue_matches_the_po_file():
    with open(LOCALE / "django.mo", "rb") as handle:
        catalogue = gettext.GNUTranslations(handle)
    for msgid, msgstr in _po_entries():
        if "%(counter)s" in msgid or "%(count)d" in msgid:
            continue  # plural forms: checked by ngettext below
        assert catalogue.gettext(_unescape(msgid)) == _unescape(msgstr), msgid
    assert catalogue.ngettext("%(counter)s claim", "%(counter)s claims", 2) == (
        "%(counter)s affermazioni"
    )
