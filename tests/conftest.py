"""Test set-up: a fresh database per run (SQLite, and PostgreSQL when
ETEAMS_TEST_DATABASE_URL is set), each test's data rolled back, no network but loopback."""

from __future__ import annotations

import datetime as dt
import os
import re
import socket
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from flask import Flask
from flask.testing import FlaskClient
from flask_sqlalchemy.session import _app_ctx_id
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, scoped_session, sessionmaker

from eteams import create_app
from eteams.extensions import db
from tests import factories

PG_URL = os.environ.get("ETEAMS_TEST_DATABASE_URL")
if os.environ.get("CI") and not PG_URL:
    raise pytest.UsageError("CI must run the suite on PostgreSQL too: set ETEAMS_TEST_DATABASE_URL")

BACKENDS = ["sqlite", *(["postgresql"] if PG_URL else [])]


# --- no network but loopback -------------------------------------------------------------

_real_connect = socket.socket.connect


def _loopback_only(sock: socket.socket, address: object) -> object:
    host = address[0] if isinstance(address, tuple) else None
    if host is not None and not _is_loopback(str(host)):
        raise RuntimeError(f"tests may not reach the network ({host})")
    return _real_connect(sock, address)


def _is_loopback(host: str) -> bool:
    return host in ("localhost", "::1") or host.startswith("127.")


socket.socket.connect = _loopback_only  # type: ignore[method-assign]


# --- databases ---------------------------------------------------------------------------


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "postgresql_cases(names): run only these parametrized cases on PostgreSQL"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A slow test may take every case on SQLite and a few on PostgreSQL: the other
    PostgreSQL cases are not collected at all (deselected, never reported as skipped)."""
    kept, dropped = [], []
    for item in items:
        marker = item.get_closest_marker("postgresql_cases")
        params = getattr(getattr(item, "callspec", None), "params", {})
        on_postgresql = params.get("database_url") == "postgresql"
        wanted = marker is None or not on_postgresql or set(params.values()) & set(marker.args[0])
        (kept if wanted else dropped).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


def create_pg_database(base_url: str) -> str:
    """A new, empty PostgreSQL database beside the one in ``base_url``."""
    url = make_url(base_url).set(drivername="postgresql+psycopg")
    name = f"eteams_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


def drop_pg_database(url: str) -> None:
    target = make_url(url)
    admin = create_engine(
        target.set(database=make_url(PG_URL).database), isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{target.database}" WITH (FORCE)'))
    admin.dispose()


def make_app(database_url: str, **extra: object) -> Flask:
    config = {
        "TESTING": True,
        "SECRET_KEY": "test-secret-key-not-for-production",
        "DATABASE_URL": database_url,
        "PASSWORD_HASH_FAST": True,
        "MAP_TILE_URL": "",  # no tile requests leave the machine
        "GEOCODER": "none",
        "JOBS_IMMEDIATE": True,  # pages' jobs run in the request; tests/integration/test_jobs.py
        # runs them in real workers
        **extra,
    }
    return create_app(config)


def upgrade_to_head(app: Flask) -> None:
    from flask_migrate import upgrade

    with app.app_context():
        upgrade()


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite'}"
        return
    url = create_pg_database(PG_URL)
    yield url
    drop_pg_database(url)


@pytest.fixture(scope="session")
def app(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    app = make_app(database_url)
    app.instance_path = str(tmp_path_factory.mktemp("instance"))
    upgrade_to_head(app)
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def session(app: Flask) -> Iterator[Session]:
    """One connection and one outer transaction per test, rolled back afterwards.

    The app's ``db.session`` (a fresh Session per request, as in production) and the
    test's own Session both join that transaction through savepoints, so a commit in a
    view is visible to the test and still undone at the end. No app context is held
    during the test, so every request gets its own ``g`` as it would in production.
    """
    with app.app_context():
        connection = db.engine.connect()
    outer = connection.begin()
    original = db.session
    # A plain sessionmaker: Flask-SQLAlchemy's Session would pick the engine, not our connection.
    db.session = scoped_session(
        sessionmaker(bind=connection, join_transaction_mode="create_savepoint"),
        scopefunc=_app_ctx_id,
    )
    test_session = Session(bind=connection, join_transaction_mode="create_savepoint")
    factories.bind(test_session)
    try:
        yield test_session
    finally:
        test_session.close()
        db.session = original
        outer.rollback()
        connection.close()


@pytest.fixture
def client(app: Flask, session: object) -> FlaskClient:
    return app.test_client()


# --- helpers -----------------------------------------------------------------------------

CSRF_RE = re.compile(
    r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"'
)
PASSWORD = "correct horse battery"


def csrf_from(html: str) -> str:
    match = CSRF_RE.search(html)
    assert match, "page has no CSRF token"
    return match.group(1) or match.group(2)


def login(client: FlaskClient, user: object, password: str = PASSWORD) -> str:
    """Sign in through the form; returns a CSRF token valid for this session."""
    page = client.get("/login")
    token = csrf_from(page.get_data(as_text=True))
    response = client.post(
        "/login", data={"email": user.email, "password": password, "csrf_token": token}
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    return csrf_from(client.get("/profile").get_data(as_text=True))


SERVER_ZONE = ZoneInfo("UTC")  # servers and containers run in UTC; Amsterdam is the app's day


def dutch(app: Flask, texts: Iterable[object]) -> list[str]:
    """Texts made lazily (read in the reader's language) as a Dutch reader gets them."""
    from flask_babel import force_locale

    with app.app_context(), force_locale("nl"):
        return [str(t) for t in texts]


def frozen(moment: dt.datetime) -> time_machine.travel:
    """Stop the clock at ``moment`` (aware) on a server whose own zone is UTC: ``date.today()``
    is then the UTC day, so code that takes it for the Amsterdam day shows up, whatever zone
    the machine running the tests is in."""
    return time_machine.travel(moment.astimezone(SERVER_ZONE), tick=False)


@pytest.fixture
def make_user(session: object):  # noqa: ANN201
    def make(role: str, **kwargs: object) -> object:
        return factories.user(role, **kwargs)

    return make


CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture
def in_app(app: Flask) -> Iterator[None]:
    """An app context for calling services directly (messages come out in Dutch).

    Not for tests that also use the test client: requests would share this context's ``g``.
    """
    with app.app_context():
        yield
