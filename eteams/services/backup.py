"""Backups of a SQLite database: an online, consistent copy, checked before it is trusted.

The copy uses SQLite's backup API, so it is consistent even while the app writes (WAL and all).
A backup holds personal data: it is written readable by its owner only. PostgreSQL is backed up
with ``pg_dump`` (docs/deploy.md), not here.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy.engine import Engine

from eteams.services.errors import ValidationError


def sqlite_path(engine: Engine) -> Path:
    if engine.dialect.name != "sqlite" or not engine.url.database:
        raise ValidationError(
            {"database": ["Only a SQLite database file is backed up by eteams; on PostgreSQL "
                          "use pg_dump and pg_restore (see docs/deploy.md)."]}
        )  # fmt: skip
    return Path(engine.url.database)


def _check(path: Path) -> dict[str, int]:
    """Integrity check and row counts per table; raises ValidationError when it is no backup."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise ValidationError({"file": ["The file is damaged (integrity check failed)."]})
            tables = [row[0] for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )]  # fmt: skip
            if "alembic_version" not in tables:
                raise ValidationError({"file": ["This is not an eteams database."]})
            return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}  # noqa: S608 - names from sqlite_master
    except sqlite3.DatabaseError as error:
        raise ValidationError({"file": [f"This is not a SQLite database ({error})."]}) from None


def backup(engine: Engine, out: Path) -> dict[str, int]:
    """Copy the live database to ``out`` (a new file) and check the copy."""
    source = sqlite_path(engine)
    if out.exists():
        raise ValidationError({"out": [f"{out} exists already; choose a new file name."]})
    out.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(out, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    try:
        with sqlite3.connect(source) as live, sqlite3.connect(out) as copy:
            live.backup(copy)
        copy_mode = sqlite3.connect(out)
        copy_mode.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        copy_mode.close()
        return _check(out)
    except BaseException:
        out.unlink(missing_ok=True)
        raise


def restore(engine: Engine, backup_file: Path) -> dict[str, int]:
    """Replace the live database's content with the backup's, after checking the backup."""
    target = sqlite_path(engine)
    if not backup_file.is_file():
        raise ValidationError({"file": [f"{backup_file} does not exist."]})
    counts = _check(backup_file)
    engine.dispose()  # no pooled connection may keep the old pages
    with sqlite3.connect(backup_file) as source, sqlite3.connect(target) as live:
        source.backup(live)
    return counts
