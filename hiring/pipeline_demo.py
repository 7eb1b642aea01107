"""Demo requisitions for `seed_demo`: two openings in the Copenhagen team with candidates in every
stage of the pipeline, assessments taken, and a voluntary self-identification question.

Everything comes from one seeded random generator per requisition, so every install shows the same
people and figures; a requisition that exists already (by title, in the team) is left as it is.
Made through the pipeline's and the assessments' own services; only the timestamps are moved back
afterwards (a service stamps "now"), so that time in stage reads like weeks of real work.
"""

import random
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from assessments.demo import demo_attempts_submitted, demo_items
from assessments.models import Assessment, Invitation
from hiring import fit_records, hires, pipeline, ranking
from hiring.models import (
    PREFER_NOT_TO_SAY,
    Application,
    ApplicationMove,
    Candidate,
    Hire,
    Requisition,
    SelfIdQuestion,
    Stage,
)
from hiring.self_identification import self_id_answers_record
from profiles.models import RoleProfile
from servicefit.core.policies import CANDIDATE_WRITE, team_for_new_record

DEMO_EMAIL_DOMAIN = "@kandidat.demo.servicefit.local"
CONSENT_VERSION = "2026-01"
ASSESSMENT = "service-profile-standard"
PATH = [Stage.APPLIED, Stage.SCREENED, Stage.ASSESSED, Stage.INTERVIEW, Stage.OFFER, Stage.HIRED]
LEANINGS = ["controller", "empathizer", "rock", "hard_worker", "innovator", "competitor", "accommodator"]

FIRST = {
    "da": [
        "Mette",
        "Rasmus",
        "Sofie",
        "Mikkel",
        "Camilla",
        "Jonas",
        "Louise",
        "Frederik",
        "Signe",
        "Kasper",
        "Emma",
        "Christian",
        "Line",
        "Anders",
        "Julie",
        "Mathias",
        "Nanna",
        "Thomas",
        "Freja",
        "Søren",
    ],
    "nb": ["Ingrid", "Henrik", "Silje", "Sindre", "Marte", "Eirik", "Thea", "Håkon", "Kari", "Øyvind"],
    "sv": ["Elin", "Johan", "Klara", "Erik", "Linnéa", "Gustav", "Ebba", "Viktor", "Saga", "Oskar"],
    "en": ["Sarah", "Daniel", "Hannah", "Michael", "Aisha", "Tom", "Priya", "Liam"],
}
LAST = {
    "da": [
        "Hansen",
        "Nielsen",
        "Jensen",
        "Pedersen",
        "Andersen",
        "Christensen",
        "Larsen",
        "Sørensen",
        "Rasmussen",
        "Jørgensen",
        "Madsen",
        "Kristensen",
        "Olsen",
        "Thomsen",
        "Møller",
        "Poulsen",
    ],
    "nb": ["Haugen", "Johansen", "Berg", "Bakken", "Solberg", "Dahl", "Lie", "Strand"],
    "sv": ["Lindqvist", "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Bergström", "Lundgren"],
    "en": ["Clarke", "Walker", "Khan", "Patel", "Murphy", "Evans"],
}
PHONE = {"da": ("+45", 8), "nb": ("+47", 8), "sv": ("+46", 9), "en": ("+44", 10)}
REJECTED = {
    Stage.APPLIED: ["Mangler erfaring med kundekontakt.", "Kan ikke arbejde i vagtplanen (aften og weekend)."],
    Stage.SCREENED: ["Andre ansøgere matchede profilen bedre.", "Dansk i skrift er et krav i rollen."],
    Stage.ASSESSED: ["Testresultatet lå under kravet til skriftlig kommunikation.", "Andre ansøgere gik videre."],
    Stage.INTERVIEW: ["Samtalen viste for lidt erfaring med svære kundesamtaler.", "Lønforventning over rammen."],
    Stage.OFFER: ["Referencerne bekræftede ikke erfaringen."],
}
WITHDRAWN = ["Har fået andet job.", "Trak ansøgningen tilbage uden begrundelse.", "Takkede nej til tilbuddet."]
SELF_ID = {
    "key": "age_band",
    "label": "Aldersgruppe (frivilligt)",
    "options": ["under 30", "30–44", "45 eller derover"],
}


@dataclass(frozen=True)
class DemoRequisition:
    title: str
    role_profile: str
    openings: int
    size: int
    # Language → chance of passing the screening: English-speaking applicants are screened out
    # more often (the ad asks for written Danish), which the adverse-impact page then flags.
    screening: dict


