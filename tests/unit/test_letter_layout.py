"""The advice letter's typesetting, read back from the PDF (issue 15): print sizes for a
household, no word split, a table inside the frame, the address inside the envelope window,
the sender beside it, the subject, the total row, fold marks, a logo of one's own."""

from __future__ import annotations

import dataclasses
import io

import pytest
from PIL import Image
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from eteams.documents.letter import LetterData, render
from tests.pdf_layout import Span, segments, spans

PAGE_W, PAGE_H = A4
FRAME = (20 * mm, PAGE_W - 20 * mm)
WINDOW = (20 * mm, 110 * mm, PAGE_H - 95 * mm, PAGE_H - 50 * mm)  # left, right, bottom, top
TOLERANCE = 0.5  # pt

HEADER = ["Maatregel", "Investering", "Bespaart per jaar", "€ per jaar",
          "CO<sub>2</sub> kg per jaar", "Terugverdiend in (jaren)", "Subsidie (ISDE)"]  # fmt: skip
ROWS = [
    ["Spouwmuurisolatie met glasparels (2024)", "€ 1.100 – € 2.400", "180 m³ gas", "€ 261",
     "320", "6,5", "€ 410"],
    ["Vloerisolatie (2024)", "€ 2.000 – € 3.900", "onbekend", "onbekend", "onbekend",
     "onbekend", "€ 20 per m²"],
    ["Hybride warmtepomp (2023)", "€ 4.500 – € 7.000", "700 m³ gas", "€ 1.015", "1.246",
     "5,9", "€ 2.775"],
]  # fmt: skip
TOTAL = ["Totaal", "€ 7.600 – € 13.300", "880 m³ gas", "€ 1.276", "1.566", "6,0", "€ 3.185"]
LONG_STREET = "Burgemeester van Roijensingel tegenover de Wilhelminabrug en verder 1234-bis"


def _letter(**changes: object) -> LetterData:
    letter = LetterData(
        language="nl", title="Uw persoonlijk energieadvies", reference="EB-2026-000001-NL",
        date_text="27 november 2026",
        sender=["E-teams", "Energiecoaches in uw wijk", "info@e-teams.example.nl"],
        recipient=["De bewoners van", "Kanaalstraat 12", "3531 CA  UTRECHT"],
        opening="Beste bewoners,",
        paragraphs=["Op 23 november 2026 sprak u aan de deur met Samira van het E-team. " * 3],
        table_header=HEADER, table_rows=ROWS, table_note="Alle bedragen zijn indicatief.",
        sections=[("Zo betaalt u het", [("Energiebespaarlening: ", "lening tot € 27.000."),
                                        "Vraag een offerte."])],
        closing=["Met vriendelijke groet,", "Het E-team"],
        subject="Uw persoonlijke energieadvies voor Kanaalstraat 12",
    )  # fmt: skip
    return dataclasses.replace(letter, **changes)


def _pages(letter: LetterData) -> list:
    return PdfReader(io.BytesIO(render(letter))).pages


def _first(letter: LetterData) -> list[Span]:
    return spans(_pages(letter)[0])


def _words(letter: LetterData) -> set[str]:
    text = " ".join(page.extract_text() for page in _pages(letter))
    return set(text.replace("\u00a0", " ").split())


def _find(found: list[Span], text: str) -> list[Span]:
    return [s for s in found if text in s.text.replace("\u00a0", " ")]


def test_body_table_and_small_print_are_large_enough_to_read() -> None:
    found = _first(_letter())
    assert all(s.size >= 11 for s in _find(found, "sprak u aan de deur"))
    assert _find(found, "Beste bewoners")[0].size >= 11
    for cell in [*HEADER[:4], *[c for row in ROWS for c in row[1:]]]:
        first_word = cell.split()[0]
        assert _find(found, first_word), cell
        assert all(s.size >= 10 for s in _find(found, first_word)), cell
    assert _find(found, "indicatief")[0].size >= 11  # the table's note: read like the body


def _without_co2(row: list[str]) -> list[str]:
    return row[:4] + row[5:]  # the letter's six columns


