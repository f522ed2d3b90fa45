"""Admin forms: employers, employees, training records, teams and users."""

from __future__ import annotations

from decimal import Decimal

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    DecimalField,
    EmailField,
    FieldList,
    FormField,
    IntegerField,
    PasswordField,
    SelectField,
    StringField,
    SubmitField,
    TelField,
)
from wtforms import Form as SubForm
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    DataRequired,
    Email,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    Regexp,
)

from eteams.forms.base import Form
from eteams.forms.fields import AmountField, DayField, DecimalCommaField
from eteams.labels import choices
from eteams.models.enums import ContractType, EndReason, Language, LearningRoute, Role, TargetGroup


def _optional_int(value: object) -> int | None:
    return int(value) if value not in (None, "", "None") else None


HOURS_A_WEEK = _l("Enter the hours a week: 1 to 40.")


class EmployerForm(Form):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    kvk_number = StringField(
        _l("KvK number"),
        description=_l("8 digits, from the Chamber of Commerce register"),
        validators=[
            DataRequired(),
            Regexp(r"^\s*\d{4}[\s.]?\d{4}\s*$", message=_l("A KvK number has exactly 8 digits.")),
        ],
    )
    contact_name = StringField(_l("Contact person"), validators=[Optional(), Length(max=200)])
    contact_email = EmailField(
        _l("Contact e-mail"), validators=[Optional(), Email(), Length(max=254)]
    )
    contact_phone = TelField(_l("Contact phone"), validators=[Optional(), Length(max=40)])
    municipality = StringField(_l("Municipality"), default="Utrecht", validators=[Length(max=100)])
    submit = SubmitField(_l("Save"))


class EmployeeForm(Form):
    employer_id = SelectField(_l("Employer"), coerce=int, validators=[DataRequired()])
    first_name = StringField(_l("First name"), validators=[DataRequired(), Length(max=100)])
    last_name = StringField(_l("Last name"), validators=[DataRequired(), Length(max=100)])
    birth_year = IntegerField(
        _l("Birth year"), validators=[Optional(), NumberRange(min=1940, max=2015)]
    )
    status_holder = BooleanField(_l("Refugee with a residence permit (status holder)"))
    language_deficit = BooleanField(
        _l("Language deficit"),
        description=_l("Dutch not yet good enough for the work, as the municipality assessed it."),
    )
    target_group = SelectField(_l("Target group"), choices=choices(TargetGroup))
    doelgroepregister = BooleanField(
        _l("Registered in UWV's doelgroepregister"),
        description=_l(
            "Counts for the banenafspraak. Always so for the target group banenafspraak; people "
            "with Wajong who can work are in it too (UWV): check the register."
        ),
    )
    benefit_since = DayField(
        _l("Benefit received since"),
        validators=[Optional()],
        description=_l("Some municipalities value a long benefit more. Leave empty if not known."),
    )
    learning_route = SelectField(
        _l("Learning place"),
        choices=[SelectChoice("", "—"), *choices(LearningRoute)],
        validators=[Optional()],
    )
    hired_on = DayField(_l("Hired on"), validators=[DataRequired()])
    contract_type = SelectField(
        _l("Contract on the hiring date"),
        choices=choices(ContractType),
        description=_l("A later change (a trial placement that became a contract, more hours) "
                       "is recorded below, from its date."),
    )  # fmt: skip
    hours_per_week = DecimalCommaField(
        _l("Hours per week on the hiring date"),
        places=1,
        validators=[InputRequired(), NumberRange(min=1, max=40, message=HOURS_A_WEEK)],
    )
    evidence_contract = BooleanField(_l("Evidence on file: the employment contract"))
    evidence_pay = BooleanField(_l("Evidence on file: payslips or paid hours"))
    evidence_target_group = BooleanField(
        _l("Evidence on file: proof of the target group on the hiring date")
    )
    ended_on = DayField(_l("Employment ended on"), validators=[Optional()])
    end_reason = SelectField(
        _l("Reason the employment ended"),
        choices=[SelectChoice("", "—"), *choices(EndReason)],
        validators=[Optional()],
    )
    submit = SubmitField(_l("Save"))


