"""Every page and API endpoint declares who may use it, and everyone else is refused.

The tests walk the whole URL configuration, so an endpoint added later is checked without anyone
remembering to add it here; one that declares no roles fails `test_every_endpoint_declares_its_roles`.

Team isolation is proved the same way: every URL is filled with records of team A (the registry
`TEAM_OWNED` below says how to make one for each URL parameter) and requested by users of another
team who hold the allowed roles; they must get 404 (or 403), and no list or page shows them team A's
marker text. A URL parameter nobody registered fails `test_every_url_parameter_has_a_sample`.
"""

import re
from datetime import date
from functools import cached_property

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from assessments import services as assessment_services
from assessments.models import Answer, Assessment, Item
from hiring import pipeline, stage_templates, talent_pool
from hiring import services as hiring_services
from profiles.models import RoleProfile
from servicefit.core.policies import POLICIES
from servicefit.core.roles import ALL_ROLES, Role
from servicefit.core.teams import team_create
from tests.conftest import make_user
from tests.hiring.factories import DA_AD

# Reachable without a role, on purpose.
# The employer's logo is on every candidate page and names no person.
PUBLIC = {"login", "logout", "set_language", "health", "api:token-obtain", "employer:logo"}
WRITE_METHODS = ("post", "put", "patch", "delete")


def walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue  # Django's admin has its own staff check, tested in test_admin_needs_staff
            ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), f"{namespace}{pattern.name}", pattern.callback


PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>")


def sample_url(route: str) -> str:
    route = re.sub(r"<int:\w+>", "1", route)
    route = re.sub(r"<(?:\w+:)?\w+>", "x", route)
    return "/" + route.lstrip("^").rstrip("$")


def filled_url(route: str, values: dict) -> str:
    return "/" + PARAMETER.sub(lambda m: str(values[m.group(1)]), route).lstrip("^").rstrip("$")


def is_candidate_endpoint(callback) -> bool:
    """Candidate pages and API: no role, the link's token is the credential."""
    cls = getattr(callback, "cls", None)
    return bool(getattr(cls, "candidate_endpoint", False) or getattr(callback, "candidate_page", False))


def endpoints():
    for route, name, callback in walk(get_resolver().url_patterns):
        if name in PUBLIC or is_candidate_endpoint(callback):
            continue
        yield pytest.param(sample_url(route), callback, id=name)


def candidate_endpoints():
    for route, name, callback in walk(get_resolver().url_patterns):
        if is_candidate_endpoint(callback):
            yield pytest.param(sample_url(route), callback, id=name)


@pytest.mark.parametrize(("url", "callback"), list(candidate_endpoints()))
def test_candidate_endpoints_refuse_a_made_up_token(client, db, url, callback):
    assert list(candidate_endpoints()), "the candidate endpoints were not found"
    methods = [m for m in ("get", "post", "put") if hasattr(getattr(callback, "cls", None), m)] or ["get", "post"]
    for method in methods:
        response = getattr(client, method)(url.replace("/x/", "/not-a-real-token.abc/"))
        assert response.status_code in (404, 405), (method, url, response.status_code)


def declared_roles(callback):
    """(read roles, write roles, methods) an endpoint declares."""
    cls = getattr(callback, "cls", None) or getattr(callback, "view_class", None)
    if cls is not None and hasattr(cls, "permission_classes"):
        read, write = set(), set()
        for permission in cls.permission_classes:
            read |= set(getattr(permission, "allowed_read_roles", getattr(permission, "allowed_roles", ())))
            write |= set(getattr(permission, "allowed_write_roles", getattr(permission, "allowed_roles", ())))
        methods = [m for m in ("get", *WRITE_METHODS) if hasattr(cls, m)]
        return read, write, methods, True
    roles = set(getattr(callback, "allowed_roles", ()))
    # Pages answer 405 to the method they do not take, before the role check; try both.
    return roles, roles, ["get", "post"], False


@pytest.mark.parametrize(("url", "callback"), list(endpoints()))
def test_every_endpoint_declares_its_roles(url, callback):
    read, write, _methods, _is_api = declared_roles(callback)
    assert read or write, f"{url} declares no roles: add roles_allowed(...) or @role_required(...)"
    assert (read | write) <= ALL_ROLES


