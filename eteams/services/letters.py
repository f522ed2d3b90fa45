"""Advice letters: made once per visit and language from a snapshot of every figure, so the
same letter comes out again later (same bytes, same sha256) even after prices change."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
from decimal import Decimal
from enum import Enum
from typing import Any

from babel.dates import format_time as babel_format_time
from babel.lists import format_list
from babel.numbers import format_decimal
from flask_babel import force_locale, format_date
from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from eteams.documents.letter import LetterData, render
from eteams.models import AdviceLetter, Visit
from eteams.models.base import utcnow
from eteams.models.enums import Role
from eteams.services import advice as advice_service
from eteams.services import audit, clock
from eteams.services.errors import NotFound

SENDER = ["E-teams", "Energiecoaches in uw wijk", "info@e-teams.example.nl"]


class NoConsent(NotFound):
    """The household did not ask for a letter: there is none."""


def letter_for(
    session: Session, visit: Visit, language: str, today: dt.date | None = None
) -> tuple[AdviceLetter, bytes]:
    """The visit's letter in ``language``, made from its snapshot, so it comes out the same
    each time. A visit corrected since its snapshot gets a new letter: made again while the
    letter was not sent yet, a new version with its own number once it was (the sent one stays
    as it went out)."""
    if not advice_service.has_letter_consent(visit) or visit.erased_at is not None:
        raise NoConsent("no letter consent")
    stored = latest_letter(session, visit, language)
    fingerprint = visit_fingerprint(visit)
    if stored is not None and _still_fits(stored, fingerprint):
        return stored, render(letter_data(stored.figures_snapshot, language, stored.reference))
    snapshot = {
        **make_snapshot(session, visit, today or clock.today()),
        "visit_fingerprint": fingerprint,
    }
    if stored is not None and stored.sent_at is None:
        letter = stored  # not sent yet: the letter is made again, under the same number
    else:
        letter = AdviceLetter(visit_id=visit.id, language=language,
                              reference=_reference(session, visit, language))  # fmt: skip
        session.add(letter)
    pdf = render(letter_data(snapshot, language, letter.reference))
    letter.figures_snapshot = snapshot
    letter.sha256 = hashlib.sha256(pdf).hexdigest()
    session.flush()
    return letter, pdf


def latest_letter(session: Session, visit: Visit, language: str) -> AdviceLetter | None:
    return session.scalar(
        select(AdviceLetter)
        .where(AdviceLetter.visit_id == visit.id, AdviceLetter.language == language)
        .order_by(AdviceLetter.id.desc())
        .limit(1)
    )


def _still_fits(letter: AdviceLetter, fingerprint: str) -> bool:
    made_from = (letter.figures_snapshot or {}).get("visit_fingerprint")
    if made_from is None:  # made before letters carried their visit's fingerprint
        return letter.sent_at is not None
    return made_from == fingerprint


def _reference(session: Session, visit: Visit, language: str) -> str:
    """EB-<year>-<visit>-<language>, and -2, -3 … for the versions after a correction."""
    base = f"EB-{clock.local_day(visit.visited_at):%Y}-{visit.id:06d}-{language.upper()}"
    versions = session.scalar(
        select(func.count(AdviceLetter.id)).where(
            AdviceLetter.visit_id == visit.id, AdviceLetter.language == language
        )
    )
    return base if not versions else f"{base}-{versions + 1}"


def visit_fingerprint(visit: Visit) -> str:
    """A digest of everything a letter takes from the visit and its address (the price book
    is not in it: a letter stays as it was made when prices change)."""
    address = visit.address
    facts = {
        "visit": {name: _plain(getattr(visit, name)) for name in LETTER_VISIT_FIELDS},
        "interests": sorted([i.measure_key, _plain(i.level)] for i in visit.interests),
        "small": sorted([m.measure_key, m.quantity] for m in visit.small_measures),
        "financing": sorted(f.financing_key for f in visit.financing_interests),
        "coach": _coach_names(visit),
        "address": [_plain(getattr(address, name)) for name in LETTER_ADDRESS_FIELDS],
    }
    return hashlib.sha256(json.dumps(facts, sort_keys=True).encode()).hexdigest()


LETTER_VISIT_FIELDS = (
    "address_id", "outcome", "visited_at", "tenure", "landlord", "dwelling_type",
    "building_year_class", "occupants", "energy_label", "gas_m3_per_year", "kwh_per_year",
    "heating", "heating_age_years", "language", "appointment_at", "follow_up_on",
)  # fmt: skip
LETTER_ADDRESS_FIELDS = (
    "street", "house_label", "postcode", "city", "building_year", "dwelling_type",
    "energy_label", "tenure", "campaign_id",
)  # fmt: skip


def _plain(value: Any) -> Any:
    """JSON-safe and the same however the database hands the value back (an instant in UTC)."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    return value


