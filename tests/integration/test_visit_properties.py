"""Property tests on the visit a tablet sends (hypothesis): for any body — well-formed or
not — the server never fails; what it accepts it stores once and gives back unchanged; what
it refuses leaves nothing behind.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from eteams.models import Visit
from eteams.models.enums import Interest, Outcome
from tests.conftest import login

NOW = datetime.now(UTC).replace(microsecond=0)
junk = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20),
                 st.sampled_from([0, -1, 2**40, 999_999, "gisteren", "2026-13-45T25:00:00Z", "Gesprek",
                                  {"x": "ja"}, {"nope": -3}]),
                 st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=2))  # fmt: skip


def bodies(door):  # noqa: ANN001, ANN201
    """The shape a tablet sends; or that shape with one field replaced by junk; or junk."""
    when = st.datetimes(min_value=NOW.replace(tzinfo=None) - timedelta(hours=20),
                        max_value=NOW.replace(tzinfo=None)).map(lambda d: d.replace(tzinfo=UTC).isoformat())  # fmt: skip
    fields = {
        "address_id": st.sampled_from([door["address"].id, door["other"].id]),
        "walklist_id": st.sampled_from([door["walk_list"].id, None]),
        "visited_at": when,
        "outcome": st.sampled_from([o.value for o in Outcome]),
        "interests": st.dictionaries(st.sampled_from(["radiator_foil", "cavity_wall"]),
                                     st.sampled_from([i.value for i in Interest]), max_size=2),
        "small_measures": st.dictionaries(st.just("radiator_foil"), st.integers(1, 10), max_size=1),
        "notes": st.one_of(st.none(), st.text(max_size=60)),
        "follow_up_on": st.one_of(st.none(), st.dates(date(2026, 1, 1), date(2027, 12, 31)).map(str)),
    }  # fmt: skip
    required = ("address_id", "visited_at", "outcome")
    shaped = st.fixed_dictionaries(
        {k: v for k, v in fields.items() if k in required},
        optional={k: v for k, v in fields.items() if k not in required},
    )
    return st.one_of(
        shaped,
        shaped.flatmap(lambda b: st.sampled_from(sorted(b)).flatmap(
            lambda key: junk.map(lambda value: {**b, key: value}))),
        st.dictionaries(st.text(max_size=8), junk, max_size=4),
    )  # fmt: skip


def test_any_body_is_stored_once_or_refused_cleanly(client, session, door) -> None:  # noqa: ANN001
    headers = {"X-CSRFToken": login(client, door["coach"])}
    seen: dict[int, int] = {}

    @given(body=bodies(door))
    @settings(max_examples=150, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    def check(body: dict) -> None:
        visit_uuid = uuid.uuid4()
        before = session.scalar(select(func.count(Visit.id)))
        response = client.put(f"/api/v1/visits/{visit_uuid}", json=body, headers=headers)
        assert response.status_code in (201, 404, 422), (response.status_code, body)
        seen[response.status_code] = seen.get(response.status_code, 0) + 1
        stored = session.scalar(select(Visit).where(Visit.uuid == visit_uuid))
        if response.status_code != 201:
            assert stored is None  # refused: nothing left behind
            assert session.scalar(select(func.count(Visit.id))) == before
            message = response.get_json()
            assert message["message"] and isinstance(message["fields"], dict)
            return
        assert stored.outcome.value == body["outcome"]
        assert stored.address_id == body["address_id"]
        interests = body.get("interests") or {}  # null: not given
        assert {i.measure_key: i.level.value for i in stored.interests} == interests
        assert (stored.notes or None) == ((body.get("notes") or "").strip() or None)  # trimmed
        again = client.put(f"/api/v1/visits/{visit_uuid}", json=body, headers=headers)
        assert again.status_code == 200  # the same outbox item again: the same one visit
        assert session.scalar(select(func.count(Visit.id))) == before + 1

    check()
    assert seen.get(201, 0) >= 10 and seen.get(422, 0) >= 10, seen  # both paths were exercised
