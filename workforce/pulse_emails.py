from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from workforce.models import PulseInvitation


def pulse_invitation_email(invitation: PulseInvitation, token: str, *, language: str) -> EmailMultiAlternatives:
    """The survey link in the agent's language, as plain text."""
    with translation.override(language):
        context = {
            "name": invitation.agent.name,
            "title": invitation.survey.title,
            "closes_on": invitation.survey.closes_on,
            "url": settings.SITE_URL.rstrip("/") + reverse("pulse:answer", args=[token]),
        }
        subject = render_to_string("workforce/email/pulse_subject.txt", context).strip()
        body = render_to_string("workforce/email/pulse_body.txt", context)
    return EmailMultiAlternatives(subject=subject, body=body, to=[invitation.agent.email])
