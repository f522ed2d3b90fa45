"""The planner's Monday in a real Chromium at 1440×900: 40 teams on shift, 1,000 doors.
Plan them all, move a door into a full list (the warning shows beside that list, in view,
and "Toch verplaatsen" keeps it), swap two doors, publish every list at once, and print
every walk sheet of the day as one PDF. The page stays under a set size."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import time, timedelta

import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader
from sqlalchemy import select

from eteams.extensions import db
from eteams.models import WalkList
from eteams.models.enums import WalkListStatus
from eteams.services import clock, shifts
from tests import factories
from tests.conftest import PASSWORD
from tests.e2e.conftest import ARTIFACTS, Accessibility, LiveServer

TEAMS = 40
DOORS = 1_000
# Elements on the page with 40 lists and 1,000 doors: about four per door (the row, its
# checkbox, its label, room for a tag) and the overview, map and bars besides.
MOST_ELEMENTS = 6_000


@pytest.fixture(scope="module")
def monday(live_server: LiveServer):  # noqa: ANN201
    """A campaign of 1,000 doors in 25 streets and 40 teams on shift ten days from now."""
    day = clock.today() + timedelta(days=10)
    with live_server.app.app_context():
        factories.bind(db.session)
        campaign = factories.CampaignFactory(name="Maandag e2e")
        for n in range(DOORS):
            street, number = divmod(n, 40)
            factories.AddressFactory(campaign=campaign, street=f"Laan {street + 1}",
                                     house_number=number + 1, postcode=f"35{street + 10:02d} AB",
                                     lat=52.080 + street * 0.0009 + (number % 2) * 0.00008,
                                     lon=5.100 + (number // 2) * 0.00025)  # fmt: skip
        for t in range(TEAMS):
            team = factories.TeamFactory(name=f"Team {t + 1:02d}")
            factories.MembershipFactory(team=team)
            factories.MembershipFactory(team=team)
            db.session.flush()
            shifts.schedule_shift(db.session, shifts.ShiftData(
                team.id, day, time(9, 0), time(12, 0), f"Hoek Laan {t % 25 + 1}",
                52.080 + (t % 25) * 0.0009, 5.100 + (t // 25) * 0.004), actor_id=None)  # fmt: skip
        db.session.commit()
        return campaign.id, day


def _door_on(walk_list, door: str):  # noqa: ANN001, ANN202
    """That door's label on the list, wherever in the walking order it went."""
    exactly = re.compile(rf"^\s*{re.escape(door)}\s*$")
    return walk_list.locator(".js-stops li label").filter(has_text=exactly)


@pytest.fixture
def wide(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="nl-NL",
                                  timezone_id="Europe/Amsterdam", accept_downloads=True)  # fmt: skip
    page = context.new_page()
    page.set_default_timeout(30_000)
    accessibility = Accessibility(page)
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"))
    try:
        accessibility.assert_clean()
    finally:
        context.close()


def _open(page: Page, number: int):  # noqa: ANN202
    """Open list ``number`` from the overview; returns its section."""
    page.locator(".plan-overview tbody tr").nth(number - 1).get_by_role("link").click()
    section = page.locator("details.walk-list").nth(number - 1)
    expect(section).to_have_attribute("open", "")
    return section


