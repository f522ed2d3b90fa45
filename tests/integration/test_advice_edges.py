"""Issue 15, fourth review: the advice where the household's own figures are missing or odd,
and what an admin's slip in the price book can do to every letter.

Figures by hand from eteams/data/catalogue.json: a terraced house's typical use is 1,200 m³
(CBS 2021); cavity-wall insulation saves 15 % of it; a hybrid heat pump saves 60 % of the gas
left and uses 1.72 kWh for every m³ it saves (Demoproject Hybride 2023).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from eteams.models import AuditEvent, PriceBook, Visit
from eteams.models.enums import DwellingType, Glazing, Heating, Interest, Tenure
from eteams.services import advice, catalogue, catalogue_schema
from eteams.services.errors import ValidationError
from tests.conftest import login
from tests.integration.test_advice import _by_key, _household
from tests.integration.test_letters import _letter_text

ALL = [(key, Interest.INTERESTED) for key in ("cavity_wall", "roof", "floor", "glazing",
                                              "hybrid_heat_pump", "heat_pump", "solar_pv")]  # fmt: skip


def test_a_home_not_heated_with_gas_gets_no_gas_savings(app, session) -> None:  # noqa: ANN001
    result = _household(session, dwelling=DwellingType.DETACHED, year=1950, tenure=Tenure.OWNER,
                        gas=0, kwh=3000, heating=Heating.OTHER, interests=ALL)  # fmt: skip
    assert result.gas_basis_m3 is None and result.other_heating
    assert all(m.gas_m3_per_year is None for m in result.measures), [
        (m.key, m.gas_m3_per_year) for m in result.measures
    ]
    text = _letter_text(app, session, session.scalars(select(Visit)).one(), "nl")
    assert "Uw huis wordt niet verwarmd met een eigen cv-ketel op gas." in text
    assert "m³ gas" not in text.split("Samen besparen ze")[-1].split("Kleine stappen")[0]
    assert "vervangt de cv-ketel" not in text and "gebruikt de cv-ketel alleen" not in text


def test_zero_gas_in_a_gas_heated_home_counts_as_not_known(app, session) -> None:  # noqa: ANN001
    result = _household(session, dwelling=DwellingType.TERRACED, year=1960, tenure=Tenure.OWNER,
                        gas=0, kwh=2500, glazing=Glazing.DOUBLE,
                        interests=[("cavity_wall", Interest.INTERESTED)])  # fmt: skip
    assert (result.gas_basis_m3, result.gas_basis_assumed) == (1200, True)  # CBS, terraced
    assert _by_key(result)["cavity_wall"].gas_m3_per_year == 180  # 15 % of 1,200
    text = _letter_text(app, session, session.scalars(select(Visit)).one(), "nl")
    assert "rekenden wij met een gewone woning zoals de uwe: 1.200 m³ gas" in text


def test_a_detached_house_of_unknown_use_says_whose_figures_it_shows(app, session) -> None:  # noqa: ANN001
    result = _household(session, dwelling=DwellingType.DETACHED, year=1960, tenure=Tenure.OWNER,
                        gas=None, kwh=3000, glazing=Glazing.DOUBLE, interests=ALL)  # fmt: skip
    assert result.gas_basis_m3 is None and result.gas_basis_assumed
    assert _by_key(result)["cavity_wall"].gas_m3_per_year  # the source's detached-house figure
    text = _letter_text(app, session, session.scalars(select(Visit)).one(), "nl")
    assert "Voor een vrijstaand huis is er geen gemiddeld verbruik om van uit te gaan." in text


def test_a_hybrid_that_costs_more_than_it_saves_says_so(app, session) -> None:  # noqa: ANN001
    catalogue.seed_all(session)
    catalogue.add_price_book(session, {
        "valid_from": date(2026, 11, 1), "gas_eur_per_m3": Decimal("1.20"),
        "electricity_eur_per_kwh": Decimal("0.80"), "export_eur_per_kwh": Decimal("0.01"),
        "co2_kg_per_m3_gas": None, "co2_kg_per_kwh": None, "source": "crisis prices",
    }, actor_id=None)  # fmt: skip
    result = _household(session, dwelling=DwellingType.TERRACED, year=2010, tenure=Tenure.OWNER,
                        gas=1000, kwh=2500, glazing=Glazing.HR,
                        interests=[("hybrid_heat_pump", Interest.INTERESTED)])  # fmt: skip
    hybrid = _by_key(result)["hybrid_heat_pump"]
    # 600 m³ less gas (60 % of 1,000) × € 1.20 = € 720; 600 × 1.72 = 1,032 kWh more × € 0.80
    # = € 825.60: € 105.60 a year more.
    assert (hybrid.gas_m3_per_year, hybrid.kwh_per_year) == (600, -1032)
    assert hybrid.eur_per_year == Decimal(-106) and hybrid.payback_years is None
    text = _letter_text(app, session, session.scalars(select(Visit)).one(), "nl")
    assert "kost € 106 meer" in text and "€ -" not in text and "€ −" not in text
    assert (
        "kost de stroom die hij gebruikt € 106 per jaar meer dan het gas dat hij bespaart" in text
    )


def _book(**change: object) -> dict:
    return {"valid_from": date(2026, 12, 1), "gas_eur_per_m3": Decimal("1.30"),
            "electricity_eur_per_kwh": Decimal("0.27"), "export_eur_per_kwh": Decimal("0.01"),
            "co2_kg_per_m3_gas": Decimal("1.78"), "co2_kg_per_kwh": Decimal("0.27"),
            "source": "test", **change}  # fmt: skip


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"gas_eur_per_m3": Decimal(120)}, "gas_eur_per_m3"),  # cents typed as euros
        ({"electricity_eur_per_kwh": Decimal(25)}, "electricity_eur_per_kwh"),
        ({"electricity_eur_per_kwh": None}, "electricity_eur_per_kwh"),  # letters need it
        ({"gas_eur_per_m3": None}, "gas_eur_per_m3"),
        ({"export_eur_per_kwh": Decimal("0.90")}, "export_eur_per_kwh"),  # above electricity
        ({"co2_kg_per_m3_gas": Decimal(178)}, "co2_kg_per_m3_gas"),
        (
            {"gas_eur_per_m3": Decimal("0.28"), "electricity_eur_per_kwh": Decimal("1.30")},
            "gas_eur_per_m3",
        ),  # the two fields swapped
        ({"gas_eur_per_m3": Decimal("0.12")}, "gas_eur_per_m3"),  # a digit lost
        ({"export_eur_per_kwh": None}, "export_eur_per_kwh"),  # solar from 2027 needs it
    ],
)
def test_a_price_slip_is_refused_and_changes_nothing(session, change, field) -> None:  # noqa: ANN001
    catalogue.seed_all(session)
    before = session.scalars(select(PriceBook)).all()
    with pytest.raises(ValidationError) as error:
        catalogue.add_price_book(session, _book(**change), actor_id=None)
    assert field in error.value.fields
    assert session.scalars(select(PriceBook)).all() == before


def test_a_price_book_mistake_is_corrected_and_letters_keep_their_figures(
    app, client, session, make_user
) -> None:  # noqa: ANN001
    catalogue.seed_all(session)
    admin = make_user("admin")
    token = login(client, admin)
    page = client.get("/admin/catalogue/").get_data(as_text=True)
    assert 'value="1.2000"' in page and 'value="0.2500"' in page  # starts from the prices now
    data = {"csrf_token": token, "valid_from": "2026-11-01", "gas_eur_per_m3": "1.20",
            "electricity_eur_per_kwh": "0.30", "export_eur_per_kwh": "0.01", "source": "ok"}  # fmt: skip
    assert client.post("/admin/catalogue/price-books", data=data).status_code == 302
    _household(session, dwelling=DwellingType.TERRACED, year=1960, tenure=Tenure.OWNER,
               gas=1200, kwh=2500, glazing=Glazing.DOUBLE,
               interests=[("cavity_wall", Interest.INTERESTED)])  # fmt: skip
    visit = session.scalars(select(Visit)).one()
    made = _letter_text(app, session, visit, "nl")
    assert "€ 216" in made  # 180 m³ × € 1.20
    again = client.post("/admin/catalogue/price-books", data={**data, "gas_eur_per_m3": "1.35"})
    assert again.status_code == 422
    assert "vink &#34;De prijslijst van deze datum verbeteren&#34; aan" in again.get_data(
        as_text=True
    )
    fixed = client.post("/admin/catalogue/price-books",
                        data={**data, "gas_eur_per_m3": "1.35", "correct": "y"})  # fmt: skip
    assert fixed.status_code == 302
    session.expire_all()
    assert catalogue.price_book_on(session, date(2026, 11, 30)).gas_eur_per_m3 == Decimal("1.35")
    event = session.scalars(
        select(AuditEvent).where(AuditEvent.action == "price_book_corrected")
    ).one()
    assert event.actor_user_id == admin.id and event.details["before"]["gas_eur_per_m3"] == "1.2000"
    assert "€ 243" in advice_text(app, session)  # 180 × € 1.35
    # The letter made before the correction was not sent: it is made again with the right price.
    remade = _letter_text(app, session, visit, "nl")
    assert "€ 243" in remade and "gas € 1,35 per m³" in remade


def test_a_price_book_with_a_wrong_date_is_removed_and_letters_follow(
    app, client, session, make_user
) -> None:  # noqa: ANN001
    """A book typed with the wrong date cannot be corrected to another date (a correction is by
    date): the admin removes it. A letter not yet sent is made again with the book then in
    force; the only book left cannot go (letters need prices)."""
    catalogue.seed_all(session)
    admin = make_user("admin")
    token = login(client, admin)
    data = {"csrf_token": token, "valid_from": "2026-11-01", "gas_eur_per_m3": "1.90",
            "electricity_eur_per_kwh": "0.30", "export_eur_per_kwh": "0.01", "source": "typo"}  # fmt: skip
    assert client.post("/admin/catalogue/price-books", data=data).status_code == 302
    _household(session, dwelling=DwellingType.TERRACED, year=1960, tenure=Tenure.OWNER,
               gas=1200, kwh=2500, glazing=Glazing.DOUBLE,
               interests=[("cavity_wall", Interest.INTERESTED)])  # fmt: skip
    visit = session.scalars(select(Visit)).one()
    assert "€ 342" in _letter_text(app, session, visit, "nl")  # 180 m³ × € 1.90
    wrong = session.scalar(select(PriceBook.id).where(PriceBook.source == "typo"))
    removed = client.post(f"/admin/catalogue/price-books/{wrong}/remove",
                          data={"csrf_token": token}, follow_redirects=True)  # fmt: skip
    assert "Prijslijst verwijderd." in removed.get_data(as_text=True)
    session.expire_all()
    assert session.get(PriceBook, wrong) is None
    event = session.scalars(
        select(AuditEvent).where(AuditEvent.action == "price_book_removed")
    ).one()
    assert event.actor_user_id == admin.id and event.details["before"]["valid_from"] == "2026-11-01"
    # The shipped book of 1 January 2026 is in force again: € 1.20.
    assert "€ 216" in _letter_text(app, session, visit, "nl")
    assert "€ 342" not in _letter_text(app, session, visit, "nl")
    # Without a CSRF token nothing is removed; the last book stays.
    (first, *rest) = session.scalars(select(PriceBook).order_by(PriceBook.valid_from)).all()
    assert client.post(f"/admin/catalogue/price-books/{first.id}/remove").status_code == 400
    for book in rest:
        catalogue.remove_price_book(session, book, actor_id=admin.id)
    session.commit()
    with pytest.raises(ValidationError, match="enige prijslijst"), app.test_request_context():
        catalogue.remove_price_book(session, first, actor_id=admin.id)
    assert session.get(PriceBook, first.id) is not None
    page = client.get("/admin/catalogue/").get_data(as_text=True)
    assert f"/price-books/{first.id}/remove" not in page  # no button for the last one
    assert client.post("/admin/catalogue/price-books/999999/remove",
                       data={"csrf_token": token}).status_code == 404  # fmt: skip


def advice_text(app, session) -> str:  # noqa: ANN001
    visit = session.scalars(select(Visit)).one()
    result = advice.advise(session, visit)
    return " ".join(f"€ {m.eur_per_year}" for m in result.measures)


def test_catalogue_edits_that_would_contradict_the_letter_are_refused(session) -> None:  # noqa: ANN001
    catalogue.seed_all(session)
    data = catalogue.data()
    hybrid = next(e for e in data["measures"] if e["key"] == "hybrid_heat_pump")
    figures = {**hybrid, "heat_pump_kw": 60}  # ISDE € 14,750, above the investment
    assert "heat_pump_kw" in (catalogue_schema.measure_problem(figures, "hybrid_heat_pump",
                                                               set(data["sources"]), big=True) or "")  # fmt: skip
    solar = next(e for e in data["measures"] if e["key"] == "solar_pv")
    figures = {**solar, "panel": {**solar["panel"], "self_use_share": 0}}
    assert "self_use_share" in (catalogue_schema.measure_problem(figures, "solar_pv",
                                                                 set(data["sources"]), big=True) or "")  # fmt: skip


def test_an_asked_measure_already_done_is_answered(app, session) -> None:  # noqa: ANN001
    visit_result = _household(session, dwelling=DwellingType.TERRACED, year=1960,
                              tenure=Tenure.OWNER, gas=1200, kwh=2500, glazing=Glazing.DOUBLE,
                              interests=[("cavity_wall", Interest.INTERESTED)])  # fmt: skip
    visit = session.scalars(select(Visit)).one()
    visit.wall_insulated = True
    session.flush()
    result = advice.advise(session, visit)
    assert "cavity_wall" not in _by_key(result)
    assert [(n.key, n.reason) for n in result.not_suitable] == [
        ("cavity_wall", "already_insulated")
    ]
    text = _letter_text(app, session, visit, "nl")
    assert "de coach zag dat dit deel van uw huis al geïsoleerd is" in text
    assert visit_result.measures  # the rest of the advice stands


def test_an_english_tenant_gets_the_landlord_message_in_dutch_too(app, session) -> None:  # noqa: ANN001
    _household(session, dwelling=DwellingType.UPPER_FLOOR_FLAT, year=1975,
               tenure=Tenure.SOCIAL_RENT, landlord="Bo-Ex", gas=700, kwh=1500,
               glazing=Glazing.DOUBLE)  # fmt: skip
    visit = session.scalars(select(Visit)).one()
    text = _letter_text(app, session, visit, "en")
    assert "“Dear Bo-Ex, an energy coach visited our home" in text
    assert "The same in Dutch, for your landlord:" in text
    assert "“Beste Bo-Ex, een energiecoach is bij ons thuis geweest" in text
    dutch = _letter_text(app, session, visit, "nl")
    assert "Dezelfde tekst in het Nederlands" not in dutch  # once is enough in Dutch
    assert "Vraag een installateur om een offerte" not in dutch  # the landlord decides


def test_a_sent_letter_keeps_the_prices_it_went_out_with(app, client, session, make_user) -> None:  # noqa: ANN001
    from eteams.models import AdviceLetter
    from eteams.services import letters

    catalogue.seed_all(session)
    catalogue.add_price_book(session, _book(valid_from=date(2026, 11, 1)), actor_id=None)
    _household(session, dwelling=DwellingType.TERRACED, year=1960, tenure=Tenure.OWNER,
               gas=1200, kwh=2500, glazing=Glazing.DOUBLE,
               interests=[("cavity_wall", Interest.INTERESTED)])  # fmt: skip
    visit = session.scalars(select(Visit)).one()
    assert "€ 234" in _letter_text(app, session, visit, "nl")  # 180 m³ × € 1.30
    letter = session.scalars(select(AdviceLetter)).one()
    letter.sent_at = letter.created_at
    catalogue.add_price_book(session, _book(valid_from=date(2026, 11, 1),
                                            gas_eur_per_m3=Decimal("1.40")),
                             actor_id=None, correct=True)  # fmt: skip
    with app.app_context():
        again, _pdf = letters.letter_for(session, visit, "nl")
    assert again.id == letter.id and "€ 234" in _letter_text(app, session, visit, "nl")


def test_a_printed_letter_corrected_before_it_is_sent_gets_a_new_number(app, session) -> None:  # noqa: ANN001
    """Printed in the day's bundle but not yet marked as sent, the paper may be in an envelope:
    the corrected letter must not carry the same reference as the paper with the slip."""
    from eteams.models import AdviceLetter
    from eteams.services import letters

    catalogue.seed_all(session)
    catalogue.add_price_book(session, _book(valid_from=date(2026, 11, 1)), actor_id=None)
    _household(session, dwelling=DwellingType.TERRACED, year=1960, tenure=Tenure.OWNER,
               gas=1200, kwh=2500, glazing=Glazing.DOUBLE,
               interests=[("cavity_wall", Interest.INTERESTED)])  # fmt: skip
    visit = session.scalars(select(Visit)).one()
    assert "€ 234" in _letter_text(app, session, visit, "nl")  # 180 m³ × € 1.30
    with app.test_request_context():
        letters.day_bundle(session, visit.visited_at.date(), [visit], actor_id=None)
    printed = session.scalars(select(AdviceLetter)).one()
    assert printed.issued_at is not None and printed.sent_at is None
    catalogue.add_price_book(session, _book(valid_from=date(2026, 11, 1),
                                            gas_eur_per_m3=Decimal("1.40")),
                             actor_id=None, correct=True)  # fmt: skip
    assert "€ 252" in _letter_text(app, session, visit, "nl")  # 180 m³ × € 1.40
    first, second = session.scalars(select(AdviceLetter).order_by(AdviceLetter.id)).all()
    assert first.reference.endswith("-NL") and second.reference == first.reference + "-2"
    assert first.figures_snapshot["prices_fingerprint"] != second.figures_snapshot[
        "prices_fingerprint"]  # fmt: skip
    # Not printed yet, the new version is made again under its own number, not a third one.
    catalogue.add_price_book(session, _book(valid_from=date(2026, 11, 1),
                                            gas_eur_per_m3=Decimal("1.50")),
                             actor_id=None, correct=True)  # fmt: skip
    assert "€ 270" in _letter_text(app, session, visit, "nl")
    assert session.scalar(select(func.count(AdviceLetter.id))) == 2


def test_a_tenant_whose_hybrid_costs_more_is_not_sent_to_an_installer(app, session) -> None:  # noqa: ANN001
    catalogue.seed_all(session)
    catalogue.add_price_book(session, _book(valid_from=date(2026, 11, 1),
                                            electricity_eur_per_kwh=Decimal("0.80")),
                             actor_id=None)  # fmt: skip
    _household(session, dwelling=DwellingType.TERRACED, year=1960, tenure=Tenure.SOCIAL_RENT,
               gas=1000, kwh=2500, glazing=Glazing.DOUBLE,
               interests=[("hybrid_heat_pump", Interest.INTERESTED),
                          ("heat_pump", Interest.INTERESTED)])  # fmt: skip
    text = _letter_text(app, session, session.scalars(select(Visit)).one(), "nl")
    assert "meer dan het gas dat hij bespaart" in text
    assert (
        "installateur"
        not in text.split("Een bericht voor uw verhuurder")[0].split("Over elke stap")[-1]
    )
    message = text.split("Een bericht voor uw verhuurder")[1]
    assert "hybride warmtepomp" in message and "volledig elektrisch" not in message  # one at a time


def test_a_hybrid_home_of_unknown_gas_starts_from_what_a_hybrid_leaves(session) -> None:  # noqa: ANN001
    result = _household(session, dwelling=DwellingType.SEMI_DETACHED, year=1970,
                        tenure=Tenure.OWNER, gas=0, kwh=3000, heating=Heating.HYBRID_HEAT_PUMP,
                        glazing=Glazing.DOUBLE, interests=[("cavity_wall", Interest.INTERESTED)])  # fmt: skip
    # CBS's 1,670 m³ is a boiler home's; a hybrid saves 60 % of it: 668 m³ left.
    assert (result.gas_basis_m3, result.gas_basis_assumed) == (668, True)
    assert _by_key(result)["cavity_wall"].gas_m3_per_year == 167  # 25 % of 668


def test_a_detached_hybrid_home_of_unknown_gas_shows_no_gas_figures(app, session) -> None:  # noqa: ANN001
    result = _household(session, dwelling=DwellingType.DETACHED, year=1970, tenure=Tenure.OWNER,
                        gas=None, kwh=3000, heating=Heating.HYBRID_HEAT_PUMP,
                        glazing=Glazing.DOUBLE, interests=[("cavity_wall", Interest.INTERESTED)])  # fmt: skip
    assert _by_key(result)["cavity_wall"].gas_m3_per_year is None
    text = _letter_text(app, session, session.scalars(select(Visit)).one(), "nl")
    assert "Daarom konden we niet uitrekenen wat isoleren bespaart." in text


def test_a_heat_pump_home_is_not_compared_with_an_average_household(app, session) -> None:  # noqa: ANN001
    _household(session, dwelling=DwellingType.DETACHED, year=1960, tenure=Tenure.OWNER, gas=0,
               kwh=None, heating=Heating.HEAT_PUMP, glazing=Glazing.DOUBLE,
               interests=[("cavity_wall", Interest.INTERESTED), ("solar_pv", Interest.INTERESTED)])  # fmt: skip
    text = _letter_text(app, session, session.scalars(select(Visit)).one(), "nl")
    assert "een gewone woning zoals de uwe" not in text
    assert "Een huis met een warmtepomp gebruikt meer" in text
    assert "Uw huis wordt verwarmd met een warmtepomp. Isoleren bespaart dan stroom" in text
    assert "Wij rekenden met dubbel glas" not in text  # nothing was counted for the glass


def test_a_measure_correction_reaches_the_letters_not_yet_sent(app, session) -> None:  # noqa: ANN001
    """An admin fixes a slip in a measure's price (€ 11,000 for € 1,100): the day bundle's
    letters not yet sent show the corrected figure; a sent letter keeps what it said."""
    from eteams.models import AdviceLetter, Measure

    _household(session, dwelling=DwellingType.TERRACED, year=1960, tenure=Tenure.OWNER,
               gas=1200, kwh=2500, glazing=Glazing.DOUBLE,
               interests=[("cavity_wall", Interest.INTERESTED)])  # fmt: skip
    visit = session.scalars(select(Visit)).one()
    assert "€ 1.100" in _letter_text(app, session, visit, "nl")
    cavity = session.scalar(select(Measure).where(Measure.key == "cavity_wall"))
    variants = [{**v, "invest_min_eur": 1500, "invest_max_eur": 1500}
                if v.get("dwelling_types") == ["terraced"] else v
                for v in cavity.figures["variants"]]  # fmt: skip
    catalogue.save_measure(session, cavity, {"name_nl": cavity.name_nl, "name_en": cavity.name_en,
                                             "active": True, "figures": {**cavity.figures,
                                                                         "variants": variants}},
                           actor_id=None)  # fmt: skip
    remade = _letter_text(app, session, visit, "nl")
    assert "€ 1.500" in remade and "€ 1.100" not in remade
    letter = session.scalars(select(AdviceLetter)).one()
    letter.sent_at = letter.created_at  # sent: it stays as it went out
    cavity.figures = {**cavity.figures, "variants": [{**v, "invest_min_eur": 1700,
                                                      "invest_max_eur": 1700}
                                                     for v in cavity.figures["variants"]]}  # fmt: skip
    session.flush()
    assert "€ 1.500" in _letter_text(app, session, visit, "nl")
