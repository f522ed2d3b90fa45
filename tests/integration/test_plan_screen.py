"""The planning screen for a whole day, used through its own forms as a browser posts them:
the overview and filters, doors ticked and moved into a full list (warning beside that list,
"move anyway" keeps them), swapped, taken off, put back from the unplanned, reordered; the
day's lists published and locked at once; a stale page changes nothing."""

from __future__ import annotations

import re
from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest
from markupsafe import escape

from eteams.models.enums import WalkListStatus
from eteams.services import planning
from eteams.services.list_colours import list_colour
from tests import factories, hostile
from tests.conftest import frozen, login
from tests.html_forms import HtmlForm, post_forms
from tests.integration.test_planning import DAY, _door, _team_on_shift


@pytest.fixture
def day(session):  # noqa: ANN001, ANN201
    """Two full lists of 24 (3 hours at 8 doors an hour) and 12 doors left over."""
    campaign = factories.CampaignFactory()
    for n in range(60):
        _door(campaign, n)
    _team_on_shift(session)
    _team_on_shift(session, lat=52.0915, lon=5.1040)
    outcome = planning.plan_day(session, campaign, DAY, doors_per_hour=8, seconds=1, actor_id=None)
    session.flush()
    first, second = outcome.walk_lists
    return campaign, first, second, outcome.unplanned


def _url(campaign, query: str = "") -> str:  # noqa: ANN001
    return f"/lead/campaigns/{campaign.id}/plan?date={DAY.isoformat()}{query}"


def _ids(walk_list) -> list[int]:  # noqa: ANN001
    return [s.address_id for s in walk_list.stops]


def _doors_form(html: str) -> HtmlForm:
    return next(f for f in post_forms(html) if f.action.endswith("/plan/doors"))


def _act(client, html: str, ticked: list[str], action: str, to_list: int | None = None):  # noqa: ANN001, ANN202
    form = _doors_form(html)
    data = form.data()
    data["door"] = ticked
    data["action"] = [action]
    if to_list is not None:
        data["to_list"] = [str(to_list)]
    return client.post(form.action, data=data)


def _beside(html: str, walk_list_id: int) -> str:
    """The error block shown inside that list's section."""
    found = re.search(rf'id="list-{walk_list_id}-error">(.*?)</div>', html, re.S)
    return found.group(1) if found else ""


def test_a_door_into_a_full_list_warns_beside_it_and_moves_when_the_lead_says_so(
    client, session, make_user, day
) -> None:  # noqa: ANN001
    campaign, first, second, _unplanned = day
    login(client, make_user("lead"))
    page = client.get(_url(campaign)).get_data(as_text=True)
    door = _ids(first)[3]
    refused = _act(client, page, [f"{first.id}:{door}"], "move", second.id)
    assert refused.status_code == 422
    html = refused.get_data(as_text=True)
    warning = _beside(html, second.id)
    assert "25 deuren: 1 meer dan de 24" in warning and "Toch verplaatsen" in warning
    assert f'value="{first.id}:{door}" id="d{first.id}-{door}" checked' in html  # still ticked
    session.expire_all()
    assert door in _ids(first) and len(second.stops) == 24  # nothing changed
    moved = _act(client, html, [f"{first.id}:{door}"], "move-anyway", second.id)
    assert moved.status_code == 303 and moved.headers["Location"].endswith(f"#list-{second.id}")
    session.expire_all()
    assert door not in _ids(first) and door in _ids(second)
    page = client.get(moved.headers["Location"]).get_data(as_text=True)
    assert "1 deur verplaatst." in page
    assert "25 / 24" in page and "1 deur meer dan past" in page  # the overview says so


def test_two_doors_swap_between_lists_and_one_comes_from_the_unplanned(
    client, session, make_user, day
) -> None:  # noqa: ANN001
    campaign, first, second, unplanned = day
    login(client, make_user("lead"))
    a, b = _ids(first)[2], _ids(second)[5]
    page = client.get(_url(campaign)).get_data(as_text=True)
    assert _act(client, page, [f"{first.id}:{a}", f"{second.id}:{b}"], "swap").status_code == 303
    session.expire_all()
    assert _ids(first)[2] == b and _ids(second)[5] == a
    spare = unplanned[0]
    page = client.get(_url(campaign)).get_data(as_text=True)
    assert f'value="0:{spare}"' in page  # the unplanned doors can be ticked
    _act(client, page, [f"{first.id}:{b}", f"0:{spare}"], "swap")
    session.expire_all()
    assert _ids(first)[2] == spare and b not in _ids(first) and len(first.stops) == 24
    page = client.get(_url(campaign)).get_data(as_text=True)
    one = _act(client, page, [f"{first.id}:{spare}"], "swap")
    assert one.status_code == 422 and "precies twee deuren" in one.get_data(as_text=True)