@pytest.mark.parametrize("total", [None, TOTAL])
def test_no_word_of_the_table_is_split(total: list[str] | None) -> None:
    """The letter's six columns (a tenant's three). With more columns than the longest words
    fit beside each other, the figures stay whole and the measure's name breaks."""
    header, rows = _without_co2(HEADER), [_without_co2(r) for r in ROWS]
    words = _words(_letter(table_header=header, table_rows=rows,
                           table_total=_without_co2(total) if total else None))  # fmt: skip
    for cell in [h for h in header if "<" not in h] + [c for row in rows for c in row]:
        for word in cell.split():
            assert word in words, (word, cell)


@pytest.mark.parametrize("columns", [2, 4, 7])
def test_the_table_has_the_datas_columns_and_fits_the_frame(columns: int) -> None:
    letter = _letter(
        table_header=HEADER[:columns], table_rows=[row[:columns] for row in ROWS],
        table_total=TOTAL[:columns],
    )  # fmt: skip
    page = _pages(letter)[0]
    grid = [s for s in segments(page) if s.width < 0.5 and s.x1 > 15 * mm]
    verticals = {round(s.x1, 1) for s in grid if s.x1 == s.x2}
    assert len(verticals) == columns + 1
    assert min(verticals) >= FRAME[0] - TOLERANCE and max(verticals) <= FRAME[1] + TOLERANCE
    low, high = min(s.y1 for s in grid), max(s.y2 for s in grid)
    # A run pypdf reads after a line break inside a Paragraph starts with a space and has no
    # exact x: the header's second lines are left out here (no_word_is_split reads them).
    cells = [s for s in spans(page) if low <= s.y <= high and not s.text.startswith(" ")]
    assert len(cells) >= columns * len(ROWS)
    assert all(FRAME[0] <= s.x and s.right <= FRAME[1] + TOLERANCE for s in cells)
    for figure in ("€ 261", "€ 410"):  # right-aligned: ends at its cell's right padding
        if columns == 7:
            (span,) = _find(spans(page), figure)[:1]
            assert min(abs(x - span.right) for x in verticals) <= 3 + TOLERANCE


def test_the_total_row_is_bold_under_a_line() -> None:
    page = _pages(_letter(table_total=TOTAL))[0]
    (total,) = _find(spans(page), "Totaal")
    assert total.font == "Sans-Bold"
    above = [s for s in segments(page) if s.width >= 1 and s.y1 == s.y2 and s.y1 > total.y]
    assert above and min(s.y1 for s in above) - total.y < 20


def test_an_empty_table_draws_no_grid_and_no_note() -> None:
    page = _pages(_letter(table_rows=[], table_total=TOTAL))[0]
    assert [s for s in segments(page) if s.x1 > 15 * mm] == []  # only the fold marks
    text = page.extract_text()
    assert "Investering" not in text and "indicatief" not in text and "Totaal" not in text
    assert "Beste bewoners" in text and "Zo betaalt u het" in text


def test_an_empty_note_is_not_drawn() -> None:
    found = _first(_letter(table_note=""))
    assert _find(found, "Vloerisolatie") and not _find(found, "indicatief")


def test_the_subject_is_bold_on_page_one_above_the_opening() -> None:
    found = _first(_letter())
    (subject,) = _find(found, "Uw persoonlijke energieadvies voor Kanaalstraat 12")
    (opening,) = _find(found, "Beste bewoners")
    assert subject.font == "Sans-Bold" and subject.size >= 11
    assert 0 < subject.y - opening.y < 15 * mm
    assert not _find(_first(_letter(subject="")), "energieadvies voor")


@pytest.mark.parametrize(
    "recipient",
    [
        ["De bewoners van", LONG_STREET, "3531 CA  UTRECHT"],
        [
            "De bewoners van",
            LONG_STREET,
            "t.a.v. de eigenaar",
            LONG_STREET,
            "Postbus 12",
            "3531 CA  UTRECHT",
            "Nederland",
        ],  # nine lines once the streets wrap: 9 pt
    ],
)
def test_the_address_stays_inside_the_envelope_window(recipient: list[str]) -> None:
    found = _first(_letter(recipient=recipient))
    left, right, bottom, top = WINDOW
    drawn = [s for s in found if left <= s.x <= right and bottom - 20 * mm <= s.y <= top]
    assert set(" ".join(s.text for s in drawn).split()) == set(" ".join(recipient).split())
    for span in drawn:
        assert left + 4 * mm - TOLERANCE <= span.x and span.right <= right - 2 * mm
        assert bottom + span.size * 0.25 <= span.y <= top - span.size
        assert span.size >= 9


