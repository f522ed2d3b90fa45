"""Forms for the catalogue: measures, financing options and dated price books."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    DecimalField,
    IntegerField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from eteams.forms.base import Form
from eteams.forms.fields import DayField, DecimalCommaField


class MeasureForm(Form):
    name_nl = StringField(_l("Name (Dutch)"), validators=[DataRequired(), Length(max=200)])
    name_en = StringField(_l("Name (English)"), validators=[DataRequired(), Length(max=200)])
    unit = StringField(_l("Unit"), validators=[Optional(), Length(max=64)])
    invest_min_eur = DecimalField(
        _l("Lowest investment (€)"), places=2, validators=[Optional(), NumberRange(min=0)]
    )
    invest_max_eur = DecimalField(
        _l("Highest investment (€)"), places=2, validators=[Optional(), NumberRange(min=0)]
    )
    gas_m3_saved_per_year = DecimalField(
        _l("Gas saved a year (m³)"), places=1, validators=[Optional()]
    )
    kwh_saved_per_year = DecimalField(
        _l("Electricity saved a year (kWh)"), places=1,
        description=_l("Negative when the measure uses electricity, as a heat pump does."),
        validators=[Optional()],
    )  # fmt: skip
    lifetime_years = IntegerField(
        _l("Lifetime (years)"), validators=[Optional(), NumberRange(1, 100)]
    )
    source = TextAreaField(_l("Source"), validators=[Optional(), Length(max=2000)])
    source_year = IntegerField(
        _l("Year of the source"), validators=[Optional(), NumberRange(1990, 2100)]
    )
    figures = TextAreaField(
        _l("Figures per dwelling type (JSON)"),
        description=_l(
            "What the advice reckons with: per dwelling type the investment, the share of the "
            "gas use saved and the source (a key of the catalogue's sources)."
        ),
        validators=[Optional()],
    )
    active = BooleanField(_l("In use"))
    submit = SubmitField(_l("Save"))

    measure_key = ""  # set by the view: the figures must name their own measure
    big_measure = False  # set by the view: figures per dwelling type, which must stay so

    def validate_figures(self, field: TextAreaField) -> None:
        from eteams.services import catalogue, catalogue_schema

        if not isinstance(field.data, str) or not field.data.strip():
            return  # not sent: the figures stay as they are
        try:
            figures = catalogue_schema.loads(field.data)
        except (ValueError, RecursionError):
            raise ValidationError(
                _l('Write the figures as a JSON object, like {"variants": [...]}.')
            ) from None
        problem = catalogue_schema.measure_problem(
            figures, self.measure_key, set(catalogue.data()["sources"]), big=self.big_measure
        )
        if problem:
            raise ValidationError(_l("These figures cannot be used: %(problem)s.", problem=problem))


class FinancingForm(Form):
    name_nl = StringField(_l("Name (Dutch)"), validators=[DataRequired(), Length(max=200)])
    name_en = StringField(_l("Name (English)"), validators=[DataRequired(), Length(max=200)])
    description_nl = TextAreaField(
        _l("Description (Dutch)"), validators=[Optional(), Length(max=2000)]
    )
    description_en = TextAreaField(
        _l("Description (English)"), validators=[Optional(), Length(max=2000)]
    )
    rules = TextAreaField(
        _l("Rules (JSON)"),
        description=_l("Amounts and conditions; null where a figure was not found."),
        validators=[DataRequired()],
    )
    source = TextAreaField(_l("Source"), validators=[Optional(), Length(max=2000)])
    source_year = IntegerField(
        _l("Year of the source"), validators=[Optional(), NumberRange(1990, 2100)]
    )
    active = BooleanField(_l("In use"))
    submit = SubmitField(_l("Save"))

    option_key: str | None = None  # set by the view: what the option's rules must hold
    option_kind: str | None = None

    def validate_rules(self, field: TextAreaField) -> None:
        from eteams.services import catalogue_schema

        try:
            rules = catalogue_schema.loads(field.data)
            if not isinstance(rules, dict):
                raise ValueError
        except (ValueError, RecursionError):
            raise ValidationError(
                _l('Write the rules as a JSON object, like {"min_eur": 1000}.')
            ) from None
        problem = catalogue_schema.rules_problem(rules, self.option_key, self.option_kind)
        if problem:
            raise ValidationError(_l("These rules cannot be used: %(problem)s.", problem=problem))


class PriceBookForm(Form):
    valid_from = DayField(_l("Valid from"), validators=[DataRequired()])
    gas_eur_per_m3 = DecimalCommaField(
        _l("Gas price (€ per m³)"), places=4, validators=[Optional()]
    )
    electricity_eur_per_kwh = DecimalCommaField(
        _l("Electricity price (€ per kWh)"),
        places=4,
        validators=[Optional()],
    )
    export_eur_per_kwh = DecimalCommaField(
        _l("Exported solar power (€ per kWh)"),
        places=4,
        description=_l("What a kWh sent back to the grid earns, net of the supplier's costs "
                       "(from 2027, without saldering)."),
        validators=[Optional()],
    )  # fmt: skip
    co2_kg_per_m3_gas = DecimalCommaField(
        _l("CO2 per m³ gas (kg)"), places=4, validators=[Optional()]
    )
    co2_kg_per_kwh = DecimalCommaField(_l("CO2 per kWh (kg)"), places=4, validators=[Optional()])
    source = TextAreaField(_l("Source"), validators=[DataRequired(), Length(max=2000)])
    correct = BooleanField(
        _l("Correct the book from this date"),
        description=_l(
            "Only to fix a mistake. Letters already sent keep the figures they were sent with; "
            "letters not sent yet are made again with the corrected book."
        ),
    )
    submit = SubmitField(_l("Save price book"))
