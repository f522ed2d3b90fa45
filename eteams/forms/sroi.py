"""The admin's form for a new version of a municipality's social-return rule table."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from eteams.forms.base import Form
from eteams.forms.fields import AmountField, DayField
from eteams.services.sroi import MAX_AMOUNT, RULES


def field_name(key: str) -> str:
    """``base.ww`` → ``base__ww``: a rule key as a form field name."""
    return key.replace(".", "__")


class SroiRuleSetForm(Form):
    municipality = StringField(_l("Municipality"), validators=[DataRequired(), Length(max=100)])
    valid_from = DayField(_l("Valid from"), validators=[DataRequired()])
    source = TextAreaField(
        _l("Source"),
        validators=[DataRequired(), Length(max=2000)],
        description=_l("Where the amounts come from, e.g. the council decision and its date."),
    )
    submit = SubmitField(_l("Save as a new version"))

    def amounts(self) -> dict[str, object]:
        return {rule.key: getattr(self, field_name(rule.key)).data for rule in RULES}

    def amount_fields(self, prefix: str) -> list:
        return [getattr(self, field_name(r.key)) for r in RULES if r.key.startswith(prefix)]


for _rule in RULES:
    setattr(
        SroiRuleSetForm,
        field_name(_rule.key),
        AmountField(
            _rule.label,
            places=2,
            validators=[Optional(), NumberRange(min=0, max=float(MAX_AMOUNT))],
        ),
    )