def _in_window(found: list[Span]) -> list[Span]:
    left, right, bottom, top = WINDOW
    return [s for s in found if left <= s.x <= right and bottom - 20 * mm <= s.y <= top]


def test_an_address_too_long_for_the_window_keeps_its_postcode_and_city() -> None:
    """Review of issue 15: a long wide street pushed the postcode line out of the window."""
    wide = " ".join(["WWWWWWWW"] * 40)
    drawn = _in_window(_first(_letter(recipient=["De bewoners van", wide, "3531 CA  UTRECHT"])))
    left, right, bottom, top = WINDOW
    assert drawn[-1].text.split() == ["3531", "CA", "UTRECHT"]
    assert "…" in drawn[-2].text  # the cut street line says it goes on
    for span in drawn:
        assert bottom + span.size * 0.25 <= span.y <= top - span.size and span.size >= 9
        assert span.right <= right - 2 * mm


def test_a_word_wider_than_the_window_is_broken_and_stays_readable() -> None:
    """Review of issue 15: a 300-character street name was shrunk to 1.2 pt."""
    word = "Zonnebloem" * 30
    drawn = _in_window(
        _first(_letter(recipient=["De bewoners van", f"{word} 7", "3531 CA  UTRECHT"]))
    )
    left, right, _bottom, _top = WINDOW
    assert all(span.size >= 9 and span.right <= right - 2 * mm for span in drawn)
    assert drawn[-1].text.split() == ["3531", "CA", "UTRECHT"]
    assert drawn[1].text.startswith("Zonnebloem")


def test_long_sender_lines_stay_on_the_page_and_out_of_the_window() -> None:
    sender = ["Stichting Energiecoöperatie Utrecht-Oost en Omstreken voor Duurzaam Wonen",
              "Postadres: Burgemeester van Roijensingel 1234-bis, 3511 AB Utrecht", "030 123 45 67",
              "aanmeldingen-energiecoaches@stichting-energiecooperatie-utrecht-oost.example.nl",
              "KvK 12345678 · IBAN NL00 BANK 0123 4567 89 · btw NL001234567B01",
              *[f"Regel {n} van een lange afzender" for n in range(12)]]  # fmt: skip
    found = _first(_letter(sender=sender))
    left, right, bottom, top = WINDOW
    (date,) = _find(found, "27 november 2026")
    drawn = [s for s in found if s.y > date.y and s.font and not (left <= s.x < right)]
    drawn = [s for s in drawn if s.x > right or s.y > top]
    assert _find(drawn, "Stichting") and _find(drawn, "aanmeldingen-energiecoaches@")
    for span in drawn:
        assert span.x >= 0 and span.right <= PAGE_W - 20 * mm + TOLERANCE
        assert span.y > date.y + 9  # above the date line, with room
        assert span.x >= right or span.y > top  # beside the window, or above it


def test_fold_and_punch_marks_on_the_first_page_only() -> None:
    first, *later = _pages(_letter(paragraphs=["Een lange alinea. " * 200]))
    marks = [s for s in segments(first) if s.x2 <= 10 * mm]
    heights = sorted(round((PAGE_H - s.y1) / mm, 1) for s in marks)
    assert heights == [99.0, 148.5, 198.0]
    assert all(s.x1 == pytest.approx(4 * mm) and s.x2 == pytest.approx(9 * mm) for s in marks)
    assert all(s.width == pytest.approx(0.3) for s in marks)
    assert later and all(not [s for s in segments(p) if s.x2 <= 10 * mm] for p in later)


def test_later_pages_keep_the_header_and_the_page_count() -> None:
    pages = _pages(_letter(paragraphs=["Een lange alinea. " * 200]))
    total = len(pages)
    assert total >= 2
    for number, page in enumerate(pages, start=1):
        text = page.extract_text()
        assert f"{number} van {total}" in text
        if number > 1:
            assert "Uw persoonlijk energieadvies · EB-2026-000001-NL" in text


