"""Configuration order: defaults, then instance/config.py, then ETEAMS_* variables."""

from __future__ import annotations

import stat

import pytest

from eteams import create_app


@pytest.fixture
def instance(tmp_path, monkeypatch):  # noqa: ANN001, ANN201
    for name in ("DATABASE_URL", "ETEAMS_DATABASE_URL", "ETEAMS_SECRET_KEY", "ETEAMS_GEOCODER"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("flask.Flask.auto_find_instance_path", lambda self: str(tmp_path))
    return tmp_path


def test_defaults_use_sqlite_in_the_instance_folder(instance) -> None:  # noqa: ANN001
    app = create_app()
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{instance / 'eteams.sqlite'}"
    assert app.config["GEOCODER"] == "pdok"
    assert app.config["BABEL_DEFAULT_LOCALE"] == "nl"


def test_instance_config_overrides_defaults_and_env_overrides_both(instance, monkeypatch) -> None:  # noqa: ANN001
    (instance / "config.py").write_text(
        'GEOCODER = "nominatim"\nLOGIN_RATE_LIMIT = "5 per minute"\n'
    )
    app = create_app()
    assert app.config["GEOCODER"] == "nominatim"
    monkeypatch.setenv("ETEAMS_GEOCODER", "none")
    app = create_app()
    assert app.config["GEOCODER"] == "none"
    assert app.config["LOGIN_RATE_LIMIT"] == "5 per minute"


def test_database_url_is_honoured_and_eteams_variable_wins(instance, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("DATABASE_URL", "postgres://u@db.example/one")
    assert create_app().config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u@db.example/one"
    monkeypatch.setenv("ETEAMS_DATABASE_URL", "postgresql://u@db.example/two")
    assert create_app().config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u@db.example/two"


def test_missing_secret_key_is_generated_once_and_kept_private(instance) -> None:  # noqa: ANN001
    first = create_app().config["SECRET_KEY"]
    second = create_app().config["SECRET_KEY"]
    assert first == second
    assert len(first) == 64
    mode = stat.S_IMODE((instance / "secret_key").stat().st_mode)
    assert mode == 0o600


def test_configured_secret_key_is_used_and_nothing_is_written(instance, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("ETEAMS_SECRET_KEY", "k" * 64)
    assert create_app().config["SECRET_KEY"] == "k" * 64
    assert not (instance / "secret_key").exists()


def test_secure_cookie_is_switchable_by_environment(instance, monkeypatch) -> None:  # noqa: ANN001
    assert create_app().config["SESSION_COOKIE_SECURE"] is False
    monkeypatch.setenv("ETEAMS_SESSION_COOKIE_SECURE", "true")
    assert create_app().config["SESSION_COOKIE_SECURE"] is True
