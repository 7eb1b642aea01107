"""The pipeline board of a requisition: columns, cards, moves with and without a reason, undo,
filters, the interview invitation, the figures, and who may see and change it."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assessments.models import Assessment
from hiring import pipeline, ranking
from hiring.models import Application, ApplicationMove, CandidateEmail
from servicefit.core.models import AccessLog
from tests.hiring.board_helpers import application_make, requisition_make


@pytest.fixture
def requisition(recruiter):
    return requisition_make(recruiter, title="Kundeservice Aarhus")


@pytest.fixture
def mette(recruiter, requisition):
    return application_make(recruiter, requisition, name="Mette Hansen", language="da", source="job_board")


def board(client, requisition, query=""):
    return client.get(f"/hiring/requisitions/{requisition.id}/{query}")


def column_of(html: str, name: str) -> str:
    """The stage of the column whose card shows `name`."""
    before = html[: html.index(f'<strong class="card-name">{name}</strong>')]
    return before[before.rindex('data-stage="') + len('data-stage="') :].split('"')[0]


def test_it_shows_a_column_per_stage_in_pipeline_order_and_a_card_per_application(client, recruiter, mette):
    ApplicationMove.objects.filter(application=mette).update(at=timezone.now() - timedelta(days=3, hours=2))
    client.force_login(recruiter)
    html = board(client, mette.requisition).content.decode()
    stages = [part.split('"')[0] for part in html.split('class="board-column" data-stage="')[1:]]
    assert stages == ["applied", "screened", "assessed", "interview", "offer", "hired", "rejected", "withdrawn"]
    assert column_of(html, "Mette Hansen") == "applied"
    assert "job board · Danish" in html
    assert "3 days in this stage" in html


def test_a_card_shows_the_assessment_status_once_invited(client, recruiter, mette):
    client.force_login(recruiter)
    assert "Assessment:" not in board(client, mette.requisition).content.decode()
    battery = Assessment.objects.get(slug="service-profile-standard")
    ranking.application_invite(application=mette, assessment=battery, user=recruiter, send=False)
    assert "Assessment: Not started" in board(client, mette.requisition).content.decode()


def test_it_moves_a_card_with_the_button_and_stamps_who_did_it(client, recruiter, mette):
    client.force_login(recruiter)
    response = client.post(f"/hiring/applications/{mette.id}/move/", {"stage": "screened", "back": "source=job_board"})
    assert response.status_code == 302
    assert response.url == f"/hiring/requisitions/{mette.requisition_id}/?source=job_board"
    html = client.get(response.url).content.decode()
    assert "Mette Hansen moved to screened." in html
    assert column_of(html, "Mette Hansen") == "screened"
    move = ApplicationMove.objects.filter(application=mette).latest("id")
    assert (move.from_stage, move.to_stage, move.by) == ("applied", "screened", recruiter)


def test_a_card_offers_only_the_moves_its_stage_allows(client, recruiter, mette):
    client.force_login(recruiter)
    html = board(client, mette.requisition).content.decode()
    card = html[html.index('id="application-') : html.index("</li>", html.index('id="application-'))]
    assert 'data-moves="screened assessed rejected withdrawn "' in card
    assert 'value="offer"' not in card
    response = client.post(f"/hiring/applications/{mette.id}/move/", {"stage": "offer"}, follow=True)
    assert "An application in applied cannot move to offer." in response.content.decode()
    assert Application.objects.get(id=mette.id).stage == "applied"


def test_a_rejection_needs_a_reason_and_can_be_taken_back_from_the_card(client, recruiter, mette):
    client.force_login(recruiter)
    response = client.post(f"/hiring/applications/{mette.id}/move/", {"stage": "rejected"}, follow=True)
    assert "Give a reason for rejecting or withdrawing." in response.content.decode()
    assert Application.objects.get(id=mette.id).stage == "applied"

    client.post(f"/hiring/applications/{mette.id}/move/", {"stage": "rejected", "reason": "Ingen weekendvagter"})
    html = board(client, mette.requisition).content.decode()
    assert column_of(html, "Mette Hansen") == "rejected"
    assert "Reason: Ingen weekendvagter" in html
    assert "Undo the last move" in html

    response = client.post(f"/hiring/applications/{mette.id}/undo/", follow=True)
    html = response.content.decode()
    assert "The last move was taken back: Mette Hansen is in applied again." in html
    assert column_of(html, "Mette Hansen") == "applied"
    # Nothing left to undo: the button is gone, and a stale one is refused with a message.
    assert "Undo the last move" not in html
    response = client.post(f"/hiring/applications/{mette.id}/undo/", follow=True)
    assert "There is no move to undo." in response.content.decode()


def test_it_filters_the_board_by_stage_source_language_and_name(client, recruiter, requisition, mette):
    lars = application_make(recruiter, requisition, name="Lars Berg", language="nb", source="referral")
    application_make(recruiter, requisition, name="Anna Lind", language="sv", source="internal_move")
    pipeline.application_move(application=lars, stage="screened", user=recruiter)
    client.force_login(recruiter)

    def names(query):
        html = board(client, requisition, query).content.decode()
        return {n for n in ("Mette Hansen", "Lars Berg", "Anna Lind") if f">{n}</strong>" in html}

    assert names("") == {"Mette Hansen", "Lars Berg", "Anna Lind"}
    assert names("?stage=screened") == {"Lars Berg"}
    assert names("?source=internal_move") == {"Anna Lind"}
    assert names("?language=da") == {"Mette Hansen"}
    assert names("?q=berg") == {"Lars Berg"}
    html = board(client, requisition, "?q=nobody").content.decode()
    assert "No applications match these filters." in html
    # A filter value that is no choice is said, not a server error.
    response = board(client, requisition, "?stage=nonsense")
    assert response.status_code == 200
    assert "Some filters were not understood" in response.content.decode()


def test_an_empty_board_says_how_to_fill_it(client, recruiter, requisition):
    client.force_login(recruiter)
    assert "No applications yet. Add candidates" in board(client, requisition).content.decode()


def test_the_people_shown_are_access_logged_without_names(client, recruiter, requisition, mette):
    application_make(recruiter, requisition, name="Lars Berg", language="nb")
    client.force_login(recruiter)
    board(client, requisition, "?language=da")
    logged = AccessLog.objects.filter(user=recruiter, action="view", target_type="hiring.application")
    assert [row.target_id for row in logged] == [str(mette.id)]
    assert "Mette" not in str(list(logged.values()))


def test_the_board_takes_the_same_number_of_queries_for_three_or_twelve_applications(
    client, recruiter, requisition, mette
):
    client.force_login(recruiter)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert board(client, requisition).status_code == 200
        return len(queries)

    for number in range(2):
        application_make(recruiter, requisition, name=f"Person {number}")
    few = count()
    for number in range(2, 11):
        application_make(recruiter, requisition, name=f"Person {number}")
    assert count() == few


def test_a_hiring_manager_reads_the_board_of_their_team_but_cannot_move(client, manager, mette):
    client.force_login(manager)
    html = board(client, mette.requisition).content.decode()
    assert "Mette Hansen" in html
    assert "move-form" not in html and "bulk-form" not in html and "board.js" not in html
    assert client.post(f"/hiring/applications/{mette.id}/move/", {"stage": "screened"}).status_code == 403
    assert client.post(f"/hiring/applications/{mette.id}/undo/").status_code == 403
    assert Application.objects.get(id=mette.id).stage == "applied"


def test_another_team_and_anonymous_users_are_refused(client, other_team_users, mette):
    response = board(client, mette.requisition)
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")
    for role in ("recruiter", "manager"):
        client.force_login(other_team_users[role])
        assert board(client, mette.requisition).status_code == 404
    client.force_login(other_team_users["recruiter"])
    assert client.post(f"/hiring/applications/{mette.id}/move/", {"stage": "screened"}).status_code == 404
    assert Application.objects.get(id=mette.id).stage == "applied"


def test_an_interview_invitation_moves_to_interview_and_emails_the_candidate_in_danish(
    client, recruiter, mette, django_capture_on_commit_callbacks
):
    pipeline.application_move(application=mette, stage="screened", user=recruiter)
    client.force_login(recruiter)
    when = (timezone.localtime() + timedelta(days=3)).replace(hour=10, minute=30)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/hiring/applications/{mette.id}/interview/",
            {"when": when.strftime("%Y-%m-%dT%H:%M"), "place": "Søndergade 4, Aarhus"},
            follow=True,
        )
    assert "Mette Hansen is invited to an interview." in response.content.decode()
    assert Application.objects.get(id=mette.id).stage == "interview"
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["mette.hansen@example.dk"]
    assert sent.subject == "Invitation til samtale: Kundeservice Aarhus"
    assert "Kære Mette Hansen" in sent.body and "Sted: Søndergade 4, Aarhus" in sent.body
    assert "10:30" in sent.body
    assert CandidateEmail.objects.get(application=mette).sent_at is not None


def test_an_interview_invitation_for_the_past_or_without_a_place_changes_nothing(
    client, recruiter, mette, django_capture_on_commit_callbacks
):
    pipeline.application_move(application=mette, stage="screened", user=recruiter)
    client.force_login(recruiter)
    past = timezone.localtime() - timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/hiring/applications/{mette.id}/interview/",
            {"when": past.strftime("%Y-%m-%dT%H:%M"), "place": "Aarhus"},
            follow=True,
        )
        client.post(f"/hiring/applications/{mette.id}/interview/", {"when": "next tuesday", "place": ""})
    assert "The interview time has passed" in response.content.decode()
    assert Application.objects.get(id=mette.id).stage == "screened"
    assert not mail.outbox and not CandidateEmail.objects.exists()


def test_the_board_shows_the_figures_and_the_api_gives_them(client, api, recruiter, manager, other_team_users, mette):
    pipeline.application_move(application=mette, stage="screened", user=recruiter)
    client.force_login(recruiter)
    html = board(client, mette.requisition).content.decode()
    assert "Time in stage" in html and "Conversion" in html and "Applications per source" in html

    response = api.as_user(manager).get(f"/api/requisitions/{mette.requisition_id}/figures/")
    assert response.status_code == 200
    data = response.json()
    assert data["sources"] == [
        {
            "source": "job_board",
            "applications": 1,
            "reached": {
                **dict.fromkeys(data["forward"], 0),
                "applied": 1,
                "screened": 1,
                "rejected": 0,
                "withdrawn": 0,
            },
        }
    ]
    assert data["conversion"][0] == {"stage": "applied", "reached": 1, "moved_on": 1, "rate": 1.0}
    assert (
        api.as_user(other_team_users["recruiter"]).get(f"/api/requisitions/{mette.requisition_id}/figures/").status_code
        == 404
    )
    api.credentials()
    assert api.get(f"/api/requisitions/{mette.requisition_id}/figures/").status_code == 401
