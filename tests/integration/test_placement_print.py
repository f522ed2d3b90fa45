"""Issue 16, auditor's review of how figures print: "1 medewerkers" in the PDF's header, and
zero as "0" in some cells and "0,00" in others of one CSV column (the social return of a person
without a category; jobs and hours in an empty or future report)."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from decimal import Decimal

import pytest
from flask_babel import force_locale
from pypdf import PdfReader

from eteams.documents import placement_report as placement_document
from eteams.models.enums import TargetGroup
from eteams.services import placement, sroi
from tests import factories
from tests.integration.test_sroi import after_the_year as after_the_year  # autouse
from tests.integration.test_sroi import employer as employer  # the shared fixture

START, END = date(2026, 1, 1), date(2026, 12, 31)
NUMBER = re.compile(r"^-?\d+(,(\d+))?$")


def _rows(app, report, language: str = "nl") -> list[list[str]]:  # noqa: ANN001
    with app.test_request_context():
        body = placement.report_csv(report, language)
    delimiter = ";" if language == "nl" else ","
    return list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=delimiter))


def _decimals(cell: str) -> int | None:
    found = NUMBER.match(cell)
    return None if found is None else len(found.group(2) or "")


def test_one_employee_is_singular_in_the_header(app, session) -> None:  # noqa: ANN001
    employer = factories.EmployerFactory()
    factories.EmployeeFactory(employer=employer, hired_on=date(2026, 1, 5))
    report = placement.placement_report(session, employer.id, START, END)
    with app.test_request_context(), force_locale("nl"):
        pdf = PdfReader(io.BytesIO(placement_document.render(report)))
    text = " ".join(pdf.pages[0].extract_text().split())
    assert " · 1 medewerker · KvK" in text


def test_each_person_column_writes_its_zeros_like_its_other_figures(app, session, employer) -> None:  # noqa: ANN001
    """Kim fits no category (€ 0,00, not "0"); Ivo's unpaid trial counts nothing."""
    sroi.add_rule_set(session, "Utrecht", date(2020, 1, 1), *sroi.shipped_version("Utrecht", "C"),
                      actor_id=None)  # fmt: skip
    factories.EmployeeFactory(employer=employer, first_name="Kim", last_name="Test",
                              target_group=TargetGroup.OTHER, hired_on=date(2026, 2, 1))  # fmt: skip
    session.flush()
    rows = _rows(app, placement.placement_report(session, employer.id, START, END))
    head = rows.index(next(r for r in rows if r[:1] == ["Naam"]))
    people = rows[head + 1 : rows.index([], head)]
    assert len(people) == 7
    for column, name in enumerate(rows[head]):
        forms = {_decimals(r[column]) for r in people} - {None}
        assert len(forms) <= 1, (name, [r[column] for r in people])
    kim = next(r for r in people if r[0] == "Kim Test")
    assert kim[rows[head].index("Social return (€)")] == "0,00"
    line = next(r for r in rows[head + 1 + len(people) :] if r[:1] == ["Kim Test"])
    assert line[:4] == ["Kim Test", "", "", "0,00"]  # the line-by-line section too


@pytest.mark.parametrize("period", [(START, END), (date(2027, 3, 1), date(2027, 12, 31))])
def test_an_empty_report_writes_zero_as_its_figures_do(app, session, period) -> None:  # noqa: ANN001
    """No one employed, or a period still to come: every total as the rows would write it."""
    employer = factories.EmployerFactory()
    sroi.add_rule_set(session, "Utrecht", date(2020, 1, 1), *sroi.shipped_version("Utrecht", "C"),
                      actor_id=None)  # fmt: skip
    report = placement.placement_report(session, employer.id, *period)
    totals = dict(r[:2] for r in _rows(app, report) if len(r) >= 2)
    assert totals["Gewerkte uren"] == "0,00"
    assert totals["Verloonde uren (contract)"] == "0,00"
    assert totals["Banen (banenafspraak)"] == "0,00"
    assert totals["Social return (€)"] == "0,00"
    assert totals["Medewerkers"] == "0"  # a count stays a count
    english = dict(r[:2] for r in _rows(app, report, "en") if len(r) >= 2)
    assert (english["Jobs (banenafspraak)"], english["Social return (€)"]) == ("0.00", "0.00")
    assert report.total_sroi == Decimal("0.00")


