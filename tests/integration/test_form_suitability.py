"""The forms offer only the measures that fit the home, by the advice's own check (issue 15:
the coach's form offered cavity-wall insulation for a flat built in 1910)."""

from __future__ import annotations

import json
import re

from eteams.services import advice, catalogue
from tests import factories
from tests.conftest import login

KEYS = ("cavity_wall", "roof", "floor", "glazing", "ventilation", "hybrid_heat_pump",
        "heat_pump", "solar_pv")  # fmt: skip


def test_the_forms_rule_is_the_advices_check() -> None:
    # Built before 1920: walls were built solid, no cavity to fill; 1920–1929: check first;
    # from 1992 insulated when built (the advice's _fit).
    assert not advice.fits_home("cavity_wall", "upper_floor_flat", (1910, 1910))
    assert advice.fits_home("cavity_wall", "upper_floor_flat", (1925, 1925))
    assert not advice.fits_home("cavity_wall", "terraced", (1995, 1995))
    # "Before 1945" alone does not tell: a specialist checks (it stays offered).
    assert advice.fits_home("cavity_wall", "upper_floor_flat", (None, 1944))
    assert not advice.fits_home("roof", "ground_floor_flat", (None, None))
    assert not advice.fits_home("floor", "upper_floor_flat", (None, None))
    # The address's year counts when it lies in the period chosen, else the period does.
    assert advice.house_years(1910, "before_1945") == (1910, 1910)
    assert advice.house_years(1910, "1945_1964") == (1945, 1964)
    assert advice.house_years(None, "") == (None, None)
    table = advice.form_suitability(KEYS)
    assert table["years"]["upper_floor_flat"][:2] == [
        [1800, ["cavity_wall", "floor"]], [1920, ["floor"]]]  # fmt: skip
    assert table["classes"]["ground_floor_flat"]["1945_1964"] == ["roof", "solar_pv"]
    assert table["classes"][""][""] == []  # nothing known: everything offered


def test_the_coach_page_carries_the_table_and_marks_each_measure(
    client, session, make_user
) -> None:  # noqa: ANN001
    catalogue.seed_all(session)
    login(client, make_user("coach", employee=factories.EmployeeFactory()))
    html = client.get("/coach/").get_data(as_text=True)
    found = re.search(r'<script type="application/json" id="coach-suitability">(.*?)</script>',
                      html, re.S)  # fmt: skip
    table = json.loads(found.group(1))
    assert [1800, ["cavity_wall", "floor"]] in table["years"]["upper_floor_flat"]
    assert 'data-measure="cavity_wall"' in html and "data-never-for" not in html
    assert "/static/js/suitability.js" in html
