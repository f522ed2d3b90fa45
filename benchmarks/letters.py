"""Advice letters: 500 letters into one PDF, beside the floor — a minimal one-page reportlab
letter with the same text, in the same embedded TrueType font — in one run. Target: at least
half the floor's speed. The two are timed in turns, letter by letter, in CPU time of this
process, so other work on the machine does not tilt the ratio.

    .venv/bin/python benchmarks/letters.py [--letters 500]
"""

from __future__ import annotations

import argparse
import io
import tempfile
import time
from pathlib import Path

from flask_babel import force_locale
from pypdf import PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Paragraph, SimpleDocTemplate

from eteams import create_app
from eteams.documents.letter import render
from eteams.documents.styles import styles
from eteams.services.letters import letter_data

SNAPSHOT = {
    "advice": {
        "tenant": False, "landlord": None, "two_measure_rule": True,
        "prices": {"valid_from": "2025-01-01", "gas_eur_per_m3": "1.45", "electricity_eur_per_kwh": None,
                   "co2_kg_per_m3_gas": "1.78", "co2_kg_per_kwh": "0.48", "source": "reference"},
        "measures": [
            {"key": f"m{n}", "name_nl": f"Maatregel {n}", "name_en": f"Measure {n}", "asked": "interested",
             "unit": "per woning", "invest_min_eur": "1100", "invest_max_eur": "2400", "gas_m3_per_year": "180",
             "kwh_per_year": None, "eur_per_year": "261", "co2_kg_per_year": "320", "payback_years": "6.5",
             "subsidy_eur": "410", "subsidy_eur_per_m2": "10.50", "lifetime_years": 30, "source_year": 2024}
            for n in range(6)
        ],
        "small_installed": [{"key": "radiator_foil", "name_nl": "Radiatorfolie", "name_en": "Radiator foil", "quantity": 2}],
        "financing": [{"key": "energiebespaarlening", "kind": "loan", "name_nl": "Energiebespaarlening",
                       "name_en": "Energy-saving loan", "description_nl": "Lening tot EUR 27.000.",
                       "description_en": "Loan up to EUR 27,000.", "source_year": 2025}],
        "household_gas_m3": 1400, "household_kwh": 2800, "household_eur_per_year": None, "isde_source_year": 2025,
    },
    "recipient": {"street": "Kanaalstraat 12", "postcode": "3531 CA", "city": "Utrecht"},
    "visit_date": "2026-11-23", "coach": "Samira", "created_on": "2026-11-27",
    "appointment_at": None, "follow_up_on": "2026-12-07",
}  # fmt: skip


def floor_letter(text: list[str]) -> bytes:
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, invariant=True)
    doc.build([Paragraph(line, styles()["letter_body"]) for line in text])  # the letter's own
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--letters", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(
            {"DATABASE_URL": f"sqlite:///{Path(tmp) / 'l.sqlite'}", "SECRET_KEY": "benchmark-only"}
        )
        with app.app_context(), force_locale("nl"):
            data = letter_data(SNAPSHOT, "nl", "EB-2026-000001-NL")
            text = [data.opening, *data.paragraphs, *[" ".join(r) for r in data.table_rows], data.table_note,
                    *[line if isinstance(line, str) else " ".join(line)  # (bold lead, rest) lines
                      for _title, lines in data.sections for line in lines], *data.closing]  # fmt: skip
            floor, bundle = PdfWriter(), PdfWriter()
            floor_seconds = seconds = 0.0
            for _ in range(args.letters):  # in turns, so a busy machine slows both alike
                started = time.process_time()
                floor.append(io.BytesIO(floor_letter(text)))
                floor_seconds += time.process_time() - started
                started = time.process_time()
                bundle.append(io.BytesIO(render(letter_data(SNAPSHOT, "nl", "EB-2026-000001-NL"))))
                seconds += time.process_time() - started
            started = time.process_time()
            floor.write(io.BytesIO())
            floor_seconds += time.process_time() - started
            started = time.process_time()
            out = io.BytesIO()
            bundle.write(out)
            seconds += time.process_time() - started
    print(f"{args.letters} letters into one PDF ({len(out.getvalue()) / 1e6:.1f} MB)")
    print(
        f"   floor: one-page reportlab letter, same text   {args.letters / floor_seconds:7.1f} letters/s"
    )
    print(
        f"   eteams advice letter (2 pages, table, logo)  {args.letters / seconds:7.1f} letters/s"
    )
    print(f"   ratio: {floor_seconds / seconds:.2f} of the floor's speed (target ≥ 0.5)")


if __name__ == "__main__":
    main()
