"""Counted messages say "1 brief", never "1 brieven" (issue 13 review: "1 bezoeken zijn…")."""

from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import read_po
from babel.support import Translations

TRANSLATIONS = Path(__file__).resolve().parents[2] / "eteams" / "translations"


def test_every_counted_dutch_message_has_a_form_for_one_and_for_more() -> None:
    with (TRANSLATIONS / "nl" / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalog = read_po(handle)
    counted = [m for m in catalog if m.pluralizable]
    assert len(counted) >= 15
    for message in counted:
        one, more = message.string
        assert one and more and one != more, message.id


def test_one_and_more_read_right_in_dutch() -> None:
    nl = Translations.load(str(TRANSLATIONS), ["nl"])
    marked = ("%(n)d letter marked as sent.", "%(n)d letters marked as sent.")
    assert nl.ngettext(*marked, 1) % {"n": 1} == "1 brief gemarkeerd als verstuurd."
    assert nl.ngettext(*marked, 2) % {"n": 2} == "2 brieven gemarkeerd als verstuurd."
    assert nl.ngettext(*marked, 0) % {"n": 0} == "0 brieven gemarkeerd als verstuurd."
    planned = ("%(n)d walk list planned.", "%(n)d walk lists planned.")
    assert nl.ngettext(*planned, 1) % {"n": 1} == "1 looproute gepland."
