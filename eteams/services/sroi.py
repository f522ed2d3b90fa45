"""Social return (SROI): what the jobs are worth under a municipality's rule table.

Each municipality publishes its own table ("bouwblokken"): what a full-time year contract is
worth for someone in a situation (a *category*: Participatiewet, WW over a year, a BBL place),
*bonuses* (older than 50, a permanent contract) and *hourly* amounts (hours given to social
activities). A table is data (``SroiRuleSet``, versioned, never changed once saved); the
meaning of every condition a line may carry is defined here, once (``CONDITIONS``), so the
report's appendix states each rule and an auditor can recompute every euro.

How a person is valued (the appendix prints the same):

- One category a person: of those whose conditions hold on the hiring date, the highest
  amount. Where a category depends on how long the benefit lasted and that is not recorded,
  only the lowest of those categories can count, and the report says the start date is missing.
- A yearly amount counts pro rata: amount × hours a week / the table's basis (36 or 40) ×
  months employed in the period / 12 (the months as printed, to one decimal). An amount is
  per full-time year contract, so hours above the basis count as the basis (40 hours on a
  36-hour table: 36/36, one full-time job; the line prints the hours it counted). Where the
  contract or the hours changed in the period, each stretch of the same terms is a line of its
  own with its hours and months. An unpaid trial placement has no paid hours, so its yearly
  lines are worth nothing; a bonus for a contract (a permanent one) counts only in the months
  under that contract.
- Bonuses "once" count once in the period; "per certificate" once per certificate obtained in
  the period. A person without a category counts nothing, bonuses included.
- Hourly amounts: each social activity the employer recorded in the period, its hours × the
  amount (a line an activity, so the report can name each). Every line is rounded to cents; a
  value is the sum of its lines.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from eteams.models import SroiRule, SroiRuleSet
from eteams.models.enums import ContractType, LearningRoute, TargetGroup
from eteams.services import audit
from eteams.services.errors import ValidationError

CENT = Decimal("0.01")
# A line's amount: Utrecht's largest is € 50,000 a year; four times that is a typing slip.
MAX_AMOUNT = Decimal("200000")
RULES_JSON = Path(__file__).resolve().parent.parent / "data" / "sroi_rules.json"
UNPAID = (ContractType.TRIAL_PLACEMENT,)  # a trial placement keeps its benefit: no wage
HEALTH_GROUPS = (TargetGroup.WIA.value, TargetGroup.WAJONG.value)  # a benefit for a disability

TARGET_GROUP_NL = {
    TargetGroup.PARTICIPATIEWET: "Participatiewet",
    TargetGroup.WW: "WW",
    TargetGroup.BANENAFSPRAAK: "banenafspraak",
    TargetGroup.WIA: "WIA/WAO",
    TargetGroup.WAJONG: "Wajong",
    TargetGroup.NO_BENEFIT: "geen uitkering",
    TargetGroup.OTHER: "andere doelgroep",
}
ROUTE_NL = {
    LearningRoute.BBL: "mbo BBL",
    LearningRoute.BOL: "mbo BOL",
    LearningRoute.PRO_VSO_ENTREE: "praktijkonderwijs, vso of entree",
}
CONTRACT_NL = {
    ContractType.TRIAL_PLACEMENT: "proefplaatsing",
    ContractType.TEMPORARY: "tijdelijk",
    ContractType.PERMANENT: "vast",
    ContractType.WORK_LEARNING: "leerwerk",
}


@dataclass(frozen=True)
class Condition:
    kinds: tuple[str, ...]  # the kinds of line that may carry it
    schema: dict[str, Any]
    appendix: Any  # value → how the report states it (Dutch)


def _months(n: int) -> str:
    return f"{n // 12} jaar" if n % 12 == 0 else f"{n} maanden"


CONDITIONS: dict[str, Condition] = {
    "target_group": Condition(
        ("category",), {"enum": [g.value for g in TargetGroup]},
        lambda v: f"doelgroep {TARGET_GROUP_NL[TargetGroup(v)]}"),
    "doelgroepregister": Condition(
        ("category", "bonus"), {"const": True},
        lambda v: "in het doelgroepregister van UWV"),
    "learning_route": Condition(
        ("category",), {"enum": [r.value for r in LearningRoute]},
        lambda v: f"leerplaats {ROUTE_NL[LearningRoute(v)]}"),
    "benefit_months_below": Condition(
        ("category",), {"type": "integer", "minimum": 1, "maximum": 600},
        lambda v: f"uitkering korter dan {_months(v)} op de dag van indiensttreding"),
    "benefit_months_from": Condition(
        ("category",), {"type": "integer", "minimum": 1, "maximum": 600},
        lambda v: f"uitkering {_months(v)} of langer op de dag van indiensttreding"),
    "age_over": Condition(
        ("bonus",), {"type": "integer", "minimum": 14, "maximum": 80},
        lambda v: f"zeker ouder dan {v} op de dag van indiensttreding (zie leeftijd)"),
    "age_from": Condition(
        ("bonus",), {"type": "integer", "minimum": 14, "maximum": 80},
        lambda v: f"zeker {v} of ouder op de dag van indiensttreding (zie leeftijd)"),
    "age_under": Condition(
        ("bonus",), {"type": "integer", "minimum": 15, "maximum": 80},
        lambda v: f"zeker jonger dan {v} op de dag van indiensttreding (zie leeftijd)"),
    "status_holder": Condition(("bonus",), {"const": True}, lambda v: "statushouder"),
    "language_deficit": Condition(("bonus",), {"const": True}, lambda v: "taalachterstand"),
    "status_holder_or_language_deficit": Condition(
        ("bonus",), {"const": True}, lambda v: "statushouder of taalachterstand"),
    "contract": Condition(
        ("bonus",), {"enum": [c.value for c in ContractType]},
        lambda v: f"contract {CONTRACT_NL[ContractType(v)]}"),
    "left_for_work": Condition(
        ("bonus",), {"const": True},
        lambda v: "in de periode uitgestroomd naar regulier werk of een vast contract"),
}  # fmt: skip
PER = {"category": ("year",), "bonus": ("year", "once", "certificate"), "hourly": ("hour",)}
PER_NL = {
    "year": "per jaarcontract, naar rato",
    "once": "eenmalig in de periode",
    "certificate": "per certificaat in de periode",
    "hour": "per uur sociale activiteit in de periode",
}

RULE_TABLE = {
    "type": "object",
    "additionalProperties": False,
    "required": ["title", "basis_hours", "rules"],
    "properties": {
        "title": {"type": "string", "maxLength": 200},
        # A full-time week: 36 or 40 in Utrecht's tables; below 24 is no full-time basis (0.5
        # would multiply every value by 72).
        "basis_hours": {"type": "number", "minimum": 24, "maximum": 40},
        "rules": {
            "type": "array",
            "minItems": 1,
            "maxItems": 100,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["key", "kind", "per", "label", "amount"],
                "properties": {
                    "key": {"type": "string", "pattern": "^[a-z0-9_]{1,64}$"},
                    "kind": {"enum": list(PER)},
                    "per": {"enum": list(PER_NL)},
                    "label": {"type": "string", "minLength": 1, "maxLength": 300},
                    "amount": {"type": "number", "minimum": 0, "maximum": int(MAX_AMOUNT)},
                    "when": {
                        "type": "object",
                        "additionalProperties": False,
                        "properties": {name: c.schema for name, c in CONDITIONS.items()},
                    },
                },
            },
        },
    },
}


@cache
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(RULE_TABLE)


@dataclass(frozen=True)
class RuleLine:
    key: str
    kind: str
    per: str
    label: str
    amount: Decimal
    when: dict[str, Any]
    # The municipality's version: a category whose condition is a disability benefit is shown
    # by its amount only, its condition left out (health data, art. 9 GDPR).
    private: bool = False

    def appendix(self) -> str:
        """The line as the report's appendix states it: its label, and when it applies."""
        if self.private:
            return (f"{self.label} — de voorwaarde is een bijzonder persoonsgegeven en staat "
                    "niet in deze versie; het bewijs ligt bij de werkgever")  # fmt: skip
        conditions = "; ".join(CONDITIONS[n].appendix(v) for n, v in self.when.items())
        return f"{self.label} — als: {conditions}" if conditions else self.label

    @property
    def about_health(self) -> bool:
        return self.when.get("target_group") in HEALTH_GROUPS


