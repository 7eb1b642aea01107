"""The invitation and its reminder, in the candidate's language, from the employer (its name, logo
and sender: servicefit.core.employer), naming the job when the invitation belongs to one and the
assessment's true length. Plain text, with an HTML version that carries the logo inside the e-mail
(no image is fetched from anywhere when it is opened)."""

from email.mime.image import MIMEImage

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from assessments.candidate_context import assessment_duration, candidate_frame
from assessments.models import Invitation
from servicefit.core.employer import employer_logo

LOGO_CONTENT_ID = "employer-logo"
# Mail programs show PNG and JPEG inline; many show no SVG, so an SVG logo stays out of e-mails.
LOGO_TYPES_IN_EMAIL = ("image/png", "image/jpeg")


def invitation_email(invitation: Invitation, token: str, *, reminder: bool) -> EmailMultiAlternatives:
    with translation.override(invitation.language):
        frame = candidate_frame(invitation)
        employer = frame["employer"]
        logo = None
        if employer.logo_type in LOGO_TYPES_IN_EMAIL:
            logo = employer_logo(version=employer.logo_version)
        context = {
            **frame,
            "invitation": invitation,
            "title": invitation.assessment.title_in(invitation.language),
            "url": settings.SITE_URL.rstrip("/") + reverse("take:welcome", args=[token]),
            "expires": timezone.localtime(invitation.expires_at),
            "reminder": reminder,
            "duration": assessment_duration(assessment_id=invitation.assessment_id),
            "logo_cid": LOGO_CONTENT_ID if logo else "",
        }
        subject = render_to_string("assessments/email/invitation_subject.txt", context).strip()
        body = render_to_string("assessments/email/invitation_body.txt", context)
        html = render_to_string("assessments/email/invitation_body.html", context)
    # Replies reach the recruiter who invited, else the employer's sender address.
    inviter = invitation.created_by.email if invitation.created_by_id and invitation.created_by.email else ""
    reply_to = [inviter] if inviter else None
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=body,
        from_email=employer.from_email,
        to=[invitation.email],
        reply_to=reply_to,
    )
    message.attach_alternative(html, "text/html")
    if logo:
        data, content_type = logo
        image = MIMEImage(data, _subtype=content_type.split("/")[1])
        image.add_header("Content-ID", f"<{LOGO_CONTENT_ID}>")
        image.add_header("Content-Disposition", "inline", filename=f"logo.{content_type.split('/')[1]}")
        message.mixed_subtype = "related"
        message.attach(image)
    return message