@pytest.mark.parametrize(("url", "callback"), list(endpoints()))
def test_anonymous_and_outsiders_are_refused(client, outsider, url, callback):
    _read, _write, methods, is_api = declared_roles(callback)
    for method in methods:
        response = getattr(client, method)(url)
        if is_api:
            assert response.status_code == 401, (method, url)
        elif response.status_code != 405:
            assert response.status_code == 302 and response.url.startswith("/accounts/login/"), (method, url)
    client.force_login(outsider)
    statuses = [getattr(client, method)(url).status_code for method in methods]
    assert set(statuses) <= {403, 405} and 403 in statuses, (url, statuses)


@pytest.mark.parametrize(("url", "callback"), list(endpoints()))
def test_wrong_roles_are_refused(client, role_users, url, callback):
    read, write, methods, _is_api = declared_roles(callback)
    for role, user in role_users.items():
        client.force_login(user)
        for method in methods:
            allowed = read if method == "get" else write
            if role in allowed:
                continue
            response = getattr(client, method)(url)
            assert response.status_code in (403, 405), (role, method, url, response.status_code)
        client.logout()


# Team isolation ------------------------------------------------------------------------------------

# On every record of team A, so a page or list that leaks one shows it.
MARKER = "Quokkafjord"


class TeamA:
    """Records of team A, made on first use through the same services the pages use."""

    def __init__(self):
        self.team = team_create(name="Team Aalborg")
        self.users = {role: make_user(f"a-{role}", role, teams=[self.team]) for role in Role.values}

    @cached_property
    def job_ad(self):
        return hiring_services.job_ad_create(
            title=f"{MARKER} kundeservice", text=f"{DA_AD} Spørg efter {MARKER}.", owner=self.users[Role.RECRUITER]
        )

    @cached_property
    def bulk(self):
        return hiring_services.bulk_analysis_create(
            name=f"{MARKER} bulk",
            items=[{"name": f"{MARKER}.txt", "text": f"{DA_AD} {MARKER}."}],
            user=self.users[Role.RECRUITER],
        )

    @cached_property
    def invitation(self):
        return assessment_services.invitation_create(
            assessment=Assessment.objects.get(slug="service-profile-standard"),
            email=f"{MARKER.lower()}@example.dk",
            name=f"Sofie {MARKER}",
            language="da",
            user=self.users[Role.RECRUITER],
            send=False,
        )

    @cached_property
    def attempt(self):
        return assessment_services.attempt_start(invitation=self.invitation, consent=True)

    @cached_property
    def answer(self):
        # Written directly: which sections must be open before answering is not what is tested here.
        item = Item.objects.filter(section__assessment=self.invitation.assessment, kind=Item.Kind.TEXT).first()
        return Answer.objects.create(attempt=self.attempt, item=item, value=f"Hej, jeg hedder {MARKER}.")

    @cached_property
    def requisition(self):
        return pipeline.requisition_create(
            user=self.users[Role.RECRUITER],
            title=f"{MARKER} kundeservice",
            role_profile=RoleProfile.objects.get(slug="advisor-controller-led"),
        )

    @cached_property
    def candidate(self):
        return pipeline.candidate_create(
            user=self.users[Role.RECRUITER],
            name=f"Sofie {MARKER}",
            email=f"sofie.{MARKER.lower()}@example.dk",
            language="da",
        ).candidate

    @cached_property
    def talent_pool_entry(self):
        return talent_pool.talent_pool_add(
            user=self.users[Role.RECRUITER], candidate=self.candidate, consent_text_version="pool-v1"
        )

    @cached_property
    def application(self):
        return pipeline.application_create(
            user=self.users[Role.RECRUITER], candidate=self.candidate, requisition=self.requisition
        )

    @cached_property
    def stage_template(self):
        return stage_templates.stage_template_create(
            user=self.users[Role.RECRUITER],
            name=f"{MARKER} pipeline",
            stages=[{"stage": stage} for stage in ("applied", "interview", "hired")],
        )

    @cached_property
    def hire(self):
        candidate = pipeline.candidate_create(
            user=self.users[Role.RECRUITER],
            name=f"Jonas {MARKER}",
            email=f"jonas.{MARKER.lower()}@example.dk",
            language="da",
        ).candidate
        application = pipeline.application_create(
            user=self.users[Role.RECRUITER], candidate=candidate, requisition=self.requisition
        )
        for stage in ("screened", "interview", "offer", "hired"):
            pipeline.application_move(application=application, stage=stage, user=self.users[Role.RECRUITER])
        return application.hires.get()

    @cached_property
    def duplicate_flag(self):
        first = self.candidate
        twin = pipeline.candidate_create(
            user=self.users[Role.RECRUITER],
            name=f"Sofie {MARKER}",
            email=f"sofie.{MARKER.lower()}@example.dk",
            language="da",
        )
        assert twin.possible_duplicates and twin.possible_duplicates[0].candidate == first
        return twin.candidate.duplicate_flags.get()

    @cached_property
    def agent(self):
        from workforce.agents import agent_create

        return agent_create(
            user=self.users[Role.HR],
            employee_number=f"{MARKER}-1",
            name=f"Liv {MARKER}",
            email=f"liv.{MARKER.lower()}@example.dk",
            team=self.team,
            hire_date=date(2024, 1, 8),
            manager=self.users[Role.MANAGER],
        )

    @cached_property
    def plan(self):
        from workforce import development

        return development.plan_create(
            agent=self.agent,
            title=f"{MARKER} plan",
            user=self.users[Role.MANAGER],
            goals=[{"description": f"{MARKER} goal"}],
        )

    @cached_property
    def goal(self):
        return self.plan.goals.get()

    @cached_property
    def pulse_survey(self):
        from datetime import date

        from workforce import pulse

        return pulse.pulse_survey_create(
            user=self.users[Role.HR],
            title=f"{MARKER} puls",
            team=self.team,
            opens_on=date(2026, 3, 1),
            closes_on=date(2026, 3, 14),
        )

    def everything(self):
        return [
            self.pulse_survey,
            self.job_ad,
            self.bulk,
            self.invitation,
            self.attempt,
            self.answer,
            self.application,
            self.talent_pool_entry,
            self.stage_template,
            self.hire,
            self.duplicate_flag,
            self.agent,
            self.plan,
        ]


