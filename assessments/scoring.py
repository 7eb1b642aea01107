"""Scoring an attempt from its answers. Pure Python: items and answers come in as plain data.

- Service-type profile: the mean of each type's Likert items (reverse-keyed items as 6 − answer),
  on the 1–5 scale. These normative scales are what compares people.
- Forced-choice blocks are ipsative (a choice for one type is a choice against the others), so they
  never drive the profile; they are a consistency check against the Likert profile.
- Competencies 0–100: points earned over points possible, pooled over situational-judgement
  options, multiple-choice items and reviewed written answers of that competency.
- A written answer counts only once a reviewer has scored every criterion of its rubric. Until
  then it is "not reviewed" (never 0): it adds nothing to what was possible either, and the
  competency it measures is provisional.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from scipy.stats import spearmanr

from assessments.psychometrics import reverse_key

LIKERT_MIN, LIKERT_MAX = 1, 5
RUBRIC_MAX = 3  # a reviewer scores each rubric criterion 0–3
MCQ_POINTS = 1
LOW_CONSISTENCY = 0.0  # a forced-choice profile that correlates below this with the Likert one


@dataclass(frozen=True)
class ItemKey:
    id: int
    kind: str
    scale: str = ""
    reverse: bool = False
    criteria: int = 0  # rubric criteria of a written answer; 0: nothing to review
    # option id → (service type, correct, {competency: points})
    options: dict[int, tuple[str, bool, dict[str, int]]] = field(default_factory=dict)


@dataclass
class Score:
    type_scores: dict[str, float]
    top_type: str | None
    competency_scores: dict[str, float]
    forced_choice_counts: dict[str, int]
    consistency: float | None
    consistent: bool | None
    not_reviewed: int = 0  # written answers waiting for a complete review
    provisional: list[str] = field(default_factory=list)  # competencies those answers will change


def review_complete(criteria: int, scores: list[int | None] | None) -> bool:
    return bool(criteria) and scores is not None and len(scores) == criteria and None not in scores


def score(
    items: list[ItemKey],
    answers: dict[int, object],
    types: list[str],
    reviews: dict[int, list[int | None]] | None = None,
) -> Score:
    """`answers`: item id → value (Likert 1–5, an option id, or text); `reviews`: item id → rubric
    scores per criterion, None for a criterion not scored yet."""
    reviews = reviews or {}
    not_reviewed = 0
    provisional: set[str] = set()
    likert: dict[str, list[float]] = defaultdict(list)
    fc_counts = dict.fromkeys(types, 0)
    earned: dict[str, float] = defaultdict(float)
    possible: dict[str, float] = defaultdict(float)

    for item in items:
        value = answers.get(item.id)
        if item.kind == "likert":
            if value is not None:
                likert[item.scale].append(reverse_key(value, LIKERT_MIN, LIKERT_MAX) if item.reverse else value)
        elif item.kind == "forced_choice":
            if value in item.options:
                chosen_type = item.options[value][0]
                fc_counts[chosen_type] = fc_counts.get(chosen_type, 0) + 1
        elif item.kind == "sjt":
            _pool_sjt(item, value, earned, possible)
        elif item.kind == "mcq" and item.scale:
            possible[item.scale] += MCQ_POINTS
            if value in item.options and item.options[value][1]:
                earned[item.scale] += MCQ_POINTS
        elif item.kind == "text" and item.criteria and value is not None:
            if not review_complete(item.criteria, reviews.get(item.id)):
                not_reviewed += 1
                if item.scale:
                    provisional.add(item.scale)
            elif item.scale:
                possible[item.scale] += RUBRIC_MAX * item.criteria
                earned[item.scale] += sum(reviews[item.id])

    type_scores = {t: round(sum(likert[t]) / len(likert[t]), 3) for t in types if likert[t]}
    top = max(type_scores, key=type_scores.get) if type_scores else None
    competencies = {c: round(100.0 * earned[c] / possible[c], 1) for c in sorted(possible) if possible[c]}
    consistency = _consistency(type_scores, fc_counts, types)
    return Score(
        type_scores=type_scores,
        top_type=top,
        competency_scores=competencies,
        forced_choice_counts=fc_counts,
        consistency=consistency,
        consistent=None if consistency is None else consistency >= LOW_CONSISTENCY,
        not_reviewed=not_reviewed,
        provisional=sorted(provisional),
    )


def _pool_sjt(item: ItemKey, value, earned: dict, possible: dict) -> None:
    """Each competency an SJT item measures adds its best option's points to what was possible."""
    best: dict[str, int] = defaultdict(int)
    for _type, _correct, points in item.options.values():
        for competency, p in points.items():
            best[competency] = max(best[competency], p)
    for competency, p in best.items():
        possible[competency] += p
    if value in item.options:
        for competency, p in item.options[value][2].items():
            earned[competency] += p


def _consistency(type_scores: dict[str, float], fc_counts: dict[str, int], types: list[str]) -> float | None:
    """Spearman correlation of the forced-choice counts with the Likert profile over the types."""
    shared = [t for t in types if t in type_scores]
    if len(shared) < 3 or sum(fc_counts.values()) == 0:
        return None
    likert = [type_scores[t] for t in shared]
    chosen = [fc_counts.get(t, 0) for t in shared]
    if len(set(likert)) < 2 or len(set(chosen)) < 2:
        return None
    return round(float(spearmanr(likert, chosen).statistic), 3)
