"""Migrations run from empty to head on each backend and agree with the models."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, inspect

from eteams.extensions import db
from eteams.models import Base
from tests.conftest import PG_URL, create_pg_database, drop_pg_database, make_app


@pytest.fixture
def empty_database(database_url: str, tmp_path) -> Iterator[str]:  # noqa: ANN001
    if database_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'empty.sqlite'}"
        return
    url = create_pg_database(PG_URL)
    yield url
    drop_pg_database(url)


def test_upgrade_from_empty_builds_every_table(empty_database: str) -> None:
    app = make_app(empty_database)
    with app.app_context():
        upgrade()
        tables = set(inspect(db.engine).get_table_names())
        db.engine.dispose()
    assert tables == set(Base.metadata.tables) | {"alembic_version"}


def test_models_and_head_migration_agree(empty_database: str) -> None:
    app = make_app(empty_database)
    with app.app_context():
        upgrade()
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            diff = compare_metadata(context, Base.metadata)
        db.engine.dispose()
    assert diff == []


def test_downgrade_to_empty_and_back(empty_database: str) -> None:
    app = make_app(empty_database)
    with app.app_context():
        upgrade()
        downgrade(revision="base")
        assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
        upgrade()
        db.engine.dispose()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path) -> None:  # noqa: ANN001
    app = make_app(f"sqlite:///{tmp_path / 'pragmas.sqlite'}")
    with app.app_context():
        with db.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        # Migrations turn the keys off while SQLite copies tables; never for the app after.
        upgrade()
        for _ in range(3):  # every pooled connection
            with db.engine.connect() as connection:
                assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        db.engine.dispose()


def test_database_constraints_hold_without_the_app(empty_database: str) -> None:
    """A row that breaks a rule is refused by the database itself, not only by forms."""
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    app = make_app(empty_database)
    with app.app_context():
        upgrade()
        engine = create_engine(db.engine.url)
        db.engine.dispose()
    bad_rows = [
        "INSERT INTO employers (name, kvk_number, contact_name, contact_email, contact_phone, municipality, created_at)"
        " VALUES ('A', '123', '', '', '', 'Utrecht', CURRENT_TIMESTAMP)",
        "INSERT INTO users (email, password_hash, role, locale, active, session_epoch, created_at)"
        " VALUES ('x@example.nl', 'h', 'superuser', 'nl', true, 0, CURRENT_TIMESTAMP)",
        "INSERT INTO users (email, password_hash, role, locale, active, session_epoch, created_at)"
        " VALUES ('c@example.nl', 'h', 'coach', 'nl', true, 0, CURRENT_TIMESTAMP)",
        "INSERT INTO teams (name, active, created_at, lead_user_id) VALUES ('T', true, CURRENT_TIMESTAMP, 999)",
    ]
    for statement in bad_rows:
        with engine.connect() as connection, pytest.raises(IntegrityError):
            connection.execute(text(statement))
    engine.dispose()


def test_tokens_made_before_lifetimes_expire_ninety_days_after_the_upgrade(
    empty_database: str,
) -> None:
    """Issue 14, finding 5: a token from before 0011 keeps working for 90 days from the
    upgrade (its scripts do not break at once), then stops like any other."""
    import datetime as dt

    from sqlalchemy import select, text

    from eteams.models import ApiToken

    app = make_app(empty_database)
    with app.app_context():
        upgrade(revision="0010")
        db.session.execute(text(
            "INSERT INTO users (email, password_hash, role, locale, active, session_epoch, created_at)"
            " VALUES ('lead@example.nl', 'h', 'lead', 'nl', true, 0, CURRENT_TIMESTAMP)"
        ))  # fmt: skip
        db.session.execute(text(
            "INSERT INTO api_tokens (user_id, token_hash, label, created_at)"
            " SELECT id, 'abc', 'old script', CURRENT_TIMESTAMP FROM users"
        ))  # fmt: skip
        db.session.commit()
        before = dt.datetime.now(dt.UTC)
        upgrade()
        after = dt.datetime.now(dt.UTC)
        token = db.session.scalar(select(ApiToken))
        expires = token.expires_at
        state = token.state(after)
        db.session.remove()
        db.engine.dispose()
    ninety = dt.timedelta(days=90)
    assert before + ninety - dt.timedelta(seconds=1) <= expires <= after + ninety
    assert state == "active"


def test_upgrading_to_rule_tables_keeps_every_row_and_old_meanings(empty_database: str) -> None:
    """0014 rebuilds the employees table (SQLite copies it): an employee's training records
    (ON DELETE CASCADE) and the user pointing at them survive; a rule table made before it
    keeps what its keys meant; "banenafspraak" people are in the doelgroepregister."""
    from sqlalchemy import select, text

    from eteams.models import Employee, SroiRuleSet, TrainingRecord, User

    app = make_app(empty_database)
    with app.app_context():
        upgrade(revision="0013")
        for sql in (
            "INSERT INTO employers (name, kvk_number, contact_name, contact_email, contact_phone,"
            " municipality, created_at) VALUES ('W', '12345678', '', '', '', 'Utrecht', CURRENT_TIMESTAMP)",
            "INSERT INTO employees (employer_id, first_name, last_name, status_holder, target_group,"
            " hired_on, contract_type, hours_per_week, created_at) SELECT id, 'Bo', 'B', false,"
            " 'banenafspraak', '2026-01-05', 'temporary', 24, CURRENT_TIMESTAMP FROM employers",
            "INSERT INTO training_records (employee_id, course, completed_on, certificate, created_at)"
            " SELECT id, 'VCA', '2026-02-01', true, CURRENT_TIMESTAMP FROM employees",
            "INSERT INTO users (email, password_hash, role, locale, active, session_epoch, employee_id,"
            " created_at) SELECT 'bo@example.nl', 'h', 'coach', 'nl', true, 0, id, CURRENT_TIMESTAMP"
            " FROM employees",
            "INSERT INTO sroi_rule_sets (municipality, version, valid_from, source, created_at)"
            " VALUES ('Utrecht', 1, '2026-01-01', 'raad', CURRENT_TIMESTAMP)",
            "INSERT INTO sroi_rules (rule_set_id, key, amount) SELECT id, 'base.ww', 20000"
            " FROM sroi_rule_sets",
            "INSERT INTO sroi_rules (rule_set_id, key, amount) SELECT id, 'bonus.age_50_plus', 5000"
            " FROM sroi_rule_sets",
        ):  # fmt: skip
            db.session.execute(text(sql))
        db.session.commit()
        upgrade()
        employee = db.session.scalar(select(Employee))
        trainings = db.session.scalars(select(TrainingRecord)).all()
        user = db.session.scalar(select(User))
        rules = {r.key: (r.kind, r.per, r.conditions) for r in db.session.scalar(
            select(SroiRuleSet)).rules}  # fmt: skip
        result = (employee.doelgroepregister, len(trainings), user.employee_id == employee.id)
        db.session.remove()
        db.engine.dispose()
    assert result == (True, 1, True)
    assert rules == {"base.ww": ("category", "year", {"target_group": "ww"}),
                     "bonus.age_50_plus": ("bonus", "year", {"age_from": 50})}  # fmt: skip
