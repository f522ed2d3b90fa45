"""Issue 14, finding 7: the audit trail must not depend on the door a write came in by.

Each write here goes through every door it has (the web form, the JSON API with a bearer
token, the command line) and each door must leave the same audit events: the same actions,
the same detail keys, and the person signed in as the actor (None for the command line).
"""

from __future__ import annotations

import inspect
import io
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from flask import Flask
from sqlalchemy import func, select

from eteams.models import AuditEvent, WalkList
from eteams.services import (
    accounts,
    addresses,
    catalogue,
    clock,
    employers,
    geocoding,
    importing,
    letters,
    planning,
    privacy,
    shifts,
    sroi,
    walklists,
)
from tests import factories
from tests.conftest import login
from tests.geocoder_server import GeocoderServer
from tests.integration.test_letters import print_letters
from tests.integration.test_planning import DAY, _door, _team_on_shift
from tests.integration.test_planning_pages import _planned

PASSWORD = "een heel goed wachtwoord"
MONDAY = clock.today() - timedelta(days=clock.today().weekday()) + timedelta(days=7)


def _recorded(session, write: Callable[[], object]) -> list[AuditEvent]:  # noqa: ANN001
    """The audit events one write left behind, oldest first; the write must succeed."""
    before = session.scalar(select(func.max(AuditEvent.id))) or 0
    result = write()
    if hasattr(result, "exit_code"):  # the command line
        assert result.exit_code == 0, result.output
    else:
        assert result.status_code < 400, result.get_data(as_text=True)[:500]
    query = select(AuditEvent).where(AuditEvent.id > before).order_by(AuditEvent.id)
    return list(session.scalars(query))


def _shape(events: list[AuditEvent]) -> list[tuple[str, str | None, list[str]]]:
    return [(e.action, e.object_type, sorted(e.details)) for e in events]


def _actors(events: list[AuditEvent]) -> set[int | None]:
    return {e.actor_user_id for e in events}


def _bearer(session, user) -> dict[str, str]:  # noqa: ANN001
    """API calls as ``user`` with a token: no session, no CSRF token."""
    token = accounts.create_token(session, user, "audit doors", actor_id=None)
    session.flush()
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def api(app: Flask, session):  # noqa: ANN001, ANN201
    """A second browser-less client for the JSON API (the form door keeps ``client``)."""
    return app.test_client()


@pytest.fixture
def cli(app: Flask):  # noqa: ANN201
    return app.test_cli_runner()


# --- logins ------------------------------------------------------------------------------


def test_role_change_and_deactivation_form_and_api(client, api, session, make_user) -> None:  # noqa: ANN001
    """The form recorded these through accounts.audit_saved, the API by calling it too;
    now update_user records them, so a third door cannot forget."""
    admin = make_user("admin")
    token = login(client, admin)
    headers = _bearer(session, admin)
    employer = factories.EmployerFactory()
    by_form, by_api = make_user("lead"), make_user("lead")
    session.flush()
    # "active" is left unticked: the form deactivates as the API's active=False does.
    form = {"email": by_form.email, "role": "employer", "employer_id": employer.id,
            "locale": "nl", "csrf_token": token}  # fmt: skip
    body = {"role": "employer", "employer_id": employer.id, "active": False}

    through_form = _recorded(session, lambda: client.post(f"/admin/users/{by_form.id}", data=form))
    through_api = _recorded(
        session, lambda: api.patch(f"/api/v1/users/{by_api.id}", json=body, headers=headers)
    )

    expected = [("user_saved", "User", ["role"]), ("role_changed", "User", ["new", "old"]),
                ("user_deactivated", "User", [])]  # fmt: skip
    assert _shape(through_form) == _shape(through_api) == expected
    assert [e.details for e in through_form] == [e.details for e in through_api]
    assert _actors(through_form) == _actors(through_api) == {admin.id}
    assert {e.object_id for e in through_form} == {str(by_form.id)}
    assert {e.object_id for e in through_api} == {str(by_api.id)}


