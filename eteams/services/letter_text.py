"""What the advice letter says, in the household's language, from its snapshot only.

B1 wording: short sentences, one idea each, jargon explained the first time (ISDE, VvE,
saldering). Dates and money as each language writes them (1 december 2026, € 1.100; 1 December
2026, €1,100). Nothing here reads today's prices or the database: a letter made again from its
snapshot says exactly the same.
"""

from __future__ import annotations

import datetime as dt
import re
from contextvars import ContextVar
from decimal import Decimal
from functools import cache
from typing import Any

from babel.core import Locale
from babel.dates import format_date, format_time
from babel.lists import format_list
from babel.numbers import NumberPattern, format_decimal, parse_pattern
from flask_babel import force_locale, get_translations

from eteams.documents.letter import LetterData, Line
from eteams.services import clock

LOCALES = {"nl": "nl_NL", "en": "en_GB"}  # British English: 1 December 2026, not December 1
LINKS = ("verbeterjehuis.nl", "rvo.nl/isde", "warmtefonds.nl")
# The web addresses a price book's source names (its text is the admin's, in any language):
# "milieucentraal.nl/energie-besparen/energieprijzen-voor-besparingen".
WEB_ADDRESS = re.compile(r"\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:nl|com|org|eu)(?:/[\w\-/]*[\w/])?")


_catalogue: ContextVar[Any] = ContextVar("letter_catalogue")


def letter_data(snapshot: dict[str, Any], language: str, reference: str) -> LetterData:
    with force_locale(language):
        token = _catalogue.set(get_translations())
        try:
            return _Letter(snapshot, language).data(reference)
        finally:
            _catalogue.reset(token)


def _(text: str, **variables: object) -> str:
    """flask_babel's gettext, with the letter's catalogue looked up once, not per sentence."""
    text = _catalogue.get().ugettext(text)
    return text % variables if variables else text


def _in_sentence(name: str) -> str:
    """A measure's name inside a sentence: "floor insulation", but "HR++ glass" as it is."""
    return name[0].lower() + name[1:] if name[1:2].islower() else name


@cache
def _pattern(fmt: str) -> NumberPattern:
    return parse_pattern(fmt)


PAYBACK_SHOWN = Decimal(100)  # no measure lasts longer: beyond it, no figure to plan with