@dataclass(frozen=True)
class RuleTable:
    """A detached copy of one version: what the report used, printed in its appendix."""

    municipality: str
    version: int
    valid_from: dt.date | None  # None: not yet confirmed by the coordinator
    source: str
    title: str
    basis_hours: Decimal
    rules: tuple[RuleLine, ...]

    @classmethod
    def of(cls, rule_set: SroiRuleSet) -> RuleTable:
        return cls(
            municipality=rule_set.municipality,
            version=rule_set.version,
            valid_from=rule_set.valid_from,
            source=rule_set.source,
            title=rule_set.title,
            basis_hours=Decimal(rule_set.basis_hours),
            rules=tuple(
                RuleLine(r.key, r.kind, r.per, r.label, Decimal(r.amount), dict(r.conditions))
                for r in rule_set.rules
            ),
        )

    def of_kind(self, kind: str) -> list[RuleLine]:
        return [r for r in self.rules if r.kind == kind]


@dataclass(frozen=True)
class Period:
    """A stretch of the period under the same contract and hours."""

    contract_type: ContractType
    hours_per_week: Decimal
    months: Decimal
    first: dt.date | None = None  # the stretch's days, for the reader (the rules ignore them)
    last: dt.date | None = None


@dataclass(frozen=True)
class Person:
    """What the rules look at, for one employee in the period. ``contract_type``,
    ``hours_per_week`` and ``months_employed`` are the whole period's when the terms did not
    change; otherwise ``periods`` holds each stretch of the same terms, in order."""

    target_group: TargetGroup
    contract_type: ContractType
    hours_per_week: Decimal
    months_employed: Decimal
    hired_on: dt.date
    birth_year: int | None = None
    status_holder: bool = False
    language_deficit: bool = False
    doelgroepregister: bool = False
    benefit_since: dt.date | None = None
    learning_route: LearningRoute | None = None
    left_for_work: bool = False
    certificates: int = 0
    periods: tuple[Period, ...] = ()

    def stretches(self) -> tuple[Period, ...]:
        return self.periods or (
            Period(self.contract_type, Decimal(self.hours_per_week), self.months_employed),
        )

    @property
    def benefit_months(self) -> int | None:
        """Whole months the benefit had lasted on the hiring date."""
        if self.benefit_since is None:
            return None
        since, hired = self.benefit_since, self.hired_on
        months = (hired.year - since.year) * 12 + hired.month - since.month
        return months - 1 if hired.day < since.day else months


