"""The printed walk sheet: a paper backup a pair can use in the rain (issue 17).

Read back from the PDF: a header with team and day on every page, 10-point text and strong
lines in the door table, the house number in its own column, street names on the sketch, the
last outcome and appointments per door and never a household's personal data, the blank
conversation forms, and every list of a day in one PDF starting on a front page.
"""

from __future__ import annotations

import io
import itertools
import math
import re
import uuid
from datetime import UTC, datetime, time, timedelta

import numpy as np
import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream
from sqlalchemy import event

from eteams.documents import walk_sheet
from eteams.documents.walk_sketch import DOT_GAP, DOT_R, spread
from eteams.models import Visit, WalkList, WalkListStop
from eteams.models.enums import Outcome
from eteams.services import catalogue, planning
from eteams.services.consents import CONSENT_TEXTS, WORDING_VERSION
from eteams.services.walk_sheets import walk_sheets_data
from tests import factories, hostile
from tests.conftest import login
from tests.integration.test_planning import DAY, _door, _team_on_shift
from tests.pdf_layout import segments, spans

LONG_STREET = "Burgemeester van Roijensingel aan de overkant van het water"


def _list(session, campaign, addresses, shift=None) -> WalkList:  # noqa: ANN001
    shift = shift or _team_on_shift(session)
    walk_list = WalkList(campaign=campaign, shift=shift, date=DAY, stops=[
        WalkListStop(address=a, seq=n) for n, a in enumerate(addresses, start=1)])  # fmt: skip
    session.add(walk_list)
    session.flush()
    return walk_list


def _visit(session, address, outcome, when, **kwargs) -> None:  # noqa: ANN001
    session.add(Visit(uuid=uuid.uuid4(), address=address, recorded_by=factories.user("coach"),
                      outcome=outcome, visited_at=when, **kwargs))  # fmt: skip
    session.flush()


