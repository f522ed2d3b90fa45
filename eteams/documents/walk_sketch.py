"""The sketch on a walk sheet's first page, drawn from the doors' own streets (no map tiles).

Each street is a grey band through its doors, in their order along it, with its name beside
it; the doors are numbered dots that never cover each other (the flats of one entrance are
spread around their door, with a leader line to it); the meeting point, north and a scale bar
in metres with a round length.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from flask_babel import gettext as _
from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from eteams.documents.styles import BRAND, INK, register_fonts

M_PER_DEG_LAT = 110_574.0
M_PER_DEG_LON = 111_320.0  # at the equator; times cos(latitude)
DOT_R = 9.0  # points: room for a two-digit number at 10 pt
DOT_GAP = 3.0  # points between two dots
STRAIGHT_M = 25.0  # doors within this of the street's axis: a straight street
BIN_M = 40.0  # a bending street's line follows its doors' mean place per 40 m along it
LABEL_SIZE = 10.0
LABEL_H = 14.0
STREET_GREY = colors.HexColor("#c8c8c8")
ROUND_METRES = (10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000)
MARGIN_X, MARGIN_Y = 18 * mm, 15 * mm
RING_MAX = 10  # more doors at one spot go in a spiral, and get one outline, not leader lines
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


@dataclass(frozen=True)
class Dot:
    seq: int
    street: str
    lat: float
    lon: float


def sketch(
    dots: Sequence[Dot], start: tuple[float, float] | None, width: float, height: float
) -> Drawing:
    drawing = Drawing(width, height)
    drawing.add(Rect(0, 0, width, height, strokeColor=INK, strokeWidth=1, fillColor=colors.white))
    places = [(d.lat, d.lon) for d in dots] + ([start] if start else [])
    if not places:
        _regular, bold = register_fonts()
        drawing.add(String(width / 2, height / 2, _("No door has a place on the map yet."),
                           fontName=bold, fontSize=12, textAnchor="middle"))  # fmt: skip
        return drawing
    view = _View(places, width, height, _cluster_reach(dots, min(width, height) / 3))
    anchors = np.array([view.point(d.lat, d.lon) for d in dots]).reshape(-1, 2)
    meeting = np.array(view.point(*start)) if start else None
    placed = spread(anchors, [] if meeting is None else [meeting], width, height)
    _outlines(drawing, anchors, placed)
    streets = _streets(dots, view)
    for line in streets.values():
        if len(line) > 1:
            drawing.add(PolyLine(line.flatten().tolist(), strokeColor=STREET_GREY, strokeWidth=10,
                                 strokeLineCap=1, strokeLineJoin=1))  # fmt: skip
    _walking_path(drawing, anchors, meeting)
    taken = [_north_arrow(drawing, width, height), _scale_bar(drawing, view, height)]
    if meeting is not None:
        taken.append(_meeting_point(drawing, meeting, placed, taken))
    for name, line in streets.items():
        box = _place_label(name, line, placed, taken, width, height)
        if box is not None:
            taken.append(box)
            drawing.add(box.group(name))
    _draw_dots(drawing, dots, anchors, placed)
    return drawing


class _View:
    """Metres east and north of the places' middle, scaled to fit the drawing."""

    def __init__(
        self, places: list[tuple[float, float]], width: float, height: float, pad: float = 0
    ) -> None:
        lats, lons = [p[0] for p in places], [p[1] for p in places]
        self.lat0, self.lon0 = (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2
        self.cos = math.cos(math.radians(self.lat0))
        span_x = max((max(lons) - min(lons)) * M_PER_DEG_LON * self.cos, 60.0)
        span_y = max((max(lats) - min(lats)) * M_PER_DEG_LAT, 60.0)
        pad_x, pad_y = max(MARGIN_X, pad), max(MARGIN_Y, pad)  # room for a block's dots
        self.k = min((width - 2 * pad_x) / span_x, (height - 2 * pad_y) / span_y)
        self.middle = (width / 2, height / 2)

    def metres(self, lat: float, lon: float) -> tuple[float, float]:
        return (lon - self.lon0) * M_PER_DEG_LON * self.cos, (lat - self.lat0) * M_PER_DEG_LAT

    def point(self, lat: float, lon: float) -> tuple[float, float]:
        x, y = self.metres(lat, lon)
        return self.middle[0] + x * self.k, self.middle[1] + y * self.k


def _streets(dots: Sequence[Dot], view: _View) -> dict[str, np.ndarray]:
    """Per street, a line through its doors in their order along it: the doors' mean place
    per stretch of the street, so the two sides make one line, not a zig-zag."""
    groups: dict[str, list[tuple[float, float]]] = {}
    for d in dots:
        groups.setdefault(d.street.strip(), []).append(view.metres(d.lat, d.lon))
    lines = {}
    for name, metres in groups.items():
        pts = np.array(metres)
        middle = pts.mean(axis=0)
        if len(pts) < 2 or np.ptp(pts, axis=0).max() < 5:
            lines[name] = (middle * view.k + view.middle).reshape(1, 2)
            continue
        axis = np.linalg.svd(pts - middle)[2][0]
        along = (pts - middle) @ axis
        across = (pts - middle) @ np.array([-axis[1], axis[0]])
        ends = [middle + axis * (along.min() - 8), middle + axis * (along.max() + 8)]
        line = np.array(ends)
        if np.abs(across).max() > STRAIGHT_M:  # it bends: follow it stretch by stretch
            bins = np.floor((along - along.min()) / BIN_M).astype(int)
            centres = [pts[bins == b].mean(axis=0) for b in sorted(set(bins))]
            line = np.array([centres[0] - axis * 8, *centres, centres[-1] + axis * 8])
        lines[name] = line * view.k + np.array(view.middle)
    return lines


def _walking_path(drawing: Drawing, anchors: np.ndarray, meeting: np.ndarray | None) -> None:
    path = ([meeting] if meeting is not None else []) + list(anchors)
    if len(path) > 1:
        flat = [float(c) for xy in path for c in xy]
        drawing.add(PolyLine(flat, strokeColor=colors.HexColor("#555555"), strokeWidth=1,
                             strokeDashArray=[3, 3]))  # fmt: skip


def spread(anchors: np.ndarray, fixed: list[np.ndarray], width: float, height: float) -> np.ndarray:
    """Dot centres at least two radii and a gap apart, each as near its own door as that
    allows. Doors at one spot (the flats of an entrance) start on a ring around it."""
    n = len(anchors)
    if n == 0:
        return anchors
    need = 2 * DOT_R + DOT_GAP
    obstacles = np.array(fixed).reshape(-1, 2)
    low, high = np.array([DOT_R + 2, DOT_R + 2]), np.array([width - DOT_R - 2, height - DOT_R - 2])
    placed = np.clip(_rings(anchors, need), low, high)
    for step in range(400):
        everything = np.vstack([placed, obstacles])
        delta = placed[:, None, :] - everything[None, :, :]
        dist = np.hypot(delta[..., 0], delta[..., 1])
        dist[np.arange(n), np.arange(n)] = np.inf
        overlap = np.clip(need - dist, 0, None)
        if overlap.max() < 0.05:
            break
        unit = delta / np.where(dist > 1e-6, dist, 1)[..., None]
        push = (unit * overlap[..., None]).sum(axis=1) * 0.5
        pull = (anchors - placed) * (0.05 if step < 300 else 0.0)  # then only apart
        placed = np.clip(placed + push + pull, low, high)
    return placed


def _rings(anchors: np.ndarray, need: float) -> np.ndarray:
    """A few doors at one spot on a ring around it; a block of flats in a sunflower's
    spiral (round and close, however many)."""
    placed = anchors.astype(float).copy()
    for group in _same_spot(anchors):
        if len(group) < 2:
            continue
        for j, i in enumerate(group):
            if len(group) <= RING_MAX:
                radius = max(need, need * len(group) / (2 * math.pi))
                angle = math.pi / 2 - 2 * math.pi * j / len(group)  # the first at the top
            else:
                radius, angle = need * 0.62 * math.sqrt(j + 1.5), j * GOLDEN_ANGLE
            placed[i] = anchors[i] + radius * np.array([math.cos(angle), math.sin(angle)])
    return placed


def _cluster_reach(dots: Sequence[Dot], most: float) -> float:
    """How far the dots of the biggest entrance reach from their spot (at most ``most``)."""
    spots: dict[tuple[float, float], int] = {}
    for d in dots:
        key = (round(d.lat, 5), round(d.lon, 5))
        spots[key] = spots.get(key, 0) + 1
    n = max(spots.values(), default=1)
    need = 2 * DOT_R + DOT_GAP
    if n < 2:
        return 0.0
    ring = max(need, need * n / (2 * math.pi)) if n <= RING_MAX else need * 0.62 * math.sqrt(n)
    return min(ring + DOT_R + 6, most)


def _same_spot(anchors: np.ndarray) -> list[list[int]]:
    """The doors drawn at one spot (within two points): the flats of an entrance."""
    seen: dict[tuple[int, int], list[int]] = {}
    for i, (x, y) in enumerate(anchors):
        seen.setdefault((round(x / 2), round(y / 2)), []).append(i)
    return list(seen.values())


@dataclass(frozen=True)
class _Box:
    """A label's rectangle: centre, half sizes, and its direction (unit vector)."""

    cx: float
    cy: float
    half_w: float
    half_h: float
    ux: float
    uy: float
    text: str = ""

    def corners(self) -> np.ndarray:
        u, n = np.array([self.ux, self.uy]), np.array([-self.uy, self.ux])
        c = np.array([self.cx, self.cy])
        return np.array([c + sx * self.half_w * u + sy * self.half_h * n
                         for sx, sy in ((-1, -1), (1, -1), (1, 1), (-1, 1))])  # fmt: skip

    def covers(self, points: np.ndarray, pad: float) -> int:
        if len(points) == 0:
            return 0
        q = points - np.array([self.cx, self.cy])
        along = np.abs(q @ np.array([self.ux, self.uy]))
        across = np.abs(q @ np.array([-self.uy, self.ux]))
        return int(((along < self.half_w + pad) & (across < self.half_h + pad)).sum())

    def overlaps(self, other: _Box) -> bool:
        mine, theirs = self.corners(), other.corners()
        for box in (self, other):
            for axis in (np.array([box.ux, box.uy]), np.array([-box.uy, box.ux])):
                a, b = mine @ axis, theirs @ axis
                if a.max() <= b.min() or b.max() <= a.min():
                    return False
        return True

    def inside(self, width: float, height: float) -> bool:
        c = self.corners()
        return bool(c.min() >= 2 and (c[:, 0] <= width - 2).all() and (c[:, 1] <= height - 2).all())

    def group(self, _name: str) -> Group:
        _regular, bold = register_fonts()
        w, h = self.half_w * 2, self.half_h * 2
        group = Group(
            Rect(-w / 2, -h / 2, w, h, fillColor=colors.white, strokeColor=INK, strokeWidth=0.75),
            String(0, -3.6, self.text, fontName=bold, fontSize=LABEL_SIZE, textAnchor="middle",
                   fillColor=INK),
        )  # fmt: skip
        group.transform = (self.ux, self.uy, -self.uy, self.ux, self.cx, self.cy)
        return group


def _place_label(
    name: str, line: np.ndarray, dots: np.ndarray, taken: list[_Box], width: float, height: float
) -> _Box | None:
    """The street's name along its line where it covers no dot and no other label: tried
    at the middle first, then further along, on the line and beside it on both sides."""
    from eteams.documents.walk_sheet import fitted

    _regular, bold = register_fonts()
    text = fitted(name, bold, LABEL_SIZE, 90 * mm)  # a name longer than that is cut
    half_w = stringWidth(text, bold, LABEL_SIZE) / 2 + 3
    best, best_score = None, math.inf
    places = _along(line)
    if len(line) == 1:  # one spot: beside it too, left and right
        shift = np.array([half_w + 3 * DOT_R, 0.0])
        places += [(line[0] + shift, (1.0, 0.0)), (line[0] - shift, (1.0, 0.0))]
    for where, (point, (ux, uy)) in enumerate(places):
        for k, offset in enumerate((0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6)):
            shift = offset * (LABEL_H / 2 + DOT_R + 2)
            box = _Box(point[0] - uy * shift, point[1] + ux * shift, half_w, LABEL_H / 2, ux, uy,
                       text)  # fmt: skip
            score = where * 0.5 + k * 0.3 + 10 * box.covers(dots, DOT_R)
            score += 10 * sum(box.overlaps(t) for t in taken) + (0 if box.inside(width, height)
                                                                 else 40)  # fmt: skip
            if score < best_score:
                best, best_score = box, score
        if best_score < 1:
            break
    return best


def _along(line: np.ndarray) -> list[tuple[np.ndarray, tuple[float, float]]]:
    """Candidate places on a line (middle first) with its reading direction there."""
    if len(line) < 2:
        return [(line[0], (1.0, 0.0))]
    seg = np.diff(line, axis=0)
    lengths = np.hypot(seg[:, 0], seg[:, 1])
    total = lengths.sum()
    places = []
    for f in (0.5, 0.35, 0.65, 0.2, 0.8, 0.05, 0.95):
        at = f * total
        i = int(np.searchsorted(np.cumsum(lengths), at))
        i = min(i, len(seg) - 1)
        before = lengths[:i].sum()
        t = (at - before) / lengths[i] if lengths[i] else 0
        ux, uy = seg[i] / (lengths[i] or 1)
        if ux < -1e-9 or (abs(ux) < 1e-9 and uy < 0):  # read left to right, or upwards
            ux, uy = -ux, -uy
        places.append((line[i] + t * seg[i], (float(ux), float(uy))))
    return places


def _outlines(drawing: Drawing, anchors: np.ndarray, placed: np.ndarray) -> None:
    """A block of flats: its doors inside one outline, under everything else."""
    for group in _same_spot(anchors):
        if len(group) > RING_MAX:
            ax, ay = anchors[group[0]]
            reach = max(math.dist(placed[i], (ax, ay)) for i in group) + DOT_R + 4
            drawing.add(Circle(ax, ay, reach, fillColor=colors.HexColor("#eeeeee"),
                               strokeColor=INK, strokeWidth=1, strokeDashArray=[4, 2]))  # fmt: skip


def _draw_dots(drawing: Drawing, dots: Sequence[Dot], anchors: np.ndarray, placed: np.ndarray):  # noqa: ANN202
    """Each door's number in a dot; a dot moved off its door has a leader line to it."""
    _regular, bold = register_fonts()
    for group in _same_spot(anchors):
        for i in group if len(group) <= RING_MAX else []:
            (ax, ay), (x, y) = anchors[i], placed[i]
            if math.hypot(x - ax, y - ay) > DOT_R * 0.6:
                drawing.add(Line(ax, ay, x, y, strokeColor=INK, strokeWidth=1))
                drawing.add(Circle(ax, ay, 2.2, fillColor=INK, strokeColor=None))
    radius = DOT_R + (1.5 if any(d.seq >= 100 for d in dots) else 0)
    for d, (x, y) in zip(dots, placed, strict=True):
        drawing.add(Circle(x, y, radius, fillColor=colors.white, strokeColor=INK, strokeWidth=1.5))
        drawing.add(String(x, y - 3.6, str(d.seq), fontName=bold, fontSize=10,
                           textAnchor="middle", fillColor=INK))  # fmt: skip


def _meeting_point(drawing: Drawing, at: np.ndarray, dots: np.ndarray, taken: list[_Box]) -> _Box:
    _regular, bold = register_fonts()
    x, y = float(at[0]), float(at[1])
    drawing.add(Rect(x - 6, y - 6, 12, 12, fillColor=BRAND, strokeColor=INK, strokeWidth=1))
    text = _("Meeting point")
    half_w = stringWidth(text, bold, LABEL_SIZE) / 2 + 3
    options = [(x + 9 + half_w, y), (x - 9 - half_w, y), (x, y + 16), (x, y - 16)]
    boxes = [_Box(cx, cy, half_w, LABEL_H / 2, 1.0, 0.0, text) for cx, cy in options]
    box = min(boxes, key=lambda b: b.covers(dots, DOT_R) + sum(b.overlaps(t) for t in taken))
    drawing.add(box.group(text))
    return box


def _north_arrow(drawing: Drawing, width: float, height: float) -> _Box:
    _regular, bold = register_fonts()
    x, y = width - 9 * mm, height - 19 * mm
    drawing.add(Polygon([x, y + 14, x - 7, y - 8, x, y - 3, x + 7, y - 8], fillColor=INK,
                        strokeColor=INK, strokeWidth=1))  # fmt: skip
    drawing.add(String(x, y + 18, "N", fontName=bold, fontSize=13, textAnchor="middle",
                       fillColor=INK))  # fmt: skip
    return _Box(x, y + 8, 9, 20, 1.0, 0.0)


def _scale_bar(drawing: Drawing, view: _View, _height: float) -> _Box:
    """A bar of a round length (10 m, 25 m, 100 m, …), about a fifth of the sketch wide."""
    regular, _bold = register_fonts()
    room = (drawing.width - 2 * MARGIN_X) / 5
    metres = max([m for m in ROUND_METRES if m * view.k <= room] or [ROUND_METRES[0]])
    length = metres * view.k
    x, y = 6 * mm, 6 * mm
    drawing.add(Rect(x - 4, y - 4, length + 50, 24, fillColor=colors.white, strokeColor=None))
    for part in range(4):
        drawing.add(Rect(x + part * length / 4, y, length / 4, 5, strokeColor=INK, strokeWidth=1,
                         fillColor=INK if part % 2 == 0 else colors.white))  # fmt: skip
    text = f"{metres // 1000} km" if metres >= 1000 and metres % 1000 == 0 else f"{metres} m"
    drawing.add(String(x, y + 8, "0", fontName=regular, fontSize=10, fillColor=INK))
    drawing.add(String(x + length, y + 8, text, fontName=regular, fontSize=10, fillColor=INK,
                       textAnchor="middle"))  # fmt: skip
    return _Box(x + length / 2 + 20, y + 8, length / 2 + 28, 14, 1.0, 0.0)