@dataclass(frozen=True)
class Line:
    """One line of a person's (or the employer's) value: ``amount × quantity = value``.
    For a yearly line the quantity is hours a week / basis × months / 12."""

    key: str
    label: str
    per: str
    amount: Decimal
    quantity: Decimal
    value: Decimal
    hours_per_week: Decimal | None = None
    basis_hours: Decimal | None = None
    months: Decimal | None = None
    # A yearly line for one stretch of other terms: its days (None: the whole period)
    first: dt.date | None = None
    last: dt.date | None = None


@dataclass(frozen=True)
class Valuation:
    value: Decimal
    lines: tuple[Line, ...]
    category: str | None  # the category's label, or None: no category fits
    # Why something did not count: lazy texts, read in the reader's language (str() them).
    notes: tuple[Any, ...] = field(default_factory=tuple)
    category_key: str | None = None


DURATION = ("benefit_months_below", "benefit_months_from")


def _holds(name: str, want: object, p: Person) -> bool | None:
    """Whether one condition holds for ``p``; None when the record cannot tell."""
    # Only the birth year is kept: on the hiring date the person was one of two ages. A
    # condition holds when it holds for both, fails when it fails for both, and cannot be told
    # otherwise (born in 1975, hired in January 2026: 50 or 51, so "older than 50" is unsure).
    ages = (p.hired_on.year - p.birth_year - 1, p.hired_on.year - p.birth_year) if (
        p.birth_year) else None  # fmt: skip
    months = p.benefit_months
    match name:
        case "target_group":
            return p.target_group.value == want
        case "doelgroepregister":
            return p.doelgroepregister
        case "learning_route":
            return p.learning_route is not None and p.learning_route.value == want
        case "benefit_months_below":
            return None if months is None else months < want
        case "benefit_months_from":
            return None if months is None else months >= want
        case "age_over":
            return _both(ages, lambda age: age > want)
        case "age_from":
            return _both(ages, lambda age: age >= want)
        case "age_under":
            return _both(ages, lambda age: age < want)
        case "status_holder":
            return p.status_holder
        case "language_deficit":
            return p.language_deficit
        case "status_holder_or_language_deficit":
            return p.status_holder or p.language_deficit
        case "contract":
            return p.contract_type.value == want
        case "left_for_work":
            return p.left_for_work
    raise KeyError(name)


