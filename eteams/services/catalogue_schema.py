"""What a measure's figures and a financing option's rules must look like for the advice to
work a letter out from them, as JSON Schema (jsonschema), plus the checks a schema cannot say
(a key that matches its measure, lowest below highest, a known source).

An admin's edit that fails here is refused with the first problem named; nothing is saved.
Review of issue 15: edits the old check let through (a glass variant without its "double"
share, solar without its panel, a rate written "vijf") made every letter of the day answer 500.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from flask_babel import lazy_gettext as _l
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError as SchemaError

from eteams.models.enums import DwellingType

_NUMBER = {"type": "number", "minimum": 0, "maximum": 10_000_000}  # no figure is larger
_SHARE = {"type": "number", "minimum": 0, "maximum": 1}
_OPTIONAL_NUMBER = {"type": ["number", "null"], "minimum": 0, "maximum": 10_000_000}
_DWELLINGS = {"type": "array", "items": {"enum": [d.value for d in DwellingType]}}
_TEXT = {"type": "string", "maxLength": 2000}

# What ISDE pays for: insulation per m² (the first five), a heat pump, ventilation.
ISDE_INSULATION = ("cavity_wall", "roof", "floor", "ground", "hr_glass")
ISDE_KINDS = (*ISDE_INSULATION, "heat_pump", "ventilation")

_VARIANT = {
    "type": "object",
    "additionalProperties": False,  # "gas_shar" would be saved and the saving lost
    "required": ["source"],
    "properties": {
        "dwelling_types": _DWELLINGS,
        "invest_min_eur": _NUMBER,
        "invest_max_eur": _NUMBER,
        "gas_share": _SHARE,
        "gas_m3": _NUMBER,
        "gas_share_from": {
            "type": "object",
            "required": ["single", "double"],
            "properties": {"single": _SHARE, "double": _SHARE},
        },
        "area_m2": {"type": "number", "exclusiveMinimum": 0, "maximum": 10000},
        "invest_eur_per_m2": {  # times area_m2: the investment's range
            "type": "object",
            "additionalProperties": False,
            "required": ["min", "max", "source"],
            "properties": {"min": _NUMBER, "max": _NUMBER, "source": {"type": "string"}},
        },
        "kwh_per_m3_saved": _NUMBER,
        "source": {"type": "string", "minLength": 1},
        "derivation": _TEXT,
    },
}

_PANEL = {
    "type": "object",
    "required": ["kwh", "eur_by_count", "min", "max", "self_use_share"],
    "properties": {
        "kwh": {"type": "number", "exclusiveMinimum": 0, "maximum": 2000},
        "eur_by_count": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "array",
                "prefixItems": [{"type": "integer", "minimum": 1}, _NUMBER],
                "minItems": 2,
                "maxItems": 2,
            },
        },
        "min": {"type": "integer", "minimum": 1, "maximum": 100},
        "max": {"type": "integer", "minimum": 1, "maximum": 100},
        "self_use_share": {"type": "number", "exclusiveMinimum": 0, "maximum": 1},
        "self_use_source": {"type": "string"},
        "priced_counts": {"type": "array", "items": {"type": "integer", "minimum": 1}},
    },
}

MEASURE = {
    "type": "object",
    "additionalProperties": False,
    "required": ["key", "step", "variants"],
    "properties": {
        "key": {"type": "string"},
        "step": {"type": "integer", "minimum": 1, "maximum": 9},
        "group": {"type": "string"},
        "name_nl": {"type": "string"},
        "name_en": {"type": "string"},
        "lifetime_years": {"type": "integer", "minimum": 1, "maximum": 100},
        "isde": {"enum": list(ISDE_KINDS)},
        # A home's heat pump: a few kW, rarely above 16 (ISDE pays per kW: a slip is costly).
        "heat_pump_kw": {"type": "number", "exclusiveMinimum": 0, "maximum": 16},
        "panel": _PANEL,
        "variants": {"type": "array", "minItems": 1, "items": _VARIANT},
        # Sources of the admin's own, beside the catalogue's: {"key": {"text", "url", "year"}}.
        "sources": {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "required": ["text"],
                "properties": {
                    "text": {"type": "string", "minLength": 1, "maxLength": 2000},
                    "url": {"type": "string", "maxLength": 500},
                    "year": {"type": "integer", "minimum": 1990, "maximum": 2100},
                },
            },
        },  # fmt: skip
    },
}

SMALL_MEASURE = {
    "type": "object",
    "additionalProperties": False,
    "required": ["key"],
    "not": {"required": ["variants"]},  # a small measure stays small
    "properties": {
        "key": {"type": "string"},
        "name_nl": {"type": "string"},
        "name_en": {"type": "string"},
        "gas_m3": _OPTIONAL_NUMBER,
        "gas_share": _SHARE,
        "kwh": _OPTIONAL_NUMBER,
        "eur_per_year": _OPTIONAL_NUMBER,
        "invest_min_eur": _OPTIONAL_NUMBER,
        "invest_max_eur": _OPTIONAL_NUMBER,
        "source": {"type": "string"},
    },
}

FINANCING_RULES = {
    "type": "object",
    "additionalProperties": False,  # a typing slip ("min_euro") would be silently ignored
    "properties": {
        "owners_only": {"type": "boolean"},
        "insulation_eur_per_m2": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                k: _NUMBER for k in ("cavity_wall", "roof", "floor", "ground", "hr_glass")
            },
        },
        "insulation_doubles_with_two_measures": {"type": "boolean"},
        "two_measure_rule": {"type": "string", "minLength": 1, "maxLength": 2000},
        "heat_pump_air_water": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "start_eur": _NUMBER,
                "eur_per_kw": _NUMBER,
                "a_plus_plus_plus_bonus_eur": _NUMBER,
            },  # fmt: skip
        },
        "ventilation_eur": _OPTIONAL_NUMBER,
        # The year of a rate found later than the rules' own source year (ventilation: 2026).
        "rate_years": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                k: {"type": "integer", "minimum": 2000, "maximum": 2100}
                for k in (
                    "cavity_wall",
                    "roof",
                    "floor",
                    "ground",
                    "hr_glass",
                    "heat_pump",
                    "ventilation",
                )
            },
        },
        "min_eur": _OPTIONAL_NUMBER,
        "max_eur": _OPTIONAL_NUMBER,
        "max_eur_per_apartment": _OPTIONAL_NUMBER,
        "zero_interest_income_limit_eur": _OPTIONAL_NUMBER,
        "example_rate_percent": {"type": ["number", "null"], "minimum": 0, "maximum": 100},
        "rate_percent": {"type": ["number", "null"], "minimum": 0, "maximum": 100},
        "municipality": {"type": "string", "minLength": 1, "maxLength": 100},
        "dwelling_types": _DWELLINGS,
        "min_units": {"type": "integer", "minimum": 1, "maximum": 10000},
        "rate_table": {"type": ["object", "array", "null"]},
    },
}
# What the advice reads from each kind of option: a subsidy's rules never carry a loan's
# amounts, and ISDE's must hold every rate the letters use (an empty {} took the subsidy out
# of every letter not yet sent, without a word).
SUBSIDY_KEYS = {
    "owners_only", "insulation_eur_per_m2", "insulation_doubles_with_two_measures",
    "two_measure_rule", "heat_pump_air_water", "ventilation_eur", "rate_years",
}  # fmt: skip
LOAN_KEYS = set(FINANCING_RULES["properties"]) - SUBSIDY_KEYS | {"owners_only"}
ISDE_REQUIRED = {
    "type": "object",
    "required": ["insulation_eur_per_m2", "heat_pump_air_water", "ventilation_eur"],
    "properties": {
        "insulation_eur_per_m2": {"type": "object", "required": list(ISDE_INSULATION)},
        "heat_pump_air_water": {"type": "object", "required": ["start_eur", "eur_per_kw"]},
    },
}
LOAN_REQUIRED = {"type": "object", "required": ["min_eur"]}


def loads(text: str) -> Any:
    """JSON as the advice can reckon with it: NaN and Infinity (which Python's json accepts)
    are refused, and so is nesting deeper than a catalogue needs."""

    def refuse(constant: str) -> None:
        raise ValueError(constant)

    def finite(number: str) -> float:
        value = float(number)
        if not math.isfinite(value):  # 1e400 reads as infinity
            raise ValueError(number)
        return value

    value = json.loads(text, parse_constant=refuse, parse_float=finite)
    if _depth(value) > MAX_DEPTH:
        raise ValueError("nested too deep")
    return value


MAX_DEPTH = 8


def _depth(value: Any, level: int = 0) -> int:
    if level > MAX_DEPTH:
        return level
    if isinstance(value, dict):
        return max((_depth(v, level + 1) for v in value.values()), default=level + 1)
    if isinstance(value, list):
        return max((_depth(v, level + 1) for v in value), default=level + 1)
    return level


def measure_problem(figures: Any, key: str, sources: set[str], *, big: bool) -> str | None:
    """The first thing wrong with a measure's figures, in words for the admin (in the
    reader's language); None if none. ``big``: a measure with figures per dwelling type (it
    must keep its variants). Variants are counted from 1, as the admin reads them."""
    schema = MEASURE if big else SMALL_MEASURE
    problem = _first_error(schema, figures)
    if problem:
        return problem
    if figures["key"] != key:
        return str(_l("key: must be %(key)s, the measure's own key", key=json.dumps(key)))
    low, high = figures.get("invest_min_eur"), figures.get("invest_max_eur")
    if low is not None and high is not None and low > high:
        return str(_l("invest_min_eur is above invest_max_eur"))
    sources = sources | set(figures.get("sources", {}))
    seen: dict[str, int] = {}
    for n, variant in enumerate(figures.get("variants", []), start=1):
        if variant["source"] not in sources:
            return str(_l("variants %(n)s source: %(source)s is not a known source", n=n,
                          source=json.dumps(variant["source"], ensure_ascii=False)))  # fmt: skip
        low, high = variant.get("invest_min_eur"), variant.get("invest_max_eur")
        if low is not None and high is not None and low > high:
            return str(_l("variants %(n)s: invest_min_eur is above invest_max_eur", n=n))
        per_m2 = variant.get("invest_eur_per_m2")
        if per_m2 is not None:
            problem = _per_m2_problem(per_m2, variant, sources)
            if problem:
                return str(
                    _l("variants %(n)s invest_eur_per_m2: %(problem)s", n=n, problem=problem)
                )
        # The advice takes the first variant that names the dwelling type (one without
        # dwelling_types names all): a type in two variants leaves the second unused.
        types = variant.get("dwelling_types") or ["*"]
        for dwelling in types:
            earlier = seen.get(dwelling) or seen.get("*")
            if earlier is not None or (dwelling == "*" and seen):
                return str(_l("variants %(n)s: %(type)s is in variant %(earlier)s already; each "
                              "dwelling type in one variant", n=n,
                              type=dwelling if dwelling != "*" else "dwelling_types []",
                              earlier=earlier or min(seen.values())))  # fmt: skip
            seen[dwelling] = n
    if key == "solar_pv":
        panel = figures.get("panel")
        if panel is None:
            return str(_l("panel: solar panels need their panel figures"))
        if panel["max"] < panel["min"]:
            return str(_l("panel: max is below min"))
        if max(count for count, _eur in panel["eur_by_count"]) < panel["max"]:
            return str(_l("panel eur_by_count: no price for the largest number of panels"))
    elif "panel" in figures:
        return str(_l("panel: only solar panels have panel figures"))
    return None


def _per_m2_problem(
    per_m2: dict[str, Any], variant: dict[str, Any], sources: set[str]
) -> str | None:
    """A price per m² needs the area it is multiplied by, a lowest not above the highest, and
    a known source; it replaces the variant's own amounts (two figures would disagree)."""
    if not variant.get("area_m2"):
        return str(_l("needs area_m2, the area it is multiplied by"))
    if per_m2["min"] > per_m2["max"]:
        return str(_l("min is above max"))
    if per_m2["source"] not in sources:
        return str(_l("%(source)s is not a known source", source=json.dumps(per_m2["source"])))
    if "invest_min_eur" in variant or "invest_max_eur" in variant:
        return str(_l("takes the place of invest_min_eur and invest_max_eur: remove those"))
    return None


