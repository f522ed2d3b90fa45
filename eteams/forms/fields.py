"""Form fields shared by several forms."""

from __future__ import annotations

import re
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from wtforms import DateField, DecimalField, IntegerField
from wtforms.validators import StopValidation
from wtforms.widgets import TextInput

from eteams.services import days, numbers

_DUTCH_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")
_PLAIN_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def _plain_number(field: DecimalField, text: str) -> str:
    """The text, if it is a figure as people type it: NaN, inf and 1e9 (which Python's
    Decimal reads) are not."""
    if text and not _PLAIN_NUMBER.match(text):
        field.data = None
        raise ValueError(str(_l("Enter a number, like 25,5.")))
    return text


def _dutch_figure(text: str) -> str:
    """ "30.000,50" and "1.200" as Python reads numbers: "30000.50", "1200"."""
    text = text.replace(" ", "").replace("\u00a0", "")
    if "," in text:
        return text.replace(".", "").replace(",", ".")
    if _DUTCH_THOUSANDS.match(text):
        return text.replace(".", "")
    return text


class AmountField(DecimalField):
    """A euro amount as people type it: "30.000,00", "30000,5", "€ 30000" or "30000.50"."""

    def process_formdata(self, valuelist: list[str]) -> None:
        if valuelist:
            valuelist = [_plain_number(self, _dutch_figure(valuelist[0].replace("€", "")))]
        super().process_formdata(valuelist)


class WholeNumberField(IntegerField):
    """A count from a bill or a sheet, read by the tablet's rule (``services.numbers``):
    "1.200" and "1200" are 1200; "3,5", "1.5" or "12.00" are refused beside the field, as the
    tablet refuses them. A text box: a number box would read "1.200" as 1.2."""

    widget = TextInput()

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("render_kw", {"inputmode": "numeric"})
        super().__init__(*args, **kwargs)

    def process_formdata(self, valuelist: list[str]) -> None:
        self.data = None
        if valuelist:
            figure = numbers.read_typed(valuelist[0])
            self.data = int(figure) if figure is not None else None


class DecimalCommaField(DecimalField):
    """A figure as a Dutch reader types it: "1,25" is 1.25 (a price, never thousands). Shown
    without a needless ",0": 32 or 32,5 hours (one place), never grouped ("1.200" would read
    back as 1.2). A number box (type="number") must be given "32.5" (HTML's own notation; the
    browser shows it as 32,5 on a Dutch page: a comma there empties the box); a text box gets
    the reader's own notation."""

    def _value(self) -> str:
        if self.raw_data or not isinstance(self.data, Decimal) or not self.data.is_finite():
            return super()._value()
        from flask_babel import format_decimal

        places = self.places if isinstance(self.places, int) else 2
        pattern = "0." + "#" * places if places <= 1 else "0." + "0" * places
        pattern = pattern if places else "0"
        if getattr(self.widget, "input_type", "") == "number":
            from babel.numbers import format_decimal as in_locale

            return in_locale(self.data, pattern, locale="en", group_separator=False)
        return format_decimal(self.data, pattern)

    def process_formdata(self, valuelist: list[str]) -> None:
        if valuelist:
            text = valuelist[0].replace("€", "").strip().replace(",", ".")
            valuelist = [_plain_number(self, text)]
        super().process_formdata(valuelist)


class DayField(DateField):
    """A date picker whose day must fall in the product's window (2000–2100). A day that
    does not exist (30 February) says so, not "this field is required"."""

    def pre_validate(self, form: object) -> None:
        if self.process_errors and self.raw_data and self.raw_data[0].strip():
            self.errors.clear()
            raise StopValidation(str(_l("This is not a day: enter it as dd-mm-yyyy.")))
        if self.data is not None and not days.in_window(self.data):
            raise StopValidation(days.window_message())
