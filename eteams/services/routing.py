"""Walk-list routing: doors and teams in, ordered lists out, solved by PyVRP.

Pure functions over plain data (no database): the planning service prepares the doors and
teams, the benchmark feeds it the standard X instances. Distances are walking metres:
haversine over the dwellings' coordinates times a street-grid detour factor, plus a penalty
for crossing to the other side of the same street. The solver's order within each list is
then regrouped so a list finishes one street side before the next unless splitting it saves
real walking (``street_sides``).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
from pyvrp import (
    Activity,
    ActivityType,
    Client,
    Depot,
    Location,
    ProblemData,
    Route,
    Solution,
    VehicleType,
    solve,
)
from pyvrp.stop import MaxIterations, MaxRuntime, MultipleCriteria, NoImprovement

from eteams.config import WALK_SIDE_CHANGE_M
from eteams.services.street_sides import order_by_sides

EARTH_RADIUS_M = 6_371_000
DETOUR = 1.25  # walking along streets is longer than the straight line
CROSSING_PENALTY_M = 40  # crossing to the other side of the same street
WALKING_M_PER_MIN = 75  # 4.5 km/h


@dataclass(frozen=True)
class Door:
    """One stop: a dwelling, or an apartment entrance holding ``demand`` dwellings."""

    key: int
    lat: float
    lon: float
    demand: int = 1
    prize: int = 10_000
    street: str = ""
    odd_side: bool = False
    number: int = 0  # the house number: a street side is walked in its order


@dataclass(frozen=True)
class Team:
    key: int
    lat: float
    lon: float
    capacity: int
    max_distance_m: int | None = None


@dataclass(frozen=True)
class WalkRoute:
    team_key: int
    door_keys: list[int]
    distance_m: int


@dataclass(frozen=True)
class RoutingResult:
    routes: list[WalkRoute]
    unplanned: list[int]
    seconds: float


def haversine_matrix(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """Great-circle metres between every pair of points, vectorised (float32: ~0.1 m here)."""
    phi = np.radians(lat).astype(np.float32)
    lam = np.radians(lon).astype(np.float32)
    cos_phi = np.cos(phi)
    a = np.sin((phi[:, None] - phi[None, :]) / 2) ** 2
    a += cos_phi[:, None] * cos_phi[None, :] * np.sin((lam[:, None] - lam[None, :]) / 2) ** 2
    np.clip(a, 0, 1, out=a)
    return 2 * EARTH_RADIUS_M * np.arcsin(np.sqrt(a, out=a), out=a)


def walking_matrix(doors: list[Door], starts: list[tuple[float, float]]) -> np.ndarray:
    """Walking metres between start points (first) and doors, as PyVRP's integer matrix."""
    lat = np.array([s[0] for s in starts] + [d.lat for d in doors])
    lon = np.array([s[1] for s in starts] + [d.lon for d in doors])
    metres = haversine_matrix(lat, lon)
    metres *= DETOUR
    if doors:
        # Streets as integer codes (start points get -1, no street) to compare cheaply.
        names = [""] * len(starts) + [d.street for d in doors]
        _, codes = np.unique(names, return_inverse=True)
        codes = np.where(np.array(names) == "", -1, codes).astype(np.int32)
        sides = np.array([False] * len(starts) + [d.odd_side for d in doors])
        crossing = (codes[:, None] == codes[None, :]) & (codes[:, None] >= 0)
        crossing &= sides[:, None] != sides[None, :]
        metres += crossing * np.float32(CROSSING_PENALTY_M)
    return np.rint(metres).astype(np.int64)


