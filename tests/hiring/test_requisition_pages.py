"""The requisition pages: the list with its filters and CSV, and the create and edit forms."""

import csv
import io

import pytest

from hiring.models import Requisition
from profiles.models import RoleProfile
from servicefit.core.teams import team_create
from tests.conftest import make_user
from tests.hiring.board_helpers import application_make, requisition_make
from tests.hiring.factories import job_ad_make


def titles(response) -> list[str]:
    html = response.content.decode()
    return [
        part.split("</a>")[0].split(">")[-1]
        for part in html.split('<th scope="row"><a href="/hiring/requisitions/')[1:]
    ]


def test_it_lists_the_requisitions_with_their_application_counts(client, recruiter):
    busy = requisition_make(recruiter, title="Kundeservice Aarhus")
    requisition_make(recruiter, title="Salg Oslo", status=Requisition.Status.DRAFT)
    for name in ("Mette Hansen", "Lars Berg"):
        application_make(recruiter, busy, name=name)
    client.force_login(recruiter)
    response = client.get("/hiring/requisitions/")
    assert titles(response) == ["Salg Oslo", "Kundeservice Aarhus"]
    row = response.content.decode().split("Kundeservice Aarhus</a>")[1].split("</tr>")[0]
    assert "<td>open</td>" in row and "<td>2</td>" in row


def test_it_searches_and_filters_by_status_team_and_role_profile(client, recruiter, hr_user):
    other = team_create(name="Team Bergen")
    requisition_make(recruiter, title="Kundeservice Aarhus")
    requisition_make(recruiter, title="Salg Oslo", status=Requisition.Status.ON_HOLD)
    requisition_make(hr_user, title="Support Bergen", team=other)
    classic = RoleProfile.objects.get(slug="classic-service-agent")
    Requisition.objects.filter(title="Salg Oslo").update(role_profile=classic)
    client.force_login(hr_user)
    assert titles(client.get("/hiring/requisitions/?q=oslo")) == ["Salg Oslo"]
    assert titles(client.get("/hiring/requisitions/?status=open")) == ["Support Bergen", "Kundeservice Aarhus"]
    assert titles(client.get(f"/hiring/requisitions/?team={other.id}")) == ["Support Bergen"]
    assert titles(client.get("/hiring/requisitions/?role_profile=classic-service-agent")) == ["Salg Oslo"]
    response = client.get("/hiring/requisitions/?q=zzz")
    assert "No requisitions match these filters." in response.content.decode()
    response = client.get("/hiring/requisitions/?status=bogus")
    assert response.status_code == 200 and "Some filters were not understood" in response.content.decode()


def test_a_recruiter_sees_only_their_teams_requisitions_and_the_team_filter_offers_only_theirs(client, recruiter):
    other = team_create(name="Team Bergen")
    make_user("bjorn", "recruiter", teams=[other])
    requisition_make(make_user("ola", "recruiter", teams=[other]), title="Support Bergen")
    client.force_login(recruiter)
    response = client.get("/hiring/requisitions/")
    assert "Support Bergen" not in response.content.decode() and "Team Bergen" not in response.content.decode()
    assert client.get(f"/hiring/requisitions/?team={other.id}").status_code == 200


def test_the_list_is_paginated(client, recruiter):
    for number in range(27):
        requisition_make(recruiter, title=f"Stilling {number:02d}")
    client.force_login(recruiter)
    assert len(titles(client.get("/hiring/requisitions/"))) == 25
    assert len(titles(client.get("/hiring/requisitions/?page=2"))) == 2


def test_the_empty_list_says_what_to_do(client, recruiter, manager):
    client.force_login(recruiter)
    html = client.get("/hiring/requisitions/").content.decode()
    assert "No requisitions yet." in html and "/hiring/requisitions/new/" in html
    client.force_login(manager)
    html = client.get("/hiring/requisitions/").content.decode()
    assert "A recruiter opens them" in html and "/hiring/requisitions/new/" not in html


def test_the_csv_download_follows_the_filters(client, recruiter):
    busy = requisition_make(recruiter, title="Kundeservice Århus")
    requisition_make(recruiter, title="Salg Oslo")
    application_make(recruiter, busy)
    client.force_login(recruiter)
    response = client.get("/hiring/requisitions/requisitions.csv?q=kundeservice")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [(r["title"], r["status"], r["applications"]) for r in rows] == [("Kundeservice Århus", "open", "1")]


