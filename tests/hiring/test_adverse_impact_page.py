import csv
import io

import pytest

from hiring import pipeline
from hiring.models import SelfIdQuestion, Stage
from hiring.self_identification import self_id_answers_record
from profiles.models import RoleProfile
from servicefit.core.models import AccessLog
from tests.hiring.impact_factories import applicants


@pytest.fixture
def requisition(recruiter):
    return pipeline.requisition_create(
        user=recruiter,
        title="Kundeservice Horsens",
        role_profile=RoleProfile.objects.get(slug="advisor-controller-led"),
    )


@pytest.fixture
def with_applicants(recruiter, requisition):
    applicants(user=recruiter, requisition=requisition, count=6, reach=Stage.SCREENED, source="job_board")
    applicants(user=recruiter, requisition=requisition, count=2, reach=Stage.APPLIED, source="job_board", reject=True)
    applicants(user=recruiter, requisition=requisition, count=2, reach=Stage.SCREENED, source="referral")
    applicants(user=recruiter, requisition=requisition, count=6, reach=Stage.APPLIED, source="referral", reject=True)
    applicants(user=recruiter, requisition=requisition, count=3, reach=Stage.INTERVIEW, source="internal_move")
    return requisition


def page(client, requisition, query=""):
    return client.get(f"/hiring/requisitions/{requisition.id}/adverse-impact/{query}")


def test_it_marks_a_flagged_group_in_words_and_hides_small_groups(client, recruiter, with_applicants):
    client.force_login(recruiter)
    response = page(client, with_applicants, "?stage=screened")

    assert response.status_code == 200
    html = response.content.decode()
    # Referral: 2 of 8 against 6 of 8 → ratio 0.33, in words, not only in colour.
    assert "Below four fifths" in html and 'class="flagged"' in html
    assert "0.33" in html and "25 %" in html and "75 %" in html
    assert "Highest rate (reference)" in html
    # Internal moves: three applicants, so their outcome is not shown.
    assert "Internal move" in html and "fewer than 5" in html
    assert "Ansøger" not in html
    assert "less than four fifths of the highest" in html and "Fisher" in html


def test_it_shows_every_stage_by_default_and_one_when_filtered(client, recruiter, with_applicants):
    client.force_login(recruiter)
    everything = page(client, with_applicants).content.decode()
    assert all(f'id="stage-{stage}"' in everything for stage in ("screened", "assessed", "interview", "offer", "hired"))

    one = page(client, with_applicants, "?stage=interview").content.decode()
    assert 'id="stage-interview"' in one and 'id="stage-screened"' not in one


def test_it_answers_a_stage_it_does_not_know_with_400_and_a_message(client, recruiter, with_applicants):
    client.force_login(recruiter)
    response = page(client, with_applicants, "?stage=nonsense")
    assert response.status_code == 400
    assert "Choose one of the stages" in response.content.decode()


def test_it_shows_a_self_identification_question_with_the_undisclosed_counted(client, recruiter, requisition):
    SelfIdQuestion.objects.create(team=requisition.team, key="age", label="Aldersgruppe", options=["under 30", "30+"])
    for application in applicants(user=recruiter, requisition=requisition, count=5, reach=Stage.SCREENED):
        self_id_answers_record(candidate=application.candidate, answers={"age": "under 30"}, user=recruiter)
    applicants(user=recruiter, requisition=requisition, count=2, reach=Stage.SCREENED)
    client.force_login(recruiter)

    html = page(client, requisition, "?stage=screened").content.decode()

    assert "Aldersgruppe" in html and "Under 30" in html
    assert "2 applicants did not answer or preferred not to say." in html


def test_it_says_so_when_there_are_no_applicants(client, recruiter, requisition):
    client.force_login(recruiter)
    html = page(client, requisition).content.decode()
    assert "No figures yet" in html and "Download CSV" not in html


def test_it_downloads_the_figures_as_csv_with_the_stage_filter(client, recruiter, with_applicants):
    client.force_login(recruiter)
    response = client.get(f"/hiring/requisitions/{with_applicants.id}/adverse-impact.csv?stage=screened")

    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode().lstrip("\ufeff"))))
    referral = next(r for r in rows if r["grouping"] == "source" and r["group"] == "referral")
    assert (referral["applicants"], referral["selected"], referral["flagged"]) == ("8", "2", "True")
    assert float(referral["impact_ratio"]) == pytest.approx(1 / 3, abs=1e-4)
    internal = next(r for r in rows if r["group"] == "internal_move")
    assert (internal["suppressed"], internal["applicants"], internal["rate"]) == ("True", "", "")
    assert {r["stage"] for r in rows} == {"screened"}
    assert client.get(f"/hiring/requisitions/{with_applicants.id}/adverse-impact.csv?stage=x").status_code == 400


def test_each_view_is_logged_against_the_requisition(client, recruiter, with_applicants):
    client.force_login(recruiter)
    page(client, with_applicants)
    client.get(f"/hiring/requisitions/{with_applicants.id}/adverse-impact.csv")
    assert (
        list(AccessLog.objects.values_list("target_type", "target_id"))
        == [("hiring.requisition", str(with_applicants.id))] * 2
    )


def test_another_team_a_wrong_role_and_the_anonymous_are_refused(client, manager, other_team_users, requisition):
    response = page(client, requisition)
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")
    client.force_login(manager)
    assert page(client, requisition).status_code == 403
    client.force_login(other_team_users["recruiter"])
    assert page(client, requisition).status_code == 404
    assert client.get(f"/hiring/requisitions/{requisition.id}/adverse-impact.csv").status_code == 404
    client.force_login(other_team_users["hr"])
    assert page(client, requisition).status_code == 200


def test_it_renders_in_danish(client, recruiter, with_applicants):
    client.force_login(recruiter)
    response = client.get(
        f"/hiring/requisitions/{with_applicants.id}/adverse-impact/?stage=screened", HTTP_ACCEPT_LANGUAGE="da"
    )
    assert response.status_code == 200
    # Danish number format: a decimal comma.
    assert "0,33" in response.content.decode()
