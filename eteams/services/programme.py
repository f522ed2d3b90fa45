"""The programme report for the coordinator: what the jobs and the neighbourhood gained,
across employers and campaigns, for a period (both days included)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session, selectinload

from eteams.models import AdviceLetter, Employee, Measure, Visit, VisitInterest
from eteams.models.enums import Interest, Outcome
from eteams.services import clock, placement
from eteams.services.catalogue import canonical_key
from eteams.services.placement import TO_WORK
from eteams.services.progress import CONTACT


@dataclass(frozen=True)
class MeasureInterest:
    key: str
    name_nl: str
    name_en: str
    interested: int
    maybe: int
    # A projection, not a result: the yearly saving if every interested household carries the
    # measure out, each at the figures of its own advice letter. Households without a letter
    # (or whose letter has no figure for it) are not in it: ``priced`` says how many are.
    eur_per_year: Decimal | None
    co2_kg_per_year: Decimal | None
    gas_m3_per_year: Decimal | None = None
    kwh_per_year: Decimal | None = None
    priced: int = 0


@dataclass(frozen=True)
class ProgrammeReport:
    start: dt.date
    end: dt.date
    people_employed: int
    jobs: Decimal
    outflow_to_work: int
    households_reached: int
    conversations: int
    letters_sent: int
    measures: list[MeasureInterest]
    made_on: dt.date | None = None

    @property
    def eur_per_year(self) -> Decimal:
        """Known figures only; measures whose saving has no figure are left out (shown as —)."""
        return sum((m.eur_per_year for m in self.measures if m.eur_per_year), Decimal(0))

    @property
    def co2_kg_per_year(self) -> Decimal:
        return sum((m.co2_kg_per_year for m in self.measures if m.co2_kg_per_year), Decimal(0))

    @property
    def interested(self) -> int:
        return sum(m.interested for m in self.measures)

    @property
    def priced(self) -> int:
        return sum(m.priced for m in self.measures)


def _jobs(p: Employee, start: dt.date, end: dt.date) -> Decimal:
    """The banenafspraak rule, as in the placement report."""
    paid = placement.paid_hours(p, max(start, p.hired_on), min(end, p.ended_on or end))
    return placement.jobs(p, paid, start, end)


def programme_report(session: Session, start: dt.date, end: dt.date) -> ProgrammeReport:
    asked_end, end = end, min(end, clock.today())  # nothing is counted after today
    if end < start:
        end = start - dt.timedelta(days=1)  # a period not begun: nothing in it yet
    since, until = clock.days_span(start, max(end, start))
    employed = list(session.scalars(select(Employee).where(
        Employee.hired_on <= end, (Employee.ended_on.is_(None)) | (Employee.ended_on >= start)
    ).options(selectinload(Employee.contract_changes))))  # fmt: skip
    in_period = (Visit.visited_at >= since, Visit.visited_at < until)
    reached = session.scalar(
        select(func.count(distinct(Visit.address_id))).where(*in_period, Visit.outcome.in_(CONTACT))
    )  # fmt: skip
    conversations = session.scalar(
        select(func.count(Visit.id)).where(*in_period, Visit.outcome == Outcome.CONVERSATION)
    )
    letters = session.scalar(
        select(func.count(AdviceLetter.id)).where(AdviceLetter.sent_at >= since,
                                                  AdviceLetter.sent_at < until)
    )  # fmt: skip
    if end < start:
        employed = []
    return ProgrammeReport(
        start=start, end=asked_end, people_employed=len(employed),
        jobs=sum((_jobs(p, start, end) for p in employed), Decimal(0)),
        outflow_to_work=sum(1 for p in employed
                            if p.end_reason in TO_WORK and p.ended_on and p.ended_on <= end),
        households_reached=reached or 0, conversations=conversations or 0,
        letters_sent=letters or 0,
        measures=_interest(session, since, until, end),
        made_on=clock.today(),
    )  # fmt: skip


def _interest(
    session: Session, since: dt.datetime, until: dt.datetime, end: dt.date
) -> list[MeasureInterest]:
    """Households (addresses) per measure and level; a household counts once per measure, at
    its latest visit in the period. The projection adds, for each interested household, what
    its own advice letter worked out for the measure (the latest letter of that visit)."""
    rows = session.execute(
        select(VisitInterest.measure_key, VisitInterest.level, Visit.address_id, Visit.id)
        .join(Visit, Visit.id == VisitInterest.visit_id)
        .where(Visit.visited_at >= since, Visit.visited_at < until, Visit.erased_at.is_(None),
               VisitInterest.level.in_((Interest.INTERESTED, Interest.MAYBE)))
        .order_by(Visit.visited_at, Visit.id)
    )  # fmt: skip
    latest: dict[tuple[str, int], tuple[Interest, int]] = {}
    for key, level, address_id, visit_id in rows:
        latest[(canonical_key(key), address_id)] = (level, visit_id)  # the later visit wins
    if not latest:
        return []
    interested_visits = {visit for level, visit in latest.values() if level is Interest.INTERESTED}
    figures = _letter_figures(session, interested_visits)
    keys = {key for key, _address in latest}
    measures = {m.key: m for m in session.scalars(select(Measure).where(Measure.key.in_(keys)))}
    totals: dict[str, dict[str, Any]] = {}
    for (key, _address), (level, visit) in latest.items():
        entry = totals.setdefault(key, {"interested": 0, "maybe": 0, "priced": 0, "eur": [],
                                        "co2": [], "gas": [], "kwh": []})  # fmt: skip
        if level is Interest.MAYBE:
            entry["maybe"] += 1
            continue
        entry["interested"] += 1
        found = figures.get(visit, {}).get(key)
        if found is None or found.get("eur_per_year") is None:
            continue
        entry["priced"] += 1
        for name, field_name in (("eur", "eur_per_year"), ("co2", "co2_kg_per_year"),
                                 ("gas", "gas_m3_per_year"), ("kwh", "kwh_per_year")):  # fmt: skip
            if found.get(field_name) is not None:
                entry[name].append(Decimal(str(found[field_name])))
    result = []
    for key, entry in totals.items():
        m = measures.get(key)
        result.append(MeasureInterest(
            key=key, name_nl=m.name_nl if m else key, name_en=m.name_en if m else key,
            interested=entry["interested"], maybe=entry["maybe"], priced=entry["priced"],
            eur_per_year=_sum(entry["eur"]), co2_kg_per_year=_sum(entry["co2"]),
            gas_m3_per_year=_sum(entry["gas"]), kwh_per_year=_sum(entry["kwh"]),
        ))  # fmt: skip
    return sorted(result, key=lambda m: (-m.interested, -m.maybe, m.key))


def _letter_figures(session: Session, visits: set[int]) -> dict[int, dict[str, dict[str, Any]]]:
    """Per visit, its latest letter's figures per measure (read a thousand letters at a time)."""
    found: dict[int, dict[str, dict[str, Any]]] = {}
    ids = sorted(visits)
    for first in range(0, len(ids), 1000):
        stmt = (
            select(AdviceLetter.visit_id, AdviceLetter.figures_snapshot)
            .where(AdviceLetter.visit_id.in_(ids[first : first + 1000]))
            .order_by(AdviceLetter.id)  # the latest version last
        )
        for visit_id, snapshot in session.execute(stmt):
            advised = ((snapshot or {}).get("advice") or {}).get("measures") or []
            found[visit_id] = {m["key"]: m for m in advised if isinstance(m, dict) and "key" in m}
    return found


