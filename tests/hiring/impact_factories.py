"""Applications moved through a requisition's pipeline by the pipeline's own services, for the
adverse-impact tests."""

import itertools

from hiring import pipeline
from hiring.models import Candidate, Stage

_serial = itertools.count()
# The forward path to each stage.
PATH = {
    Stage.APPLIED: [],
    Stage.SCREENED: [Stage.SCREENED],
    Stage.ASSESSED: [Stage.SCREENED, Stage.ASSESSED],
    Stage.INTERVIEW: [Stage.SCREENED, Stage.ASSESSED, Stage.INTERVIEW],
    Stage.OFFER: [Stage.SCREENED, Stage.ASSESSED, Stage.INTERVIEW, Stage.OFFER],
    Stage.HIRED: [Stage.SCREENED, Stage.ASSESSED, Stage.INTERVIEW, Stage.OFFER, Stage.HIRED],
}


def applicants(*, user, requisition, count: int, reach: str, source="job_board", language="da", reject=False):
    """`count` new candidates who applied and reached `reach` (then were rejected, if `reject`)."""
    made = []
    for _ in range(count):
        n = next(_serial)
        candidate = Candidate.objects.create(
            name=f"Ansøger {n}",
            email=f"ansoger{n}@example.dk",
            language=language,
            source=source,
            team=requisition.team,
        )
        application = pipeline.application_create(user=user, candidate=candidate, requisition=requisition)
        for stage in PATH[reach]:
            application = pipeline.application_move(application=application, stage=stage, user=user)
        if reject:
            application = pipeline.application_move(
                application=application, stage=Stage.REJECTED, user=user, reason="Andre kandidater passede bedre."
            )
        made.append(application)
    return made