def test_create_user_form_api_and_cli(client, api, cli, session, make_user) -> None:  # noqa: ANN001
    """The command line recorded nothing when it made a login; the form and the API did."""
    admin = make_user("admin")
    token = login(client, admin)
    headers = _bearer(session, admin)
    form = {"email": "form@example.nl", "role": "lead", "locale": "nl", "active": "y",
            "password": PASSWORD, "csrf_token": token}  # fmt: skip
    body = {"email": "api@example.nl", "role": "lead", "password": PASSWORD}

    through_form = _recorded(session, lambda: client.post("/admin/users/new", data=form))
    through_api = _recorded(session, lambda: api.post("/api/v1/users", json=body, headers=headers))
    through_cli = _recorded(session, lambda: cli.invoke(
        args=["create-user", "cli@example.nl", "--role", "lead", "--password-stdin"],
        input=f"{PASSWORD}\n",
    ))  # fmt: skip

    expected = [("user_saved", "User", ["role"])]
    assert _shape(through_form) == _shape(through_api) == _shape(through_cli) == expected
    assert through_form[0].details == through_api[0].details == through_cli[0].details
    assert _actors(through_form) == _actors(through_api) == {admin.id}
    assert _actors(through_cli) == {None}


# --- planning ----------------------------------------------------------------------------


def test_plan_a_day_form_api_and_cli(client, api, cli, session, make_user) -> None:  # noqa: ANN001
    campaign = factories.CampaignFactory(name="Audit door campaign")
    for n in range(6):
        _door(campaign, n)
    shift = _team_on_shift(session)
    lead = make_user("lead")
    token = login(client, lead)
    headers = _bearer(session, lead)
    form = {"csrf_token": token, "date": DAY.isoformat(), "shift_ids": [shift.id],
            "doors_per_hour": "8"}  # fmt: skip
    body = {"date": DAY.isoformat(), "shift_ids": [shift.id], "doors_per_hour": 8}

    # Each door plans the same day again: the draft list is replaced, the event is the same.
    through_form = _recorded(
        session, lambda: client.post(f"/lead/campaigns/{campaign.id}/plan", data=form)
    )
    through_api = _recorded(session, lambda: api.post(
        f"/api/v1/campaigns/{campaign.id}/plans", json=body, headers=headers
    ))  # fmt: skip
    through_cli = _recorded(session, lambda: cli.invoke(
        args=["plan", "--campaign", campaign.name, "--date", DAY.isoformat()]
    ))  # fmt: skip

    expected = [("walk_lists_planned", "Campaign", ["lists", "unplanned"])]
    assert _shape(through_form) == _shape(through_api) == _shape(through_cli) == expected
    assert through_form[0].details == through_api[0].details == through_cli[0].details
    assert {e.object_id for e in through_form + through_api + through_cli} == {str(campaign.id)}
    assert _actors(through_form) == _actors(through_api) == {lead.id}
    assert _actors(through_cli) == {None}