def _both(ages: tuple[int, int] | None, test: Any) -> bool | None:
    if ages is None:
        return None
    young, old = test(ages[0]), test(ages[1])
    return young if young == old else None


def _fits(rule: RuleLine, p: Person) -> bool | None:
    """True when every condition holds, False when one fails, None when all others hold and
    the record cannot tell one of them."""
    results = [_holds(name, want, p) for name, want in rule.when.items()]
    if False in results:
        return False
    return None if None in results else True


def value(table: RuleTable, person: Person) -> Valuation:
    """The person's social-return value and the lines it is made of."""
    notes: list[Any] = []
    categories = table.of_kind("category")
    certain = [r for r in categories if _fits(r, person)]
    unsure = [r for r in categories if _fits(r, person) is None]
    if unsure:
        lowest = min(unsure, key=lambda r: r.amount)
        certain.append(lowest)
        notes.append(
            _l(
                "When the benefit started is not recorded: of %(categories)s only the "
                "lowest amount counts.",
                categories=", ".join(r.label for r in unsure),
            )
        )
    if not certain:
        notes.append(_l("No category of the rule table fits: counts nothing, bonuses included."))
        return Valuation(Decimal("0.00"), (), None, tuple(notes))  # in cents, like any value
    category = max(certain, key=lambda r: r.amount)  # first in the table on a tie
    basis = table.basis_hours
    stretches = [(s, _factor(s, basis)) for s in person.stretches()]
    if any(s.contract_type in UNPAID for s, _f in stretches):
        notes.append(_l("Trial placement without a wage: no paid hours, so no yearly amounts."))
    paid = [(s, f) for s, f in stretches if s.contract_type not in UNPAID]
    above = sorted({Decimal(s.hours_per_week) for s, _f in paid if s.hours_per_week > basis})
    if above:
        notes.append(_l("%(hours)s hours a week count as full time (%(basis)s): an amount is per "
                        "full-time year contract.", hours=_Hours(*above),
                        basis=_Hours(basis)))  # fmt: skip
    if paid and not any(f for _s, f in paid):  # hired on the period's last day: 0.0 months
        notes.append(_l("Less than a twentieth of a month in service in the period (the months "
                        "are rounded to one decimal): no yearly amount counts yet."))  # fmt: skip
    lines = []
    for rule in [category, *table.of_kind("bonus")]:
        # A contract condition is asked of each stretch; the others hold for the whole period.
        fits = [_fits(rule, replace(person, contract_type=s.contract_type)) if rule.kind == "bonus"
                else True for s, _f in stretches]  # fmt: skip
        doubtful = None in fits and True not in fits
        if doubtful and any(name.startswith("age_") for name in rule.when):
            if person.birth_year is None:
                notes.append(
                    _l(
                        "The birth year is not recorded: whether ‘%(rule)s’ held on the "
                        "hiring date cannot be told; it does not count.",
                        rule=rule.label,
                    )
                )
            else:
                notes.append(_l("Only the birth year is known (%(year)s): whether ‘%(rule)s’ "
                                "held on the hiring date is not certain; it does not count.",
                                year=person.birth_year, rule=rule.label))  # fmt: skip
        if rule.per == "year":
            for (stretch, factor), holds in zip(stretches, fits, strict=True):
                if holds and factor:
                    lines.append(Line(rule.key, rule.label, rule.per, rule.amount, factor,
                                      _cents(rule.amount * factor),
                                      counted_hours(stretch.hours_per_week, basis),
                                      basis, Decimal(stretch.months), stretch.first,
                                      stretch.last))  # fmt: skip
        elif True in fits:
            count = Decimal(person.certificates if rule.per == "certificate" else 1)
            if count:
                lines.append(Line(rule.key, rule.label, rule.per, rule.amount, count,
                                  _cents(rule.amount * count)))  # fmt: skip
    total = sum((line.value for line in lines), Decimal("0.00"))
    return Valuation(total, tuple(lines), category.label, tuple(notes), category.key)