def test_no_visits_is_one_line_not_a_chart_of_zeros(
    app, client, session, employer, make_user
) -> None:  # noqa: ANN001
    """test_sroi's six people walked no door in 2026: the chart was six pairs of "0 0" bars
    on a 0–1 axis (pages of them for forty people)."""
    from tests.conftest import login

    report = placement.placement_report(session, employer.id, START, END)
    assert report.employees and not any(e.doors_visited for e in report.employees)
    with app.test_request_context(), force_locale("nl"):
        pdf = PdfReader(io.BytesIO(placement_document.render(report)))
    first = " ".join(pdf.pages[0].extract_text().split())
    assert "Deuren en gesprekken per medewerker Geen bezoeken in deze periode." in first
    text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    assert "Gesprekken Eva Test" not in text and " 0 0 " not in text.split("Dienstverband")[0]
    session.commit()
    login(client, make_user("employer", employer=employer))
    html = client.get("/employer/?from=2026-01-01&to=2026-12-31").get_data(as_text=True)
    assert "<p>Geen bezoeken in deze periode.</p>" in html and "data:image/svg" not in html


def test_two_people_of_one_name_are_told_apart_in_every_version(
    app, client, session, make_user
) -> None:  # noqa: ANN001
    """The chart, the municipality's PDF and CSV said "Jan Jansen (2)"; the employer's own PDF
    printed two identical rows. Every version now numbers them alike: the one recorded first
    keeps the name, in every table, in the appendix and on the employer page."""
    from tests.conftest import login

    employer = factories.EmployerFactory(name="Twee Jannen")
    sroi.add_rule_set(session, "Utrecht", date(2020, 1, 1), *sroi.shipped_version("Utrecht", "C"),
                      actor_id=None)  # fmt: skip
    first, second = (factories.EmployeeFactory(employer=employer, first_name="Jan",
                                               last_name="Jansen", hired_on=date(2026, month, 1),
                                               hours_per_week=Decimal(36))
                     for month in (2, 1))  # fmt: skip
    session.flush()
    report = placement.placement_report(session, employer.id, START, END)
    assert [(e.employee_id, e.name) for e in report.employees] == [
        (first.id, "Jan Jansen"), (second.id, "Jan Jansen (2)")]  # fmt: skip
    with app.test_request_context(), force_locale("nl"):
        pdf = PdfReader(io.BytesIO(placement_document.render(report)))
    text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    employment = text.split("Dienstverband, banenafspraak en social return")[1]
    assert "Jan Jansen Participatiewet" in employment
    assert "Jan Jansen (2) Participatiewet" in employment
    assert "Jan Jansen (2) 0,00 0 0 0" in text.split("Werk in de teams")[1]
    # Appendix: 40.000 × 36/36 × 11,0/12 for the first (from February), × 12,0/12 for "(2)".
    lines = text.split("Social return per medewerker, regel voor regel")[1]
    assert "Jan Jansen Participatiewet-uitkering € 40.000,00 × 36/36 × 11,0/12 € 36.666,67" in lines
    assert "Jan Jansen (2) Participatiewet-uitkering € 40.000,00 × 36/36 × 12,0/12" in lines
    assert "Totaal Jan Jansen (2)" in lines and "Totaal € 76.666,67" in lines
    rows = _rows(app, report)
    assert [r[0] for r in rows if r[:1] and r[0].startswith("Jan")][:2] == [
        "Jan Jansen", "Jan Jansen (2)"]  # fmt: skip
    for initials, names in (
        (False, ["Jan Jansen", "Jan Jansen (2)"]),
        (True, ["J. J.", "J. J. (2)"]),
    ):
        municipal = placement.for_municipality(report, initials=initials)
        assert [e.name for e in municipal.employees] == names
    session.commit()
    login(client, make_user("employer", employer=employer))
    html = client.get("/employer/?from=2026-01-01&to=2026-12-31").get_data(as_text=True)
    assert '<td class="cell-text">Jan Jansen</td>' in html
    assert '<td class="cell-text">Jan Jansen (2)</td>' in html