def make_snapshot(session: Session, visit: Visit, today: dt.date) -> dict[str, Any]:
    address = visit.address
    names = _coach_names(visit)
    return {
        "advice": advice_service.snapshot(advice_service.advise(session, visit)),
        "recipient": {
            "street": f"{address.street} {address.house_label}",
            "postcode": address.postcode,
            "city": address.city,
        },  # fmt: skip
        "visit_date": clock.local_day(visit.visited_at).isoformat(),
        "coach": names[0] if names else None,  # what letters made before 2026-12 read
        "coach_names": names,
        "created_on": today.isoformat(),
        "appointment_at": visit.appointment_at.isoformat() if visit.appointment_at else None,
        "follow_up_on": visit.follow_up_on.isoformat() if visit.follow_up_on else None,
    }


def letter_to_send(session: Session, visit: Visit, language: str) -> AdviceLetter:
    """The letter that goes in the envelope: the version last made (printed or downloaded),
    as it was made; made now when there is none yet."""
    stored = latest_letter(session, visit, language)
    if stored is not None and visit.erased_at is None:
        return stored
    return letter_for(session, visit, language)[0]


def _coach_names(visit: Visit) -> list[str]:
    """Who the household spoke with, by first name: the coach who logged the visit; when a
    lead or an admin logged it for the pair, the pair. Never a login's name ("Admin") and
    never simply the first of the team (issue 15: the wrong coach was thanked)."""
    recorder = visit.recorded_by
    if recorder.role is Role.COACH and recorder.employee is not None:
        return [recorder.employee.first_name]
    return sorted({c.employee.first_name for c in visit.coaches})


def mark_sent(letter: AdviceLetter, user_id: int | None) -> None:
    letter.sent_at = utcnow()
    letter.sent_by_id = user_id


def _money(value: str | None, language: str) -> str:
    if value is None:
        return _("unknown")
    return "€ " + format_decimal(Decimal(value), format="#,##0", locale=language)


def _number(value: str | None, language: str, fmt: str = "#,##0") -> str:
    return (
        _("unknown")
        if value is None
        else format_decimal(Decimal(value), format=fmt, locale=language)
    )


def letter_data(snapshot: dict[str, Any], language: str, reference: str) -> LetterData:
    """Everything the letter says, from the snapshot only (never from today's prices)."""
    with force_locale(language):
        return _letter(snapshot, language, reference)


