import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from hiring import pipeline
from hiring.models import Application, ApplicationMove, Candidate, Requisition, Stage, stage_moves_from
from hiring.pipeline_matching import names_close, phone_normalize
from profiles.models import RoleProfile
from servicefit.core.exceptions import ApplicationError
from servicefit.core.models import AccessLog
from servicefit.core.personal_data import Subject
from servicefit.core.services import personal_data_erase, personal_data_export


@pytest.fixture
def requisition(recruiter):
    return pipeline.requisition_create(
        user=recruiter, title="Kundeservice Aarhus", role_profile=RoleProfile.objects.get(slug="advisor-controller-led")
    )


def candidate_make(user, name="Mette Hansen", email="mette@example.dk", phone="", **kwargs):
    return pipeline.candidate_create(user=user, name=name, email=email, phone=phone, language="da", **kwargs)


@pytest.fixture
def application(recruiter, requisition):
    return pipeline.application_create(
        user=recruiter, candidate=candidate_make(recruiter).candidate, requisition=requisition
    )


def test_it_creates_a_requisition_and_dates_it_when_it_opens(recruiter, requisition):
    assert (requisition.status, requisition.opened_on, requisition.openings) == ("draft", None, 1)
    pipeline.requisition_update(requisition=requisition, status="open")
    assert requisition.opened_on is not None
    pipeline.requisition_update(requisition=requisition, status="closed")
    assert requisition.closed_on is not None
    pipeline.requisition_update(requisition=requisition, status="open")
    assert requisition.closed_on is None


def test_it_refuses_a_requisition_without_openings_and_writes_nothing(recruiter):
    with pytest.raises(ApplicationError) as excinfo:
        pipeline.requisition_create(user=recruiter, title="", openings=0, role_profile=RoleProfile.objects.first())
    assert {"title", "openings"} <= set(excinfo.value.extra["fields"])
    assert not Requisition.objects.exists()


def test_it_normalises_phone_numbers_and_refuses_bad_input(recruiter):
    saved = candidate_make(recruiter, phone="+45 20 12-34 56")
    assert saved.candidate.phone == "+4520123456"
    assert saved.possible_duplicates == []
    with pytest.raises(ApplicationError) as excinfo:
        pipeline.candidate_create(
            user=recruiter, name=" ", email="not-an-address", phone="call me", language="xx", consent_at=None
        )
    assert set(excinfo.value.extra["fields"]) == {"name", "email", "phone", "language"}
    assert Candidate.objects.count() == 1


def test_it_refuses_a_consent_without_its_text_version(recruiter):
    from django.utils import timezone

    with pytest.raises(ApplicationError) as excinfo:
        candidate_make(recruiter, consent_at=timezone.now())
    assert set(excinfo.value.extra["fields"]) == {"consent_text_version"}


def test_it_flags_duplicates_by_email_phone_and_close_name_and_never_merges(recruiter, other_team_users):
    first = candidate_make(recruiter, phone="20 12 34 56").candidate
    by_email = candidate_make(recruiter, name="M. H.", email="METTE@example.dk")
    by_phone = candidate_make(recruiter, name="Ole Dam", email="ole@example.dk", phone="+45 2012 3456")
    by_name = candidate_make(recruiter, name="Hansen, Mete", email="mh@example.dk")
    unrelated = candidate_make(recruiter, name="Jens Nielsen", email="jens@example.dk")
    assert [(d.candidate, d.reasons) for d in by_email.possible_duplicates] == [(first, ("email",))]
    assert [(d.candidate, d.reasons) for d in by_phone.possible_duplicates] == [(first, ("phone",))]
    assert {d.candidate.id: d.reasons for d in by_name.possible_duplicates} == {first.id: ("name",)}
    assert unrelated.possible_duplicates == []
    # Another team's same person is not this team's duplicate.
    elsewhere = candidate_make(other_team_users["recruiter"])
    assert elsewhere.possible_duplicates == []
    assert Candidate.objects.count() == 6


@pytest.mark.parametrize(
    ("a", "b", "close"),
    [
        ("Mette Hansen", "hansen,  METTE", True),
        ("Mette Hansen", "Mete Hansen", True),
        ("José Nuñez", "Jose Nunez", True),
        ("Mette Hansen", "Mette Jensen", False),
        ("Jens Olsen", "Jens Nielsen", False),
    ],
)
def test_it_compares_names_up_to_order_case_accents_and_a_typo(a, b, close):
    assert names_close(a, b) is close


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("0045 20123456", "+4520123456"),
        ("20.12.34.56", "20123456"),
        ("12345", None),
        ("+46 (0)8 123 456", "+460812345 6".replace(" ", "")),
    ],
)
def test_it_normalises_phone_numbers(raw, normal):
    assert phone_normalize(raw) == normal


def test_it_refuses_a_second_application_and_a_candidate_of_another_team(recruiter, requisition, other_team_users):
    candidate = candidate_make(recruiter).candidate
    pipeline.application_create(user=recruiter, candidate=candidate, requisition=requisition)
    with pytest.raises(ApplicationError) as excinfo:
        pipeline.application_create(user=recruiter, candidate=candidate, requisition=requisition)
    assert excinfo.value.status == 409
    outsider = candidate_make(other_team_users["recruiter"], email="x@example.dk").candidate
    with pytest.raises(ApplicationError):
        pipeline.application_create(user=recruiter, candidate=outsider, requisition=requisition)
    assert Application.objects.count() == 1
    assert ApplicationMove.objects.get().to_stage == "applied"