def test_doors_go_to_the_unplanned_and_back_onto_a_list(client, session, make_user, day) -> None:  # noqa: ANN001
    campaign, first, second, unplanned = day
    login(client, make_user("lead"))
    page = client.get(_url(campaign)).get_data(as_text=True)
    gone = [_ids(first)[0], _ids(second)[0]]
    response = _act(client, page, [f"{first.id}:{gone[0]}", f"{second.id}:{gone[1]}"], "remove")
    assert response.status_code == 303
    session.expire_all()
    assert (len(first.stops), len(second.stops)) == (23, 23)
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "2 deuren van hun lijst gehaald." in page
    assert all(f'value="0:{g}"' in page for g in gone)  # now among the unplanned
    spare = unplanned[0]
    _act(client, page, [f"0:{spare}"], "move", first.id)
    session.expire_all()
    assert spare in _ids(first) and len(first.stops) == 24  # room again: no warning


def test_ticked_doors_move_up_and_down_and_a_drag_reorders(client, session, make_user, day) -> None:  # noqa: ANN001
    campaign, first, _second, _unplanned = day
    login(client, make_user("lead"))
    order = _ids(first)
    page = client.get(_url(campaign)).get_data(as_text=True)
    _act(client, page, [f"{first.id}:{order[2]}", f"{first.id}:{order[3]}"], "up")
    session.expire_all()
    assert _ids(first)[:4] == [order[0], order[2], order[3], order[1]]  # moved as a block
    page = client.get(_url(campaign)).get_data(as_text=True)
    version = first.version
    stays = _act(client, page, [f"{first.id}:{order[0]}"], "up")  # the first stays first
    assert stays.status_code == 422  # and the lead is told so, beside the list
    assert "die deur staat al bovenaan zijn lijst" in _beside(stays.get_data(as_text=True),
                                                               first.id)  # fmt: skip
    session.expire_all()
    assert _ids(first)[0] == order[0] and first.version == version
    dragged = list(reversed(_ids(first)))
    page = client.get(_url(campaign)).get_data(as_text=True)
    form = _doors_form(page).data()
    form.update(door=[f"{first.id}:{dragged[0]}"], action=["order"],
                order=[",".join(map(str, dragged))])  # fmt: skip
    assert client.post(_doors_form(page).action, data=form).status_code == 303
    session.expire_all()
    assert _ids(first) == dragged


def test_a_stale_page_or_a_locked_list_changes_nothing(client, session, make_user, day) -> None:  # noqa: ANN001
    campaign, first, second, _unplanned = day
    login(client, make_user("lead"))
    page = client.get(_url(campaign)).get_data(as_text=True)
    door = _ids(first)[0]
    _act(client, page, [f"{first.id}:{_ids(first)[1]}"], "up")  # the list changes meanwhile
    stale = _act(client, page, [f"{first.id}:{door}"], "remove")
    assert stale.status_code == 409
    assert "intussen gewijzigd" in _beside(stale.get_data(as_text=True), first.id)
    session.expire_all()
    assert door in _ids(first) and len(first.stops) == 24
    page = client.get(_url(campaign)).get_data(as_text=True)
    lock = next(f for f in post_forms(page) if f.action.endswith("/plan/doors")).data()
    lock["action"] = ["lock"]
    client.post(f"/lead/walklists/{second.id}/change", data=lock)  # the list's own button
    session.expire_all()
    assert second.locked
    page = client.get(_url(campaign)).get_data(as_text=True)
    assert f'id="d{second.id}-{_ids(second)[0]}" disabled' in page  # nothing to tick
    refused = _act(client, page, [f"{first.id}:{door}"], "move-anyway", second.id)
    assert refused.status_code == 422 and "staat vast" in _beside(
        refused.get_data(as_text=True), second.id
    )
    nothing = _act(client, page, [], "move", first.id)
    assert nothing.status_code == 422 and "Vink eerst een of meer deuren aan." in nothing.get_data(
        as_text=True
    )
    session.expire_all()
    assert door in _ids(first) and len(second.stops) == 24


