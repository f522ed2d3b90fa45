"""`flask backup` / `flask restore` on SQLite: a round trip brings the data back exactly."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

from sqlalchemy import func, select

from eteams.extensions import db
from eteams.models import AuditEvent, Employer
from tests.conftest import make_app, upgrade_to_head


def _app(tmp_path: Path):  # noqa: ANN202
    app = make_app(f"sqlite:///{tmp_path / 'live.sqlite'}")
    upgrade_to_head(app)
    return app


def _employers(app) -> list[str]:  # noqa: ANN001
    with app.app_context():
        return list(db.session.scalars(select(Employer.name).order_by(Employer.name)))


def test_backup_and_restore_round_trip(tmp_path: Path) -> None:
    app = _app(tmp_path)
    with app.app_context():
        db.session.add_all([Employer(name="Groen Werk", kvk_number="12345678"),
                            Employer(name="Buurtkracht", kvk_number="87654321")])  # fmt: skip
        db.session.commit()
    runner = app.test_cli_runner()
    out = tmp_path / "backups" / "eteams-2026-11-27.sqlite"
    result = runner.invoke(args=["backup", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "backup written" in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(AuditEvent)) == 1
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # it holds personal data
    with sqlite3.connect(out) as copy:
        assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one file
        assert copy.execute("SELECT count(*) FROM employers").fetchone()[0] == 2

    # Something goes wrong after the backup: an employer is changed, another added.
    with app.app_context():
        db.session.scalar(select(Employer).where(Employer.name == "Groen Werk")).name = "Kapot"
        db.session.add(Employer(name="Na de backup", kvk_number="11112222"))
        db.session.commit()
    assert runner.invoke(args=["restore", str(out)]).exit_code != 0  # asks for --yes
    assert "Kapot" in _employers(app)
    result = runner.invoke(args=["restore", str(out), "--yes"])
    assert result.exit_code == 0, result.output
    assert _employers(app) == ["Buurtkracht", "Groen Werk"]
    with app.app_context():  # the app works on the restored data, and says it was restored
        db.session.add(Employer(name="Daarna", kvk_number="33334444"))
        db.session.commit()
        actions = set(db.session.scalars(select(AuditEvent.action)))
        assert "backup_restored" in actions
        assert "backup_made" not in actions  # made after the copy: not in it


def test_bad_backups_are_refused_and_change_nothing(tmp_path: Path) -> None:
    app = _app(tmp_path)
    with app.app_context():
        db.session.add(Employer(name="Groen Werk", kvk_number="12345678"))
        db.session.commit()
    runner = app.test_cli_runner()
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is no database at all" * 100)
    result = runner.invoke(args=["restore", str(junk), "--yes"])
    assert result.exit_code != 0 and "not a SQLite database" in result.output
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    result = runner.invoke(args=["restore", str(other), "--yes"])
    assert result.exit_code != 0 and "not an eteams database" in result.output
    missing = runner.invoke(args=["restore", str(tmp_path / "nope.sqlite"), "--yes"])
    assert missing.exit_code != 0 and "does not exist" in missing.output
    assert _employers(app) == ["Groen Werk"]
    existing = tmp_path / "taken.sqlite"
    existing.write_text("keep me")
    result = runner.invoke(args=["backup", "--out", str(existing)])
    assert result.exit_code != 0 and "exists already" in result.output
    assert existing.read_text() == "keep me"


def test_postgresql_is_pointed_to_pg_dump(database_url: str) -> None:
    if not database_url.startswith("postgresql"):
        return  # the SQLite case is the round trip above
    app = make_app(database_url)
    result = app.test_cli_runner().invoke(args=["backup", "--out", "/tmp/never.sqlite"])
    assert result.exit_code != 0 and "pg_dump" in result.output
    assert not Path("/tmp/never.sqlite").exists()
