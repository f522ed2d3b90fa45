"""Issue 14, finding 2: one tablet, two coaches. What coach A kept for working offline (the
coach page, the walk lists with addresses, the visits with contact details) is gone once A
has signed out, so coach B, on the same browser profile and without network, can read
nothing of A's: not in the Cache API, not in IndexedDB, not on the page."""

from __future__ import annotations

import json
from datetime import time

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import create_engine, text

from eteams.extensions import db
from eteams.models import WalkList, WalkListStop
from eteams.models.enums import Role, WalkListStatus
from eteams.services import accounts, clock, shifts
from tests import factories
from tests.conftest import PASSWORD
from tests.e2e.conftest import LiveServer, coach_page_in_control, sign_in

# Everything a browser profile keeps for this origin, as text: every cached response (URL
# and body) and every record of every IndexedDB database.
EVERYTHING_KEPT = """async () => {
  const kept = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      kept.push('cache ' + name + ' ' + request.url + ' ' + await response.text());
    }
  }
  for (const info of await indexedDB.databases()) {
    const db = await new Promise((ok, fail) => { const q = indexedDB.open(info.name); q.onsuccess = () => ok(q.result); q.onerror = fail; });
    for (const store of db.objectStoreNames) {
      const rows = await new Promise((ok) => { const q = db.transaction(store).objectStore(store).getAll(); q.onsuccess = () => ok(q.result); });
      kept.push('idb ' + info.name + ' ' + store + ' ' + JSON.stringify(rows));
    }
    db.close();
  }
  return {kept: kept, databases: (await indexedDB.databases()).map((d) => d.name), caches: await caches.keys()};
}"""


@pytest.fixture
def two_coaches(live_server: LiveServer) -> dict[str, dict]:
    """Two coaches, each with a walk list for today on a street of their own (each in a
    team of their own, so neither is given the other's list)."""
    tag = factories.tag()
    coaches = {}
    with live_server.app.app_context():
        factories.bind(db.session)
        campaign = factories.CampaignFactory(name=f"Gedeeld {tag}")
        for key, first, street, family in (
            ("a", "Anouk", "Annastraat", "Fam. Annink"),
            ("b", "Bram", "Bramlaan", "Fam. Brink"),
        ):
            team = factories.TeamFactory(name=f"Team {first} {tag}")
            employee = factories.EmployeeFactory(first_name=first, last_name=f"Tablet{tag}")
            factories.MembershipFactory(team=team, employee=employee)
            email = f"{first.lower()}.{tag}@e2e.example.nl"
            user = accounts.create_user(db.session, email=email, role=Role.COACH,
                                        password=PASSWORD, employee_id=employee.id, actor_id=None)  # fmt: skip
            doors = [factories.AddressFactory(campaign=campaign, street=street, house_number=n,
                                              postcode="3531 AA" if key == "a" else "3532 BB", lat=52.09 + n * 0.0001, lon=5.10)
                     for n in range(1, 5)]  # fmt: skip
            db.session.flush()
            shift = shifts.schedule_shift(
                db.session,
                shifts.ShiftData(team.id, clock.today(), time(6, 0), time(6, 30), "Hal"),
                actor_id=None,
            )
            db.session.add(WalkList(campaign_id=campaign.id, shift=shift, date=clock.today(),
                                    status=WalkListStatus.PUBLISHED,
                                    stops=[WalkListStop(address_id=a.id, seq=n)
                                           for n, a in enumerate(doors, 1)]))  # fmt: skip
            coaches[key] = {
                "email": email,
                "id": user.id,
                "street": street,
                "family": family,
                "campaign": campaign.id,
            }
        db.session.commit()
    return coaches


def _sign_in(page: Page, live_server: LiveServer, email: str) -> None:
    sign_in(page, live_server, email)
    coach_page_in_control(page)


def _sign_out(page: Page) -> None:
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_label("E-mailadres")).to_be_visible()
    expect(page.locator("[data-tablet-forgotten]")).to_have_attribute(
        "data-tablet-forgotten", "true"
    )


def _traces_of(coach: dict, kept: list[str]) -> list[str]:
    marks = (coach["street"], coach["family"], coach["email"], "0612345678")
    return [entry[:200] for entry in kept if any(mark in entry for mark in marks)]


def _tap(page: Page, outcome: str) -> None:
    page.locator(".js-next").get_by_role("button", name=outcome, exact=True).click()


