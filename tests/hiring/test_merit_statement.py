import pytest

from hiring import pipeline
from hiring.models import Requisition
from servicefit.core.models import AccessLog

from .privacy_factories import apply, assessed, candidate_make, requisition_make


@pytest.fixture
def filled(recruiter):
    """A filled requisition: one candidate hired (assessed), one rejected."""
    requisition = requisition_make(recruiter, title="Kundtjänst Malmö")
    hired = candidate_make(
        recruiter, 1, language="sv", education="Gymnasieexamen, ekonomiprogrammet", experience="Fyra år i kundtjänst"
    )
    application = apply(recruiter, hired, requisition)
    assessed(application, recruiter, types={"controller": 4.6, "rock": 4.1}, competencies={"de_escalation": 85.0})
    for stage in ("screened", "interview", "offer", "hired"):
        pipeline.application_move(application=application, stage=stage, user=recruiter)
    rejected = candidate_make(recruiter, 2, education="Avvisad utbildning")
    pipeline.application_move(
        application=apply(recruiter, rejected, requisition), stage="rejected", user=recruiter, reason="Annan profil"
    )
    Requisition.objects.filter(id=requisition.id).update(status=Requisition.Status.FILLED)
    return requisition, hired, rejected


def url(requisition, query=""):
    return f"/hiring/requisitions/{requisition.id}/merit-statement/{query}"


def test_it_shows_the_hired_persons_merits_and_logs_the_read(client, recruiter, filled):
    requisition, hired, rejected = filled
    client.force_login(recruiter)
    page = client.get(url(requisition, "?lang=en"))
    assert page.status_code == 200
    text = page.content.decode()
    assert hired.name in text and "Gymnasieexamen, ekonomiprogrammet" in text and "Fyra år i kundtjänst" in text
    assert "Most like the Controller type, then Rock" in text
    assert ": 5" in text  # 85 % on de-escalation is level 5
    assert rejected.name not in text and "Avvisad utbildning" not in text
    assert "chapter 2, section 4" in text
    assert 'href="/static/css/statement.css"' in text
    log = AccessLog.objects.get(action="view")
    assert (log.user_id, log.category, log.target_id) == (recruiter.id, "applicant", str(hired.id))


def test_it_writes_the_statement_in_the_language_asked_for(client, recruiter, filled):
    requisition, _hired, _rejected = filled
    client.force_login(recruiter)
    assert b'<article class="statement" lang="sv">' in client.get(url(requisition)).content  # Swedish by default
    assert b'<article class="statement" lang="da">' in client.get(url(requisition, "?lang=da")).content
    assert b'<article class="statement" lang="sv">' in client.get(url(requisition, "?lang=xx")).content


def test_it_downloads_the_statement_as_text(client, recruiter, filled):
    requisition, hired, _rejected = filled
    client.force_login(recruiter)
    response = client.get(url(requisition, "?lang=en&format=txt"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="merit-statement-{requisition.id}-en.txt"'
    text = response.content.decode()
    assert f"== {hired.name} ==" in text and "Education: Gymnasieexamen, ekonomiprogrammet" in text
    assert "<" not in text
    assert AccessLog.objects.filter(action="view", target_id=str(hired.id)).count() == 1


def test_it_refuses_a_requisition_that_is_not_filled(client, recruiter):
    requisition = requisition_make(recruiter)
    client.force_login(recruiter)
    response = client.get(url(requisition))
    assert response.status_code == 409 and b"only given for a filled requisition" in response.content
    assert not AccessLog.objects.exists()


def test_it_refuses_anonymous_a_wrong_role_and_another_team(client, filled, manager, other_team_users, hr_user):
    requisition, _hired, _rejected = filled
    anonymous = client.get(url(requisition))
    assert anonymous.status_code == 302 and anonymous.url.startswith("/accounts/login/")
    client.force_login(manager)
    assert client.get(url(requisition)).status_code == 403
    client.force_login(other_team_users["recruiter"])
    assert client.get(url(requisition)).status_code == 404
    assert client.get(url(requisition, "?format=txt")).status_code == 404
    assert not AccessLog.objects.exists()
    client.force_login(hr_user)  # HR reaches every team
    assert client.get(url(requisition)).status_code == 200