def _letter(snap: dict[str, Any], language: str, reference: str) -> LetterData:
    a = snap["advice"]
    name = "name_nl" if language == "nl" else "name_en"
    recipient = snap["recipient"]
    visit_date = format_date(dt.date.fromisoformat(snap["visit_date"]), "long")
    names = snap.get("coach_names", [snap["coach"]] if snap.get("coach") else [])
    if names:
        paragraphs = [_("On %(date)s you spoke with %(coach)s of the E-team at your door. Thank you for your time. "
                        "Below are the measures that fit your home, with what they cost and what they save.",
                        date=visit_date, coach=format_list(names, locale=language))]  # fmt: skip
    else:
        paragraphs = [_("On %(date)s you spoke with the E-team at your door. Thank you for your time. "
                        "Below are the measures that fit your home, with what they cost and what they save.",
                        date=visit_date)]  # fmt: skip
    if a["tenant"]:
        landlord = a["landlord"] or _("your landlord")
        paragraphs.append(_("You rent your home. The bigger measures are for %(landlord)s to decide: use this "
                            "letter to talk to them about it. The small measures you can take yourself.",
                            landlord=landlord))  # fmt: skip
    if a["household_gas_m3"] is not None or a["household_kwh"] is not None:
        paragraphs.append(_("You told us you use about %(gas)s m³ of gas and %(kwh)s kWh of electricity a year.",
                            gas=_number(_str(a["household_gas_m3"]), language),
                            kwh=_number(_str(a["household_kwh"]), language)))  # fmt: skip
    rows = [_row(m, name, language, a["tenant"]) for m in a["measures"]]
    prices = a["prices"] or {}
    note = _("All figures are indicative, with the year of their source in brackets. Savings are valued at "
             "%(gas)s per m³ of gas (price book of %(date)s). \"unknown\": our sources have no figure for it, "
             "and we do not guess.", gas=_money_exact(prices.get("gas_eur_per_m3"), language),
             date=prices.get("valid_from", "—"))  # fmt: skip
    return LetterData(
        language=language,
        title=_("Your personal energy advice"),
        reference=reference,
        date_text=format_date(dt.date.fromisoformat(snap["created_on"]), "long"),
        sender=[SENDER[0], _("Energy coaches in your neighbourhood"), SENDER[2]],
        recipient=[
            _("The residents of"),
            recipient["street"],  # drawn on the canvas as plain text
            f"{recipient['postcode']}  {recipient['city'].upper()}",
        ],
        opening=_("Dear residents,"),
        paragraphs=paragraphs,
        table_header=[
            _("Measure"),
            _("Investment"),
            _("Saves a year"),
            _("€ a year"),
            _("CO<sub>2</sub> kg a year"),
            _("Pays back in (years)"),
            _("Subsidy (ISDE)"),
        ],  # fmt: skip
        table_rows=rows,
        table_note=note,
        sections=_sections(snap, a, name, language),
        closing=[_("Kind regards,"), _("The E-team")],
        page_word=_("of"),
    )


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


def _money_exact(value: str | None, language: str) -> str:
    if value is None:
        return _("unknown")
    return "€ " + format_decimal(Decimal(value), format="#,##0.00", locale=language)


def _row(m: dict[str, Any], name: str, language: str, tenant: bool) -> list[str]:
    low, high = m["invest_min_eur"], m["invest_max_eur"]
    if low is None and high is None:
        invest = _("unknown")
    elif low == high or low is None or high is None:
        invest = _money(low or high, language)
    else:
        invest = f"{_money(low, language)} – {_money(high, language)}"
    saves = []
    if m["gas_m3_per_year"] is not None:
        saves.append(f"{_number(m['gas_m3_per_year'], language)} m³ " + _("gas"))
    if m["kwh_per_year"] is not None:
        saves.append(f"{_number(m['kwh_per_year'], language)} kWh")
    if tenant or (m["subsidy_eur"] is None and m["subsidy_eur_per_m2"] is None):
        subsidy = "—"
    elif m["subsidy_eur"] is not None:
        subsidy = _money(m["subsidy_eur"], language)
    else:
        subsidy = _money_exact(m["subsidy_eur_per_m2"], language) + " " + _("per m²")
    year = f" ({m['source_year']})" if m["source_year"] else ""
    return [
        m[name] + year,
        invest,
        ", ".join(saves) or _("unknown"),
        _money(m["eur_per_year"], language),
        _number(m["co2_kg_per_year"], language),
        _number(m["payback_years"], language, "#,##0.0"),
        subsidy,
    ]