def _sheet_pdf(client, make_user, walk_list) -> PdfReader:  # noqa: ANN001
    login(client, make_user("lead"))
    response = client.get(f"/lead/walklists/{walk_list.id}/sheet.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    return PdfReader(io.BytesIO(response.data))


def _text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def _pages_of(reader: PdfReader, word: str) -> list[int]:
    return [n for n, page in enumerate(reader.pages) if word in page.extract_text()]


def test_walk_sheet_pdf_lists_every_door_in_order(client, session, make_user) -> None:  # noqa: ANN001
    campaign = factories.CampaignFactory(name="Lombok najaar")
    for n in range(30):
        _door(campaign, n, dwelling_type="terraced")
    _team_on_shift(session)
    _team_on_shift(session, lat=52.0915, lon=5.1040)
    outcome = planning.plan_day(session, campaign, DAY, seconds=1, actor_id=None)
    session.flush()
    walk_list = outcome.walk_lists[0]
    login(client, make_user("lead"))
    response = client.get(f"/lead/walklists/{walk_list.id}/sheet.pdf")
    assert "attachment" in response.headers["Content-Disposition"]
    reader = PdfReader(io.BytesIO(response.data))
    text = _text(reader)
    assert "Looproute Lombok najaar" in text and "Verzamelpunt: Buurthuis" in text
    # Each row: the stop number, then the house number, then the street: in walking order.
    rows = [f"\n{s.seq}\n{s.address.house_label}\n{s.address.street}\n{s.address.postcode}\n"
            for s in walk_list.stops]  # fmt: skip
    assert all(row in text for row in rows)
    positions = [text.index(row) for row in rows]
    assert positions == sorted(positions)
    flat = " ".join(text.split())
    for word in ("Niet thuis", "Geweigerd", "Gesprek", "Niet bezoeken", "Tussenwoning"):
        assert word in flat
    assert reader.metadata.title == "Looproute Lombok najaar"


def test_every_page_has_the_header_and_the_page_within_the_sheet(
    client, session, make_user
) -> None:  # noqa: ANN001
    campaign = factories.CampaignFactory(name="Lombok najaar")
    walk_list = _list(session, campaign, [_door(campaign, n) for n in range(30)])
    walk_list.shift.team.name = "Team Zuilen"
    session.flush()
    reader = _sheet_pdf(client, make_user, walk_list)
    total = len(reader.pages)
    assert total % 2 == 0 and total >= 6  # sketch, table, conversation forms; duplex
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert "Looproute Lombok najaar" in text and "Team Zuilen" in text, number
        assert "woensdag 10 juni 2026" in text and "09:00–12:00" in text, number
        assert f"Lijst 1 (nr. {walk_list.id})" in text, number
        assert f"Pagina {number} van {total}" in text, number


def test_the_door_table_reads_in_the_rain(client, session, make_user) -> None:  # noqa: ANN001
    """10 points and up, dark lines of 0.75 point and more, the house number in its own
    column before the street: a long street name wraps in its own cell, never under it."""
    campaign = factories.CampaignFactory()
    doors = [_door(campaign, n, street=LONG_STREET if n == 3 else "Javastraat",
                   house_number=1000 + n, house_letter="A") for n in range(20)]  # fmt: skip
    reader = _sheet_pdf(client, make_user, _list(session, campaign, doors))
    table_pages = _pages_of(reader, "Vorige keer")
    assert table_pages and 0 not in table_pages
    for n in table_pages:
        page = reader.pages[n]
        sizes = {s.size for s in spans(page)}
        assert min(sizes) >= 10, (n, sorted(sizes))
        widths = {round(s.width, 2) for s in segments(page)}
        assert widths and min(widths) >= 0.75, (n, sorted(widths))
        assert max(_stroke_grey(page)) < 0.2  # dark lines only
    runs = spans(reader.pages[table_pages[0]])
    number = next(s for s in runs if s.text.strip() == "1003A")  # whole, on one line
    street = [s for s in runs if s.text.strip() and s.text.strip() in LONG_STREET]
    assert len(street) > 1  # wrapped, in its own column
    assert all(s.x > number.right for s in street)
    assert min(s.y for s in street) < number.y < max(s.y for s in street)  # the same row
    seq = next(s for s in runs if s.text.strip() == "4" and abs(s.y - number.y) < 1)
    assert seq.right < number.x


def _stroke_grey(page) -> list[float]:  # noqa: ANN001
    """The lightness (0 black, 1 white) of every stroke colour the page sets."""
    content = ContentStream(page.get_contents(), page.pdf)
    found = [max(float(v) for v in operands) for operands, op in content.operations
             if op == b"RG"]  # fmt: skip
    return found or [0.0]


def test_the_sketch_names_the_streets_and_spreads_the_flats(client, session, make_user) -> None:  # noqa: ANN001
    """Flats of one entrance share a spot: their numbered dots never lie on each other."""
    campaign = factories.CampaignFactory()
    doors = [_door(campaign, n, street="Javastraat") for n in range(8)]
    doors += [_door(campaign, 100 + n, street="Sumatraweg", house_number=40,
                    house_number_addition=str(n + 1), lat=52.0912, lon=5.1012,
                    entrance_key="sumatra-40") for n in range(6)]  # fmt: skip
    doors += [_door(campaign, 200 + n, street="Borneostraat", lat=52.0905 + n * 0.0001,
                    lon=5.1025) for n in range(4)]  # fmt: skip
    doors.append(_door(campaign, 300, street="Ambonplein", lat=None, lon=None))
    reader = _sheet_pdf(client, make_user, _list(session, campaign, doors))
    first = reader.pages[0]
    text = first.extract_text()
    for street in ("Javastraat", "Sumatraweg", "Borneostraat"):
        assert street in text
    assert "Verzamelpunt" in text and "\nN\n" in f"\n{text}\n"
    assert re.search(r"\b(10|20|25|50|100|200|250|500) m\b", text)  # a round scale bar
    assert "Niet op de schets (plek onbekend): 19" in text
    numbers = {str(n) for n in range(1, 19)}
    centres = [
        ((s.x + s.right) / 2, s.y)
        for s in spans(first)
        if s.text.strip() in numbers and s.size == 10 and s.font == "Sans-Bold"
    ]
    assert len(centres) == 18
    closest = min(math.dist(a, b) for a, b in itertools.combinations(centres, 2))
    assert closest >= 2 * DOT_R


def test_spread_keeps_dots_apart_and_near_their_door() -> None:
    anchors = np.array([[100.0, 100.0]] * 12 + [[130.0, 100.0], [400.0, 50.0]])
    placed = spread(anchors, [np.array([105.0, 95.0])], 600, 300)
    gaps = [math.dist(a, b) for a, b in itertools.combinations(placed, 2)]
    assert min(gaps) >= 2 * DOT_R + DOT_GAP - 0.1
    assert math.dist(placed[-1], anchors[-1]) < 1  # a door alone stays on its spot
    assert max(math.dist(p, a) for p, a in zip(placed, anchors, strict=True)) < 80


def test_the_last_outcome_and_appointments_without_personal_data(
    client, session, make_user
) -> None:  # noqa: ANN001
    campaign = factories.CampaignFactory()
    doors = [_door(campaign, n, street="Javastraat") for n in range(4)]
    day_before = datetime.combine(DAY - timedelta(days=3), time(12, 20), tzinfo=UTC)
    _visit(session, doors[0], Outcome.NOT_HOME, day_before - timedelta(days=7))
    _visit(session, doors[0], Outcome.NO_ANSWER, day_before)
    _visit(session, doors[1], Outcome.COME_BACK_LATER, day_before)  # 14:20 in Amsterdam
    appointment = datetime.combine(DAY + timedelta(days=1), time(17, 0), tzinfo=UTC)
    _visit(session, doors[2], Outcome.CONVERSATION, day_before, appointment_at=appointment,
           contact_name="Fam. Geheimnaam", contact_phone="0612345678",
           contact_email="geheim@example.nl", notes="Hond bijt", landlord="Woonstad Geheim")  # fmt: skip
    _visit(session, doors[3], Outcome.COME_BACK_LATER, day_before, notes="na vijven",
           follow_up_on=DAY + timedelta(days=2))  # fmt: skip
    _visit(session, doors[3], Outcome.REFUSED, datetime.combine(DAY, time(9), tzinfo=UTC))
    text = _text(_sheet_pdf(client, make_user, _list(session, campaign, doors)))
    flat = " ".join(text.split())
    assert "Geen gehoor, 7 jun · 2× niet thuis" in flat
    assert "Later terugkomen, 7 jun" in flat and "Om 14:20 gevraagd: ander uur" in flat
    assert "Gesprek, 7 jun" in flat and "Afspraak 11 jun 19:00" in flat
    assert "Terugkomen op 12 jun" in flat  # the visit on the list's own day is not "before"
    for secret in ("Geheimnaam", "0612345678", "geheim@example", "Hond bijt", "na vijven",
                   "Woonstad Geheim"):  # fmt: skip
        assert secret not in flat


def test_the_conversation_forms_ask_what_the_tablet_asks(client, session, make_user) -> None:  # noqa: ANN001
    catalogue.seed_all(session)
    campaign = factories.CampaignFactory()
    doors = [_door(campaign, n) for n in range(20)]
    reader = _sheet_pdf(client, make_user, _list(session, campaign, doors))
    forms = _pages_of(reader, "Gesprek op papier")
    assert len(forms) == 3  # one for every eight doors
    assert min(forms) > max(_pages_of(reader, "Vorige keer"))  # after the door table
    page = reader.pages[forms[0]]
    flat = " ".join(page.extract_text().split())
    for consent in ("advice_letter", "follow_up_contact"):
        assert " ".join(CONSENT_TEXTS[consent]["nl"].split()) in flat
    assert f"Tekstversie {WORDING_VERSION}" in flat
    for measure in catalogue.active_measures(session):  # a small one may wrap in its cell
        assert all(word in flat for word in measure.name_nl.split()), measure.key
    # The tablet's order: household, the house now, interests, small measures, consent, next.
    order = ["Koop of huur", "Verhuurder (bij huur)", "Woningtype", "Bouwjaar", "Bewoners",
             "Energielabel", "Gas per jaar (m³", "Stroom per jaar (kWh", "Verwarming",
             "Leeftijd van de verwarming", "Gesproken taal", "Brief in", "Glas in de meeste",
             "Spouwmuur al geïsoleerd", "Dak al geïsoleerd", "Vloer al geïsoleerd",
             "Interesse per maatregel", "Kleine maatregelen", "Toestemming", "Afspraak",
             "Terugkomen op", "Korte notitie"]  # fmt: skip
    positions = [flat.index(word) for word in order]
    assert positions == sorted(positions)
    assert flat.count("☐") >= 2 + 8 * 4 + 11  # consents, interests, energy labels
    assert min(s.size for s in spans(page)) >= 10


def test_render_many_starts_every_sheet_on_a_front_page(session, in_app) -> None:  # noqa: ANN001
    campaign = factories.CampaignFactory(name="Lombok")
    lists = [_list(session, campaign, [_door(campaign, 40 * k + n) for n in range(size)])
             for k, size in enumerate((3, 30, 14))]  # fmt: skip
    session.expire_all()
    fresh = [session.get(WalkList, wl.id) for wl in lists]
    statements = []
    event.listen(session.bind, "before_cursor_execute",
                 lambda *args: statements.append(args[2]))  # fmt: skip
    sheets = walk_sheets_data(session, fresh)
    assert len(statements) <= 10  # a fixed number of queries (9), not one per door
    reader = PdfReader(io.BytesIO(walk_sheet.render_many(sheets)))
    firsts = _pages_of(reader, "Pagina 1 van")
    assert len(firsts) == 3 and all(n % 2 == 0 for n in firsts)  # pages 1, …: odd
    for number, (start, end) in enumerate(zip(firsts, [*firsts[1:], len(reader.pages)],
                                              strict=True), start=1):  # fmt: skip
        total = end - start
        assert total % 2 == 0
        for k in range(total):
            text = reader.pages[start + k].extract_text()
            assert f"Pagina {k + 1} van {total}" in text and f"Lijst {number} " in text
    blank = _pages_of(reader, "Deze pagina is leeg, voor dubbelzijdig afdrukken.")
    assert blank == [firsts[2] - 1]  # the 30 doors took seven pages: a blank back
    assert PdfReader(io.BytesIO(walk_sheet.render_many([]))).pages  # no lists: no crash


def test_markup_in_names_is_printed_as_text_on_the_walk_sheet(client, session, make_user) -> None:  # noqa: ANN001
    """Issue 13 review: a team called "<b>K&amp;</b> <i>open" made the walk sheet a 500."""
    campaign = factories.CampaignFactory(name="Lombok <b & najaar")
    walk_list = _list(session, campaign, [_door(campaign, n) for n in range(5)])
    walk_list.shift.team.name, walk_list.shift.meeting_point = (
        "<b>K&amp;</b> <i>open",
        "Hoek <br/> & co",
    )
    session.flush()
    flat = " ".join(_text(_sheet_pdf(client, make_user, walk_list)).split())
    assert "Looproute Lombok <b & najaar" in flat
    assert "<b>K&amp;</b> <i>open" in flat and "Verzamelpunt: Hoek <br/> & co" in flat


@pytest.mark.parametrize("value", hostile.CORPUS)
def test_every_hostile_text_prints_as_typed_on_the_walk_sheet(
    client, session, make_user, value
) -> None:  # noqa: ANN001
    """Issue 14, finding 1: hostile text in the campaign, the team, the meeting point and a
    street from the CSV (in the table and on the sketch)."""
    campaign = factories.CampaignFactory(name=value[:200])
    walk_list = _list(session, campaign, [_door(campaign, n) for n in range(5)])
    walk_list.shift.team.name, walk_list.shift.meeting_point = value[:100], value[:200]
    walk_list.stops[0].address.street = value[:200]
    session.flush()
    login(client, make_user("lead"))
    response = client.get(f"/lead/walklists/{walk_list.id}/sheet.pdf")
    assert response.status_code == 200
    hostile.assert_printed_as_typed(response.data, value)


def test_every_dwelling_type_prints_without_a_word_broken(client, session, make_user) -> None:  # noqa: ANN001
    """'Benedenwonin|g' was split inside the word: each dwelling type's words come out whole
    (a long compound may break after its hyphens only)."""
    from eteams.labels import label
    from eteams.models.enums import DwellingType
    from tests.conftest import dutch

    campaign = factories.CampaignFactory()
    doors = [_door(campaign, n, dwelling_type=d.value) for n, d in enumerate(DwellingType)]
    reader = _sheet_pdf(client, make_user, _list(session, campaign, doors))
    tables = [page.extract_text() for page in reader.pages if "Vorige keer" in page.extract_text()]
    lines = [line.strip() for text in tables for line in text.splitlines()]  # not the forms'
    assert lines
    for name in dutch(client.application, [label(DwellingType, d) for d in DwellingType]):
        for word in name.replace("-", "- ").split():
            assert any(word in line for line in lines), (name, word)
