"""Walk order within one list: finish a street side before the next, unless splitting saves walking.

A street side is a street's doors with odd (or even) house numbers. The solver's order may
leave a side and come back to it later, above all on later days, when the leftover doors
(not home, follow-ups) lie scattered over many streets. Here a list's doors are regrouped
into runs along the sides, each walked in house-number order, and the order of the runs and
the end each is entered from are chosen for the least walking plus ``side_change_m`` metres
each time the walk leaves a side (so every block beyond the fewest costs that much).

A side is walked in one run, or in two split at its largest gap when that gap is at least
half the penalty (a split cannot save much more than twice the gap it avoids walking): a few
doors at both ends of two long parallel streets are then walked end by end, not each street
to its far end and back. The best order is found exactly up to ``EXACT_UP_TO`` runs (Held
and Karp's dynamic programme), by local search beyond (2-opt, which also turns runs round,
and moving one to three runs elsewhere), started from the solver's order, from the nearest
run next, and from the exact order with only the widest gaps split. Flats behind one entrance
are one door already, so they stay together. Doors without a street are sides of their own.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from typing import Protocol

import numpy as np

from eteams.config import WALK_SIDE_CHANGE_M


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


EXACT_UP_TO = 10  # runs in a list: the best order exactly (dynamic programming) up to here
_FORBIDDEN = 10**9  # one side's two runs back to back, but against the house numbers

# A run: (its doors as matrix indices in house-number order, its side, 0/1 low/high half or -1)
_Run = tuple[tuple[int, ...], int, int]


def order_by_sides(
    start: int,
    stops: Sequence[int],
    doors: Sequence[_Door],
    offset: int,
    matrix: np.ndarray,
    side_change_m: float = WALK_SIDE_CHANGE_M,
) -> list[int]:
    """``stops`` (indices into ``doors``, in the solver's order) as runs along street sides.

    ``matrix`` holds metres between matrix indices; door ``i`` is matrix index ``offset + i``
    and ``start`` is the team's meeting point. The walk ends at the last door. An infinite
    ``side_change_m`` walks every side in one go."""
    if len(stops) < 2:
        return list(stops)
    sides: dict[tuple[str, bool, int], list[int]] = {}
    for i in stops:  # dicts keep the order of first appearance: the solver's order of sides
        sides.setdefault(side_key(doors[i]), []).append(i)
    lines = [
        tuple(offset + i for i in sorted(side, key=lambda i: (doors[i].number, doors[i].key)))
        for side in sides.values()
    ]
    penalty = int(round(side_change_m)) if math.isfinite(side_change_m) else None
    ways = _Ways(start, _runs(lines, matrix, penalty), matrix, penalty)
    if len(ways.runs) <= EXACT_UP_TO:
        best = ways.doors(_exact(ways))
    else:
        best = _searched(start, [offset + i for i in stops], lines, matrix, penalty, ways)
    return [index - offset for index in best]


def _runs(lines: list[tuple[int, ...]], matrix: np.ndarray, penalty: int | None,
          most: int | None = None) -> list[_Run]:  # fmt: skip
    """Each side whole, or split at its largest gap when that gap is at least half the penalty;
    with ``most``, only the widest gaps are split, so there are at most that many runs."""
    gaps = []
    for s, line in enumerate(lines):
        if penalty is not None and len(line) > 1:
            steps = matrix[np.array(line[:-1]), np.array(line[1:])]
            at = int(steps.argmax())
            if 2 * steps[at] >= penalty:
                gaps.append((int(steps[at]), s, at + 1))
    gaps.sort(reverse=True)
    if most is not None:
        gaps = gaps[: max(0, most - len(lines))]
    cut = {s: at for _, s, at in gaps}
    runs: list[_Run] = []
    for s, line in enumerate(lines):
        if s in cut:
            runs += [(line[: cut[s]], s, 0), (line[cut[s] :], s, 1)]
        else:
            runs.append((line, s, -1))
    return runs


class _Ways:
    """A way through a run is ``2 * run + turned``; the metres (and penalties) between ways."""

    def __init__(self, start: int, runs: list[_Run], matrix: np.ndarray, penalty: int | None):
        self.runs, self.matrix, self.start, self.penalty = runs, matrix, start, penalty or 0
        first = np.array([r[-1] if w % 2 else r[0] for r, _, _ in runs for w in (0, 1)])
        last = np.array([r[0] if w % 2 else r[-1] for r, _, _ in runs for w in (0, 1)])
        side = np.repeat([s for _, s, _ in runs], 2)
        half = np.repeat([h for _, _, h in runs], 2)
        turned = np.tile([False, True], len(runs))
        onward = matrix[np.ix_(last, first)].astype(np.int64)
        same = side[:, None] == side[None, :]
        onward += np.where(same, 0, self.penalty)
        # One side's halves back to back must go on in house-number order (low up, high down).
        up = (half == 0) & ~turned
        down = (half == 1) & turned
        follows = (up[:, None] & (half == 1)[None, :] & ~turned[None, :]) | (
            down[:, None] & (half == 0)[None, :] & turned[None, :]
        )
        onward[same & ~follows] = _FORBIDDEN
        self.onward = onward
        self.enter = matrix[start, first].astype(np.int64)
        self.side_of = {i: s for r, s, _ in runs for i in r}
        self._onward, self._enter = onward.tolist(), self.enter.tolist()

    def edge(self, a: int | None, b: int | None) -> int:
        """From way ``a`` (None: the meeting point) to way ``b`` (None: the walk ends)."""
        if b is None:
            return 0
        return self._enter[b] if a is None else self._onward[a][b]

    def total(self, ways: Sequence[int]) -> int:
        return sum(self.edge(a, b) for a, b in zip([None, *ways], ways, strict=False))

    def doors(self, ways: Sequence[int]) -> list[int]:
        return [i for w in ways for i in (self.runs[w // 2][0][:: -1 if w % 2 else 1])]

    def cost(self, path: Sequence[int]) -> int:
        """Metres along ``path`` (matrix indices) plus the penalty for each change of side."""
        full = [self.start, *path]
        metres = int(self.matrix[full[:-1], full[1:]].sum())
        sides = [self.side_of[i] for i in path]
        return metres + self.penalty * sum(a != b for a, b in zip(sides, sides[1:], strict=False))

    def from_doors(self, path: Sequence[int]) -> list[int]:
        """The runs in the order ``path`` first reaches them, each entered at its nearer end."""
        run_of = {i: n for n, (r, _, _) in enumerate(self.runs) for i in r}
        order = list(dict.fromkeys(run_of[i] for i in path))
        ways, here = [], self.start
        for n in order:
            run = self.runs[n][0]
            turned = self.matrix[here, run[-1]] < self.matrix[here, run[0]]
            ways.append(2 * n + int(turned))
            here = run[0] if turned else run[-1]
        return ways


def _exact(ways: _Ways) -> list[int]:
    """The best order and ways round (Held and Karp's dynamic programme over sets of runs).

    ``best[walked, way]`` is the least cost to have walked the runs in the bit set ``walked``,
    the last one by ``way``."""
    count = len(ways.runs)
    bit = 1 << (np.arange(2 * count) // 2)
    best = np.full((1 << count, 2 * count), np.iinfo(np.int64).max // 4, dtype=np.int64)
    came = np.full((1 << count, 2 * count), -1, dtype=np.int64)
    every = np.arange(2 * count)
    best[bit, every] = ways.enter
    for walked in range(1, 1 << count):
        open_ = (bit & walked) == 0
        if not open_.any():
            continue
        via = best[walked][:, None] + ways.onward
        previous = via.argmin(axis=0)
        cost = via[previous, every]
        target = walked | bit
        better = open_ & (cost < best[target, every])
        best[target[better], every[better]] = cost[better]
        came[target[better], every[better]] = previous[better]
    walked, way = (1 << count) - 1, int(best[-1].argmin())
    order = []
    while way >= 0:
        order.append(way)
        walked, way = walked & ~int(bit[way]), int(came[walked, way])
    return order[::-1]


def _searched(start: int, found: list[int], lines: list[tuple[int, ...]], matrix: np.ndarray,
              penalty: int | None, ways: _Ways) -> list[int]:  # fmt: skip
    """Too many runs to be exact: local search from the solver's order, the nearest run next,
    every side whole (itself searched) and, with few sides, the exact order with only the
    widest gaps split; then kicked out of its local optimum a number of times."""
    whole = _Ways(start, _runs(lines, matrix, None), matrix, None)
    paths = [found, whole.doors(_local_search(_nearest(whole), whole))]
    if len(lines) <= EXACT_UP_TO:
        few = _Ways(start, _runs(lines, matrix, penalty, most=EXACT_UP_TO), matrix, penalty)
        paths.append(few.doors(_exact(few)))
    seeds = [ways.from_doors(p) for p in paths] + [_nearest(ways)]
    best = min((_local_search(seed, ways) for seed in seeds), key=ways.total)
    return ways.doors(_kicked(best, ways))  # never the solver's own: it may leave number order


KICKS = 100  # restarts of the local search from the best order found, perturbed


def _kicked(order: list[int], ways: _Ways) -> list[int]:
    """Iterated local search: cut the order in four and swap the middle pieces (a double
    bridge, which 2-opt and short moves cannot undo), search again, keep it if better."""
    rng = random.Random(len(order))  # the same list gives the same order
    best, cost = order, ways.total(order)
    for _ in range(KICKS if len(order) >= 4 else 0):
        a, b, c = sorted(rng.sample(range(1, len(order)), 3))
        tried = _local_search(best[:a] + best[b:c] + best[a:b] + best[c:], ways)
        if (tried_cost := ways.total(tried)) < cost:
            best, cost = tried, tried_cost
    return best


def _nearest(ways: _Ways) -> list[int]:
    """From the meeting point, always on to the nearest end of a run not yet walked."""
    left, order, here = set(range(len(ways.runs))), [], None
    while left:
        way = min((2 * n + t for n in left for t in (0, 1)), key=lambda w: ways.edge(here, w))
        left.remove(way // 2)
        order.append(way)
        here = way
    return order


def _local_search(order: list[int], ways: _Ways) -> list[int]:
    """2-opt (a stretch of runs walked backwards) and moving one to three runs, until neither
    helps; each move is priced by the few edges it changes."""
    improved = True
    while improved:
        improved = _two_opt(order, ways) or _move(order, ways)
    return order


def _two_opt(order: list[int], ways: _Ways) -> bool:
    edge, count = ways.edge, len(order)
    for i in range(count):
        before = order[i - 1] if i else None
        for j in range(i, count):
            after = order[j + 1] if j + 1 < count else None
            old = edge(before, order[i]) + edge(order[j], after)
            if edge(before, order[j] ^ 1) + edge(order[i] ^ 1, after) < old:
                order[i : j + 1] = [w ^ 1 for w in reversed(order[i : j + 1])]
                return True
    return False


def _move(order: list[int], ways: _Ways) -> bool:
    edge, count = ways.edge, len(order)
    for length in (1, 2, 3):
        for i in range(count - length + 1):
            stretch = order[i : i + length]
            rest = order[:i] + order[i + length :]
            before = order[i - 1] if i else None
            after = order[i + length] if i + length < count else None
            saved = edge(before, stretch[0]) + edge(stretch[-1], after) - edge(before, after)
            backwards = [w ^ 1 for w in reversed(stretch)]
            for j in range(len(rest) + 1):
                a = rest[j - 1] if j else None
                b = rest[j] if j < len(rest) else None
                for piece in (stretch, backwards):
                    if (j, piece) == (i, stretch):
                        continue
                    added = edge(a, piece[0]) + edge(piece[-1], b) - edge(a, b)
                    if added < saved:
                        order[:] = rest[:j] + piece + rest[j:]
                        return True
    return False
