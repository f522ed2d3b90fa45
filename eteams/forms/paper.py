"""The paper walk sheet typed in: a small form per door, with the household form of the tablet
(same answers, same order), turned into the body the tablet sends for a visit."""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, HiddenField, SelectField, StringField, TextAreaField, TimeField
from wtforms.fields import DateTimeLocalField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, Optional, StopValidation

from eteams.forms.base import Form
from eteams.forms.fields import DayField, WholeNumberField
from eteams.forms.shifts import CheckboxesField
from eteams.labels import choices
from eteams.models import Measure
from eteams.models.enums import (
    BuildingYearClass,
    DwellingType,
    EnergyLabel,
    Glazing,
    Heating,
    Interest,
    Language,
    Outcome,
    Tenure,
)
from eteams.services import clock, days
from eteams.services.consents import WORDING_VERSION, WORDING_VERSIONS

HOUSEHOLD = ("tenure", "landlord", "dwelling_type", "building_year_class", "occupants",
             "energy_label", "gas_m3_per_year", "kwh_per_year", "heating", "heating_age_years",
             "language", "letter_language")  # fmt: skip
HOUSE_NOW = ("glazing", "wall_insulated", "roof_insulated", "floor_insulated")
YES_NO = {"yes": True, "no": False}
CONSENTS = ("advice_letter", "follow_up_contact")
CONTACT = ("name", "phone", "email")
TIME_FORMATS = ["%H:%M", "%H.%M"]


def _select(label: object, options: list[SelectChoice], empty: object = "—") -> SelectField:
    return SelectField(label, choices=[SelectChoice("", empty), *options], validators=[Optional()])


def _yes_no(label: object) -> SelectField:
    return _select(label, [SelectChoice("yes", _l("Yes")), SelectChoice("no", _l("No"))],
                   _l("not known"))  # fmt: skip


def _text(label: object, length: int) -> StringField:
    return StringField(label, validators=[Optional(), Length(max=length)])


class DoorForm(Form):
    """One door; ``door_form`` adds an interest and a quantity per measure."""

    class Meta(Form.Meta):
        csrf = False  # the page's own form carries the token

    uuid = HiddenField()
    outcome = _select(_l("Outcome"), choices(Outcome))
    time = TimeField(_l("Time"), format=TIME_FORMATS, validators=[Optional()])
    coaches = CheckboxesField(_l("Walked by"), coerce=int, validators=[Optional()])
    tenure = _select(_l("Owner or tenant"), choices(Tenure))
    landlord = _text(_l("Landlord (for tenants)"), 200)
    dwelling_type = _select(_l("Dwelling type"), choices(DwellingType))
    building_year_class = _select(_l("Building year"), choices(BuildingYearClass))
    occupants = WholeNumberField(_l("Occupants"), validators=[Optional()])
    energy_label = _select(
        _l("Energy label"), [SelectChoice(e.value, e.value) for e in EnergyLabel]
    )
    gas_m3_per_year = WholeNumberField(
        _l("Gas per year (m³, from the bill)"), validators=[Optional()]
    )
    kwh_per_year = WholeNumberField(_l("Electricity per year (kWh, from the bill)"),
                                    validators=[Optional()])  # fmt: skip
    heating = _select(_l("Heating"), choices(Heating))
    heating_age_years = WholeNumberField(_l("Age of the heating (years)"), validators=[Optional()])
    language = _text(_l("Language spoken"), 40)
    letter_language = _select(
        _l("Letter in"), choices(Language), _l("as spoken, else the campaign's")
    )
    glazing = _select(_l("Glass in most windows"), choices(Glazing), _l("not known"))
    wall_insulated = _yes_no(_l("Cavity wall already insulated"))
    roof_insulated = _yes_no(_l("Roof already insulated"))
    floor_insulated = _yes_no(_l("Floor already insulated"))
    consent_advice_letter = BooleanField(_l("Advice letter: given, and signed on the sheet"))
    consent_follow_up_contact = BooleanField(
        _l("Follow-up contact: given, and signed on the sheet")
    )
    wording_version = SelectField(
        _l("Consent wording on the sheet"), choices=[SelectChoice(v, v) for v in WORDING_VERSIONS]
    )
    contact_name = _text(_l("Name"), 200)
    contact_phone = _text(_l("Phone"), 40)
    contact_email = _text(_l("E-mail address"), 254)
    appointment_at = DateTimeLocalField(
        _l("Appointment"), format=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"], validators=[Optional()]
    )
    follow_up_on = DayField(_l("Come back on"), validators=[Optional()])
    notes = TextAreaField(_l("Short note"), validators=[Optional(), Length(max=2000)])

    interest_keys: tuple[str, ...] = ()
    small_keys: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.door_errors: list[str] = []

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)
        if self.outcome.data and self.time.data is None and not self.time.errors:
            self.time.errors = [str(_l("Enter the time, as on the sheet (HH:MM)."))]
            valid = False
        return valid

    def validate_appointment_at(self, field: DateTimeLocalField) -> None:
        if field.data is not None and not days.in_window(field.data.date()):
            raise StopValidation(days.window_message())

    def interest(self, key: str) -> SelectField:
        return self[f"i_{key}"]

    def small(self, key: str) -> WholeNumberField:
        return self[f"s_{key}"]


