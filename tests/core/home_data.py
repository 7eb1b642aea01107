"""Records of each kind of work the home page counts, made through the services the pages use."""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from assessments import services as assessment_services
from assessments.models import Assessment, Invitation, Item
from hiring import pipeline
from hiring.models import Requisition
from profiles import services as profile_services
from profiles.models import RoleProfile
from profiles.service_types import SERVICE_TYPES
from tests.assessments.factories import answer_all, items_of
from tests.hiring.factories import DA_AD, job_ad_make
from workforce.agents import agent_create
from workforce.models import AttritionModel, ModelKind, RiskScore

BATTERY = "service-profile-standard"
ADVISOR = "advisor-controller-led"


def battery() -> Assessment:
    return Assessment.objects.get(slug=BATTERY)


def invitation_sent(user, number: int, *, expires_in: timedelta = timedelta(days=10)) -> Invitation:
    """An invitation e-mailed to the candidate (sent_at set by the send task), expiring as asked."""
    invitation = assessment_services.invitation_create(
        assessment=battery(),
        email=f"kandidat{number}@example.dk",
        name=f"Kandidat {number}",
        language="da",
        user=user,
        send=False,
    )
    assessment_services.invitation_send(invitation_id=invitation.id)
    Invitation.objects.filter(id=invitation.id).update(expires_at=timezone.now() + expires_in)
    invitation.refresh_from_db()
    return invitation


def invitation_unsent(user, number: int) -> Invitation:
    return assessment_services.invitation_create(
        assessment=battery(),
        email=f"ikke-sendt{number}@example.dk",
        name="Ikke sendt",
        language="da",
        user=user,
        send=False,
    )


def submitted_with_written_answers(user, number: int, *, reviewed: bool = False) -> Invitation:
    """A candidate who answered everything, the written answers included, and submitted."""
    invitation = invitation_sent(user, number)
    assessment_services.attempt_start(invitation=invitation, consent=True)
    answer_all(invitation, items_of(invitation.assessment))
    attempt = assessment_services.attempt_submit(invitation=invitation)
    if reviewed:
        for answer in attempt.answers.filter(item__kind=Item.Kind.TEXT).select_related("item", "attempt"):
            scores = {str(i): 2 for i in range(len(answer.item.rubric["en"]))}
            assessment_services.review_save(answer=answer, scores=scores, reviewer=user)
    invitation.refresh_from_db()
    return invitation


def requisition(user, title: str = "Kunderådgiver", *, status: str = Requisition.Status.OPEN) -> Requisition:
    return pipeline.requisition_create(
        user=user, title=title, role_profile=RoleProfile.objects.get(slug=ADVISOR), status=status
    )


def requisition_with_applicant(user, number: int) -> Requisition:
    opening = requisition(user, f"Kunderådgiver {number}")
    candidate = pipeline.candidate_create(
        user=user, name=f"Ansøger {number}", email=f"ansoger{number}@example.dk", language="da"
    ).candidate
    pipeline.application_create(user=user, candidate=candidate, requisition=opening)
    return opening


def job_ad_below_target(user, title: str = "Kundeservicemedarbejder"):
    """The Danish ad measured against the Controller-led advisor: it says too little of the
    Competitor the role wants 15 % of (the studio's gap table reads "too little")."""
    return job_ad_make(owner=user, title=title, text=DA_AD, role=ADVISOR)


def role_profile_matching(text: str, slug: str) -> RoleProfile:
    """A role profile whose target mix is the text's own mix: an ad with that text is on target."""
    scores = profile_services.text_analyze(text=text).scores
    total = sum(scores.values())
    weights = {t: (Decimal(scores[t]) / Decimal(total)).quantize(Decimal("0.001")) for t in SERVICE_TYPES}
    largest = max(weights, key=weights.get)
    weights[largest] += Decimal(1) - sum(weights.values())
    return profile_services.role_profile_create(
        slug=slug, name=slug, type_weights={t: w for t, w in weights.items() if w}, competencies={}
    )


def agents_with_risk(user, team, probabilities: list[float], *, start: int = 1) -> None:
    """Agents of `team` scored at the given probabilities of leaving."""
    model = AttritionModel.objects.filter(kind=ModelKind.HAZARD, is_active=True).first()
    if model is None:
        model = AttritionModel.objects.create(
            kind=ModelKind.HAZARD,
            version=1,
            n_rows=100,
            positives=20,
            horizon_months=6,
            schema=[],
            schema_hash="test",
            parameters={},
            is_active=True,
        )
    for offset, probability in enumerate(probabilities):
        number = start + offset
        agent = agent_create(
            user=user,
            employee_number=f"E{team.id}-{number}",
            name=f"Agent {number}",
            email=f"agent{team.id}-{number}@example.dk",
            team=team,
            hire_date=date(2024, 3, 1),
        )
        RiskScore.objects.create(agent=agent, model=model, probability=probability)
