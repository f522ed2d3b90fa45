"""Form fields shared by several forms."""

from __future__ import annotations

import re

from flask_babel import lazy_gettext as _l
from wtforms import DateField, DecimalField
from wtforms.validators import StopValidation

from eteams.services import days

_DUTCH_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")
_PLAIN_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def _plain_number(field: DecimalField, text: str) -> str:
    """The text, if it is a figure as people type it: NaN, inf and 1e9 (which Python's
    Decimal reads) are not."""
    if text and not _PLAIN_NUMBER.match(text):
        field.data = None
        raise ValueError(str(_l("Enter a number, like 25,5.")))
    return text


class AmountField(DecimalField):
    """A euro amount as people type it: "30.000,00", "30000,5", "€ 30000" or "30000.50"."""

    def process_formdata(self, valuelist: list[str]) -> None:
        if valuelist:
            text = valuelist[0].replace("€", "").replace(" ", "").replace("\u00a0", "")
            if "," in text:
                text = text.replace(".", "").replace(",", ".")
            elif _DUTCH_THOUSANDS.match(text):
                text = text.replace(".", "")
            valuelist = [_plain_number(self, text)]
        super().process_formdata(valuelist)


class DecimalCommaField(DecimalField):
    """A figure as a Dutch reader types it: "1,25" is 1.25 (a price, never thousands)."""

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