def test_a_recruiter_creates_a_requisition_with_the_form(client, recruiter, manager):
    ad = job_ad_make(owner=recruiter, title="Kundeservicemedarbejder")
    client.force_login(recruiter)
    assert client.get("/hiring/requisitions/new/").status_code == 200
    response = client.post(
        "/hiring/requisitions/new/",
        {
            "title": "Kundeservice Aarhus",
            "role_profile": "advisor-controller-led",
            "job_ad": ad.id,
            "openings": 2,
            "status": "open",
            "hiring_manager": manager.username,
        },
    )
    requisition = Requisition.objects.get()
    assert response.status_code == 302 and response.url == f"/hiring/requisitions/{requisition.id}/"
    assert (requisition.job_ad, requisition.openings, requisition.hiring_manager) == (ad, 2, manager)
    assert requisition.opened_on is not None  # dated by its status


def test_the_form_shows_the_services_field_errors_and_saves_nothing(client, recruiter):
    client.force_login(recruiter)
    response = client.post(
        "/hiring/requisitions/new/",
        {
            "title": "Kundeservice",
            "role_profile": "advisor-controller-led",
            "openings": 1,
            "status": "draft",
            "opened_on": "2026-05-10",
            "closed_on": "2026-05-01",
        },
    )
    assert response.status_code == 400
    assert "The closing date is before the opening date." in response.content.decode()
    response = client.post("/hiring/requisitions/new/", {"title": "", "openings": 0, "status": "draft"})
    assert response.status_code == 400
    assert response.content.decode().count('class="errors"') >= 3  # title, role profile, openings
    assert not Requisition.objects.exists()


def test_a_job_ad_of_another_team_cannot_be_chosen(client, recruiter):
    other = team_create(name="Team Bergen")
    theirs = job_ad_make(owner=make_user("ola", "recruiter", teams=[other]), title="Bergen")
    client.force_login(recruiter)
    response = client.post(
        "/hiring/requisitions/new/",
        {
            "title": "Aarhus",
            "role_profile": "advisor-controller-led",
            "job_ad": theirs.id,
            "openings": 1,
            "status": "draft",
        },
    )
    assert response.status_code == 400
    assert not Requisition.objects.exists()


def test_a_recruiter_edits_a_requisition_and_a_manager_may_not(client, recruiter, manager, other_team_users):
    requisition = requisition_make(recruiter, title="Kundeservice")
    url = f"/hiring/requisitions/{requisition.id}/edit/"
    client.force_login(recruiter)
    assert 'value="Kundeservice"' in client.get(url).content.decode()
    data = {"title": "Kundeservice Aarhus", "role_profile": "advisor-controller-led", "openings": 3, "status": "closed"}
    response = client.post(url, data)
    assert response.status_code == 302
    requisition.refresh_from_db()
    assert (requisition.title, requisition.openings, requisition.status) == ("Kundeservice Aarhus", 3, "closed")
    assert requisition.closed_on is not None
    client.force_login(manager)
    assert client.get(url).status_code == 403
    client.force_login(other_team_users["recruiter"])
    assert client.get(url).status_code == 404
    assert client.post(url, {**data, "title": "Kapret"}).status_code == 404
    requisition.refresh_from_db()
    assert requisition.title == "Kundeservice Aarhus"


@pytest.mark.parametrize("url", ["/hiring/", "/"])
def test_the_hiring_pages_link_to_the_requisitions(client, recruiter, url):
    client.force_login(recruiter)
    assert 'href="/hiring/requisitions/"' in client.get(url).content.decode()


def test_the_form_offers_hiring_managers_by_name_in_the_order_their_names_read(client, recruiter):
    # Were listed in the order of their usernames, so "Zenia Berg" (aa-zenia) came first.
    from servicefit.core.roles import Role

    for username, first, last in (("zz-bo", "Bo", "Holm"), ("aa-zenia", "Zenia", "Berg"), ("mm-anna", "Anna", "Lund")):
        person = make_user(username, Role.MANAGER)
        person.first_name, person.last_name = first, last
        person.save()
    client.force_login(recruiter)
    html = client.get("/hiring/requisitions/new/").content.decode()
    select = html.split('name="hiring_manager"')[1].split("</select>")[0]
    shown = [option.split("<")[0].strip() for option in select.split(">")[2::2] if option.split("<")[0].strip()]
    assert [name for name in shown if name in ("Anna Lund", "Bo Holm", "Zenia Berg")] == [
        "Anna Lund",
        "Bo Holm",
        "Zenia Berg",
    ]