def test_the_days_lists_publish_and_lock_at_once_also_filtered(
    client, session, make_user, day
) -> None:  # noqa: ANN001
    campaign, first, second, _unplanned = day
    login(client, make_user("lead"))
    page = client.get(_url(campaign)).get_data(as_text=True)
    assert "2 looproutes op deze dag" in page
    every = next(f for f in post_forms(page) if f.action.endswith("/plan/all")).data()
    every["action"] = ["publish"]
    response = client.post(f"/lead/campaigns/{campaign.id}/plan/all", data=every)
    assert response.status_code == 303
    session.expire_all()
    assert first.status is second.status is WalkListStatus.PUBLISHED
    assert "2 lijsten gepubliceerd: de teams zien ze." in client.get(
        response.headers["Location"]
    ).get_data(as_text=True)
    team = first.shift.team.name
    page = client.get(_url(campaign, f"&team={team}")).get_data(as_text=True)
    assert "1 van de 2 looproutes getoond" in page
    shown = next(f for f in post_forms(page) if f.action.endswith("/plan/all")).data()
    shown["action"] = ["lock"]
    locked = client.post(f"/lead/campaigns/{campaign.id}/plan/all", data=shown)
    assert "1 lijst vergrendeld." in client.get(locked.headers["Location"]).get_data(as_text=True)
    assert re.search(r'<td class="num">\d+,\d</td>', page)  # km the Dutch way
    assert not re.search(r"\d\.\d km", page)
    session.expire_all()
    assert first.locked and not second.locked  # only the list the filter showed


def test_filters_show_the_lists_to_look_at(client, session, make_user, day) -> None:  # noqa: ANN001
    campaign, first, second, _unplanned = day
    first.shift.meeting_lat = first.shift.meeting_lon = None
    session.flush()
    login(client, make_user("lead"))
    page = client.get(_url(campaign, "&state=problems")).get_data(as_text=True)
    assert f'id="list-{first.id}"' in page and f'id="list-{second.id}"' not in page
    assert "Geen verzamelpunt op de kaart" in page
    page = client.get(_url(campaign, "&state=published")).get_data(as_text=True)
    assert "Geen lijst past bij het filter." in page
    odd = client.get(_url(campaign, "&state=%3Cb%3E&team=" + "x" * 300))
    assert odd.status_code == 200  # an unknown state is no filter, a long name finds nothing
    assert "Geen lijst past bij het filter." in odd.get_data(as_text=True)


@pytest.mark.parametrize("name", hostile.LITERAL[:8])
def test_hostile_team_names_show_as_text_in_the_overview_and_the_move_list(
    client, session, make_user, day, name
) -> None:  # noqa: ANN001
    campaign, first, _second, _unplanned = day
    first.shift.team.name = name
    session.flush()
    login(client, make_user("lead"))
    response = client.get(_url(campaign))
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert html.count(str(escape(name))) >= 3  # overview, its list, the move-to choice
    main = html.split('id="main"', 1)[1]
    if "<" in name and len(name) > 2:
        assert name not in main  # markup never reaches the page as markup


def test_the_map_gets_a_distinct_colour_per_list_and_the_unplanned_doors(
    client, session, make_user, day
) -> None:  # noqa: ANN001
    campaign, first, second, unplanned = day
    login(client, make_user("lead"))
    data = client.get(f"/lead/campaigns/{campaign.id}/plan.json?date={DAY.isoformat()}").json
    assert [wl["colour"] for wl in data["lists"]] == [list_colour(1), list_colour(2)]
    assert data["lists"][0]["start"] == [first.shift.meeting_lat, first.shift.meeting_lon]
    assert {d["address_id"] for d in data["unplanned"]} == set(unplanned)
    assert len({list_colour(n) for n in range(1, 41)}) == 40


def test_the_start_page_and_the_schedule_show_every_teams_lists(
    client, session, make_user, day
) -> None:  # noqa: ANN001
    """A lead who leads none of these teams still sees the day's lists of every team from the
    start page (the planning screen covers all teams too), and the schedule says per shift
    whether it has a list, how many doors and whether it is published."""
    campaign, first, second, _unplanned = day
    lead = make_user("lead")
    factories.TeamFactory(lead_user_id=lead.id)  # their own team has no shift that day
    first.shift.team.lead_user_id = second.shift.team.lead_user_id = lead.id
    first.status = WalkListStatus.PUBLISHED
    session.flush()
    with frozen(datetime.combine(DAY, time(8), tzinfo=ZoneInfo("Europe/Amsterdam"))):
        login(client, lead)
        home = client.get("/lead/").get_data(as_text=True)
        schedule = client.get(f"/lead/schedule?week={DAY.isoformat()}").get_data(as_text=True)
    today = re.search(r'id="campaigns-today-title".*?</table>', home, re.S).group(0)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", today)
    assert str(escape(campaign.name)) in cells[0] and f"date={DAY.isoformat()}" in cells[0]
    assert cells[1:] == ["2", "1", "1", "48", "0"]  # lists, published, drafts, planned, done
    assert "24 deuren · gepubliceerd" in schedule and "24 deuren · concept" in schedule