def plan_routes(
    doors: list[Door],
    teams: list[Team],
    *,
    seconds: float = 10,
    seed: int = 1,
    iterations: int | None = None,
    by_sides: bool = True,
    side_change_m: float = WALK_SIDE_CHANGE_M,
) -> RoutingResult:
    """Assign doors to teams and order them; doors that do not fit are left unplanned.

    ``iterations`` replaces the time limit by a fixed amount of search, so the same input
    always gives the same plan (the demo relies on that). ``by_sides`` False keeps the
    solver's own order within each list (the benchmark's baseline); ``side_change_m`` is
    what the order within a list pays for each extra street-side block (``street_sides``)."""
    started = time.perf_counter()
    if not doors or not teams:
        return RoutingResult([WalkRoute(t.key, [], 0) for t in teams], [d.key for d in doors], 0.0)
    starts = sorted({(t.lat, t.lon) for t in teams})
    matrix = walking_matrix(doors, starts)
    kinds = _vehicle_kinds(teams, starts)
    data = _problem(doors, kinds, starts, matrix)
    initial = _initial_solution(data, doors, teams, kinds, starts, matrix)
    stop = MaxIterations(iterations) if iterations else stopping(seconds, len(doors))
    result = solve(data, stop=stop, seed=seed, display=False, initial_solution=initial)
    elapsed = time.perf_counter() - started
    routes = _routes(result.best, doors, teams, kinds, matrix, len(starts), elapsed)
    if by_sides:
        routes = _by_sides(routes, doors, teams, starts, matrix, side_change_m)
    return RoutingResult(routes.routes, routes.unplanned, time.perf_counter() - started)


def time_limit(doors: int, most: float = 60) -> float:
    """The app's time budget: 9 s per 1,000 doors (10 s with the set-up), at least 3 s,
    at most ``most``."""
    return min(most, max(3.0, doors * 0.009))


def stopping(seconds: float, clients: int) -> MultipleCriteria:
    """At most ``seconds``; sooner when the search has stopped finding better plans."""
    return MultipleCriteria([MaxRuntime(seconds), NoImprovement(max(5_000, 25 * clients))])


@dataclass(frozen=True)
class _Kind:
    """Teams PyVRP may treat as interchangeable: same start, capacity and walking limit."""

    start: int
    capacity: int
    max_distance_m: int | None
    team_keys: tuple[int, ...]


def _vehicle_kinds(teams: list[Team], starts: list[tuple[float, float]]) -> list[_Kind]:
    grouped: dict[tuple[int, int, int | None], list[int]] = {}
    for t in teams:
        grouped.setdefault((starts.index((t.lat, t.lon)), t.capacity, t.max_distance_m), []).append(
            t.key
        )
    return [_Kind(s, c, m, tuple(keys)) for (s, c, m), keys in grouped.items()]


