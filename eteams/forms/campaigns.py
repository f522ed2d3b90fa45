"""Forms for campaigns, address uploads and placing an address by hand."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from wtforms import FloatField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from eteams.forms.base import Form
from eteams.forms.fields import DayField
from eteams.labels import choices
from eteams.models.enums import Language


class CampaignForm(Form):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    neighbourhood = StringField(_l("Neighbourhood"), validators=[Optional(), Length(max=200)])
    municipality = StringField(
        _l("Municipality"), default="Utrecht", validators=[DataRequired(), Length(max=100)]
    )
    starts_on = DayField(_l("Starts on"), validators=[DataRequired()])
    ends_on = DayField(_l("Ends on"), validators=[DataRequired()])
    letter_language = SelectField(_l("Default letter language"), choices=choices(Language))
    submit = SubmitField(_l("Save"))


class UploadForm(Form):
    file = FileField(
        _l("Address file (CSV)"),
        description=_l(
            "Saved from Excel as CSV (comma or semicolon). Columns: street, house number, "
            "postcode, city; optional letter, addition, lat, lon, building year, dwelling type, "
            "energy label, owner or tenant."
        ),
        validators=[FileRequired(_l("Choose a file."))],
    )
    submit = SubmitField(_l("Upload and check"))


class LocationForm(Form):
    lat = FloatField(_l("Latitude"), validators=[DataRequired(), NumberRange(50.7, 53.6)])
    lon = FloatField(_l("Longitude"), validators=[DataRequired(), NumberRange(3.3, 7.3)])
    submit = SubmitField(_l("Save location"))
