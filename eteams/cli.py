"""Command line: ``flask --app eteams …`` or the ``eteams`` console script.

Every command exits non-zero with a one-line reason on bad input.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click
from flask import Flask
from flask.cli import FlaskGroup, with_appcontext

from eteams.extensions import db
from eteams.models.enums import Role
from eteams.routes.helpers import DB_INT_LIMIT
from eteams.services import accounts
from eteams.services.errors import ValidationError

ISO_DATE = click.DateTime(["%Y-%m-%d"])
# An id a column can hold: a 30-digit id is a one-line refusal, not an overflow traceback.
ID = click.IntRange(1, DB_INT_LIMIT - 1)


def _fail(error: ValidationError) -> None:
    raise click.ClickException(
        "; ".join(f"{name}: {' '.join(msgs)}" for name, msgs in error.fields.items())
    )


@click.command("create-user")
@click.argument("email")
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True)
@click.option("--employer", "employer_id", type=ID, help="Employer id (employer users).")
@click.option("--employee", "employee_id", type=ID, help="Employee id (coaches).")
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
            actor_id=None,
        )
    except ValidationError as error:
        db.session.rollback()
        _fail(error)
    db.session.commit()
    click.echo(f"created user {user.id} ({user.role.value})")


@click.command("create-token")
@click.argument("email")
@click.option("--label", default="", help="What the token is for.")
@click.option("--days", default=accounts.TOKEN_DAYS, show_default=True, type=int,
              help="How long it works, in days (1 to 366).")  # fmt: skip
@with_appcontext
def create_token_command(email: str, label: str, days: int) -> None:
    """Print a new API token for EMAIL, once. Only its hash is stored; the audit log records
    that it was made (from the command line)."""
    user = _user_by_email(email)
    try:
        token = accounts.create_token(db.session, user, label, days=days, actor_id=None)
    except ValidationError as error:
        db.session.rollback()
        _fail(error)
    db.session.commit()
    click.echo(token)


@click.command("list-tokens")
@click.option("--email", default=None, help="Only this user's tokens.")
@with_appcontext
def list_tokens_command(email: str | None) -> None:
    """List API tokens, newest first: id, owner, state, expiry and last use (Amsterdam time),
    label."""
    from eteams.models.base import utcnow
    from eteams.services.clock import LOCAL

    def local(moment) -> str:  # noqa: ANN001
        return moment.astimezone(LOCAL).strftime("%Y-%m-%d %H:%M") if moment else "never"

    user = _user_by_email(email, active_only=False) if email else None
    now = utcnow()
    for token in accounts.tokens(db.session, user):
        click.echo(
            f"{token.id}\t{token.user.email}\t{token.state(now)}\texpires "
            f"{local(token.expires_at)}\tlast used {local(token.last_used_at)}\t{token.label}"
        )


@click.command("revoke-token")
@click.argument("token_id", type=ID)
@with_appcontext
def revoke_token_command(token_id: int) -> None:
    """Stop API token TOKEN_ID working at once (the id from list-tokens); audited."""
    from eteams.models import ApiToken

    token = db.session.get(ApiToken, token_id)
    if token is None:
        raise click.ClickException(f"no token with id {token_id}")
    revoked = accounts.revoke_token(db.session, token, actor_id=None)
    db.session.commit()
    click.echo(f"token {token_id} revoked" if revoked else f"token {token_id} was already revoked")


def _user_by_email(email: str, *, active_only: bool = True):  # noqa: ANN202
    from sqlalchemy import select

    from eteams.models import User

    user = db.session.scalar(select(User).where(User.email == email.strip().lower()))
    if user is None or (active_only and not user.active):
        raise click.ClickException(
            "no active user with that e-mail address"
            if active_only
            else "no user with that e-mail address"
        )
    return user


@click.command("demo")
@click.option("--reset", is_flag=True, help="Empty the database first.")
@click.option("--today", "today", type=ISO_DATE, hidden=True, help="Load it as on YYYY-MM-DD.")
@with_appcontext
def demo_command(reset: bool, today) -> None:  # noqa: ANN001
    """Load the demo programme (a Utrecht neighbourhood) and print the demo logins."""
    from eteams.services import clock, demo

    try:
        logins = demo.load_demo(db.session, today.date() if today else clock.today(), reset=reset)
    except demo.DemoExists as error:
        raise click.ClickException(str(error)) from None
    db.session.commit()
    address = os.environ.get("ETEAMS_DEMO_URL", "http://127.0.0.1:5000")
    click.echo(f"Demo programme loaded. Sign in at {address} with:")
    for login in logins:
        click.echo(f"  {login.role:<9} {login.email:<32} {login.password}")


def _campaign(name: str):  # noqa: ANN202
    from eteams.services import campaigns

    campaign = campaigns.find_campaign(db.session, name)
    if campaign is None:
        raise click.ClickException(f"no campaign named {name!r}")
    return campaign


@click.command("import-addresses")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--campaign", "campaign_name", required=True, help="Campaign name.")
@with_appcontext
def import_addresses_command(file: str, campaign_name: str) -> None:
    """Import a CSV of addresses into a campaign: every row, or none."""
    from pathlib import Path

    from eteams.services import importing

    campaign = _campaign(campaign_name)
    try:
        result = importing.import_addresses(
            db.session, campaign, Path(file).read_bytes(), actor_id=None
        )
    except importing.ImportRejected as rejected:
        db.session.rollback()
        for problem in rejected.problems:
            click.echo(f"row {problem.row}: {' '.join(problem.messages)}", err=True)
        reason = "; ".join(rejected.file_problems) or f"{rejected.bad_rows} rows cannot be imported"
        raise click.ClickException(f"nothing imported: {reason}") from None
    db.session.commit()
    for duplicate in result.duplicates:
        click.echo(f"row {duplicate.row}: skipped, {' '.join(duplicate.messages)}")
    click.echo(f"imported {result.imported} addresses, skipped {len(result.duplicates)} duplicates")


@click.command("geocode")
@click.option("--campaign", "campaign_name", required=True, help="Campaign name.")
@click.option("--retry-failed", is_flag=True, help="Ask again for addresses that failed.")
@with_appcontext
def geocode_command(campaign_name: str, retry_failed: bool) -> None:
    """Find coordinates for a campaign's addresses with the configured geocoder."""
    from flask import current_app

    from eteams.services import geocoding

    campaign = _campaign(campaign_name)
    lookup = geocoding.lookup_from_config(current_app.config)
    if lookup is None:
        raise click.ClickException("ETEAMS_GEOCODER is 'none': coordinates must come in the CSV")
    totals = geocoding.GeocodeProgress()
    while True:
        step = geocoding.geocode_campaign(
            db.session,
            campaign.id,
            lookup,
            limit=None if retry_failed else 100,
            retry_failed=retry_failed,
            actor_id=None,
        )
        for name in ("done", "found", "not_found", "errors"):
            setattr(totals, name, getattr(totals, name) + getattr(step, name))
        click.echo(f"{totals.done} done, {step.remaining} to go", err=True)
        retry_failed = False  # each failed address is retried once per run
        if step.remaining == 0 or step.done == 0:
            break
    click.echo(f"found {totals.found}, not found {totals.not_found}, errors {totals.errors}")