def _problem(
    doors: list[Door], kinds: list[_Kind], starts: list[tuple[float, float]], matrix: np.ndarray
) -> ProblemData:
    # One extra depot where every route may end at no cost: teams finish at their last door.
    n_starts = len(starts)
    size = n_starts + 1 + len(doors)
    full = np.zeros((size, size), dtype=np.int64)
    keep = [*range(n_starts), *range(n_starts + 1, size)]
    full[np.ix_(keep, keep)] = matrix
    full[:, n_starts] = 0
    locations = [Location(lon, lat) for lat, lon in starts]
    locations.append(Location(starts[0][1], starts[0][0]))
    locations += [Location(d.lon, d.lat) for d in doors]
    depots = [Depot(i) for i in range(n_starts + 1)]
    clients = [
        Client(n_starts + 1 + i, delivery=[d.demand], prize=d.prize, required=False)
        for i, d in enumerate(doors)
    ]
    vehicles = [
        VehicleType(
            len(k.team_keys),
            capacity=[k.capacity],
            start_depot=k.start,
            end_depot=n_starts,
            max_distance=k.max_distance_m or np.iinfo(np.int64).max,
        )
        for k in kinds
    ]
    return ProblemData(locations, clients, depots, vehicles, [full], [full // WALKING_M_PER_MIN])


def _initial_solution(
    data: ProblemData,
    doors: list[Door],
    teams: list[Team],
    kinds: list[_Kind],
    starts: list[tuple[float, float]],
    matrix: np.ndarray,
) -> Solution:
    """Start the search from the nearest-neighbour plan rather than from scratch."""
    greedy = _greedy(doors, teams, starts, matrix)
    kind_of = {key: n for n, k in enumerate(kinds) for key in k.team_keys}
    index = {d.key: i for i, d in enumerate(doors)}
    routes = [
        Route(
            data,
            [Activity(ActivityType.CLIENT, index[k]) for k in r.door_keys],
            kind_of[r.team_key],
        )
        for r in greedy.routes
        if r.door_keys
    ]
    return Solution(data, routes)


def _routes(
    solution,  # noqa: ANN001
    doors: list[Door],
    teams: list[Team],
    kinds: list[_Kind],
    matrix: np.ndarray,
    n_starts: int,
    seconds: float,
) -> RoutingResult:
    """PyVRP's routes back to our teams; routes of one vehicle kind go to its teams in turn."""
    planned: set[int] = set()
    routes = {t.key: WalkRoute(t.key, [], 0) for t in teams}
    free = {n: list(k.team_keys) for n, k in enumerate(kinds)}
    for route in solution.routes():
        team_key = free[route.vehicle_type()].pop(0)
        door_index = _client_indices(route)
        planned.update(door_index)
        path = [route.start_depot(), *(n_starts + i for i in door_index)]
        distance = int(sum(matrix[a, b] for a, b in zip(path, path[1:], strict=False)))
        routes[team_key] = WalkRoute(team_key, [doors[i].key for i in door_index], distance)
    unplanned = [d.key for i, d in enumerate(doors) if i not in planned]
    return RoutingResult([routes[t.key] for t in teams], unplanned, seconds)


def _by_sides(
    result: RoutingResult,
    doors: list[Door],
    teams: list[Team],
    starts: list[tuple[float, float]],
    matrix: np.ndarray,
    side_change_m: float,
) -> RoutingResult:
    """Every list walked side by side, unless that breaks the team's walking limit."""
    index = {d.key: i for i, d in enumerate(doors)}
    team_of = {t.key: t for t in teams}
    n_starts = len(starts)
    routes = []
    for route in result.routes:
        team = team_of[route.team_key]
        start = starts.index((team.lat, team.lon))
        stops = [index[k] for k in route.door_keys]
        order = order_by_sides(start, stops, doors, n_starts, matrix, side_change_m)
        path = [start, *(n_starts + i for i in order)]
        distance = int(sum(matrix[a, b] for a, b in zip(path, path[1:], strict=False)))
        if team.max_distance_m is None or distance <= max(team.max_distance_m, route.distance_m):
            route = WalkRoute(route.team_key, [doors[i].key for i in order], distance)
        routes.append(route)
    return RoutingResult(routes, result.unplanned, result.seconds)


def reorder(
    result: RoutingResult, doors: list[Door], teams: list[Team], side_change_m: float
) -> RoutingResult:
    """The lists of a plan made with ``by_sides=False`` ordered as ``plan_routes`` would."""
    started = time.perf_counter()
    starts = sorted({(t.lat, t.lon) for t in teams})
    matrix = walking_matrix(doors, starts)
    routes = _by_sides(result, doors, teams, starts, matrix, side_change_m)
    return RoutingResult(routes.routes, routes.unplanned, time.perf_counter() - started)


def _client_indices(route) -> list[int]:  # noqa: ANN001
    """The route's doors in visiting order, as indices into the doors list."""
    return [activity.idx for activity in route if activity.is_client()]


def nearest_neighbour(doors: list[Door], teams: list[Team]) -> RoutingResult:
    """The baseline a planner would do by hand: each team in turn takes the nearest door."""
    started = time.perf_counter()
    starts = sorted({(t.lat, t.lon) for t in teams})
    result = _greedy(doors, teams, starts, walking_matrix(doors, starts))
    return RoutingResult(result.routes, result.unplanned, time.perf_counter() - started)


def _greedy(
    doors: list[Door], teams: list[Team], starts: list[tuple[float, float]], matrix: np.ndarray
) -> RoutingResult:
    n_starts = len(starts)
    free = np.ones(len(doors), dtype=bool)
    routes = []
    for team in teams:
        here, load, keys, distance = starts.index((team.lat, team.lon)), 0, [], 0
        while free.any():
            row = np.where(free, matrix[here, n_starts:], np.iinfo(np.int64).max)
            nearest = int(np.argmin(row))
            if load + doors[nearest].demand > team.capacity:
                break
            free[nearest] = False
            load += doors[nearest].demand
            distance += int(row[nearest])
            keys.append(doors[nearest].key)
            here = n_starts + nearest
        routes.append(WalkRoute(team.key, keys, distance))
    unplanned = [d.key for i, d in enumerate(doors) if free[i]]
    return RoutingResult(routes, unplanned, 0.0)
