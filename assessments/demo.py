"""Demo candidates for `seed_demo`: completed attempts with plausible answers, and open invitations.

Answers come from a seeded random generator around a per-candidate type profile, so the result
pages, percentiles and the item analysis show realistic figures. No real person's data.
"""

import random
from datetime import datetime, timedelta

from django.db import transaction

from assessments import kinds, scoring, services
from assessments.models import Answer, Assessment, Attempt, AttemptResult, Invitation, Item
from profiles.analysis import analyze_text
from profiles.service_types import SERVICE_TYPES
from servicefit.core.policies import CANDIDATE_WRITE, team_for_new_record

DEMO_CANDIDATES = [
    ("Sofie Jensen", "da", "controller"),
    ("Mads Nielsen", "da", "empathizer"),
    ("Ida Hansen", "da", "rock"),
    ("Ola Nordmann", "nb", "controller"),
    ("Ingrid Berg", "nb", "hard_worker"),
    ("Lars Johansen", "nb", "competitor"),
    ("Elsa Lindqvist", "sv", "empathizer"),
    ("Oskar Nilsson", "sv", "innovator"),
    ("Maja Karlsson", "sv", "controller"),
    ("Emma Clarke", "en", "accommodator"),
    ("James Walker", "en", "rock"),
    ("Olivia Brown", "en", "controller"),
]
DEMO_DOMAIN = "@demo.servicefit.local"
OPEN_INVITATIONS = [("Freja Madsen", "da"), ("Nora Haugen", "nb")]
REPLY = {
    "da": "Hej, tak for din besked, og undskyld besværet. Jeg har tjekket din sag og sørger selv for, at det "
    "bliver rettet i dag. Du hører fra mig senest i morgen kl. 12 med en bekræftelse.",
    "nb": "Hei, takk for meldingen, og beklager bryderiet. Jeg har sett på saken din og sørger selv for at det "
    "blir rettet i dag. Du hører fra meg innen i morgen kl. 12 med en bekreftelse.",
    "sv": "Hej, tack för ditt meddelande och förlåt besväret. Jag har tittat på ditt ärende och ser själv till att "
    "det rättas i dag. Du hör av mig senast i morgon kl. 12 med en bekräftelse.",
    "en": "Hi, thank you for your message, and I'm sorry for the trouble. I've looked into your case and will "
    "make sure it is corrected today. You'll hear from me by noon tomorrow with a confirmation.",
}


def demo_candidates_load(*, user) -> int:
    """Create the demo candidates that do not exist yet (matched by e-mail); returns how many."""
    assessment = Assessment.objects.filter(slug="service-profile-standard").first()
    if assessment is None:
        return 0
    items = demo_items(assessment)
    # Demo candidates made before teams existed move to the user's team, so they stay visible.
    Invitation.objects.filter(email__endswith=DEMO_DOMAIN).update(
        team=team_for_new_record(policy=CANDIDATE_WRITE, user=user)
    )
    made = 0
    for index, (name, language, leaning) in enumerate(DEMO_CANDIDATES):
        email = f"{name.split()[0].lower()}{DEMO_DOMAIN}"
        if Invitation.objects.filter(email=email).exists():
            continue
        rng = random.Random(index)  # noqa: S311 (demo data)
        with transaction.atomic():
            invitation = services.invitation_create(
                assessment=assessment, email=email, name=name, language=language, user=user, send=False
            )
            demo_attempt_submit(invitation=invitation, items=items, leaning=leaning, rng=rng)
        made += 1
    for name, language in OPEN_INVITATIONS:
        email = f"{name.split()[0].lower()}{DEMO_DOMAIN}"
        if not Invitation.objects.filter(email=email).exists():
            services.invitation_create(
                assessment=assessment, email=email, name=name, language=language, user=user, send=False
            )
    services.psychometrics_compute(assessment_id=assessment.id)
    return made


def demo_items(assessment: Assessment) -> list[Item]:
    return list(Item.objects.filter(section__assessment=assessment).prefetch_related("options"))


def demo_attempt_submit(*, invitation: Invitation, items: list[Item], leaning: str, rng: random.Random) -> None:
    """Take the invitation's assessment as a candidate leaning to one service type would, and submit
    it (the candidate's own services, so the result is scored the real way). Other apps' demos use it."""
    attempt = services.attempt_start(invitation=invitation, consent=True)
    for section_id in attempt.layout["sections"]:
        services.section_open(invitation=invitation, section_id=section_id)
    # One INSERT instead of answer_save per item (the hiring demo takes some sixty attempts): the
    # values are valid by construction, and submitting scores them the real way.
    Answer.objects.bulk_create(
        [Answer(attempt=attempt, item=item, value=_answer(item, leaning, invitation.language, rng)) for item in items]
    )
    services.attempt_submit(invitation=invitation)


