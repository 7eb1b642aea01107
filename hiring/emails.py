"""E-mails to candidates, each in the candidate's own language: a template per language, so the
text is written for the reader rather than assembled from translated fragments."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone, translation

from hiring.models import TalentPoolEntry
from servicefit.core.employer import employer_identity
from servicefit.core.languages import DEFAULT_LANGUAGE, LANGUAGE_CODES


def talent_pool_renewal_email(entry: TalentPoolEntry) -> EmailMultiAlternatives:
    from hiring.talent_pool import talent_pool_url

    candidate = entry.candidate
    language = candidate.language if candidate.language in LANGUAGE_CODES else DEFAULT_LANGUAGE
    # From the employer and signed with its name, as the candidate's other e-mails: "our talent pool"
    # must say whose it is.
    employer = employer_identity()
    with translation.override(language):
        context = {
            "name": candidate.name,
            "employer_name": employer.name,
            "url": talent_pool_url(entry),
            "expires": timezone.localtime(entry.consent_expires_at),
            "site": settings.SITE_URL.rstrip("/"),
        }
        subject = render_to_string(f"hiring/email/talent_pool_renewal_subject.{language}.txt", context)
        body = render_to_string(f"hiring/email/talent_pool_renewal_body.{language}.txt", context)
    return EmailMultiAlternatives(
        subject=" ".join(subject.split()), body=body, from_email=employer.from_email, to=[candidate.email]
    )
