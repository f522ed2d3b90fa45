"""Walk order on later days, in one run: street-side blocks per list beside the fewest possible,
and walking km, for the order eteams makes now (``street_sides``: walking plus
WALK_SIDE_CHANGE_M metres per extra block) beside the solver's own order (the baseline, P = 0:
the same lists, the same doors, as PyVRP left them); ``--sweep`` adds the totals for other P.

A street-side block is a run of consecutive stops on one street and one side (odd or even
numbers); the fewest possible for a list is the number of street sides it has doors on. Km are
walking metres (haversine times the street-grid detour, without the solver's crossing penalty)
from the meeting point to the last door.

1. The demo neighbourhood (Lombok, Utrecht) after two weeks walked by the real planner (not home,
   follow-ups, refusals): today's three lists planned again from the doors eligible today.
2. A generated neighbourhood (benchmarks/plan.py): 1,000 doors planned for 42 teams on day 1,
   then 35 % of them not home; day 2 plans the leftover doors for 16 teams.

    .venv/bin/python benchmarks/walk_order.py [--sweep]

The demo's history is walked by the real planner, so its lists change with the default P.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import random
import tempfile
from pathlib import Path

import numpy as np
from flask_migrate import upgrade
from plan import teams, utrecht_like
from sqlalchemy import select

from eteams import create_app
from eteams.config import WALK_SIDE_CHANGE_M
from eteams.extensions import db
from eteams.models import Campaign, Shift
from eteams.services import demo, planning, routing
from eteams.services.street_sides import fewest_blocks, side_blocks

DEMO_DAY = dt.date(2027, 4, 5)  # a Monday: the demo's three teams all have a shift
NOT_HOME = 0.35
ITERATIONS = 3_000  # a fixed amount of search, so both orders come from the same plan
SWEEP = (25, 50, 100, 200, math.inf)  # metres per extra street-side block; 0 is the solver's order


def walking_km(doors: list[routing.Door], team: routing.Team) -> float:
    lat = np.array([team.lat] + [d.lat for d in doors])
    lon = np.array([team.lon] + [d.lon for d in doors])
    metres = routing.haversine_matrix(lat, lon) * routing.DETOUR
    return float(sum(metres[i, i + 1] for i in range(len(doors)))) / 1000


def measure(result: routing.RoutingResult, by_key: dict, crews: list[routing.Team]) -> np.ndarray:
    """Per list: doors, fewest blocks, blocks, km."""
    rows = []
    for route, team in zip(result.routes, crews, strict=True):
        walked = [by_key[k] for k in route.door_keys]
        rows.append((len(walked), fewest_blocks(walked), side_blocks(walked),
                     walking_km(walked, team)))  # fmt: skip
    return np.array(rows)


def compare(doors: list[routing.Door], crews: list[routing.Team], iterations: int,
            sweep: bool) -> None:  # fmt: skip
    by_key = {d.key: d for d in doors}
    old = routing.plan_routes(doors, crews, iterations=iterations, by_sides=False)
    base = measure(old, by_key, crews)
    orders = {}
    for p in sorted({*SWEEP, WALK_SIDE_CHANGE_M}) if sweep else [WALK_SIDE_CHANGE_M]:
        new = routing.reorder(old, doors, crews, p)
        for before, after in zip(old.routes, new.routes, strict=True):
            assert sorted(before.door_keys) == sorted(after.door_keys)  # the same list, reordered
        orders[p] = (measure(new, by_key, crews), new.seconds)
    chosen, seconds = orders[WALK_SIDE_CHANGE_M]
    print(f"   list  doors  fewest  blocks base  blocks P={WALK_SIDE_CHANGE_M:g}  km base  km P")
    for n, (b, c) in enumerate(zip(base, chosen, strict=True), 1):
        print(f"   {n:4}  {b[0]:5.0f}  {b[1]:6.0f}  {b[2]:11.0f}  {c[2]:12.0f}  {b[3]:7.2f}"
              f"  {c[3]:4.2f}")  # fmt: skip
    print(f"   total  {base[:, 0].sum():4.0f}  {base[:, 1].sum():6.0f}  {base[:, 2].sum():11.0f}"
          f"  {chosen[:, 2].sum():12.0f}  {base[:, 3].sum():7.2f}  {chosen[:, 3].sum():4.2f}"
          f"   (km {100 * (chosen[:, 3].sum() / base[:, 3].sum() - 1):+.1f} %, ordering {seconds:.2f} s)")  # fmt: skip
    if sweep:
        print("   P (m per extra block)  blocks  fewest  km     km vs base  ordering s")
        print(f"   {'0 (solver order)':21}  {base[:, 2].sum():6.0f}  {base[:, 1].sum():6.0f}"
              f"  {base[:, 3].sum():5.2f}  {0:+9.1f} %")  # fmt: skip
        for p, (rows, secs) in orders.items():
            print(f"   {p:<21g}  {rows[:, 2].sum():6.0f}  {rows[:, 1].sum():6.0f}"
                  f"  {rows[:, 3].sum():5.2f}  {100 * (rows[:, 3].sum() / base[:, 3].sum() - 1):+9.1f} %"
                  f"  {secs:10.2f}")  # fmt: skip


def lombok(sweep: bool) -> None:
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
            compare(doors, crews, demo.PLAN_ITERATIONS, sweep)
            db.engine.dispose()


def leftovers(sweep: bool) -> None:
    print("2. Generated neighbourhood, day 2: the doors not home on day 1 (and the unplanned)")
    doors = utrecht_like(1000)
    day1 = routing.plan_routes(doors, teams(42, 24, 6), iterations=ITERATIONS)
    rng = random.Random(5)
    unplanned = set(day1.unplanned)
    left = [d for d in doors if d.key in unplanned or rng.random() < NOT_HOME]
    crews = teams(16, 24, 6, seed=8)
    print(f"   {len(left)} doors left, {len(crews)} lists of at most 24")
    compare(left, crews, ITERATIONS, sweep)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sweep", action="store_true", help=f"also P in {SWEEP} m")
    sweep = parser.parse_args().sweep
    lombok(sweep)
    leftovers(sweep)


if __name__ == "__main__":
    main()