# How to fill each URL parameter that names a record belonging to a team: with team A's record.
# A new endpoint whose parameter names such a record (a requisition, a candidate, an agent) adds it here.
TEAM_OWNED = {
    "job_ad_id": lambda a: a.job_ad.id,
    "bulk_id": lambda a: a.bulk.id,
    "invitation_id": lambda a: a.invitation.id,
    "attempt_id": lambda a: a.attempt.id,
    "answer_id": lambda a: a.answer.id,
    "requisition_id": lambda a: a.requisition.id,
    "candidate_id": lambda a: a.candidate.id,
    "application_id": lambda a: a.application.id,
    "talent_pool_entry_id": lambda a: a.talent_pool_entry.id,
    "stage_template_id": lambda a: a.stage_template.id,
    "hire_id": lambda a: a.hire.id,
    "flag_id": lambda a: a.duplicate_flag.id,
    "agent_id": lambda a: a.agent.id,
    "plan_id": lambda a: a.plan.id,
    "goal_id": lambda a: a.goal.id,
    "survey_id": lambda a: a.pulse_survey.id,
}
# Parameters that name shared data no team owns (the framework, the lexicon, a battery) or a plain
# choice: a real value, so that a refusal can only come from the team check.
SHARED = {
    "number": lambda route: 1,
    "action": lambda route: "resend",
    "code": lambda route: "controller",
    "fmt": lambda route: "json",
    "upload_id": lambda route: 1,
    "model_id": lambda route: 1,
    "training_id": lambda route: 1,
    # Staffing: traffic imports and known events are centre-wide, no team owns them.
    "import_id": lambda route: 1,
    "event_id": lambda route: 1,
    "slug": lambda route: "service-profile-standard" if "assessments" in route else "advisor-controller-led",
}


