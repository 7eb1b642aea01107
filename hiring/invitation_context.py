"""What hiring adds to an assessment invitation's pages and e-mails: the title of the requisition
the invitation was sent for (registered with assessments in HiringConfig.ready()); and what it
learns from one: the language the candidate chose on its pages."""

from hiring.models import ApplicationInvitation, Candidate


def invitation_job(invitation_id: int) -> dict:
    title = (
        ApplicationInvitation.objects.filter(invitation_id=invitation_id)
        .values_list("application__requisition__title", flat=True)
        .first()
    )
    return {"job_title": title} if title else {}


def invitation_language_chosen_received(sender, *, invitation_id: int, language: str, **kwargs) -> None:
    """assessments.signals.invitation_language_chosen: the recruiter's e-mails follow the candidate's choice."""
    Candidate.objects.filter(applications__invitation_links__invitation_id=invitation_id).update(language=language)