@click.command("plan")
@click.option("--campaign", "campaign_name", required=True, help="Campaign name.")
@click.option("--date", "day", required=True, type=click.DateTime(["%Y-%m-%d"]), help="YYYY-MM-DD")
@click.option("--doors-per-hour", default=None, type=click.IntRange(1, 30))
@with_appcontext
def plan_command(campaign_name: str, day, doors_per_hour: int | None) -> None:  # noqa: ANN001
    """Plan the walk lists of every shift on DATE (draft lists are replaced, locked kept)."""
    from flask import current_app

    from eteams.services import planning

    campaign = _campaign(campaign_name)
    config = current_app.config
    try:
        outcome = planning.plan_day(
            db.session, campaign, day.date(), None, doors_per_hour or config["DOORS_PER_HOUR"],
            max_seconds=config["PLAN_MAX_SECONDS"], actor_id=None,
        )  # fmt: skip
    except ValidationError as error:
        db.session.rollback()
        _fail(error)
    db.session.commit()
    for wl in outcome.walk_lists:
        click.echo(f"list {wl.id} (shift {wl.shift_id}): {len(wl.stops)} doors, "
                   f"{wl.planned_distance_m} m, {wl.planned_minutes} min")  # fmt: skip
    click.echo(f"planned {len(outcome.walk_lists)} lists in {outcome.seconds:.1f} s; "
               f"kept {len(outcome.kept)}; unplanned {len(outcome.unplanned)} doors")  # fmt: skip