class _Hours:
    """Hours in a lazy note, written in the reader's language when it is read (38,5 / 38.5)."""

    def __init__(self, *hours: Decimal) -> None:
        self.hours = hours

    def __str__(self) -> str:
        from flask_babel import format_decimal

        return " / ".join(format_decimal(h, "0.#") for h in self.hours)


def counted_hours(hours_per_week: Decimal, basis: Decimal) -> Decimal:
    """The hours a week a yearly amount counts: at most the table's basis. An amount is "per
    full-time year contract" (Utrecht: "waarde per jaarcontract, 36 uur per week"; its older
    table "op basis van een jaarcontract fulltime (40 uur per week)"): 40 hours on a 36-hour
    table is one full-time job, not 111 % of one."""
    return min(Decimal(hours_per_week), Decimal(basis))


def _factor(stretch: Period, basis: Decimal) -> Decimal:
    """A yearly line's share for one stretch: hours a week (at most the basis) / basis ×
    months / 12; none unpaid."""
    if stretch.contract_type in UNPAID:
        return Decimal(0)
    return counted_hours(stretch.hours_per_week, basis) / basis * Decimal(stretch.months) / 12


def hourly(table: RuleTable, hours: Decimal) -> list[Line]:
    """The employer's hours for social activities in the period, valued by the hourly lines."""
    if not hours:
        return []
    return [
        Line(r.key, r.label, r.per, r.amount, Decimal(hours), _cents(r.amount * Decimal(hours)))
        for r in table.of_kind("hourly")
    ]


def _cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, ROUND_HALF_UP)


def rule_table_for(session: Session, municipality: str, day: dt.date) -> RuleTable | None:
    """The version valid on ``day``: the latest confirmed one that started on or before it.
    A version still waiting for its date is used only while the municipality has no
    confirmed version at all (the report says it is provisional): once one is confirmed, a
    table saved without a date never takes over a period, so saving one cannot change a
    report already issued (a day before the first confirmed version has no table)."""
    same = func.lower(SroiRuleSet.municipality) == municipality.strip().lower()
    found = session.scalar(
        select(SroiRuleSet).where(same, SroiRuleSet.valid_from <= day)
        .order_by(SroiRuleSet.valid_from.desc()).options(selectinload(SroiRuleSet.rules)).limit(1)
    )  # fmt: skip
    if found is None and not session.scalar(
        select(SroiRuleSet.id).where(same, SroiRuleSet.valid_from.is_not(None)).limit(1)
    ):
        found = session.scalar(
            select(SroiRuleSet).where(same, SroiRuleSet.valid_from.is_(None))
            .order_by(SroiRuleSet.version.desc()).options(selectinload(SroiRuleSet.rules))
            .limit(1)
        )  # fmt: skip
    return RuleTable.of(found) if found else None


