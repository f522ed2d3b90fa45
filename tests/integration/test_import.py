"""Address import with the CSV shapes real exports have: all rows or none."""

from __future__ import annotations

import io
from datetime import date

import pytest
from sqlalchemy import func, select

from eteams.models import Address, Campaign
from eteams.services import importing
from eteams.services.importing import ImportRejected
from tests.conftest import login

HEADER_NL = "Straat;Huisnummer;Huisletter;Toevoeging;Postcode;Woonplaats;Bouwjaar;Woningtype;Energielabel;Eigendom"


@pytest.fixture
def campaign(session) -> Campaign:  # noqa: ANN001
    """A campaign; service-level tests here also take ``in_app`` for Dutch messages."""
    campaign = Campaign(
        name="Kanaleneiland",
        municipality="Utrecht",
        starts_on=date(2026, 1, 1),
        ends_on=date(2026, 12, 31),
    )
    session.add(campaign)
    session.flush()
    return campaign


def _count(session, campaign) -> int:  # noqa: ANN001
    return session.scalar(select(func.count(Address.id)).where(Address.campaign_id == campaign.id))


def _addresses(session, campaign) -> list[Address]:  # noqa: ANN001
    return list(
        session.scalars(
            select(Address).where(Address.campaign_id == campaign.id).order_by(Address.id)
        )
    )


def test_excel_export_with_semicolons_bom_blank_lines_and_spaces(session, campaign) -> None:  # noqa: ANN001
    text = "\r\n".join(
        [
            HEADER_NL,
            "Marshalllaan ;12;;;3527ab ;Utrecht;1962;portiekflat;D;huur",
            "",
            "Marshalllaan;12;;2;3527 AB;Utrecht;1962;portiekflat;d;huur",
            " Columbuslaan;7;A;;3526 EK;Utrecht;1958;tussenwoning;E;koop ",
            ";;;;;;;;;",
            "",
        ]
    )
    result = importing.import_addresses(
        session, campaign, b"\xef\xbb\xbf" + text.encode("utf-8"), actor_id=None
    )
    assert result.imported == 3 and result.duplicates == []
    first, second, third = _addresses(session, campaign)
    assert (first.street, first.house_number, first.postcode) == ("Marshalllaan", 12, "3527 AB")
    assert second.house_number_addition == "2"
    assert first.entrance_key == second.entrance_key == "3527 AB 12"  # flats share an entrance
    assert third.entrance_key is None
    assert (third.house_letter, third.tenure.value, third.dwelling_type.value) == (
        "A",
        "owner",
        "terraced",
    )
    assert (first.energy_label.value, first.tenure.value, first.dwelling_type.value) == (
        "D",
        "social_rent",
        "apartment",
    )
    assert first.building_year == 1962


def test_windows_1252_keeps_accents(session, campaign) -> None:  # noqa: ANN001
    text = "straat,huisnummer,postcode,plaats\nReüniestraat,3,3531 CA,Utrecht\nCafépad,1,3531 CB,Utrecht\n"
    result = importing.import_addresses(session, campaign, text.encode("cp1252"), actor_id=None)
    assert result.imported == 2
    assert [a.street for a in _addresses(session, campaign)] == ["Reüniestraat", "Cafépad"]


def test_english_headers_and_comma_decimal_coordinates(session, campaign) -> None:  # noqa: ANN001
    text = (
        'street,number,postcode,city,lat,lon\nKanaalstraat,12,3531CA,Utrecht,"52,09147","5,10254"\n'
    )
    importing.import_addresses(session, campaign, text.encode(), actor_id=None)
    address = _addresses(session, campaign)[0]
    assert (address.lat, address.lon, address.geocode_source) == (52.09147, 5.10254, "import")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("12A", (12, "A", "")),
        ("12-3", (12, "", "3")),
        ("12 bis", (12, "", "BIS")),
        ("12a-2", (12, "A", "2")),
        (" 7 ", (7, "", "")),
    ],
)
def test_house_numbers_are_split(session, campaign, cell, expected) -> None:  # noqa: ANN001
    text = f"straat;huisnummer;postcode;woonplaats\nDamstraat;{cell};3531 EA;Utrecht\n"
    importing.import_addresses(session, campaign, text.encode(), actor_id=None)
    a = _addresses(session, campaign)[0]
    assert (a.house_number, a.house_letter, a.house_number_addition) == expected