def test_a_done_list_says_so_and_the_changed_list_comes_back_open(
    client, session, make_user, day
) -> None:  # noqa: ANN001
    campaign, first, second, _unplanned = day
    second.status = WalkListStatus.DONE
    session.flush()
    login(client, make_user("lead"))
    page = client.get(_url(campaign)).get_data(as_text=True)
    section = page[page.index(f'id="list-{second.id}"') :]
    section = section[: section.index("</details>")]
    assert f'id="d{second.id}-{_ids(second)[0]}" disabled' in section  # nothing to tick
    assert "Vergrendelen" not in section  # and no lock to offer
    door = _ids(first)[0]
    refused = _act(client, page, [f"{first.id}:{door}"], "move-anyway", second.id)
    assert "Die looproute is afgerond" in _beside(refused.get_data(as_text=True), second.id)
    moved = _act(client, page, [f"{first.id}:{_ids(first)[1]}"], "up")
    assert f"open={first.id}" in moved.headers["Location"]
    shown = client.get(moved.headers["Location"]).get_data(as_text=True)
    assert (
        f'<details class="panel walk-list" id="list-{first.id}" data-id="{first.id}" open>' in shown
    )


def _sheets_job(client, page: str):  # noqa: ANN001, ANN202
    """Press "every walk sheet" on the page (the day's form with its filter): the job's page."""
    form = next(f for f in post_forms(page) if f.action.endswith("/plan/all"))
    button = re.search(r'formaction="([^"]+/sheets)"', page).group(1)
    answer = client.post(button, data=form.data())
    assert answer.status_code in (302, 303) and "/lead/jobs/" in answer.headers["Location"]
    return answer.headers["Location"]


def test_every_walk_sheet_of_the_day_is_a_job_with_the_filtered_lists(
    app, client, session, make_user, day
) -> None:  # noqa: ANN001
    import io

    from pypdf import PdfReader

    campaign, first, second, _unplanned = day
    login(client, make_user("lead"))
    job_url = _sheets_job(client, client.get(_url(campaign)).get_data(as_text=True))
    job_page = client.get(job_url).get_data(as_text=True)
    assert f"De looproutes van {DAY.day} " in job_page  # the date as Dutch writes it, not ISO
    assert "2 looproutes in de pdf." in job_page and "Pdf downloaden" in job_page
    pdf = client.get(f"{job_url}/result.pdf")
    assert pdf.mimetype == "application/pdf"
    assert f"looproutes-{DAY.isoformat()}-{campaign.id}.pdf" in pdf.headers["Content-Disposition"]
    text = [p.extract_text() for p in PdfReader(io.BytesIO(pdf.data)).pages]
    assert any(first.shift.team.name in t for t in text)
    assert any(second.shift.team.name in t for t in text)

    # Filtered to one team, the file holds that team's sheet only.
    team = first.shift.team.name
    page = client.get(_url(campaign, f"&team={team}")).get_data(as_text=True)
    assert "Alle getoonde looproutes (PDF)" in page
    job_url = _sheets_job(client, page)
    assert "1 looproute in de pdf." in client.get(job_url).get_data(as_text=True)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(
        client.get(f"{job_url}/result.pdf").data)).pages)  # fmt: skip
    assert team in text and second.shift.team.name not in text

    # A coach reaches neither the button's address nor the file.
    other = app.test_client()
    token = login(other, make_user("coach"))
    refused = other.post(f"/lead/campaigns/{campaign.id}/plan/{DAY.isoformat()}/sheets",
                         data={"csrf_token": token})  # fmt: skip
    assert refused.status_code in (403, 404)
    assert other.get(f"{job_url}/result.pdf").status_code == 404


def test_a_walk_sheet_job_leaves_out_lists_removed_meanwhile_and_fails_when_none_is_left(
    app, session, day
) -> None:  # noqa: ANN001
    from eteams.models import Job
    from eteams.models.enums import JobKind
    from eteams.services import job_work, jobs

    campaign, first, second, _unplanned = day
    job, _created = jobs.submit(session, JobKind.WALK_SHEETS, campaign_id=campaign.id, day=DAY,
                                params={"list_ids": [second.id, first.id, 987654]},
                                actor_id=None)  # fmt: skip
    session.flush()
    with app.test_request_context():  # the sheet's text is translated, as in the worker
        job_work.run(session, job, app.config)
    assert job.summary == {"sheets": 2, "left_out": 1}
    assert job.result.startswith(b"%PDF")
    lonely = Job(kind=JobKind.WALK_SHEETS, scope="x", campaign_id=campaign.id, day=DAY,
                 params={"list_ids": [987654]})  # fmt: skip
    with pytest.raises(job_work.JobGone), app.test_request_context():
        job_work.run(session, lonely, app.config)


