"""Issue 16, tenth review: the contract's "Gerealiseerd" figure is recomputable from the
municipality's report. Its appendix (and the CSV) list, from the contract's start to the
peildatum, each person's building blocks with their rate, hours, months and amount; they add
up to the figure printed under the contract.

Worked by hand from Utrecht's current building blocks (version C, 36 h a week basis;
/work/shared/reference/sroi_utrecht_nl.md): "value per year contract, 36 h/week", pro rata
as the appendix states: rate × hours a week / 36 × months / 12, each line to cents.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from decimal import Decimal

from flask_babel import force_locale
from pypdf import PdfReader

from eteams.documents import placement_report as placement_document
from eteams.services import employers, placement, sroi
from tests.conftest import frozen
from tests.integration.test_placement import END
from tests.integration.test_placement import employer as employer  # the shared fixture

# Anna: Participatiewet (€ 40,000), 32 h, 5 January to 31 March 2026: 2 months + 27 days
# = 2.9 months; € 40,000 × 32/36 × 2.9/12 = 8,592.59.
# Bram: doelgroepregister (€ 50,000), 25.5 h, 1 October 2025 to 28 February 2026 (he left):
# 5.0 months; € 50,000 × 25.5/36 × 5/12 = 14,756.94. He left before March: not in the
# report's people, but in what the contract realised.
# Cas: an unpaid trial placement: no paid hours, no yearly amount (the reference's rule for
# the banenafspraak, and the rule table's: a trial placement keeps its benefit).
ANNA = Decimal(40000) * 32 / 36 * Decimal("2.9") / 12
BRAM = Decimal(50000) * Decimal("25.5") / 36 * 5 / 12
# The names as this version prints them: initials; Bram, renamed Aart Alders, is "A. A." like
# Anna A and told apart as in the report's own tables: "(2)", after the report's own people.
BY_HAND = [
    ("A. A.", "2026-01-05", "2026-03-31", "40000,00", "32", "36", "2,9", "8592,59"),
    ("A. A. (2)", "2025-10-01", "2026-02-28", "50000,00", "25,5", "36", "5,0", "14756,94"),
]


def _report(session, employer):  # noqa: ANN001, ANN202
    sroi.seed(session)
    employers.add_sroi_contract(session, employer, employers.ContractData(
        reference="UTR-2025-7", contract_value=Decimal(400000), starts_on=date(2025, 7, 1),
        obligation_percent=Decimal(5)), actor_id=None)  # fmt: skip
    for person in employer.employees:  # Bram's initials would be "B. B."; make them clash
        if person.first_name == "Bram":
            person.first_name, person.last_name = "Aart", "Alders"
    session.flush()
    with frozen(datetime(2026, 4, 2, 12, tzinfo=UTC)):
        report = placement.placement_report(session, employer.id, date(2026, 3, 1), END)
    return placement.for_municipality(report, initials=True)


def test_the_realised_figure_is_the_sum_of_its_lines_worked_by_hand(app, session, employer) -> None:  # noqa: ANN001
    report = _report(session, employer)
    c = report.contract
    assert (ANNA.quantize(Decimal("0.01")), BRAM.quantize(Decimal("0.01"))) == (
        Decimal("8592.59"), Decimal("14756.94"))  # fmt: skip
    assert c.realised == Decimal("8592.59") + Decimal("14756.94") == Decimal("23349.53")
    with app.test_request_context():
        rows = list(csv.reader(io.StringIO(placement.report_csv(report).lstrip("\ufeff")),
                               delimiter=";"))  # fmt: skip
    start = next(
        i
        for i, r in enumerate(rows)
        if r[:1] == ["Gerealiseerd onder het contract, regel voor regel"]
    )
    assert rows[start][1:] == ["2025-07-01", "2026-03-31"]
    lines = rows[start + 2 : start + 2 + len(BY_HAND)]
    assert [(r[0], r[1], r[2], r[4], r[5], r[6], r[7], r[9]) for r in lines] == BY_HAND
    assert [e.name for e in report.employees] == ["A. A.", "C. C."]  # the same Anna
    # Each row recomputes from its own cells, and the rows add up to the realised figure.
    total = Decimal(0)
    for r in lines:
        rate, hours, basis, months = (Decimal(x.replace(",", ".")) for x in r[4:8])
        value = (rate * hours / basis * months / 12).quantize(Decimal("0.01"))
        assert value == Decimal(r[9].replace(",", ".")), r
        total += value
    assert rows[start + 2 + len(BY_HAND)][0] == "Gerealiseerd"
    assert Decimal(rows[start + 2 + len(BY_HAND)][-1].replace(",", ".")) == total == c.realised
    with app.test_request_context(), force_locale("nl"):
        pdf = PdfReader(io.BytesIO(placement_document.render(report)))
    text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    assert "Gerealiseerd onder contract UTR-2025-7: van 1-7-2025 t/m 31-3-2026" in text
    assert "€ 50.000,00 25,5/36 uur × 5,0/12 maanden € 14.756,94" in text
    assert "€ 40.000,00 32/36 uur × 2,9/12 maanden € 8.592,59" in text
    assert "Gerealiseerd € 23.349,53" in text
