"""The base of every form: Flask-WTF, with every typed text cleaned the same way."""

from __future__ import annotations

from typing import Any

from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField

from eteams.services.text import clean


class Form(FlaskForm):
    class Meta(FlaskForm.Meta):
        def bind_field(self, form: Any, unbound_field: Any, options: dict[str, Any]) -> Any:
            """Text fields (not passwords) lose direction overrides; invisible-only is empty."""
            kind = unbound_field.field_class
            if issubclass(kind, StringField) and not issubclass(kind, PasswordField):
                filters = [*unbound_field.kwargs.get("filters", ()), clean]
                options = {**options, "filters": filters}
            return super().bind_field(form, unbound_field, options)
