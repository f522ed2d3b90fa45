"""Walk order within a list: a street side finished before the next unless splitting it saves
real walking, each run in house-number order (issue 17)."""

from __future__ import annotations

import itertools
import math
import random

import numpy as np

from eteams.config import WALK_SIDE_CHANGE_M
from eteams.models import Address
from eteams.services import planning, routing, street_sides
from eteams.services.street_sides import fewest_blocks, order_by_sides, side_blocks, side_key

MEETING_POINT = (52.0915, 5.1010)


def street(name: str, numbers: list[int], lat0: float, lon0: float, angle: float, first_key: int):
    """Doors at 7 m a house front, odd numbers 9 m to one side of the middle, even to the other."""
    doors = []
    for n, number in enumerate(numbers):
        along, side = ((number - 1) // 2) * 7.0, (9.0 if number % 2 else -9.0)
        dx = along * math.cos(angle) - side * math.sin(angle)
        dy = along * math.sin(angle) + side * math.cos(angle)
        doors.append(routing.Door(
            first_key + n, lat0 + dy / 111_320, lon0 + dx / (111_320 * math.cos(math.radians(lat0))),
            street=name, odd_side=bool(number % 2), number=number,
        ))  # fmt: skip
    return doors


def mixed_leftovers() -> list[routing.Door]:
    """Leftover doors of two parallel streets, both sides, 60 m apart, in a zig-zag order."""
    java = street("Javastraat", [3, 8, 15, 4, 11, 22, 7, 19, 16, 1], 52.0910, 5.1000, 0.0, 0)
    sumatra = street("Sumatrastraat", [6, 13, 2, 9, 20, 5, 12], 52.0915, 5.1000, 0.0, 100)
    return [d for pair in itertools.zip_longest(java, sumatra) for d in pair if d]


def order(doors: list[routing.Door], side_change_m: float = WALK_SIDE_CHANGE_M,
          meeting_point: tuple[float, float] = MEETING_POINT) -> list[routing.Door]:  # fmt: skip
    matrix = routing.walking_matrix(doors, [meeting_point])
    stops = list(range(len(doors)))
    return [doors[i] for i in order_by_sides(0, stops, doors, 1, matrix, side_change_m)]


def long_parallel_streets() -> list[routing.Door]:
    """Three doors at each end of the odd sides of two 280 m streets 55 m apart, shuffled."""
    ends = [1, 3, 5, 75, 77, 79]
    doors = street("Kanaalstraat", ends, 52.0910, 5.1000, 0.0, 0)
    doors += street("Damstraat", ends, 52.0915, 5.1000, 0.0, 100)
    random.Random(4).shuffle(doors)
    return doors


def test_mixed_leftover_doors_on_two_streets_get_exactly_the_fewest_blocks() -> None:
    doors = mixed_leftovers()
    assert side_blocks(doors) == len(doors)  # the zig-zag: every door a block of its own
    walked = order(doors)
    assert sorted(d.key for d in walked) == sorted(d.key for d in doors)
    assert side_blocks(walked) == fewest_blocks(doors) == 4


def test_doors_at_both_ends_of_two_long_parallel_streets_may_split_a_side() -> None:
    """Walking each street to its far end and back to finish a side is what no team would do."""
    doors = long_parallel_streets()
    start = (52.0913, 5.0998)  # between the two streets' low ends
    strict = order(doors, math.inf, start)
    walked = order(doors, meeting_point=start)
    assert sorted(d.key for d in walked) == sorted(d.key for d in doors)
    assert side_blocks(strict) == fewest_blocks(doors) == 2
    assert side_blocks(walked) == 3  # one street walked end to end, the other in two runs
    assert _walked_m(walked, start) < _walked_m(strict, start) - WALK_SIDE_CHANGE_M


def test_each_run_is_walked_in_house_number_order() -> None:
    start = (52.0913, 5.0998)
    for walked in (order(mixed_leftovers()), order(long_parallel_streets(), meeting_point=start)):
        for key, run in itertools.groupby(walked, key=side_key):
            numbers = [d.number for d in run]
            assert numbers in (sorted(numbers), sorted(numbers, reverse=True)), key


def test_the_order_of_whole_sides_is_the_best_one() -> None:
    """Against every order and way round of the sides, on small random lists (≤ 5 sides),
    with every side walked in one go (an infinite penalty for a split)."""
    rng = random.Random(3)
    for _ in range(25):
        doors = []
        for s in range(rng.randint(2, 3)):
            numbers = rng.sample(range(1, 50), rng.randint(1, 5))
            doors += street(f"straat {s}", numbers, 52.09 + rng.random() * 0.004,
                            5.10 + rng.random() * 0.006, rng.random() * 3, 100 * s)  # fmt: skip
        doors = [d for d in doors if side_key(d) in {side_key(e) for e in doors[:5]}]
        rng.shuffle(doors)
        matrix = routing.walking_matrix(doors, [MEETING_POINT])
        index = {d.key: 1 + i for i, d in enumerate(doors)}
        length = _metres([index[d.key] for d in order(doors, math.inf)], matrix)
        sides = {}
        for d in sorted(doors, key=lambda d: d.number):
            sides.setdefault(side_key(d), []).append(index[d.key])
        best = min(
            _metres([i for run, back in zip(runs, turns, strict=True)
                     for i in (run[::-1] if back else run)], matrix)
            for runs in itertools.permutations(sides.values())
            for turns in itertools.product((False, True), repeat=len(runs))
        )  # fmt: skip
        assert length == best


def test_the_local_search_for_long_lists_comes_close_to_the_exact_order(monkeypatch) -> None:  # noqa: ANN001
    """On random lists of six to ten runs, both ends of long sides among them, the local
    search (used beyond ``EXACT_UP_TO`` runs) against the dynamic programme: mostly the same,
    never much worse (on 200 such lists: 15 differ, by at most 3 %)."""
    rng = random.Random(7)
    ratios = []
    for _ in range(20):
        doors = []
        for s in range(rng.randint(3, 5)):
            numbers = rng.sample(range(1, 12, 2), 2) + rng.sample(
                range(61, 81, 2), rng.randint(1, 3)
            )
            doors += street(f"straat {s}", numbers, 52.09 + rng.random() * 0.003,
                            5.10 + rng.random() * 0.004, rng.choice([0.0, 1.5]), 100 * s)  # fmt: skip
        rng.shuffle(doors)
        exact = _cost(order(doors), doors)
        monkeypatch.setattr(street_sides, "EXACT_UP_TO", 0)
        ratios.append(_cost(order(doors), doors) / exact)
        monkeypatch.undo()
    assert min(ratios) >= 1  # the exact order is the best
    assert max(ratios) <= 1.05
    assert sum(r > 1 for r in ratios) <= 3


def _cost(walked: list[routing.Door], doors: list[routing.Door]) -> int:
    """What the order minimises: metres, and the penalty for every change of side."""
    matrix = routing.walking_matrix(doors, [MEETING_POINT])
    index = {d.key: 1 + i for i, d in enumerate(doors)}
    changes = side_blocks(walked) - 1
    return _metres([index[d.key] for d in walked], matrix) + round(WALK_SIDE_CHANGE_M) * changes


def _metres(path: list[int], matrix: np.ndarray) -> int:
    return int(sum(matrix[a, b] for a, b in zip([0, *path], path, strict=False)))


def _address(number: int, flat: str, lat: float, lon: float, entrance: str | None) -> Address:
    return Address(street="Kanaalstraat", house_number=number, house_letter="",
                   house_number_addition=flat, postcode="3531CA", city="Utrecht",
                   lat=lat, lon=lon, entrance_key=entrance)  # fmt: skip


def test_the_flats_behind_one_entrance_stay_together() -> None:
    addresses = []
    for n, number in enumerate(range(1, 21)):
        lat, lon = 52.0910 + (n // 2) * 0.00006, 5.1000 + (0.00013 if number % 2 else 0)
        for flat in ("1", "2", "3"):
            addresses.append(_address(number, flat, lat, lon, f"Kanaalstraat {number}"))
    for n, address in enumerate(addresses):
        address.id = 1_000 + n  # never saved: the planner only reads them
    random.Random(1).shuffle(addresses)
    candidates = [planning.Candidate(a, True, False) for a in addresses]
    doors, members, _ = planning._doors(candidates)
    team = routing.Team(1, *MEETING_POINT, capacity=len(addresses))
    route = routing.plan_routes(doors, [team], iterations=200).routes[0]
    walked = [a for key in route.door_keys for a in members[key]]
    by_id = {a.id: a for a in addresses}
    entrances = [by_id[aid].entrance_key for aid in walked]
    runs = [key for key, _ in itertools.groupby(entrances)]
    assert len(runs) == len(set(entrances)) == 20
    sides = [by_id[aid].house_number % 2 for aid in walked]
    assert len([key for key, _ in itertools.groupby(sides)]) == 2


def test_walking_stays_within_five_percent_of_the_solvers_own_order() -> None:
    """Day 2 of a generated neighbourhood: the doors not home on day 1, mixed over the streets.

    5 %: the bound the penalty was chosen for in benchmarks/walk_order.py (+2.5 % there)."""
    rng = random.Random(11)
    doors = []
    for s in range(14):
        doors += street(f"straat {s}", list(range(1, 41)), 52.080 + rng.random() * 0.008,
                        5.095 + rng.random() * 0.012, rng.choice([0.0, math.pi / 2]), 100 * s)  # fmt: skip
    left = [d for d in doors if rng.random() < 0.35]
    teams = [routing.Team(t, 52.084, 5.101, capacity=24) for t in range(math.ceil(len(left) / 22))]
    old = routing.plan_routes(left, teams, iterations=1_000, by_sides=False)
    new = routing.reorder(old, left, teams, WALK_SIDE_CHANGE_M)
    by_key = {d.key: d for d in left}
    lists = {name: [[by_key[k] for k in r.door_keys] for r in result.routes]
             for name, result in (("old", old), ("new", new))}  # fmt: skip
    fewest = sum(fewest_blocks(walked) for walked in lists["old"])
    blocks = {name: sum(side_blocks(walked) for walked in lists[name]) for name in lists}
    assert blocks["old"] > blocks["new"] >= fewest
    assert blocks["new"] - fewest <= (blocks["old"] - fewest) / 4
    walked = {name: sum(_walked_m(w, (t.lat, t.lon)) for w, t in zip(lists[name], teams, strict=True))
              for name in lists}  # fmt: skip
    assert walked["new"] <= 1.05 * walked["old"]


def _walked_m(doors: list[routing.Door], start: tuple[float, float]) -> float:
    """Walking metres without the solver's crossing penalty (which the new order avoids)."""
    lat = np.array([start[0]] + [d.lat for d in doors])
    lon = np.array([start[1]] + [d.lon for d in doors])
    metres = routing.haversine_matrix(lat, lon) * routing.DETOUR
    return float(sum(metres[i, i + 1] for i in range(len(doors))))


def test_a_team_walking_limit_keeps_the_solvers_order_when_sides_would_break_it() -> None:
    doors = mixed_leftovers()
    free = routing.plan_routes(doors, [routing.Team(1, *MEETING_POINT, capacity=30)],
                               iterations=300, by_sides=False).routes[0]  # fmt: skip
    tight = routing.Team(1, *MEETING_POINT, capacity=30, max_distance_m=free.distance_m)
    route = routing.plan_routes(doors, [tight], iterations=300).routes[0]
    assert route.distance_m <= free.distance_m