def staff_routes():
    for route, name, callback in walk(get_resolver().url_patterns):
        if name not in PUBLIC and not is_candidate_endpoint(callback):
            yield route, name, callback


def route_values(route: str, team_a: TeamA) -> dict:
    values = {}
    for parameter in PARAMETER.findall(route):
        values[parameter] = TEAM_OWNED[parameter](team_a) if parameter in TEAM_OWNED else SHARED[parameter](route)
    return values


def declared_policies(callback) -> dict:
    """{method: policy} an endpoint declares; pages use one policy for every method."""
    cls = getattr(callback, "cls", None)
    if cls is not None:
        permissions = [p for p in cls.permission_classes if hasattr(p, "read_policy")]
        if not permissions:
            return {}
        read, write = permissions[0].read_policy, permissions[0].write_policy
        return {m: (read if m == "get" else write) for m in ("get", *WRITE_METHODS) if hasattr(cls, m)}
    policy = getattr(callback, "policy", None)
    return {"get": policy, "post": policy} if policy else {}


def team_routes():
    for route, name, callback in staff_routes():
        if set(PARAMETER.findall(route)) & TEAM_OWNED.keys():
            yield pytest.param(route, callback, id=name)


def list_routes():
    for route, name, callback in staff_routes():
        if not set(PARAMETER.findall(route)) & TEAM_OWNED.keys():
            yield pytest.param(route, callback, id=name)


# Roles that no team-data policy lets past their own teams: they must never see team A's records.
CONFINED_ROLES = sorted(r for r in ALL_ROLES if not any(r in p.all_teams for p in POLICIES.values() if p.team_data))


@pytest.fixture
def team_a(db):
    return TeamA()


@pytest.mark.parametrize(("route", "name"), [(r, n) for r, n, _c in staff_routes()])
def test_every_url_parameter_has_a_sample(route, name):
    for parameter in PARAMETER.findall(route):
        assert parameter in TEAM_OWNED or parameter in SHARED, (
            f"{name} ({route}) takes <{parameter}>: say in tests/test_permissions.py how to make team A's "
            f"record for it (TEAM_OWNED), or, if it names no team's data, a real value for it (SHARED)."
        )


# Endpoints that show nothing of any team and declare bare roles (the schema, the home page).
BARE_ROLES = {"home", "api:schema", "api:docs"}


@pytest.mark.parametrize(("route", "name", "callback"), [pytest.param(r, n, c, id=n) for r, n, c in staff_routes()])
def test_every_endpoint_uses_a_named_policy(route, name, callback):
    if name in BARE_ROLES:
        return
    policies = declared_policies(callback)
    assert policies, f"{name} ({route}) declares no policy: use policy_required(...) or policy_permission(...)"
    for policy in policies.values():
        assert POLICIES.get(policy.name) is policy, f"{name} uses {policy.name}, not a policy of core/policies.py"


def test_the_confined_roles_are_the_ones_the_policies_keep_to_their_teams():
    confined = set(CONFINED_ROLES)
    assert confined == {Role.MANAGER, Role.RECRUITER}


@pytest.mark.parametrize(("route", "callback"), list(team_routes()))
def test_other_teams_cannot_reach_a_teams_records(client, team_a, other_team_users, route, callback):
    url = filled_url(route, route_values(route, team_a))
    policies = declared_policies(callback)
    assert policies, f"{route} declares no policy: use policy_required(...) or policy_permission(...)"
    is_page = getattr(callback, "cls", None) is None
    checked = []
    for method, policy in policies.items():
        assert policy.team_data, f"{route} names a team's record, but {policy.name} is not a team policy"
        for role in sorted(policy.own_teams - policy.all_teams):
            client.force_login(other_team_users[role])
            status = getattr(client, method)(url).status_code
            allowed = {403, 404, 405} if is_page else {403, 404}
            assert status in allowed, f"{role} of another team got {status} on {method.upper()} {url}"
            checked.append((method, role, status))
    if is_page:
        assert any(status != 405 for _m, _r, status in checked) or not checked, (url, checked)
    # The control: team A's own users do reach the record (it exists; the refusal above was the team).
    for method, role, status in checked:
        if status == 405:
            continue
        client.force_login(team_a.users[role])
        own = getattr(client, method)(url).status_code
        assert own not in (403, 404), f"{role} of team A got {own} on {method.upper()} {url}"
        break


