"""A visit before the first price book (issue 15): no euro figure for a saving is invented,
the letter says plainly that prices for that day are not available, and the lead sees it on
the register before printing. Read back from the PDF."""

from __future__ import annotations

import io
from datetime import UTC, datetime

from pypdf import PdfReader

from eteams.services import letters
from tests.conftest import login

BEFORE_FIRST_BOOK = datetime(2024, 12, 20, 10, tzinfo=UTC)  # the first book: 1 January 2025


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)


def test_a_visit_before_the_first_price_book_says_prices_are_not_available(
    app, session, visit
) -> None:  # noqa: ANN001
    visit.visited_at = BEFORE_FIRST_BOOK
    session.flush()
    with app.app_context():
        dutch = _text(letters.letter_for(session, visit, "nl")[1])
        english = _text(letters.letter_for(session, visit, "en")[1])
    assert "Wij hebben geen energieprijzen voor 20 december 2024, de dag van ons bezoek." in dutch
    assert "We have no energy prices for 20 December 2024, the day of your visit." in english
    # 1,400 m³ × 0.15 = 210 m³ saved, no euros a year and so no payback; the investment
    # (€ 1,100) and the ISDE (39 m² × € 5.25 = € 205) come from the catalogue, not the prices.
    assert "1. Spouwmuurisolatie (2024) € 1.100 210 m³ gas — — € 205" in dutch
    assert "Savings are valued at" not in english  # no price book quoted


def test_a_visit_on_the_first_price_books_day_has_its_prices(app, session, visit) -> None:  # noqa: ANN001
    visit.visited_at = datetime(2025, 1, 1, 10, tzinfo=UTC)
    session.flush()
    with app.app_context():
        text = _text(letters.letter_for(session, visit, "nl")[1])
    assert "geen energieprijzen" not in text
    assert "210 m³ gas € 252" in text  # 210 × € 1.20


def test_the_lead_sees_a_day_without_prices_before_printing(
    client, session, visit, make_user
) -> None:  # noqa: ANN001
    login(client, make_user("lead"))
    warning = "Op deze dag geldt geen prijslijst: de dag ligt vóór de eerste."
    assert warning not in client.get("/lead/letters?date=2026-03-10").get_data(as_text=True)
    visit.visited_at = BEFORE_FIRST_BOOK
    session.commit()
    assert warning in client.get("/lead/letters?date=2024-12-20").get_data(as_text=True)
