"""A live eteams on 127.0.0.1 and a real headless Chromium (Debian's) driven by Playwright.

Nothing here skips: without /usr/bin/chromium these tests fail, as they must in CI.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import time, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import axe_playwright_python
import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright
from playwright.sync_api import Error as PlaywrightError
from sqlalchemy import select
from werkzeug.serving import make_server

from eteams.extensions import db
from eteams.models import User
from eteams.models.enums import Role
from eteams.services import accounts, clock, shifts
from tests import factories
from tests.conftest import CHROMIUM, PASSWORD, make_app, upgrade_to_head

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@dataclass
class LiveServer:
    url: str
    users: dict[str, str]
    database_url: str
    app: object = None
    server: object = None

    def stop(self) -> None:
        """Take the server down (connections are refused) until start()."""
        self.server.shutdown()
        self.server.server_close()

    def start(self) -> None:
        port = int(self.url.rsplit(":", 1)[1])
        self.server = make_server("127.0.0.1", port, self.app, threaded=True)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    path = tmp_path_factory.mktemp("live") / "live.sqlite"
    app = make_app(f"sqlite:///{path}")
    upgrade_to_head(app)
    users = {}
    with app.app_context():
        factories.bind(db.session)
        employee = factories.EmployeeFactory(first_name="Samira", last_name="Bouzid")
        employer = factories.EmployerFactory(name="Groen Werk B.V.")
        for role, links in (
            (Role.ADMIN, {}),
            (Role.LEAD, {}),
            (Role.COACH, {"employee_id": employee.id}),
            (Role.EMPLOYER, {"employer_id": employer.id}),
        ):
            email = f"{role.value}@e2e.example.nl"
            accounts.create_user(
                db.session, email=email, role=role, password=PASSWORD, **links, actor_id=None
            )
            users[role.value] = email
        lead = db.session.scalar(select(User).where(User.role == Role.LEAD))
        team = factories.TeamFactory(name="Team Kanaal", lead_user_id=lead.id)
        factories.MembershipFactory(team=team, employee=employee)
        joris = factories.EmployeeFactory(
            first_name="Joris", last_name="Verhoeven", employer=employer
        )
        factories.MembershipFactory(team=team, employee=joris)
        db.session.flush()
        campaign = factories.CampaignFactory(name="Lombok e2e")
        for n in range(30):
            factories.AddressFactory(campaign=campaign, street="Javastraat", house_number=n + 1,
                                     lat=52.0905 + (n // 2) * 0.00012, lon=5.1000 + (n % 2) * 0.0002)  # fmt: skip
        _coach_lists_for_today(db.session, campaign, team, employer, users)
        for days_ahead in (1, 2):  # one day for each browser size the tests run at
            day = clock.today() + timedelta(days=days_ahead)
            shifts.schedule_shift(db.session, shifts.ShiftData(team.id, day, time(18, 0), time(21, 0),
                                                               "Buurtcentrum Oase", 52.0903, 5.0998), actor_id=None)  # fmt: skip
        db.session.commit()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    live = LiveServer(
        f"http://127.0.0.1:{server.server_port}", users, f"sqlite:///{path}", app, server
    )
    yield live
    live.server.shutdown()


def _coach_lists_for_today(session, campaign, team, employer, users) -> None:  # noqa: ANN001
    """Today's published walk lists: one for Samira's team (tablet runs), one for Lotte's
    (phone runs), nine doors each, late in the evening so no other test's shift overlaps."""
    del campaign
    from eteams.models import WalkList, WalkListStop
    from eteams.models.enums import WalkListStatus
    from eteams.services import catalogue

    catalogue.seed_measures(session)
    lotte = factories.EmployeeFactory(first_name="Lotte", last_name="Jansen", employer=employer)
    accounts.create_user(session, email="lotte@e2e.example.nl", role=Role.COACH, password=PASSWORD,
                         employee_id=lotte.id, actor_id=None)  # fmt: skip
    users["coach_phone"] = "lotte@e2e.example.nl"
    oost = factories.TeamFactory(name="Team Oost")
    factories.MembershipFactory(team=oost, employee=lotte)
    factories.MembershipFactory(
        team=oost, employee=factories.EmployeeFactory(first_name="Emre", employer=employer)
    )
    # A campaign of their own, so what the coaches log does not change what others plan.
    campaign = factories.CampaignFactory(name="Kanaleneiland e2e")
    doors = [
        factories.AddressFactory(campaign=campaign, street="Marshalllaan", house_number=n + 1,
                                 postcode="3527 AB", lat=52.0790 + n * 0.0001, lon=5.0980)
        for n in range(18)
    ]  # fmt: skip
    session.flush()
    for crew, offset in ((team, 0), (oost, 9)):
        shift = shifts.schedule_shift(
            session,
            shifts.ShiftData(crew.id, clock.today(), time(21, 0), time(23, 30), "Buurthuis"),
            actor_id=None,
        )
        session.add(WalkList(campaign_id=campaign.id, shift=shift, date=clock.today(), status=WalkListStatus.PUBLISHED,
                             stops=[WalkListStop(address_id=a.id, seq=n) for n, a in enumerate(doors[offset:offset + 9], 1)]))  # fmt: skip
    session.flush()