def test_duplicates_in_file_and_campaign_are_reported_not_imported(
    in_app, session, campaign
) -> None:  # noqa: ANN001
    first = "straat;huisnummer;postcode;woonplaats\nDamstraat;3;3531 EA;Utrecht\n"
    importing.import_addresses(session, campaign, first.encode(), actor_id=None)
    text = "straat;huisnummer;postcode;woonplaats\nDamstraat;3;3531 EA;Utrecht\nDamstraat;5;3531 EA;Utrecht\ndamstraat;5;3531ea;Utrecht\n"
    result = importing.import_addresses(session, campaign, text.encode(), actor_id=None)
    assert result.imported == 1
    assert [(d.row, d.messages) for d in result.duplicates] == [
        (2, ["Al in deze campagne."]),
        (4, ["Zelfde adres als rij 3."]),
    ]
    assert _count(session, campaign) == 2


def test_one_bad_row_rejects_the_file_and_changes_nothing(in_app, session, campaign) -> None:  # noqa: ANN001
    text = "\n".join(
        [
            "straat;huisnummer;postcode;woonplaats;bouwjaar",
            "Damstraat;3;3531 EA;Utrecht;1910",
            "Damstraat;drie;3531 EA;Utrecht;1910",
            "Damstraat;5;35311;Utrecht;1910",
            "Damstraat;7;3531 EA;;negentienhonderd",
        ]
    )
    with pytest.raises(ImportRejected) as rejected:
        importing.import_addresses(session, campaign, text.encode(), actor_id=None)
    rows = {p.row: p.messages for p in rejected.value.problems}
    assert set(rows) == {3, 4, 5}
    assert rows[3] == ["'drie' is geen huisnummer."]
    assert "geen Nederlandse postcode" in rows[4][0]
    assert len(rows[5]) == 2  # empty city and a nonsense building year
    assert _count(session, campaign) == 0


def test_missing_column_is_named(in_app, session, campaign) -> None:  # noqa: ANN001
    text = "straat;huisnummer;woonplaats\nDamstraat;3;Utrecht\n"
    with pytest.raises(ImportRejected) as rejected:
        importing.import_addresses(session, campaign, text.encode(), actor_id=None)
    assert rejected.value.file_problems == ["De kolom voor 'Postcode' ontbreekt."]
    assert _count(session, campaign) == 0


def test_swapped_coordinates_are_caught(in_app, session, campaign) -> None:  # noqa: ANN001
    text = "straat;huisnummer;postcode;woonplaats;lat;lon\nDamstraat;3;3531 EA;Utrecht;5.10;52.09\n"
    with pytest.raises(ImportRejected) as rejected:
        importing.import_addresses(session, campaign, text.encode(), actor_id=None)
    assert "buiten Nederland" in rejected.value.problems[0].messages[0]


def test_a_street_too_long_for_the_column_is_refused_not_cut(in_app, session, campaign) -> None:  # noqa: ANN001
    """Issue 14 review: a 300-character street was cut to 200 without a word."""
    long = "Straat" + "x" * 195  # 201 characters
    text = f"straat;huisnummer;postcode;woonplaats\nDamstraat;3;3531 EA;Utrecht\n{long};4;3531 EA;Utrecht\n"
    with pytest.raises(ImportRejected) as rejected:
        importing.import_addresses(session, campaign, text.encode(), actor_id=None)
    [problem] = rejected.value.problems
    assert problem.row == 3
    assert problem.messages == ["'Straat' is langer dan 200 tekens."]
    assert _count(session, campaign) == 0
    fits = text.replace(long, long[:200])
    assert importing.import_addresses(session, campaign, fits.encode(), actor_id=None).imported == 2