@click.command("letters")
@click.option("--date", "day", required=True, type=click.DateTime(["%Y-%m-%d"]), help="YYYY-MM-DD")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, writable=True))
@click.option("--include-sent", is_flag=True, help="also the letters already sent (a reprint)")
@with_appcontext
def letters_command(day, out: str, include_sent: bool) -> None:  # noqa: ANN001
    """One PDF of the advice letters of the day's conversations not sent yet, for printing."""
    from pathlib import Path

    from eteams.services import letters

    pdf, count = letters.day_bundle(db.session, day.date(), actor_id=None,
                                    include_sent=include_sent)  # fmt: skip
    if not count:
        raise click.ClickException(f"no letters to print for {day.date():%Y-%m-%d}: no "
                                   "conversation asked for one, or all were sent "
                                   "(--include-sent prints those again)")  # fmt: skip
    db.session.commit()
    Path(out).write_bytes(pdf)
    click.echo(f"{count} letters written to {out}")


@click.command("placement-report")
@click.option("--employer", "employer_id", required=True, type=ID, help="employer id")
@click.option(
    "--from", "start", required=True, type=click.DateTime(["%Y-%m-%d"]), help="YYYY-MM-DD"
)
@click.option("--to", "end", required=True, type=click.DateTime(["%Y-%m-%d"]), help="YYYY-MM-DD")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, writable=True),
              help="file ending in .pdf or .csv")  # fmt: skip
@click.option("--for", "audience", type=click.Choice(["employer", "municipality"]),
              default="employer", help="the employer's own version, or the municipality's "
              "(no health data)")  # fmt: skip
@click.option("--initials", is_flag=True, help="the municipality's version: initials, not names")
@click.option("--lang", "language", type=click.Choice(["nl", "en"]), default="nl",
              help="the CSV's language (the PDF is Dutch)")  # fmt: skip
@with_appcontext
def placement_report_command(  # noqa: PLR0913
    employer_id: int,
    start,
    end,
    out: str,
    audience: str,
    initials: bool,  # noqa: ANN001
    language: str,
) -> None:
    """An employer's placement report for a period (both days included), as PDF or CSV."""
    from pathlib import Path

    from flask_babel import force_locale

    from eteams.documents import placement_report as document
    from eteams.models import Employer
    from eteams.services import audit, placement

    path = Path(out)
    if path.suffix not in (".pdf", ".csv"):
        raise click.ClickException("--out must end in .pdf or .csv")
    if start > end:
        raise click.ClickException("the period starts after it ends")
    employer = db.session.get(Employer, employer_id)
    if employer is None:
        raise click.ClickException(f"no employer with id {employer_id}")
    report = placement.placement_report(db.session, employer.id, start.date(), end.date())
    if audience == placement.FOR_MUNICIPALITY:
        report = placement.for_municipality(report, initials=initials)
    report = placement.issue(db.session, report, None)
    try:
        if path.suffix == ".pdf":
            with force_locale("nl"):
                path.write_bytes(document.render(report))
        else:
            path.write_text(placement.report_csv(report, language), encoding="utf-8")
    except OSError as error:  # no version is kept for a report that was not written
        db.session.rollback()
        raise click.ClickException(f"cannot write {out}: {error.strerror or error}") from None
    period = {"start": start.date().isoformat(), "end": end.date().isoformat()}
    audit.record(db.session, "placement_report_downloaded", actor_id=None, obj=employer,
                 format="cli", audience=audience, version=report.version, **period)  # fmt: skip
    db.session.commit()
    version = ("provisional (the period has not ended): no version, not for signing"
               if report.provisional else f"version {report.version}")  # fmt: skip
    click.echo(f"{len(report.employees)} employees, {report.total_jobs} jobs, {version}: "
               f"written to {out}")  # fmt: skip


