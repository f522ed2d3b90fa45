"""Marshmallow schemas: they validate requests and generate the OpenAPI document."""

from __future__ import annotations

import math
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import marshmallow as ma
from flask_babel import lazy_gettext as _l
from marshmallow import fields, validate

from eteams.models.enums import (
    AttendanceStatus,
    BuildingYearClass,
    ContractType,
    DwellingType,
    EndReason,
    EnergyLabel,
    Glazing,
    Heating,
    Interest,
    Language,
    LearningRoute,
    Outcome,
    Role,
    TargetGroup,
    Tenure,
)
from eteams.routes.api.pagination import PageArgs
from eteams.services import days
from eteams.services import text as text_service
from eteams.services.addresses import DoorStatus

INT_LIMIT = 2**31  # PostgreSQL's INTEGER, which every id and count column is


WHOLE_NUMBER = _l("Fill in a whole number.")


def _whole_number(value: object) -> None:
    """The rule for every whole-number field: a fraction (1.2) is refused, never cut to 1;
    a whole number written as a float (1200.0) is that number."""
    if isinstance(value, float | Decimal) and math.isfinite(value) and value != int(value):
        raise ma.ValidationError(str(WHOLE_NUMBER))


class Integer(fields.Integer):
    """An integer the database columns can hold: a bigger one is a 422, never a crash, and a
    fraction is a 422 too (``_whole_number``)."""

    def _validated(self, value: object) -> int | None:
        _whole_number(value)
        result = super()._validated(value)
        if result is not None and not -INT_LIMIT <= result < INT_LIMIT:
            raise self.make_error("invalid")
        return result