class ContractForm(Form):
    reference = StringField(_l("Contract or tender reference"),
                            validators=[DataRequired(), Length(max=100)])  # fmt: skip
    description = StringField(
        _l("What the contract is for"), validators=[Optional(), Length(max=300)]
    )
    # Amounts as people type them ("1.200.000", "€ 30.000,00"); the service says what is wrong
    # (one message, in the reader's language).
    contract_value = AmountField(_l("Contract value (€)"), places=2, validators=[InputRequired()])
    obligation_percent = DecimalCommaField(
        _l("Social-return obligation (percent of the value)"), places=2,
        validators=[Optional()],
        description=_l("Often 5 percent. Or enter an amount below instead."),
    )  # fmt: skip
    obligation_eur = AmountField(_l("Or: the obligation as an amount (€)"), places=2,
                                 validators=[Optional()])  # fmt: skip
    starts_on = DayField(_l("Starts on"), validators=[DataRequired()])
    ends_on = DayField(_l("Ends on"), validators=[Optional()])
    municipality_contact = StringField(_l("The municipality's adviser social return"),
                                       validators=[Optional(), Length(max=200)])  # fmt: skip
    submit = SubmitField(_l("Add contract"))


class TrainingForm(Form):
    course = StringField(_l("Course"), validators=[DataRequired(), Length(max=200)])
    completed_on = DayField(_l("Completed on"), validators=[DataRequired()])
    certificate = BooleanField(_l("Certificate obtained"))
    submit = SubmitField(_l("Add training"))


class SocialActivityForm(Form):
    day = DayField(_l("Day"), validators=[DataRequired()])
    description = StringField(
        _l("What the activity was"),
        description=_l("A workshop in the community centre, a season of help at the food bank. "
                       "No names."),
        validators=[DataRequired(), Length(max=300)],
    )  # fmt: skip
    hours = DecimalCommaField(
        _l("Hours (all the people together)"), places=1,
        # Decimal bounds: the float 0.1 lies just above Decimal("0.1"), which it then refused
        validators=[InputRequired(), NumberRange(min=Decimal("0.1"), max=Decimal(1000),
                                                 message=_l("Enter 0.1 to 1,000 hours."))],
    )  # fmt: skip
    submit = SubmitField(_l("Record the activity"))


class ContractChangeForm(Form):
    starts_on = DayField(_l("From"), validators=[DataRequired()])
    contract_type = SelectField(_l("Contract"), choices=choices(ContractType))
    hours_per_week = DecimalCommaField(
        _l("Hours per week"),
        places=1,
        validators=[InputRequired(), NumberRange(min=1, max=40, message=HOURS_A_WEEK)],
    )
    submit = SubmitField(_l("Record the change"))


class MemberForm(SubForm):  # one row of the team form: no CSRF of its own
    employee_id = SelectField(_l("Employee"), coerce=_optional_int, validators=[Optional()])
    from_date = DayField(_l("From"), validators=[Optional()])
    to_date = DayField(_l("Until"), validators=[Optional()])


class TeamForm(Form):
    name = StringField(_l("Team name"), validators=[DataRequired(), Length(max=100)])
    lead_user_id = SelectField(_l("Team lead"), coerce=_optional_int, validators=[Optional()])
    max_walk_km = DecimalField(
        _l("Walking limit (km)"),
        description=_l("Leave empty unless a member cannot walk far."),
        places=1,
        validators=[Optional(), NumberRange(min=0.5, max=30)],
    )
    members = FieldList(FormField(MemberForm), min_entries=1)
    submit = SubmitField(_l("Save"))


class UserForm(Form):
    email = EmailField(_l("E-mail address"), validators=[DataRequired(), Email(), Length(max=254)])
    role = SelectField(_l("Role"), choices=choices(Role))
    employer_id = SelectField(
        _l("Employer (for employer users)"), coerce=_optional_int, validators=[Optional()]
    )
    employee_id = SelectField(
        _l("Employee record (for coaches)"), coerce=_optional_int, validators=[Optional()]
    )
    locale = SelectField(_l("Language"), choices=choices(Language))
    active = BooleanField(_l("Active"), default=True)
    password = PasswordField(
        _l("Password"),
        description=_l("12 to 128 characters. Leave empty to keep the current password."),
        validators=[Optional(), Length(min=12, max=128)],
    )
    submit = SubmitField(_l("Save"))


class TokenForm(Form):
    """A new API token, made by an admin for a user (shown once)."""

    user_id = SelectField(_l("For"), coerce=_optional_int, validators=[DataRequired()])
    label = StringField(
        _l("What it is for"),
        description=_l("For example: the weekly export script. Shown in the token lists."),
        validators=[Length(max=100)],
    )
    days = IntegerField(
        _l("Works for (days)"),
        description=_l("A whole number of days, 1 to 366."),
        default=90,
        validators=[
            InputRequired(message=_l("A whole number of days, 1 to 366.")),
            NumberRange(min=1, max=366, message=_l("A whole number of days, 1 to 366.")),
        ],
    )
    submit = SubmitField(_l("Make token"))