@click.command("seed-catalogue")
@with_appcontext
def seed_catalogue_command() -> None:
    """Load measures, financing options and price books from the sourced reference figures."""
    from eteams.services import catalogue

    counts = catalogue.seed_all(db.session)
    db.session.commit()
    click.echo(", ".join(f"{n} {what}" for what, n in counts.items()))


@click.command("purge-expired")
@with_appcontext
def purge_expired_command() -> None:
    """Erase households past the retention period and forget ended sessions (run daily)."""
    from flask import current_app

    from eteams.models.base import utcnow
    from eteams.services import clock, privacy, sessions

    config = current_app.config
    days = int(config["HOUSEHOLD_RETENTION_DAYS"])
    counts = privacy.purge_expired(db.session, clock.today(), days)
    ended = sessions.purge(db.session, utcnow(), float(config["SESSION_ABSOLUTE_HOURS"]))
    db.session.commit()
    click.echo(f"erased {counts['households']} households, removed {counts['uploads']} uploads, "
               f"{ended} ended sessions")  # fmt: skip


@click.command("worker")
@click.option(
    "--threads",
    default=1,
    show_default=True,
    type=click.IntRange(1, 32),
    help="Jobs this worker runs at once (start more workers for more machines).",
)
@with_appcontext
def worker_command(threads: int) -> None:
    """Run background jobs (planning, geocoding, the day's letters) until stopped."""
    from flask import current_app

    from eteams import worker

    app = current_app._get_current_object()  # type: ignore[attr-defined]
    worker.consumer(app, workers=threads).run()


def init_app(app: Flask) -> None:
    for command in (
        create_user_command,
        create_token_command,
        list_tokens_command,
        revoke_token_command,
        demo_command,
        import_addresses_command,
        geocode_command,
        plan_command,
        letters_command,
        placement_report_command,
        seed_catalogue_command,
        purge_expired_command,
        worker_command,
        backup_command,
        restore_command,
    ):
        app.cli.add_command(command)


def _create_app() -> Flask:
    from eteams import create_app

    return create_app()


@click.group(cls=FlaskGroup, create_app=_create_app)
def main() -> None:
    """eteams management commands."""


@click.command("backup")
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="A new file for the copy (it holds personal data: keep it safe).")  # fmt: skip
@with_appcontext
def backup_command(out: Path) -> None:
    """Copy the SQLite database while the app runs (PostgreSQL: pg_dump, see docs/deploy.md)."""
    from eteams.services import audit, backup

    try:
        counts = backup.backup(db.engine, out)
    except ValidationError as error:
        _fail(error)
    audit.record(db.session, "backup_made", actor_id=None, tables=len(counts))
    db.session.commit()
    click.echo(f"backup written to {out}: {len(counts)} tables, {counts.get('visits', 0)} visits")


@click.command("restore")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Confirm: the current data is replaced.")
@with_appcontext
def restore_command(file: Path, yes: bool) -> None:
    """Replace the SQLite database with a backup. Stop the app first."""
    from eteams.services import audit, backup

    if not yes:
        raise click.ClickException(
            "restoring replaces all current data; stop the app and run again with --yes"
        )
    try:
        counts = backup.restore(db.engine, file)
    except ValidationError as error:
        _fail(error)
    audit.record(db.session, "backup_restored", actor_id=None, tables=len(counts))
    db.session.commit()
    click.echo(f"restored {file}: {len(counts)} tables, {counts.get('visits', 0)} visits; "
               "run `flask db upgrade` if the backup is from an older release")  # fmt: skip
