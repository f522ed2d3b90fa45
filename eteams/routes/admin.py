"""Admin screens: employers, employees (with training), teams and users."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.orm import contains_eager, selectinload

from eteams.documents import charts
from eteams.extensions import db
from eteams.forms.admin import (
    ContractChangeForm,
    ContractForm,
    EmployeeForm,
    EmployerForm,
    SocialActivityForm,
    TeamForm,
    TokenForm,
    TrainingForm,
    UserForm,
)
from eteams.labels import options
from eteams.models import (
    Address,
    ApiToken,
    Employee,
    Employer,
    SocialActivity,
    SroiContract,
    Team,
    TeamMembership,
    User,
)
from eteams.models.base import utcnow
from eteams.models.enums import ContractType, EndReason, Language, LearningRoute, Role, TargetGroup
from eteams.permissions import Permission
from eteams.routes.helpers import flash_errors, get_visible_or_404, report_period, show_errors
from eteams.security import requires
from eteams.services import accounts, audit, clock, days, privacy
from eteams.services import employers as employer_service
from eteams.services import programme as programme_service
from eteams.services import teams as team_service
from eteams.services.errors import ValidationError

bp = Blueprint("admin", __name__, url_prefix="/admin")


def _render_form(form: Any, title: object, back: str, **extra: Any) -> str:
    return render_template("admin/form.html", form=form, title=title, back=back, **extra)


def _saved(message: object, endpoint: str) -> Any:
    db.session.commit()
    flash(str(message), "success")
    return redirect(url_for(endpoint))


@bp.route("/")
@requires(Permission.USERS_MANAGE)
def index() -> Any:
    counts = {
        "employers": db.session.scalar(select(func.count(Employer.id))),
        "employees": db.session.scalar(select(func.count(Employee.id))),
        "teams": db.session.scalar(select(func.count(Team.id))),
        "users": db.session.scalar(select(func.count(User.id))),
    }
    return render_template("admin/index.html", counts=counts)


@bp.route("/programme")
@requires(Permission.PROGRAMME_REPORTS)
def programme() -> Any:
    """Across employers and campaigns: jobs, households reached, interest and its worth."""
    start, end = report_period()
    report = programme_service.programme_report(db.session, start, end)
    chart = None
    if report.measures:
        top = report.measures[:12]
        name = "name_nl" if get_locale().language == "nl" else "name_en"
        chart = charts.svg_data_uri(charts.bar_chart(
            [getattr(m, name) for m in top],
            [(_("Interested"), [m.interested for m in top]), (_("Maybe"), [m.maybe for m in top])],
            width=640,
        ))  # fmt: skip
    return render_template("admin/programme.html", report=report, start=start, end=end,
                           chart=chart)  # fmt: skip


@bp.route("/programme.pdf")
@requires(Permission.PROGRAMME_REPORTS)
def programme_pdf() -> Any:
    from flask_babel import force_locale

    from eteams.documents import programme_report as document

    start, end = report_period()
    report = programme_service.programme_report(db.session, start, end)
    with force_locale("nl"):
        pdf = document.render(report)
    return _programme_download(pdf, "application/pdf", start, end, "pdf")


@bp.route("/programme.csv")
@requires(Permission.PROGRAMME_REPORTS)
def programme_csv() -> Any:
    start, end = report_period()
    language = "en" if request.args.get("lang") == "en" else "nl"
    report = programme_service.programme_report(db.session, start, end)
    body = programme_service.report_csv(report, language).encode("utf-8")
    return _programme_download(body, "text/csv", start, end, "csv")


def _programme_download(body: bytes, mimetype: str, start: Any, end: Any, kind: str) -> Any:
    from flask import Response

    audit.record(db.session, "programme_report_downloaded", actor_id=current_user.id,
                 start=start.isoformat(), end=end.isoformat(), format=kind)  # fmt: skip
    db.session.commit()
    filename = f"programma-{start:%Y%m%d}-{end:%Y%m%d}.{kind}"
    return Response(body, mimetype=mimetype, headers={
        "Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store",
    })  # fmt: skip


# --- employers ---------------------------------------------------------------------------


@bp.route("/employers")
@requires(Permission.EMPLOYERS_WRITE)
def employers() -> Any:
    stmt = select(Employer).options(selectinload(Employer.employees)).order_by(Employer.name)
    rows = db.session.scalars(stmt).all()
    return render_template("admin/employers.html", employers=rows)


@bp.route("/employers/new", methods=["GET", "POST"])
@bp.route("/employers/<int:employer_id>", methods=["GET", "POST"])
@requires(Permission.EMPLOYERS_WRITE)
def employer_form(employer_id: int | None = None) -> Any:
    employer = get_visible_or_404(Employer, employer_id) if employer_id else None
    form = EmployerForm(obj=employer)
    if form.validate_on_submit():
        data = employer_service.EmployerData(
            name=form.name.data,
            kvk_number=form.kvk_number.data,
            contact_name=form.contact_name.data or "",
            contact_email=form.contact_email.data or "",
            contact_phone=form.contact_phone.data or "",
            municipality=form.municipality.data or "Utrecht",
        )
        try:
            employer_service.save_employer(db.session, data, employer, current_user.id)
        except ValidationError as error:
            db.session.rollback()
            show_errors(form, error)
        else:
            return _saved(_l("Employer saved."), "admin.employers")
    if employer is None:
        return _render_form(form, _l("New employer"), url_for("admin.employers"))
    return _employer_page(employer, form=form)


def _activities(employer: Employer) -> list[SocialActivity]:
    return list(db.session.scalars(
        select(SocialActivity).where(SocialActivity.employer_id == employer.id)
        .order_by(SocialActivity.day.desc(), SocialActivity.id.desc())
    ))  # fmt: skip


@bp.route("/employers/<int:employer_id>/activities", methods=["POST"])
@requires(Permission.EMPLOYERS_WRITE)
def add_social_activity(employer_id: int) -> Any:
    """Hours given to a social activity, which a rule table may value per hour."""
    employer = get_visible_or_404(Employer, employer_id)
    form = SocialActivityForm(prefix="activity")
    if form.validate_on_submit():
        try:
            employer_service.add_social_activity(
                db.session, employer, form.day.data, form.hours.data, form.description.data,
                actor_id=current_user.id,
            )  # fmt: skip
        except ValidationError as error:
            db.session.rollback()
            show_errors(form, error)
        else:
            db.session.commit()
            flash(_("Activity recorded."), "success")
            return redirect(url_for("admin.employer_form", employer_id=employer.id) + "#activities")
    return _employer_page(employer, activity_form=form), 422


@bp.route("/employers/<int:employer_id>/activities/<int:activity_id>/delete", methods=["POST"])
@requires(Permission.EMPLOYERS_WRITE)
def remove_social_activity(employer_id: int, activity_id: int) -> Any:
    employer = get_visible_or_404(Employer, employer_id)
    try:
        employer_service.remove_social_activity(db.session, employer, activity_id,
                                                actor_id=current_user.id)  # fmt: skip
    except ValidationError:
        db.session.rollback()
        abort(404)
    db.session.commit()
    flash(_("Activity removed."), "success")
    return redirect(url_for("admin.employer_form", employer_id=employer.id) + "#activities")


@bp.route("/employers/<int:employer_id>/contracts", methods=["POST"])
@requires(Permission.EMPLOYERS_WRITE)
def add_contract(employer_id: int) -> Any:
    employer = get_visible_or_404(Employer, employer_id)
    form = ContractForm()
    if form.validate_on_submit():
        data = employer_service.ContractData(
            reference=form.reference.data, contract_value=form.contract_value.data,
            starts_on=form.starts_on.data, obligation_percent=form.obligation_percent.data,
            obligation_eur=form.obligation_eur.data, ends_on=form.ends_on.data,
            description=form.description.data or "",
            municipality_contact=form.municipality_contact.data or "",
        )  # fmt: skip
        try:
            employer_service.add_sroi_contract(db.session, employer, data, actor_id=current_user.id)
        except ValidationError as error:
            db.session.rollback()
            show_errors(form, error)
        else:
            db.session.commit()
            flash(_("Contract added."), "success")
            return redirect(url_for("admin.employer_form", employer_id=employer.id))
    # The form again, each message beside its field and what was typed kept.
    return _employer_page(employer, contract_form=form), 422


@bp.route("/employers/<int:employer_id>/contracts/<int:contract_id>/end", methods=["POST"])
@requires(Permission.EMPLOYERS_WRITE)
def end_contract(employer_id: int, contract_id: int) -> Any:
    """Give a contract its end date (or correct it), so the next one can start after it."""
    employer = get_visible_or_404(Employer, employer_id)
    try:
        day = days.parse_day(request.form.get("ends_on") or "")
    except ValueError:
        day = None
    try:
        employer_service.end_sroi_contract(db.session, employer, contract_id, day,
                                           actor_id=current_user.id)  # fmt: skip
    except ValidationError as error:
        db.session.rollback()
        if "contract" in error.fields:
            abort(404)
        flash_errors(error.fields)  # a one-field form beside the contract's row
    else:
        db.session.commit()
        flash(_("Contract end date saved."), "success")
    return redirect(url_for("admin.employer_form", employer_id=employer.id) + "#contracts")


def _employer_page(employer: Employer, **forms: Any) -> str:
    """An employer's page: its form, contracts and social activities; a form posted with an
    error comes back as typed (``forms``), the others empty."""
    contracts = db.session.scalars(
        select(SroiContract).where(SroiContract.employer_id == employer.id)
        .order_by(SroiContract.starts_on)
    ).all()  # fmt: skip
    return _render_form(
        forms.get("form") or EmployerForm(obj=employer), _l("Edit employer"),
        url_for("admin.employers"),
        employer=employer, contracts=contracts,
        contract_form=forms.get("contract_form") or ContractForm(),
        activities=_activities(employer),
        activity_form=forms.get("activity_form") or SocialActivityForm(prefix="activity"),
    )  # fmt: skip


# --- employees ---------------------------------------------------------------------------


@bp.route("/employees")
@requires(Permission.EMPLOYEES_WRITE)
def employees() -> Any:
    stmt = (
        select(Employee)
        .join(Employee.employer)
        .options(contains_eager(Employee.employer), selectinload(Employee.contract_changes))
        .order_by(Employer.name, Employee.last_name)
    )
    rows = db.session.scalars(stmt).all()
    return render_template("admin/employees.html", employees=rows)


def _employee_form(employee: Employee | None) -> EmployeeForm:
    form = EmployeeForm(obj=employee)
    employers = db.session.scalars(select(Employer).order_by(Employer.name))
    form.employer_id.choices = options((e.id, e.name) for e in employers)
    return form


def _employee_data(form: EmployeeForm) -> employer_service.EmployeeData:
    return employer_service.EmployeeData(
        employer_id=form.employer_id.data,
        first_name=form.first_name.data,
        last_name=form.last_name.data,
        target_group=TargetGroup(form.target_group.data),
        hired_on=form.hired_on.data,
        contract_type=ContractType(form.contract_type.data),
        hours_per_week=form.hours_per_week.data,
        birth_year=form.birth_year.data,
        status_holder=form.status_holder.data,
        ended_on=form.ended_on.data,
        end_reason=EndReason(form.end_reason.data) if form.end_reason.data else None,
        doelgroepregister=form.doelgroepregister.data,
        language_deficit=form.language_deficit.data,
        benefit_since=form.benefit_since.data,
        learning_route=LearningRoute(form.learning_route.data)
        if form.learning_route.data
        else None,
        evidence_contract=form.evidence_contract.data,
        evidence_pay=form.evidence_pay.data,
        evidence_target_group=form.evidence_target_group.data,
    )


@bp.route("/employees/new", methods=["GET", "POST"])
@bp.route("/employees/<int:employee_id>", methods=["GET", "POST"])
@requires(Permission.EMPLOYEES_WRITE)
def employee_form(employee_id: int | None = None) -> Any:
    employee = get_visible_or_404(Employee, employee_id) if employee_id else None
    form = _employee_form(employee)
    if form.validate_on_submit():
        try:
            employer_service.save_employee(
                db.session, _employee_data(form), employee, current_user.id
            )
        except ValidationError as error:
            db.session.rollback()
            show_errors(form, error)
        else:
            return _saved(_l("Employee saved."), "admin.employees")
    if employee is None:
        return _render_form(form, _l("New employee"), url_for("admin.employees"))
    return _employee_page(employee, form=form)


def _employee_page(employee: Employee, **forms: Any) -> str:
    """An employee's page: its form, contract changes and training; a form posted with an
    error comes back as typed (``forms``), the others empty."""
    return _render_form(
        forms.get("form") or _employee_form(employee), _l("Edit employee"),
        url_for("admin.employees"), employee=employee,
        training_form=forms.get("training_form") or TrainingForm(),
        change_form=forms.get("change_form") or ContractChangeForm(prefix="change"),
    )  # fmt: skip


@bp.route("/employees/<int:employee_id>/contract-changes", methods=["POST"])
@requires(Permission.EMPLOYEES_WRITE)
def add_contract_change(employee_id: int) -> Any:
    """From a date on, the employee works under another contract or other hours."""
    employee = get_visible_or_404(Employee, employee_id)
    form = ContractChangeForm(prefix="change")
    if form.validate_on_submit():
        try:
            employer_service.add_contract_change(
                db.session, employee, form.starts_on.data, ContractType(form.contract_type.data),
                form.hours_per_week.data, actor_id=current_user.id,
            )  # fmt: skip
        except ValidationError as error:
            db.session.rollback()
            show_errors(form, error)
        else:
            db.session.commit()
            flash(_("Contract change recorded."), "success")
            return redirect(url_for("admin.employee_form", employee_id=employee.id))
    return _employee_page(employee, change_form=form), 422


@bp.route("/employees/<int:employee_id>/contract-changes/<int:change_id>/delete",
          methods=["POST"])  # fmt: skip
@requires(Permission.EMPLOYEES_WRITE)
def remove_contract_change(employee_id: int, change_id: int) -> Any:
    """A change recorded by mistake: the terms before it run on."""
    employee = get_visible_or_404(Employee, employee_id)
    try:
        employer_service.remove_contract_change(
            db.session, employee, change_id, actor_id=current_user.id
        )
    except ValidationError:
        db.session.rollback()
        abort(404)  # not this employee's change, or removed already
    db.session.commit()
    flash(_("Contract change removed."), "success")
    return redirect(url_for("admin.employee_form", employee_id=employee.id))


@bp.route("/employees/<int:employee_id>/training", methods=["POST"])
@requires(Permission.EMPLOYEES_WRITE)
def add_training(employee_id: int) -> Any:
    employee = get_visible_or_404(Employee, employee_id)
    form = TrainingForm()
    if form.validate_on_submit():
        try:
            employer_service.add_training_record(
                db.session,
                employee,
                form.course.data,
                form.completed_on.data,
                form.certificate.data,
                actor_id=current_user.id,
            )
        except ValidationError as error:
            db.session.rollback()
            show_errors(form, error)
        else:
            db.session.commit()
            flash(_("Training added."), "success")
            return redirect(url_for("admin.employee_form", employee_id=employee.id))
    return _employee_page(employee, training_form=form), 422


# --- teams -------------------------------------------------------------------------------


@bp.route("/teams")
@requires(Permission.TEAMS_WRITE)
def teams() -> Any:
    stmt = (
        select(Team)
        .options(
            selectinload(Team.lead),
            selectinload(Team.memberships).selectinload(TeamMembership.employee),
        )
        .order_by(Team.name)
    )
    rows = db.session.scalars(stmt).all()
    return render_template("admin/teams.html", teams=rows)


def _team_form(team: Team | None) -> TeamForm:
    if team is not None and not team.memberships:
        form = TeamForm(obj=team)
    elif team is not None:
        form = TeamForm(
            obj=team,
            members=[
                {"employee_id": m.employee_id, "from_date": m.from_date, "to_date": m.to_date}
                for m in team.memberships
            ],
        )
    else:
        form = TeamForm()
    if len(form.members.entries) < len(form.members.data) + 1 and form.members.data[-1].get(
        "employee_id"
    ):
        form.members.append_entry()  # always one empty row to add a member
    people = db.session.scalars(select(Employee).order_by(Employee.last_name)).all()
    leads = db.session.scalars(
        select(User).where(User.role.in_([Role.LEAD, Role.ADMIN])).order_by(User.email)
    ).all()
    form.lead_user_id.choices = options(((u.id, u.email) for u in leads), empty=True)
    for entry in form.members:
        entry.employee_id.choices = options(((e.id, e.full_name) for e in people), empty=True)
    return form


def _team_data(form: TeamForm) -> team_service.TeamData:
    members = [
        team_service.MemberData(m["employee_id"], m["from_date"], m["to_date"])
        for m in form.members.data
        if m["employee_id"]
    ]
    problems = [
        _("Member %(n)d: enter the start date.", n=n)
        for n, m in enumerate(form.members.data, start=1)
        if m["employee_id"] and not m["from_date"]
    ]
    if problems:
        raise ValidationError({"members": problems})
    return team_service.TeamData(
        name=form.name.data,
        lead_user_id=form.lead_user_id.data,
        members=members,
        max_walk_km=form.max_walk_km.data,
    )


@bp.route("/teams/new", methods=["GET", "POST"])
@bp.route("/teams/<int:team_id>", methods=["GET", "POST"])
@requires(Permission.TEAMS_WRITE)
def team_form(team_id: int | None = None) -> Any:
    team = get_visible_or_404(Team, team_id) if team_id else None
    form = _team_form(team)
    if form.validate_on_submit():
        try:
            team_service.save_team(db.session, _team_data(form), team, current_user.id)
        except ValidationError as error:
            db.session.rollback()
            show_errors(form, error)
        else:
            return _saved(_l("Team saved."), "admin.teams")
    title = _l("Edit team") if team else _l("New team")
    return _render_form(form, title, url_for("admin.teams"))


# --- users -------------------------------------------------------------------------------


@bp.route("/users")
@requires(Permission.USERS_MANAGE)
def users() -> Any:
    stmt = (
        select(User)
        .options(selectinload(User.employer), selectinload(User.employee))
        .order_by(User.role, User.email)
    )
    rows = db.session.scalars(stmt).all()
    return render_template("admin/users.html", users=rows)


def _user_form(user: User | None) -> UserForm:
    form = UserForm(obj=user)
    employers = db.session.scalars(select(Employer).order_by(Employer.name))
    form.employer_id.choices = options(((e.id, e.name) for e in employers), empty=True)
    employees = db.session.scalars(
        select(Employee).options(selectinload(Employee.employer)).order_by(Employee.last_name)
    )
    form.employee_id.choices = options(
        ((e.id, f"{e.full_name} ({e.employer.name})") for e in employees), empty=True
    )
    return form


@bp.route("/users/new", methods=["GET", "POST"])
@bp.route("/users/<int:user_id>", methods=["GET", "POST"])
@requires(Permission.USERS_MANAGE)
def user_form(user_id: int | None = None) -> Any:
    user = get_visible_or_404(User, user_id) if user_id else None
    form = _user_form(user)
    if user is None and form.is_submitted() and not form.password.data:
        form.password.errors = [_("Enter a password for the new user.")]
    elif form.validate_on_submit():
        try:
            _save_user(form, user)
        except ValidationError as error:
            db.session.rollback()
            show_errors(form, error)
        else:
            return _saved(_l("User saved."), "admin.users")
    title = _l("Edit user") if user else _l("New user")
    return _render_form(form, title, url_for("admin.users"))


def _save_user(form: UserForm, user: User | None) -> User:
    role = Role(form.role.data)
    if user is None:
        return accounts.create_user(
            db.session,
            email=form.email.data,
            role=role,
            password=form.password.data,
            employer_id=form.employer_id.data,
            employee_id=form.employee_id.data,
            locale=Language(form.locale.data),
            actor_id=current_user.id,
        )
    if user.id == current_user.id and (role is not Role.ADMIN or not form.active.data):
        raise ValidationError({"role": [_("You cannot take away your own admin rights.")]})
    return accounts.update_user(
        db.session,
        user,
        email=form.email.data,
        role=role,
        active=form.active.data,
        employer_id=form.employer_id.data,
        employee_id=form.employee_id.data,
        locale=Language(form.locale.data),
        password=form.password.data or None,
        actor_id=current_user.id,
    )


# --- API tokens ----------------------------------------------------------------------------


@bp.route("/tokens", methods=["GET", "POST"])
@requires(Permission.USERS_MANAGE)
def tokens() -> Any:
    """Every API token with its owner, state, expiry and last use; make one, or revoke."""
    form = _token_form()
    made = None
    if form.validate_on_submit():
        owner = db.session.get(User, form.user_id.data)
        try:
            made = accounts.create_token(db.session, owner, form.label.data or "",
                                         days=form.days.data, actor_id=current_user.id)  # fmt: skip
        except ValidationError as error:
            db.session.rollback()
            show_errors(form, error)
        else:
            db.session.commit()  # shown once, on this page only: never in a flash or a URL
            form = _token_form(formdata=None)  # empty again, for the next one
    return render_template("admin/tokens.html", form=form, made=made,
                           tokens=accounts.tokens(db.session), now=utcnow())  # fmt: skip


def _token_form(**kwargs: Any) -> TokenForm:
    """Tokens are made for active users only."""
    form = TokenForm(**kwargs)
    active = db.session.scalars(select(User).where(User.active).order_by(User.email))
    form.user_id.choices = options(((u.id, u.email) for u in active), empty=True)
    return form


@bp.route("/tokens/<int:token_id>/revoke", methods=["POST"])
@requires(Permission.USERS_MANAGE)
def revoke_token(token_id: int) -> Any:
    token = db.session.get(ApiToken, token_id)
    if token is None:
        abort(404)
    accounts.revoke_token(db.session, token, actor_id=current_user.id)
    db.session.commit()
    flash(_("The token no longer works."), "success")
    return redirect(url_for("admin.tokens"))


# --- privacy requests --------------------------------------------------------------------


@bp.route("/addresses/<int:address_id>/export")
@requires(Permission.PRIVACY_MANAGE)
def household_export(address_id: int) -> Any:
    """Everything held about a household, printable (AVG art. 15)."""

    address = get_visible_or_404(Address, address_id)
    export = privacy.export_household(db.session, address, actor_id=current_user.id)
    db.session.commit()
    return render_template(
        "admin/household_export.html", export=export, address_id=address.id, today=clock.today()
    )


@bp.route("/addresses/<int:address_id>/erase", methods=["POST"])
@requires(Permission.PRIVACY_MANAGE)
def household_erase(address_id: int) -> Any:
    address = get_visible_or_404(Address, address_id)
    if request.form.get("confirm") != "yes":
        flash(_("Tick the box to confirm the household asked for this."), "error")
        return redirect(url_for("lead.household", address_id=address.id))
    privacy.erase_household(db.session, address, current_user.id)
    db.session.commit()
    flash(_("The household's personal data is erased."), "success")
    return redirect(url_for("lead.household", address_id=address.id))
