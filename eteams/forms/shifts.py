"""Forms for the week schedule: one shift or a weekly series."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    FloatField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TimeField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from eteams.forms.base import Form
from eteams.forms.fields import DayField

WEEKDAYS = [
    SelectChoice(str(n), name)
    for n, name in enumerate(
        (_l("Monday"), _l("Tuesday"), _l("Wednesday"), _l("Thursday"), _l("Friday"),
         _l("Saturday"), _l("Sunday"))
    )
]  # fmt: skip


class CheckboxesField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class ShiftForm(Form):
    team_id = SelectField(_l("Team"), coerce=int, validators=[DataRequired()])
    date = DayField(_l("Date"), validators=[DataRequired()])
    start_time = TimeField(_l("Start"), validators=[DataRequired()])
    end_time = TimeField(_l("End"), validators=[DataRequired()])
    meeting_point = StringField(
        _l("Meeting point"),
        description=_l("Where the team meets, e.g. the community centre."),
        validators=[Optional(), Length(max=200)],
    )
    meeting_lat = FloatField(
        _l("Meeting point latitude"),
        description=_l(
            "Optional: where the walk list starts. Empty: the middle of the doors to do."
        ),
        validators=[Optional(), NumberRange(50.7, 53.6)],
    )
    meeting_lon = FloatField(
        _l("Meeting point longitude"), validators=[Optional(), NumberRange(3.3, 7.3)]
    )
    submit = SubmitField(_l("Save"))


class NewShiftForm(ShiftForm):
    known_point = SelectField(
        _l("Or a meeting point used before"),
        description=_l("Nothing typed or chosen: the team's meeting point of its last shift."),
        choices=[], validate_choice=False, validators=[Optional()],
    )  # fmt: skip
    repeat = BooleanField(_l("Repeat every week"))
    weekdays = CheckboxesField(_l("On these days"), choices=WEEKDAYS, validators=[Optional()])
    repeat_until = DayField(_l("Until (last day)"), validators=[Optional()])
    submit = SubmitField(_l("Schedule shifts"))
