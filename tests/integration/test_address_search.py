"""Finding a door when a resident calls (issue 17): "Damstraat 9", "3531 CA 12", part of a
street, across every campaign or within one, posted (an address never goes in a URL)."""

from __future__ import annotations

import pytest

from eteams.services import addresses
from tests import factories
from tests.conftest import login


@pytest.fixture
def doors(session):  # noqa: ANN001, ANN201
    north = factories.CampaignFactory(name="Noord")
    south = factories.CampaignFactory(name="Zuid")
    made = {
        "dam9": factories.AddressFactory(campaign=north, street="Damstraat", house_number=9,
                                         postcode="3531 AB"),
        "dam19": factories.AddressFactory(campaign=north, street="Damstraat", house_number=19,
                                          postcode="3531 AB"),
        "dam9_south": factories.AddressFactory(campaign=south, street="Damstraat", house_number=9,
                                               postcode="3532 XY"),
        "amsterdamse": factories.AddressFactory(campaign=south, street="Amsterdamsestraatweg",
                                                house_number=9, postcode="3551 CC"),
        "odd": factories.AddressFactory(campaign=south, street="100%_Straat <b>&", house_number=1,
                                        postcode="3551 CD"),
        "coen": factories.AddressFactory(campaign=south, street="J.P. Coenstraat", house_number=12,
                                         postcode="3531 EK"),
        "pieter": factories.AddressFactory(campaign=north, street="Sint-Pieterskerkhof",
                                           house_number=2, postcode="3511 EK"),
        "laan1945": factories.AddressFactory(campaign=north, street="Laan 1940-1945",
                                             house_number=12, postcode="3526 AA"),
        "oudelaan": factories.AddressFactory(campaign=north, street="Oude Laan", house_number=1945,
                                             house_number_addition="12", postcode="3526 AB"),
    }  # fmt: skip
    session.flush()
    return {"north": north, "south": south, **made}


def _search(client, token, q, campaign_id=None):  # noqa: ANN001, ANN202
    data = {"csrf_token": token, "q": q}
    if campaign_id:
        data["campaign_id"] = str(campaign_id)
    return client.post("/lead/search", data=data).get_data(as_text=True)


def _found(page: str) -> list[str]:
    import re

    return re.findall(r'href="/lead/addresses/(\d+)"', page)


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("Damstraat 9", {"dam9", "dam9_south"}),
        ("damstraat 9", {"dam9", "dam9_south"}),
        ("3531ab 9", {"dam9"}),
        ("3531 AB", {"dam9", "dam19"}),
        ("dam", {"dam9", "dam19", "dam9_south", "amsterdamse"}),
        ("Damstraat 9-2", {"dam9", "dam9_south"}),  # an addition typed: the number still finds
        ("100%_", {"odd"}),  # % and _ are letters here, not wildcards
        ("<b>&", {"odd"}),
        ("Nergensstraat 1", set()),
        ("J.P. Coenstraat 12", {"coen"}),  # as the BAG writes it
        ("JP Coenstraat 12", {"coen"}),  # as a resident says it
        ("j.p.coenstraat", {"coen"}),
        ("coen straat", {"coen"}),
        ("Coenstraat\u200b 12", {"coen"}),  # pasted from a mail with a zero-width space
        ("\ufeffDamstraat 19", {"dam19"}),
        ("sint pieterskerkhof 2", {"pieter"}),
        ("sintpieters", {"pieter"}),
        (". - '", set()),  # only what the search leaves out: nothing, not everything
        ("Laan 1940-1945 12", {"laan1945"}),  # a street whose name ends in a number
        ("Oude Laan 1945", {"oudelaan"}),
        ("Oude Laan 1945 12", {"oudelaan"}),  # no "Oude Laan 1945" street: 1945, addition 12
    ],
)
def test_a_lead_finds_a_door_as_it_is_typed(client, doors, make_user, q, expected) -> None:  # noqa: ANN001
    token = login(client, make_user("lead"))
    page = _search(client, token, q)
    assert set(_found(page)) == {str(doors[k].id) for k in expected}, q
    assert "<b>&" not in page.replace("&lt;b&gt;&amp;", "")  # typed text is shown escaped


def test_within_one_campaign_and_in_no_url(client, doors, make_user) -> None:  # noqa: ANN001
    token = login(client, make_user("lead"))
    page = client.get(f"/lead/campaigns/{doors['north'].id}").get_data(as_text=True)
    assert 'action="/lead/search"' in page and 'name="campaign_id"' in page
    found = _found(_search(client, token, "Damstraat 9", doors["north"].id))
    assert found == [str(doors["dam9"].id)]
    # A GET with the address in the URL searches nothing: the form is posted.
    page = client.get("/lead/search?q=Damstraat+9").get_data(as_text=True)
    assert _found(page) == [] and "Adres zoeken" in page
    start = client.get("/lead/").get_data(as_text=True)
    assert 'action="/lead/search"' in start


def test_an_empty_or_invisible_search_says_what_to_type(client, doors, make_user) -> None:  # noqa: ANN001
    token = login(client, make_user("lead"))
    for q in ("\u200b", ",", " , "):
        page = _search(client, token, q)
        assert _found(page) == [] and "Typ een straat, een huisnummer of een postcode." in page
    page = _search(client, token, "   ")  # nothing typed: the empty form
    assert _found(page) == [] and "Typ een straat" not in page


def test_a_coach_or_an_employer_cannot_search(client, doors, make_user) -> None:  # noqa: ANN001
    for role in ("coach", "employer"):
        other = client.application.test_client()
        token = login(other, make_user(role))
        response = other.post("/lead/search", data={"csrf_token": token, "q": "Damstraat"})
        assert response.status_code == 404


def test_the_parsing_of_a_search() -> None:
    assert addresses.parse_search("2e Daalsedijk 10") == addresses.Search("2e Daalsedijk", 10)
    assert addresses.parse_search("3531ca") == addresses.Search(postcode="3531 CA")
    assert addresses.parse_search("Oudegracht 104-2") == addresses.Search("Oudegracht", 104)
    assert addresses.parse_search("x" * 500).street == "x" * 200
