"""The home page: what each role has to do next, with a count and a link to exactly those records."""

import html
import re
from datetime import timedelta

import pytest
from django.core.paginator import Page

from profiles import services as profile_services
from profiles.models import RoleProfile
from servicefit.core.roles import Role
from servicefit.core.teams import team_default
from tests.conftest import make_user
from tests.hiring.factories import DA_AD, job_ad_make

from . import home_data

ITEM = re.compile(
    r'<li class="work-item[^"]*">\s*<a href="([^"]+)"><span class="work-count">(\d+)</span> '
    r'<span class="work-label">([^<]+)</span></a>'
)

WAITING = "/assessments/?status=waiting"
EXPIRING = "/assessments/?status=expiring"
TO_REVIEW = "/assessments/?status=to_review"
BELOW_TARGET = "/hiring/?below_target=on"
WITHOUT_CANDIDATES = "/hiring/requisitions/?status=open&without_candidates=on"
AT_RISK = "/workforce/at-risk/?band=high"


def dashboard(client, user) -> dict[str, tuple[int, str]]:
    """{link: (count, label)} of the "what to do next" list the user sees."""
    client.force_login(user)
    response = client.get("/")
    assert response.status_code == 200
    items = ITEM.findall(response.content.decode())
    return {html.unescape(url): (int(count), html.unescape(label)) for url, count, label in items}


def listed(client, url: str) -> int:
    """How many records the list behind a link shows (over all its pages)."""
    response = client.get(url)
    assert response.status_code == 200
    page = response.context["page"]
    assert isinstance(page, Page)
    return page.paginator.count


@pytest.fixture
def work(recruiter, hr_user, other_team, other_team_users, django_capture_on_commit_callbacks):
    """Some of everything in the recruiter's team (the default team), and some in another team."""
    other = other_team_users[Role.RECRUITER]
    with django_capture_on_commit_callbacks(execute=True):
        for number in (1, 2):
            home_data.invitation_sent(recruiter, number)
        home_data.invitation_sent(recruiter, 3, expires_in=timedelta(hours=30))
        home_data.invitation_sent(recruiter, 4, expires_in=-timedelta(hours=1))  # expired: nobody can answer
        home_data.invitation_unsent(recruiter, 5)  # not sent: nobody is waiting for the candidate
        home_data.submitted_with_written_answers(recruiter, 6)
        home_data.submitted_with_written_answers(recruiter, 7, reviewed=True)
        home_data.job_ad_below_target(recruiter)
        job_ad_make(owner=recruiter, title="Uden rolleprofil", text=DA_AD)  # nothing to measure it against
        home_data.requisition(recruiter, "Tom stilling")
        home_data.requisition(recruiter, "Kladde", status="draft")
        home_data.requisition_with_applicant(recruiter, 8)
        home_data.agents_with_risk(hr_user, team_default(), [0.45, 0.31, 0.2, 0.05])

        home_data.invitation_sent(other, 11)
        home_data.invitation_sent(other, 12, expires_in=timedelta(hours=5))
        home_data.submitted_with_written_answers(other, 13)
        home_data.job_ad_below_target(other, "Bergen")
        home_data.requisition(other, "Bergen tom")
        home_data.agents_with_risk(hr_user, other_team, [0.9], start=20)


def test_it_sends_anonymous_visitors_to_the_login_page(client, db):
    response = client.get("/")
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


def test_it_shows_a_recruiter_the_work_of_their_own_team(client, recruiter, work):
    assert dashboard(client, recruiter) == {
        WAITING: (3, "invitations waiting for the candidate"),
        EXPIRING: (1, "invitation expires within two days"),
        TO_REVIEW: (1, "candidate with written answers to review"),
        BELOW_TARGET: (1, "job ad below its role profile's target"),
        WITHOUT_CANDIDATES: (1, "open requisition without candidates"),
    }


