"""Issue 16, tenth review: a report on a period that has not ended (in the future, or ending
today or later; eleventh review: today's own attendance may still come in) is an interim figure. It got a signable "versie 1"; now it is marked provisional,
gets no version number and no declaration to sign. "Today" is the Amsterdam day of the clock
service (eteams/services/clock.py), tested on awkward days: 31 December and 29 February."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from eteams.models import PlacementReportVersion
from tests.conftest import frozen, login
from tests.integration.test_placement import employer as employer  # the shared fixture

PROVISIONAL = "VOORLOPIG — tussenstand, geen versie."


def _download(client, employer, period: str, kind: str, audience: str = "employer"):  # noqa: ANN001, ANN202
    url = f"/api/v1/employers/{employer.id}/placement-report.{kind}?{period}&for={audience}"
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    if kind == "csv":
        return response.get_data(as_text=True)
    pdf = PdfReader(io.BytesIO(response.data))
    return " ".join(" ".join(p.extract_text() for p in pdf.pages).split())


@pytest.mark.parametrize(
    ("moment", "period", "provisional"),
    [
        # 31 December 2026, 23:30 in Amsterdam (22:30 UTC): the year's last day is not over
        # yet (eleventh review: a period ending today was numbered, then renumbered the same
        # day when that day's attendance was entered).
        (datetime(2026, 12, 31, 22, 30, tzinfo=UTC), "from=2026-01-01&to=2026-12-31", True),
        (datetime(2026, 12, 30, 22, 30, tzinfo=UTC), "from=2026-01-01&to=2026-12-31", True),
        # 23:30 UTC on 31 December is 00:30 on 1 January in Amsterdam: the year is over.
        (datetime(2026, 12, 31, 23, 30, tzinfo=UTC), "from=2026-01-01&to=2026-12-31", False),
        # A period wholly in the future; then over, in summer time (22:30 UTC on 31 March is
        # 00:30 on 1 April in Amsterdam).
        (datetime(2026, 6, 1, 10, tzinfo=UTC), "from=2027-01-01&to=2027-03-31", True),
        (datetime(2027, 3, 31, 22, 30, tzinfo=UTC), "from=2027-01-01&to=2027-03-31", False),
        # February 2028 has 29 days: on the 28th and the 29th it is still running; on
        # 1 March it is over (23:30 UTC on the 29th is 00:30 on 1 March in Amsterdam).
        (datetime(2028, 2, 28, 12, tzinfo=UTC), "from=2028-02-01&to=2028-02-29", True),
        (datetime(2028, 2, 29, 12, tzinfo=UTC), "from=2028-02-01&to=2028-02-29", True),
        (datetime(2028, 2, 29, 23, 30, tzinfo=UTC), "from=2028-02-01&to=2028-02-29", False),
    ],
)
def test_a_period_not_yet_over_is_provisional_and_unnumbered(
    client, session, employer, make_user, moment, period, provisional
) -> None:  # noqa: ANN001
    """The day after the period's last day (Amsterdam), the report gets its number."""
    session.commit()
    user = make_user("employer", employer=employer)
    session.commit()
    with frozen(moment):
        login(client, user)
        pdf = _download(client, employer, period, "pdf")
        csv = _download(client, employer, period, "csv")
        municipal = _download(client, employer, period, "pdf", "municipality")
    numbered = session.scalar(select(func.count(PlacementReportVersion.id)))
    if provisional:
        assert PROVISIONAL in pdf and "versie 1" not in pdf
        assert "Versienummer;geen: voorlopig. De periode loopt tot en met" in csv
        assert "Niet om te ondertekenen." in csv
        # No declaration to sign in the municipality's version: the notice stands in its place.
        assert "Ondergetekende verklaart" not in municipal and PROVISIONAL in municipal
        assert numbered == 0  # nothing numbered, so no number is used up either
    else:
        assert PROVISIONAL not in pdf and "· versie 1 ·" in pdf
        assert "Versienummer;1" in csv and "voorlopig" not in csv.split("Versienummer")[1][:40]
        assert "Ondergetekende verklaart" in municipal
        assert numbered == 2  # the employer's and the municipality's


def test_an_english_pdf_is_refused_not_handed_out_in_dutch(client, session, employer, make_user):  # noqa: ANN001
    """Issue 16, tenth review: ``?lang=en`` on the PDF was ignored and a Dutch PDF came back.
    There is no English PDF (the CLI's --lang is the CSV's too): a 422 says so, numbers
    nothing; the CSV in English still comes; another employer's is still a 404."""
    user = make_user("employer", employer=employer)
    session.commit()
    with frozen(datetime(2026, 4, 2, 10, tzinfo=UTC)):
        login(client, user)
        base = f"/api/v1/employers/{employer.id}/placement-report"
        period = "from=2026-01-01&to=2026-03-31&lang=en"
        refused = client.get(f"{base}.pdf?{period}")
        assert refused.status_code == 422
        assert "in Dutch only" in refused.get_json()["fields"]["lang"][0]  # asked in English
        assert session.scalar(select(func.count(PlacementReportVersion.id))) == 0
        csv = client.get(f"{base}.csv?{period}")
        assert csv.status_code == 200 and "Placement report" in csv.get_data(as_text=True)
        other = client.get(f"/api/v1/employers/{employer.id + 999}/placement-report.pdf?{period}")
        assert other.status_code == 404


def test_the_year_so_far_is_provisional_all_day(client, session, employer, make_user) -> None:  # noqa: ANN001
    """Issue 16, eleventh review: the employer page's default period, 1 January to today, got
    "versie 1" in the morning and "versie 2" that afternoon when the day's attendance was
    entered. A period whose last day is today is still running: provisional, no number."""
    from datetime import date, time
    from decimal import Decimal

    from eteams.models import Attendance, Shift
    from eteams.models.enums import AttendanceStatus
    from tests import factories

    user = make_user("employer", employer=employer)
    session.commit()
    period = "from=2026-01-01&to=2026-05-12"
    with frozen(datetime(2026, 5, 12, 7, tzinfo=UTC)):  # 09:00 in Amsterdam
        login(client, user)
        morning = _download(client, employer, period, "csv", "municipality")
    anna = next(p for p in employer.employees if p.first_name == "Anna")
    shift = Shift(team=factories.TeamFactory(), date=date(2026, 5, 12), start_time=time(9, 30),
                  end_time=time(12, 30))  # fmt: skip
    session.add(Attendance(shift=shift, employee=anna, status=AttendanceStatus.PRESENT,
                           hours=Decimal(3)))  # fmt: skip
    session.commit()
    with frozen(datetime(2026, 5, 12, 14, tzinfo=UTC)):  # 16:00: the shift is in
        login(client, user)
        afternoon = _download(client, employer, period, "csv", "municipality")
    for csv in (morning, afternoon):
        assert "Versienummer;geen: voorlopig." in csv and "Versienummer;1" not in csv
    assert session.scalar(select(func.count(PlacementReportVersion.id))) == 0
    with frozen(datetime(2026, 5, 12, 22, 30, tzinfo=UTC)):  # 00:30 on the 13th: it is over
        login(client, user)
        final = _download(client, employer, period, "csv", "municipality")
    assert "Versienummer;1" in final and "voorlopig" not in final.split("Versienummer")[1][:40]