def tables_starting_within(
    session: Session, municipality: str, start: dt.date, end: dt.date
) -> list[tuple[int, dt.date]]:
    """(version, valid from) of the confirmed tables that took effect after ``start`` and on
    or before ``end``: a report of that period counts every day by one table (the one in
    force on its last day), so it must say that another applied to part of it."""
    same = func.lower(SroiRuleSet.municipality) == municipality.strip().lower()
    rows = session.execute(
        select(SroiRuleSet.version, SroiRuleSet.valid_from)
        .where(same, SroiRuleSet.valid_from > start, SroiRuleSet.valid_from <= end)
        .order_by(SroiRuleSet.valid_from)
    )  # fmt: skip
    return [(version, valid_from) for version, valid_from in rows]


def latest(session: Session, municipality: str) -> SroiRuleSet | None:
    return session.scalar(
        select(SroiRuleSet)
        .where(func.lower(SroiRuleSet.municipality) == municipality.strip().lower())
        .order_by(SroiRuleSet.version.desc())
        .options(selectinload(SroiRuleSet.rules))
        .limit(1)
    )


def document(rule_set: SroiRuleSet) -> dict[str, Any]:
    """A version as the document an admin edits (and the seed file holds)."""
    return {
        "title": rule_set.title,
        "basis_hours": _plain(rule_set.basis_hours),
        "rules": [
            {"key": r.key, "kind": r.kind, "per": r.per, "label": r.label,
             "amount": _plain(r.amount), **({"when": dict(r.conditions)} if r.conditions else {})}
            for r in rule_set.rules
        ],
    }  # fmt: skip


def _plain(amount: Decimal) -> int | float:
    amount = Decimal(amount)
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def problems(doc: object) -> list[str]:
    """What is wrong with a rule-table document, each as a sentence in the reader's language
    naming where (JSON keys, a list's items counted from 1), as the catalogue's do."""
    from eteams.services.catalogue_schema import describe

    errors = sorted(_validator().iter_errors(doc), key=lambda e: list(e.path))
    found = [_describe(e, describe) for e in errors]
    if found:
        return found
    keys = [r["key"] for r in doc["rules"]]  # type: ignore[index]
    found += [str(_l("rules: the key %(key)s is used twice", key=json.dumps(k)))
              for k in sorted({k for k in keys if keys.count(k) > 1})]  # fmt: skip
    for i, rule in enumerate(doc["rules"], 1):  # type: ignore[index]
        kind = KIND_NL.get(rule["kind"], rule["kind"])
        if rule["per"] not in PER[rule["kind"]]:
            found.append(str(_l("rules %(i)s per: %(kind)s cannot be counted %(per)s; use %(use)s",
                                i=i, kind=kind, per=json.dumps(rule["per"]),
                                use=" / ".join(map(json.dumps, PER[rule["kind"]])))))  # fmt: skip
        when = rule.get("when", {})
        for name in when:
            if rule["kind"] not in CONDITIONS[name].kinds:
                found.append(str(_l("rules %(i)s when: %(name)s is not a condition for %(kind)s",
                                    i=i, name=json.dumps(name), kind=kind)))  # fmt: skip
        if rule["kind"] == "hourly" and when:
            found.append(str(_l("rules %(i)s when: an hourly line has no conditions", i=i)))
        if set(DURATION) <= set(when) and when[DURATION[0]] <= when[DURATION[1]]:
            found.append(str(_l("rules %(i)s when: no benefit is both shorter and longer", i=i)))
        youngest = max([when["age_over"] + 1] if "age_over" in when else [],
                       default=when.get("age_from", 0))  # fmt: skip
        youngest = max(youngest, when.get("age_from", 0))
        if "age_under" in when and youngest >= when["age_under"]:
            found.append(str(_l("rules %(i)s when: no one is that old and that young at once",
                                i=i)))  # fmt: skip
        if _decimals(rule["amount"]) > 2:  # stored in cents: 40000.005 would be changed
            found.append(str(_l("rules %(i)s amount: at most two decimals (cents)", i=i)))
    if _decimals(doc["basis_hours"]) > 1:  # type: ignore[index]
        found.append(str(_l("basis_hours: at most one decimal (36, 38.5)")))
    if not any(r["kind"] == "category" for r in doc["rules"]):  # type: ignore[index]
        found.append(str(_l("rules: a table needs at least one category")))
    return found


