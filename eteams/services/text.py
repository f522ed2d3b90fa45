"""Text as people type it, made safe to store and show.

Direction overrides and isolates (U+202A–U+202E, U+2066–U+2069) let a name display as
something else ("‮gnp.exe" reads as "exe.png") and can flip the text around it on a page, in
a PDF or a CSV: they are removed. Zero-width joiners and the direction marks LRM/RLM stay (they
belong to Persian, Arabic and Indic writing). A value that is nothing but invisible characters
and spaces counts as empty, so a required name cannot be made of zero-width spaces.
"""

from __future__ import annotations

import unicodedata

from flask_babel import lazy_gettext as _l

OVERRIDES = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
# Invisible characters no street name or postcode needs (kept in free text, where the joiners
# belong to some scripts): zero-width space, (non-)joiner, word joiner, byte-order mark.
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")


def clean(value: object) -> object:
    """The text without direction overrides, and "" when nothing visible is left."""
    if not isinstance(value, str):
        return value
    text = value.translate(OVERRIDES)
    if all(c.isspace() or unicodedata.category(c) == "Cf" for c in text):
        return ""
    return text


JOINERS = frozenset("\u200c\u200d")  # zero-width non-joiner and joiner


def name(value: str | None) -> str:
    """A name as it is stored, shown and printed (a landlord, a coach, a contact, an employer):
    NFC, and no invisible format character — zero-width space, word joiner, byte-order mark,
    direction marks, overrides and isolates, soft hyphen — which a paste from a mail or a
    web page brings along and a letter or a page then carries. The one rule for every way a
    name comes in (forms, API, paper entry): the services apply it. Letters of every script
    stay; a (non-)joiner stays only between two letters of a script that joins them
    (Persian, Arabic, Indic writing), where it changes how the word is written."""
    text = unicodedata.normalize("NFC", str(clean(value or "")))
    kept = [
        c for n, c in enumerate(text)
        if unicodedata.category(c) != "Cf"
        or (c in JOINERS and _joining(text[n - 1 : n]) and _joining(text[n + 1 : n + 2]))
    ]  # fmt: skip
    return "".join(kept).strip()


def _joining(c: str) -> bool:
    """A letter or mark of a script other than Latin, Greek or Cyrillic (none joins letters)."""
    if not c or unicodedata.category(c)[0] not in "LM":
        return False
    return not unicodedata.name(c, "").startswith(("LATIN", "GREEK", "CYRILLIC"))


# A name is one line: a tab or a line break in it splits a CSV row for some readers, breaks a
# PDF table cell and a letter's address block, and cannot be seen on a page.
ONE_LINE = _l("Use one line: no tabs, line breaks or other control characters.")


def is_one_line(value: str) -> bool:
    """No control character (tab, line feed, carriage return, the other C0 and C1 codes, DEL)
    and no Unicode line or paragraph separator: the rule for every name, form and API alike."""
    return not any(unicodedata.category(c) in ("Cc", "Zl", "Zp") for c in value)
