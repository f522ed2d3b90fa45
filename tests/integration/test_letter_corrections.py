"""A corrected letter says which letter it replaces (issue 15), read back from the PDF.

A letter printed or sent may be with the household already: the one made after the visit was
corrected, or from a second conversation at the door that day, says near its top that it
replaces the letter of that date, the date written the way the letter's language writes it.
"""

from __future__ import annotations

import io
import uuid
from datetime import date, timedelta

from pypdf import PdfReader

from eteams.models.enums import ConsentKind, Outcome
from eteams.services import letters, visits
from tests import factories

FIRST_DAY, SECOND_DAY = date(2026, 12, 3), date(2026, 12, 5)
NL_LINE = (
    "Deze brief vervangt brief {} van 3 december 2026."  # the reference: both may be dated alike
)
EN_LINE = "This letter replaces letter {} of 3 December 2026."


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)


def test_a_letter_corrected_after_it_was_sent_says_it_replaces_that_one(
    app, session, visit
) -> None:  # noqa: ANN001
    with app.app_context():
        first, pdf = letters.letter_for(session, visit, "nl", today=FIRST_DAY)
        assert "vervangt" not in _text(pdf)
        letters.mark_sent(first, None)
        visit.gas_m3_per_year = 900  # the coach corrects the use
        session.flush()
        second, pdf = letters.letter_for(session, visit, "nl", today=SECOND_DAY)
        _english, english = letters.letter_for(session, visit, "en", today=SECOND_DAY)
    assert second.id != first.id and second.reference == f"{first.reference}-2"
    text = _text(pdf)
    line = NL_LINE.format(first.reference)
    assert line in text and "4 december 2026" not in text
    assert text.index(line) < text.index("Op 10 maart 2026")  # above the thanks
    assert "135 m³ gas" in text  # 900 × 0.15: the corrected use
    assert EN_LINE.format(first.reference) in _text(english)  # it replaces the Dutch one


def test_a_letter_corrected_before_it_left_the_system_replaces_nothing(app, session, visit) -> None:  # noqa: ANN001
    with app.app_context():
        first, _pdf = letters.letter_for(session, visit, "nl", today=FIRST_DAY)
        visit.gas_m3_per_year = 900
        session.flush()
        again, pdf = letters.letter_for(session, visit, "nl", today=SECOND_DAY)
    assert again.id == first.id  # made again under its number: nobody has the first on paper
    assert "vervangt" not in _text(pdf)


def test_a_second_conversation_after_the_first_letter_was_printed_is_a_correction(
    app, session, visit
) -> None:  # noqa: ANN001
    lead = factories.user("lead")
    with app.app_context():
        printed, _pdf = letters.letter_for(session, visit, "nl", today=FIRST_DAY)
        letters.mark_issued(printed)
        data = visits.VisitInput(
            address_id=visit.address_id, visited_at=visit.visited_at + timedelta(hours=2),
            outcome=Outcome.CONVERSATION, household={"gas_m3_per_year": 900, "tenure": "owner"},
            consents={ConsentKind.ADVICE_LETTER: (True, "2026-01")},
        )  # fmt: skip
        later = visits.save_visit(session, uuid.uuid4(), data, lead).visit
        letter, pdf = letters.letter_for(session, later, "nl", today=SECOND_DAY)
        # A door walked the day after is a visit of its own: its letter replaces nothing.
        data.visited_at += timedelta(days=1)
        next_day = visits.save_visit(session, uuid.uuid4(), data, lead).visit
        _own, own = letters.letter_for(session, next_day, "nl", today=SECOND_DAY)
    assert letter.visit_id == later.id and NL_LINE.format(printed.reference) in _text(pdf)
    assert letter.figures_snapshot["replaces"] == {"reference": printed.reference,
                                                   "date": "2026-12-03"}  # fmt: skip
    assert "vervangt" not in _text(own)