DEMO_REQUISITIONS = [
    DemoRequisition(
        title="Kundeservicemedarbejder, erhvervskunder (København)",
        role_profile="advisor-controller-led",
        openings=3,
        size=72,
        screening={"da": 0.75, "nb": 0.7, "sv": 0.7, "en": 0.3},
    ),
    DemoRequisition(
        title="Teknisk supporter, 2. niveau (København)",
        role_profile="technical-support-specialist",
        openings=2,
        size=54,
        screening={"da": 0.7, "nb": 0.7, "sv": 0.65, "en": 0.55},
    ),
]
# The first applicants of each requisition end where these say, so every stage has someone.
FIXED_ENDINGS = [
    (Stage.APPLIED, None),
    (Stage.SCREENED, None),
    (Stage.ASSESSED, None),
    (Stage.INTERVIEW, None),
    (Stage.OFFER, None),
    (Stage.HIRED, None),
    (Stage.SCREENED, Stage.REJECTED),
    (Stage.INTERVIEW, Stage.WITHDRAWN),
]


def demo_requisitions_load(*, user) -> int:
    """The demo requisitions that do not exist yet in the user's team; returns how many were made."""
    team = team_for_new_record(policy=CANDIDATE_WRITE, user=user)
    assessment = Assessment.objects.filter(slug=ASSESSMENT, is_active=True).first()
    items = demo_items(assessment) if assessment else []
    question, _created = SelfIdQuestion.objects.get_or_create(
        team=team, key=SELF_ID["key"], defaults={"label": SELF_ID["label"], "options": SELF_ID["options"]}
    )
    made = 0
    for spec in DEMO_REQUISITIONS:
        if Requisition.objects.filter(team=team, title=spec.title).exists():
            continue
        with transaction.atomic():
            _requisition_load(spec, user=user, team=team, assessment=assessment, items=items, question=question)
        made += 1
    return made


def _requisition_load(spec: DemoRequisition, *, user, team, assessment, items, question) -> None:
    rng = random.Random(spec.title)  # noqa: S311 (demo data)
    now = timezone.now()
    requisition = pipeline.requisition_create(
        user=user,
        title=spec.title,
        role_profile=RoleProfile.objects.get(slug=spec.role_profile),
        team=team,
        openings=spec.openings,
        status=Requisition.Status.OPEN,
        opened_on=(now - timedelta(days=70)).date(),
        hiring_manager=None,
    )
    people = _people(spec, rng)
    hired = 0
    taking: dict[int, tuple[Invitation, str]] = {}  # application id → (invitation, leaning)
    came_in: dict[int, int] = {}  # application id → days ago
    for index, person in enumerate(people):
        candidate = pipeline.candidate_create(
            user=user,
            team=team,
            name=person["name"],
            email=person["email"],
            phone=person["phone"],
            language=person["language"],
            source=person["source"],
            consent_at=now - timedelta(days=person["days_ago"]),
            consent_text_version=CONSENT_VERSION,
        ).candidate
        if rng.random() < 0.75:  # a quarter left the voluntary question unanswered
            answer = rng.choice([*question.options, PREFER_NOT_TO_SAY])
            self_id_answers_record(
                candidate=candidate,
                answers={question.key: answer},
                user=user,
                given_at=now - timedelta(days=person["days_ago"]),
            )
        application = pipeline.application_create(user=user, candidate=candidate, requisition=requisition)
        furthest, ending = FIXED_ENDINGS[index] if index < len(FIXED_ENDINGS) else _outcome(spec, person, rng)
        if furthest == Stage.HIRED:
            if hired >= spec.openings - 1:  # one opening stays open, so the requisition is still recruiting
                furthest, ending = Stage.OFFER, Stage.WITHDRAWN
            hired += 1
        for stage in PATH[1 : PATH.index(furthest) + 1]:
            application = pipeline.application_move(application=application, stage=stage, user=user)
            if stage == Stage.ASSESSED and assessment is not None:
                taking[application.id] = (_invited(application, assessment, user), rng.choice(LEANINGS))
        if furthest == Stage.SCREENED and ending is None and assessment is not None and rng.random() < 0.5:
            _invited(application, assessment, user)  # invited, not yet taken: "not yet scorable"
        if ending is not None:
            reasons = WITHDRAWN if ending == Stage.WITHDRAWN else REJECTED[furthest]
            application = pipeline.application_move(
                application=application, stage=ending, user=user, reason=rng.choice(reasons)
            )
        came_in[application.id] = person["days_ago"]
    _backdate(came_in, rng=rng, now=now)
    # The assessment was finished just before the move to "assessed".
    assessed_at = dict(
        ApplicationMove.objects.filter(
            application_id__in=taking, to_stage=Stage.ASSESSED, undo_of__isnull=True
        ).values_list("application_id", "at")
    )
    demo_attempts_submitted(
        taken=[
            (invitation, leaning, assessed_at[app_id] - timedelta(hours=1))
            for app_id, (invitation, leaning) in taking.items()
        ],
        items=items,
        seed=spec.title,
    )
    # The attempts were written in bulk after the moves: score the ranking now, and give the demo's
    # hires the profile and fit they would have had (in real use the attempt comes before the hire).
    fit_records.requisition_fit_refresh(requisition=requisition)
    today = timezone.localdate()
    for hire in Hire.objects.filter(requisition=requisition).select_related("application__requisition"):
        profile, fit = hires.application_assessment(application=hire.application, today=today)
        hire.assessment_profile, hire.fit_explanation = profile, fit
        hire.fit_status, hire.fit, hire.fit_label, hire.fit_version = (
            fit["status"],
            fit["fit"],
            fit["label"] or "",
            fit["fit_version"] or "",
        )
        hire.save(
            update_fields=["assessment_profile", "fit_explanation", "fit_status", "fit", "fit_label", "fit_version"]
        )