def _talk(page: Page, family: str) -> None:
    _tap(page, "Gesprek")
    form = page.locator(".js-conversation")
    form.get_by_label("Gas per jaar (m³, van de rekening)").fill("1200")
    form.get_by_label("Mogen wij uw naam", exact=False).check()
    form.get_by_label("Naam", exact=True).fill(family)
    form.get_by_label("Telefoon", exact=True).fill("0612345678")
    form.get_by_role("button", name="Bezoek opslaan").click()
    expect(form).to_be_hidden()


def _stored(live_server: LiveServer, coach: dict) -> list[tuple]:
    engine = create_engine(live_server.database_url)
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT a.house_number, v.outcome, v.contact_name FROM visits v "
                 "JOIN addresses a ON a.id = v.address_id WHERE a.street = :s AND a.campaign_id = :c "
                 "ORDER BY a.house_number"), {"s": coach["street"], "c": coach["campaign"]},
        ).all()  # fmt: skip
    engine.dispose()
    return [tuple(r) for r in rows]


def test_the_next_coach_on_a_shared_tablet_reads_nothing_of_the_last(
    page: Page, live_server: LiveServer, two_coaches: dict[str, dict]
) -> None:
    a, b = two_coaches["a"], two_coaches["b"]
    _sign_in(page, live_server, a["email"])
    expect(page.locator(".js-next-label")).to_have_text(f"{a['street']} 1")

    page.context.set_offline(True)
    _tap(page, "Niet thuis")
    _talk(page, a["family"])
    expect(page.locator(".js-unsent-count")).to_have_text("2")
    page.reload()  # A works offline: the worker serves A's page, IndexedDB A's list
    expect(page.locator("#coach-app")).to_have_attribute("data-ready", "true")
    expect(page.locator(".js-done")).to_have_text("2")
    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    expect(page.locator(".js-unsent-count")).to_have_text("0", timeout=15_000)
    assert _stored(live_server, a) == [(1, "not_home", None), (2, "conversation", a["family"])]
    before = page.evaluate(EVERYTHING_KEPT)
    assert _traces_of(a, before["kept"]), "the check must see what A kept while signed in"

    _sign_out(page)
    left = page.evaluate(EVERYTHING_KEPT)
    assert _traces_of(a, left["kept"]) == []
    own = [e for e in left["kept"] if e.startswith(f"idb eteams-coach-{a['id']} ")]
    assert own and all(e.endswith(" []") for e in own)  # A's database is left empty
    assert not [c for c in left["caches"] if c.startswith("eteams-user-")]

    # Without network and nobody signed in, the tablet says so: nobody's page is shown.
    page.context.set_offline(True)
    page.goto(f"{live_server.url}/coach/")
    expect(page.get_by_role("heading", name="Geen verbinding")).to_be_visible()
    assert a["street"] not in page.content()
    page.context.set_offline(False)

    _sign_in(page, live_server, b["email"])
    page.context.set_offline(True)
    page.reload()
    expect(page.locator("#coach-app")).to_have_attribute("data-ready", "true")
    expect(page.locator(".js-next-label")).to_have_text(f"{b['street']} 1")
    content = page.content()
    assert a["street"] not in content and a["family"] not in content
    kept = page.evaluate(EVERYTHING_KEPT)
    assert _traces_of(a, kept["kept"]) == []
    assert _traces_of(b, kept["kept"]), "B's own list is kept for B"
    page.context.set_offline(False)