def test_no_lists_to_print_says_so_on_the_plan(client, session, make_user, day) -> None:  # noqa: ANN001
    campaign, _first, _second, _unplanned = day
    token = login(client, make_user("lead"))
    answer = client.post(f"/lead/campaigns/{campaign.id}/plan/{DAY.isoformat()}/sheets",
                         data={"csrf_token": token, "team": "nobody like this"})  # fmt: skip
    assert answer.status_code in (302, 303) and "/plan" in answer.headers["Location"]
    page = client.get(answer.headers["Location"]).get_data(as_text=True)
    assert "Er is op deze dag geen looproute om af te drukken." in page


def test_planning_says_apart_which_doors_lack_coordinates_and_which_did_not_fit(
    client, session, make_user
) -> None:  # noqa: ANN001
    campaign = factories.CampaignFactory()
    for n in range(30):  # 24 fit in one 3-hour shift at 8 an hour; 6 do not
        _door(campaign, n)
    for n in range(30, 33):  # typed in by hand, not geocoded yet
        _door(campaign, n, lat=None, lon=None)
    shift = _team_on_shift(session)
    token = login(client, make_user("lead"))
    answer = client.post(f"/lead/campaigns/{campaign.id}/plan", data={
        "csrf_token": token, "date": DAY.isoformat(), "shift_ids": [shift.id],
        "doors_per_hour": "8"})  # fmt: skip
    page = client.get(answer.headers["Location"]).get_data(as_text=True)
    assert "1 looproute gepland." in page
    assert "6 deuren pasten er niet meer in." in page
    assert "3 deuren hebben nog geen coördinaten en konden niet worden ingepland." in page


def test_a_day_in_the_past_is_planned_with_a_warning(app, client, session, make_user, day) -> None:  # noqa: ANN001
    campaign, lead = day[0], make_user("lead")
    warning = "Deze dag is voorbij."
    with frozen(datetime.combine(DAY, time(23, 59), ZoneInfo("Europe/Amsterdam"))):
        login(client, lead)
        page = client.get(_url(campaign)).get_data(as_text=True)
        assert "Plan walk lists" not in page and warning not in page
    with frozen(datetime.combine(DAY.replace(day=DAY.day + 1), time(0, 1),
                                 ZoneInfo("Europe/Amsterdam"))):  # fmt: skip
        later = app.test_client()
        login(later, lead)
        assert warning in later.get(_url(campaign)).get_data(as_text=True)


def test_a_flats_entrance_stays_together_when_added_or_swapped(
    client, session, make_user, day
) -> None:  # noqa: ANN001
    """Three flats behind one entrance, added after planning (so not planned): ticking one
    brings all three onto the list; swapping one of them with another list's door is refused
    beside the list, and nothing moves (two teams would share one stairwell)."""
    campaign, first, second, _unplanned = day
    flats = [factories.AddressFactory(campaign=campaign, street="Flatweg", house_number=1,
                                      house_number_addition=str(n), entrance_key="Flatweg 1",
                                      lat=52.0905, lon=5.1005) for n in (1, 2, 3)]  # fmt: skip
    session.flush()
    login(client, make_user("lead"))
    page = client.get(_url(campaign)).get_data(as_text=True)
    assert all(f'value="0:{f.id}"' in page for f in flats)
    full = _act(client, page, [f"0:{flats[1].id}"], "move", first.id)  # the list is full
    assert "27 deuren: 3 meer dan de 24" in _beside(full.get_data(as_text=True), first.id)
    moved = _act(client, page, [f"0:{flats[1].id}"], "move-anyway", first.id)
    page = client.get(moved.headers["Location"]).get_data(as_text=True)
    assert "3 deuren verplaatst." in page
    session.expire_all()
    assert {f.id for f in flats} <= set(_ids(first))
    before = (_ids(first), _ids(second))
    refused = _act(client, page, [f"{first.id}:{flats[0].id}", f"{second.id}:{_ids(second)[0]}"],
                   "swap")  # fmt: skip
    assert refused.status_code == 422
    assert "kunnen niet één voor één worden geruild" in _beside(refused.get_data(as_text=True),
                                                                first.id)  # fmt: skip
    session.expire_all()
    assert (_ids(first), _ids(second)) == before
