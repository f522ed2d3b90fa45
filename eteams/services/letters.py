"""Advice letters: made once per visit and language from a snapshot of every figure, so the
same letter comes out again later (same bytes, same sha256) even after prices change."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased, selectinload

from eteams.documents.letter import render
from eteams.models import Address, AdviceLetter, Visit
from eteams.models.base import utcnow
from eteams.models.enums import Language, Outcome, ReviewReason, Role
from eteams.services import advice as advice_service
from eteams.services import audit, catalogue, clock
from eteams.services.errors import NotFound
from eteams.services.letter_text import letter_data


class NoConsent(NotFound):
    """The household did not ask for a letter: there is none."""


def letter_for(
    session: Session,
    visit: Visit,
    language: str,
    today: dt.date | None = None,
    catalogue_digest: str | None = None,
) -> tuple[AdviceLetter, bytes]:
    """The visit's letter in ``language``, made from its snapshot, so it comes out the same
    each time. A visit corrected since its snapshot gets a new letter: made again while the
    letter was not sent yet, a new version with its own number once it was (the sent one stays
    as it went out). A letter printed or downloaded but not marked as sent may be on paper
    already: a correction makes a new version too, so two papers never share a number."""
    if not advice_service.has_letter_consent(visit) or visit.erased_at is not None:
        raise NoConsent("no letter consent")
    stored = latest_letter(session, visit, language)
    fingerprint = visit_fingerprint(visit)
    prices = prices_fingerprint(session, visit, catalogue_digest)
    if stored is not None and why_outdated(stored, visit, prices) is None:
        return stored, stored_pdf(stored)
    snapshot = {
        **make_snapshot(session, visit, today or clock.today()),
        "visit_fingerprint": fingerprint,
        "prices_fingerprint": prices,
    }
    replaced = replaced_letter(session, visit)
    if replaced is not None:  # the household may hold it: this one says it takes its place
        snapshot["replaces"] = {"reference": replaced.reference, "date": _letter_day(replaced)}
    if stored is not None and stored.issued_at is None and stored.sent_at is None:
        letter = stored  # never left the system: made again, under the same number
    else:
        letter = AdviceLetter(visit_id=visit.id, language=language,
                              reference=_reference(session, visit, language))  # fmt: skip
        session.add(letter)
    pdf = render(letter_data(snapshot, language, letter.reference))
    letter.figures_snapshot = snapshot
    letter.sha256 = hashlib.sha256(pdf).hexdigest()
    letter.pdf = pdf
    session.flush()
    return letter, pdf


def _letter_day(letter: AdviceLetter) -> str:
    """The date the letter carries at its top (a letter made before snapshots kept it: the
    day it was printed)."""
    made_on = (letter.figures_snapshot or {}).get("created_on")
    return made_on or clock.local_day(letter.issued_at).isoformat()


def stored_pdf(letter: AdviceLetter) -> bytes:
    """The letter as it was made: its kept bytes; a letter made before they were kept is
    made again from its snapshot."""
    if letter.pdf is not None:
        return letter.pdf
    return render(letter_data(letter.figures_snapshot, letter.language.value, letter.reference))


def latest_letter(session: Session, visit: Visit, language: str) -> AdviceLetter | None:
    return session.scalar(
        select(AdviceLetter)
        .where(AdviceLetter.visit_id == visit.id, AdviceLetter.language == language)
        .order_by(AdviceLetter.id.desc())
        .limit(1)
    )


# Why a letter no longer says what it would say now (``why_outdated``); each its own words.
VISIT_CORRECTED = "visit"  # the coach or the lead corrected the visit
PRICES_CHANGED = "prices"  # the price book of the visit's day: corrected, back-dated, removed
CATALOGUE_CORRECTED = "catalogue"  # a measure's figures or the financing rules
FIGURES_CHANGED = "figures"  # prices or catalogue: a letter made before they were told apart
MADE_BEFORE_FINGERPRINTS = "old"  # made before letters recorded what they were made from


def why_outdated(letter: AdviceLetter, visit: Visit, prices: dict[str, Any]) -> str | None:
    """None while the letter says what a letter made now would say; else why not. A sent
    letter stays as it went out unless the visit was corrected. A letter not sent yet also
    follows the prices of the visit's day: a book corrected, removed (a wrong date) or added
    from a date on or before the visit (back-dated: its prices were the ones in force), and
    the catalogue corrected. A book from a later date does not touch it."""
    snapshot = letter.figures_snapshot or {}
    made_from = snapshot.get("visit_fingerprint")
    if made_from is None:  # made before letters carried their visit's fingerprint
        return None if letter.sent_at is not None else MADE_BEFORE_FINGERPRINTS
    if made_from != visit_fingerprint(visit) and made_from != visit_fingerprint(visit, legacy=True):
        return VISIT_CORRECTED
    made_with = snapshot.get("prices_fingerprint")
    if letter.sent_at is not None or not isinstance(made_with, dict):
        return None
    if made_with.get("book") != prices["book"]:
        return PRICES_CHANGED
    if made_with.get("digest") == prices["digest"]:
        return None
    if "catalogue" not in made_with:
        return FIGURES_CHANGED
    if made_with.get("book_digest") != prices["book_digest"]:
        return PRICES_CHANGED
    return CATALOGUE_CORRECTED


def prices_fingerprint(
    session: Session, visit: Visit, catalogue_digest: str | None = None
) -> dict[str, Any]:
    """Which price book the visit's advice uses (the one in force on its day), and a digest
    of what it and the catalogue say (a measure's figures, the financing rules): an admin's
    correction of either reaches the letters not sent yet. A day's bundle reads the catalogue
    once (``catalogue_digest``), not once per letter."""
    book = catalogue.price_book_on(session, clock.local_day(visit.visited_at))
    names = ("valid_from", *catalogue.PRICE_LIMITS, "source")  # the letter names the source too
    values: list[Any] = [] if book is None else [str(getattr(book, name)) for name in names]
    measures = catalogue_digest or catalogue_fingerprint(session)
    return {
        "book": book.id if book is not None else None,
        "digest": _digest([*values, measures]),  # both: what letters made before 2026-12-05 hold
        "book_digest": _digest(values),  # each on its own: the register says which changed
        "catalogue": measures,
    }


def _digest(values: list[Any]) -> str:
    return hashlib.sha256(json.dumps(values, sort_keys=True, default=str).encode()).hexdigest()


def catalogue_fingerprint(session: Session) -> str:
    """A digest of the measures and financing rules the advice is made from."""
    from eteams.models import FinancingOption, Measure

    values = [
        [list(row) for row in session.execute(
            select(Measure.key, Measure.active, Measure.name_nl, Measure.name_en, Measure.figures)
            .order_by(Measure.key))],
        [list(row) for row in session.execute(
            select(FinancingOption.key, FinancingOption.active, FinancingOption.rules)
            .order_by(FinancingOption.key))],
    ]  # fmt: skip
    return hashlib.sha256(json.dumps(values, sort_keys=True, default=str).encode()).hexdigest()


def _reference(session: Session, visit: Visit, language: str) -> str:
    """EB-<year>-<visit>-<language>, and -2, -3 … for the versions after a correction."""
    base = f"EB-{clock.local_day(visit.visited_at):%Y}-{visit.id:06d}-{language.upper()}"
    versions = session.scalar(
        select(func.count(AdviceLetter.id)).where(
            AdviceLetter.visit_id == visit.id, AdviceLetter.language == language
        )
    )
    return base if not versions else f"{base}-{versions + 1}"


def visit_fingerprint(visit: Visit, *, legacy: bool = False) -> str:
    """A digest of everything a letter takes from the visit and its address (the price book
    has its own, ``prices_fingerprint``: a sent letter stays as it was made). Which language
    the household reads is not in it: the Dutch letter says the same whichever the household
    chose (``legacy``: the digest letters made before 2026-12-04 carry, with the language)."""
    address = visit.address
    fields = LETTER_VISIT_FIELDS if legacy else [
        n for n in LETTER_VISIT_FIELDS if n not in ("language", "letter_language")]  # fmt: skip
    facts = {
        "visit": {
            name: _plain(getattr(visit, name))
            for name in fields
            if name not in ADDED_FIELDS or getattr(visit, name) is not None
        },
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
# Fields added since letters carried a fingerprint: they count only once set, so a letter made
# before stays the letter of its visit.
ADDED_FIELDS = ("letter_language", "glazing", "wall_insulated", "roof_insulated", "floor_insulated")
LETTER_VISIT_FIELDS += ADDED_FIELDS
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
            "street": address.street_line,
            "postcode": address.postcode,
            "city": address.city,
        },  # fmt: skip
        "visit_date": clock.local_day(visit.visited_at).isoformat(),
        "coach": names[0] if names else None,  # what letters made before 2026-12 read
        "coach_names": names,
        "created_on": today.isoformat(),
        "appointment_at": visit.appointment_at.isoformat() if visit.appointment_at else None,
        "follow_up_on": visit.follow_up_on.isoformat() if visit.follow_up_on else None,
        "sender": sender(),
    }


def sender() -> dict[str, Any]:
    """The letter's sender, from the configuration; kept in the snapshot, so a letter made
    again reads as it went out even after the office moved."""
    from flask import current_app

    config = current_app.config
    return {
        "name": config["LETTER_SENDER_NAME"],
        "address": [line.strip() for line in config["LETTER_SENDER_ADDRESS"].split("|")
                    if line.strip()],
        "phone": config["LETTER_SENDER_PHONE"],
        "email": config["LETTER_SENDER_EMAIL"],
        "website": config["LETTER_SENDER_WEBSITE"],
        "kvk": config["LETTER_SENDER_KVK"],
        "signatory": config["LETTER_SIGNATORY"],
        "logo": config["LETTER_LOGO"],
        "municipality_line": config["LETTER_MUNICIPALITY_LINE"],
    }  # fmt: skip


def prices_in_force(session: Session, day: dt.date) -> bool:
    """A price book is in force on the day (one from that day or before): else its letters
    give no saving in euros, say so, and the lead is told before printing."""
    return catalogue.price_book_on(session, day) is not None


def sender_gaps() -> list[str]:
    """What a household would miss in the sender block as configured: the lead sees it before
    printing (a household must see who writes and how to reach them)."""
    from flask_babel import gettext as _

    s = sender()
    gaps = []
    if not s["address"]:
        gaps.append(_("no postal address"))
    if not s["phone"] and (not s["email"] or s["email"].endswith(".example.nl")):
        gaps.append(_("no phone number or real e-mail address"))
    elif s["email"].endswith(".example.nl"):
        gaps.append(_("the e-mail address is the example one"))
    return gaps


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


@dataclass(frozen=True)
class RegisterRow:
    """One household of a day's register: the letter that goes (or went) in its envelope."""

    visit: Visit
    language: str  # the household's
    # The letter printed (or sent) last in the household's language; failing that, the one
    # printed last in another (the language was changed after printing); failing that, the
    # one made last in the household's language; None: none made yet.
    letter: AdviceLetter | None
    # Why the paper no longer says what the letter would say now (``why_outdated``: the visit
    # corrected, or for a letter not sent its prices or catalogue): a new version is due.
    # None: it still fits, or it was not printed yet (it is made again when printed).
    why_outdated: str | None = None
    versions: tuple[AdviceLetter, ...] = ()  # every letter of the visit, oldest first
    # Doubts about the visit (or, for a second conversation, about the door's day) that the
    # lead has not checked yet: the letter waits for that check, and is printed after it.
    held: tuple[ReviewReason, ...] = ()

    @property
    def outdated(self) -> bool:
        return self.why_outdated is not None

    @property
    def printed(self) -> bool:
        return self.letter is not None and self.letter.issued_at is not None

    @property
    def sent(self) -> bool:
        return self.letter is not None and self.letter.sent_at is not None

    @property
    def due(self) -> bool:
        """In the day's bundle: not sent yet, or sent before the visit was corrected; never
        while the lead still has to check the visit."""
        return not self.held and (not self.sent or self.outdated)

    @property
    def state(self) -> str:
        """held (waiting for the lead's check), not_made, made, printed, sent, or outdated
        (printed, then corrected)."""
        if self.held:
            return "held"
        if self.letter is None:
            return "not_made"
        if self.outdated:
            return "outdated"
        return "sent" if self.sent else "printed" if self.printed else "made"


def register(session: Session, day: dt.date) -> list[RegisterRow]:
    """The day's register: each household that asked for a letter, with its letter and
    whether the paper still says what the visit says (one query for the letters)."""
    visits = visits_with_letter_consent(session, day)
    printed: dict[int, AdviceLetter] = {}  # the letter printed last, in any language
    by_language: dict[tuple[int, str], AdviceLetter] = {}  # the latest in each language
    printed_in: dict[tuple[int, str], AdviceLetter] = {}  # ... of those printed
    versions: dict[int, list[AdviceLetter]] = {}
    for letter in session.scalars(
        select(AdviceLetter).where(AdviceLetter.visit_id.in_([v.id for v in visits]))
        .order_by(AdviceLetter.id)
    ):  # fmt: skip
        key = (letter.visit_id, letter.language.value)
        by_language[key] = letter
        versions.setdefault(letter.visit_id, []).append(letter)
        if letter.issued_at is not None:
            printed_in[key] = letter
            if (
                letter.visit_id not in printed
                or letter.issued_at >= printed[letter.visit_id].issued_at
            ):
                printed[letter.visit_id] = letter
    # One day's visits: one price book and one catalogue, read once for all of them.
    prices = prices_fingerprint(session, visits[0]) if printed else None
    held = _open_doubts(session, visits, day)
    rows = []
    for visit in visits:
        language = language_for(visit)
        letter = (printed_in.get((visit.id, language)) or printed.get(visit.id)
                  or by_language.get((visit.id, language)))  # fmt: skip
        why = (
            why_outdated(letter, visit, prices)
            if prices is not None and letter is not None and letter.issued_at is not None
            else None
        )
        rows.append(RegisterRow(visit, language, letter, why, tuple(versions.get(visit.id, ())),
                                held=held.get(visit.id, ())))  # fmt: skip
    return rows


def held(session: Session, visit: Visit) -> bool:
    """Whether the visit's letter waits for the lead's check (see ``RegisterRow.held``)."""
    return bool(_open_doubts(session, [visit], clock.local_day(visit.visited_at)))


def _open_doubts(session: Session, visits: list[Visit], day: dt.date) -> dict[int, tuple]:
    """Per visit of the register, the reasons the lead has not checked yet: its own, and a
    second conversation at its door that day raised on the other visit (either may be the
    one that came in second)."""
    from eteams.models import VisitReview

    if not visits:
        return {}
    start, end = clock.days_span(day, day)
    doors = {v.address_id: v.id for v in visits}
    ids = set(doors.values())
    found: dict[int, list[ReviewReason]] = {}
    for visit_id, address_id, reason in session.execute(
        select(VisitReview.visit_id, Visit.address_id, VisitReview.reason)
        .join(Visit, Visit.id == VisitReview.visit_id)
        .where(VisitReview.reviewed_at.is_(None), Visit.address_id.in_(doors),
               Visit.visited_at >= start, Visit.visited_at < end)
        .order_by(VisitReview.id)
    ):  # fmt: skip
        mine = visit_id in ids
        if mine or reason is ReviewReason.SECOND_CONVERSATION:
            key = visit_id if mine else doors[address_id]
            if reason not in found.setdefault(key, []):
                found[key].append(reason)
    return {k: tuple(v) for k, v in found.items()}


def mark_day_sent(session: Session, day: dt.date, user_id: int | None) -> tuple[int, int, int]:
    """ "Mark all as sent" for a day: the letter of each household that was printed and not
    yet sent (see ``RegisterRow.letter`` for which). A letter nobody printed (a visit that came
    in after the bundle, a language changed since) is in no envelope; a letter printed before
    the visit was corrected says what the coach corrected: neither is marked, and each is
    counted so the lead prints the new one. Returns (marked, not printed, out of date)."""
    marked = not_printed = outdated = 0
    for row in register(session, day):
        if not row.printed or (row.held and row.letter.sent_at is None):
            not_printed += 1  # held for the lead's check: it goes out once that is done
        elif row.letter.sent_at is not None:
            continue
        elif row.outdated:
            outdated += 1
        else:
            mark_sent(row.letter, user_id)
            marked += 1
    return marked, not_printed, outdated


def mark_issued(letter: AdviceLetter) -> None:
    """The letter left the system (printed or downloaded): from now on a correction makes a
    new version under its own reference."""
    if letter.issued_at is None:
        letter.issued_at = utcnow()


def mark_sent(letter: AdviceLetter, user_id: int | None) -> None:
    mark_issued(letter)
    letter.sent_at = utcnow()
    letter.sent_by_id = user_id


def visits_with_letter_consent(session: Session, day: dt.date) -> list[Visit]:
    """The day's conversations whose household asked for a letter (and was not erased): one
    a door, the latest, so a household talked to twice gets one letter (the earlier visit
    stays stored, and the visits service put the second before the lead)."""
    from eteams.models import User, VisitCoach, VisitConsent
    from eteams.models.enums import ConsentKind

    start, end = clock.days_span(day, day)
    stmt = (
        select(Visit)
        .join(VisitConsent)
        .where(
            _conversation_between(Visit, start, end),
            ~_later_conversation(Visit, start, end).exists(),
            VisitConsent.kind == ConsentKind.ADVICE_LETTER,
            VisitConsent.given,
        )
        .order_by(Visit.visited_at, Visit.id)
        # language_for reads the campaign, the fingerprint the rest: loaded with the visits
        .options(
            selectinload(Visit.address).selectinload(Address.campaign),
            selectinload(Visit.interests),
            selectinload(Visit.small_measures),
            selectinload(Visit.financing_interests),
            selectinload(Visit.coaches).selectinload(VisitCoach.employee),
            selectinload(Visit.recorded_by).selectinload(User.employee),
        )
    )
    return list(session.scalars(stmt))


def _conversation_between(visit: Any, start: dt.datetime, end: dt.datetime) -> Any:
    return (
        (visit.outcome == Outcome.CONVERSATION)
        & visit.erased_at.is_(None)
        & (visit.visited_at >= start)
        & (visit.visited_at < end)
    )


def _later_conversation(visit: Any, start: dt.datetime, end: dt.datetime) -> Any:
    """A conversation at the visit's door later on the same day (the later id at one time)."""
    later = aliased(Visit)
    return select(later.id).where(
        _conversation_between(later, start, end),
        later.address_id == visit.address_id,
        (later.visited_at > visit.visited_at)
        | ((later.visited_at == visit.visited_at) & (later.id > visit.id)),
    )


def replaced_letter(session: Session, visit: Visit) -> AdviceLetter | None:
    """The letter that may be on paper with the household already, which a letter made now
    replaces (one made now was never printed): the one printed (or sent) last of this visit,
    or of an earlier conversation at the door that day, in any language."""
    day = clock.local_day(visit.visited_at)
    start, end = clock.days_span(day, day)
    earlier = aliased(Visit)
    before = select(earlier.id).where(
        _conversation_between(earlier, start, end),
        earlier.address_id == visit.address_id,
        (earlier.visited_at < visit.visited_at)
        | ((earlier.visited_at == visit.visited_at) & (earlier.id < visit.id)),
    )
    stmt = (
        select(AdviceLetter)
        .where(AdviceLetter.visit_id.in_(before) | (AdviceLetter.visit_id == visit.id),
               AdviceLetter.issued_at.is_not(None))
        .order_by(AdviceLetter.issued_at.desc(), AdviceLetter.id.desc())
    )  # fmt: skip
    return session.scalar(stmt.limit(1))


# What a coach may type under "Language spoken", for the languages we write letters in.
SPOKEN = {
    Language.NL: {"nl", "nederlands", "dutch", "néerlandais", "hollands"},
    Language.EN: {"en", "english", "engels", "eng", "anglais", "englisch", "inglés", "ingles"},
}


def language_for(visit: Visit) -> str:
    """The household's own choice; else the language they speak, when we write letters in it
    (a household that speaks English reads an English letter); else the campaign's."""
    if visit.letter_language:
        return visit.letter_language.value
    # The first language named decides: "Engels (beetje Nederlands)", "en-GB", "Eng." → en;
    # "Nederlands en Engels" → nl; "en" later on is Dutch for "and" ("Turks en Nederlands").
    for n, word in enumerate(re.findall(r"[^\W\d_]+", (visit.language or "").casefold())):
        if word == "en" and n:
            continue
        for language, names in SPOKEN.items():
            if word in names:
                return language.value
    return visit.address.campaign.letter_language.value


def day_bundle(
    session: Session,
    day: dt.date,
    visits: list[Visit] | None = None,
    *,
    actor_id: int | None,
    include_sent: bool = False,
    on_letter: Callable[[int, int], None] | None = None,
    printing: bool = True,
) -> tuple[bytes, int]:
    """One PDF of the day's letters for printing: those not sent yet (made first where
    missing), and a new version where a sent one's visit was corrected since. A letter
    already sent is left out, unless ``include_sent`` (a reprint): then it comes out as it
    went out, and its first printing and sending stay as recorded. Audited here, for the
    letter register and the CLI alike.

    Only printing (the register's print button, its job, the command line) records the letters
    as printed; ``printing=False`` is a look at the bundle (a link opened, or previewed by a
    mail or chat program): the same PDF, audited as viewed, and no letter counts as printed, so
    "mark all as sent" still asks for the print.

    Printed on both sides, a letter of an odd number of pages would put the next household's
    letter on its back, and into its envelope: each letter gets a blank back page where needed,
    so every letter starts on a front page."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    count = reprinted = 0
    digest = catalogue_fingerprint(session)
    rows = {row.visit.id: row for row in register(session, day)}
    chosen = visits if visits is not None else [row.visit for row in rows.values()]
    for n, visit in enumerate(chosen):
        if on_letter is not None:  # (letters so far, of how many): a job's progress
            on_letter(n, len(chosen))
        row = rows.get(visit.id)
        if row is not None and row.held:  # the lead checks the visit first, reprint or not
            continue
        if row is not None and not row.due:  # sent, and still what the visit says
            if not include_sent:
                continue
            pdf = stored_pdf(row.letter)  # as it went out; nothing recorded changes
            reprinted += 1
        else:
            letter, pdf = letter_for(session, visit, language_for(visit), catalogue_digest=digest)
            if printing:
                mark_issued(letter)
        writer.append(io.BytesIO(pdf))
        if len(writer.pages) % 2:
            last = writer.pages[-1].mediabox
            writer.add_blank_page(width=last.width, height=last.height)
        count += 1
    again = {"reprinted": reprinted} if include_sent else {}  # how many had been sent
    action = "letters_printed" if printing else "letters_viewed"
    audit.record(session, action, actor_id=actor_id, letters=count, **again)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), count


def printed_with_other_prices(session: Session, since: dt.date) -> int:
    """How many letters printed and not sent, of visits from ``since`` on, no longer carry the
    prices now in force on their visit's day: the admin is told when saving a price book (the
    lead finds them marked in the register; letters sent keep their figures)."""
    start, _end = clock.days_span(since, since)
    stmt = (
        select(AdviceLetter)
        .join(Visit, Visit.id == AdviceLetter.visit_id)
        .where(Visit.visited_at >= start, Visit.erased_at.is_(None),
               AdviceLetter.issued_at.is_not(None), AdviceLetter.sent_at.is_(None))
        .options(selectinload(AdviceLetter.visit))
    )  # fmt: skip
    latest: dict[tuple[int, str], AdviceLetter] = {}  # a version superseded is on no envelope
    for letter in session.scalars(stmt.order_by(AdviceLetter.id)):
        latest[(letter.visit_id, letter.language.value)] = letter
    digest = catalogue_fingerprint(session)
    return sum(
        1
        for letter in latest.values()
        if why_outdated(letter, letter.visit, prices_fingerprint(session, letter.visit, digest))
        == PRICES_CHANGED
    )