def test_walk_list_changes_form_and_api(client, api, session, make_user) -> None:  # noqa: ANN001
    """The form recorded ``change=<button>`` and the API ``fields=[…]`` for the same change;
    now change_walk_list records what changed, whichever door it came by."""
    campaign = factories.CampaignFactory()
    outcome, _a, _b = _planned(session, campaign)
    first, second = (wl.id for wl in outcome.walk_lists)
    lead = make_user("lead")
    token = login(client, lead)
    headers = _bearer(session, lead)

    def fresh(walk_list_id: int) -> WalkList:
        session.expire_all()
        return session.get(WalkList, walk_list_id)

    def by_form(walk_list_id: int, action: str, **extra: object) -> list[AuditEvent]:
        data = {"csrf_token": token, "version": fresh(walk_list_id).version, "action": action}
        url = f"/lead/walklists/{walk_list_id}/change"
        return _recorded(session, lambda: client.post(url, data={**data, **extra}))

    def by_api(walk_list_id: int, **body: object) -> list[AuditEvent]:
        body["version"] = fresh(walk_list_id).version
        url = f"/api/v1/walklists/{walk_list_id}"
        return _recorded(session, lambda: api.patch(url, json=body, headers=headers))

    # Move a door from the first list to the second: the form's button, the API's new stops.
    door_a, door_b = (s.address_id for s in fresh(first).stops[:2])
    moved_by_form = by_form(first, "move", address_id=door_a, to_list=second)
    stops = [*(s.address_id for s in fresh(second).stops), door_b]
    moved_by_api = by_api(second, stops=stops)
    # Lock one list through each door, then publish one through each.
    locked = by_form(first, "lock"), by_api(second, locked=True)
    published = by_form(first, "publish"), by_api(second, status="published")

    expected = [("walk_list_changed", "WalkList", ["doors", "fields", "taken_from"])]
    assert _shape(moved_by_form) == _shape(moved_by_api) == expected
    for events in (moved_by_form, moved_by_api):
        assert events[0].object_id == str(second)
        assert (events[0].details["fields"], events[0].details["taken_from"]) == (
            ["stops"],
            [first],
        )
    for through_form, through_api in (locked, published):
        assert _shape(through_form) == _shape(through_api)
        assert through_form[0].details == through_api[0].details
    assert locked[0][0].details == {"fields": ["locked"], "locked": True}
    assert published[1][0].details == {"fields": ["status"], "status": "published"}
    for events in (moved_by_form, moved_by_api, *locked, *published):
        assert _actors(events) == {lead.id}


# --- addresses and households ------------------------------------------------------------


def test_address_import_form_api_and_cli(client, api, cli, session, make_user, tmp_path) -> None:  # noqa: ANN001
    campaign = factories.CampaignFactory(name="Audit door import")
    lead = make_user("lead")
    token = login(client, lead)
    headers = _bearer(session, lead)

    def csv(number: int) -> bytes:  # one new address and the same one again
        row = f"Damstraat;{number};3531 EA;Utrecht\n"
        return ("straat;huisnummer;postcode;woonplaats\n" + row + row).encode()

    def by_form() -> object:
        upload = client.post(f"/lead/campaigns/{campaign.id}/import",
                             data={"csrf_token": token, "file": (io.BytesIO(csv(3)), "a.csv")})  # fmt: skip
        mapping = {"map-street": "0", "map-house_number": "1", "map-postcode": "2",
                   "map-city": "3"}  # fmt: skip
        return client.post(upload.headers["Location"], data={"csrf_token": token, **mapping})

    cli_file = tmp_path / "c.csv"
    cli_file.write_bytes(csv(7))
    through_form = _recorded(session, by_form)
    through_api = _recorded(session, lambda: api.post(
        f"/api/v1/campaigns/{campaign.id}/addresses",
        data={"file": (io.BytesIO(csv(5)), "b.csv")}, headers=headers,
    ))  # fmt: skip
    through_cli = _recorded(session, lambda: cli.invoke(
        args=["import-addresses", str(cli_file), "--campaign", campaign.name]
    ))  # fmt: skip

    expected = [("addresses_imported", "Campaign", ["duplicates", "rows"])]
    assert _shape(through_form) == _shape(through_api) == _shape(through_cli) == expected
    assert through_form[0].details == through_api[0].details == through_cli[0].details
    assert through_cli[0].details == {"rows": 1, "duplicates": 1}
    assert _actors(through_form) == _actors(through_api) == {lead.id}
    assert _actors(through_cli) == {None}


def test_household_export_page_and_api(client, api, session, make_user) -> None:  # noqa: ANN001
    admin = make_user("admin")
    login(client, admin)
    headers = _bearer(session, admin)
    address = factories.AddressFactory()
    session.flush()

    through_page = _recorded(session, lambda: client.get(f"/admin/addresses/{address.id}/export"))
    through_api = _recorded(session, lambda: api.get(
        f"/api/v1/addresses/{address.id}/export", headers=headers
    ))  # fmt: skip

    expected = [("household_exported", "Address", [])]
    assert _shape(through_page) == _shape(through_api) == expected
    assert through_page[0].object_id == through_api[0].object_id == str(address.id)
    assert _actors(through_page) == _actors(through_api) == {admin.id}