def door_form(measures: list[Measure]) -> type[DoorForm]:
    """The door form with the catalogue's measures, as the tablet shows them."""
    big = [m for m in measures if not m.is_small]
    small = [m for m in measures if m.is_small]
    fields: dict[str, Any] = {f"i_{m.key}": _select(m.key, choices(Interest)) for m in big}
    fields |= {f"s_{m.key}": WholeNumberField(m.key, validators=[Optional()])
               for m in small}  # fmt: skip
    fields |= {
        "interest_keys": tuple(m.key for m in big),
        "small_keys": tuple(m.key for m in small),
    }
    return type("MeasureDoorForm", (DoorForm,), fields)


def defaults(seq_time: dt.time, coaches: list[int], prefill: dict[str, str]) -> dict[str, Any]:
    return {"time": seq_time, "coaches": coaches, "wording_version": WORDING_VERSION, **prefill}


def conversation_typed(form: DoorForm, prefill: dict[str, str]) -> bool:
    """Whether anything of the household form was filled in beyond what the list knew."""
    for name in (*HOUSEHOLD, *HOUSE_NOW):
        value = form[name].data
        if value not in (None, "") and str(value) != prefill.get(name):
            return True
    fields = [form.interest(k) for k in form.interest_keys] + [
        form.small(k) for k in form.small_keys
    ]
    extra = [form.consent_advice_letter, form.consent_follow_up_contact, form.contact_name,
             form.contact_phone, form.contact_email, form.appointment_at, form.follow_up_on,
             form.notes]  # fmt: skip
    return any(f.data not in (None, "", False, 0) for f in fields + extra)


def visit_body(form: DoorForm, walk_list_id: int, address_id: int, day: dt.date) -> dict[str, Any]:
    """The body of PUT /api/v1/visits/<uuid> the tablet would have sent for this door."""
    body: dict[str, Any] = {
        "address_id": address_id,
        "walklist_id": walk_list_id,
        "visited_at": clock.at(day, form.time.data).isoformat(),
        "outcome": form.outcome.data,
    }
    if form.outcome.data != Outcome.CONVERSATION.value:
        return body
    household = {name: _plain(form[name].data) for name in (*HOUSEHOLD, "glazing")}
    household |= {name: YES_NO.get(form[name].data) for name in HOUSE_NOW[1:]}
    wording = form.wording_version.data
    body |= {
        "household": household,
        "interests": {k: v for k in form.interest_keys if (v := form.interest(k).data)},
        "small_measures": {k: q for k in form.small_keys if (q := form.small(k).data)},
        "consents": {
            kind: {"given": bool(form[f"consent_{kind}"].data), "wording_version": wording}
            for kind in CONSENTS
        },  # fmt: skip
        "contact": {part: (form[f"contact_{part}"].data or "").strip() for part in CONTACT},
        "follow_up_on": form.follow_up_on.data.isoformat() if form.follow_up_on.data else None,
        "notes": _plain(form.notes.data),
    }
    if form.appointment_at.data:
        at = form.appointment_at.data
        body["appointment_at"] = clock.at(at.date(), at.time()).isoformat()
    return body


def _plain(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip() or None
    return value


def show_visit_errors(form: DoorForm, fields: dict[str, list[str]]) -> None:
    """The schema's and the service's messages beside the door's own fields."""
    for path, messages in fields.items():
        field = form._fields.get(_field_name(path))
        if field is None:
            form.door_errors.extend(messages)
        else:
            field.errors = [*field.errors, *messages]


def _field_name(path: str) -> str:
    parts = path.split(".")
    head = parts[0]
    if head == "household" and len(parts) > 1:
        return parts[1]
    if head == "interests" and len(parts) > 1:
        return f"i_{parts[1]}"
    if head == "small_measures" and len(parts) > 1:
        return f"s_{parts[1]}"
    if head == "contact":
        return f"contact_{parts[1]}" if len(parts) > 1 else "contact_name"
    if head == "consents":
        return "wording_version"
    return {"visited_at": "time", "uuid": "-"}.get(head, head)