def _names(spec: DemoRequisition) -> dict[str, list[tuple[str, str]]]:
    """Per language, names no other demo requisition uses: each takes its own share of every
    first and last name combination, shuffled the same way on every install."""
    rng = random.Random("demo names")  # noqa: S311 (demo data)
    share = DEMO_REQUISITIONS.index(spec)
    names = {}
    for language in FIRST:
        pool = [(first, last) for first in FIRST[language] for last in LAST[language]]
        rng.shuffle(pool)
        names[language] = pool[share :: len(DEMO_REQUISITIONS)]
    return names


def _people(spec: DemoRequisition, rng: random.Random) -> list[dict]:
    people = []
    names = _names(spec)
    for number in range(spec.size):
        language = rng.choices(["da", "nb", "sv", "en"], weights=[55, 13, 17, 15])[0]
        first, last = names[language].pop()
        prefix, digits = PHONE[language]
        people.append(
            {
                "name": f"{first} {last}",
                "email": f"{_ascii(first)}.{_ascii(last)}.{spec.role_profile[:4]}{number}{DEMO_EMAIL_DOMAIN}",
                "phone": prefix + "".join(str(rng.randint(0, 9)) for _ in range(digits - 1)) + str(number % 10),
                "language": language,
                "source": rng.choices([c.value for c in Candidate.Source], weights=[55, 20, 20, 5])[0],
                "days_ago": rng.randint(25, 65),
            }
        )
    # A few possible duplicates: the same person applying again with another address, or the same
    # phone under a differently written name. Flagged when created, left for a person to judge.
    for original, twin in ((3, -1), (10, -2), (17, -3)):
        source = people[original]
        people[twin] = {**people[twin], "name": source["name"], "language": source["language"]}
    first, last = people[10]["name"].split(" ", 1)
    people[-2].update(name=f"{last}, {first}", phone=people[10]["phone"])
    people[-3]["email"] = people[17]["email"].capitalize()
    return people


def _ascii(text: str) -> str:
    return text.lower().translate(str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ä": "a", "ö": "o", "é": "e"}))


def _outcome(spec: DemoRequisition, person: dict, rng: random.Random) -> tuple[str, str | None]:
    """The furthest stage reached, and how the application ended there (None: still waiting)."""
    passes = [spec.screening[person["language"]], 0.8, 0.55, 0.5, 0.7]
    furthest = Stage.APPLIED
    for stage, chance in zip(PATH[1:], passes, strict=True):
        if rng.random() >= chance:
            break
        furthest = stage
    if furthest == Stage.HIRED:
        return furthest, None
    # An open requisition: about a third are still waiting for the next step.
    roll = rng.random()
    if roll < 0.35:
        return furthest, None
    return furthest, Stage.WITHDRAWN if roll < 0.45 else Stage.REJECTED


def _invited(application: Application, assessment: Assessment, user) -> Invitation:
    return ranking.application_invite(application=application, assessment=assessment, user=user, send=False)


def _backdate(came_in: dict[int, int], *, rng: random.Random, now) -> None:
    """Spread each application's moves over the weeks since it came in (`came_in`: days ago)."""
    applications = list(Application.objects.filter(id__in=came_in).order_by("id"))
    moves = list(ApplicationMove.objects.filter(application_id__in=came_in).order_by("application_id", "at", "id"))
    start = {}
    for application in applications:
        start[application.id] = now - timedelta(days=came_in[application.id]) + timedelta(hours=rng.randint(1, 8))
        application.created_at = start[application.id]
    latest: dict[int, object] = {}
    for move in moves:
        at = latest.get(move.application_id)
        if at is None:
            at = start[move.application_id]
        else:
            at = min(at + timedelta(days=rng.randint(2, 9), hours=rng.randint(0, 6)), now - timedelta(hours=1))
        move.at = latest[move.application_id] = at
    Application.objects.bulk_update(applications, ["created_at"])
    ApplicationMove.objects.bulk_update(moves, ["at"])
