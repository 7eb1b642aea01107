"""The invitation e-mail comes from the employer, names the job and gives the true length."""

import re
from email import message_from_bytes
from email import policy as email_policy

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext, ngettext

from assessments import services

from .candidate_setup import EMPLOYER, JOB, LOGO_SVG, employer_set, job_invitation, png


def sent(execute_callbacks, make):
    mail.outbox.clear()
    with execute_callbacks(execute=True):
        make()
    [message] = mail.outbox
    return message


def in_swedish(message: str, **values) -> str:
    with translation.override("sv"):
        return gettext(message) % values


def length_sentence(language: str) -> str:
    with translation.override(language):
        return ngettext(
            "It takes about %(counter)s minute in all: the timed parts alone are %(timed)s minutes, and the other "
            "parts take most people about %(untimed)s minutes.",
            "It takes about %(counter)s minutes in all: the timed parts alone are %(timed)s minutes, and the other "
            "parts take most people about %(untimed)s minutes.",
            50,
        ) % {"counter": 50, "timed": 40, "untimed": 10}


@pytest.mark.django_db
def test_the_invitation_comes_from_the_employer_and_names_the_job(recruiter, django_capture_on_commit_callbacks):
    employer_set(sender_name="Nordlys Rekruttering", sender_email="job@nordlys.example")
    message = sent(django_capture_on_commit_callbacks, lambda: job_invitation(recruiter, language="sv"))
    assert message.from_email == '"Nordlys Rekruttering" <job@nordlys.example>'
    assert message.subject == in_swedish(
        "Your invitation from %(employer)s: %(title)s", employer=EMPLOYER, title="Serviceprofil och färdigheter"
    )
    body = message.body
    assert in_swedish(
        "Thank you for your application for the job as %(job)s. "
        'As the next step, we invite you to take the assessment "%(title)s".',
        job=JOB,
        title="Serviceprofil och färdigheter",
    ) in " ".join(body.split())
    assert length_sentence("sv") in " ".join(body.split())
    assert body.rstrip().endswith(EMPLOYER)


@pytest.mark.django_db
def test_replies_go_to_the_recruiter_who_invited(recruiter, django_capture_on_commit_callbacks):
    recruiter.email = "rekrutterer@nordlys.example"
    recruiter.save()
    message = sent(django_capture_on_commit_callbacks, lambda: job_invitation(recruiter))
    assert message.reply_to == ["rekrutterer@nordlys.example"]


def test_the_danish_invitation_without_employer_or_job_gives_the_true_length_not_35_minutes(invitation):
    [message] = mail.outbox
    body = " ".join(message.body.split())
    assert length_sentence("da") in body
    # The personal link's random token may hold "35" by chance: look at the words only.
    words = re.sub(r"https?://\S+", "", body)
    assert re.search(r"\b35\b", words) is None


@pytest.mark.django_db
def test_a_png_logo_travels_inside_the_html_e_mail(recruiter, django_capture_on_commit_callbacks):
    employer_set(logo=png())
    message = sent(django_capture_on_commit_callbacks, lambda: job_invitation(recruiter))
    [(html, kind)] = message.alternatives
    assert kind == "text/html"
    assert 'src="cid:employer-logo"' in html
    assert JOB in html and EMPLOYER in html
    parsed = message_from_bytes(message.message().as_bytes(), policy=email_policy.default)
    assert parsed.get_content_type() == "multipart/related"
    [image] = [part for part in parsed.walk() if part.get_content_type() == "image/png"]
    assert image["Content-ID"] == "<employer-logo>"
    assert image.get_content() == png()
    assert "http" not in html.split("cid:employer-logo")[0].split("<img")[-1]  # nothing fetched when opened


@pytest.mark.django_db
def test_an_svg_logo_stays_out_of_the_e_mail_and_the_name_remains(recruiter, django_capture_on_commit_callbacks):
    employer_set(logo=LOGO_SVG)
    message = sent(django_capture_on_commit_callbacks, lambda: job_invitation(recruiter))
    [(html, _kind)] = message.alternatives
    assert "cid:" not in html and EMPLOYER in html
    assert not any(part.get_content_type().startswith("image/") for part in message.message().walk())


@pytest.mark.django_db
def test_the_reminder_comes_from_the_employer_too(recruiter, django_capture_on_commit_callbacks):
    employer_set()
    with django_capture_on_commit_callbacks(execute=True):
        invitation = job_invitation(recruiter)
    mail.outbox.clear()
    services.invitation_send(invitation_id=invitation.id, reminder=True)
    [message] = mail.outbox
    assert message.subject == in_swedish(
        "Reminder from %(employer)s: %(title)s", employer=EMPLOYER, title="Serviceprofil och färdigheter"
    )
    assert EMPLOYER in message.from_email
    assert JOB in message.body


@pytest.mark.django_db
def test_the_employer_is_also_the_sender_of_hirings_e_mails(recruiter, django_capture_on_commit_callbacks):
    from hiring.messages import candidate_email_send
    from tests.hiring.board_helpers import application_make, requisition_make

    employer_set(sender_email="job@nordlys.example")
    application = application_make(recruiter, requisition_make(recruiter, title=JOB), name="Kim Olsen", language="da")
    message = sent(
        django_capture_on_commit_callbacks,
        lambda: candidate_email_send(application=application, kind="rejection", user=recruiter),
    )
    assert message.from_email == f'"{EMPLOYER}" <job@nordlys.example>'
