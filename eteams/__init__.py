"""eteams: field operations for E-teams."""

from __future__ import annotations

import logging
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import Engine
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter

from eteams import config as default_config


class DatabaseIntConverter(IntegerConverter):
    def __init__(self, map: Any, *args: Any, **kwargs: Any) -> None:  # noqa: A002
        kwargs.setdefault("max", 2**31 - 1)  # PostgreSQL's INTEGER, the type of every id
        super().__init__(map, *args, **kwargs)


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    # An id in a URL beyond what the databases store is simply not found (not a crash).
    app.url_map.converters["int"] = DatabaseIntConverter
    _load_config(app, test_config)
    _init_extensions(app)

    from eteams import cli, security, web
    from eteams.routes import register_blueprints

    if app.config["TRUSTED_PROXIES"]:
        hops = int(app.config["TRUSTED_PROXIES"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)  # type: ignore[method-assign]
    security.init_app(app)
    web.init_app(app)
    register_blueprints(app)
    _retry_reads_that_write(app)
    cli.init_app(app)
    return app


def _retry_reads_that_write(app: Flask) -> None:
    """SQLite: a GET begins an ordinary (read) transaction; one that also writes (a download
    audited, a walk list noted as fetched) is refused at once, without waiting, when a
    background job committed since its read began ("database is locked": SQLite cannot
    upgrade a reader whose snapshot is stale). Such a request is run again, from the start,
    taking the write lock first: it wrote nothing the first time (the transaction failed)."""
    from functools import wraps

    from flask import g, request
    from sqlalchemy.exc import OperationalError

    from eteams.extensions import db

    def again(view: Any) -> Any:
        @wraps(view)
        def run(*args: Any, **kwargs: Any) -> Any:
            try:
                return view(*args, **kwargs)
            except OperationalError as error:
                if (request.method not in ("GET", "HEAD") or g.get("writes")
                        or db.engine.dialect.name != "sqlite"
                        or "locked" not in str(error.orig)):  # fmt: skip
                    raise
                db.session.rollback()  # the signed-in user stays in the session, reloaded
                g.writes = True  # BEGIN IMMEDIATE: waits for the job's commit, then writes
                return view(*args, **kwargs)

        return run

    for endpoint, view in list(app.view_functions.items()):
        if endpoint != "static":
            app.view_functions[endpoint] = again(view)


def _load_config(app: Flask, test_config: dict[str, Any] | None) -> None:
    app.config.from_object(default_config)
    app.config.from_pyfile("config.py", silent=True)
    if os.environ.get("DATABASE_URL"):
        app.config["DATABASE_URL"] = os.environ["DATABASE_URL"]
    app.config.from_prefixed_env(prefix="ETEAMS")
    if test_config:
        app.config.update(test_config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = default_config.load_secret_key(app.instance_path)
    app.config["SQLALCHEMY_DATABASE_URI"] = default_config.database_uri(
        app.config.get("DATABASE_URL"), app.instance_path
    )
    # A database error's text would carry the submitted values (names, addresses): never log them.
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {
        **app.config.get("SQLALCHEMY_ENGINE_OPTIONS", {}),
        "hide_parameters": True,
    }
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite:///"):
        Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    logging.basicConfig(level=app.config.get("LOG_LEVEL", "INFO"))
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)


def compile_translations(directory: Path) -> None:
    """Each catalogue compiled (.mo) where it is missing or older than its .po: a fresh
    install from the sources (pip install, git clone) speaks Dutch without a build step. The
    file is written aside and moved into place, so workers starting together never read half
    a file."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po in directory.glob("*/LC_MESSAGES/messages.po"):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        try:
            with po.open("rb") as handle:
                catalog = read_po(handle)
            fd, aside = tempfile.mkstemp(dir=po.parent, suffix=".mo")
            with os.fdopen(fd, "wb") as handle:
                write_mo(handle, catalog)
            os.chmod(aside, 0o644)  # mkstemp's 0600 would lock out workers of another user
            os.replace(aside, mo)
        except OSError as error:  # a read-only install: then it must ship the .mo files
            logging.getLogger(__name__).error("cannot compile %s: %s", po, error)


def _init_extensions(app: Flask) -> None:
    from eteams.extensions import babel, csrf, db, login, migrate
    from eteams.services import accounts

    db.init_app(app)
    migrate.init_app(
        app, db, directory=str(Path(__file__).parent / "migrations"), render_as_batch=True
    )
    csrf.init_app(app)
    login.init_app(app)
    from eteams.web import select_locale

    compile_translations(Path(__file__).parent / "translations")
    babel.init_app(app, locale_selector=select_locale)
    app.jinja_env.filters["datetimeformat"] = _datetimeformat
    accounts.configure_hashing(fast=app.config["PASSWORD_HASH_FAST"])


def _datetimeformat(value: Any, format: str | None = None, rebase: bool = True) -> str:  # noqa: A002
    """Flask-Babel's filter; in the hour Amsterdam clocks show twice it says which one."""
    from flask_babel import format_datetime
    from flask_babel import gettext as _

    from eteams.services import clock

    text = format_datetime(value, format, rebase)
    if value is not None and clock.repeated_hour(value):
        summer = value.astimezone(clock.LOCAL).dst()
        text += " (" + (_("summer time") if summer else _("winter time")) + ")"
    return text


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """WAL for concurrent readers, foreign keys on, and fsync at every commit (durability)."""
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    # Let SQLAlchemy issue BEGIN itself, so SAVEPOINTs and transactional DDL work.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


@event.listens_for(Engine, "begin")
def _sqlite_begin(conn: Any) -> None:
    """A request that may write, and a background job, take SQLite's write lock up front
    (BEGIN IMMEDIATE), so concurrent writers queue behind busy_timeout instead of failing
    with "database is locked" when a read transaction tries to become a write one."""
    if conn.dialect.name != "sqlite":
        return
    from flask import g, has_app_context, has_request_context, request

    writes = has_request_context() and request.method in ("POST", "PUT", "PATCH", "DELETE")
    writes = writes or (has_app_context() and g.get("writes", False))  # a background job
    # A command (flask create-user, purge-expired, …) has an app context and no request: it
    # writes too, and must queue behind a job instead of failing when the job commits.
    writes = writes or (has_app_context() and not has_request_context())
    conn.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")
