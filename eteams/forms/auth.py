from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, PasswordField, RadioField, SubmitField
from wtforms.validators import DataRequired, Email, Length

from eteams.forms.base import Form
from eteams.labels import choices
from eteams.models.enums import Language


class LoginForm(Form):
    email = EmailField(_l("E-mail address"), validators=[DataRequired(), Email(), Length(max=254)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=128)])
    submit = SubmitField(_l("Sign in"))


class ProfileForm(Form):
    locale = RadioField(_l("Language"), choices=choices(Language), validators=[DataRequired()])
    submit = SubmitField(_l("Save"))