def test_geocoding_page_and_cli(app, client, cli, session, make_user) -> None:  # noqa: ANN001
    """The command line geocoded a campaign without a word in the audit log."""
    server = GeocoderServer().start()
    app.config.update(GEOCODER="pdok", GEOCODER_URL=server.url, GEOCODER_TIMEOUT=2)
    try:
        by_page, by_cli = (
            factories.CampaignFactory(name=f"Audit door geocode {n}") for n in (1, 2)
        )
        for campaign in (by_page, by_cli):
            for number in (12, 99):  # found, not found
                factories.AddressFactory(campaign=campaign, lat=None, lon=None,
                                         house_number=number, postcode="3531 CA")  # fmt: skip
        lead = make_user("lead")
        token = login(client, lead)
        through_page = _recorded(session, lambda: client.post(
            f"/lead/campaigns/{by_page.id}/geocode", data={"csrf_token": token}
        ))  # fmt: skip
        through_cli = _recorded(session, lambda: cli.invoke(
            args=["geocode", "--campaign", by_cli.name]
        ))  # fmt: skip
    finally:
        app.config.update(GEOCODER="none", GEOCODER_URL=None)
        server.shutdown()

    expected = [("geocoded", "Campaign", ["done", "found"])]
    assert _shape(through_page) == _shape(through_cli) == expected
    assert through_page[0].details == through_cli[0].details == {"done": 2, "found": 1}
    assert _actors(through_page) == {lead.id} and _actors(through_cli) == {None}


# --- the week schedule -------------------------------------------------------------------


@pytest.fixture
def team(session):  # noqa: ANN001, ANN201
    lead = factories.user("lead")
    team = factories.TeamFactory(lead_user_id=lead.id)
    factories.MembershipFactory(
        team=team, employee=factories.EmployeeFactory(hired_on=date(2026, 1, 5))
    )
    session.flush()
    team.lead_user = lead
    return team


def test_shift_schedule_move_cancel_and_series_form_and_api(client, api, session, team) -> None:  # noqa: ANN001
    """A single shift from the form was recorded as a series of one (``shifts_scheduled``
    on the team), from the API as ``shift_scheduled`` on the shift: both are the latter now."""
    lead = team.lead_user
    token = login(client, lead)
    headers = _bearer(session, lead)

    def form(day: date, start: str = "09:30", end: str = "12:30", **extra: object) -> dict:
        return {"csrf_token": token, "team_id": team.id, "date": day.isoformat(),
                "start_time": start, "end_time": end, **extra}  # fmt: skip

    def body(day: date, **extra: object) -> dict:
        return {"team_id": team.id, "date": day.isoformat(), "start": "09:30", "end": "12:30",
                **extra}  # fmt: skip

    def new_id(events: list[AuditEvent]) -> int:
        return int(events[0].object_id)

    scheduled = (
        _recorded(session, lambda: client.post("/lead/shifts/new", data=form(MONDAY))),
        _recorded(session, lambda: api.post("/api/v1/shifts", json=body(MONDAY + timedelta(1)),
                                            headers=headers)),
    )  # fmt: skip
    by_form, by_api = (new_id(events) for events in scheduled)
    moved = (
        _recorded(session, lambda: client.post(f"/lead/shifts/{by_form}",
                                               data=form(MONDAY, "13:00", "16:00"))),
        _recorded(session, lambda: api.patch(f"/api/v1/shifts/{by_api}",
                                             json={"start": "13:00", "end": "16:00"}, headers=headers)),
    )  # fmt: skip
    cancelled = (
        _recorded(session, lambda: client.post(f"/lead/shifts/{by_form}/cancel",
                                               data={"csrf_token": token})),
        _recorded(session, lambda: api.patch(f"/api/v1/shifts/{by_api}",
                                             json={"status": "cancelled"}, headers=headers)),
    )  # fmt: skip
    until = MONDAY + timedelta(days=13)
    series = (
        _recorded(session, lambda: client.post("/lead/shifts/new", data=form(
            MONDAY + timedelta(14), repeat="y", weekdays=["0", "3"],
            repeat_until=(until + timedelta(14)).isoformat()))),
        _recorded(session, lambda: api.post("/api/v1/shifts/series", json=body(
            MONDAY + timedelta(28), weekdays=[0, 3], until=(until + timedelta(28)).isoformat()),
            headers=headers)),
    )  # fmt: skip

    for (through_form, through_api), expected in (
        (scheduled, [("shift_scheduled", "Shift", [])]),
        (moved, [("shift_moved", "Shift", [])]),
        (cancelled, [("shift_cancelled", "Shift", [])]),
        (series, [("shifts_scheduled", "Team", ["shifts"])]),
    ):
        assert _shape(through_form) == _shape(through_api) == expected
        assert through_form[0].details == through_api[0].details
        assert _actors(through_form) == _actors(through_api) == {lead.id}
    assert series[0][0].details == {"shifts": 4}


