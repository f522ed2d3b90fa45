"""Issue 16, auditor's review of the version numbers: figures A issued as 1, an edit made
figures B (2), editing back made 3 with A's figures, and nothing said what replaced what.
Numbers only go up (the highest is the one in force); a new number names the version it
replaces and an older one with the same figures."""

from __future__ import annotations

import io
from datetime import datetime
from decimal import Decimal

from pypdf import PdfReader

from eteams.services import clock
from tests.conftest import frozen, login
from tests.integration.test_placement import employer as employer  # the shared fixture
from tests.integration.test_placement_versions import _report

PERIOD = "from=2026-01-01&to=2026-03-31&for=municipality"


def test_a_new_number_says_what_it_replaces_and_which_it_equals(
    client, session, employer, make_user
) -> None:  # noqa: ANN001
    _report(session, employer)
    session.commit()
    hr = make_user("employer", employer=employer)
    base = f"/api/v1/employers/{employer.id}/placement-report"

    def issued(day: int) -> tuple[list[str], str]:
        """The CSV's version rows and the PDF's first page, on ``day`` April 2026."""
        with frozen(datetime(2026, 4, day, 10, tzinfo=clock.LOCAL)):
            login(client, hr)  # a session from the real today would not count yet
            body = client.get(f"{base}.csv?{PERIOD}").get_data(as_text=True)
            response = client.get(f"{base}.pdf?{PERIOD}")
            assert response.status_code == 200, response.get_data(as_text=True)[:300]
            pdf = PdfReader(io.BytesIO(response.data))
        rows = [r for r in body.splitlines() if r.split(";")[0] in
                ("Versienummer", "Vervangt", "Dezelfde cijfers als")]  # fmt: skip
        text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
        return rows, text

    person = employer.employees[0]
    rows, text = issued(1)  # figures A
    assert rows == ["Versienummer;1"] and "Vervangt" not in text
    person.hours_per_week = Decimal(24)  # figures B
    session.commit()
    rows, text = issued(2)
    assert rows == ["Versienummer;2", "Vervangt;versie 1 van 2026-04-01"]
    assert "Vervangt versie 1 van 1-4-2026: de cijfers zijn veranderd" in text
    assert "gelijk aan die van versie" not in text
    assert "(versie 2, die versie 1 vervangt)" in text  # the declaration signs that one
    person.hours_per_week = Decimal(32)  # back to A: a new number, saying so
    session.commit()
    rows, text = issued(3)
    assert rows == ["Versienummer;3", "Vervangt;versie 2 van 2026-04-02",
                    "Dezelfde cijfers als;versie 1 van 2026-04-01"]  # fmt: skip
    assert ("Vervangt versie 2 van 2-4-2026: de cijfers zijn veranderd; gebruik alleen deze "
            "versie. De cijfers zijn gelijk aan die van versie 1 van 1-4-2026.") in text  # fmt: skip
    assert issued(6) == (rows, text.replace("gemaakt op 3-4-2026", "gemaakt op 6-4-2026"))
    person.hours_per_week = Decimal(24)  # B again: 4, replacing 3, equal to 2
    session.commit()
    rows, _text = issued(7)
    assert rows == ["Versienummer;4", "Vervangt;versie 3 van 2026-04-03",
                    "Dezelfde cijfers als;versie 2 van 2026-04-02"]  # fmt: skip
