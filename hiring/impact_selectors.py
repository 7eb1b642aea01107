"""Adverse impact per requisition and stage, from the pipeline's history (the maths is in
hiring/adverse_impact.py).

"Selected at stage S" means the application reached S or a later stage of the pipeline, by a move
that was not taken back; the applicants at S are those that reached the stage before it. An
application still waiting at the stage before S counts as not selected (yet). Groups come from the
candidate's source and language and from each active self-identification question of the team;
"prefer not to say" and no answer form no group (they are counted as not stated).

Four queries whatever the number of applications: applications, moves, questions, answers.
"""

from collections import Counter
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from hiring.adverse_impact import GroupImpact, stage_impact
from hiring.models import PREFER_NOT_TO_SAY, Application, ApplicationMove, Candidate, Requisition, SelfIdAnswer, Stage
from hiring.pipeline import APPLICANT
from hiring.self_identification import self_id_questions_active
from servicefit.core.choices import Language
from servicefit.core.models import AccessLog

# The pipeline in order; rejected and withdrawn are ways out, not stages reached.
PIPELINE = [Stage.APPLIED, Stage.SCREENED, Stage.ASSESSED, Stage.INTERVIEW, Stage.OFFER, Stage.HIRED]
IMPACT_STAGES = PIPELINE[1:]
_ORDER = {stage: index for index, stage in enumerate(PIPELINE)}


@dataclass(frozen=True)
class ImpactGroup:
    key: str
    label: str
    impact: GroupImpact


@dataclass(frozen=True)
class Grouping:
    key: str  # "source", "language", or "self_id:<question key>"
    label: str
    groups: list[ImpactGroup]
    not_stated: int  # applicants at the stage in no group: no answer, or "prefer not to say"

    @property
    def flagged(self) -> bool:
        return any(group.impact.flagged for group in self.groups)


@dataclass(frozen=True)
class StageImpact:
    stage: str
    previous: str
    applicants: int
    selected: int
    groupings: list[Grouping]

    @property
    def label(self) -> str:
        return Stage(self.stage).label

    @property
    def previous_label(self) -> str:
        return Stage(self.previous).label


def _reached(requisition: Requisition) -> list[tuple[int, int]]:
    """(candidate id, furthest pipeline position reached) per application."""
    applications = list(
        Application.objects.filter(requisition=requisition).order_by("id").values_list("id", "candidate_id", "stage")
    )
    furthest = {app_id: _ORDER.get(stage, 0) for app_id, _candidate, stage in applications}
    moves = ApplicationMove.objects.filter(
        application__requisition=requisition, undone_at__isnull=True, undo_of__isnull=True, to_stage__in=PIPELINE
    ).values_list("application_id", "to_stage")
    for app_id, to_stage in moves:
        furthest[app_id] = max(furthest[app_id], _ORDER[to_stage])
    return [(candidate_id, furthest[app_id]) for app_id, candidate_id, _stage in applications]


def _groupings(requisition: Requisition, candidate_ids: list[int]) -> list[tuple[str, str, dict[int, str], dict]]:
    """(key, label, group per candidate, group labels) for each grouping."""
    people = Candidate.objects.filter(id__in=candidate_ids).values_list("id", "source", "language")
    sources, languages = {}, {}
    for candidate_id, source, language in people:
        sources[candidate_id], languages[candidate_id] = source, language
    groupings = [
        ("source", _("Source"), sources, dict(Candidate.Source.choices)),
        ("language", _("Language"), languages, dict(Language.choices)),
    ]
    questions = self_id_questions_active(team_id=requisition.team_id)
    answers: dict[int, dict[int, str]] = {q.id: {} for q in questions}
    for candidate_id, question_id, option in SelfIdAnswer.objects.filter(
        candidate_id__in=candidate_ids, question__in=questions
    ).values_list("candidate_id", "question_id", "option"):
        if option != PREFER_NOT_TO_SAY:
            answers[question_id][candidate_id] = option
    for question in questions:
        labels = {option: option for option in question.options}
        groupings.append((f"self_id:{question.key}", question.label, answers[question.id], labels))
    return groupings


def requisition_adverse_impact(*, requisition: Requisition, stage: str | None = None) -> list[StageImpact]:
    """Per stage (or the one `stage`), per grouping, each group's selection rate, impact ratio,
    four-fifths flag and Fisher's p, with groups under five applicants suppressed."""
    if stage is not None and stage not in IMPACT_STAGES:
        raise ValueError(f"not a stage adverse impact is measured at: {stage!r}")
    reached = _reached(requisition)
    groupings = _groupings(requisition, sorted({candidate_id for candidate_id, _ in reached}))
    result = []
    for current in [stage] if stage else IMPACT_STAGES:
        position = _ORDER[current]
        at_stage = [
            (candidate_id, furthest >= position) for candidate_id, furthest in reached if furthest >= position - 1
        ]
        stage_groupings = []
        for key, label, group_of, labels in groupings:
            counts: Counter = Counter()
            chosen: Counter = Counter()
            not_stated = 0
            for candidate_id, selected in at_stage:
                group = group_of.get(candidate_id)
                if group is None:
                    not_stated += 1
                    continue
                counts[group] += 1
                chosen[group] += selected
            rows = stage_impact({group: (counts[group], chosen[group]) for group in counts})
            stage_groupings.append(
                Grouping(
                    key=key,
                    label=label,
                    groups=[ImpactGroup(row.group, str(labels.get(row.group, row.group)), row) for row in rows],
                    not_stated=not_stated,
                )
            )
        result.append(
            StageImpact(
                stage=current,
                previous=PIPELINE[position - 1],
                applicants=len(at_stage),
                selected=sum(selected for _candidate, selected in at_stage),
                groupings=stage_groupings,
            )
        )
    return result


def adverse_impact_shown(*, user, requisition: Requisition) -> None:
    """Written to the access log as a view of the requisition: the figures are about its applicants
    but name none of them, so no candidate's id goes in the log."""
    AccessLog.objects.create(
        user=user if user is not None and user.is_authenticated else None,
        action=AccessLog.Action.VIEW,
        category=APPLICANT,
        target_type=requisition._meta.label_lower,
        target_id=str(requisition.pk),
    )