class _Letter:
    def __init__(self, snap: dict[str, Any], language: str) -> None:
        self.snap = snap
        self.a = snap["advice"]
        self.language = language
        self.locale = Locale.parse(LOCALES.get(language, "nl_NL"))
        self.name = "name_nl" if language == "nl" else "name_en"
        self.sender = snap.get("sender") or {}
        self.tenant = bool(self.a.get("tenant"))
        self.route = self.a.get("route") or ("tenant" if self.tenant else "own")

    # --- formatting ---------------------------------------------------------------------

    def money(self, value: object) -> str:
        number = format_decimal(Decimal(str(value)), _pattern("#,##0"), self.locale)
        return f"€\u00a0{number}" if self.language == "nl" else f"€{number}"  # never € / 924

    def money_cents(self, value: object) -> str:
        number = format_decimal(Decimal(str(value)), _pattern("#,##0.00##"), self.locale)
        return f"€\u00a0{number}" if self.language == "nl" else f"€{number}"

    def number(self, value: object, fmt: str = "#,##0") -> str:
        return format_decimal(Decimal(str(value)), _pattern(fmt), self.locale)

    def date(self, value: str | dt.date) -> str:
        day = dt.date.fromisoformat(value) if isinstance(value, str) else value
        return format_date(day, "long", locale=self.locale)

    def measure_name(self, m: dict[str, Any]) -> str:
        return m.get(self.name) or m.get("name_nl") or m["key"]

    # --- the letter ---------------------------------------------------------------------

    def data(self, reference: str) -> LetterData:
        recipient = self.snap["recipient"]
        rows, total = self.table()
        return LetterData(
            language=self.language,
            title=_("Your personal energy advice"),
            subject=_("Your personal energy advice for %(address)s", address=recipient["street"]),
            reference=reference,
            date_text=self.date(self.snap["created_on"]),
            sender=self.sender_lines(),
            logo_path=self.sender.get("logo") or None,
            recipient=[
                _("The residents of"),
                recipient["street"],
                # Two spaces before the city (PostNL), kept together as the line wraps.
                f"{recipient['postcode'].replace(' ', chr(0xA0))}\u00a0\u00a0{recipient['city'].upper()}",
            ],  # fmt: skip
            opening=_("Dear residents,"),
            paragraphs=self.opening(),
            table_header=self.header(),
            table_rows=rows,
            table_total=total,
            table_note=self.note() if rows else "",
            sections=self.sections(),
            closing=self.closing(),
            page_word=_("of"),
        )

    def sender_lines(self) -> list[str]:
        s = self.sender
        lines = [s.get("name") or "E-teams", _("Energy coaches in your neighbourhood")]
        lines += [line for line in s.get("address", []) if line]
        if s.get("phone"):
            lines.append(_("Phone %(phone)s", phone=s["phone"]))
        lines += [value for value in (s.get("email"), s.get("website")) if value]
        if s.get("kvk"):
            lines.append(_("KvK %(number)s", number=s["kvk"]))
        if s.get("municipality_line"):
            lines.append(s["municipality_line"])
        return lines

    def opening(self) -> list[str]:
        a, snap = self.a, self.snap
        visit_date = self.date(snap["visit_date"])
        names = snap.get("coach_names", [snap["coach"]] if snap.get("coach") else [])
        if names:
            first = _("On %(date)s you spoke with %(coach)s of the E-team at your door. Thank you for your time.",
                      date=visit_date, coach=format_list(names, locale=self.locale))  # fmt: skip
        else:
            first = _("On %(date)s you spoke with the E-team at your door. Thank you for your time.",
                      date=visit_date)  # fmt: skip
        paragraphs = []
        if snap.get("replaces"):  # a correction: the household may hold the letter it replaces
            paragraphs.append(  # the reference too: both letters may carry the same date
                _("This letter replaces letter %(reference)s of %(date)s.",
                  reference=snap["replaces"]["reference"], date=self.date(snap["replaces"]["date"]))
            )  # fmt: skip
        paragraphs.append(first + " " + _("In this letter you will find what fits your home, in the order that works best, "
                                      "with what it costs and what it saves."))  # fmt: skip
        paragraphs.append(self.use_sentence())
        if a.get("no_price_book"):
            paragraphs.append(_("We have no energy prices for %(date)s, the day of your visit. So this letter does not "
                                "say what the savings are worth in euros, or how soon a step pays for itself. The "
                                "amounts of gas and electricity it saves are right.", date=visit_date))  # fmt: skip
        paragraphs += self.unusual_use()
        if a.get("heat_network") and a.get("measures"):
            paragraphs.append(_("Your home is heated by a heat network. Insulation saves heat there too, but we cannot "
                                "put it in m³ of gas or euros: your heat supplier can tell you what a gigajoule of heat "
                                "costs you."))  # fmt: skip
        if a.get("heating") == "heat_pump" and any(
            m.get("step") == 1 for m in a.get("measures") or []
        ):
            paragraphs.append(_("Your home is heated by a heat pump. Insulation saves electricity there, and makes "
                                "the heat pump work better, but our figures are about gas: an installer or an "
                                "energy adviser can work out what it saves you."))  # fmt: skip
        if a.get("other_heating") and a.get("measures"):
            paragraphs.append(_("Your home is not heated with a gas boiler of its own. Insulation saves energy there "
                                "too, but we cannot put it in m³ of gas or euros: our figures are about gas."))  # fmt: skip
        if (
            a.get("gas_basis_assumed")
            and not a.get("gas_basis_m3")
            and any(m.get("gas_m3_per_year") for m in a.get("measures") or [])
        ):
            paragraphs.append(_("We did not know how much gas you use. For a detached house there is no typical use "
                                "to start from, so the gas savings are those the source gives for an average detached "
                                "house. With the figures from your own energy bill they can differ."))  # fmt: skip
        elif (
            a.get("gas_basis_assumed") and not a.get("gas_basis_m3")
            and any(m.get("step") == 1 for m in a.get("measures") or [])
        ):  # fmt: skip
            paragraphs.append(_("We did not know how much gas you use, so we could not work out what insulation saves. "
                                "With the figures from your energy bill the E-team or %(site)s can.", site=LINKS[0]))  # fmt: skip
        if self.route == "tenant":
            landlord = a.get("landlord") or _("your landlord")
            if a.get("measures"):
                paragraphs.append(_("You rent your home. The big measures are for %(landlord)s to decide and pay. "
                                    "Below is a message you can send them. What you can do yourself is at the end.",
                                    landlord=landlord))  # fmt: skip
            else:
                paragraphs.append(_("You rent your home. The big measures are for %(landlord)s to decide and pay. "
                                    "What you can do yourself is at the end.", landlord=landlord))  # fmt: skip
        elif a.get("tenure_known") is False:
            paragraphs.append(_("We did not note whether you own or rent your home. If you rent, the big measures are "
                                "for your landlord to decide: show them this letter."))  # fmt: skip
        if self.route == "apartment" and a.get("tenure_known") is False:
            paragraphs.append(_("If you own your apartment: the outer walls, the roof, the floor and the roof's solar "
                                "panels belong to the whole building, and the owners' association (VvE) decides on "
                                "them together."))  # fmt: skip
        elif self.route == "apartment":
            paragraphs.append(_("You own an apartment. The outer walls, the roof, the floor and the roof's solar "
                                "panels belong to the whole building: the owners' association (VvE) decides on them "
                                "together. What is inside your home, such as the glass in your windows, you can "
                                "often do yourself."))  # fmt: skip
        if not a.get("measures") and a.get("declined"):
            paragraphs.append(_("You told us you do not want the big measures now. That is fine: the small steps at "
                                "the end of this letter also save energy and money. If you change your mind, the "
                                "E-team or %(site)s can help.", site=LINKS[0]))  # fmt: skip
        elif not a.get("measures"):
            paragraphs.append(_("We found no big measure that fits your home now. That is good news: much has been "
                                "done already, or your home is built to recent rules. The small steps at the end of "
                                "this letter still save energy and money."))  # fmt: skip
        else:
            paragraphs.append(self.order())
        if a.get("insulation_too_late"):
            paragraphs.append(self.insulation_too_late())
        return [p for p in paragraphs if p]

    def order(self) -> str:
        """Why the steps come in this order, naming only the kinds of step this letter has."""
        measures = self.a.get("measures") or []
        steps = sorted({int(m.get("step") or 9) for m in measures})
        hybrid = any(m["key"] == "hybrid_heat_pump" for m in measures)
        first = {
            1: _("First make your home lose less heat (insulation)."),
            2: _("First make sure fresh air comes in (ventilation)."),
            3: _("First heat your home efficiently (a hybrid heat pump).") if hybrid
            else _("First heat your home efficiently (a heat pump)."),
            4: _("First make your own electricity (solar panels)."),
        }  # fmt: skip
        then = {
            2: _("Then make sure fresh air comes in (ventilation)."),
            3: _("Then heat it efficiently (a hybrid heat pump).") if hybrid
            else _("Then heat it efficiently (a heat pump)."),
            4: _("Then make your own electricity (solar panels)."),
        }  # fmt: skip
        last = {
            2: _("Finally make sure fresh air comes in (ventilation)."),
            3: _("Finally heat it efficiently (a hybrid heat pump).") if hybrid
            else _("Finally heat it efficiently (a heat pump)."),
            4: _("Finally make your own electricity (solar panels)."),
        }  # fmt: skip
        combined = _("Each step saves on what the steps before left, so together they never save more "
                     "than you use.")  # fmt: skip
        if not self.a.get("gas_basis_m3") and any(m.get("gas_m3_per_year") for m in measures):
            combined = ""  # the source's figures for a house of unknown use: nothing to cap them to
        if len(steps) < 2:
            return combined if len(measures) > 1 else ""  # "" where it cannot be said
        sentences = [_("The order matters."), first.get(steps[0], "")]
        sentences += [then.get(step, "") for step in steps[1:-1]]
        sentences.append((last if len(steps) > 2 else then).get(steps[-1], ""))
        return " ".join(t for t in (*sentences, combined) if t)

    def insulation_too_late(self) -> str:
        gas = self.a.get("household_gas_m3") if not self.a.get("gas_basis_assumed") else None
        if gas:
            return _("With the %(gas)s m³ of gas a year you told us, insulating saves too little to earn back what "
                     "it costs within its life, so it is not in this letter. If you use more, it can pay: the "
                     "E-team or %(site)s can work it out with the figure on your energy bill.",
                     gas=self.number(gas), site=LINKS[0])  # fmt: skip
        return _("At the use we worked with, insulating saves too little to earn back what it costs within its "
                 "life, so it is not in this letter. If you use more, it can pay: the E-team or %(site)s can "
                 "work it out with the figure on your energy bill.", site=LINKS[0])  # fmt: skip

    def use_sentence(self) -> str:
        """What the household told us, then what we assumed for what they did not know."""
        a = self.a
        gas = a.get("household_gas_m3") if not a.get("gas_basis_assumed") else None
        kwh = a.get("household_kwh") if not a.get("kwh_basis_assumed") else None
        told = ""
        if gas and kwh:
            told = _("You told us you use about %(gas)s m³ of gas and %(kwh)s kWh of electricity a year.",
                     gas=self.number(gas), kwh=self.number(kwh))  # fmt: skip
        elif kwh:  # no gas (a heat pump, a heat network): not "0 m³ of gas"
            told = _(
                "You told us you use about %(kwh)s kWh of electricity a year.", kwh=self.number(kwh)
            )
        elif gas:
            told = _("You told us you use about %(gas)s m³ of gas a year.", gas=self.number(gas))
        parts = []
        if a.get("gas_basis_assumed") and a.get("gas_basis_m3"):
            parts.append(_("%(gas)s m³ of gas", gas=self.number(a["gas_basis_m3"])))
        heat_pump = a.get("heating") in ("heat_pump", "hybrid_heat_pump")
        if a.get("kwh_basis_assumed") and a.get("kwh_basis") and not heat_pump:
            parts.append(_("%(kwh)s kWh of electricity", kwh=self.number(a["kwh_basis"])))
        assumed = ""
        hybrid_gas = a.get("heating") == "hybrid_heat_pump" and a.get("gas_basis_assumed")
        if parts and hybrid_gas:  # CBS's figure is a boiler home's: less what the hybrid saves
            assumed = _("Where we did not know your use, we worked with a typical home like yours: %(use)s a year "
                        "(CBS's figure for a home with a boiler, less what a hybrid heat pump saves). With the "
                        "figures from your own energy bill, the savings can differ.",
                        use=format_list(parts, locale=self.locale))  # fmt: skip
        elif parts:
            assumed = _("Where we did not know your use, we worked with a typical home like yours: %(use)s a year "
                        "(CBS). With the figures from your own energy bill, the savings can differ.",
                        use=format_list(parts, locale=self.locale))  # fmt: skip
        pump = ""
        if (
            a.get("kwh_basis_assumed")
            and a.get("kwh_basis")
            and a.get("heating") == "hybrid_heat_pump"
        ):
            pump = _("We did not know how much electricity you use. We worked with an average household's %(kwh)s "
                     "kWh a year (CBS); a home with a hybrid heat pump uses more, so more solar panels may pay.",
                     kwh=self.number(a["kwh_basis"]))  # fmt: skip
        elif a.get("kwh_basis_assumed") and a.get("kwh_basis") and heat_pump:
            pump = _("We did not know how much electricity you use. We worked with an average household's %(kwh)s "
                     "kWh a year (CBS); a home heated by a heat pump uses more, so more solar panels may pay.",
                     kwh=self.number(a["kwh_basis"]))  # fmt: skip
        return " ".join(t for t in (told, assumed, pump) if t)

    def unusual_use(self) -> list[str]:
        a = self.a
        checks = []
        if a.get("typical_gas_m3") and a.get("household_gas_m3"):
            more = a["household_gas_m3"] > a["typical_gas_m3"]
            checks.append(
                (more, _("about %(gas)s m³ of gas", gas=self.number(a["typical_gas_m3"])))
            )
        if a.get("typical_kwh") and a.get("household_kwh"):
            more = a["household_kwh"] > a["typical_kwh"]
            checks.append(
                (more, _("about %(kwh)s kWh of electricity", kwh=self.number(a["typical_kwh"])))
            )
        if not checks:
            return []
        typical = format_list([text for _more, text in checks], locale=self.locale)
        if all(more for more, _text in checks):
            first = _("What you told us is much more than a typical home like yours uses (%(typical)s a year, "
                      "CBS).", typical=typical)  # fmt: skip
        elif not any(more for more, _text in checks):
            first = _("What you told us is much less than a typical home like yours uses (%(typical)s a year, "
                      "CBS).", typical=typical)  # fmt: skip
        else:
            first = _("What you told us is far from what a typical home like yours uses (%(typical)s a year, "
                      "CBS).", typical=typical)  # fmt: skip
        if a.get("gas_basis_capped"):
            return [first + " " + _("Please check the figure on your annual energy bill. We worked out the savings "
                                    "on at most %(gas)s m³ of gas a year, twice what a typical home like yours "
                                    "uses: with more, the sources' figures no longer hold.",
                                    gas=self.number(a["gas_basis_capped"]))]  # fmt: skip
        return [first + " " + _("Please check the figure on your annual energy bill. We worked out the savings "
                                "from what you told us; with other figures they change.")]  # fmt: skip

    # --- the table ----------------------------------------------------------------------

    def header(self) -> list[str]:
        if self.tenant:
            return [_("Step"), _("Saves a year"), _("€ a year")]
        return [_("Step"), _("Investment"), _("Saves a year"), _("€ a year"),
                _("Pays back (years)"), _("ISDE")]  # fmt: skip

    def table(self) -> tuple[list[list[str]], list[str] | None]:
        measures = self.a.get("measures") or []
        rows = [self.row(n, m) for n, m in enumerate(measures, start=1)]
        package = self.a.get("package")
        if not package or len(measures) < 2:
            return rows, None
        saves = self.saves(package.get("gas_m3_per_year"), package.get("kwh_per_year"))
        eur = self.yearly(package.get("eur_per_year")) if package.get("eur_per_year") else "—"
        if self.tenant:
            return rows, [_("All together"), saves, eur]
        invest = self.invest(package.get("invest_min_eur"), package.get("invest_max_eur"))
        isde = self.money(package["isde_eur"]) if package.get("isde_eur") else "—"
        return rows, [_("All together"), invest, saves, eur, "", isde]

    def row(self, n: int, m: dict[str, Any]) -> list[str]:
        year = f" ({m['source_year']})" if m.get("source_year") else ""
        name = f"{n}. {self.measure_name(m)}{year}"
        if m.get("panels"):
            name = f"{n}. " + _("Solar panels: %(n)s", n=m["panels"]) + year  # no "7. 9 panels"
        vve = m.get("route") == "vve"
        saves = (
            _("via the VvE") if vve else self.saves(m.get("gas_m3_per_year"), m.get("kwh_per_year"))
        )
        eur = self.yearly(m.get("eur_per_year"))
        if saves == "—" and eur == "—":  # no source for a saving here: the text below says why
            saves = _("see below")
        if self.tenant:
            return [name, saves, eur]
        invest = (
            _("via the VvE")
            if vve
            else self.invest(m.get("invest_min_eur"), m.get("invest_max_eur"))
        )
        return [name, invest, saves, eur, self.payback(m), self.isde(m)]

    def yearly(self, eur: object) -> str:
        """A year's saving; below zero it says what it costs ("costs € 78 more"), never "€ -78"."""
        if eur is None:
            return "—"
        value = Decimal(str(eur))
        return self.money(value) if value >= 0 else _("costs %(eur)s more", eur=self.money(-value))

    def saves(self, gas: object, kwh: object) -> str:
        parts = []
        if gas is not None and Decimal(str(gas)) != 0:
            parts.append(_("%(gas)s m³ gas", gas=self.number(gas)))
        if kwh is not None and Decimal(str(kwh)) != 0:
            value = Decimal(str(kwh))
            if value < 0:
                parts.append(_("uses %(kwh)s kWh more", kwh=self.number(-value)))
            else:
                parts.append(_("%(kwh)s kWh", kwh=self.number(value)))
        return ", ".join(parts) or "—"  # no source for a saving: none shown (the text says why)

    def invest(self, low: object, high: object) -> str:
        if low is None and high is None:
            return _("ask for a quote")
        if low is None or high is None or Decimal(str(low)) == Decimal(str(high)):
            return self.money(low if low is not None else high)
        return f"{self.money(low)} – {self.money(high)}"

    def payback(self, m: dict[str, Any]) -> str:
        before = m.get("payback_years")
        after = m.get("payback_after_isde_years")
        if before is None:
            return "—"
        if after is None:
            return self.years(before)
        return f"{self.years(before)} / {self.years(after)}"

    def years(self, value: object) -> str:
        """A payback in years; beyond a century "> 100" (a use of 1 m³ gave 6,111.1 years,
        which reads as a figure to plan with; the text says it does not pay back)."""
        if Decimal(str(value)) > PAYBACK_SHOWN:
            return f"> {self.number(PAYBACK_SHOWN)}"
        return self.number(value, "#,##0.0")

    def isde(self, m: dict[str, Any]) -> str:
        if m.get("isde_condition") == "with_insulation" and not any(
            o.get("step") == 1 and o.get("route") == "own" for o in self.a.get("measures") or []
        ):
            return "—"  # ventilation's ISDE needs an insulation measure: none is advised here
        if m.get("isde_eur") is not None:
            return self.money(m["isde_eur"])
        if m.get("isde_eur_per_m2") is not None:
            return _("%(rate)s per m²", rate=self.money_cents(m["isde_eur_per_m2"]))
        return "—"

    def note(self) -> str:
        prices = self.a.get("prices") or {}
        parts = []
        rows = self.rows()
        if prices.get("gas_eur_per_m3") and any(r.get("gas_m3_per_year") for r in rows):
            parts.append(
                _("gas %(price)s per m³", price=self.money_cents(prices["gas_eur_per_m3"]))
            )
        if prices.get("electricity_eur_per_kwh"):
            parts.append(_("electricity %(price)s per kWh",
                           price=self.money_cents(prices["electricity_eur_per_kwh"])))  # fmt: skip
        priced = ""
        if parts:
            priced = _("Savings are valued at %(prices)s (our price book of %(date)s, with its sources).",
                       prices=format_list(parts, locale=self.locale),
                       date=self.date(prices["valid_from"]))  # fmt: skip
        return " ".join(p for p in (
            _("All figures are estimates for a home like yours; the year of each source is in brackets."),
            priced, self.exported(), self.left_out(),
            "" if self.tenant or not any(m.get("payback_years") for m in self.a.get("measures") or [])
            else _("Pays back: the years until the savings have paid for the investment, "
                   "without / with the ISDE subsidy for this measure alone (the ISDE is the "
                   "government's subsidy for insulation, heat pumps and ventilation; RVO pays it)."),
            self.isde_doubled(),
            self.isde_year(),
        ) if p)  # fmt: skip

    def isde_doubled(self) -> str:
        package = self.a.get("package") or {}
        if self.tenant or not package.get("isde_doubled") or not package.get("isde_eur"):
            return ""
        return _("The ISDE in “All together” counts the insulation amounts doubled: they double when you "
                 "carry out two insulation measures, or one and a heat pump, within 24 months.")  # fmt: skip

    def isde_year(self) -> str:
        years = self.a.get("isde_years") or [self.a.get("isde_source_year")]
        year = format_list([str(y) for y in years if y], locale=self.locale)
        if self.tenant or not year or not any(m.get("isde_eur") or m.get("isde_eur_per_m2")
                                               for m in self.a.get("measures") or []):  # fmt: skip
            return ""
        return _("ISDE amounts are the rates of %(year)s: check %(site)s before you apply.",
                 year=year, site=LINKS[1])  # fmt: skip

    def exported(self) -> str:
        price = (self.a.get("prices") or {}).get("export_eur_per_kwh")
        if not any(m.get("panels") for m in self.a.get("measures") or []):
            return ""
        if not price:
            return _("Power the panels send back to the grid is counted as earning nothing: "
                     "from 2027 it earns very little.")  # fmt: skip
        return _("Power the panels send back to the grid is valued at %(price)s per kWh.",
                 price=self.money_cents(price))  # fmt: skip

    def left_out(self) -> str:
        """What the row "All together" does not count, so a total is never read as complete."""
        package, measures = self.a.get("package"), self.a.get("measures") or []
        if not package or len(measures) < 2:
            return ""
        names = {m["key"]: _in_sentence(self.measure_name(m)) for m in measures}
        left = package.get("left_out") or {}

        def listed(column: str) -> str:
            return format_list([names.get(k, k) for k in left[column]], locale=self.locale)

        items = []
        if left.get("vve") and not self.tenant:
            items.append(_("the steps via the VvE (%(names)s)", names=listed("vve")))
        if left.get("invest") and not self.tenant:
            items.append(
                _("the investment for %(names)s (ask for a quote)", names=listed("invest"))
            )
        if left.get("eur"):
            items.append(_("the savings in euros for %(names)s", names=listed("eur")))
        if left.get("isde_per_m2") and not self.tenant:
            items.append(_("the ISDE per m² for %(names)s", names=listed("isde_per_m2")))
        if left.get("alternative"):
            items.append(_("the all-electric heat pump, a later alternative to the hybrid one"))
        if not items:
            return ""
        return _(
            "Not in the row “All together”: %(items)s.",
            items=format_list(items, locale=self.locale),
        )

    # --- the sections -------------------------------------------------------------------

    def sections(self) -> list[tuple[str, list[Line]]]:
        sections: list[tuple[str, list[Line]]] = []
        about = self.about_steps()
        if about:
            sections.append((_("About each step"), about))
        if self.a.get("not_suitable"):
            sections.append((_("What you asked about that does not fit"), [
                (self.measure_name(n) + ": ", self.reason(n["reason"])) for n in self.a["not_suitable"]
            ]))  # fmt: skip
        hybrid = any(m["key"] == "hybrid_heat_pump" for m in self.a.get("measures") or [])
        if self.a.get("boiler_age_years") and not hybrid:  # not advised, or they said no to it
            years = self.a["boiler_age_years"]
            moment = _("Your boiler is %(years)s years old. A boiler lasts about 15 years: ask your landlord when "
                       "they plan to replace it.", years=years) if self.tenant else _(
                       "Your boiler is %(years)s years old. A boiler lasts about 15 years: plan its replacement "
                       "in time, so you can choose calmly rather than in a hurry when it breaks down.",
                       years=years)  # fmt: skip
            sections.append((_("A good moment"), [moment]))
        elif self.a.get("boiler_age_years"):
            if self.tenant:
                moment = _("Your boiler is %(years)s years old. A boiler lasts about 15 years. When your landlord "
                           "replaces it, ask them for a hybrid heat pump instead of a new boiler alone.",
                           years=self.a["boiler_age_years"])  # fmt: skip
            else:
                moment = _("Your boiler is %(years)s years old. A boiler lasts about 15 years. When it needs "
                           "replacing, that is the moment to choose a hybrid heat pump instead of a new boiler "
                           "alone.", years=self.a["boiler_age_years"])  # fmt: skip
            sections.append((_("A good moment"), [moment]))
        if self.route == "tenant" and self.a.get("measures"):
            message: list[Line] = [self.landlord_message()]
            if self.language != "nl":  # the landlord most likely reads Dutch
                message += [_("The same in Dutch, for your landlord:"), self.landlord_message_nl()]
            sections.append((_("A message for your landlord"), message))
        if self.route == "apartment" and any(
            m.get("route") == "vve" for m in self.a.get("measures", [])
        ):
            sections.append((_("Your owners' association (VvE)"), self.vve_lines()))
        tips = self.tip_lines()
        if tips or self.a.get("small_installed"):
            lines: list[Line] = [
                _("Already done at the door: %(what)s.", what=f"{s['quantity']} × {self.measure_name(s)}")
                for s in self.a.get("small_installed", [])
            ]  # fmt: skip
            after = ([_("These savings count on the gas you will use after the steps above; "
                        "today, before those steps, they save more.")]
                     if (self.a.get("package") or {}).get("gas_m3_per_year")
                     and any(t.get("gas_m3_per_year") for t in self.a.get("tips", []))
                     else [])  # fmt: skip
            sections.append((_("What you can do yourself"), lines + after + tips))
        if self.route != "tenant" and self.a.get("measures"):
            sections.append((_("Paying for it"), self.paying_lines()))
        sections.append((_("Next steps"), self.next_steps()))
        if self.route != "tenant" and self.a.get("measures"):
            insulating = any(m.get("step") == 1 and m.get("route") == "own"
                             for m in self.a["measures"])  # fmt: skip
            sections.append((_("How to choose a company"), [
                _("Ask at least two companies for a quote, for the same work and materials."),
                _("Choose a company with a quality mark and check reviews from people in your area."),
                *([_("Check that the quote names the insulation value (Rd or U) the ISDE subsidy asks for.")]
                  if insulating else []),
            ]))  # fmt: skip
        sources = self.sources()
        if sources:
            sections.append((_("Where the figures come from"), sources))
        sections.append((_("Your privacy"), [self.privacy()]))
        return sections

    def rows(self) -> list[dict[str, Any]]:
        """The table's steps and the tips: every line that can carry a saving."""
        return [*(self.a.get("measures") or []), *(self.a.get("tips") or [])]

    def sources(self) -> list[Line]:
        """Each step's source, by name and year, as its row in the table counts it."""
        lines: list[Line] = []
        for n, m in enumerate(self.a.get("measures") or [], start=1):
            text = str(m.get("source") or "").strip()
            figures = [m.get("gas_m3_per_year"), m.get("kwh_per_year"), m.get("eur_per_year")]
            if not self.tenant:  # a tenant's table shows no investment or subsidy
                figures += [m.get("invest_min_eur"), m.get("invest_max_eur"), m.get("isde_eur"),
                            m.get("isde_eur_per_m2")]  # fmt: skip
            if not text or m.get("route") == "vve" or all(f is None for f in figures):
                continue  # no figure of its row rests on the source
            short = min((text.split(mark)[0] for mark in (":", " (", ";")), key=len).strip()
            year = f" ({m['source_year']})" if m.get("source_year") else ""
            lines.append((f"{n}. {self.measure_name(m)}: ", short + year))
        prices = self.a.get("prices") or {}
        sites = list(dict.fromkeys(WEB_ADDRESS.findall(str(prices.get("source") or ""))))
        rows = self.rows()
        if sites and prices.get("valid_from") and any(r.get("eur_per_year") for r in rows):
            lines.append((_("Energy prices: "), _("our price book of %(date)s, from %(sites)s",
                          date=self.date(prices["valid_from"]),
                          sites=format_list(sites, locale=self.locale))))  # fmt: skip
        return lines

    def about_steps(self) -> list[Line]:
        lines: list[Line] = []
        for n, m in enumerate(self.a.get("measures") or [], start=1):
            text = [self.explain(m)]
            # A tenant's landlord deals with the owners' association: no VvE texts for them.
            vve_codes = ("outdoor_unit", "frames_vve", "vve_consent") if self.tenant else ()
            # "we counted with double glass" only where something was counted
            skip = (*vve_codes, *(() if m.get("gas_m3_per_year") else ("glazing_unknown",)))
            text += [self.check(c) for c in m.get("check_first", []) if c not in skip]
            if (
                m.get("step") == 1 and m.get("route") != "vve"
                and (self.a.get("gas_basis_m3") or not self.tenant)
                and not m.get("gas_m3_per_year") and m.get("eur_per_year") is None
            ):  # fmt: skip
                text.append(_("Our sources give no saving for a home like yours: your landlord can have it "
                              "worked out.") if self.tenant else _("Our sources give no saving for a home like "
                              "yours: an energy adviser can work it out."))  # fmt: skip
            if not self.tenant and m.get("route") == "own":
                text.append(self.per_m2_sentence(m))
                text.append(self.isde_sentence(m))
                text.append(self.too_late(m))
            sentence = " ".join(t for t in text if t)
            if sentence:
                lines.append((f"{n}. {self.measure_name(m)}: ", sentence))
        return lines

    def too_late(self, m: dict[str, Any]) -> str:
        """A measure asked about that does not pay back within its life says so."""
        payback = m.get("payback_after_isde_years") or m.get("payback_years")
        life = m.get("lifetime_years")
        if payback is None or life is None or Decimal(str(payback)) <= Decimal(str(life)):
            return ""
        return _("At these figures it does not pay back within its life (about %(life)s years): choose it for "
                 "comfort, or for when it needs replacing anyway.", life=life)  # fmt: skip

    def panels_versus_use(self, m: dict[str, Any]) -> str:
        versus = m.get("panels_versus_use")
        if versus == "more":
            return _(
                "That is more than you use in a year: we assume at least %(n)s panels.",
                n=m["panels"],
            )
        if versus == "less":
            return _("That is less than you use: we assume at most %(n)s panels. A solar installer can tell "
                     "you whether more fit on your roof.", n=m["panels"])  # fmt: skip
        if any(
            o.get("step") == 3 and o.get("kwh_per_year") and Decimal(str(o["kwh_per_year"])) < 0
            for o in self.a.get("measures") or []
        ):  # sized to the use with the heat pump's extra electricity
            return _("That is about what you will use with the heat pump.")
        return _("That is about what you use.")

    def panel_price(self, m: dict[str, Any]) -> str:
        if not m.get("panel_price_of"):
            return ""
        counts = m.get("priced_counts") or [6, 8, 10]  # a letter made before 2026-12-02
        return _("The source gives prices for %(counts)s panels; for %(n)s panels we used the price per panel of "
                 "%(of)s panels, an estimate.", counts=format_list([str(c) for c in counts], locale=self.locale),
                 n=m["panels"], of=m["panel_price_of"])  # fmt: skip

    def explain(self, m: dict[str, Any]) -> str:  # noqa: PLR0911 - one sentence per measure
        key = m["key"]
        if key == "solar_pv" and m.get("panels") and m.get("route") != "vve":
            made = m.get("kwh_made") or Decimal(str(m.get("kwh_per_year") or 0)) + Decimal(
                str(m.get("kwh_exported") or 0)
            )
            made_text = _(
                "%(n)s panels make about %(kwh)s kWh a year.", n=m["panels"], kwh=self.number(made)
            )
            share = m.get("self_use_percent")
            use = {"share": 30 if share is None else share,  # letters made before 2026-12-02
                   "cited": m.get("self_use_cited") or "Milieu Centraal 2026"}  # fmt: skip
            if self.snap["created_on"] >= "2027-01-01":
                rule = _("Since 1 January 2027 the netting scheme (saldering) has ended: you save on the power you "
                         "use while the sun shines (about %(share)s percent, %(cited)s); what you send back to "
                         "the grid earns almost nothing. The figures count on that.", **use)  # fmt: skip
            else:
                rule = _("From 1 January 2027 the netting scheme (saldering) ends: you then save on the power you "
                         "use while the sun shines (about %(share)s percent, %(cited)s); what you send back to "
                         "the grid earns almost nothing. The figures count on that.", **use)  # fmt: skip
            return " ".join(
                [made_text, self.panels_versus_use(m), rule, self.panel_price(m)]
            ).strip()
        costs_more = m.get("eur_per_year") is not None and Decimal(str(m["eur_per_year"])) < 0
        if costs_more:
            more = self.money(-Decimal(str(m["eur_per_year"])))
            if self.tenant:
                return _("At today's prices the electricity it uses costs %(eur)s a year more than the gas it "
                         "saves: it does save gas and CO₂.", eur=more)  # fmt: skip
            return _("At today's prices the electricity it uses costs %(eur)s a year more than the gas it saves: "
                     "it does save gas and CO₂. Ask an installer to work it out for your home.", eur=more)  # fmt: skip
        if key == "hybrid_heat_pump" and self.a.get("other_heating"):
            return _("A hybrid heat pump works together with a central-heating boiler and heats with electricity "
                     "most of the time.")  # fmt: skip
        if key == "heat_pump" and self.a.get("other_heating"):
            return _("An all-electric heat pump replaces your heating now.")
        if key == "heat_pump" and self.tenant:
            return _("An all-electric heat pump replaces the gas boiler. What it saves depends on your home: "
                     "your landlord can have it worked out.")  # fmt: skip
        if key == "hybrid_heat_pump" and not m.get("gas_m3_per_year"):
            return _("A hybrid heat pump heats with electricity most of the time and uses the boiler only on cold "
                     "days: about %(share)s percent less gas, and some more electricity. Without your gas use we "
                     "could not put that in figures.", share=m.get("share_percent") or 60)  # fmt: skip
        if key == "hybrid_heat_pump":
            return _("A hybrid heat pump heats with electricity most of the time and uses the boiler only on cold "
                     "days: about %(share)s percent less gas, and some more electricity (counted in the table).",
                     share=m.get("share_percent") or 60)  # fmt: skip
        if key == "heat_pump":
            return _("An all-electric heat pump replaces the gas boiler. What it saves depends on your home: an "
                     "installer calculates it.")  # fmt: skip
        if key == "ventilation" and self.tenant:
            return _("A well-insulated home needs fresh air: keep grilles open, and ask your landlord about "
                     "mechanical ventilation.")  # fmt: skip
        if key == "ventilation":
            return _("A well-insulated home needs fresh air: keep grilles open or have mechanical ventilation "
                     "fitted. Ask an installer for a quote.")  # fmt: skip
        if key == "cavity_wall":
            return _("The space inside the outer wall is filled with insulation through small holes; it takes "
                     "about a day.")  # fmt: skip
        if key == "roof":
            return _(
                "The roof is insulated from the inside or the outside; the attic also stays warmer."
            )
        if key == "floor":
            return _(
                "The floor is insulated from the crawl space underneath; your feet stay warmer."
            )
        if key == "glazing":
            return _("HR++ glass is put in your existing frames; less cold near the windows.")
        return ""

    def check(self, code: str) -> str:
        if self.tenant:  # the landlord deals with the building: only what the home needs
            tenant = {
                "top_floor": _("Only for a home on the top floor."),
                "ground_floor": _("Only for a home on the ground floor."),
                "shared_roof": _("The roof belongs to the whole building: your landlord decides on panels "
                                 "for it."),
            }  # fmt: skip
            if code in tenant:
                return tenant[code]
        texts = {
            "cavity_check": _("A specialist first checks that your wall has a cavity that can be filled: houses "
                              "built before 1930 often have solid walls."),
            "partly_insulated": _("Homes built from 1975 on often have some wall insulation already: a specialist "
                                  "checks whether more pays."),
            "crawl_space": _("A crawl space under the floor is needed."),
            "glazing_unknown": _("We counted with double glass; with single glass the saving is much larger."),
            "top_floor": _("Only for the top floor, and the VvE decides."),
            "ground_floor": _("Only for the ground floor, and the VvE decides."),
            "good_label": _("Your energy label says your home is already well insulated: check first whether this "
                            "was done."),
            "vve_consent": _("The floor belongs to the whole building: ask the VvE for consent before you start."),
            "frames_vve": _("In an apartment building the window frames often belong to the VvE: check your "
                            "building's rules (splitsingsreglement) before you order."),
            "outdoor_unit": _("The outdoor unit needs a place outside; in an apartment building ask the VvE."),
            "heating_unknown": _("It depends on your heating now: an installer checks."),
            "dwelling_unknown": _("We did not know what kind of home yours is: where that matters, we counted with a "
                                  "terraced house. In an apartment building this belongs to the whole building, and "
                                  "the owners together (VvE) or the landlord decide."),
            "insulate_first": _("It only works well in a well-insulated home: insulate first.")
            if self.a.get("heating") == "hybrid_heat_pump" else _("It only works well in a well-insulated home: insulate first. Until then a hybrid "
                                "heat pump is the step that fits."),
            "roof_orientation": _("Panels give the most on a roof facing south, east or west, without shade."),
            "shared_roof": _("The roof belongs to the building: the VvE decides on solar panels."),
        }  # fmt: skip
        return texts.get(code, "")

    def per_m2_sentence(self, m: dict[str, Any]) -> str:
        """An investment priced per m²: the price, and the area the table's range assumes."""
        if not m.get("invest_eur_per_m2") or not m.get("invest_area_m2"):
            return ""
        low, high = m["invest_eur_per_m2"]
        year = f" ({m['invest_per_m2_year']})" if m.get("invest_per_m2_year") else ""
        return _("It costs %(low)s to %(high)s per m²%(year)s. The table assumes a floor of %(m2)s m², usual for "
                 "a home like yours: %(total)s. Ask for a quote for your own floor.",
                 low=self.money(low), high=self.money(high), year=year, m2=m["invest_area_m2"],
                 total=self.invest(m.get("invest_min_eur"), m.get("invest_max_eur")))  # fmt: skip

    def isde_sentence(self, m: dict[str, Any]) -> str:
        condition = m.get("isde_condition")
        if m.get("isde_eur") is not None and m.get("isde_doubled_eur") is not None:
            said = m.get("invest_area_m2") == m.get("area_m2")  # the cost's sentence said it
            area = (
                _(" (we assumed %(m2)s m², usual for a home like yours)", m2=m["area_m2"])
                if m.get("area_m2") and not said
                else ""
            )
            return _("ISDE subsidy: %(one)s for this measure alone%(area)s, %(two)s if you take a second insulation "
                     "measure or a heat pump within 24 months.", one=self.money(m["isde_eur"]), area=area,
                     two=self.money(m["isde_doubled_eur"]))  # fmt: skip
        if m.get("isde_eur_per_m2") is not None:
            return _("ISDE subsidy: %(rate)s per m², twice that if you take a second insulation measure or a heat "
                     "pump within 24 months.", rate=self.money_cents(m["isde_eur_per_m2"]))  # fmt: skip
        if condition == "with_insulation" and m.get("isde_eur") is not None:
            return _("ISDE subsidy: %(amount)s for demand-controlled ventilation (systems C4c or E) or balanced "
                     "ventilation with heat recovery (system D), only together with an insulation measure.",
                     amount=self.money(m["isde_eur"]))  # fmt: skip
        if condition == "a_plus_plus_plus" and m.get("isde_eur") is not None:
            return _("ISDE subsidy: about %(amount)s, %(bonus)s more for the most efficient class (A+++).",
                     amount=self.money(m["isde_eur"]), bonus=self.money(200))  # fmt: skip
        return ""

    def reason(self, code: str) -> str:
        texts = {
            "solid_wall": _("homes built before 1920 mostly have solid walls, without a cavity to fill."),
            "insulated_when_built": _("your home was insulated when it was built, to the rules of its time."),
            "no_roof": _("your home has no roof of its own."),
            "no_ground_floor": _("your home has no floor above a crawl space."),
            "already_hr_glass": _("you already have HR++ or better glass."),
            "district_heating": _("your home is heated by a heat network."),
            "has_heat_pump": _("you already have a heat pump."),
            "no_boiler": _("a hybrid heat pump works together with a central-heating boiler, and your home has "
                           "none."),
            "already_insulated": _("the coach noted that this part of your home is already insulated."),
        }  # fmt: skip
        return texts.get(code, _("it does not fit your home."))

    def landlord_message_nl(self) -> str:
        """The landlord's message in Dutch, for a letter in another language."""
        saved = self.name, self.locale
        with force_locale("nl"):
            token = _catalogue.set(get_translations())
            self.name, self.locale = "name_nl", Locale.parse("nl_NL")
            try:
                return self.landlord_message()
            finally:
                self.name, self.locale = saved
                _catalogue.reset(token)

    def landlord_message(self) -> str:
        landlord = self.a.get("landlord") or _("landlord")
        keys = {m["key"] for m in self.a.get("measures", [])}
        later = {"ventilation", *(("heat_pump",) if "hybrid_heat_pump" in keys else ())}
        advised = [m for m in self.a.get("measures", []) if m["key"] not in later]
        advised.sort(key=lambda m: m.get("asked") is None)  # what they asked about first
        measures = [self.in_message(m) for m in advised[:4]]
        return _("“Dear %(landlord)s, an energy coach visited our home at %(address)s. Our home could use less energy "
                 "with %(measures)s. Could you tell us whether and when you plan this? Kind regards, …”",
                 landlord=landlord, address=self.snap["recipient"]["street"],
                 measures=format_list(measures, locale=self.locale))  # fmt: skip

    def in_message(self, m: dict[str, Any]) -> str:
        """A measure as it reads inside a sentence ("with a hybrid heat pump"), with its article."""
        phrases = {
            "hybrid_heat_pump": _("a hybrid heat pump"),
            "heat_pump": _("an all-electric heat pump"),
            "solar_pv": _("solar panels"),
            "glazing": _("HR++ glass"),
            "cavity_wall": _("cavity wall insulation"),
            "roof": _("roof insulation"),
            "floor": _("floor insulation"),
        }
        return phrases.get(m["key"]) or _in_sentence(self.measure_name(m))

    def vve_lines(self) -> list[Line]:
        lines: list[Line] = [_("Ask your VvE to put the building's insulation and solar panels on the agenda of the "
                               "next meeting. The VvE first needs an energy assessment of the whole building.")]  # fmt: skip
        units = self.a.get("building_units")
        if units is not None and units < 8:
            lines.append(_("The VvE loan of the Warmtefonds is for buildings with 8 or more apartments; for a smaller "
                           "VvE, ask the municipality's energy desk (energieloket)."))  # fmt: skip
        return lines

    def tip_without_figure(self, tip: dict[str, Any]) -> str:
        key = tip.get("key")
        if key == "draught_proofing":
            return _("a small job you can do yourself; you feel less draught.")
        if key == "radiator_foil":
            return _(
                "a small job you can do yourself; it keeps more of the radiator's heat in the room."
            )
        if key == "water_saving_showerhead":
            return _("less hot water for the same shower, and less energy to heat it.")
        return _("a small job you can do yourself.")

    def tip_lines(self) -> list[Line]:
        lines: list[Line] = []
        for tip in self.a.get("tips", []):
            name = self.tip_name(tip)
            saves = []
            if tip.get("gas_m3_per_year"):
                saves.append(_("%(gas)s m³ gas", gas=self.number(tip["gas_m3_per_year"])))
            if tip.get("eur_per_year"):
                saves.append(_("%(eur)s a year", eur=self.money(tip["eur_per_year"])))
            year = f" ({tip['source_year']})" if tip.get("source_year") else ""
            if saves:
                lines.append(
                    (name + ": ", _("saves about %(what)s.", what=", ".join(saves) + year))
                )
            else:
                lines.append((name + ": ", self.tip_without_figure(tip)))
        return lines

    def tip_name(self, tip: dict[str, Any]) -> str:
        if tip["key"] == "thermostat_one_degree":
            return _("The thermostat one degree lower")
        if tip["key"] == "shorter_shower":
            return _("5 minutes under the shower instead of 9")
        return tip.get(self.name) or tip["key"]

    def paying_lines(self) -> list[Line]:
        key = "description_nl" if self.language == "nl" else "description_en"
        lines: list[Line] = []
        if any(m.get("route") == "own" and (m.get("isde_eur") or m.get("isde_eur_per_m2"))
               for m in self.a.get("measures") or []):  # fmt: skip
            lines.append(_("ISDE, step by step: 1. ask quotes; 2. have a company do the work and keep the invoice "
                           "and proof of payment; 3. apply at rvo.nl/isde within 24 months after the first "
                           "measure."))  # fmt: skip
        lines += [(f[self.name] + ": ", f[key]) for f in self.a.get("financing", [])]
        return lines

    def next_steps(self) -> list[Line]:
        steps: list[Line] = []
        if self.snap.get("appointment_at"):
            when = dt.datetime.fromisoformat(self.snap["appointment_at"]).astimezone(clock.LOCAL)
            day, hour = (
                self.date(when.date()),
                format_time(when.time(), "short", locale=self.locale),
            )
            if when.date().isoformat() < self.snap["created_on"]:  # a letter made after it
                steps.append(_("We had an appointment with you on %(date)s at %(time)s, to talk about this advice. "
                               "If it did not take place, contact us to make a new one.", date=day, time=hour))  # fmt: skip
            else:
                steps.append(_("We made an appointment with you on %(date)s at %(time)s, to talk about this advice.",
                               date=day, time=hour))  # fmt: skip
        if self.snap.get("follow_up_on") and self.snap["follow_up_on"] > self.snap["created_on"]:
            steps.append(
                _("We will come back around %(date)s.", date=self.date(self.snap["follow_up_on"]))
            )
        steps.append(
            _("More on each measure, and a calculation for your own home: %(site)s.", site=LINKS[0])
        )
        if self.route != "tenant":
            steps.append(_("The ISDE subsidy: %(site)s. The energy-saving loan: %(loan)s.",
                           site=LINKS[1], loan=LINKS[2]))  # fmt: skip
        steps.append(_("Free advice nearby: the energy desk (energieloket) of your municipality."))
        contact = self.sender.get("phone") or self.sender.get("email") or "info@e-teams.example.nl"
        steps.append(_("Questions? Contact us at %(contact)s, or ask the E-team when they are in your street.",
                       contact=contact))  # fmt: skip
        return steps

    def privacy(self) -> str:
        mail = self.sender.get("email") or "info@e-teams.example.nl"
        return _("The E-teams programme keeps your answers to make this advice, because you agreed to it at the door. "
                 "We keep them until at most one year after the campaign in your neighbourhood and share them with no "
                 "one. You may see, correct or have your data erased, and withdraw your consent, by mailing %(mail)s. "
                 "You can also complain to the Autoriteit Persoonsgegevens.", mail=mail)  # fmt: skip

    def closing(self) -> list[str]:
        signatory = self.sender.get("signatory")
        lines = [_("Kind regards,")]
        if signatory:
            lines.append(signatory)
        lines.append(_("The E-team"))
        return lines