def test_not_a_text_file_and_empty_file(in_app, session, campaign) -> None:  # noqa: ANN001
    with pytest.raises(ImportRejected) as rejected:
        importing.import_addresses(session, campaign, b"", actor_id=None)
    assert rejected.value.file_problems == ["Het bestand is leeg."]
    with pytest.raises(ImportRejected):
        importing.import_addresses(session, campaign, b"\x81\x8d\x8f\x90\x9d" * 10, actor_id=None)


def test_mapping_chosen_by_the_lead_overrides_the_guess(session, campaign) -> None:  # noqa: ANN001
    text = "a;b;c;d\nDamstraat;3;3531 EA;Utrecht\n"
    mapping = dict.fromkeys(importing.FIELDS)
    mapping.update(street=0, house_number=1, postcode=2, city=3)
    assert (
        importing.import_addresses(
            session, campaign, text.encode(), mapping, actor_id=None
        ).imported
        == 1
    )


def _big_file(rows: int) -> bytes:
    out = io.StringIO()
    out.write("Straat;Huisnummer;Postcode;Woonplaats;Bouwjaar;Woningtype\r\n")
    letters = "ABCDEGHJKLMN"
    for i in range(rows):
        postcode = f"35{i // 2000:02d} {letters[(i // 200) % 12]}{letters[(i // 17) % 12]}"
        out.write(
            f"Straat {i // 200};{i % 200 + 1};{postcode};Utrecht;{1900 + i % 120};tussenwoning\r\n"
        )
    return out.getvalue().encode("utf-8")


def test_fifty_thousand_rows(session, campaign) -> None:  # noqa: ANN001
    result = importing.import_addresses(session, campaign, _big_file(50_000), actor_id=None)
    assert result.imported + len(result.duplicates) == 50_000
    assert _count(session, campaign) == result.imported


def test_api_upload_imports_and_rejects_with_rows(client, session, campaign, make_user) -> None:  # noqa: ANN001
    headers = {"X-CSRFToken": login(client, make_user("lead"))}
    good = b"straat;huisnummer;postcode;woonplaats\nDamstraat;3;3531 EA;Utrecht\n"
    response = client.post(
        f"/api/v1/campaigns/{campaign.id}/addresses",
        data={"file": (io.BytesIO(good), "a.csv")},
        headers=headers,
    )
    assert response.status_code == 201, response.json
    assert response.json == {"imported": 1, "duplicates": []}
    bad = b"straat;huisnummer;postcode;woonplaats\nDamstraat;5;XX;Utrecht\n"
    response = client.post(
        f"/api/v1/campaigns/{campaign.id}/addresses",
        data={"file": (io.BytesIO(bad), "b.csv")},
        headers=headers,
    )
    assert response.status_code == 422
    assert response.json["error"] == "import_rejected"
    assert response.json["rows"][0]["row"] == 2
    assert _count(session, campaign) == 1
    missing = client.post(f"/api/v1/campaigns/{campaign.id}/addresses", data={}, headers=headers)
    assert missing.status_code == 422 and "file" in missing.json["fields"]


def test_cli_import_addresses(app, session, campaign, tmp_path) -> None:  # noqa: ANN001
    good = tmp_path / "good.csv"
    good.write_text(
        "straat;huisnummer;postcode;woonplaats\nDamstraat;3;3531 EA;Utrecht\nDamstraat;3;3531 EA;Utrecht\n"
    )
    result = app.test_cli_runner().invoke(
        args=["import-addresses", str(good), "--campaign", "Kanaleneiland"]
    )
    assert result.exit_code == 0, result.output
    assert "imported 1 addresses, skipped 1 duplicates" in result.output
    bad = tmp_path / "bad.csv"
    bad.write_text("straat;huisnummer;woonplaats\nDamstraat;3;Utrecht\n")
    result = app.test_cli_runner().invoke(
        args=["import-addresses", str(bad), "--campaign", "Kanaleneiland"]
    )
    assert result.exit_code != 0
    assert result.output.strip().splitlines()[-1].startswith("Error: nothing imported")
    unknown = app.test_cli_runner().invoke(
        args=["import-addresses", str(good), "--campaign", "Nope"]
    )
    assert unknown.exit_code != 0 and "no campaign" in unknown.output
