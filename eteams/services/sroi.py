"""Social return (SROI): what the jobs are worth under a municipality's rule table.

Each municipality keeps its own amounts ("building blocks"): a value per 36-hour year by
target group, and bonuses. The amounts live in a versioned table the admin fills in
(``SroiRuleSet``); the *meaning* of each amount is defined here, once, so the report's
appendix can state every rule and an auditor can recompute every euro.

Pro rata: a yearly amount counts for ``hours per week / 36 × months employed / 12`` (the
months as printed in the report, to one decimal). One-off bonuses count once per event in
the period. Each line is rounded to cents; the person's value is the sum of the lines.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from eteams.labels import LABELS
from eteams.models import SroiRule, SroiRuleSet
from eteams.models.enums import TargetGroup
from eteams.services import audit
from eteams.services.errors import ValidationError

HOURS_PER_YEAR_BASIS = Decimal(36)
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Rule:
    key: str
    yearly: bool  # pro rata per 36-hour year; otherwise once per event
    label: object  # lazy translation for the admin's form (base rules: the target group)
    appendix: str  # how the report states the rule (the report is Dutch)


TARGET_GROUP_NL = {
    TargetGroup.PARTICIPATIEWET: "Participatiewet",
    TargetGroup.WW: "WW",
    TargetGroup.BANENAFSPRAAK: "banenafspraak",
    TargetGroup.WIA_WAJONG: "WIA/Wajong",
    TargetGroup.NO_BENEFIT: "geen uitkering",
    TargetGroup.OTHER: "andere doelgroep",
}

RULES: tuple[Rule, ...] = (
    *(
        Rule(f"base.{group.value}", True, LABELS[TargetGroup][group.value],
             f"Per jaar van 36 uur, doelgroep {TARGET_GROUP_NL[group]}")
        for group in TargetGroup
    ),
    Rule("bonus.status_holder", True, _l("Bonus per 36-hour year: status holder"),
         "Bonus per jaar van 36 uur voor een statushouder"),
    Rule("bonus.under_27", True, _l("Bonus per 36-hour year: younger than 27"),
         "Bonus per jaar van 36 uur voor wie in het jaar van het periode-einde jonger dan 27 "
         "wordt (einde-jaar min geboortejaar < 27)"),
    Rule("bonus.age_50_plus", True, _l("Bonus per 36-hour year: 50 or older"),
         "Bonus per jaar van 36 uur voor wie in het jaar van het periode-einde 50 of ouder "
         "wordt (einde-jaar min geboortejaar ≥ 50)"),
    Rule("bonus.outflow_to_work", False, _l("Once: left for regular work in the period"),
         "Eenmalig per medewerker die in de periode uitstroomde naar regulier werk of een "
         "vast contract"),
    Rule("bonus.certificate", False, _l("Once per certificate obtained in the period"),
         "Eenmalig per opleiding met certificaat, afgerond in de periode"),
)  # fmt: skip
RULES_BY_KEY = {rule.key: rule for rule in RULES}
MAX_AMOUNT = Decimal("1000000")


@dataclass(frozen=True)
class RuleTable:
    """A detached copy of one version: what the report used, printed in its appendix."""

    municipality: str
    version: int
    valid_from: dt.date
    source: str
    amounts: dict[str, Decimal]

    @classmethod
    def of(cls, rule_set: SroiRuleSet) -> RuleTable:
        return cls(
            municipality=rule_set.municipality,
            version=rule_set.version,
            valid_from=rule_set.valid_from,
            source=rule_set.source,
            amounts={r.key: Decimal(r.amount) for r in rule_set.rules},
        )


@dataclass(frozen=True)
class Person:
    """What the rules look at, for one employee in the period."""

    target_group: str
    hours_per_week: Decimal
    months_employed: Decimal
    birth_year: int | None
    status_holder: bool
    left_for_work: bool
    certificates: int


@dataclass(frozen=True)
class Line:
    key: str
    quantity: Decimal  # the pro-rata factor, or the number of events
    value: Decimal


def value(table: RuleTable, person: Person, period_end: dt.date) -> tuple[Decimal, list[Line]]:
    """The person's social-return value and the lines it is made of.

    A target group without a yearly amount does not count at all, bonuses included.
    """
    if f"base.{person.target_group}" not in table.amounts:
        return Decimal(0), []
    factor = (
        Decimal(person.hours_per_week) / HOURS_PER_YEAR_BASIS * Decimal(person.months_employed) / 12
    )
    age = period_end.year - person.birth_year if person.birth_year else None
    applies = {
        f"base.{person.target_group}": factor,
        "bonus.status_holder": factor if person.status_holder else 0,
        "bonus.under_27": factor if age is not None and age < 27 else 0,
        "bonus.age_50_plus": factor if age is not None and age >= 50 else 0,
        "bonus.outflow_to_work": Decimal(1) if person.left_for_work else 0,
        "bonus.certificate": Decimal(person.certificates),
    }
    lines = [
        Line(key, Decimal(quantity), (table.amounts[key] * quantity).quantize(CENT, ROUND_HALF_UP))
        for key, quantity in applies.items()
        if quantity and key in table.amounts
    ]
    return sum((line.value for line in lines), Decimal(0)), lines


def rule_table_for(session: Session, municipality: str, day: dt.date) -> RuleTable | None:
    """The version valid on ``day`` (the latest that started on or before it)."""
    found = session.scalar(
        select(SroiRuleSet)
        .where(func.lower(SroiRuleSet.municipality) == municipality.strip().lower(),
               SroiRuleSet.valid_from <= day)
        .order_by(SroiRuleSet.valid_from.desc())
        .options(selectinload(SroiRuleSet.rules))
        .limit(1)
    )  # fmt: skip
    return RuleTable.of(found) if found else None


def latest(session: Session, municipality: str) -> SroiRuleSet | None:
    return session.scalar(
        select(SroiRuleSet)
        .where(func.lower(SroiRuleSet.municipality) == municipality.strip().lower())
        .order_by(SroiRuleSet.version.desc())
        .limit(1)
    )


def add_rule_set(
    session: Session,
    municipality: str,
    valid_from: dt.date,
    source: str,
    amounts: dict[str, Decimal | None],
    *,
    actor_id: int | None,
) -> SroiRuleSet:
    """A new version for a municipality. Old versions are never changed: reports used them.
    Audited here."""
    municipality = municipality.strip()
    errors: dict[str, list[str]] = {}
    given = {key: Decimal(a) for key, a in amounts.items() if a is not None}
    for key, amount in given.items():
        if key not in RULES_BY_KEY:
            errors.setdefault(key, []).append(str(_l("Unknown rule.")))
        elif not Decimal(0) <= amount <= MAX_AMOUNT:
            errors.setdefault(key, []).append(str(_l("Enter an amount from 0 to 1,000,000 euros.")))
    if not any(key.startswith("base.") for key in given):
        errors.setdefault("base.participatiewet", []).append(
            str(_l("Enter the yearly amount for at least one target group."))
        )
    if not municipality:
        errors.setdefault("municipality", []).append(str(_l("Enter the municipality.")))
    previous = latest(session, municipality) if municipality else None
    same_day = session.scalar(
        select(SroiRuleSet.id).where(
            func.lower(SroiRuleSet.municipality) == municipality.lower(),
            SroiRuleSet.valid_from == valid_from,
        )
    )
    if same_day:
        errors.setdefault("valid_from", []).append(
            str(_l("This municipality already has rules from this date."))
        )
    if errors:
        raise ValidationError(errors)
    rule_set = SroiRuleSet(
        municipality=previous.municipality if previous else municipality,
        version=(previous.version + 1) if previous else 1,
        valid_from=valid_from,
        source=source.strip(),
        rules=[SroiRule(key=key, amount=amount) for key, amount in sorted(given.items())],
    )
    session.add(rule_set)
    session.flush()
    audit.record(session, "sroi_rules_added", actor_id=actor_id, obj=rule_set,
                 version=rule_set.version)  # fmt: skip
    return rule_set
