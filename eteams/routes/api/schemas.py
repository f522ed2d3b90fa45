"""Marshmallow schemas: they validate requests and generate the OpenAPI document."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from eteams.models.enums import (
    AttendanceStatus,
    BuildingYearClass,
    ContractType,
    DwellingType,
    EndReason,
    EnergyLabel,
    Heating,
    Interest,
    Language,
    Outcome,
    Role,
    TargetGroup,
    Tenure,
)
from eteams.routes.api.pagination import PageArgs
from eteams.services.addresses import DoorStatus


def _one_of(enum_cls: type) -> validate.OneOf:
    return validate.OneOf([m.value for m in enum_cls])


class StrictSchema(ma.Schema):
    class Meta:
        unknown = ma.RAISE


class UserSchema(StrictSchema):
    id = fields.Integer(dump_only=True)
    email = fields.Email(dump_only=True)
    role = fields.String(dump_only=True, validate=_one_of(Role))
    employer_id = fields.Integer(dump_only=True, allow_none=True)
    employee_id = fields.Integer(dump_only=True, allow_none=True)
    locale = fields.String(dump_only=True, validate=_one_of(Language))


class EmployerSchema(StrictSchema):
    id = fields.Integer(dump_only=True)
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    kvk_number = fields.String(
        required=True, validate=validate.Regexp(r"^\d{8}$", error="A KvK number has 8 digits.")
    )
    contact_name = fields.String(load_default="", validate=validate.Length(max=200))
    contact_email = fields.Email(load_default="", validate=validate.Length(max=254))
    contact_phone = fields.String(load_default="", validate=validate.Length(max=40))
    municipality = fields.String(load_default="Utrecht", validate=validate.Length(min=1, max=100))


class EmployerPatchSchema(EmployerSchema):
    """PATCH: any subset of the fields."""


class TrainingRecordSchema(StrictSchema):
    id = fields.Integer(dump_only=True)
    course = fields.String(required=True, validate=validate.Length(min=1, max=200))
    completed_on = fields.Date(required=True)
    certificate = fields.Boolean(load_default=False)


class EmployeeSchema(StrictSchema):
    id = fields.Integer(dump_only=True)
    employer_id = fields.Integer(required=True, strict=True)
    first_name = fields.String(required=True, validate=validate.Length(min=1, max=100))
    last_name = fields.String(required=True, validate=validate.Length(min=1, max=100))
    birth_year = fields.Integer(
        load_default=None, allow_none=True, validate=validate.Range(1940, 2015)
    )
    status_holder = fields.Boolean(load_default=False)
    target_group = fields.String(required=True, validate=_one_of(TargetGroup))
    hired_on = fields.Date(required=True)
    contract_type = fields.String(required=True, validate=_one_of(ContractType))
    hours_per_week = fields.Float(
        required=True, validate=validate.Range(min=0, max=40, min_inclusive=False)
    )
    ended_on = fields.Date(load_default=None, allow_none=True)
    end_reason = fields.String(load_default=None, allow_none=True, validate=_one_of(EndReason))
    training_records = fields.List(fields.Nested(TrainingRecordSchema), dump_only=True)


class EmployeePatchSchema(EmployeeSchema):
    """PATCH: any subset of the fields."""


class EmployeeQuerySchema(PageArgs):
    employer_id = fields.Integer()
    active_on = fields.Date(metadata={"description": "only employees employed on this date"})


class MemberSchema(StrictSchema):
    employee_id = fields.Integer(required=True, strict=True)
    from_ = fields.Date(required=True, data_key="from", attribute="from_date")
    to = fields.Date(load_default=None, allow_none=True, attribute="to_date")


class TeamSchema(StrictSchema):
    id = fields.Integer(dump_only=True)
    name = fields.String(required=True, validate=validate.Length(min=1, max=100))
    lead_user_id = fields.Integer(load_default=None, allow_none=True, strict=True)
    max_walk_km = fields.Float(
        load_default=None, allow_none=True, validate=validate.Range(min=0.5, max=30)
    )
    members = fields.List(fields.Nested(MemberSchema), load_default=list)


class ErrorSchema(ma.Schema):
    error = fields.String()
    message = fields.String()
    fields = fields.Dict(keys=fields.String(), values=fields.List(fields.String()))


class UserCreateSchema(StrictSchema):
    id = fields.Integer(dump_only=True)
    email = fields.Email(required=True, validate=validate.Length(max=254))
    role = fields.String(required=True, validate=_one_of(Role))
    employer_id = fields.Integer(load_default=None, allow_none=True, strict=True)
    employee_id = fields.Integer(load_default=None, allow_none=True, strict=True)
    locale = fields.String(load_default="nl", validate=_one_of(Language))
    active = fields.Boolean(load_default=True)
    password = fields.String(
        required=True, load_only=True, validate=validate.Length(min=12, max=128)
    )


class UserPatchSchema(UserCreateSchema):
    """PATCH: any subset; a new password ends the user's open sessions."""


