"""Walk-list planning figures, in one run:

1. the gap to the best known cost on the X instances in ../shared/benchmarks/, solved by the
   same solver call and time limit the app uses (PyVRP, 9 s per 1,000 doors), and X-n1001
   also at 30 s, the target's limit;
2. a generated Utrecht-like neighbourhood of 1,000 doors for 42 teams of 24 doors: plan time,
   total walking km, largest and smallest list — beside a nearest-neighbour baseline;
3. 5,000 doors for 200 teams: plan time and peak memory (in a child process).

    .venv/bin/python benchmarks/plan.py [--skip-x]
"""

from __future__ import annotations

import argparse
import math
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

from pyvrp import read, solve

from eteams.services import routing

SHARED = Path(__file__).resolve().parents[2] / "shared" / "benchmarks"
INSTANCES = ("X-n101-k25", "X-n200-k36", "X-n1001-k43")


def x_instances() -> None:
    print("1. X instances: PyVRP under the app's time limit (9 s per 1,000 doors), then 30 s")
    for name in INSTANCES:
        data = read(SHARED / f"{name}.vrp", round_func="round")
        best = int((SHARED / f"{name}.sol").read_text().split()[-1])
        app_limit = routing.time_limit(data.num_clients)
        for seconds in (app_limit, 30.0) if name == "X-n1001-k43" else (app_limit,):
            started = time.perf_counter()
            stop = routing.stopping(seconds, data.num_clients)
            cost = solve(data, stop=stop, seed=1, display=False).cost()
            elapsed = time.perf_counter() - started
            gap = 100 * (cost - best) / best
            print(
                f"   {name:12} limit {seconds:4.0f} s: cost {cost:6d}, best known {best:6d}, gap {gap:5.2f} %, {elapsed:5.1f} s"
            )


def utrecht_like(doors: int, seed: int = 7) -> list[routing.Door]:
    """Streets of terraced houses on both sides, ~45 houses a street, in a 1.6 km square."""
    rng = random.Random(seed)
    result: list[routing.Door] = []
    street = 0
    while len(result) < doors:
        lat0 = 52.080 + rng.random() * 0.014
        lon0 = 5.095 + rng.random() * 0.022
        angle = rng.choice([0.0, math.pi / 2]) + rng.uniform(-0.3, 0.3)
        for n in range(min(46, doors - len(result))):
            along = (n // 2) * 7.0  # 7 m a house front
            side = 9.0 if n % 2 else -9.0
            dx = along * math.cos(angle) - side * math.sin(angle)
            dy = along * math.sin(angle) + side * math.cos(angle)
            lat = lat0 + dy / 111_320
            lon = lon0 + dx / (111_320 * math.cos(math.radians(lat0)))
            number = n + 1
            result.append(routing.Door(len(result), lat, lon, street=f"straat {street}",
                                       odd_side=bool(number % 2), number=number))  # fmt: skip
        street += 1
    return result


def teams(count: int, capacity: int, meeting_points: int, seed: int = 7) -> list[routing.Team]:
    rng = random.Random(seed)
    points = [
        (52.080 + rng.random() * 0.014, 5.095 + rng.random() * 0.022) for _ in range(meeting_points)
    ]
    return [routing.Team(t, *points[t % meeting_points], capacity=capacity) for t in range(count)]


def describe(label: str, result: routing.RoutingResult) -> None:
    sizes = [len(r.door_keys) for r in result.routes]
    km = sum(r.distance_m for r in result.routes) / 1000
    print(
        f"   {label:18} {result.seconds:6.2f} s  {km:7.1f} km walked  lists {min(sizes)}–{max(sizes)} doors  unplanned {len(result.unplanned)}"
    )


def neighbourhood() -> None:
    print("2. Utrecht-like neighbourhood: 1,000 doors, 42 teams of 24 doors, 6 meeting points")
    doors = utrecht_like(1000)
    crews = teams(42, 24, 6)
    baseline = routing.nearest_neighbour(doors, crews)
    planned = routing.plan_routes(doors, crews, seconds=routing.time_limit(len(doors)))
    describe("nearest neighbour", baseline)
    describe("eteams (PyVRP)", planned)
    saved = 1 - sum(r.distance_m for r in planned.routes) / sum(
        r.distance_m for r in baseline.routes
    )
    print(f"   walking saved against the baseline: {100 * saved:.0f} %")


def big() -> None:
    doors = utrecht_like(5000, seed=11)
    crews = teams(200, 25, 20, seed=11)
    started = time.perf_counter()
    result = routing.plan_routes(doors, crews, seconds=routing.time_limit(len(doors)))
    total = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    sizes = [len(r.door_keys) for r in result.routes]
    print(
        f"   {total:6.1f} s, peak memory {peak_mb:,.0f} MB, lists {min(sizes)}–{max(sizes)} doors, unplanned {len(result.unplanned)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--skip-x", action="store_true")
    parser.add_argument("--big-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.big_only:
        big()
        return
    if not args.skip_x:
        x_instances()
    neighbourhood()
    print("3. 5,000 doors for 200 teams of 25 (in a child process, for a clean peak memory)")
    subprocess.run([sys.executable, __file__, "--big-only"], check=True)


if __name__ == "__main__":
    main()
