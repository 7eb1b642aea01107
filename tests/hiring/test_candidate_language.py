"""A candidate who chooses another language on the assessment's pages gets the recruiter's later
e-mails (rejection, interview, the next invitation) in that language too, not the one first entered."""

from django.core import mail
from django.test import Client

from assessments import services as assessment_services
from assessments.models import Assessment
from hiring import ranking
from hiring.messages import candidate_email_send
from hiring.models import Application, Candidate
from tests.hiring.board_helpers import application_make, requisition_make

BATTERY = "service-profile-standard"


def test_it_sends_the_rejection_in_the_language_the_candidate_chose_on_the_assessment(
    recruiter, django_capture_on_commit_callbacks
):
    application = application_make(recruiter, requisition_make(recruiter, title="Kundeservice"), language="da")
    with django_capture_on_commit_callbacks(execute=True):
        invitation = ranking.application_invite(
            application=application, assessment=Assessment.objects.get(slug=BATTERY), user=recruiter
        )
    token = assessment_services.invitation_token(invitation)

    # A Swede entered as Danish: the welcome page's language switch.
    assert Client().get(f"/take/{token}/?lang=sv").status_code == 302

    assert Candidate.objects.get().language == "sv"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        candidate_email_send(application=Application.objects.get(), kind="rejection", user=recruiter)
    [sent] = mail.outbox
    assert sent.subject == "Din ansökan: Kundeservice"
    assert sent.body.startswith("Hej Mette Hansen,")


def test_a_link_of_another_candidate_changes_nobody_elses_language(recruiter, django_capture_on_commit_callbacks):
    requisition = requisition_make(recruiter, title="Kundeservice")
    first = application_make(recruiter, requisition, name="Mette Hansen", language="da")
    second = application_make(recruiter, requisition, name="Ole Nielsen", language="da")
    battery = Assessment.objects.get(slug=BATTERY)
    invitation = ranking.application_invite(application=first, assessment=battery, user=recruiter, send=False)
    ranking.application_invite(application=second, assessment=battery, user=recruiter, send=False)

    Client().get(f"/take/{assessment_services.invitation_token(invitation)}/?lang=nb")

    assert dict(Candidate.objects.values_list("name", "language")) == {"Mette Hansen": "nb", "Ole Nielsen": "da"}