def test_it_shows_hr_every_teams_work_and_the_agents_at_high_risk(client, hr_user, work):
    assert dashboard(client, hr_user) == {
        WAITING: (5, "invitations waiting for the candidate"),
        EXPIRING: (2, "invitations expire within two days"),
        TO_REVIEW: (2, "candidates with written answers to review"),
        BELOW_TARGET: (2, "job ads below their role profile's target"),
        WITHOUT_CANDIDATES: (2, "open requisitions without candidates"),
        AT_RISK: (3, "agents at high risk of leaving"),
    }


def test_it_shows_an_admin_every_item(client, admin_user, work):
    assert {url: count for url, (count, _label) in dashboard(client, admin_user).items()} == {
        WAITING: 5,
        EXPIRING: 2,
        TO_REVIEW: 2,
        BELOW_TARGET: 2,
        WITHOUT_CANDIDATES: 2,
        AT_RISK: 3,
    }


def test_it_shows_a_manager_the_agents_at_risk_in_their_own_teams_only(client, manager, work):
    # Two of the default team's agents are at 30 % or more; the other team's agent at 90 % is not theirs.
    assert dashboard(client, manager) == {AT_RISK: (2, "agents at high risk of leaving")}


def test_each_count_links_to_a_list_of_exactly_those_records(client, hr_user, recruiter, manager, work):
    for user in (hr_user, recruiter, manager):
        items = dashboard(client, user)
        assert items
        for url, (count, _label) in items.items():
            assert listed(client, url) == count, (user.username, url)


def test_it_measures_an_ad_against_its_role_profile_as_it_is_now(client, recruiter):
    on_target = home_data.role_profile_matching(DA_AD, "matcher-annoncen")
    job_ad_make(owner=recruiter, text=DA_AD, role=on_target.slug)
    assert BELOW_TARGET not in dashboard(client, recruiter)

    advisor = RoleProfile.objects.get(slug=home_data.ADVISOR)
    weights = {w.service_type.code: w.weight for w in advisor.type_weights.select_related("service_type")}
    profile_services.role_profile_update(role_profile=on_target, type_weights=weights)
    assert dashboard(client, recruiter)[BELOW_TARGET][0] == 1


def test_it_says_nothing_is_waiting_and_where_each_role_starts(client, role_users):
    starts = {
        Role.RECRUITER: ["/profiles/role-profiles/new/", "/hiring/job-ads/new/", "/assessments/#invite-heading"],
        Role.HR: ["/workforce/agents/import/", "/workforce/pulse/new/"],
        Role.MANAGER: ["/workforce/team/"],
        Role.ADMIN: ["/profiles/role-profiles/new/", "/workforce/agents/import/"],
    }
    for role, user in role_users.items():
        client.force_login(user)
        content = client.get("/").content.decode()
        assert "Nothing waiting." in content and 'class="work-item' not in content, role
        first_steps = content.split('<ul class="first-steps">', 1)[1].split("</ul>", 1)[0]
        for url in starts[role]:
            assert f'href="{url}"' in first_steps, (role, url)


def test_it_keeps_agents_and_their_risk_from_recruiters(client, recruiter, hr_user):
    home_data.agents_with_risk(hr_user, team_default(), [0.8])
    assert AT_RISK not in dashboard(client, recruiter)
    assert "/workforce/" not in client.get("/").content.decode()


def test_it_leaves_out_work_with_nothing_waiting(client, recruiter, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        home_data.invitation_sent(recruiter, 1)
    assert dashboard(client, recruiter) == {WAITING: (1, "invitation waiting for the candidate")}
    assert "Nothing waiting." not in client.get("/").content.decode()


def test_it_links_the_api_documentation_for_staff_and_not_for_anonymous_visitors(client, manager):
    assert 'href="/api/docs/"' not in client.get("/accounts/login/").content.decode()
    client.force_login(manager)
    assert 'href="/api/docs/"' in client.get("/").content.decode()


def test_a_user_of_several_roles_gets_the_work_of_each(client, work, other_team_users):
    both = make_user("tove", None, roles=[Role.RECRUITER, Role.MANAGER])
    items = dashboard(client, both)
    assert items[AT_RISK][0] == 2 and items[WAITING][0] == 3
