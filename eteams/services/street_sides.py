"""Walk order within one list: finish a street side before walking on to the next.

A street side is a street's doors with odd (or even) house numbers. The solver's order may
leave a side and come back to it later, above all on later days, when the leftover doors
(not home, follow-ups) lie scattered over many streets. Here a list's doors are regrouped
into whole sides, each walked end to end in house-number order, and the order of the sides
and the end each is entered from are chosen to walk the least: a small open travelling-
salesman problem over the sides, solved exactly up to ``EXACT_UP_TO`` sides (Held-Karp), by
local search beyond (2-opt, which also turns sides round, and moving up to three sides
elsewhere), started from the solver's own order of the sides and from the nearest side
next. Flats behind one entrance are one door already, so they stay together. Doors without
a street are sides of their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np


class _Door(Protocol):
    key: int
    street: str
    odd_side: bool
    number: int


def side_key(door: _Door) -> tuple[str, bool, int]:
    """The street side a door is on; a door without a street is a side of its own."""
    return (door.street, door.odd_side, -1) if door.street else ("", False, door.key)


def side_blocks(doors: Sequence[_Door]) -> int:
    """Runs of consecutive doors on the same street side (how often a list enters a side)."""
    keys = [side_key(d) for d in doors]
    return sum(1 for n, key in enumerate(keys) if n == 0 or key != keys[n - 1])


def fewest_blocks(doors: Sequence[_Door]) -> int:
    """The fewest runs possible: every side walked in one go."""
    return len({side_key(d) for d in doors})


EXACT_UP_TO = 10  # sides in a list: the best order exactly (dynamic programming) up to here

# A side in a sequence: (its doors as matrix indices in house-number order, turned round).
_Leg = tuple[tuple[int, ...], bool]


def order_by_sides(
    start: int, stops: Sequence[int], doors: Sequence[_Door], offset: int, matrix: np.ndarray
) -> list[int]:
    """``stops`` (indices into ``doors``, in the solver's order) as whole street sides.

    ``matrix`` holds metres between matrix indices; door ``i`` is matrix index ``offset + i``
    and ``start`` is the team's meeting point. The walk ends at the last door."""
    if len(stops) < 2:
        return list(stops)
    sides: dict[tuple[str, bool, int], list[int]] = {}
    for i in stops:  # dicts keep the order of first appearance: the solver's order of sides
        sides.setdefault(side_key(doors[i]), []).append(i)
    runs = [
        tuple(offset + i for i in sorted(side, key=lambda i: (doors[i].number, doors[i].key)))
        for side in sides.values()
    ]
    costs = _Costs(start, matrix)
    if len(runs) <= EXACT_UP_TO:
        best = _exact(runs, costs)
    else:
        found = (_as_found(runs, costs), _nearest(runs, costs))
        best = min((_local_search(legs, costs) for legs in found), key=costs.total)
    return [index - offset for run, turned in best for index in (run[::-1] if turned else run)]


class _Costs:
    def __init__(self, start: int, matrix: np.ndarray) -> None:
        self.start = start
        self.matrix = matrix

    def between(self, here: int, leg: _Leg) -> int:
        run, turned = leg
        return int(self.matrix[here, run[-1] if turned else run[0]])

    def total(self, legs: Sequence[_Leg]) -> int:
        """Metres between the sides (the metres inside them are the same in any order)."""
        here, metres = self.start, 0
        for run, turned in legs:
            metres += self.between(here, (run, turned))
            here = run[0] if turned else run[-1]
        return metres


def _exact(runs: list[tuple[int, ...]], costs: _Costs) -> list[_Leg]:
    """The best order and ways round (Held and Karp's dynamic programme over sets of sides).

    A way through a side is ``2 * side + turned``; ``best[walked, way]`` the fewest metres
    to have walked the sides in the bit set ``walked``, the last one by ``way``."""
    count = len(runs)
    first = np.array([r[-1] if way % 2 else r[0] for r in runs for way in (0, 1)])
    last = np.array([r[0] if way % 2 else r[-1] for r in runs for way in (0, 1)])
    onward = costs.matrix[np.ix_(last, first)].astype(np.int64)  # way -> next way
    bit = 1 << (np.arange(2 * count) // 2)
    best = np.full((1 << count, 2 * count), np.iinfo(np.int64).max // 4, dtype=np.int64)
    came = np.full((1 << count, 2 * count), -1, dtype=np.int64)
    ways = np.arange(2 * count)
    best[bit, ways] = costs.matrix[costs.start, first]
    for walked in range(1, 1 << count):
        open_ = (bit & walked) == 0
        if not open_.any():
            continue
        via = best[walked][:, None] + onward
        previous = via.argmin(axis=0)
        metres = via[previous, ways]
        target = walked | bit
        better = open_ & (metres < best[target, ways])
        best[target[better], ways[better]] = metres[better]
        came[target[better], ways[better]] = previous[better]
    walked, way = (1 << count) - 1, int(best[-1].argmin())
    order = []
    while way >= 0:
        order.append(way)
        walked, way = walked & ~int(bit[way]), int(came[walked, way])
    return [(runs[w // 2], bool(w % 2)) for w in reversed(order)]


def _as_found(runs: list[tuple[int, ...]], costs: _Costs) -> list[_Leg]:
    """The solver's order of sides, each entered from the end nearer the previous one."""
    legs: list[_Leg] = []
    here = costs.start
    for run in runs:
        turned = costs.matrix[here, run[-1]] < costs.matrix[here, run[0]]
        legs.append((run, bool(turned)))
        here = run[0] if turned else run[-1]
    return legs


def _nearest(runs: list[tuple[int, ...]], costs: _Costs) -> list[_Leg]:
    """From the meeting point, always on to the nearest end of a side not yet walked."""
    left, legs, here = list(runs), [], costs.start
    while left:
        leg = min(
            ((r, t) for r in left for t in (False, True)), key=lambda g: costs.between(here, g)
        )
        left.remove(leg[0])
        legs.append(leg)
        here = leg[0][0] if leg[1] else leg[0][-1]
    return legs


def _local_search(legs: list[_Leg], costs: _Costs) -> list[_Leg]:
    """2-opt (a stretch of sides walked backwards) and moving one side, until neither helps."""
    best, improved = costs.total(legs), True
    while improved:
        improved = False
        for candidate in _neighbours(legs):
            metres = costs.total(candidate)
            if metres < best:
                legs, best, improved = candidate, metres, True
                break
    return legs


def _neighbours(legs: list[_Leg]):  # noqa: ANN202 (a generator of leg lists)
    count = len(legs)
    for i in range(count):
        for j in range(i, count):
            turned = [(run, not t) for run, t in reversed(legs[i : j + 1])]
            yield legs[:i] + turned + legs[j + 1 :]
    for length in (1, 2, 3):  # a stretch of one to three sides elsewhere, either way round
        for i in range(count - length + 1):
            stretch = legs[i : i + length]
            rest = legs[:i] + legs[i + length :]
            backwards = [(run, not t) for run, t in reversed(stretch)]
            for j in range(len(rest) + 1):
                if j != i:
                    yield rest[:j] + stretch + rest[j:]
                yield rest[:j] + backwards + rest[j:]
