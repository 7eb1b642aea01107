import pytest

from hiring import pipeline, pipeline_selectors, stage_templates
from hiring.models import STAGE_MOVES, Application, Requisition, StageTemplate
from hiring.models.pipeline import STANDARD_OPTIONAL, STANDARD_STAGES
from hiring.stage_flow import forward_moves
from hiring.stage_template_selectors import stage_template_default
from profiles.models import RoleProfile
from servicefit.core.exceptions import ApplicationError
from servicefit.core.teams import team_default
from tests.conftest import make_user

ADVISOR = "advisor-controller-led"
STANDARD_BOARD = ["applied", "screened", "assessed", "interview", "offer", "hired", "rejected", "withdrawn"]
EXITS = ["rejected", "withdrawn"]


def stages(*codes, optional=()):
    return [{"stage": code, "optional": code in optional} for code in codes]


def internal_move():
    return StageTemplate.objects.get(name="Internal move", team=None)


def requisition_make(user, **kwargs):
    return pipeline.requisition_create(
        user=user, title="Kundeservice Odense", role_profile=RoleProfile.objects.get(slug=ADVISOR), **kwargs
    )


def application_make(user, requisition, number=1):
    candidate = pipeline.candidate_create(
        user=user, name=f"Ansøger {number}", email=f"ansoger{number}@example.dk", language="da"
    ).candidate
    return pipeline.application_create(user=user, candidate=candidate, requisition=requisition)


def test_it_gives_a_new_requisition_the_standard_template(recruiter):
    requisition = requisition_make(recruiter)
    assert requisition.stage_template == stage_template_default()
    assert requisition.stage_template.name == "Standard"
    assert pipeline_selectors.requisition_stages(requisition) == STANDARD_BOARD


def test_it_keeps_the_standard_moves_as_they_were():
    assert {
        "applied": {"screened", "assessed"},
        "screened": {"assessed", "interview"},
        "assessed": {"interview"},
        "interview": {"offer"},
        "offer": {"hired"},
        "hired": set(),
        "rejected": set(),
        "withdrawn": set(),
    } == STAGE_MOVES


def test_it_moves_an_internal_move_straight_from_applied_to_interview(recruiter):
    requisition = requisition_make(recruiter, stage_template=internal_move())
    application = application_make(recruiter, requisition)
    assert pipeline_selectors.requisition_stages(requisition) == ["applied", "interview", "offer", "hired", *EXITS]
    assert pipeline_selectors.application_moves(application) == ["interview", *EXITS]
    moved = pipeline.application_move(application=application, stage="interview", user=recruiter)
    assert moved.stage == "interview"
    assert pipeline_selectors.application_moves(moved) == ["offer", *EXITS]


def test_it_refuses_a_move_the_template_does_not_have_and_writes_nothing(recruiter):
    requisition = requisition_make(recruiter, stage_template=internal_move())
    application = application_make(recruiter, requisition)
    for stage in ("screened", "assessed", "offer"):
        with pytest.raises(ApplicationError) as excinfo:
            pipeline.application_move(application=application, stage=stage, user=recruiter)
        assert excinfo.value.status == 409
        assert "cannot move to" in excinfo.value.message
    application.refresh_from_db()
    assert application.stage == "applied"
    assert application.moves.count() == 1  # the creation only


def test_it_skips_one_optional_stage_but_never_two(recruiter):
    standard = requisition_make(recruiter)
    application = application_make(recruiter, standard)
    assert pipeline_selectors.application_moves(application) == ["screened", "assessed", *EXITS]
    with pytest.raises(ApplicationError):
        pipeline.application_move(application=application, stage="interview", user=recruiter)
    template = stage_templates.stage_template_create(
        user=recruiter,
        name="Hurtig",
        stages=stages("applied", "screened", "interview", "offer", "hired", optional={"screened", "offer"}),
    )
    quick = requisition_make(recruiter, stage_template=template)
    application = application_make(recruiter, quick, 2)
    assert pipeline_selectors.application_moves(application) == ["screened", "interview", *EXITS]
    pipeline.application_move(application=application, stage="interview", user=recruiter)
    application.refresh_from_db()
    assert pipeline_selectors.application_moves(application) == ["offer", "hired", *EXITS]


