"""The admin edits the catalogue: measures, financing, dated price books."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import func, select

from eteams.models import FinancingOption, Measure, PriceBook
from eteams.services import catalogue
from tests.conftest import login


def test_admin_edits_a_measure_and_empty_stays_empty(client, session, make_user) -> None:  # noqa: ANN001
    catalogue.seed_all(session)
    token = login(client, make_user("admin"))
    foil = session.scalar(select(Measure).where(Measure.key == "cavity_wall"))
    data = {"csrf_token": token, "name_nl": foil.name_nl, "name_en": foil.name_en, "unit": "per woning",
            "invest_min_eur": "1200", "invest_max_eur": "", "gas_m3_saved_per_year": "180", "active": "y"}  # fmt: skip
    assert client.post(f"/admin/catalogue/measures/{foil.id}", data=data).status_code == 302
    session.refresh(foil)
    assert foil.invest_min_eur == Decimal(1200) and foil.invest_max_eur is None
    bad = {**data, "invest_max_eur": "100"}
    html = client.post(f"/admin/catalogue/measures/{foil.id}", data=bad).get_data(as_text=True)
    assert "De hoogste investering kan niet lager zijn dan de laagste." in html


def test_price_books_are_added_by_date_never_changed(client, session, make_user) -> None:  # noqa: ANN001
    catalogue.seed_all(session)
    token = login(client, make_user("admin"))
    data = {
        "csrf_token": token,
        "valid_from": "2026-07-01",
        "gas_eur_per_m3": "1.38",
        "source": "CBS juli 2026",
    }
    assert client.post("/admin/catalogue/price-books", data=data).status_code == 302
    again = client.post("/admin/catalogue/price-books", data=data)
    assert (
        again.status_code == 422
        and "Er is al een prijslijst vanaf deze datum." in again.get_data(as_text=True)
    )
    assert session.scalar(select(func.count(PriceBook.id))) == 3  # two seeded, one added
    assert catalogue.price_book_on(session, date(2026, 8, 1)).gas_eur_per_m3 == Decimal("1.38")
    assert catalogue.price_book_on(session, date(2026, 6, 1)).gas_eur_per_m3 == Decimal("1.20")


def test_financing_rules_must_be_json(client, session, make_user) -> None:  # noqa: ANN001
    catalogue.seed_all(session)
    token = login(client, make_user("admin"))
    loan = session.scalar(
        select(FinancingOption).where(FinancingOption.key == "energiebespaarlening")
    )
    data = {
        "csrf_token": token,
        "name_nl": loan.name_nl,
        "name_en": loan.name_en,
        "rules": "{niet json",
        "active": "y",
    }
    assert client.post(f"/admin/catalogue/financing/{loan.id}", data=data).status_code == 200
    session.refresh(loan)
    assert loan.rules["max_eur"] == 27000
    ok = {**data, "rules": '{"owners_only": true, "min_eur": 1000, "max_eur": 28000}'}
    assert client.post(f"/admin/catalogue/financing/{loan.id}", data=ok).status_code == 302
    session.refresh(loan)
    assert loan.rules["max_eur"] == 28000


def test_seeding_twice_keeps_one_of_each(session) -> None:  # noqa: ANN001
    # Eight measures a household can do and five small ones; two dated price books.
    assert catalogue.seed_all(session) == {"measures": 13, "financing options": 4, "price books": 2}
    catalogue.seed_all(session)
    assert session.scalar(select(func.count(FinancingOption.id))) == 4
    assert session.scalar(select(func.count(PriceBook.id))) == 2
    assert session.scalar(select(func.count(Measure.id))) == 13


def test_admin_edits_the_figures_the_advice_reckons_with(client, session, make_user) -> None:  # noqa: ANN001
    import json

    catalogue.seed_all(session)
    token = login(client, make_user("admin"))
    wall = session.scalar(select(Measure).where(Measure.key == "cavity_wall"))
    page = client.get(f"/admin/catalogue/measures/{wall.id}").get_data(as_text=True)
    assert "mc_cavity_2024" in page  # the figures, with their source keys, are shown to edit
    figures = json.loads(json.dumps(wall.figures))
    figures["variants"][0]["gas_share"] = 0.2
    data = {"csrf_token": token, "name_nl": wall.name_nl, "name_en": wall.name_en, "active": "y",
            "figures": json.dumps({**figures, "variants": [{**figures["variants"][0], "source": "a blog"}]})}  # fmt: skip
    refused = client.post(f"/admin/catalogue/measures/{wall.id}", data=data)
    assert (
        refused.status_code == 200
        and "Elk cijfer heeft een bekende bron nodig." in refused.get_data(as_text=True)
    )
    session.refresh(wall)
    assert wall.figures["variants"][0]["gas_share"] == 0.15  # nothing changed
    data["figures"] = json.dumps(figures)
    assert client.post(f"/admin/catalogue/measures/{wall.id}", data=data).status_code == 302
    session.refresh(wall)
    assert wall.figures["variants"][0]["gas_share"] == 0.2


def test_a_bad_figures_edit_is_refused_and_letters_keep_working(client, session, make_user) -> None:  # noqa: ANN001
    """Review of issue 15: {} or a share of "abc" passed and then every letter answered 500."""
    import json

    catalogue.seed_all(session)
    token = login(client, make_user("admin"))
    wall = session.scalar(select(Measure).where(Measure.key == "cavity_wall"))
    good = json.loads(json.dumps(wall.figures))
    variant = good["variants"][0]
    for bad in ({}, {**good, "variants": []}, {**good, "step": "1"},
                {**good, "variants": [{**variant, "gas_share": "abc"}]},
                {**good, "variants": [{**variant, "gas_share": 1.5}]},
                {**good, "variants": [{**variant, "invest_min_eur": -100}]}):  # fmt: skip
        data = {"csrf_token": token, "name_nl": wall.name_nl, "name_en": wall.name_en,
                "active": "y", "figures": json.dumps(bad)}  # fmt: skip
        response = client.post(f"/admin/catalogue/measures/{wall.id}", data=data)
        assert response.status_code == 200, bad
        assert "Cijfers zijn getallen van 0 of meer" in response.get_data(as_text=True), bad
    session.refresh(wall)
    assert wall.figures == good