class Text(fields.String):
    """Text a database can store: no NUL character, no half of a surrogate pair; cleaned as
    the forms clean it (``services.text``), except where ``raw=True`` (a password)."""

    UNSTORABLE = _l("Remove the control or broken characters.")

    def __init__(self, *args: object, raw: bool = False, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.raw = raw

    def _deserialize(self, value: object, attr: object, data: object, **kwargs: object) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        if not self.raw:
            text = text_service.clean(text)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise ma.ValidationError(str(self.UNSTORABLE)) from None
        if "\x00" in text:
            raise ma.ValidationError(str(self.UNSTORABLE))
        return text


class Day(fields.Date):
    """A ``YYYY-MM-DD`` day in the product's window (2000–2100)."""

    def _deserialize(self, value: object, attr: object, data: object, **kwargs: object) -> object:
        day = super()._deserialize(value, attr, data, **kwargs)
        if not days.in_window(day):
            raise ma.ValidationError(days.window_message())
        return day


class Instant(fields.AwareDateTime):
    """An ISO 8601 instant with its offset, in the product's window (2000–2100)."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(format="iso", **kwargs)

    def _deserialize(self, value: object, attr: object, data: object, **kwargs: object) -> object:
        instant = super()._deserialize(value, attr, data, **kwargs)
        if not days.instant_in_window(instant):
            raise ma.ValidationError(days.window_message())
        return instant


def _empty_or_email(value: str) -> None:
    """What is read back must be writable: an employer without a contact address reads ''."""
    if value:
        validate.Email()(value)


def _one_of(enum_cls: type) -> validate.OneOf:
    return validate.OneOf([m.value for m in enum_cls])


class StrictSchema(ma.Schema):
    """Unknown fields are refused; read-only ones (``id``, ``status``...) are ignored, so a
    client can send back what it read.

    ``null`` is accepted for every optional field (all of them in a PATCH): where the value
    can be empty (an end date) it clears it, elsewhere it counts as not given (the default,
    or in a PATCH: unchanged).
    """

    class Meta:
        unknown = ma.RAISE

    def on_bind_field(self, field_name: str, field_obj: fields.Field) -> None:
        optional = not field_obj.required or self.partial is True
        if optional and not field_obj.allow_none and not field_obj.dump_only:
            field_obj.allow_none = True  # documented as nullable ...
            field_obj.metadata = {**field_obj.metadata, "null_means_not_given": True}

    @ma.pre_load
    def _nulls_and_read_only(self, data: object, **_kwargs: object) -> object:
        if not isinstance(data, dict):
            return data
        ignored = set(self._ignored(data))
        return {k: v for k, v in data.items() if k not in ignored}

    def _ignored(self, data: dict) -> Iterator[str]:
        for name, field in self.fields.items():
            key = field.data_key or name
            null_given = key in data and data[key] is None
            if field.dump_only or (null_given and field.metadata.get("null_means_not_given")):
                yield key


class UserSchema(StrictSchema):
    id = Integer(dump_only=True)
    email = fields.Email(dump_only=True)
    role = Text(dump_only=True, validate=_one_of(Role))
    employer_id = Integer(dump_only=True, allow_none=True)
    employee_id = Integer(dump_only=True, allow_none=True)
    locale = Text(dump_only=True, validate=_one_of(Language))


class EmployerSchema(StrictSchema):
    id = Integer(dump_only=True)
    name = Text(required=True, validate=validate.Length(min=1, max=200))
    kvk_number = Text(
        required=True,
        validate=validate.Regexp(r"^\d{8}$", error=_l("A KvK number has exactly 8 digits.")),
    )
    contact_name = Text(load_default="", validate=validate.Length(max=200))
    contact_email = Text(
        load_default="", validate=[validate.Length(max=254), _empty_or_email],
        metadata={"description": "an e-mail address, or empty"},
    )  # fmt: skip
    contact_phone = Text(load_default="", validate=validate.Length(max=40))
    municipality = Text(load_default="Utrecht", validate=validate.Length(min=1, max=100))


class EmployerPatchSchema(EmployerSchema):
    """PATCH: any subset of the fields."""


class TrainingRecordSchema(StrictSchema):
    id = Integer(dump_only=True)
    course = Text(required=True, validate=validate.Length(min=1, max=200))
    completed_on = Day(required=True)
    certificate = fields.Boolean(load_default=False)


class ContractChangeSchema(StrictSchema):
    """From ``starts_on`` on, the employee works under this contract and these hours."""

    id = Integer(dump_only=True)
    starts_on = Day(required=True)
    contract_type = Text(required=True, validate=_one_of(ContractType))
    hours_per_week = fields.Float(  # 1 to 40, one decimal: employers.hours_problem
        required=True, validate=validate.Range(min=1, max=40)
    )


class EmployeeSchema(StrictSchema):
    id = Integer(dump_only=True)
    employer_id = Integer(required=True, strict=True)
    first_name = Text(required=True, validate=validate.Length(min=1, max=100))
    last_name = Text(required=True, validate=validate.Length(min=1, max=100))
    birth_year = Integer(load_default=None, allow_none=True, validate=validate.Range(1940, 2015))
    status_holder = fields.Boolean(load_default=False)
    target_group = Text(required=True, validate=_one_of(TargetGroup))
    hired_on = Day(required=True)
    contract_type = Text(required=True, validate=_one_of(ContractType))
    hours_per_week = fields.Float(  # 1 to 40, one decimal: employers.hours_problem
        required=True, validate=validate.Range(min=1, max=40)
    )
    ended_on = Day(load_default=None, allow_none=True)
    end_reason = Text(load_default=None, allow_none=True, validate=_one_of(EndReason))
    doelgroepregister = fields.Boolean(load_default=False)
    language_deficit = fields.Boolean(load_default=False)
    benefit_since = Day(load_default=None, allow_none=True)
    learning_route = Text(load_default=None, allow_none=True, validate=_one_of(LearningRoute))
    evidence_contract = fields.Boolean(load_default=False)
    evidence_pay = fields.Boolean(load_default=False)
    evidence_target_group = fields.Boolean(load_default=False)
    training_records = fields.List(fields.Nested(TrainingRecordSchema), dump_only=True)
    contract_changes = fields.List(
        fields.Nested(ContractChangeSchema),
        dump_only=True,
        metadata={"description": "later terms; contract_type and hours_per_week are those on "
                  "the hiring date"},
    )  # fmt: skip
    current_contract = fields.Method(
        "_current", dump_only=True,
        metadata={"description": "the contract and hours in force today"},
    )  # fmt: skip

    def _current(self, employee: Any) -> dict[str, Any]:
        from eteams.services import clock

        now = employee.terms_on(clock.today())
        return {"since": now.first.isoformat(), "contract_type": now.contract_type.value,
                "hours_per_week": float(now.hours_per_week)}  # fmt: skip


class EmployeePatchSchema(EmployeeSchema):
    """PATCH: any subset of the fields."""


class EmployeeQuerySchema(PageArgs):
    employer_id = Integer()
    active_on = Day(metadata={"description": "only employees employed on this date"})


class MemberSchema(StrictSchema):
    employee_id = Integer(required=True, strict=True)
    from_ = Day(required=True, data_key="from", attribute="from_date")
    to = Day(load_default=None, allow_none=True, attribute="to_date")


class TeamSchema(StrictSchema):
    id = Integer(dump_only=True)
    name = Text(required=True, validate=validate.Length(min=1, max=100))
    lead_user_id = Integer(load_default=None, allow_none=True, strict=True)
    max_walk_km = fields.Float(
        load_default=None, allow_none=True, validate=validate.Range(min=0.5, max=30)
    )
    members = fields.List(fields.Nested(MemberSchema), load_default=list)


class ErrorSchema(ma.Schema):
    error = Text()
    message = Text()
    fields = fields.Dict(keys=Text(), values=fields.List(Text()))


class UserCreateSchema(StrictSchema):
    id = Integer(dump_only=True)
    email = fields.Email(required=True, validate=validate.Length(max=254))
    role = Text(required=True, validate=_one_of(Role))
    employer_id = Integer(load_default=None, allow_none=True, strict=True)
    employee_id = Integer(load_default=None, allow_none=True, strict=True)
    locale = Text(load_default="nl", validate=_one_of(Language))
    active = fields.Boolean(load_default=True)
    password = Text(
        required=True, load_only=True, raw=True, validate=validate.Length(min=12, max=128)
    )


class UserPatchSchema(UserCreateSchema):
    """PATCH: any subset; a new password ends the user's open sessions."""


class CampaignSchema(StrictSchema):
    id = Integer(dump_only=True)
    name = Text(required=True, validate=validate.Length(min=1, max=200))
    neighbourhood = Text(load_default="", validate=validate.Length(max=200))
    municipality = Text(required=True, validate=validate.Length(min=1, max=100))
    starts_on = Day(required=True)
    ends_on = Day(required=True)
    letter_language = Text(load_default="nl", validate=_one_of(Language))


class CampaignPatchSchema(CampaignSchema):
    """PATCH: any subset of the fields."""


class AddressSchema(ma.Schema):
    id = Integer()
    campaign_id = Integer()
    street = Text()
    house_number = Integer()
    house_letter = Text()
    house_number_addition = Text()
    postcode = Text()
    city = Text()
    lat = fields.Float(allow_none=True)
    lon = fields.Float(allow_none=True)
    geocode_source = Text(allow_none=True)
    building_year = Integer(allow_none=True)
    dwelling_type = Text(allow_none=True)
    energy_label = Text(allow_none=True)
    tenure = Text()
    entrance_key = Text(allow_none=True)
    do_not_visit = fields.Boolean()
    status = Text(metadata={"description": "where the door stands (see ?status=)"})
    visits = Integer()


class AddressQuerySchema(PageArgs):
    status = Text(validate=validate.OneOf([s.value for s in DoorStatus]))


class ImportUploadSchema(ma.Schema):
    file = ma.fields.Raw(metadata={"type": "string", "format": "binary"}, required=True)


class RowProblemSchema(ma.Schema):
    row = Integer()
    messages = fields.List(Text())


class ImportResultSchema(ma.Schema):
    imported = Integer()
    duplicates = fields.List(fields.Nested(RowProblemSchema))


class ErasedSchema(ma.Schema):
    erased = fields.Boolean()


class ShiftMemberSchema(ma.Schema):
    employee_id = Integer()
    first_name = Text()
    last_name = Text()


class AttendanceSchema(StrictSchema):
    employee_id = Integer(required=True, strict=True)
    status = Text(required=True, validate=_one_of(AttendanceStatus))
    hours = fields.Decimal(
        load_default=None, allow_none=True, places=2, as_string=False,
        metadata={"description": "hours worked; default the shift's length when present"},
    )  # fmt: skip
    notified = fields.Boolean(load_default=None, allow_none=True)


class AttendanceOutSchema(ma.Schema):
    employee_id = Integer()
    status = Text()
    hours = fields.Float()
    notified = fields.Boolean(allow_none=True)


class AttendancePutSchema(StrictSchema):
    attendance = fields.List(fields.Nested(AttendanceSchema), required=True)


class ShiftSchema(StrictSchema):
    id = Integer(dump_only=True)
    team_id = Integer(required=True, strict=True)
    date = Day(required=True)
    start = fields.Time(required=True, format="%H:%M", attribute="start_time")
    end = fields.Time(required=True, format="%H:%M", attribute="end_time")
    meeting_point = Text(load_default="", validate=validate.Length(max=200))
    meeting_lat = fields.Float(
        load_default=None, allow_none=True, validate=validate.Range(50.7, 53.6)
    )
    meeting_lon = fields.Float(
        load_default=None, allow_none=True, validate=validate.Range(3.3, 7.3)
    )
    status = Text(dump_only=True)
    members = fields.List(fields.Nested(ShiftMemberSchema), dump_only=True)
    attendance = fields.List(fields.Nested(AttendanceOutSchema), dump_only=True)


class ShiftPatchSchema(ShiftSchema):
    """PATCH: move (date, times, meeting point) or cancel (``"status": "cancelled"``)."""

    status = Text(validate=validate.OneOf(["planned", "cancelled"]))


class ShiftSeriesSchema(ShiftSchema):
    """The same shift every week on the chosen weekdays (0 = Monday) up to ``until``."""

    weekdays = fields.List(
        Integer(validate=validate.Range(0, 6)),
        required=True,
        validate=validate.Length(min=1),
    )
    until = Day(required=True)


class ShiftQuerySchema(PageArgs):
    date = Day()
    team = Integer()
    from_ = Day(data_key="from")
    to = Day()


class PlanRequestSchema(StrictSchema):
    date = Day(required=True)
    shift_ids = fields.List(Integer(strict=True), load_default=None, allow_none=True)
    doors_per_hour = Integer(load_default=8, validate=validate.Range(1, 30))


class StopSchema(ma.Schema):
    address_id = Integer()
    seq = Integer()
    label = Text(metadata={"description": "street and house number as on the door"})
    postcode = Text()
    lat = fields.Float(allow_none=True)
    lon = fields.Float(allow_none=True)
    dwelling_type = Text(allow_none=True)
    building_year = Integer(allow_none=True)
    energy_label = Text(allow_none=True)
    entrance_key = Text(allow_none=True)
    visits_before = Integer()
    not_home_before = Integer()
    outcome = Text(allow_none=True, metadata={"description": "logged on this list"})
    visit_uuid = fields.UUID(
        allow_none=True,
        metadata={"description": "the latest visit on this list, when the caller may correct it"},
    )
    visit_visited_at = fields.DateTime(
        allow_none=True,
        metadata={"description": "when that visit happened: a correction keeps this time"},
    )


class WalkListSchema(ma.Schema):
    id = Integer()
    campaign_id = Integer()
    shift_id = Integer()
    date = Day()
    status = Text()
    locked = fields.Boolean()
    version = Integer()
    distance_m = Integer()
    minutes = Integer()
    doors_per_hour = Integer()
    team = Text()
    start = Text()
    end = Text()
    meeting_point = Text()
    stops = fields.List(fields.Nested(StopSchema))


class PlanResultSchema(ma.Schema):
    walklists = fields.List(fields.Nested(WalkListSchema))
    unplanned = fields.List(Integer())
    kept = fields.List(
        Integer(), metadata={"description": "locked or published lists left as they were"}
    )


class StopRef(Integer):
    """A door on a list: its address id, or the stop as GET /walklists gives it."""

    def _deserialize(self, value: object, attr: object, data: object, **kwargs: object) -> int:
        if isinstance(value, dict) and "address_id" in value:
            value = value["address_id"]
        return super()._deserialize(value, attr, data, **kwargs)


class WalkListPatchSchema(StrictSchema):
    """What GET gives can be sent back: the fields a lead cannot change are ignored."""

    version = Integer(required=True, strict=True)
    stops = fields.List(
        StopRef(strict=True), load_default=None,
        metadata={"description": "address ids in walking order (or the stops as read)"},
    )  # fmt: skip
    status = Text(load_default=None, validate=validate.OneOf(["draft", "published", "done"]))
    locked = fields.Boolean(load_default=None)
    over_capacity = fields.Boolean(
        load_default=False, load_only=True,
        metadata={"description": "keep more doors than the shift has room for (the lead saw the "
                                 "warning, error code over_capacity)"},
    )  # fmt: skip
    id = Integer(dump_only=True)
    campaign_id = Integer(dump_only=True)
    shift_id = Integer(dump_only=True)
    date = fields.Date(dump_only=True)
    distance_m = Integer(dump_only=True)
    minutes = Integer(dump_only=True)
    doors_per_hour = Integer(dump_only=True)
    team = Text(dump_only=True)
    start = Text(dump_only=True)
    end = Text(dump_only=True)
    meeting_point = Text(dump_only=True)


class WalkListQuerySchema(PageArgs):
    date = Day()
    campaign = Integer()


class HouseholdSchema(StrictSchema):
    tenure = Text(allow_none=True, validate=_one_of(Tenure))
    landlord = Text(allow_none=True, validate=validate.Length(max=200))
    dwelling_type = Text(allow_none=True, validate=_one_of(DwellingType))
    building_year_class = Text(allow_none=True, validate=_one_of(BuildingYearClass))
    occupants = Integer(allow_none=True, validate=validate.Range(1, 20))
    energy_label = Text(allow_none=True, validate=_one_of(EnergyLabel))
    gas_m3_per_year = Integer(allow_none=True, validate=validate.Range(0, 20_000))
    kwh_per_year = Integer(allow_none=True, validate=validate.Range(0, 50_000))
    heating = Text(allow_none=True, validate=_one_of(Heating))
    heating_age_years = Integer(allow_none=True, validate=validate.Range(0, 80))
    language = Text(allow_none=True, validate=validate.Length(max=40))
    letter_language = Text(allow_none=True, validate=_one_of(Language))
    glazing = Text(allow_none=True, validate=_one_of(Glazing))
    wall_insulated = fields.Boolean(allow_none=True)
    roof_insulated = fields.Boolean(allow_none=True)
    floor_insulated = fields.Boolean(allow_none=True)


class ConsentSchema(StrictSchema):
    given = fields.Boolean(required=True)
    wording_version = Text(required=True, validate=validate.Length(min=1, max=32))
    on_paper = fields.Boolean(
        dump_only=True, metadata={"description": "given and signed on the paper walk sheet"}
    )


class ConsentsSchema(StrictSchema):
    advice_letter = fields.Nested(ConsentSchema)
    follow_up_contact = fields.Nested(ConsentSchema)


class ContactSchema(StrictSchema):
    name = Text(load_default="", validate=validate.Length(max=200))
    email = Text(load_default="", validate=validate.Length(max=254))
    phone = Text(load_default="", validate=validate.Length(max=40))

    @ma.validates("email")
    def _email(self, value: str, **_kwargs: object) -> None:
        if value and not validate.Email()(value):
            raise ma.ValidationError(str(_l("Not a valid e-mail address.")))


class VisitSchema(StrictSchema):
    uuid = fields.UUID(dump_only=True)
    address_id = Integer(required=True, strict=True)
    walklist_id = Integer(load_default=None, allow_none=True, strict=True, attribute="walk_list_id")
    visited_at = Instant(required=True)
    outcome = Text(required=True, validate=_one_of(Outcome))
    household = fields.Nested(HouseholdSchema, load_default=dict)
    interests = fields.Dict(keys=Text(), values=Text(validate=_one_of(Interest)), load_default=dict)
    financing_interest = fields.List(Text(), load_default=list)
    small_measures = fields.Dict(keys=Text(), values=Integer(strict=True), load_default=dict)
    consents = fields.Nested(ConsentsSchema, load_default=dict)
    contact = fields.Nested(ContactSchema, load_default=dict)
    appointment_at = Instant(load_default=None, allow_none=True)
    follow_up_on = Day(load_default=None, allow_none=True)
    notes = Text(load_default=None, allow_none=True, validate=validate.Length(max=2000))
    do_not_return = fields.Boolean(load_default=False)
    from_paper = fields.Boolean(
        dump_only=True, metadata={"description": "typed in by the lead from the walk sheet"}
    )
    updated_at = Instant(
        load_default=None, allow_none=True,
        metadata={"description": "the device's clock for this version; the later one wins. "
                  "Read back in UTC; where the device sent none, the moment it was stored"},
    )  # fmt: skip
    stale = fields.Boolean(dump_only=True)


class VisitQuerySchema(PageArgs):
    since = Instant()
    campaign = Integer()


class MeasureSchema(ma.Schema):
    key = Text()
    name_nl = Text()
    name_en = Text()
    category = Text()
    is_small = fields.Boolean()
    unit = Text()
    invest_min_eur = fields.Float(allow_none=True)
    invest_max_eur = fields.Float(allow_none=True)
    gas_m3_saved_per_year = fields.Float(allow_none=True)
    kwh_saved_per_year = fields.Float(allow_none=True)
    lifetime_years = Integer(allow_none=True)
    source = Text()
    source_year = Integer(allow_none=True)


class FinancingOptionSchema(ma.Schema):
    key = Text()
    kind = fields.Function(lambda f: f.kind.value)
    name_nl = Text()
    name_en = Text()


READ_ONLY_HINTS = {
    "contract_changes": _l("read-only here: add a change with POST "
                           "/api/v1/employees/<id>/contract-changes, remove one with DELETE"),
    "training_records": _l("read-only here: add a record with POST "
                           "/api/v1/employees/<id>/training-records"),
}  # fmt: skip


def changed_read_only(schema: ma.Schema, sent: object, current: dict) -> dict[str, list[str]]:
    """Read-only fields sent with other values than the object holds, each with why: a
    client may send back what it read, but a change there would be dropped without a word."""
    if not isinstance(sent, dict):
        return {}
    found = {}
    for name, field in schema.fields.items():
        key = field.data_key or name
        if field.dump_only and key in sent and sent[key] != current.get(key):
            found[key] = [str(READ_ONLY_HINTS.get(key, _l("read-only: cannot be changed")))]
    return found