def test_forty_teams_on_a_monday(wide: Page, live_server: LiveServer, monday) -> None:  # noqa: ANN001
    campaign_id, day = monday
    page = wide
    page.goto(f"{live_server.url}/login")
    page.get_by_label("E-mailadres").fill(live_server.users["lead"])
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.goto(f"{live_server.url}/lead/campaigns/{campaign_id}/plan?date={day.isoformat()}")
    page.get_by_role("button", name="Looproutes plannen").click()
    expect(page.locator(".flashes")).to_contain_text("40 looproutes gepland.", timeout=120_000)
    expect(page.locator(".plan-overview tbody tr")).to_have_count(TEAMS)
    expect(page.locator("#plan-map")).to_have_attribute("data-lists", str(TEAMS), timeout=60_000)
    elements = page.evaluate("() => document.getElementsByTagName('*').length")
    assert elements < MOST_ELEMENTS, f"{elements} elements on the page"

    # By keyboard: Enter on list 30 in the overview opens it with its title focused, in view
    # below the door bar; from its doors one link leads back to the actions.
    page.locator(".plan-overview tbody tr").nth(29).get_by_role("link").focus()
    page.keyboard.press("Enter")
    thirtieth = page.locator("details.walk-list").nth(29)
    expect(thirtieth.locator("summary")).to_be_focused()
    expect(thirtieth.locator("summary")).to_be_in_viewport()
    thirtieth.get_by_role("link", name="Naar de deuracties").click()
    expect(page.get_by_label("Verplaatsen naar")).to_be_focused()

    # A door of list 1 into list 2, which the planner filled: a warning beside list 2.
    first, second = _open(page, 1), _open(page, 2)
    full = int(re.search(r"(\d+) / (\d+)", page.locator(".plan-overview tbody tr").nth(1)
                         .inner_text()).group(1))  # fmt: skip
    door = first.locator(".js-stops li label").first.inner_text()
    first.get_by_label(door, exact=True).check()
    page.get_by_label("Verplaatsen naar").select_option(index=1)
    page.get_by_role("button", name="Verplaatsen", exact=True).click()
    warning = page.locator("details.walk-list").nth(1).locator(".form-errors")
    expect(warning).to_contain_text(f"{full + 1} deuren: 1 meer dan de")
    expect(warning).to_be_in_viewport()
    warning.get_by_role("button", name="Toch verplaatsen").click()
    expect(page.locator(".flashes")).to_contain_text("1 deur verplaatst.")
    second = page.locator("details.walk-list").nth(1)
    expect(_door_on(second, door)).to_have_count(1)  # where it adds the least walking
    expect(page.locator(".plan-overview tbody tr").nth(1)).to_contain_text("1 deur meer dan past")

    # Two doors of lists 3 and 4 change places.
    third, fourth = _open(page, 3), _open(page, 4)
    a = third.locator(".js-stops li label").nth(2).inner_text()
    b = fourth.locator(".js-stops li label").nth(5).inner_text()
    third.get_by_label(a, exact=True).check()
    fourth.get_by_label(b, exact=True).check()
    expect(page.locator(".js-ticked")).to_have_text("2 deuren aangevinkt")
    page.get_by_role("button", name="De twee omwisselen").click()
    expect(page.locator(".flashes")).to_contain_text("De deuren zijn van plaats gewisseld.")
    third, fourth = _open(page, 3), _open(page, 4)
    expect(third.locator(".js-stops li label").nth(2)).to_have_text(b)
    expect(fourth.locator(".js-stops li label").nth(5)).to_have_text(a)

    # A door not planned, ticked and put on a full list: the same warning, then kept.
    overview = page.locator(".plan-overview tbody tr").all_inner_texts()
    full_at = max(n for n, row in enumerate(overview, 1) if n > 4
                  and (m := re.search(r"(\d+) / (\d+)", row)) and m.group(1) == m.group(2))  # fmt: skip
    spare = page.locator("#unplanned")
    spare.locator("summary").click()
    door = spare.locator(".js-stops li label").first.inner_text()
    spare.get_by_label(door, exact=True).check()
    page.get_by_label("Verplaatsen naar").select_option(index=full_at - 1)
    page.get_by_role("button", name="Verplaatsen", exact=True).click()
    warning = page.locator("details.walk-list").nth(full_at - 1).locator(".form-errors")
    expect(warning).to_contain_text("1 meer dan de")
    expect(warning).to_be_in_viewport()
    warning.get_by_role("button", name="Toch verplaatsen").click()
    expect(page.locator(".flashes")).to_contain_text("1 deur verplaatst.")
    expect(_door_on(_open(page, full_at), door)).to_have_count(1)

    page.get_by_role("button", name="Alles publiceren").click()
    expect(page.locator(".flashes")).to_contain_text("40 lijsten gepubliceerd")
    expect(page.locator(".plan-overview tbody")).not_to_contain_text("concept")
    asked = []  # taking the lists off the tablets asks first; "no" leaves them published

    def answer_no(dialog) -> None:  # noqa: ANN001
        asked.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", answer_no)
    page.get_by_role("button", name="Alles terug naar concept").click()
    assert asked and "tablet" in asked[0]
    page.wait_for_timeout(500)  # a form posted anyway would have reached the server by now
    with live_server.app.app_context():
        states = set(db.session.scalars(
            select(WalkList.status).where(WalkList.campaign_id == campaign_id)))  # fmt: skip
        db.session.remove()
    assert states == {WalkListStatus.PUBLISHED}

    page.get_by_role("button", name="Alle looproutes van de dag (PDF)").click()
    expect(page.locator("main")).to_contain_text("40 looproutes in de pdf.")  # a worker's job
    with page.expect_download() as download:
        page.get_by_role("link", name="Pdf downloaden").click()
    reader = PdfReader(io.BytesIO(download.value.path().read_bytes()))
    pages = [p.extract_text() for p in reader.pages]
    teams = {re.search(r"Team \d\d", text).group(0) for text in pages if "Team" in text}
    assert len(teams) == TEAMS
    date_text = f"{day.day} "
    for text in pages:
        if text.strip():  # a blank back page has nothing to carry
            assert re.search(r"Team \d\d", text) and date_text in text