ALLOWED = {
    "applied": {"screened", "assessed", "rejected", "withdrawn"},
    "screened": {"assessed", "interview", "rejected", "withdrawn"},
    "assessed": {"interview", "rejected", "withdrawn"},
    "interview": {"offer", "rejected", "withdrawn"},
    "offer": {"hired", "rejected", "withdrawn"},
    "hired": set(),
    "rejected": set(),
    "withdrawn": set(),
}


def test_the_allowed_moves_are_the_ones_written_down():
    assert {stage: set(stage_moves_from(stage)) for stage in Stage.values} == ALLOWED


@pytest.mark.parametrize(("start", "target"), [(s, t) for s in Stage.values for t in Stage.values])
def test_it_allows_and_refuses_every_move(recruiter, application, start, target):
    Application.objects.filter(pk=application.pk).update(
        stage=start, reason="x" if start in ("rejected", "withdrawn") else ""
    )
    moves_before = ApplicationMove.objects.count()
    if target in ALLOWED[start]:
        moved = pipeline.application_move(application=application, stage=target, user=recruiter, reason="Ikke relevant")
        assert moved.stage == target
        move = ApplicationMove.objects.latest("id")
        assert (move.from_stage, move.to_stage, move.by, move.at is not None) == (start, target, recruiter, True)
    else:
        with pytest.raises(ApplicationError) as excinfo:
            pipeline.application_move(application=application, stage=target, user=recruiter, reason="Ikke relevant")
        assert excinfo.value.status == 409
        assert ApplicationMove.objects.count() == moves_before
        assert Application.objects.get(pk=application.pk).stage == start


def test_a_rejection_needs_a_reason(recruiter, application):
    with pytest.raises(ApplicationError) as excinfo:
        pipeline.application_move(application=application, stage="rejected", user=recruiter, reason="  ")
    assert excinfo.value.extra["fields"] == {"reason": ["required"]}


def test_it_hires_no_more_than_the_openings(recruiter, requisition, application):
    other = pipeline.application_create(
        user=recruiter,
        candidate=candidate_make(recruiter, "Ole Dam", "ole@example.dk").candidate,
        requisition=requisition,
    )
    Application.objects.filter(pk__in=[application.pk, other.pk]).update(stage="offer")
    pipeline.application_move(application=application, stage="hired", user=recruiter)
    with pytest.raises(ApplicationError) as excinfo:
        pipeline.application_move(application=other, stage="hired", user=recruiter)
    assert excinfo.value.status == 409


def test_it_takes_back_a_rejection_and_records_who_and_when(recruiter, hr_user, application):
    pipeline.application_move(application=application, stage="screened", user=recruiter)
    pipeline.application_move(application=application, stage="rejected", user=recruiter, reason="Ingen dansk")
    restored = pipeline.application_move_undo(application=application, user=hr_user, reason="Fejl")
    assert (restored.stage, restored.reason) == ("screened", "")
    rejection = ApplicationMove.objects.get(to_stage="rejected")
    undo = ApplicationMove.objects.get(undo_of=rejection)
    assert rejection.undone_at == undo.at
    assert (undo.from_stage, undo.to_stage, undo.by, undo.reason) == ("rejected", "screened", hr_user, "Fejl")
    # Undo again: back to applied; then nothing is left to undo (creation is not a move to take back).
    assert pipeline.application_move_undo(application=application, user=hr_user).stage == "applied"
    with pytest.raises(ApplicationError) as excinfo:
        pipeline.application_move_undo(application=application, user=hr_user)
    assert excinfo.value.status == 409


def test_it_takes_application_moves_in_a_transaction_with_a_row_lock(recruiter, application, django_assert_num_queries):
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        pipeline.application_move(application=application, stage="screened", user=recruiter)
    sql = " ".join(q["sql"] for q in queries.captured_queries)
    assert "SAVEPOINT" in sql or "BEGIN" in sql or connection.in_atomic_block
    assert Application.objects.get(pk=application.pk).stage == "screened"


def test_it_erases_an_applicant_so_no_name_email_or_phone_survives(recruiter, hr_user, admin_user, requisition):
    from tests.assessments.test_personal_data import database_text

    candidate = candidate_make(
        recruiter, name="Ingeborg Zebrafinch", email="ingeborg.z@example.dk", phone="+45 99887766"
    ).candidate
    application = pipeline.application_create(user=recruiter, candidate=candidate, requisition=requisition)
    pipeline.application_move(application=application, stage="rejected", user=recruiter, reason="Zebrafinch sagde nej")
    pipeline.application_move_undo(application=application, user=recruiter)
    LogEntry.objects.create(
        user=admin_user,
        content_type=ContentType.objects.get_for_model(Candidate),
        object_id=str(candidate.id),
        object_repr=str(candidate),
        action_flag=CHANGE,
        change_message="was ingeborg.z@example.dk",
    )
    markers = ["zebrafinch", "ingeborg.z@example.dk", "4599887766"]
    exported = personal_data_export(subject=Subject(email="INGEBORG.Z@example.dk"), user=hr_user)
    applicant = exported["data"]["applicant"]["candidates"][0]
    assert applicant["phone"] == "+4599887766"
    assert [m["to"] for m in applicant["applications"][0]["moves"]] == ["applied", "rejected", "applied"]
    assert all(marker in database_text() for marker in markers)

    assert personal_data_erase(subject=Subject(reference=candidate.id), user=hr_user) == {"applicant": 1}

    after = database_text()
    assert [marker for marker in markers if marker in after] == []
    assert not Application.objects.exists() and not ApplicationMove.objects.exists()
    assert Requisition.objects.filter(pk=requisition.pk).exists()
    log = AccessLog.objects.get(action="erase")
    assert (log.category, log.target_id, log.user_id) == ("applicant", str(candidate.id), hr_user.id)