# --- writes that had a door that recorded nothing ----------------------------------------


def test_training_added_form_and_api(client, api, session, make_user) -> None:  # noqa: ANN001
    """The API added training records without a word in the audit log."""
    admin = make_user("admin")
    token = login(client, admin)
    headers = _bearer(session, admin)
    employee = factories.EmployeeFactory(hired_on=date(2026, 3, 1))
    session.flush()
    form = {"csrf_token": token, "course": "VCA", "completed_on": "2026-04-01", "certificate": "y"}
    body = {"course": "BHV", "completed_on": "2026-04-02"}

    through_form = _recorded(
        session, lambda: client.post(f"/admin/employees/{employee.id}/training", data=form)
    )
    through_api = _recorded(session, lambda: api.post(
        f"/api/v1/employees/{employee.id}/training-records", json=body, headers=headers
    ))  # fmt: skip

    assert _shape(through_form) == _shape(through_api) == [("training_added", "Employee", [])]
    assert _actors(through_form) == _actors(through_api) == {admin.id}


def test_letters_printed_page_and_cli(client, cli, session, visit, make_user, tmp_path) -> None:  # noqa: ANN001
    """The command line printed the day's letters without a word in the audit log."""
    lead = make_user("lead")
    login(client, lead)
    day = visit.visited_at.date().isoformat()
    out = tmp_path / "letters.pdf"

    through_page = _recorded(session, lambda: print_letters(client, day))
    through_cli = _recorded(session, lambda: cli.invoke(
        args=["letters", "--date", day, "--out", str(out)]
    ))  # fmt: skip

    expected = [("letters_printed", None, ["letters"])]
    through_page = [e for e in through_page if e.action == "letters_printed"]  # the job's own too
    assert _shape(through_page) == _shape(through_cli) == expected
    assert through_page[0].details == through_cli[0].details == {"letters": 1}
    assert _actors(through_page) == {lead.id} and _actors(through_cli) == {None}


AUDITED_SERVICES = [
    accounts.create_user, accounts.update_user, planning.plan_day, walklists.change_walk_list,
    importing.import_addresses, privacy.export_household, shifts.schedule_shift,
    shifts.schedule_series, shifts.cancel_shift, employers.add_training_record,
    catalogue.save_measure, catalogue.save_financing, catalogue.add_price_book,
    sroi.add_rule_set, addresses.set_do_not_visit, geocoding.place_by_hand,
    geocoding.geocode_campaign, letters.day_bundle,
]  # fmt: skip


@pytest.mark.parametrize("service", AUDITED_SERVICES, ids=lambda f: f.__qualname__)
def test_an_audited_service_must_be_told_who_acts(service: Callable[..., object]) -> None:
    """No default for ``actor_id``: a new door that forgets to say who acts fails at once,
    instead of filing its writes under the command line."""
    parameter = inspect.signature(service).parameters["actor_id"]
    assert parameter.kind is inspect.Parameter.KEYWORD_ONLY
    assert parameter.default is inspect.Parameter.empty