def test_a_logo_of_ones_own_replaces_the_drawn_house(tmp_path) -> None:  # noqa: ANN001
    logo = tmp_path / "logo.png"
    Image.new("RGB", (400, 100), (11, 110, 79)).save(logo)
    (page,) = _pages(_letter(logo_path=str(logo), paragraphs=[]))[:1]
    assert len(page.images) == 1
    assert len(_pages(_letter(logo_path=str(tmp_path / "missing.png")))[0].images) == 0
    assert len(_pages(_letter())[0].images) == 0


def test_the_same_letter_gives_the_same_bytes(tmp_path) -> None:  # noqa: ANN001
    logo = tmp_path / "logo.jpg"
    Image.new("RGB", (120, 120), (11, 110, 79)).save(logo)
    letter = _letter(table_total=TOTAL, logo_path=str(logo), recipient=["Fam. כהן", LONG_STREET])
    assert render(letter) == render(letter)


@pytest.mark.parametrize("filler", range(52, 68, 3))  # the section meets the page end
def test_a_section_is_kept_on_one_page(filler: int) -> None:
    lines = [f"Regel {n} van het blok." for n in range(8)]
    letter = _letter(paragraphs=["Een alinea." for _ in range(filler)],
                     sections=[("Zo kiest u een bedrijf", lines)])  # fmt: skip
    texts = [page.extract_text() for page in _pages(letter)]
    (page,) = [n for n, text in enumerate(texts) if "Zo kiest u een bedrijf" in text]
    assert all(line in texts[page] for line in lines)


def test_a_section_taller_than_a_page_flows_on() -> None:
    lines = [f"Regel {n} van een heel lang blok." for n in range(80)]
    texts = [p.extract_text() for p in _pages(_letter(sections=[("Een lang blok", lines)]))]
    assert len(texts) >= 3 and all(line in " ".join(texts) for line in lines)


@pytest.mark.parametrize("filler", range(8, 30))
def test_the_total_row_never_stands_alone_on_a_page(filler: int) -> None:
    """Seen in issue 15's letters: "All together" alone at the top of page 2. Wherever the
    table breaks, the total keeps the last measure beside it (or the table moves whole)."""
    rows = [[f"Stap{n}", *ROWS[0][1:]] for n in range(1, 7)]
    letter = _letter(paragraphs=["Een alinea van een regel." for _ in range(filler)],
                     table_rows=rows, table_total=TOTAL)  # fmt: skip
    texts = [page.extract_text() for page in _pages(letter)]
    (page,) = [n for n, text in enumerate(texts) if "Totaal" in text]
    assert "Stap6" in texts[page]
    assert all(sum(f"Stap{n}" in t for t in texts) == 1 for n in range(1, 7))  # none twice


def test_a_hyphenated_word_too_wide_for_the_window_breaks_after_its_hyphen() -> None:
    """Review of issue 15: "…Noordzijd / e" instead of at the hyphen."""
    street = "Burgemeester-Van-Roijensingel-Noordzijde-Oosterkade 12"
    drawn = _in_window(_first(_letter(recipient=["De bewoners van", street, "3531 CA  UTRECHT"])))
    lines = [span.text.strip() for span in drawn]
    assert any(line.endswith("-") for line in lines[1:-1])
    assert "".join(lines[1:-1]).replace(" ", "") == street.replace(" ", "")


def test_a_300_letter_street_in_the_subject_stays_on_the_page() -> None:
    word = "Zonnebloem" * 30
    found = _first(_letter(subject=f"Uw persoonlijke energieadvies voor {word} 7"))
    assert all(span.right <= PAGE_W - 20 * mm + TOLERANCE for span in found if span.font)


def test_a_very_long_measure_name_does_not_push_the_figures_over_each_other() -> None:
    """Review of issue 15: a 60-letter name made the header read "InvesteringBespaart"."""
    name = "Spouwmuurisolatiemetglasparelsenextraventilatieroostersinbegrepen (2024)"
    page = _pages(_letter(table_rows=[[name, *ROWS[0][1:]], *ROWS[1:]]))[0]
    found = spans(page)
    for figure in ("€ 261", "€ 410", "320"):
        (span,) = _find(found, figure)[:1]
        assert span.right <= FRAME[1] + TOLERANCE
    words = _words(_letter(table_rows=[[name, *ROWS[0][1:]], *ROWS[1:]]))
    assert {"Investering", "Bespaart", "Terugverdiend"} <= words  # headers whole, apart
