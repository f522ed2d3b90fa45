"""Walk order on later days, in one run: street-side blocks per list beside the fewest possible,
and walking km, for the order eteams makes now (whole street sides, ``street_sides``) beside the
solver's own order (the old order: the same lists, the same doors, as PyVRP left them).

A street-side block is a run of consecutive stops on one street and one side (odd or even
numbers); the fewest possible for a list is the number of street sides it has doors on. Km are
walking metres (haversine times the street-grid detour, without the solver's crossing penalty)
from the meeting point to the last door.

1. The demo neighbourhood (Lombok, Utrecht) after two weeks walked by the real planner (not home,
   follow-ups, refusals): today's three lists planned again from the doors eligible today.
2. A generated neighbourhood (benchmarks/plan.py): 1,000 doors planned for 42 teams on day 1,
   then 35 % of them not home; day 2 plans the leftover doors for 16 teams.

    .venv/bin/python benchmarks/walk_order.py
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from pathlib import Path

import numpy as np
from flask_migrate import upgrade
from plan import teams, utrecht_like
from sqlalchemy import select

from eteams import create_app
from eteams.extensions import db
from eteams.models import Campaign, Shift
from eteams.services import demo, planning, routing
from eteams.services.street_sides import fewest_blocks, side_blocks

DEMO_DAY = dt.date(2027, 4, 5)  # a Monday: the demo's three teams all have a shift
NOT_HOME = 0.35
ITERATIONS = 3_000  # a fixed amount of search, so both orders come from the same plan


def walking_km(doors: list[routing.Door], team: routing.Team) -> float:
    lat = np.array([team.lat] + [d.lat for d in doors])
    lon = np.array([team.lon] + [d.lon for d in doors])
    metres = routing.haversine_matrix(lat, lon) * routing.DETOUR
    return float(sum(metres[i, i + 1] for i in range(len(doors)))) / 1000


def compare(doors: list[routing.Door], crews: list[routing.Team], iterations: int) -> None:
    by_key = {d.key: d for d in doors}
    old = routing.plan_routes(doors, crews, iterations=iterations, by_sides=False)
    new = routing.plan_routes(doors, crews, iterations=iterations)
    print("   list  doors  fewest  blocks old  blocks new    km old  km new")
    totals = np.zeros(5)
    for n, (before, after, team) in enumerate(zip(old.routes, new.routes, crews, strict=True), 1):
        assert sorted(before.door_keys) == sorted(after.door_keys)  # the same list, reordered
        was = [by_key[k] for k in before.door_keys]
        now = [by_key[k] for k in after.door_keys]
        row = np.array([fewest_blocks(now), side_blocks(was), side_blocks(now),
                        walking_km(was, team), walking_km(now, team)])  # fmt: skip
        totals += row
        print(f"   {n:4}  {len(now):5}  {row[0]:6.0f}  {row[1]:10.0f}  {row[2]:10.0f}"
              f"  {row[3]:8.2f}  {row[4]:6.2f}")  # fmt: skip
    print(f"   total  {sum(len(r.door_keys) for r in new.routes):4}  {totals[0]:6.0f}"
          f"  {totals[1]:10.0f}  {totals[2]:10.0f}  {totals[3]:8.2f}  {totals[4]:6.2f}"
          f"   (km {100 * (totals[4] / totals[3] - 1):+.1f} %, ordering {new.seconds - old.seconds:+.1f} s)")  # fmt: skip


def lombok() -> None:
    print(f"1. Demo neighbourhood after two weeks walked: today's lists ({DEMO_DAY}) again")
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'walk_order.sqlite'}"
        app = create_app({"DATABASE_URL": url, "SECRET_KEY": "benchmark-only", "TESTING": True})
        with app.app_context():
            upgrade()
            session = db.session
            demo.load_demo(session, DEMO_DAY)
            campaign = session.scalars(select(Campaign)).one()
            shifts = list(session.scalars(select(Shift).where(Shift.date == DEMO_DAY)
                                          .order_by(Shift.start_time, Shift.id)))  # fmt: skip
            doors, _members, _unplaced = planning._doors(
                planning.eligible_doors(session, campaign.id, DEMO_DAY)
            )
            crews = planning._teams(shifts, doors, demo.DOORS_PER_HOUR)
            print(f"   {len(doors)} doors eligible, {len(crews)} lists of at most "
                  f"{max(t.capacity for t in crews)} dwellings")  # fmt: skip
            compare(doors, crews, demo.PLAN_ITERATIONS)
            db.engine.dispose()


def leftovers() -> None:
    print("2. Generated neighbourhood, day 2: the doors not home on day 1 (and the unplanned)")
    doors = utrecht_like(1000)
    day1 = routing.plan_routes(doors, teams(42, 24, 6), iterations=ITERATIONS)
    rng = random.Random(5)
    unplanned = set(day1.unplanned)
    left = [d for d in doors if d.key in unplanned or rng.random() < NOT_HOME]
    crews = teams(16, 24, 6, seed=8)
    print(f"   {len(left)} doors left, {len(crews)} lists of at most 24")
    compare(left, crews, ITERATIONS)


def main() -> None:
    lombok()
    leftovers()


if __name__ == "__main__":
    main()