def test_it_still_rejects_with_a_reason_and_undoes_under_any_template(recruiter):
    requisition = requisition_make(recruiter, stage_template=internal_move())
    application = application_make(recruiter, requisition)
    with pytest.raises(ApplicationError):
        pipeline.application_move(application=application, stage="rejected", user=recruiter)
    pipeline.application_move(application=application, stage="rejected", user=recruiter, reason="Flyttede")
    assert pipeline_selectors.application_moves(Application.objects.get(pk=application.pk)) == []
    undone = pipeline.application_move_undo(application=application, user=recruiter)
    assert undone.stage == "applied"


def test_it_names_the_stages_on_the_board_as_the_template_says(recruiter):
    template = stage_templates.stage_template_create(
        user=recruiter,
        name="Med samtale",
        stages=[
            {"stage": "applied", "name": "  Ny   ansøgning "},
            {"stage": "interview", "name": "Samtale med teamleder"},
            {"stage": "hired"},
        ],
    )
    requisition = requisition_make(recruiter, stage_template=template)
    names = pipeline_selectors.requisition_stage_names(requisition)
    assert names["applied"] == "Ny ansøgning"
    assert names["interview"] == "Samtale med teamleder"
    assert names["hired"] == "hired"  # no name given: the stage's label
    assert list(names) == ["applied", "interview", "hired", *EXITS]


@pytest.mark.parametrize(
    ("given", "problems"),
    [
        ([], ["empty"]),
        (stages("applied", "rejected", "hired"), ["unknown"]),
        (stages("applied", "nonsense", "hired"), ["unknown"]),
        (stages("applied", "interview", "interview", "hired"), ["duplicate"]),
        (stages("applied", "offer", "interview", "hired"), ["order"]),
        (stages("screened", "interview", "hired"), ["first"]),
        (stages("applied", "interview", "offer"), ["last"]),
        (stages("applied", "hired", optional={"hired"}), ["optional"]),
        (stages("applied", "hired", optional={"applied"}), ["optional"]),
    ],
)
def test_it_refuses_a_template_that_is_not_a_pipeline(recruiter, given, problems):
    with pytest.raises(ApplicationError) as excinfo:
        stage_templates.stage_template_create(user=recruiter, name="Forkert", stages=given)
    assert excinfo.value.status == 400
    assert excinfo.value.extra["fields"]["stages"] == problems
    assert not StageTemplate.objects.filter(name="Forkert").exists()


def test_it_refuses_a_stage_name_too_long_and_a_name_taken(recruiter):
    with pytest.raises(ApplicationError) as excinfo:
        stage_templates.stage_template_create(
            user=recruiter, name="Lang", stages=[{"stage": "applied", "name": "x" * 51}, {"stage": "hired"}]
        )
    assert excinfo.value.extra["fields"] == {"stages": ["name_too_long"]}
    stage_templates.stage_template_create(user=recruiter, name="Kort", stages=stages("applied", "hired"))
    with pytest.raises(ApplicationError) as excinfo:
        stage_templates.stage_template_create(user=recruiter, name="kort", stages=stages("applied", "hired"))
    assert excinfo.value.status == 409


def test_it_refuses_a_template_change_that_strands_applications(recruiter):
    requisition = requisition_make(recruiter)
    application = application_make(recruiter, requisition)
    pipeline.application_move(application=application, stage="screened", user=recruiter)
    with pytest.raises(ApplicationError) as excinfo:
        pipeline.requisition_update(requisition=requisition, stage_template=internal_move())
    assert excinfo.value.status == 409
    assert "screened" in excinfo.value.message
    assert Requisition.objects.get(pk=requisition.pk).stage_template == stage_template_default()


def test_it_changes_the_template_when_every_application_is_in_a_stage_it_has(recruiter):
    requisition = requisition_make(recruiter)
    waiting = application_make(recruiter, requisition, 1)
    rejected = application_make(recruiter, requisition, 2)
    pipeline.application_move(application=rejected, stage="screened", user=recruiter)
    pipeline.application_move(application=rejected, stage="rejected", user=recruiter, reason="Ikke dansk")
    pipeline.requisition_update(requisition=requisition, stage_template=internal_move())
    assert Requisition.objects.get(pk=requisition.pk).stage_template == internal_move()
    assert pipeline_selectors.application_moves(Application.objects.get(pk=waiting.pk)) == ["interview", *EXITS]
    # None goes back to the default template.
    pipeline.requisition_update(requisition=requisition, stage_template=None)
    assert Requisition.objects.get(pk=requisition.pk).stage_template == stage_template_default()


