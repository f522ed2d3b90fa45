"""Human names for the value lists, translated; forms and templates share them."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from flask_babel import lazy_gettext as _l
from wtforms.fields.choices import SelectChoice

from eteams.models.enums import ContractType, EndReason, Language, Role, TargetGroup

LABELS: dict[type[StrEnum], dict[str, object]] = {
    Role: {
        "admin": _l("Programme coordinator"),
        "lead": _l("Team lead"),
        "coach": _l("Coach"),
        "employer": _l("Employer (HR)"),
    },
    TargetGroup: {
        "participatiewet": _l("Participation Act (social assistance)"),
        "ww": _l("Unemployment benefit (WW)"),
        "banenafspraak": _l("Jobs agreement (banenafspraak)"),
        "wia_wajong": _l("WIA / Wajong"),
        "no_benefit": _l("No benefit"),
        "other": _l("Other"),
    },
    ContractType: {
        "trial_placement": _l("Trial placement"),
        "temporary": _l("Temporary contract"),
        "permanent": _l("Permanent contract"),
        "work_learning": _l("Work-learning job"),
    },
    EndReason: {
        "regular_job": _l("Regular job elsewhere"),
        "permanent_contract": _l("Permanent contract"),
        "education": _l("Education"),
        "health": _l("Health"),
        "other": _l("Other"),
    },
    Language: {"nl": "Nederlands", "en": "English"},
}


def choices(enum_cls: type[StrEnum]) -> list[SelectChoice]:
    return [SelectChoice(member.value, LABELS[enum_cls][member.value]) for member in enum_cls]


def options(pairs: Iterable[tuple[object, object]], empty: bool = False) -> list[SelectChoice]:
    """Choices for a select of database rows; ``empty`` adds a "—" (none) option first."""
    first = [SelectChoice(None, "—")] if empty else []
    return [*first, *(SelectChoice(value, label) for value, label in pairs)]


def label(enum_cls: type[StrEnum], value: object) -> object:
    if value is None:
        return ""
    key = value.value if isinstance(value, StrEnum) else str(value)
    return LABELS[enum_cls].get(key, key)
