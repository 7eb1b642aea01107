"""What hiring tells an assessment result: the requisition an invitation was sent for and its role
profile's competency targets (assessments.role_targets; registered in HiringConfig.ready())."""

from assessments.role_targets import RoleTargets
from hiring.fit import level_band
from hiring.models import ApplicationInvitation


def invitation_role_targets(invitation) -> RoleTargets | None:
    link = (
        ApplicationInvitation.objects.filter(invitation=invitation)
        .select_related("application__requisition__role_profile")
        .prefetch_related("application__requisition__role_profile__competencies__competency")
        .first()
    )
    if link is None:
        return None
    requisition = link.application.requisition
    profile = requisition.role_profile
    return RoleTargets(
        requisition=requisition.title,
        role=profile.name_in(),
        targets={
            required.competency.code: (required.target_level, level_band(required.target_level))
            for required in profile.competencies.all()
        },
    )
