"""Form fields shared by several forms."""

from __future__ import annotations

import re

from wtforms import DecimalField

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