KIND_NL = {"category": _l("a category"), "bonus": _l("a bonus"), "hourly": _l("an hourly line")}


def _describe(error: jsonschema.ValidationError, describe: Any) -> str:
    if error.validator == "pattern":  # the only pattern: a rule's key
        where = " ".join(str(p + 1) if isinstance(p, int) else str(p) for p in error.absolute_path)
        value = json.dumps(error.instance, ensure_ascii=False)[:80]
        return str(_l("%(where)s: %(value)s: lower-case letters, digits and _ only (at most 64)",
                      where=where, value=value))  # fmt: skip
    return str(describe(error))


def _decimals(value: object) -> int:
    exponent = Decimal(str(value)).normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def loads(text: str) -> dict[str, Any]:
    """A rule-table document from the admin's text; ValidationError on anything wrong."""
    try:
        doc = json.loads(text, parse_constant=_refuse)
    except json.JSONDecodeError as error:
        raise ValidationError({"rules": [str(_l(
            "This is not valid JSON: something is wrong at line %(line)s, column %(column)s.",
            line=error.lineno, column=error.colno))]}) from None  # fmt: skip
    except (ValueError, RecursionError):  # NaN, Infinity; lists nested thousands deep
        raise ValidationError({"rules": [str(_l(
            "This is not valid JSON: only plain numbers (no NaN or Infinity) and at most a few "
            "levels of { } and [ ]."))]}) from None  # fmt: skip
    found = problems(doc)
    if found:
        raise ValidationError({"rules": found})
    return doc


def _refuse(name: str) -> None:
    raise ValueError(f"{name} is not a number")


def add_rule_set(
    session: Session,
    municipality: str,
    valid_from: dt.date | None,
    source: str,
    doc: dict[str, Any],
    *,
    actor_id: int | None,
) -> SroiRuleSet:
    """A new version for a municipality. Old versions are never changed: reports used them.
    ``valid_from`` None: the coordinator confirms the date later. Audited here."""
    municipality = municipality.strip()
    errors: dict[str, list[str]] = {}
    found = problems(doc)
    if found:
        errors["rules"] = found
    if not municipality:
        errors["municipality"] = [str(_l("Enter the municipality."))]
    if not source.strip():
        errors["source"] = [str(_l("Say where the amounts come from."))]
    if municipality and valid_from is not None:
        found = _date_problem(session, municipality, None, valid_from)
        if found:
            errors["valid_from"] = [found]
    if errors:
        raise ValidationError(errors)
    previous = latest(session, municipality)
    rule_set = SroiRuleSet(
        municipality=previous.municipality if previous else municipality,
        version=(previous.version + 1) if previous else 1,
        valid_from=valid_from,
        source=source.strip(),
        title=doc["title"].strip(),
        basis_hours=Decimal(str(doc["basis_hours"])),
        rules=[
            SroiRule(key=r["key"], kind=r["kind"], per=r["per"], label=r["label"].strip(),
                     amount=Decimal(str(r["amount"])), conditions=r.get("when", {}), position=i)
            for i, r in enumerate(doc["rules"])
        ],
    )  # fmt: skip
    session.add(rule_set)
    session.flush()
    audit.record(session, "sroi_rules_added", actor_id=actor_id, obj=rule_set,
                 version=rule_set.version)  # fmt: skip
    return rule_set


