"""The admin's forms for social-return rule tables: a new version, and confirming the date a
published version applies from."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from eteams.forms.base import Form
from eteams.forms.fields import DayField


class SroiRuleSetForm(Form):
    municipality = StringField(_l("Municipality"), validators=[DataRequired(), Length(max=100)])
    valid_from = DayField(
        _l("Valid from"),
        validators=[Optional()],
        description=_l("Leave empty when the municipality has not said yet; confirm it later."),
    )
    source = TextAreaField(
        _l("Source"),
        validators=[DataRequired(), Length(max=2000)],
        description=_l("Where the amounts come from: the page or council decision, and its date."),
    )
    rules = TextAreaField(
        _l("Rules"),
        validators=[DataRequired(), Length(max=50000)],
        render_kw={"rows": 24, "spellcheck": "false", "class": "code"},
        description=_l("The table as JSON: a title, the basis in hours a week, and one line per "
                       "category, bonus or hourly amount, with the conditions it needs."),
    )  # fmt: skip
    submit = SubmitField(_l("Save as a new version"))


class ConfirmValidFromForm(Form):
    valid_from = DayField(_l("Valid from"), validators=[DataRequired()])
    submit = SubmitField(_l("Confirm the date"))
