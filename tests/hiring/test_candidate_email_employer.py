"""The recruiter's built-in e-mails to a candidate name the employer, as the assessment invitation
does, not the internal team the requisition belongs to ("hos Copenhagen", "Venlig hilsen Team Bergen")."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from hiring.messages import candidate_email_send
from servicefit.core.employer import employer_profile_update
from servicefit.core.teams import team_create
from tests.conftest import make_user
from tests.hiring.board_helpers import application_make, requisition_make

SIGN_OFFS = {"da": "Venlig hilsen", "nb": "Vennlig hilsen", "sv": "Vänliga hälsningar", "en": "Kind regards"}


@pytest.fixture
def recruiter_in_bergen(db):
    return make_user("rasmus", "recruiter", teams=[team_create(name="Team Bergen")])


@pytest.mark.parametrize("language", ["da", "nb", "sv", "en"])
@pytest.mark.parametrize("kind", ["rejection", "interview"])
def test_it_names_and_signs_with_the_employer(recruiter_in_bergen, language, kind, django_capture_on_commit_callbacks):
    employer_profile_update(name="Nordlys Energi", sender_name="", sender_email="", candidate_feedback=False, logo=None)
    application = application_make(recruiter_in_bergen, requisition_make(recruiter_in_bergen), language=language)
    extra = {"when": timezone.now() + timedelta(days=3), "place": "Havnegade 1"} if kind == "interview" else None

    with django_capture_on_commit_callbacks(execute=True):
        candidate_email_send(application=application, kind=kind, user=recruiter_in_bergen, extra=extra)

    [sent] = mail.outbox
    assert "Team Bergen" not in sent.body
    assert "Nordlys Energi" in sent.body.split("\n\n")[1]  # the opening paragraph names the employer
    assert sent.body.rstrip().endswith(f"{SIGN_OFFS[language]}\nNordlys Energi")


def test_without_an_employer_name_the_team_still_signs(recruiter_in_bergen, django_capture_on_commit_callbacks):
    application = application_make(recruiter_in_bergen, requisition_make(recruiter_in_bergen), language="da")
    with django_capture_on_commit_callbacks(execute=True):
        candidate_email_send(application=application, kind="rejection", user=recruiter_in_bergen)
    [sent] = mail.outbox
    assert sent.body.rstrip().endswith("Venlig hilsen\nTeam Bergen")