def _sum(values: list[Decimal]) -> Decimal | None:
    return _whole(sum(values, Decimal(0))) if values else None


def _whole(value: Decimal) -> Decimal:
    return value.quantize(Decimal("1"), ROUND_HALF_UP)


PROJECTION_NOTE = _l(
    "A projection, not a result: what the interested households would save a year if each "
    "carried the measure out, at the figures of its own advice letter (the latest letter of "
    "its latest visit in the period). Households without a letter, or whose letter has no "
    "figure for the measure, are not in it."
)


def report_csv(report: ProgrammeReport, language: str = "nl") -> str:
    """The programme report for a spreadsheet: a header block (period, when made), the jobs
    and the neighbourhoods, then one row a measure with the projection labelled as one.
    Dutch: semicolons and decimal commas with a BOM (Dutch Excel); English: commas."""
    from flask_babel import force_locale
    from flask_babel import gettext as _

    nl = language == "nl"
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";" if nl else ",")

    def number(value: Decimal | None) -> str:
        if value is None:
            return ""
        return placement.decimal_comma(value) if nl else format(value, "f")

    name = "name_nl" if nl else "name_en"
    with force_locale(language):
        writer.writerow([_("Programme report"), "E-teams"])
        writer.writerow([_("Period"), report.start.isoformat(), report.end.isoformat()])
        writer.writerow([_("Made on"), (report.made_on or clock.today()).isoformat()])
        writer.writerow([])
        writer.writerow([_("Jobs")])
        writer.writerow([_("People employed"), report.people_employed])
        writer.writerow([_("Jobs by the banenafspraak (25.5 paid hours a week is one job, the "
                           "doelgroepregister only)"), number(report.jobs)])  # fmt: skip
        writer.writerow([_("Outflow to regular work"), report.outflow_to_work])
        writer.writerow([])
        writer.writerow([_("Neighbourhoods")])
        writer.writerow([_("Households reached (someone opened)"), report.households_reached])
        writer.writerow([_("Conversations"), report.conversations])
        writer.writerow([_("Advice letters sent"), report.letters_sent])
        writer.writerow([])
        writer.writerow([str(PROJECTION_NOTE)])
        writer.writerow([_("Measure"), _("Households interested"), _("Households maybe"),
                         _("Interested, with a figure in their letter"),
                         _("Projection: € a year"), _("Projection: m³ gas a year"),
                         _("Projection: kWh a year"), _("Projection: kg CO₂ a year")])  # fmt: skip
        for m in report.measures:
            writer.writerow([placement.safe_cell(getattr(m, name)), m.interested, m.maybe,
                             m.priced, number(m.eur_per_year), number(m.gas_m3_per_year),
                             number(m.kwh_per_year), number(m.co2_kg_per_year)])  # fmt: skip
        writer.writerow([])
        writer.writerow([_("All measures"), report.interested, "", report.priced,
                         number(report.eur_per_year), "", "",
                         number(report.co2_kg_per_year)])  # fmt: skip
    return out.getvalue()
