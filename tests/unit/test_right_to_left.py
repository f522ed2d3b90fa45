"""Right-to-left text in PDFs: reportlab draws glyphs left to right and does not join Arabic
letters, so ``visual`` does both before text reaches it (python-bidi, arabic-reshaper)."""

from __future__ import annotations

import unicodedata

from eteams.documents.styles import plain, visual


def test_dutch_text_is_left_alone() -> None:
    assert visual("Kanaalstraat 12 <b>") == "Kanaalstraat 12 <b>"


def test_arabic_is_joined_and_drawn_from_the_right() -> None:
    drawn = visual("سلام")
    # By hand: س joins the next letter (initial form); ل + ا is the obligatory lam-alef
    # ligature, joined to س (final form); alef never joins forward, so م stands alone
    # (isolated). Drawn from the right, the line starts with م and ends with س.
    assert [unicodedata.name(c) for c in drawn] == [
        "ARABIC LETTER MEEM ISOLATED FORM",
        "ARABIC LIGATURE LAM WITH ALEF FINAL FORM",
        "ARABIC LETTER SEEN INITIAL FORM",
    ]
    assert unicodedata.normalize("NFKC", drawn[::-1]) == "سلام"


def test_hebrew_is_reversed_and_latin_and_numbers_keep_their_order() -> None:
    assert visual("עברית") == "תירבע"
    assert visual("Fam. כהן 12").startswith("Fam. ")


def test_plain_escapes_after_putting_text_in_order() -> None:
    assert plain("<b> שלום & co") == "&lt;b&gt; םולש &amp; co"


def test_an_arabic_street_keeps_its_house_number_after_it() -> None:
    """Review of issue 15: "شارع الملك 12" was drawn "12 كلملا عراش": the bidi rules pull a
    number after Arabic letters into their run. The street is isolated: street, then 12-A."""
    from eteams.models import Address

    address = Address(street="شارع الملك", house_number=12, house_letter="",
                      house_number_addition="A")  # fmt: skip
    drawn = visual(address.street_line)
    assert drawn.endswith(" 12-A") and "\u2068" not in drawn and "\u2069" not in drawn
    assert unicodedata.normalize("NFKC", drawn[:-5][::-1]) == "شارع الملك"
    assert Address(street="Kanaalstraat", house_number=7, house_letter="",
                   house_number_addition="").street_line == "Kanaalstraat 7"  # fmt: skip


def test_invisible_spaces_pasted_into_a_name_draw_nothing() -> None:
    """Issue 15, eighth review: a landlord typed as "Boxtel\\u200b\\ufeff" read back from the
    letter as "Boxtel ,"; the joiners Persian and Indic writing need stay."""
    assert plain("Boxtel\u200b\u2060\ufeff") == "Boxtel"
    assert plain("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645") != ""
    assert "\u200c" in visual("ab\u200ccd")