class CampaignSchema(StrictSchema):
    id = fields.Integer(dump_only=True)
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    neighbourhood = fields.String(load_default="", validate=validate.Length(max=200))
    municipality = fields.String(required=True, validate=validate.Length(min=1, max=100))
    starts_on = fields.Date(required=True)
    ends_on = fields.Date(required=True)
    letter_language = fields.String(load_default="nl", validate=_one_of(Language))


class CampaignPatchSchema(CampaignSchema):
    """PATCH: any subset of the fields."""


class AddressSchema(ma.Schema):
    id = fields.Integer()
    campaign_id = fields.Integer()
    street = fields.String()
    house_number = fields.Integer()
    house_letter = fields.String()
    house_number_addition = fields.String()
    postcode = fields.String()
    city = fields.String()
    lat = fields.Float(allow_none=True)
    lon = fields.Float(allow_none=True)
    geocode_source = fields.String(allow_none=True)
    building_year = fields.Integer(allow_none=True)
    dwelling_type = fields.String(allow_none=True)
    energy_label = fields.String(allow_none=True)
    tenure = fields.String()
    entrance_key = fields.String(allow_none=True)
    do_not_visit = fields.Boolean()
    status = fields.String(metadata={"description": "where the door stands (see ?status=)"})
    visits = fields.Integer()


class AddressQuerySchema(PageArgs):
    status = fields.String(validate=validate.OneOf([s.value for s in DoorStatus]))


class ImportUploadSchema(ma.Schema):
    file = ma.fields.Raw(metadata={"type": "string", "format": "binary"}, required=True)


class RowProblemSchema(ma.Schema):
    row = fields.Integer()
    messages = fields.List(fields.String())


class ImportResultSchema(ma.Schema):
    imported = fields.Integer()
    duplicates = fields.List(fields.Nested(RowProblemSchema))


class ErasedSchema(ma.Schema):
    erased = fields.Boolean()


class ShiftMemberSchema(ma.Schema):
    employee_id = fields.Integer()
    first_name = fields.String()
    last_name = fields.String()


class AttendanceSchema(StrictSchema):
    employee_id = fields.Integer(required=True, strict=True)
    status = fields.String(required=True, validate=_one_of(AttendanceStatus))
    hours = fields.Decimal(
        load_default=None, allow_none=True, places=2, as_string=False,
        metadata={"description": "hours worked; default the shift's length when present"},
    )  # fmt: skip
    notified = fields.Boolean(load_default=None, allow_none=True)


class AttendanceOutSchema(ma.Schema):
    employee_id = fields.Integer()
    status = fields.String()
    hours = fields.Float()
    notified = fields.Boolean(allow_none=True)


class AttendancePutSchema(StrictSchema):
    attendance = fields.List(fields.Nested(AttendanceSchema), required=True)


