"""Advice letters: 500 letters into one PDF, beside the floor — a minimal one-page reportlab
letter with the same text, in the same embedded TrueType font — in one run. Target: at least
half the floor's speed. The two are timed in turns, letter by letter, in CPU time of this
process, so other work on the machine does not tilt the ratio.

    .venv/bin/python benchmarks/letters.py [--letters 500]
"""

from __future__ import annotations

import argparse
import io
import json
import tempfile
import time
from pathlib import Path

from flask_babel import force_locale
from pypdf import PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from eteams import create_app
from eteams.documents.letter import FIRST_TOP, MARGIN, render
from eteams.documents.styles import styles
from eteams.services.letters import letter_data

# A real letter's snapshot: the terraced 1930 household of tests/integration/test_advice.py
# (six steps, ISDE, financing, tips, a follow-up), as services.letters.make_snapshot made it.
SNAPSHOT = json.loads((Path(__file__).parent / "letter_snapshot.json").read_text(encoding="utf-8"))


def floor_letter(text: list[str]) -> bytes:
    """The same text in the letter's body style and margins, starting where the letter's text
    starts on page 1 (below the address and date), so it is as long: the same pages."""
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, invariant=True, leftMargin=MARGIN,
                            rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN)  # fmt: skip
    body = styles()["letter_body"]
    doc.build([Spacer(1, FIRST_TOP - MARGIN), *(Paragraph(line, body) for line in text)])
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
    from pypdf import PdfReader

    pages = len(PdfReader(io.BytesIO(out.getvalue())).pages) / args.letters
    floor_pages = len(PdfReader(io.BytesIO(floor_letter(text))).pages)
    print(f"{args.letters} letters into one PDF ({len(out.getvalue()) / 1e6:.1f} MB, "
          f"{pages:.0f} pages a letter; the floor's letter: {floor_pages} pages)")  # fmt: skip
    print(
        f"   floor: bare reportlab letter, same text       {args.letters / floor_seconds:7.1f} letters/s"
    )
    print(f"   eteams advice letter (table, logo)       {args.letters / seconds:7.1f} letters/s")
    print(f"   ratio: {floor_seconds / seconds:.2f} of the floor's speed (target ≥ 0.5)")


if __name__ == "__main__":
    main()