def demo_attempts_submitted(*, taken: list[tuple[Invitation, str, datetime]], items: list[Item], seed: str) -> None:
    """Many finished attempts at once (invitation, leaning, submitted at), for pipelines of demo
    applicants: the answers demo_attempt_submit would give, scored by the same pure scoring a
    submit uses, written in a few INSERTs, and the norm group recounted once at the end. Taking
    sixty attempts one by one would make seed_demo slow for no gain in realism."""
    if not taken:
        return
    rng = random.Random(seed)  # noqa: S311 (demo data)
    assessment = taken[0][0].assessment
    keys = services.item_keys(assessment)
    layout = {"sections": [], "items": {}, "options": {}}
    for item in items:
        if item.section_id not in layout["sections"]:
            layout["sections"].append(item.section_id)
        layout["items"].setdefault(str(item.section_id), []).append(item.id)
        options = [option.id for option in item.options.all()]
        if options:
            layout["options"][str(item.id)] = options
    text_items = [item for item in items if item.kind == kinds.TEXT]
    analysed = {language: _reply_analysis(language, text_items) for language in {i.language for i, _l, _a in taken}}
    attempts = Attempt.objects.bulk_create(
        [
            Attempt(
                invitation=invitation,
                started_at=at - timedelta(minutes=40),
                consent_at=at - timedelta(minutes=40),
                submitted_at=at,
                layout=layout,
            )
            for invitation, _leaning, at in taken
        ]
    )
    answers, results = [], []
    for attempt, (invitation, leaning, _at) in zip(attempts, taken, strict=True):
        values = {item.id: _answer(item, leaning, invitation.language, rng) for item in items}
        answers += [Answer(attempt=attempt, item_id=item_id, value=value) for item_id, value in values.items()]
        result = scoring.score(keys, values, list(SERVICE_TYPES))
        results.append(
            AttemptResult(
                attempt=attempt,
                type_scores=result.type_scores,
                top_type=result.top_type or "",
                competency_scores=result.competency_scores,
                text_analysis=analysed[invitation.language],
                consistency={
                    "forced_choice_counts": result.forced_choice_counts,
                    "spearman": result.consistency,
                    "consistent": result.consistent,
                },
                written_not_reviewed=result.not_reviewed,
                provisional_scales=result.provisional,
            )
        )
    Answer.objects.bulk_create(answers, batch_size=2000)
    AttemptResult.objects.bulk_create(results)
    Invitation.objects.filter(id__in=[invitation.id for invitation, _l, _a in taken]).update(
        status=Invitation.Status.SUBMITTED
    )
    services.norm_statistics_rebuild(assessment=assessment)


def _reply_analysis(language: str, text_items: list[Item]) -> dict:
    data = analyze_text(REPLY[language], language).to_dict()
    summary = {key: data[key] for key in ("scores", "controller_index", "readability", "word_count", "language")}
    return {str(item.id): summary for item in text_items}


def _answer(item: Item, leaning: str, language: str, rng: random.Random):
    if item.kind == kinds.LIKERT:
        agree = 4.3 if item.scale == leaning else 3.0
        value = round(min(5, max(1, rng.gauss(agree, 0.9))))
        return 6 - value if item.reverse else value
    if item.kind == kinds.TEXT:
        return REPLY[language]
    options = list(item.options.all())
    if item.kind == kinds.FORCED_CHOICE:
        preferred = [o for o in options if o.service_type == leaning]
        return (preferred[0] if preferred and rng.random() < 0.7 else rng.choice(options)).id
    if item.kind == kinds.MCQ:
        correct = [o for o in options if o.correct]
        return (correct[0] if rng.random() < 0.75 else rng.choice(options)).id
    best = max(options, key=lambda o: sum(o.scores.values()))
    return (best if rng.random() < 0.6 else rng.choice(options)).id


def demo_load(*, users: dict) -> str:
    """The seed_demo entry point (registered in AssessmentsConfig.ready)."""
    return f"demo candidates created: {demo_candidates_load(user=users['recruiter'])}"


def demo_statistics_load(*, users: dict) -> str:
    """Item statistics over every demo attempt, after the other apps' demos have added theirs (registered
    last): computed earlier, the item analysis counted 12 attempts beside 74 completed."""
    assessment_ids = (
        Attempt.objects.filter(submitted_at__isnull=False)
        .values_list("invitation__assessment_id", flat=True)
        .distinct()
        .order_by()
    )
    computed = 0
    for assessment_id in assessment_ids:
        services.psychometrics_compute(assessment_id=assessment_id)
        computed += 1
    return f"item statistics computed: {computed} assessment{'' if computed == 1 else 's'}"
