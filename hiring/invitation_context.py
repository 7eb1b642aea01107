"""What hiring adds to an assessment invitation's pages and e-mails: the title of the requisition
the invitation was sent for (registered with assessments in HiringConfig.ready())."""

from hiring.models import ApplicationInvitation


def invitation_job(invitation_id: int) -> dict:
    title = (
        ApplicationInvitation.objects.filter(invitation_id=invitation_id)
        .values_list("application__requisition__title", flat=True)
        .first()
    )
    return {"job_title": title} if title else {}