def test_it_refuses_to_take_a_stage_in_use_out_of_a_template(recruiter):
    template = stage_templates.stage_template_create(
        user=recruiter, name="Tre trin", stages=stages("applied", "screened", "interview", "hired")
    )
    application = application_make(recruiter, requisition_make(recruiter, stage_template=template))
    pipeline.application_move(application=application, stage="screened", user=recruiter)
    with pytest.raises(ApplicationError) as excinfo:
        stage_templates.stage_template_update(
            template=template, user=recruiter, stages=stages("applied", "interview", "hired")
        )
    assert excinfo.value.status == 409
    template.refresh_from_db()
    assert template.stage_codes == ["applied", "screened", "interview", "hired"]
    renamed = stage_templates.stage_template_update(
        template=template,
        user=recruiter,
        name="Tre trin og tilbud",
        stages=stages("applied", "screened", "interview", "offer", "hired"),
    )
    assert renamed.stage_codes == ["applied", "screened", "interview", "offer", "hired"]


def test_it_refuses_to_delete_the_default_or_a_template_in_use(recruiter, hr_user):
    with pytest.raises(ApplicationError) as excinfo:
        stage_templates.stage_template_delete(template=stage_template_default(), user=hr_user)
    assert excinfo.value.status == 409
    template = stage_templates.stage_template_create(user=recruiter, name="Brugt", stages=stages("applied", "hired"))
    requisition_make(recruiter, stage_template=template)
    with pytest.raises(ApplicationError) as excinfo:
        stage_templates.stage_template_delete(template=template, user=recruiter)
    assert excinfo.value.status == 409
    unused = stage_templates.stage_template_create(user=recruiter, name="Ubrugt", stages=stages("applied", "hired"))
    stage_templates.stage_template_delete(template=unused, user=recruiter)
    assert not StageTemplate.objects.filter(pk=unused.pk).exists()


def test_it_keeps_a_teams_template_to_its_own_requisitions(recruiter, other_team, other_team_users):
    template = stage_templates.stage_template_create(user=recruiter, name="Vores", stages=stages("applied", "hired"))
    with pytest.raises(ApplicationError) as excinfo:
        requisition_make(other_team_users["recruiter"], stage_template=template)
    assert set(excinfo.value.extra["fields"]) == {"stage_template"}
    assert not Requisition.objects.exists()


def test_it_lets_only_hr_and_admins_change_the_shared_templates(recruiter, hr_user):
    with pytest.raises(ApplicationError) as excinfo:
        stage_templates.stage_template_update(template=internal_move(), user=recruiter, name="Intern")
    assert excinfo.value.status == 403
    with pytest.raises(ApplicationError) as excinfo:
        stage_templates.stage_template_create(
            user=recruiter, name="Fælles", stages=stages("applied", "hired"), is_global=True
        )
    assert excinfo.value.status == 403
    shared = stage_templates.stage_template_create(
        user=hr_user, name="Fælles", stages=stages("applied", "hired"), is_global=True
    )
    assert shared.team is None
    assert stage_templates.stage_template_update(template=internal_move(), user=hr_user, name="Intern").name == "Intern"


def test_forward_moves_of_a_stage_outside_the_template_are_none():
    assert forward_moves(["applied", "hired"], set(), "screened") == []
    assert forward_moves(["applied", "hired"], set(), "hired") == []
    assert forward_moves(["applied", "offer", "hired"], {"offer"}, "applied") == ["offer", "hired"]


# API ---------------------------------------------------------------------------------------------


@pytest.fixture
def as_recruiter(api, recruiter):
    return api.as_user(recruiter)


def test_it_creates_and_lists_templates_through_the_api(as_recruiter, recruiter):
    body = {
        "name": "Intern rekruttering",
        "stages": [{"stage": "applied"}, {"stage": "offer", "name": "Tilbud"}, {"stage": "hired"}],
    }
    created = as_recruiter.post("/api/stage-templates/", body, format="json")
    assert created.status_code == 201, created.json()
    assert created.json()["stages"] == [
        {"stage": "applied", "name": "", "optional": False},
        {"stage": "offer", "name": "Tilbud", "optional": False},
        {"stage": "hired", "name": "", "optional": False},
    ]
    assert created.json()["team"] == team_default().id
    names = [row["name"] for row in as_recruiter.get("/api/stage-templates/").json()["results"]]
    assert names == ["Intern rekruttering", "Internal move", "Standard"]


def test_it_answers_a_bad_template_with_a_message_and_writes_nothing(as_recruiter):
    response = as_recruiter.post(
        "/api/stage-templates/",
        {"name": "Baglæns", "stages": stages("applied", "offer", "interview", "hired")},
        format="json",
    )
    assert response.status_code == 400
    assert "order" in response.json()["message"]
    response = as_recruiter.post("/api/stage-templates/", {"name": "Tom", "stages": []}, format="json")
    assert response.status_code == 400
    assert StageTemplate.objects.count() == 2


