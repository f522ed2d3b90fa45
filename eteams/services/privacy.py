"""The household's rights (AVG): see everything we hold, have it erased; and retention.

Personal data of a household lives in its visits (contact details, free text, what the
household told us about itself), in its consents and in the figures snapshot of its advice
letters. Erasure removes all of that and keeps what reports count anonymously: that a door
was visited, the outcome, interest per measure, small measures installed.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from eteams.models import (
    Address,
    AdviceLetter,
    Campaign,
    ImportUpload,
    Job,
    Visit,
    VisitConsent,
    WalkList,
    WalkListStop,
)
from eteams.models.base import utcnow
from eteams.models.enums import JobKind, WalkListStatus
from eteams.services import audit
from eteams.services.addresses import household_visits

# Every visit column that holds personal data of the household (see docs/privacy.md).
VISIT_PERSONAL_FIELDS = (
    "contact_name",
    "contact_email",
    "contact_phone",
    "notes",
    "landlord",
    "language",
    "occupants",
    "tenure",
    "gas_m3_per_year",
    "kwh_per_year",
    "heating_age_years",
    "appointment_at",
    "follow_up_on",
)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if hasattr(value, "value"):
        return value.value
    return value


def export_household(session: Session, address: Address, *, actor_id: int | None) -> dict[str, Any]:
    """Everything held about the household at this address, as plain JSON-ready data. The
    export itself is audited here, for the printable page and the API alike."""
    audit.record(session, "household_exported", actor_id=actor_id, obj=address)
    visits = household_visits(session, address.id)
    letters = session.scalars(
        select(AdviceLetter).where(AdviceLetter.visit_id.in_([v.id for v in visits]))
    ).all()
    return {
        "address": {
            "id": address.id,
            "campaign": address.campaign.name,
            "street": address.street,
            "house_number": address.house_number,
            "house_letter": address.house_letter,
            "house_number_addition": address.house_number_addition,
            "postcode": address.postcode,
            "city": address.city,
            "lat": address.lat,
            "lon": address.lon,
            "building_year": address.building_year,
            "dwelling_type": _plain(address.dwelling_type),
            "energy_label": _plain(address.energy_label),
            "tenure": _plain(address.tenure),
            "do_not_visit": address.do_not_visit,
            "erased_at": _plain(address.erased_at),
        },
        "visits": [_visit_export(v) for v in visits],
        "advice_letters": [
            {
                "reference": letter.reference,
                "language": _plain(letter.language),
                "created_at": _plain(letter.created_at),
                "sent_at": _plain(letter.sent_at),
                "figures": letter.figures_snapshot,
            }
            for letter in letters
        ],
    }


def _visit_export(visit: Visit) -> dict[str, Any]:
    fields = (
        "outcome", "visited_at", "from_paper", "do_not_return", "dwelling_type",
        "building_year_class", "energy_label", "heating", *VISIT_PERSONAL_FIELDS,
    )  # fmt: skip
    data = {"uuid": str(visit.uuid), **{name: _plain(getattr(visit, name)) for name in fields}}
    data["coaches"] = [c.employee.first_name for c in visit.coaches]
    data["interests"] = {i.measure_key: _plain(i.level) for i in visit.interests}
    data["financing_interest"] = [f.financing_key for f in visit.financing_interests]
    data["small_measures"] = {m.measure_key: m.quantity for m in visit.small_measures}
    data["consents"] = {
        _plain(c.kind): {
            "given": c.given,
            "wording_version": c.wording_version,
            "on_paper": c.on_paper,  # given and signed on the paper walk sheet
            "recorded_at": _plain(c.recorded_at),
        }
        for c in visit.consents
    }
    return data


def erase_household(session: Session, address: Address, actor_id: int | None) -> None:
    """Remove the household's personal data; keep anonymous counts; never visit again."""
    visits = session.scalars(select(Visit).where(Visit.address_id == address.id)).all()
    for visit in visits:
        for name in VISIT_PERSONAL_FIELDS:
            setattr(visit, name, None)
        visit.erased_at = utcnow()
    visit_ids = [v.id for v in visits]
    if visit_ids:
        session.execute(delete(VisitConsent).where(VisitConsent.visit_id.in_(visit_ids)))
        for letter in session.scalars(
            select(AdviceLetter).where(AdviceLetter.visit_id.in_(visit_ids))
        ):
            letter.figures_snapshot = {"erased": True}
            letter.pdf = None  # the kept bytes hold the same personal data
    # Files kept on background jobs that may hold the household: the day's letters (any day)
    # and the campaign's walk sheets. They are made again on request, without it.
    session.execute(
        update(Job).where(
            Job.result.is_not(None),
            (Job.kind == JobKind.LETTERS)
            | ((Job.kind == JobKind.WALK_SHEETS) & (Job.campaign_id == address.campaign_id)),
        ).values(result=None)
    )  # fmt: skip
    address.do_not_visit = True
    address.erased_at = utcnow()
    # Off every list still to be walked: nobody knocks there again (a done list is history).
    open_stops = (
        select(WalkListStop.id)
        .join(WalkList)
        .where(WalkListStop.address_id == address.id, WalkList.status != WalkListStatus.DONE)
    )
    session.execute(delete(WalkListStop).where(WalkListStop.id.in_(open_stops)))
    audit.record(session, "household_erased", actor_id=actor_id, obj=address, visits=len(visits))
    session.flush()


def purge_expired(session: Session, today: date, retention_days: int) -> dict[str, int]:
    """Erase households of campaigns that ended more than ``retention_days`` ago, and drop
    address uploads older than a day."""
    cutoff = today - timedelta(days=retention_days)
    stale = session.scalars(
        select(Address)
        .join(Campaign)
        .where(Campaign.ends_on < cutoff, Address.erased_at.is_(None))
        .where(Address.id.in_(select(Visit.address_id)))
    ).all()
    for address in stale:
        erase_household(session, address, actor_id=None)
    uploads = session.execute(
        delete(ImportUpload).where(ImportUpload.created_at < utcnow() - timedelta(days=1))
    ).rowcount
    audit.record(session, "purge_expired", actor_id=None, households=len(stale), uploads=uploads)
    return {"households": len(stale), "uploads": uploads}