class ShiftSchema(StrictSchema):
    id = fields.Integer(dump_only=True)
    team_id = fields.Integer(required=True, strict=True)
    date = fields.Date(required=True)
    start = fields.Time(required=True, format="%H:%M", attribute="start_time")
    end = fields.Time(required=True, format="%H:%M", attribute="end_time")
    meeting_point = fields.String(load_default="", validate=validate.Length(max=200))
    meeting_lat = fields.Float(
        load_default=None, allow_none=True, validate=validate.Range(50.7, 53.6)
    )
    meeting_lon = fields.Float(
        load_default=None, allow_none=True, validate=validate.Range(3.3, 7.3)
    )
    status = fields.String(dump_only=True)
    members = fields.List(fields.Nested(ShiftMemberSchema), dump_only=True)
    attendance = fields.List(fields.Nested(AttendanceOutSchema), dump_only=True)


class ShiftPatchSchema(ShiftSchema):
    """PATCH: move (date, times, meeting point) or cancel (``"status": "cancelled"``)."""

    status = fields.String(validate=validate.OneOf(["planned", "cancelled"]))


class ShiftSeriesSchema(ShiftSchema):
    """The same shift every week on the chosen weekdays (0 = Monday) up to ``until``."""

    weekdays = fields.List(
        fields.Integer(validate=validate.Range(0, 6)),
        required=True,
        validate=validate.Length(min=1),
    )
    until = fields.Date(required=True)


class ShiftQuerySchema(PageArgs):
    date = fields.Date()
    team = fields.Integer()
    from_ = fields.Date(data_key="from")
    to = fields.Date()


class PlanRequestSchema(StrictSchema):
    date = fields.Date(required=True)
    shift_ids = fields.List(fields.Integer(strict=True), load_default=None, allow_none=True)
    doors_per_hour = fields.Integer(load_default=8, validate=validate.Range(1, 30))


class StopSchema(ma.Schema):
    address_id = fields.Integer()
    seq = fields.Integer()
    label = fields.String(metadata={"description": "street and house number as on the door"})
    postcode = fields.String()
    lat = fields.Float(allow_none=True)
    lon = fields.Float(allow_none=True)
    dwelling_type = fields.String(allow_none=True)
    building_year = fields.Integer(allow_none=True)
    energy_label = fields.String(allow_none=True)
    entrance_key = fields.String(allow_none=True)
    visits_before = fields.Integer()
    not_home_before = fields.Integer()
    outcome = fields.String(allow_none=True, metadata={"description": "logged on this list"})


class WalkListSchema(ma.Schema):
    id = fields.Integer()
    campaign_id = fields.Integer()
    shift_id = fields.Integer()
    date = fields.Date()
    status = fields.String()
    locked = fields.Boolean()
    version = fields.Integer()
    distance_m = fields.Integer()
    minutes = fields.Integer()
    doors_per_hour = fields.Integer()
    team = fields.String()
    start = fields.String()
    end = fields.String()
    meeting_point = fields.String()
    stops = fields.List(fields.Nested(StopSchema))


class PlanResultSchema(ma.Schema):
    walklists = fields.List(fields.Nested(WalkListSchema))
    unplanned = fields.List(fields.Integer())
    kept = fields.List(
        fields.Integer(), metadata={"description": "locked or published lists left as they were"}
    )


class WalkListPatchSchema(StrictSchema):
    version = fields.Integer(required=True, strict=True)
    stops = fields.List(fields.Integer(strict=True), load_default=None)
    status = fields.String(
        load_default=None, validate=validate.OneOf(["draft", "published", "done"])
    )
    locked = fields.Boolean(load_default=None)


class WalkListQuerySchema(PageArgs):
    date = fields.Date()
    campaign = fields.Integer()


