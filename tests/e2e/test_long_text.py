"""Issue 14 review: a 300-character word (a note typed without spaces, a long first name, a
meeting point pasted from somewhere) made the household page 3,600 px wide and pushed the
coach's shift card off the screen. It wraps; nothing on the page is wider than the window."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, time, timedelta

from playwright.sync_api import Page, expect

from eteams.extensions import db
from eteams.models import Visit
from eteams.models.enums import Outcome, Role
from eteams.services import accounts, clock, shifts
from tests import factories
from tests.conftest import PASSWORD
from tests.e2e.conftest import LiveServer, sign_in

WORD = "Lang" + "x" * 296

WIDEST = "() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"


def _sign_in(page: Page, live_server: LiveServer, email: str) -> None:
    sign_in(page, live_server, email)
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()


def test_a_300_character_word_wraps_on_the_household_and_the_coach_page(
    page: Page, live_server: LiveServer
) -> None:
    tag = factories.tag()
    with live_server.app.app_context():
        factories.bind(db.session)
        employee = factories.EmployeeFactory(first_name=WORD[:100], last_name=f"Lang{tag}")
        team = factories.TeamFactory(name=f"Team lang {tag}")
        factories.MembershipFactory(team=team, employee=employee)
        email = f"lang.{tag}@e2e.example.nl"
        coach = accounts.create_user(db.session, email=email, role=Role.COACH, password=PASSWORD,
                                     employee_id=employee.id, actor_id=None)  # fmt: skip
        shifts.schedule_shift(db.session, shifts.ShiftData(
            team.id, clock.today() + timedelta(days=3), time(10), time(12), WORD[:200]),
            actor_id=None)  # fmt: skip
        address = factories.AddressFactory(campaign=factories.CampaignFactory(name=f"Lang {tag}"))
        db.session.flush()
        db.session.add(Visit(uuid=uuid.uuid4(), address=address, recorded_by_id=coach.id,
                             outcome=Outcome.CONVERSATION, notes=WORD, landlord=WORD[:200],
                             visited_at=datetime.now(UTC) - timedelta(hours=1)))  # fmt: skip
        db.session.commit()
        address_id = address.id
    width = page.viewport_size["width"]

    _sign_in(page, live_server, live_server.users["lead"])
    page.goto(f"{live_server.url}/lead/addresses/{address_id}")
    expect(page.get_by_text(WORD[:40], exact=False).first).to_be_visible()
    assert page.evaluate(WIDEST) <= width
    page.get_by_role("button", name="Uitloggen").click()

    _sign_in(page, live_server, email)
    expect(page.locator("#coach-app")).to_have_attribute("data-ready", "true")
    expect(page.get_by_text(WORD[:40], exact=False).first).to_be_visible()
    assert page.evaluate(WIDEST) <= width
