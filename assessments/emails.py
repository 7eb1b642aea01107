from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from assessments.models import Invitation


def invitation_email(invitation: Invitation, token: str, *, reminder: bool) -> EmailMultiAlternatives:
    """The invitation (or reminder) in the candidate's own language, as plain text."""
    with translation.override(invitation.language):
        context = {
            "invitation": invitation,
            "title": invitation.assessment.title_in(invitation.language),
            "url": settings.SITE_URL.rstrip("/") + reverse("take:welcome", args=[token]),
            "expires": timezone.localtime(invitation.expires_at),
            "reminder": reminder,
        }
        subject = render_to_string("assessments/email/invitation_subject.txt", context).strip()
        body = render_to_string("assessments/email/invitation_body.txt", context)
    return EmailMultiAlternatives(subject=subject, body=body, to=[invitation.email])
