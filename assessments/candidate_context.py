"""What every candidate page and e-mail shows around the questions: the employer (its name, logo and
sender, from servicefit.core.employer), the job applied for, and how long the assessment takes.

Assessments does not know of requisitions. The app that links an invitation to a job (hiring)
registers a provider in its AppConfig.ready(): given an invitation id, it returns what it knows,
e.g. {"job_title": "Kundeservicemedarbejder"}, or {}.
"""

from collections import defaultdict
from collections.abc import Callable

from assessments import timing
from assessments.models import Invitation, Item, Section
from servicefit.core.employer import employer_identity

_providers: dict[str, Callable[[int], dict]] = {}


def invitation_context_provider_register(*, name: str, provider: Callable[[int], dict]) -> None:
    _providers[name] = provider


def invitation_context(*, invitation_id: int) -> dict:
    context: dict = {}
    for name in sorted(_providers):
        context.update(_providers[name](invitation_id))
    return context


def candidate_frame(invitation: Invitation | None) -> dict:
    """The employer and (when the invitation belongs to one) the job, for a page or an e-mail. A
    link that names no invitation still shows the employer."""
    frame = {"employer": employer_identity(), "job_title": ""}
    if invitation is not None:
        frame["job_title"] = invitation_context(invitation_id=invitation.id).get("job_title", "")
    return frame


def assessment_duration(*, assessment_id: int) -> timing.Duration:
    limits = dict(Section.objects.filter(assessment_id=assessment_id).values_list("id", "time_limit_seconds"))
    item_kinds: dict[int, list[str]] = defaultdict(list)
    for section_id, kind in Item.objects.filter(section__assessment_id=assessment_id).values_list("section_id", "kind"):
        item_kinds[section_id].append(kind)
    return timing.duration(
        [
            timing.SectionShape(time_limit_seconds=limit, item_kinds=tuple(item_kinds[section_id]))
            for section_id, limit in limits.items()
        ]
    )