def rules_problem(rules: Any, key: str | None = None, kind: str | None = None) -> str | None:
    """The first thing wrong with a financing option's rules, in words for the admin; None if
    none. ``key`` and ``kind`` ("subsidy", "loan"): what that option must hold."""
    problem = _first_error(FINANCING_RULES, rules)
    if problem:
        return problem
    allowed = SUBSIDY_KEYS if kind == "subsidy" else LOAN_KEYS if kind == "loan" else None
    if allowed is not None:
        stray = sorted(set(rules) - allowed)
        if stray:
            return str(_l("%(names)s: not a rule for a %(kind)s", names=", ".join(stray),
                          kind=_l("subsidy") if kind == "subsidy" else _l("loan")))  # fmt: skip
    required = ISDE_REQUIRED if key == "isde" else LOAN_REQUIRED if kind == "loan" else None
    if required is not None:
        problem = _first_error(required, rules)
        if problem:
            return problem
    low, high = rules.get("min_eur"), rules.get("max_eur")
    if low is not None and high is not None and low > high:
        return str(_l("min_eur is above max_eur"))
    return None


_VALIDATORS: dict[int, Draft202012Validator] = {}  # built once: advise() checks every letter


def _first_error(schema: dict[str, Any], value: Any) -> str | None:
    validator = _VALIDATORS.get(id(schema))
    if validator is None:
        validator = _VALIDATORS[id(schema)] = Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(value), key=lambda e: list(e.path))
    if not errors:
        return None
    return describe(errors[0])


