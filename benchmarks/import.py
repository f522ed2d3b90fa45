"""Address import speed: 50,000 rows through the whole importer (decode, sniff, check every
row, detect duplicates, insert) beside the floor — merely parsing the same file with the csv
module — measured in one run.

    .venv/bin/python benchmarks/import.py [--rows 50000] [--database sqlite|postgresql://…]

Prints rows/s for both and the ratio. The issue asks for "well under a minute".
"""

from __future__ import annotations

import argparse
import csv
import io
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from flask_migrate import upgrade
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from eteams import create_app
from eteams.extensions import db
from eteams.services import campaigns, importing

LETTERS = "ABCDEGHJKLMNPRTVWXZ"


def make_file(rows: int) -> bytes:
    """A realistic municipal export: semicolons, Dutch headers, letters and additions."""
    out = io.StringIO()
    out.write(
        "Straat;Huisnummer;Toevoeging;Postcode;Woonplaats;Bouwjaar;Woningtype;Energielabel;Eigendom\r\n"
    )
    kinds = ("tussenwoning", "hoekwoning", "portiekflat", "2-onder-1-kap", "bovenwoning")
    tenures = ("koop", "huur", "particuliere huur")
    for i in range(rows):
        street, number = i // 400, i % 400 + 1
        postcode = f"{3500 + street // 4} {LETTERS[(number // 20) % 19]}{LETTERS[street % 19]}"
        addition = str(i % 3 + 1) if i % 5 == 0 else ""
        out.write(
            f"Straat {street};{number}{'A' if i % 11 == 0 else ''};{addition};{postcode};Utrecht;"
            f"{1890 + i % 130};{kinds[i % 5]};{'ABCDEFG'[i % 7]};{tenures[i % 3]}\r\n"
        )
    return out.getvalue().encode("utf-8")


def floor_seconds(content: bytes) -> float:
    started = time.perf_counter()
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    elapsed = time.perf_counter() - started
    assert len(rows) > 1
    return elapsed


@contextmanager
def scratch_database(database: str) -> Iterator[str]:
    """A fresh SQLite file, or a fresh PostgreSQL database beside the one named (dropped after)."""
    if database == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            yield f"sqlite:///{Path(tmp) / 'bench.sqlite'}"
        return
    base = make_url(database).set(drivername="postgresql+psycopg")
    name = f"eteams_bench_{time.time_ns()}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def import_seconds(content: bytes, database: str) -> tuple[float, int]:
    with scratch_database(database) as url:
        app = create_app({"DATABASE_URL": url, "SECRET_KEY": "benchmark-only", "TESTING": True})
        with app.app_context():
            upgrade()
            data = campaigns.CampaignData(f"Benchmark {time.time_ns()}", "Utrecht",
                                          date(2026, 1, 1), date(2026, 12, 31))  # fmt: skip
            campaign = campaigns.save_campaign(db.session, data)
            db.session.commit()
            started = time.perf_counter()
            result = importing.import_addresses(db.session, campaign, content, actor_id=None)
            db.session.commit()
            elapsed = time.perf_counter() - started
            db.engine.dispose()
    return elapsed, result.imported


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--database", default="sqlite")
    args = parser.parse_args()
    content = make_file(args.rows)
    floor = min(floor_seconds(content) for _ in range(3))
    seconds, imported = import_seconds(content, args.database)
    print(
        f"rows:                      {args.rows} ({len(content) / 1e6:.1f} MB), imported {imported}"
    )
    print(f"csv.reader parse (floor):  {floor:7.3f} s  {args.rows / floor:10,.0f} rows/s")
    backend = args.database.split(":")[0]
    print(
        f"eteams import ({backend}):".ljust(27)
        + f"{seconds:7.3f} s  {args.rows / seconds:10,.0f} rows/s"
    )
    print(f"ratio import / floor:      {seconds / floor:7.1f} x")


if __name__ == "__main__":
    main()