def test_visits_left_unsent_at_sign_out_wait_for_their_coach_alone(
    page: Page, live_server: LiveServer, two_coaches: dict[str, dict]
) -> None:
    """Field data is never thrown away: a visit the server has not accepted stays on the
    tablet through a sign-out, out of the next coach's sight, and is sent when its coach
    signs in again. Everything else of the coach's goes at sign-out."""
    a, b = two_coaches["a"], two_coaches["b"]
    _sign_in(page, live_server, a["email"])
    page.route("**/api/v1/visits/*", lambda route: route.abort())  # the server is out of reach
    _talk(page, a["family"])
    expect(page.locator(".js-unsent-count")).to_have_text("1")
    page.get_by_role("button", name="Uitloggen").click()
    dialog = page.get_by_role("dialog", name="Bezoeken nog niet verstuurd")
    dialog.get_by_role("button", name="Toch uitloggen").click()
    expect(page.get_by_label("E-mailadres")).to_be_visible()
    page.unroute("**/api/v1/visits/*")

    left = page.evaluate(EVERYTHING_KEPT)
    assert not [c for c in left["caches"] if c.startswith("eteams-user-")]
    kept = {entry.split(" ")[2]: entry for entry in left["kept"] if entry.startswith("idb ")}
    assert json.loads(kept["lists"].split(" ", 3)[3]) == []  # the addresses are gone
    outbox = json.loads(kept["outbox"].split(" ", 3)[3])
    assert [item["body"]["contact"]["name"] for item in outbox] == [a["family"]]

    _sign_in(page, live_server, b["email"])
    expect(page.locator(".js-unsent-count")).to_have_text("0")
    assert a["family"] not in page.content() and a["street"] not in page.content()
    _sign_out(page)

    _sign_in(page, live_server, a["email"])
    expect(page.locator(".js-unsent-count")).to_have_text("0", timeout=15_000)
    assert _stored(live_server, a) == [(1, "conversation", a["family"])]


def test_lists_older_than_two_days_leave_the_tablet_even_without_network(
    page: Page, live_server: LiveServer, two_coaches: dict[str, dict]
) -> None:
    """A tablet that stays offline does not keep addresses for good: a list from before
    yesterday goes at the next start, with what was logged on it (unless still unsent)."""
    a = two_coaches["a"]
    _sign_in(page, live_server, a["email"])
    page.context.set_offline(True)
    page.evaluate("""async () => {
        const user = document.getElementById('coach-app').dataset.user;
        const db = await new Promise(r => { const q = indexedDB.open('eteams-coach-' + user); q.onsuccess = () => r(q.result); });
        const day = (n) => { const d = new Date(Date.now() - n * 86400000); return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 10); };
        await new Promise(r => {
            const t = db.transaction(['lists', 'logged'], 'readwrite');
            for (const [id, n] of [[900001, 3], [900002, 2]]) {
                t.objectStore('lists').put({id: id, date: day(n), start: '09:00', status: 'published', stops: [
                    {address_id: 1, seq: 1, label: 'Oudestraat ' + n, postcode: '3531 AA', lat: null, lon: null}]});
                t.objectStore('logged').put({key: id + ':1', outcome: 'not_home', uuid: 'u' + id});
            }
            t.oncomplete = r;
        });
        db.close();
    }""")
    page.reload()
    expect(page.locator("#coach-app")).to_have_attribute("data-ready", "true")
    kept = "\n".join(page.evaluate(EVERYTHING_KEPT)["kept"])
    assert "Oudestraat 3" not in kept and "u900001" not in kept
    assert "Oudestraat 2" in kept and "u900002" in kept  # from the day before yesterday: kept
    assert a["street"] in kept  # today's list stays
    page.context.set_offline(False)


AGE_STATE = """async (ms) => {
    const cache = await caches.open('eteams-state');
    const state = await (await cache.match('/coach/__current-user')).json();
    state.seen -= ms;
    await cache.put('/coach/__current-user', new Response(JSON.stringify(state)));
}"""


def test_a_tablet_left_idle_past_the_session_limit_shows_nobodys_page(
    page: Page, live_server: LiveServer, two_coaches: dict[str, dict]
) -> None:
    """Issue 14 review: a session that ended without a sign-out on the tablet (the idle
    timeout, a sign-out elsewhere) left the coach's page and list served offline to whoever
    picked the tablet up. The tablet keeps the server's idle limit itself."""
    a = two_coaches["a"]
    _sign_in(page, live_server, a["email"])
    idle_ms = 60 * 60_000  # the live server's SESSION_IDLE_MINUTES
    page.context.set_offline(True)
    page.evaluate(AGE_STATE, idle_ms + 1000)  # an hour without a tap
    other = page.context.new_page()
    other.goto(f"{live_server.url}/coach/")
    expect(other.get_by_role("heading", name="Geen verbinding")).to_be_visible()
    assert a["street"] not in other.content()
    other.close()
    # The page still open on the tablet goes at the first tap, and takes the list with it.
    page.locator(".js-next").get_by_role("button", name="Niet thuis", exact=True).click()
    expect(page.get_by_role("heading", name="Geen verbinding")).to_be_visible()
    assert _traces_of(a, page.evaluate(EVERYTHING_KEPT)["kept"]) == []
    page.context.set_offline(False)