def test_a_requisition_takes_a_stage_template_through_the_api(as_recruiter, recruiter):
    template = internal_move()
    response = as_recruiter.post(
        "/api/requisitions/", {"title": "Intern", "role_profile": ADVISOR, "stage_template": template.id}, format="json"
    )
    assert response.status_code == 201, response.json()
    assert (response.json()["stage_template"], response.json()["stage_template_name"]) == (template.id, "Internal move")
    default = as_recruiter.post("/api/requisitions/", {"title": "Almindelig", "role_profile": ADVISOR}, format="json")
    assert default.json()["stage_template_name"] == "Standard"
    requisition = Requisition.objects.get(pk=default.json()["id"])
    application = application_make(recruiter, requisition)
    pipeline.application_move(application=application, stage="screened", user=recruiter)
    refused = as_recruiter.patch(f"/api/requisitions/{requisition.id}/", {"stage_template": template.id}, format="json")
    assert refused.status_code == 409
    assert "screened" in refused.json()["message"]
    missing = as_recruiter.patch(f"/api/requisitions/{requisition.id}/", {"stage_template": 999999}, format="json")
    assert missing.status_code == 400


def test_the_template_api_keeps_teams_apart_and_refuses_wrong_roles(api, recruiter, manager, other_team_users):
    template = stage_templates.stage_template_create(user=recruiter, name="Aarhus", stages=stages("applied", "hired"))
    url = f"/api/stage-templates/{template.id}/"
    assert api.get(url).status_code == 401
    outsider = api.as_user(other_team_users["recruiter"])
    assert outsider.get(url).status_code == 404
    assert outsider.patch(url, {"name": "Vores nu"}, format="json").status_code == 404
    assert outsider.delete(url).status_code == 404
    assert "Aarhus" not in [row["name"] for row in outsider.get("/api/stage-templates/").json()["results"]]
    as_manager = api.as_user(manager)
    assert as_manager.get(url).status_code == 200
    assert as_manager.patch(url, {"name": "Leders"}, format="json").status_code == 403
    assert (
        as_manager.post(
            "/api/stage-templates/", {"name": "X", "stages": stages("applied", "hired")}, format="json"
        ).status_code
        == 403
    )
    shared = f"/api/stage-templates/{internal_move().id}/"
    assert api.as_user(recruiter).patch(shared, {"name": "Intern"}, format="json").status_code == 403
    assert StageTemplate.objects.get(pk=template.pk).name == "Aarhus"


def test_it_shows_hr_every_teams_templates(api, recruiter, other_team_users):
    stage_templates.stage_template_create(user=recruiter, name="Aarhus", stages=stages("applied", "hired"))
    as_hr = api.as_user(other_team_users["hr"])
    assert "Aarhus" in [row["name"] for row in as_hr.get("/api/stage-templates/").json()["results"]]


def test_a_new_recruiter_in_another_team_gets_the_default_template(other_team):
    user = make_user("ny", "recruiter", teams=[other_team])
    assert requisition_make(user).stage_template.is_default


def test_the_migrated_default_template_is_the_standard_pipeline_of_the_code(db):
    default = stage_template_default()
    assert default.team is None
    assert default.stage_codes == list(STANDARD_STAGES)
    assert default.optional_stages == STANDARD_OPTIONAL


def test_the_admin_refuses_a_template_that_is_not_a_pipeline(client, admin_user):
    admin_user.is_staff = admin_user.is_superuser = True
    admin_user.save()
    client.force_login(admin_user)
    assert client.get("/admin/hiring/stagetemplate/").status_code == 200
    response = client.post(
        "/admin/hiring/stagetemplate/add/",
        {"name": "Baglæns", "team": "", "stages": '[{"stage": "hired"}, {"stage": "applied"}]'},
    )
    assert response.status_code == 200
    assert "order" in response.content.decode()
    assert not StageTemplate.objects.filter(name="Baglæns").exists()
    response = client.post(
        "/admin/hiring/stagetemplate/add/",
        {"name": "Kort", "team": "", "stages": '[{"stage": "applied"}, {"stage": "hired", "name": "Ansat"}]'},
    )
    assert response.status_code == 302
    assert StageTemplate.objects.get(name="Kort").stages[1] == {"stage": "hired", "name": "Ansat", "optional": False}