def _date_problem(
    session: Session, municipality: str, version: int | None, day: dt.date
) -> str | None:
    """Why ``day`` cannot be the valid-from date of ``version`` (None: a new, newest version),
    or None. Dates go up with the version number: a newer version dated before an older one
    would take over periods the older one already counted (a report of them, issued and
    perhaps signed, would change unnoticed), and "the table in force on a day" would no
    longer be the newest by number. Refused, not asked: a table meant for earlier days is
    not a newer version of the one that covers them."""
    from flask_babel import format_date

    if _same_day(session, municipality, day):
        return str(_l("This municipality already has rules from this date."))
    same = func.lower(SroiRuleSet.municipality) == municipality.strip().lower()
    older = select(SroiRuleSet).where(same, SroiRuleSet.valid_from > day)
    if version is not None:
        older = older.where(SroiRuleSet.version < version)
    clash = session.scalar(older.order_by(SroiRuleSet.valid_from.desc()).limit(1))
    if clash is not None:
        return str(_l("Version %(version)s, older than this one, applies from %(day)s: a newer "
                      "version cannot start before it, or reports already issued for those "
                      "days would change. Choose %(day)s or later.", version=clash.version,
                      day=format_date(clash.valid_from, "long")))  # fmt: skip
    if version is not None:
        newer = session.scalar(
            select(SroiRuleSet).where(same, SroiRuleSet.version > version,
                                      SroiRuleSet.valid_from < day)
            .order_by(SroiRuleSet.valid_from).limit(1))  # fmt: skip
        if newer is not None:
            return str(_l("Version %(version)s, newer than this one, applies from %(day)s "
                          "already: this older version cannot start after it. Choose a date "
                          "before %(day)s.", version=newer.version,
                          day=format_date(newer.valid_from, "long")))  # fmt: skip
    return None


def _same_day(session: Session, municipality: str, day: dt.date) -> bool:
    return bool(session.scalar(select(SroiRuleSet.id).where(
        func.lower(SroiRuleSet.municipality) == municipality.lower(),
        SroiRuleSet.valid_from == day)))  # fmt: skip


def confirm_valid_from(
    session: Session, rule_set: SroiRuleSet, day: dt.date, *, actor_id: int | None
) -> SroiRuleSet:
    """The date a version published without one applies from, as the municipality's adviser
    confirmed it. Once set it stays: reports rely on it. Audited."""
    if rule_set.valid_from is not None:
        raise ValidationError(
            {"valid_from": [str(_l("This version's date is already confirmed."))]}
        )
    found = _date_problem(session, rule_set.municipality, rule_set.version, day)
    if found:
        raise ValidationError({"valid_from": [found]})
    rule_set.valid_from = day
    session.flush()
    audit.record(session, "sroi_valid_from_confirmed", actor_id=actor_id, obj=rule_set,
                 version=rule_set.version, valid_from=day.isoformat())  # fmt: skip
    return rule_set


def shipped() -> dict[str, Any]:
    """The rule tables shipped with the product (sourced; see the file's "source" fields)."""
    return json.loads(RULES_JSON.read_text(encoding="utf-8"))


def seed(session: Session) -> int:
    """Put each shipped table marked "seed" in place for its municipality, unless that
    municipality has rule tables already (an admin's versions are never overwritten). It
    waits for the coordinator to confirm its valid-from date."""
    added = 0
    for municipality, versions in shipped()["municipalities"].items():
        if latest(session, municipality) is not None:
            continue
        for entry in versions:
            if entry.get("seed"):
                add_rule_set(session, municipality, None, entry["source"], entry["table"],
                             actor_id=None)  # fmt: skip
                added += 1
    return added


def shipped_version(municipality: str, name: str) -> tuple[str, dict[str, Any]]:
    """One shipped table by its name ("A", "B", "C"): its source and document."""
    for entry in shipped()["municipalities"][municipality]:
        if entry["name"] == name:
            return entry["source"], entry["table"]
    raise KeyError(name)


def formula(line: Line, number: Any, euro: Any) -> str:
    """How a line's value was worked out, for a reader to redo it: "€ 40.000,00 × 32/36 ×
    7,0/12", "€ 500,00 × 2" (``number`` and ``euro`` format in the reader's language)."""
    if line.per == "year":
        return (f"{euro(line.amount)} × {number(_trim(line.hours_per_week))}/"
                f"{number(_trim(line.basis_hours))} × {number(line.months)}/12")  # fmt: skip
    return f"{euro(line.amount)} × {number(_trim(line.quantity))}"


def _trim(value: Decimal | None) -> Decimal | None:
    """32.0 → 32, 25.5 stays: hours as people write them."""
    if value is None:
        return None
    value = Decimal(value)
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
