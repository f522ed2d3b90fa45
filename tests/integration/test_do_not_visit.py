"""Issue 13, finding 7: "do not visit" from the tablet can be taken back by correcting the
visit (same UUID, within the edit window) — unless something else keeps the door out."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import select

from eteams.models import Address, AuditEvent
from eteams.services import addresses, privacy
from tests.conftest import login

NOW = datetime.now(UTC).replace(microsecond=0)


def _body(door, outcome: str, **extra) -> dict:  # noqa: ANN001
    return {"address_id": door["address"].id, "walklist_id": door["walk_list"].id,
            "visited_at": NOW.isoformat(), "outcome": outcome, **extra}  # fmt: skip


def _put(client, headers, visit_uuid, body) -> None:  # noqa: ANN001
    response = client.put(f"/api/v1/visits/{visit_uuid}", json=body, headers=headers)
    assert response.status_code in (200, 201), response.json


def _plannable(session, door) -> bool:  # noqa: ANN001
    address = door["address"]
    stmt = addresses.plannable_addresses(address.campaign_id).where(Address.id == address.id)
    return session.scalar(stmt) is not None


def _marked(session, door) -> bool:  # noqa: ANN001
    session.expire_all()
    return session.get(Address, door["address"].id).do_not_visit


def test_correcting_do_not_visit_lets_the_door_be_planned_again(client, session, door) -> None:  # noqa: ANN001
    headers = {"X-CSRFToken": login(client, door["coach"])}
    visit_uuid = uuid.uuid4()
    _put(client, headers, visit_uuid, _body(door, "do_not_visit"))
    assert _marked(session, door) and not _plannable(session, door)
    # The coach's list names the visit, so a tablet that did not log it can correct it too.
    (listed,) = client.get(f"/api/v1/walklists/{door['walk_list'].id}").json["stops"][:1]
    assert (listed["outcome"], listed["visit_uuid"]) == ("do_not_visit", str(visit_uuid))

    _put(client, headers, visit_uuid, _body(door, "not_home"))
    assert not _marked(session, door) and _plannable(session, door)
    event = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert (event.action, event.object_id, event.details["value"]) == (
        "do_not_visit", str(door["address"].id), False,
    )  # fmt: skip
    # A refusal that asks not to come back, corrected to a plain refusal, is undone alike.
    _put(client, headers, visit_uuid, _body(door, "refused", do_not_return=True))
    assert _marked(session, door)
    _put(client, headers, visit_uuid, _body(door, "refused"))
    assert not _marked(session, door) and _plannable(session, door)


def test_another_visit_asking_the_same_keeps_the_door_out(client, session, door) -> None:  # noqa: ANN001
    headers = {"X-CSRFToken": login(client, door["coach"])}
    earlier, mistaken = uuid.uuid4(), uuid.uuid4()
    _put(client, headers, earlier, _body(door, "refused", do_not_return=True))
    _put(client, headers, mistaken, _body(door, "do_not_visit"))
    _put(client, headers, mistaken, _body(door, "no_answer"))
    assert _marked(session, door) and not _plannable(session, door)
    _put(client, headers, earlier, _body(door, "refused"))
    assert not _marked(session, door) and _plannable(session, door)


def test_the_leads_mark_and_an_erasure_keep_the_door_out(
    app, client, session, door, make_user
) -> None:  # noqa: ANN001
    lead, lead_client = make_user("lead"), app.test_client()
    token = login(lead_client, lead)
    url = f"/lead/addresses/{door['address'].id}/do-not-visit"
    lead_client.post(url, data={"csrf_token": token, "value": "1"})
    assert _marked(session, door)
    headers = {"X-CSRFToken": login(client, door["coach"])}
    visit_uuid = uuid.uuid4()
    _put(client, headers, visit_uuid, _body(door, "do_not_visit"))
    _put(client, headers, visit_uuid, _body(door, "not_home"))
    assert _marked(session, door) and not _plannable(session, door)

    other = {**door, "address": door["other"]}
    second = uuid.uuid4()
    _put(client, headers, second, _body(other, "do_not_visit"))
    privacy.erase_household(session, session.get(Address, door["other"].id), lead.id)
    session.flush()
    _put(client, headers, second, _body(other, "not_home"))
    assert _marked(session, other)


def test_a_teammates_visit_is_not_offered_for_correction(
    app, client, session, door, make_user
) -> None:  # noqa: ANN001
    from eteams.models import Employee, TeamMembership

    headers = {"X-CSRFToken": login(client, door["coach"])}
    _put(client, headers, uuid.uuid4(), _body(door, "not_home"))
    teammate_id = session.scalars(
        select(TeamMembership.employee_id).where(
            TeamMembership.employee_id != door["coach"].employee_id
        )
    ).first()
    teammate = app.test_client()
    login(teammate, make_user("coach", employee=session.get(Employee, teammate_id)))
    (stop,) = teammate.get(f"/api/v1/walklists/{door['walk_list'].id}").json["stops"][:1]
    assert (stop["outcome"], stop["visit_uuid"]) == ("not_home", None)


def test_a_lead_cannot_put_an_erased_or_marked_door_back_on_a_list(
    client, session, door, make_user
) -> None:  # noqa: ANN001
    """Issue 14 review: a PATCH of the stops put an erased household back on a published
    list, and it reached a coach's tablet. Added by hand it is refused, naming the door; a
    door that was on the list before stays (the list is not broken by a later mark)."""
    from eteams.models import WalkList
    from tests import factories

    lead = make_user("lead")
    walk_list = door["walk_list"]
    erased = factories.AddressFactory(campaign=walk_list.campaign, street="Wisstraat")
    marked = factories.AddressFactory(campaign=walk_list.campaign, street="Nooitlaan")
    session.flush()
    privacy.erase_household(session, erased, None)
    addresses.set_do_not_visit(session, marked, True, actor_id=lead.id)
    door["other"].do_not_visit = True  # on the list already, marked since
    session.flush()
    headers = {"X-CSRFToken": login(client, lead)}
    before = [s.address_id for s in walk_list.stops]
    for address in (erased, marked):
        response = client.patch(f"/api/v1/walklists/{walk_list.id}", headers=headers,
                                json={"version": walk_list.version, "stops": [*before, address.id]})  # fmt: skip
        assert response.status_code == 422, response.json
        assert f"{address.street} {address.house_label} wordt niet meer bezocht" in str(
            response.json["fields"]["stops"]
        )
    session.expire_all()
    assert [s.address_id for s in session.get(WalkList, walk_list.id).stops] == before
    reordered = client.patch(f"/api/v1/walklists/{walk_list.id}", headers=headers,
                             json={"version": walk_list.version, "stops": before[::-1]})  # fmt: skip
    assert reordered.status_code == 200  # the marked door already on it may move
