"""Command line: ``flask --app eteams …`` or the ``eteams`` console script.

Every command exits non-zero with a one-line reason on bad input.
"""

from __future__ import annotations

import sys

import click
from flask import Flask
from flask.cli import FlaskGroup, with_appcontext

from eteams.extensions import db
from eteams.models.enums import Role
from eteams.services import accounts
from eteams.services.errors import ValidationError


def _fail(error: ValidationError) -> None:
    raise click.ClickException(
        "; ".join(f"{name}: {' '.join(msgs)}" for name, msgs in error.fields.items())
    )


@click.command("create-user")
@click.argument("email")
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True)
@click.option("--employer", "employer_id", type=int, help="Employer id (employer users).")
@click.option("--employee", "employee_id", type=int, help="Employee id (coaches).")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@with_appcontext
def create_user_command(
    email: str, role: str, employer_id: int | None, employee_id: int | None, password_stdin: bool
) -> None:
    """Create a login. Without --password-stdin the password is asked for, twice."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        user = accounts.create_user(
            db.session,
            email=email,
            role=Role(role),
            password=password,
            employer_id=employer_id,
            employee_id=employee_id,
        )
    except ValidationError as error:
        db.session.rollback()
        _fail(error)
    db.session.commit()
    click.echo(f"created user {user.id} ({user.role.value})")


@click.command("create-token")
@click.argument("email")
@click.option("--label", default="", help="What the token is for.")
@with_appcontext
def create_token_command(email: str, label: str) -> None:
    """Print a new API token for EMAIL, once. Only its hash is stored."""
    from sqlalchemy import select

    from eteams.models import User

    user = db.session.scalar(select(User).where(User.email == email.strip().lower()))
    if user is None or not user.active:
        raise click.ClickException("no active user with that e-mail address")
    token = accounts.create_token(db.session, user, label)
    db.session.commit()
    click.echo(token)


@click.command("demo")
@click.option("--reset", is_flag=True, help="Empty the database first.")
@with_appcontext
def demo_command(reset: bool) -> None:
    """Load the demo programme (a Utrecht neighbourhood) and print the demo logins."""
    from eteams.services import demo

    try:
        logins = demo.load_demo(db.session, reset=reset)
    except demo.DemoExists as error:
        raise click.ClickException(str(error)) from None
    db.session.commit()
    click.echo("Demo programme loaded. Sign in at http://127.0.0.1:5000 with:")
    for login in logins:
        click.echo(f"  {login.role:<9} {login.email:<32} {login.password}")


def init_app(app: Flask) -> None:
    for command in (create_user_command, create_token_command, demo_command):
        app.cli.add_command(command)


def _create_app() -> Flask:
    from eteams import create_app

    return create_app()


@click.group(cls=FlaskGroup, create_app=_create_app)
def main() -> None:
    """eteams management commands."""
