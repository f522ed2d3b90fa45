"""Form fields shared by several forms."""

from __future__ import annotations

import re

from wtforms import DateField, DecimalField
from wtforms.validators import StopValidation

from eteams.services import days

_DUTCH_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")


class AmountField(DecimalField):
    """A euro amount as people type it: "30.000,00", "30000,5", "€ 30000" or "30000.50"."""

    def process_formdata(self, valuelist: list[str]) -> None:
        if valuelist:
            text = valuelist[0].replace("€", "").replace(" ", "").replace("\u00a0", "")
            if "," in text:
                text = text.replace(".", "").replace(",", ".")
            elif _DUTCH_THOUSANDS.match(text):
                text = text.replace(".", "")
            valuelist = [text]
        super().process_formdata(valuelist)


class DayField(DateField):
    """A date picker whose day must fall in the product's window (2000–2100)."""

    def pre_validate(self, form: object) -> None:
        if self.data is not None and not days.in_window(self.data):
            raise StopValidation(days.window_message())
