"""Command line: create-user, create-token, demo — and one-line reasons on bad input."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from sqlalchemy import func, select

from eteams.models import Address, Employer, Shift, Team, User, Visit, VisitInterest, WalkList
from eteams.services import clock
from tests import factories
from tests.conftest import frozen, login


def test_create_user_from_stdin_can_log_in_and_me_shows_role(app, client, session) -> None:  # noqa: ANN001
    runner = app.test_cli_runner()
    result = runner.invoke(
        args=["create-user", "Planner@Example.nl", "--role", "lead", "--password-stdin"],
        input="een heel goed wachtwoord\n",
    )
    assert result.exit_code == 0, result.output
    user = session.scalar(select(User).where(User.email == "planner@example.nl"))
    login(client, user, password="een heel goed wachtwoord")
    assert client.get("/api/v1/me").json["role"] == "lead"


def test_create_user_bad_input_exits_non_zero_with_one_line(app, session) -> None:  # noqa: ANN001
    runner = app.test_cli_runner()
    result = runner.invoke(
        args=["create-user", "not-an-email", "--role", "coach", "--password-stdin"],
        input="kort\n",
    )
    assert result.exit_code != 0
    assert len(result.output.strip().splitlines()) == 1
    assert "email" in result.output
    assert session.scalar(select(func.count(User.id))) == 0


def test_employer_user_needs_an_existing_employer(app, session) -> None:  # noqa: ANN001
    result = app.test_cli_runner().invoke(
        args=[
            "create-user",
            "hr@example.nl",
            "--role",
            "employer",
            "--employer",
            "999",
            "--password-stdin",
        ],
        input="een heel goed wachtwoord\n",
    )
    assert result.exit_code != 0
    assert "employer_id" in result.output


def test_create_user_ties_an_employer_user_to_its_employer(app, session) -> None:  # noqa: ANN001
    employer = factories.EmployerFactory()
    result = app.test_cli_runner().invoke(
        args=[
            "create-user",
            "hr@example.nl",
            "--role",
            "employer",
            "--employer",
            str(employer.id),
            "--password-stdin",
        ],
        input="een heel goed wachtwoord\n",
    )
    assert result.exit_code == 0, result.output
    assert (
        session.scalar(select(User.employer_id).where(User.email == "hr@example.nl")) == employer.id
    )


def test_create_token_prints_a_working_token_once(app, client, session, make_user) -> None:  # noqa: ANN001
    user = make_user("employer")
    result = app.test_cli_runner().invoke(args=["create-token", user.email])
    assert result.exit_code == 0
    token = result.output.strip()
    assert token.startswith("et_")
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert me.json["role"] == "employer"
    unknown = app.test_cli_runner().invoke(args=["create-token", "nobody@example.nl"])
    assert unknown.exit_code != 0


POSTCODE = re.compile(r"^[1-9]\d{3} (?!SA|SD|SS)[A-Z]{2}$")


# The demo is dated from the day it is loaded: any fixed moment will do, and this one is the
# day `make demo` failed (fixed 2026 dates mixed with "60 days ago").
DEMO_NOW = dt.datetime(2026, 12, 1, 10, 0, tzinfo=clock.LOCAL)


def test_demo_programme(app, session) -> None:  # noqa: ANN001
    with frozen(DEMO_NOW):
        _demo_programme(app, session)


def _demo_programme(app, session) -> None:  # noqa: ANN001
    today = DEMO_NOW.date()
    result = app.test_cli_runner().invoke(args=["demo"])
    assert result.exit_code == 0, result.output
    printed = result.output
    for role in ("admin", "lead", "coach", "employer"):
        assert re.search(rf"^\s+{role}\s+\S+@demo\.eteams\.nl\s+\S{{12,}}$", printed, re.M), role
    addresses = session.scalars(select(Address).order_by(Address.id)).all()
    assert 300 <= len(addresses) <= 800
    assert all(POSTCODE.match(a.postcode) for a in addresses)
    assert all(52.08 < a.lat < 52.10 and 5.09 < a.lon < 5.11 for a in addresses)  # Lombok, Utrecht
    assert len({a.street for a in addresses}) >= 8
    assert len(Counter(a.dwelling_type for a in addresses)) >= 5
    decades = {a.building_year // 10 for a in addresses}
    assert min(decades) < 193 and max(decades) >= 199
    assert session.scalar(select(func.count(Employer.id))) == 2
    assert session.scalar(select(func.count(Team.id))) == 3
    days = session.scalars(select(Shift.date).distinct()).all()
    assert max(days) - min(days) >= dt.timedelta(days=10)
    visit_days = {clock.local_day(v.visited_at) for v in session.scalars(select(Visit))}
    assert visit_days and max(visit_days) < today
    assert session.scalar(select(func.count(WalkList.id).filter(WalkList.date == today))) == 3
    assert session.scalar(select(func.count(VisitInterest.id))) > 0  # for the programme report
    # The demo refuses to overwrite data unless told to, and gives the same programme again.
    again = app.test_cli_runner().invoke(args=["demo"])
    assert again.exit_code != 0 and "--reset" in again.output
    first = [(a.street, a.house_label, a.postcode, a.lat) for a in addresses]
    assert app.test_cli_runner().invoke(args=["demo", "--reset"]).exit_code == 0
    session.expire_all()
    second = [
        (a.street, a.house_label, a.postcode, a.lat)
        for a in session.scalars(select(Address).order_by(Address.id))
    ]
    assert second == first


def test_demo_can_be_loaded_as_on_another_day(app, session) -> None:  # noqa: ANN001
    result = app.test_cli_runner().invoke(args=["demo", "--today", "2028-02-29"])
    assert result.exit_code == 0, result.output
    assert session.scalars(select(WalkList.date).distinct().order_by(WalkList.date)).all()[-1] == (
        dt.date(2028, 2, 29)
    )
    bad = app.test_cli_runner().invoke(args=["demo", "--reset", "--today", "2027-02-29"])
    assert bad.exit_code != 0 and "2027-02-29" in bad.output


def test_seed_catalogue_loads_the_reference_measures(app, session) -> None:  # noqa: ANN001
    from eteams.models import Measure

    result = app.test_cli_runner().invoke(args=["seed-catalogue"])
    assert result.exit_code == 0 and "13 measures" in result.output
    foil = session.scalar(select(Measure).where(Measure.key == "radiator_foil"))
    assert foil.is_small and foil.name_en == "Radiator foil"
    again = app.test_cli_runner().invoke(args=["seed-catalogue"])
    assert again.exit_code == 0
    assert session.scalar(select(func.count(Measure.id))) == 13
