"""The programme report for the coordinator: what the jobs and the neighbourhood gained,
across employers and campaigns, for a period (both days included)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from eteams.models import AdviceLetter, Employee, Measure, Visit, VisitInterest
from eteams.models.enums import Interest, Outcome
from eteams.services import clock, placement
from eteams.services.advice import worth
from eteams.services.catalogue import price_book_on
from eteams.services.placement import TO_WORK
from eteams.services.progress import CONTACT


@dataclass(frozen=True)
class MeasureInterest:
    key: str
    name_nl: str
    name_en: str
    interested: int
    maybe: int
    eur_per_year: Decimal | None  # if every interested household follows through
    co2_kg_per_year: Decimal | None


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

    @property
    def eur_per_year(self) -> Decimal:
        """Known figures only; measures whose saving has no price are left out (shown as —)."""
        return sum((m.eur_per_year for m in self.measures if m.eur_per_year), Decimal(0))

    @property
    def co2_kg_per_year(self) -> Decimal:
        return sum((m.co2_kg_per_year for m in self.measures if m.co2_kg_per_year), Decimal(0))


def _jobs(p: Employee, start: dt.date, end: dt.date) -> Decimal:
    """The banenafspraak rule, as in the placement report."""
    paid = placement.paid_hours(p, max(start, p.hired_on), min(end, p.ended_on or end))
    return placement.jobs(p, paid, start, end)


def programme_report(session: Session, start: dt.date, end: dt.date) -> ProgrammeReport:
    since, until = clock.days_span(start, end)
    employed = list(session.scalars(select(Employee).where(
        Employee.hired_on <= end, (Employee.ended_on.is_(None)) | (Employee.ended_on >= start)
    )))  # fmt: skip
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
    return ProgrammeReport(
        start=start, end=end, people_employed=len(employed),
        jobs=sum((_jobs(p, start, end) for p in employed), Decimal(0)),
        outflow_to_work=sum(1 for p in employed
                            if p.end_reason in TO_WORK and p.ended_on and p.ended_on <= end),
        households_reached=reached or 0, conversations=conversations or 0,
        letters_sent=letters or 0,
        measures=_interest(session, since, until, end),
    )  # fmt: skip


def _interest(
    session: Session, since: dt.datetime, until: dt.datetime, end: dt.date
) -> list[MeasureInterest]:
    """Households (addresses) per measure and level; a household counts once per measure."""
    rows = session.execute(
        select(VisitInterest.measure_key, VisitInterest.level,
               func.count(distinct(Visit.address_id)))
        .join(Visit, Visit.id == VisitInterest.visit_id)
        .where(Visit.visited_at >= since, Visit.visited_at < until,
               VisitInterest.level.in_((Interest.INTERESTED, Interest.MAYBE)))
        .group_by(VisitInterest.measure_key, VisitInterest.level)
    )  # fmt: skip
    counts: dict[str, dict[Interest, int]] = {}
    for key, level, households in rows:
        counts.setdefault(key, {})[level] = households
    if not counts:
        return []
    measures = {m.key: m for m in session.scalars(select(Measure).where(Measure.key.in_(counts)))}
    book = price_book_on(session, end)
    result = []
    for key, levels in counts.items():
        m, n = measures[key], levels.get(Interest.INTERESTED, 0)
        gas = m.gas_m3_saved_per_year
        kwh = m.kwh_saved_per_year
        eur = co2 = None
        if book is not None:
            eur = worth(gas, kwh, book.gas_eur_per_m3, book.electricity_eur_per_kwh)
            co2 = worth(gas, kwh, book.co2_kg_per_m3_gas, book.co2_kg_per_kwh)
        result.append(MeasureInterest(
            key=key, name_nl=m.name_nl, name_en=m.name_en, interested=n,
            maybe=levels.get(Interest.MAYBE, 0),
            eur_per_year=_whole(eur * n) if eur is not None else None,
            co2_kg_per_year=_whole(co2 * n) if co2 is not None else None,
        ))  # fmt: skip
    return sorted(result, key=lambda m: (-m.interested, -m.maybe, m.key))


def _whole(value: Decimal) -> Decimal:
    return value.quantize(Decimal("1"), ROUND_HALF_UP)
