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


# A name is one line: a tab or a line break in it splits a CSV row for some readers, breaks a
# PDF table cell and a letter's address block, and cannot be seen on a page.
ONE_LINE = _l("Use one line: no tabs, line breaks or other control characters.")


def is_one_line(value: str) -> bool:
    """No control character (tab, line feed, carriage return, the other C0 and C1 codes, DEL)
    and no Unicode line or paragraph separator: the rule for every name, form and API alike."""
    return not any(unicodedata.category(c) in ("Cc", "Zl", "Zp") for c in value)
