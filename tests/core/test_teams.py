"""Teams, several roles per user, and records that go to the right team when they are made."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from pytest_django.asserts import assertContains, assertNotContains

from assessments.models import Assessment, Invitation
from hiring import selectors as hiring_selectors
from hiring.models import BulkAnalysis, JobAd
from servicefit.core.exceptions import ApplicationError
from servicefit.core.models import Team, TeamMembership
from servicefit.core.policies import CANDIDATE_WRITE, JOB_AD_READ, JOB_AD_WRITE, team_for_new_record
from servicefit.core.roles import Role, user_roles
from servicefit.core.services import user_create_or_update
from servicefit.core.teams import DEFAULT_TEAM_NAME, team_create
from tests.conftest import make_user
from tests.hiring.factories import DA_AD, job_ad_make

BATTERY = "service-profile-standard"


@pytest.fixture
def aarhus(db):
    return team_create(name="Aarhus")


@pytest.fixture
def bergen(db):
    return team_create(name="Bergen")


def titles(user) -> set[str]:
    return {ad.title for ad in hiring_selectors.job_ad_list(user=user)}


# --- users, roles and memberships ----------------------------------------------------------------


def test_it_gives_a_user_several_roles(db):
    user = user_create_or_update(username="ulla", password="pw-ulla", roles=[Role.RECRUITER, Role.HR])
    assert set(user.groups.values_list("name", flat=True)) == {"recruiter", "hr"}
    assert user_roles(get_user_model().objects.get(id=user.id)) == {"recruiter", "hr"}
    assert not user.is_staff


def test_it_puts_a_new_user_in_the_default_team_and_keeps_an_existing_users_teams(aarhus):
    user = user_create_or_update(username="ulla", password="pw", role=Role.RECRUITER)
    assert list(user.team_memberships.values_list("team__name", flat=True)) == [DEFAULT_TEAM_NAME]
    user_create_or_update(username="ulla", password="pw", role=Role.RECRUITER, teams=[aarhus])
    user_create_or_update(username="ulla", password="pw2", role=Role.MANAGER)
    assert list(user.team_memberships.values_list("team__name", flat=True)) == ["Aarhus"]
    assert list(user.groups.values_list("name", flat=True)) == ["manager"]


def test_it_refuses_a_user_without_a_known_role(db):
    with pytest.raises(ValueError, match="roles"):
        user_create_or_update(username="ulla", password="pw", roles=[])
    with pytest.raises(ValueError, match="ceo"):
        user_create_or_update(username="ulla", password="pw", roles=["ceo"])
    assert not get_user_model().objects.filter(username="ulla").exists()


def test_a_team_cannot_be_its_own_parent(aarhus):
    aarhus.parent = aarhus
    with pytest.raises(Exception, match="team_not_own_parent|CHECK constraint"):
        aarhus.save()


def test_the_migration_puts_every_user_with_a_role_in_the_default_team(db):
    migration = importlib.import_module("servicefit.core.migrations.0004_teams_and_memberships")
    role_holder = get_user_model().objects.create_user(username="old-recruiter")
    role_holder.groups.set(Group.objects.filter(name=Role.RECRUITER))
    get_user_model().objects.create_user(username="no-role")
    migration.users_into_default_team(apps, None)
    members = TeamMembership.objects.filter(team__name=DEFAULT_TEAM_NAME)
    assert list(members.values_list("user__username", flat=True)) == ["old-recruiter"]


# --- reach: several roles, parent teams ------------------------------------------------------------


def test_a_user_with_several_roles_gets_the_widest_reach(client, aarhus, bergen):
    job_ad_make(owner=make_user("anna", Role.RECRUITER, teams=[aarhus]), title="Aarhus ad")
    both = make_user("bo", None, roles=[Role.RECRUITER, Role.HR], teams=[bergen])
    only_recruiter = make_user("bent", Role.RECRUITER, teams=[bergen])
    assert titles(both) == {"Aarhus ad"}
    assert titles(only_recruiter) == set()
    client.force_login(both)
    assert client.get(f"/hiring/job-ads/{JobAd.objects.get().id}/").status_code == 200
    assert client.get("/assessments/service-profile-standard/items/").status_code == 200


def test_a_manager_of_a_parent_team_sees_the_teams_below_it_and_not_beside_it(client, aarhus, bergen):
    centre = team_create(name="Centre")
    aarhus.parent = centre
    aarhus.save()
    job_ad_make(owner=make_user("anna", Role.RECRUITER, teams=[aarhus]), title="Aarhus ad")
    client.force_login(make_user("maja-centre", Role.MANAGER, teams=[centre]))
    assertContains(client.get("/hiring/"), "Aarhus ad")
    client.force_login(make_user("maja-bergen", Role.MANAGER, teams=[bergen]))
    assertNotContains(client.get("/hiring/"), "Aarhus ad")


def test_a_user_in_no_team_sees_no_teams_records(client, recruiter):
    job_ad_make(owner=recruiter, title="Default ad")
    lonely = make_user("lone", Role.RECRUITER, teams=[])
    assert titles(lonely) == set()
    assert JOB_AD_READ.team_ids(lonely) == frozenset()


# --- new records go to the right team --------------------------------------------------------------


def test_a_new_ad_goes_to_the_owners_only_team(aarhus):
    anna = make_user("anna", Role.RECRUITER, teams=[aarhus])
    assert job_ad_make(owner=anna).team == aarhus


def test_a_recruiter_cannot_put_a_record_in_another_team(api, aarhus, bergen):
    anna = make_user("anna", Role.RECRUITER, teams=[aarhus])
    response = api.as_user(anna).post(
        "/api/job-ads/", {"title": "Smuggled", "text": DA_AD, "team": bergen.id}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["message"] == "You cannot add records to that team."
    bulk = api.post("/api/bulk-analyses/", {"items": [{"name": "a", "text": DA_AD}], "team": bergen.id}, format="json")
    assert bulk.status_code == 400
    invitation = api.post(
        "/api/invitations/",
        {"assessment": BATTERY, "email": "x@example.dk", "name": "X", "language": "da", "team": bergen.id},
        format="json",
    )
    assert invitation.status_code == 400
    assert not JobAd.objects.exists() and not BulkAnalysis.objects.exists() and not Invitation.objects.exists()


def test_a_user_in_several_teams_must_choose_one(api, aarhus, bergen):
    both = make_user("anna", Role.RECRUITER, teams=[aarhus, bergen])
    client = api.as_user(both)
    unchosen = client.post("/api/job-ads/", {"title": "Which team?", "text": DA_AD}, format="json")
    assert unchosen.status_code == 400
    assert unchosen.json() == {
        "message": "You belong to several teams: choose the team this is for.",
        "code": "validation_error",
        "extra": {"fields": {"team": ["required"]}},
    }
    chosen = client.post("/api/job-ads/", {"title": "For Bergen", "text": DA_AD, "team": bergen.id}, format="json")
    assert chosen.status_code == 201
    assert chosen.json()["team"] == bergen.id
    assert JobAd.objects.get().team == bergen


def test_hr_may_put_a_record_in_any_team(api, hr_user, bergen):
    response = api.as_user(hr_user).post(
        "/api/invitations/",
        {"assessment": BATTERY, "email": "x@example.dk", "name": "X", "language": "da", "team": bergen.id},
        format="json",
    )
    assert response.status_code == 201
    assert Invitation.objects.get().team == bergen


def test_a_recruiter_in_no_team_is_told_to_ask_an_administrator(db):
    lonely = make_user("lone", Role.RECRUITER, teams=[])
    with pytest.raises(ApplicationError, match="ask an administrator"):
        team_for_new_record(policy=JOB_AD_WRITE, user=lonely)


def test_records_made_without_a_user_go_to_the_default_team(db):
    invitation_team = team_for_new_record(policy=CANDIDATE_WRITE, user=None)
    assert invitation_team.name == DEFAULT_TEAM_NAME


def test_the_new_ad_page_offers_a_team_choice_only_to_users_in_several_teams(client, aarhus, bergen):
    client.force_login(make_user("anna", Role.RECRUITER, teams=[aarhus]))
    assertNotContains(client.get("/hiring/job-ads/new/"), 'name="team"')
    client.force_login(make_user("bo", Role.RECRUITER, teams=[aarhus, bergen]))
    page = client.get("/hiring/job-ads/new/")
    assertContains(page, 'name="team"')
    assertContains(page, "Bergen")
    response = client.post("/hiring/job-ads/new/", {"title": "Bergen ad", "text": DA_AD, "team": bergen.id})
    assert response.status_code == 302
    assert JobAd.objects.get(title="Bergen ad").team == bergen
    unchosen = client.post("/hiring/job-ads/new/", {"title": "No team", "text": DA_AD})
    assertContains(unchosen, "choose the team this is for", status_code=400)  # a form error is a 4xx
    assert not JobAd.objects.filter(title="No team").exists()


def test_the_invite_form_offers_only_the_teams_a_recruiter_reaches(client, aarhus, bergen, db):
    copenhagen = team_create(name="Copenhagen")
    client.force_login(make_user("bo", Role.RECRUITER, teams=[aarhus, bergen]))
    page = client.get("/assessments/")
    assertContains(page, "Bergen")
    assertNotContains(page, "Copenhagen")
    client.post(
        "/assessments/invite/",
        {"assessment": BATTERY, "name": "Sofie", "email": "sofie@example.dk", "language": "da", "team": copenhagen.id},
    )
    assert not Invitation.objects.exists()
    assert Assessment.objects.filter(slug=BATTERY).exists()


# --- admin and demo ----------------------------------------------------------------------------------


def test_the_admin_lists_teams_with_their_member_counts(client, admin_user, aarhus):
    make_user("anna", Role.RECRUITER, teams=[aarhus])
    make_user("bo", Role.MANAGER, teams=[aarhus])
    client.force_login(admin_user)
    page = client.get("/admin/core/team/")
    assert page.status_code == 200
    assert '<td class="field-member_count">2</td>' in page.content.decode()
    assert client.get(f"/admin/core/team/{aarhus.id}/change/").status_code == 200


def test_the_demo_puts_the_recruiter_in_a_site_and_the_manager_over_both_sites(client, db, settings):
    settings.DEBUG = True
    call_command("seed_demo")
    call_command("seed_demo")
    centre = Team.objects.get(name="Nordic Customer Care")
    assert set(centre.children.values_list("name", flat=True)) == {"Copenhagen", "Oslo", "Stockholm"}
    assert set(JobAd.objects.values_list("team__name", flat=True)) == {"Copenhagen"}
    assert set(Invitation.objects.values_list("team__name", flat=True)) == {"Copenhagen"}
    for username in ("recruiter", "manager", "hr"):
        client.login(username=username, password=f"demo-{username}")
        assert client.get("/hiring/").content.decode().count('href="/hiring/job-ads/') >= 8, username
    oslo = make_user("oslo-recruiter", Role.RECRUITER, teams=[Team.objects.get(name="Oslo")])
    assert titles(oslo) == set()


@pytest.mark.parametrize("url", ["/hiring/", "/api/job-ads/", "/assessments/", "/api/invitations/"])
def test_team_scoping_keeps_the_query_count_flat(client, aarhus, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from assessments import services as assessment_services

    anna = make_user("anna", Role.RECRUITER, teams=[aarhus])
    battery = Assessment.objects.get(slug=BATTERY)

    def add(n: int) -> None:
        for i in range(n):
            job_ad_make(owner=anna, title=f"Ad {i}")
            assessment_services.invitation_create(
                assessment=battery, email=f"c{i}@example.dk", name=f"C {i}", language="da", user=anna, send=False
            )

    def queries() -> int:
        client.force_login(anna)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    add(1)
    few = queries()
    add(5)
    assert queries() == few
