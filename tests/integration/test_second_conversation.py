"""Two conversations at one door on one day (issue 15): one letter, from the latest.

Both visits stay stored (field data is a fact); the one that arrives second is put before the
lead, and the day's register and bundle hold one letter for the household.
"""

from __future__ import annotations

import io
import uuid
from datetime import UTC, datetime, timedelta

from pypdf import PdfReader
from sqlalchemy import select

from eteams.models import Visit, VisitReview
from eteams.models.enums import ConsentKind, Outcome
from eteams.services import letters, visits
from tests import factories
from tests.conftest import login


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)


def _talk(session, address, at: datetime, gas: int, user) -> Visit:  # noqa: ANN001
    """A conversation typed in by the lead, with consent for a letter."""
    data = visits.VisitInput(
        address_id=address.id, visited_at=at, outcome=Outcome.CONVERSATION,
        household={"gas_m3_per_year": gas, "tenure": "owner"},
        consents={ConsentKind.ADVICE_LETTER: (True, "2026-01")},
    )  # fmt: skip
    return visits.save_visit(session, uuid.uuid4(), data, user).visit


def _open_reasons(session, visit: Visit) -> set[str]:  # noqa: ANN001
    stmt = select(VisitReview.reason).where(
        VisitReview.visit_id == visit.id, VisitReview.reviewed_at.is_(None)
    )
    return {r.value for r in session.scalars(stmt)}


def test_a_second_conversation_on_a_day_gives_one_letter_from_the_latest(
    app, client, session, visit
) -> None:  # noqa: ANN001
    lead = factories.user("lead")
    later = _talk(session, visit.address, visit.visited_at + timedelta(hours=3), 900, lead)
    other_door = factories.AddressFactory(campaign=visit.address.campaign)
    elsewhere = _talk(session, other_door, visit.visited_at + timedelta(hours=1), 900, lead)
    next_day = _talk(session, visit.address, visit.visited_at + timedelta(days=1), 900, lead)
    session.commit()

    # Both visits of the door stay; the second is put before the lead, with its reason.
    assert session.get(Visit, visit.id) is not None
    assert _open_reasons(session, later) == {"second_conversation"}
    assert _open_reasons(session, elsewhere) == set()  # another door: no doubt
    assert _open_reasons(session, next_day) == set()  # another day: a visit of its own
    token = login(client, lead)
    page = client.get("/lead/reviews").get_data(as_text=True)
    assert "Deze deur heeft op dezelfde dag nog een gesprek" in page

    # Until the lead has checked which conversation is right, the household's letter waits:
    # the register says so and neither the bundle nor a reprint prints it.
    day = visit.visited_at.date()
    with app.app_context():
        assert [v.id for v in letters.visits_with_letter_consent(session, day)] == [
            elsewhere.id, later.id]  # fmt: skip
        rows = letters.register(session, day)
        assert [(r.visit.id, r.state) for r in rows] == [(elsewhere.id, "not_made"),
                                                         (later.id, "held")]  # fmt: skip
        assert letters.day_bundle(session, day, actor_id=lead.id)[1] == 1
        assert letters.day_bundle(session, day, actor_id=lead.id, include_sent=True)[1] == 1
    register = client.get(f"/lead/letters?date={day.isoformat()}").get_data(as_text=True)
    assert "wacht op uw controle" in register and "Te controleren bezoeken" in register
    checked = client.post(f"/lead/reviews/{later.id}", data={"csrf_token": token})
    assert checked.status_code == 302, checked.get_data(as_text=True)[:300]
    session.expire_all()
    assert _open_reasons(session, later) == set()
    with app.app_context():
        bundle, count = letters.day_bundle(session, day, actor_id=lead.id, include_sent=True)
    assert count == 2
    text = _text(bundle)
    # The later conversation's use: 900 m³ × 0.15 = 135 m³ for the cavity wall (the earlier
    # visit's 1,400 m³ would read 210 m³), and the earlier visit's reference is not printed.
    assert f"EB-2026-{later.id:06d}-NL" in text
    assert f"EB-2026-{visit.id:06d}-NL" not in text
    assert "ongeveer 900 m³ gas" in text and "ongeveer 1.400 m³ gas" not in text


def test_a_conversation_arriving_late_for_an_earlier_hour_is_flagged_too(
    app, session, visit
) -> None:  # noqa: ANN001
    """A paper visit typed in after the tablet's: earlier in the day, arrived second. The
    letter still comes from the latest conversation of the day (the tablet's)."""
    lead = factories.user("lead")
    earlier = _talk(session, visit.address, visit.visited_at - timedelta(hours=1), 900, lead)
    session.commit()
    assert _open_reasons(session, earlier) == {"second_conversation"}
    with app.app_context():
        chosen = letters.visits_with_letter_consent(session, visit.visited_at.date())
    assert [v.id for v in chosen] == [visit.id]


def test_the_latest_conversation_decides_even_at_the_same_minute(app, session, visit) -> None:  # noqa: ANN001
    """Two tablets logged the door at the same minute: the one stored last is the letter's."""
    lead = factories.user("lead")
    twin = _talk(session, visit.address, visit.visited_at.replace(tzinfo=UTC), 900, lead)
    session.commit()
    with app.app_context():
        chosen = letters.visits_with_letter_consent(session, visit.visited_at.date())
    assert [v.id for v in chosen] == [twin.id]


def test_any_doubt_the_lead_has_not_checked_holds_the_letter(app, client, session, visit) -> None:  # noqa: ANN001
    """An appointment at 03:30 is kept as recorded and put before the lead: the letter that
    would tell the household "we have an appointment at 03:30" waits for that check."""
    from eteams.models.enums import ReviewReason

    session.add(VisitReview(visit_id=visit.id, reason=ReviewReason.APPOINTMENT_AT_NIGHT))
    session.commit()
    day = visit.visited_at.date()
    with app.app_context():
        assert [r.state for r in letters.register(session, day)] == ["held"]
        assert letters.day_bundle(session, day, actor_id=None)[1] == 0
        assert letters.mark_day_sent(session, day, None) == (0, 1, 0)
    # Nor does a copy get out by the letter's own download until the lead has checked it.
    lead = factories.user("lead")
    session.commit()
    token = login(client, lead)
    held = client.get(f"/api/v1/visits/{visit.uuid}/letter.pdf")
    assert held.status_code == 409 and "wacht tot de teamleider" in held.json["message"]
    client.post(f"/lead/reviews/{visit.id}", data={"csrf_token": token})
    assert client.get(f"/api/v1/visits/{visit.uuid}/letter.pdf").status_code == 200