def _sections(
    snap: dict[str, Any], a: dict[str, Any], name: str, language: str
) -> list[tuple[str, list[str]]]:
    sections: list[tuple[str, list[str | tuple[str, str]]]] = []
    if a["small_installed"]:
        sections.append((_("Already done at the door"), [
            f"{s['quantity']} × {s[name]}" for s in a["small_installed"]]))  # fmt: skip
    if a["two_measure_rule"]:
        sections.append((_("Two measures, twice the subsidy"), [_(
            "When you take two insulation measures, or insulation and a heat pump, within 24 months, ISDE "
            "pays twice the amount per m² for the insulation. The amounts above already count on that.")]))  # fmt: skip
    if a["financing"]:
        key = "description_nl" if language == "nl" else "description_en"
        sections.append((_("Paying for it"), [
            (f[name], f" ({f['source_year']}): {f[key]}") for f in a["financing"]]))  # fmt: skip
    steps = []
    if snap.get("appointment_at"):
        # The day and the time, on Amsterdam's clock (issue 15: the time was dropped).
        when = dt.datetime.fromisoformat(snap["appointment_at"]).astimezone(clock.LOCAL)
        steps.append(
            _(
                "We made an appointment with you on %(date)s at %(time)s.",
                date=format_date(when.date(), "long"),
                time=babel_format_time(when.time(), "short", locale=language),
            )
        )
    if snap.get("follow_up_on"):
        steps.append(
            _(
                "We will come back around %(date)s.",
                date=format_date(dt.date.fromisoformat(snap["follow_up_on"]), "long"),
            )
        )
    steps.append(
        _(
            "Questions? Mail us at %(mail)s or ask the E-team when they are in your street.",
            mail=SENDER[2],
        )
    )
    sections.append((_("Next steps"), steps))
    sections.append((_("How to choose a contractor"), [
        _("Ask at least two companies for a quote, for the same work and materials."),
        _("Choose a company with a quality mark and check reviews from people in your area."),
        _("Check that the quote mentions the insulation value (Rd or U) needed for the ISDE subsidy."),
    ]))  # fmt: skip
    sections.append((_("Your privacy"), [_(
        "The E-teams programme keeps your answers to make this advice, because you agreed to it at the door. "
        "We keep them until at most one year after the campaign in your neighbourhood and share them with no "
        "one. You may see, correct or have your data erased, and withdraw your consent, by mailing %(mail)s. "
        "You can also complain to the Autoriteit Persoonsgegevens.", mail=SENDER[2])]))  # fmt: skip
    return sections


def visits_with_letter_consent(session: Session, day: dt.date) -> list[Visit]:
    """The day's conversations whose household asked for a letter (and was not erased)."""
    from eteams.models import VisitConsent
    from eteams.models.enums import ConsentKind, Outcome

    start, end = clock.days_span(day, day)
    stmt = (
        select(Visit)
        .join(VisitConsent)
        .where(
            Visit.outcome == Outcome.CONVERSATION,
            Visit.erased_at.is_(None),
            VisitConsent.kind == ConsentKind.ADVICE_LETTER,
            VisitConsent.given,
            Visit.visited_at >= start,
            Visit.visited_at < end,
        )
        .order_by(Visit.visited_at, Visit.id)
    )
    return list(session.scalars(stmt))


def language_for(visit: Visit) -> str:
    return visit.address.campaign.letter_language.value


def day_bundle(
    session: Session, day: dt.date, visits: list[Visit] | None = None, *, actor_id: int | None
) -> tuple[bytes, int]:
    """One PDF of the day's letters for printing (missing letters are made first). Audited
    here, for the letter register and the CLI alike.

    Printed on both sides, a letter of an odd number of pages would put the next household's
    letter on its back, and into its envelope: each letter gets a blank back page where needed,
    so every letter starts on a front page."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    count = 0
    for visit in visits if visits is not None else visits_with_letter_consent(session, day):
        _letter, pdf = letter_for(session, visit, language_for(visit))
        writer.append(io.BytesIO(pdf))
        if len(writer.pages) % 2:
            last = writer.pages[-1].mediabox
            writer.add_blank_page(width=last.width, height=last.height)
        count += 1
    audit.record(session, "letters_printed", actor_id=actor_id, letters=count)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), count