class HouseholdSchema(StrictSchema):
    tenure = fields.String(allow_none=True, validate=_one_of(Tenure))
    landlord = fields.String(allow_none=True, validate=validate.Length(max=200))
    dwelling_type = fields.String(allow_none=True, validate=_one_of(DwellingType))
    building_year_class = fields.String(allow_none=True, validate=_one_of(BuildingYearClass))
    occupants = fields.Integer(allow_none=True, validate=validate.Range(1, 20))
    energy_label = fields.String(allow_none=True, validate=_one_of(EnergyLabel))
    gas_m3_per_year = fields.Integer(allow_none=True, validate=validate.Range(0, 20_000))
    kwh_per_year = fields.Integer(allow_none=True, validate=validate.Range(0, 50_000))
    heating = fields.String(allow_none=True, validate=_one_of(Heating))
    heating_age_years = fields.Integer(allow_none=True, validate=validate.Range(0, 80))
    language = fields.String(allow_none=True, validate=validate.Length(max=40))


class ConsentSchema(StrictSchema):
    given = fields.Boolean(required=True)
    wording_version = fields.String(required=True, validate=validate.Length(min=1, max=32))


class ConsentsSchema(StrictSchema):
    advice_letter = fields.Nested(ConsentSchema)
    follow_up_contact = fields.Nested(ConsentSchema)


class ContactSchema(StrictSchema):
    name = fields.String(load_default="", validate=validate.Length(max=200))
    email = fields.String(load_default="", validate=validate.Length(max=254))
    phone = fields.String(load_default="", validate=validate.Length(max=40))

    @ma.validates("email")
    def _email(self, value: str, **_kwargs: object) -> None:
        if value and not validate.Email()(value):
            raise ma.ValidationError("Not a valid e-mail address.")


class VisitSchema(StrictSchema):
    uuid = fields.UUID(dump_only=True)
    address_id = fields.Integer(required=True, strict=True)
    walklist_id = fields.Integer(
        load_default=None, allow_none=True, strict=True, attribute="walk_list_id"
    )
    visited_at = fields.AwareDateTime(required=True, format="iso")
    outcome = fields.String(required=True, validate=_one_of(Outcome))
    household = fields.Nested(HouseholdSchema, load_default=dict)
    interests = fields.Dict(
        keys=fields.String(), values=fields.String(validate=_one_of(Interest)), load_default=dict
    )
    financing_interest = fields.List(fields.String(), load_default=list)
    small_measures = fields.Dict(
        keys=fields.String(), values=fields.Integer(strict=True), load_default=dict
    )
    consents = fields.Nested(ConsentsSchema, load_default=dict)
    contact = fields.Nested(ContactSchema, load_default=dict)
    appointment_at = fields.AwareDateTime(load_default=None, allow_none=True, format="iso")
    follow_up_on = fields.Date(load_default=None, allow_none=True)
    notes = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=2000))
    do_not_return = fields.Boolean(load_default=False)
    updated_at = fields.AwareDateTime(
        load_default=None, allow_none=True, format="iso",
        metadata={"description": "the device's clock for this version; the later one wins"},
    )  # fmt: skip
    stale = fields.Boolean(dump_only=True)


class VisitQuerySchema(PageArgs):
    since = fields.AwareDateTime(format="iso")
    campaign = fields.Integer()


class MeasureSchema(ma.Schema):
    key = fields.String()
    name_nl = fields.String()
    name_en = fields.String()
    category = fields.String()
    is_small = fields.Boolean()
    unit = fields.String()
    invest_min_eur = fields.Float(allow_none=True)
    invest_max_eur = fields.Float(allow_none=True)
    gas_m3_saved_per_year = fields.Float(allow_none=True)
    kwh_saved_per_year = fields.Float(allow_none=True)
    lifetime_years = fields.Integer(allow_none=True)
    source = fields.String()
    source_year = fields.Integer(allow_none=True)


class FinancingOptionSchema(ma.Schema):
    key = fields.String()
    kind = fields.Function(lambda f: f.kind.value)
    name_nl = fields.String()
    name_en = fields.String()