def test_a_session_the_server_ended_takes_the_page_with_it_and_keeps_the_visit(
    page: Page, live_server: LiveServer, two_coaches: dict[str, dict]
) -> None:
    a = two_coaches["a"]
    _sign_in(page, live_server, a["email"])
    page.context.clear_cookies()  # as when the session ended on the server
    _talk(page, a["family"])  # queued, then refused with 401 at the sync
    expect(page.get_by_label("E-mailadres")).to_be_visible()  # the sign-in page
    # It says a visit waits, so nobody clears the tablet unaware (second review).
    expect(page.locator("[data-tablet-unsent]")).to_have_text(
        "Op deze tablet staat 1 bezoek dat nog niet is verstuurd. Het wordt verstuurd zodra "
        "de coach die het vastlegde hier weer inlogt: wis deze tablet tot dan niet."
    )
    left = page.evaluate(EVERYTHING_KEPT)
    outbox = [e for e in left["kept"] if e.startswith("idb ") and " outbox " in e]
    assert len(outbox) == 1 and a["family"] in outbox[0]  # the visit waits for its coach
    assert [e for e in left["kept"] if e.startswith("idb ") and " lists " in e] == [
        f"idb eteams-coach-{a['id']} lists []"
    ]
    _sign_in(page, live_server, a["email"])
    expect(page.locator(".js-unsent-count")).to_have_text("0", timeout=15_000)
    assert _stored(live_server, a) == [(1, "conversation", a["family"])]


def test_another_tab_of_a_coach_who_signed_out_leaves_too(
    page: Page, live_server: LiveServer, two_coaches: dict[str, dict]
) -> None:
    """Issue 14 review: a second tab kept showing coach A's list after A signed out in the
    first and B signed in, and a tap there was lost without a word."""
    a = two_coaches["a"]
    _sign_in(page, live_server, a["email"])
    second = page.context.new_page()
    second.goto(f"{live_server.url}/coach/")
    expect(second.locator("#coach-app")).to_have_attribute("data-ready", "true")
    _sign_out(page)
    expect(second.get_by_label("E-mailadres")).to_be_visible()
    assert a["street"] not in second.content()
    second.close()


def test_what_an_earlier_release_cached_goes_at_sign_out(
    page: Page, live_server: LiveServer, two_coaches: dict[str, dict]
) -> None:
    """The worker before issue 14 kept pages and lists in one cache, eteams-coach-v2; a
    tablet that still has it loses it at the next sign-out or login page."""
    a = two_coaches["a"]
    _sign_in(page, live_server, a["email"])
    page.evaluate(
        """async (street) => {
        const old = await caches.open('eteams-coach-v2');
        await old.put('/api/v1/walklists?per_page=50', new Response(JSON.stringify([{street: street}])));
    }""",
        a["street"],
    )
    _sign_out(page)
    kept = page.evaluate(EVERYTHING_KEPT)
    assert "eteams-coach-v2" not in kept["caches"]
    assert _traces_of(a, kept["kept"]) == []


def test_a_conversation_being_typed_is_kept_when_the_session_ends(
    page: Page, live_server: LiveServer, two_coaches: dict[str, dict]
) -> None:
    """Second review: the network came back after the session had ended, the sync got a 401,
    and the page left with the conversation the coach was typing."""
    a = two_coaches["a"]
    _sign_in(page, live_server, a["email"])
    page.route("**/api/v1/visits/*", lambda route: route.abort())
    _tap(page, "Niet thuis")
    _tap(page, "Gesprek")
    form = page.locator(".js-conversation")
    form.get_by_label("Korte notitie").fill("Wil graag een offerte voor de spouwmuur")
    page.context.clear_cookies()  # the session ended meanwhile
    page.unroute("**/api/v1/visits/*")
    page.evaluate("window.dispatchEvent(new Event('online'))")  # the sync gets a 401
    expect(page.locator(".js-sync-errors")).to_contain_text("Je sessie is afgelopen")
    expect(form).to_be_visible()
    expect(form.get_by_label("Korte notitie")).to_have_value(
        "Wil graag een offerte voor de spouwmuur"
    )
    form.get_by_role("button", name="Bezoek opslaan").click()
    expect(page.get_by_label("E-mailadres")).to_be_visible()  # left once the visit was kept
    kept = "\n".join(e for e in page.evaluate(EVERYTHING_KEPT)["kept"] if " outbox " in e)
    assert "Wil graag een offerte voor de spouwmuur" in kept