def sign_in(page: Page, live_server: LiveServer, email: str) -> None:
    """Through the login form, once the login page has cleared what the tablet kept."""
    page.goto(f"{live_server.url}/login")
    expect(page.locator("[data-tablet-forgotten]")).to_have_attribute(
        "data-tablet-forgotten", "true"
    )
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def coach_page_in_control(page: Page) -> None:
    """The coach page is ready and its service worker controls it (after one reload)."""
    expect(page.locator("#coach-app")).to_have_attribute("data-ready", "true")
    page.wait_for_function("navigator.serviceWorker && navigator.serviceWorker.ready")
    page.reload()
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    expect(page.locator("#coach-app")).to_have_attribute("data-ready", "true")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    assert CHROMIUM.exists(), "Debian's chromium is required: apt-get install -y chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Accessibility:
    """axe-core on every page a test opens (run by the page itself at each load, reported
    through a binding) and on the state the test ends in. Any violation fails the test, with
    the rule, the element and axe's explanation.
    """

    def __init__(self, page: Page) -> None:
        self.page = page
        self.violations: list[str] = []
        self.pages_checked: set[str] = set()
        page.context.expose_binding("__eteamsAxeReport", self._report)
        page.context.add_init_script(AXE_SCRIPT + AXE_ON_LOAD)

    def _report(self, _source: object, path: str, violations: list[dict]) -> None:
        self.pages_checked.add(path)
        for violation in violations:
            for node in violation["nodes"]:
                self.violations.append(
                    f"{path}: {violation['id']} ({violation['impact']}) {violation['help']}\n"
                    f"    {', '.join(map(str, node['target']))}: {node['html'][:160]}"
                )

    def check(self) -> None:
        """Check the page as it is now (after what the test typed and clicked)."""
        if not self.page.url.startswith("http"):
            return
        try:
            violations = self.page.evaluate("() => window.__eteamsAxeCheck()")
        except PlaywrightError as error:
            if "destroyed" in str(error) or "navigat" in str(error):
                return  # the page was left while axe ran; the next page is checked on its load
            raise
        self._report(None, urlsplit(self.page.url).path, violations)

    def assert_clean(self) -> None:
        self.check()
        assert not self.violations, "accessibility violations:\n" + "\n".join(
            dict.fromkeys(self.violations)
        )


AXE_SCRIPT = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
AXE_ON_LOAD = """
;(() => {
  if (window.top !== window) return;
  let busy = Promise.resolve();
  window.__eteamsAxeCheck = () => {
    const run = busy.then(async () => (await axe.run(document, {
      runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']},
      resultTypes: ['violations'],
    })).violations);
    busy = run.catch(() => null);
    return run;
  };
  window.addEventListener('load', () => setTimeout(async () => {
    const violations = await window.__eteamsAxeCheck();
    window.__eteamsAxeReport(location.pathname, violations);
  }, 0));
})();
"""


@pytest.fixture(params=[(768, 1024), (390, 844)], ids=["tablet", "phone"])
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    width, height = request.param
    # A Dutch tablet: it sends Amsterdam times (+01:00/+02:00) while the server runs in UTC, so a
    # server that compares wall clocks instead of instants fails these tests.
    context = browser.new_context(viewport={"width": width, "height": height}, locale="nl-NL",
                                  timezone_id="Europe/Amsterdam")  # fmt: skip
    page = context.new_page()
    page.set_default_timeout(10_000)
    accessibility = Accessibility(page)
    request.node.accessibility = accessibility
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    try:
        accessibility.assert_clean()
    finally:
        context.close()