@pytest.mark.parametrize(("route", "callback"), list(list_routes()))
def test_lists_and_pages_show_no_other_teams_records(client, team_a, other_team_users, route, callback):
    team_a.everything()
    url = filled_url(route, route_values(route, team_a))
    policy = declared_policies(callback).get("get")
    if policy is None:
        pytest.skip(f"{route} answers no GET")
    for role in CONFINED_ROLES:
        if role not in policy.roles:
            continue
        client.force_login(other_team_users[role])
        # A search for part of the marker finds team A's records if unscoped; pages echo only the part.
        for query in ("", f"?q={MARKER[1:-1]}"):
            response = client.get(url + query)
            assert MARKER.lower() not in response.content.decode().lower(), (role, url + query)


@pytest.mark.parametrize(("route", "callback"), list(list_routes()))
def test_filters_naming_another_teams_records_show_nothing_of_them(client, team_a, other_team_users, route, callback):
    """A list filtered by team A's team, requisition, candidate or agent id (as an htmx partial too)
    shows another team's user none of team A's records."""
    team_a.everything()
    url = filled_url(route, route_values(route, team_a))
    policy = declared_policies(callback).get("get")
    if policy is None:
        pytest.skip(f"{route} answers no GET")
    filters = {
        "team": team_a.team.id,
        "requisition": team_a.requisition.id,
        "candidate": team_a.candidate.id,
        "application": team_a.application.id,
        "agent": team_a.agent.id,
        "survey": team_a.pulse_survey.id,
        "job_ad": team_a.job_ad.id,
        "manager": team_a.users[Role.MANAGER].id,
    }
    for role in CONFINED_ROLES:
        if role not in policy.roles:
            continue
        client.force_login(other_team_users[role])
        for name, value in filters.items():
            response = client.get(url, {name: value, "q": MARKER[1:-1]}, HTTP_HX_REQUEST="true")
            assert MARKER.lower() not in response.content.decode().lower(), (role, url, name)


@pytest.mark.parametrize(
    "url",
    [
        "/hiring/",
        "/hiring/bulk/",
        "/assessments/",
        "/api/job-ads/",
        "/api/bulk-analyses/",
        "/api/invitations/",
        "/api/stage-templates/",
        "/api/hires/",
    ],
)
def test_a_teams_own_recruiter_sees_its_records_on_the_lists(client, team_a, url):
    """The other half of the test above: the marker does show where it may."""
    team_a.everything()
    client.force_login(team_a.users[Role.RECRUITER])
    assert MARKER in client.get(url).content.decode()


def test_hr_and_admins_of_another_team_see_every_team(client, team_a, other_team_users):
    team_a.everything()
    for role in (Role.HR, Role.ADMIN):
        client.force_login(other_team_users[role])
        assert MARKER in client.get("/hiring/").content.decode()
        assert MARKER in client.get("/assessments/").content.decode()
        assert client.get(f"/assessments/invitations/{team_a.invitation.id}/").status_code == 200


def test_posting_to_a_page_that_needs_a_role_is_refused(client, recruiter):
    client.force_login(recruiter)
    assert client.post("/profiles/lexicon/uploads/").status_code == 403


def test_admin_needs_staff(client, recruiter, admin_user):
    client.force_login(recruiter)
    assert client.get("/admin/").status_code == 302
    client.force_login(admin_user)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/profiles/servicetype/").status_code == 200


def test_the_api_answers_401_with_the_token_scheme(client):
    response = client.get("/api/service-types/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response.json()["message"]


@pytest.mark.parametrize("url", ["/workforce/", "/workforce/team/", "/workforce/agents.csv", "/api/agents/"])
def test_a_teams_own_manager_sees_its_agents_and_hr_of_another_team_too(client, team_a, other_team_users, url):
    team_a.everything()
    client.force_login(team_a.users[Role.MANAGER])
    assert MARKER in client.get(url).content.decode()
    client.force_login(other_team_users[Role.HR])
    assert MARKER in client.get(url).content.decode()