KINDS = {
    "number": _l("a number"), "integer": _l("a whole number"), "string": _l("a text in quotes"),
    "boolean": _l("true or false"), "object": _l("an object in { }"), "array": _l("a list in [ ]"),
    "null": "null",
}  # fmt: skip


def describe(error: SchemaError) -> str:
    """A schema error as a sentence for the admin, in the reader's language: where (the
    JSON keys, a list's items counted from 1) and what is wrong."""
    where = " ".join(str(p + 1) if isinstance(p, int) else str(p) for p in error.absolute_path)
    value = json.dumps(error.instance, ensure_ascii=False, default=str)[:80]  # a Decimal too
    limit = error.validator_value
    match error.validator:
        case "required":
            found = re.match(r"'(.+?)' is a required property", error.message)
            what = _l("%(name)s is missing", name=found.group(1) if found else error.message)
        case "additionalProperties":
            known = set(error.schema.get("properties", {}))
            stray = sorted(set(error.instance) - known) if isinstance(error.instance, dict) else []
            what = _l("%(names)s: not a field here", names=", ".join(stray))
        case "minimum":
            what = _l("%(value)s is too low (at least %(limit)s)", value=value, limit=limit)
        case "exclusiveMinimum":
            what = _l("%(value)s is too low (more than %(limit)s)", value=value, limit=limit)
        case "maximum" | "exclusiveMaximum":
            what = _l("%(value)s is too high (at most %(limit)s)", value=value, limit=limit)
        case "type":
            kinds = [limit] if isinstance(limit, str) else list(limit)
            what = _l("%(value)s must be %(kind)s", value=value,
                      kind=" / ".join(str(KINDS.get(k, k)) for k in kinds))  # fmt: skip
        case "enum" | "const":
            options = limit if isinstance(limit, list) else [limit]
            listed = ", ".join(json.dumps(o, ensure_ascii=False) for o in options)
            what = _l("%(value)s is not one of %(options)s", value=value, options=listed)
        case "minItems":
            what = _l("needs at least %(n)s", n=limit)
        case "maxItems":
            what = _l("at most %(n)s", n=limit)
        case "minLength":
            what = _l("may not be empty")
        case "maxLength":
            what = _l("at most %(n)s characters", n=limit)
        case "not":
            what = _l("a small measure has no variants")
        case _:
            what = error.message
    return f"{where}: {what}" if where else str(what)
