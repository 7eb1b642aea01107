"""The explainable fit score: how well an assessed candidate matches a role profile. Pure Python.

Every number is on 0–100.

- Service-type fit S = Σ_t w_t · p_t: the role's target mix w (summing to 1) weights the candidate's
  percentiles p against the norm. The Likert scales are normative and independent (a person can be
  high on every type), so they are averaged where the role wants them instead of being turned into a
  mix and compared by distance: a distance between normalised profiles scores a flat 10th-percentile
  profile the same as a flat 90th and punishes strength in a type the role does not ask for. S = 50
  means "as the norm" where the role wants it, and it is linear, so each gap can be read off.
- Competency fit C: a required level L (the 1–5 anchors) is the score band [20(L−1), 20L]; a score's
  level is the band it falls in (100 is level 5). Inside or at the band a competency counts fully
  (100); below it the shortfall d, in levels, costs quadratically, 100·(1 − (d/2)²): half a level short
  keeps 93.75, one level 75, two levels 0. Each level of surplus above the band adds 2.5.
  C = min(100, mean credit): a surplus makes up a little for a shortfall elsewhere, never beyond 100.
- Cover letter: 100·(1 − total-variation distance) between the letter's type scores (the analysis
  engine's, per 100 words) as shares and the target mix — the formula of
  profiles.analysis.engine.alignment_to, kept here so this module stays free of Django. Marker counts
  are shares of what a text says, so there a distance between mixes is the right comparison.

The core A, the mean of S and C by the configured weights (renormalised over those present), decides
the label. The letter then pulls the fit toward its own score by its small weight, held inside the
band A earned: it can reorder candidates within a label, never move one. A hurdle (a minimum level of
a competency) not met caps the label whatever the composite; a hurdle whose competency has no score
is not met, since it cannot be shown to be.
"""

import math
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta

SCORED, NOT_SCORABLE, STALE = "scored", "not_scorable", "stale"
SERVICE_TYPES, COMPETENCIES, COVER_LETTER = "service_types", "competencies", "cover_letter"

LEVEL_WIDTH = 20.0
LEVELS = range(1, 6)
SHORTFALL_LEVELS_TO_ZERO = 2.0
SURPLUS_PER_LEVEL = 2.5
TYPE_TARGET = 50.0  # the norm's median percentile: what a role asks of the types it wants
WANTED_TYPE = 0.1  # a type weighted at least this much shows among strengths and gaps
MAX_COVER_LETTER_WEIGHT = 0.25
TOP = 3
MIX_TOLERANCE = 0.01  # stored weights have three decimals, so seven of them may sum to 0.999
STEP = 0.1  # the fit is shown to one decimal; "what would change this" answers in the same steps


@dataclass(frozen=True)
class FitConfig:
    version: str = "1"
    service_types_weight: float = 0.5
    competencies_weight: float = 0.5
    cover_letter_weight: float = 0.1
    # (label, minimum fit), best first; the last band starts at 0.
    bands: tuple[tuple[str, float], ...] = (("strong", 80.0), ("good", 65.0), ("partial", 50.0), ("poor", 0.0))
    hurdle_cap: str = "partial"
    stale_after_days: int = 365

    def __post_init__(self):
        if min(self.service_types_weight, self.competencies_weight) < 0 or not (
            self.service_types_weight + self.competencies_weight > 0
        ):
            raise ValueError("Component weights must be at least 0, and one of them above 0.")
        if not 0 <= self.cover_letter_weight <= MAX_COVER_LETTER_WEIGHT:
            raise ValueError(f"The cover letter's weight must be between 0 and {MAX_COVER_LETTER_WEIGHT}.")
        names = [name for name, _ in self.bands]
        minima = [minimum for _, minimum in self.bands]
        if len(set(names)) != len(names) or len(names) < 2:
            raise ValueError("Label bands need at least two distinct names.")
        if minima[-1] != 0 or any(a <= b for a, b in zip(minima, minima[1:], strict=False)) or minima[0] > 100:
            raise ValueError("Label band minima must fall from at most 100 to 0.")
        if any(round(m, 1) != m for m in minima):
            raise ValueError("Label band minima have at most one decimal, as the fit has.")
        if self.hurdle_cap not in names:
            raise ValueError(f"The hurdle cap {self.hurdle_cap!r} is not one of the labels.")
        if self.stale_after_days < 1:
            raise ValueError("The stale period must be at least one day.")

    def rank(self, label: str) -> int:
        """0 is the best label."""
        return [name for name, _ in self.bands].index(label)

    def label_for(self, value: float) -> str:
        return next(name for name, minimum in self.bands if value >= minimum)


DEFAULT_CONFIG = FitConfig()


@dataclass(frozen=True)
class Component:
    score: float | None
    weight: float
    contribution: float | None


@dataclass(frozen=True)
class Hurdle:
    competency: str
    required_level: int
    level: int | None
    score: float | None
    met: bool


@dataclass(frozen=True)
class Difference:
    kind: str  # competency | service_type
    code: str
    value: float
    target: float
    difference: float


@dataclass(frozen=True)
class Change:
    """The smallest single raise that moves the label up."""

    component: str
    code: str
    current: float
    to: float
    amount: float
    label: str


@dataclass(frozen=True)
class FitResult:
    status: str
    fit: float | None
    label: str | None
    components: dict[str, Component]
    fit_version: str
    hurdles: tuple[Hurdle, ...] = ()
    strengths: tuple[Difference, ...] = ()
    gaps: tuple[Difference, ...] = ()
    missing: tuple[str, ...] = ()
    what_would_change: Change | None = None

    def to_dict(self) -> dict:
        change = self.what_would_change
        return {
            "status": self.status,
            "fit": self.fit,
            "label": self.label,
            "components": {
                name: {"score": c.score, "weight": c.weight, "contribution": c.contribution}
                for name, c in self.components.items()
            },
            "hurdles": [asdict(h) for h in self.hurdles],
            "strengths": [asdict(d) for d in self.strengths],
            "gaps": [asdict(d) for d in self.gaps],
            "missing": list(self.missing),
            "what_would_change": None
            if change is None
            else {
                "component": change.component,
                "code": change.code,
                "from": change.current,
                "to": change.to,
                "amount": change.amount,
                "label": change.label,
            },
            "fit_version": self.fit_version,
        }


def level_band(level: int) -> tuple[float, float]:
    return LEVEL_WIDTH * (level - 1), LEVEL_WIDTH * level


def level_of(score: float) -> int:
    return min(LEVELS[-1], int(score // LEVEL_WIDTH) + 1)


def competency_credit(score: float, required_level: int) -> float:
    low, high = level_band(required_level)
    if score < low:
        short = (low - score) / LEVEL_WIDTH / SHORTFALL_LEVELS_TO_ZERO
        return max(0.0, 100.0 * (1.0 - short**2))
    return 100.0 + SURPLUS_PER_LEVEL * max(0.0, score - high) / LEVEL_WIDTH


def _score_for_credit(credit: float, required_level: int) -> float:
    """The lowest score earning `credit`: competency_credit inverted."""
    low, high = level_band(required_level)
    if credit <= 0:
        return 0.0
    if credit <= 100:
        return low - LEVEL_WIDTH * SHORTFALL_LEVELS_TO_ZERO * math.sqrt(1.0 - credit / 100.0)
    return high + (credit - 100.0) / SURPLUS_PER_LEVEL * LEVEL_WIDTH


def cover_letter_score(type_scores: dict[str, float], mix: dict[str, float]) -> float | None:
    total = sum(type_scores.values())
    if total <= 0:
        return None
    codes = set(type_scores) | set(mix)
    distance = 0.5 * sum(abs(type_scores.get(t, 0.0) / total - mix.get(t, 0.0)) for t in codes)
    return 100.0 * (1.0 - distance)


@dataclass
class _Core:
    """The assessment's part of the fit: what decides the label."""

    service: float | None
    competency: float | None
    weights: dict[str, float]
    value: float | None
    label: str | None  # before hurdles
    capped_label: str | None
    hurdles: list[Hurdle] = field(default_factory=list)


def _core(percentiles, mix, scores, required, hurdles, config: FitConfig) -> _Core:
    service = None
    if percentiles is not None:
        present = {t: w for t, w in mix.items() if w > 0 and t in percentiles}
        weight = sum(present.values())
        if weight > 0:
            service = sum(w * percentiles[t] for t, w in present.items()) / weight
    credits = [competency_credit(scores[c], level) for c, level in required.items() if c in scores]
    competency = min(100.0, sum(credits) / len(credits)) if credits else None

    raw = {SERVICE_TYPES: config.service_types_weight, COMPETENCIES: config.competencies_weight}
    parts = {SERVICE_TYPES: service, COMPETENCIES: competency}
    total = sum(w for name, w in raw.items() if parts[name] is not None)
    weights = {name: (w / total if parts[name] is not None and total > 0 else 0.0) for name, w in raw.items()}
    if total <= 0:
        return _Core(service, competency, weights, None, None, None)

    value = sum(weights[name] * parts[name] for name in parts if parts[name] is not None)
    label = config.label_for(round(value, 1))
    checked = []
    for code, minimum in sorted(hurdles.items()):
        score = scores.get(code)
        met = score is not None and score >= level_band(minimum)[0]
        checked.append(Hurdle(code, minimum, None if score is None else level_of(score), score, met))
    capped = label
    if not all(h.met for h in checked) and config.rank(config.hurdle_cap) > config.rank(label):
        capped = config.hurdle_cap
    return _Core(service, competency, weights, value, label, capped, checked)


def fit_score(
    *,
    percentiles: dict[str, float] | None,
    type_mix: dict[str, float],
    competency_scores: dict[str, float] | None,
    required_levels: dict[str, int],
    hurdles: dict[str, int] | None = None,
    cover_letter: dict[str, float] | None = None,
    assessed_on: date | None,
    today: date,
    config: FitConfig = DEFAULT_CONFIG,
) -> FitResult:
    """`assessed_on` is when the finished assessment was submitted; None when there is none."""
    mix = _mix(type_mix)
    scores = dict(competency_scores or {})
    hurdles = dict(hurdles or {})
    for code, level in {**required_levels, **hurdles}.items():
        if level not in LEVELS:
            raise ValueError(f"Level {level} of {code} is not one of 1–5.")

    missing = _missing(percentiles, mix, scores, required_levels, cover_letter)
    empty = {name: Component(None, 0.0, None) for name in (SERVICE_TYPES, COMPETENCIES, COVER_LETTER)}
    if assessed_on is None:
        return FitResult(NOT_SCORABLE, None, None, empty, config.version, missing=("assessment", *missing))
    core = _core(percentiles, mix, scores, required_levels, hurdles, config)
    if core.value is None:
        return FitResult(NOT_SCORABLE, None, None, empty, config.version, missing=tuple(missing))

    letter = cover_letter_score(cover_letter, mix) if cover_letter else None
    fit = round(core.value, 1)
    if letter is not None and config.cover_letter_weight > 0:
        fit = _held_in_band(round(core.value + config.cover_letter_weight * (letter - core.value), 1), core, config)
    components = {
        SERVICE_TYPES: _component(core.service, core.weights[SERVICE_TYPES]),
        COMPETENCIES: _component(core.competency, core.weights[COMPETENCIES]),
        COVER_LETTER: Component(None, 0.0, None)
        if letter is None
        else Component(round(letter, 1), config.cover_letter_weight, round(fit - core.value, 1)),
    }
    stale = assessed_on + timedelta(days=config.stale_after_days) < today
    strengths, gaps = _differences(percentiles, mix, scores, required_levels)
    return FitResult(
        status=STALE if stale else SCORED,
        fit=fit,
        label=core.capped_label,
        components=components,
        fit_version=config.version,
        hurdles=tuple(core.hurdles),
        strengths=strengths,
        gaps=gaps,
        missing=tuple(missing),
        what_would_change=_what_would_change(percentiles, mix, scores, required_levels, hurdles, core, config),
    )


def _mix(type_mix: dict[str, float]) -> dict[str, float]:
    mix = {t: float(w) for t, w in type_mix.items()}
    if mix and (min(mix.values()) < 0 or abs(sum(mix.values()) - 1.0) > MIX_TOLERANCE):
        raise ValueError("The role's service-type weights must be at least 0 and sum to 1.")
    total = sum(mix.values())
    return {t: w / total for t, w in mix.items()} if total else mix


def _missing(percentiles, mix, scores, required, cover_letter) -> list[str]:
    wanted = [t for t, w in mix.items() if w > 0]
    missing = []
    if wanted and percentiles is None:
        missing.append(SERVICE_TYPES)
    elif wanted:
        missing += [f"{SERVICE_TYPES}.{t}" for t in wanted if t not in percentiles]
    missing += [f"{COMPETENCIES}.{c}" for c in required if c not in scores]
    if not cover_letter:
        missing.append(COVER_LETTER)
    return missing


def _component(score: float | None, weight: float) -> Component:
    if score is None:
        return Component(None, 0.0, None)
    return Component(round(score, 1), round(weight, 3), round(weight * score, 1))


def _held_in_band(fit: float, core: _Core, config: FitConfig) -> float:
    rank = config.rank(core.label)
    low = config.bands[rank][1]
    high = config.bands[rank - 1][1] - STEP if rank > 0 else 100.0
    return round(min(max(fit, low), high), 1)


def _differences(percentiles, mix, scores, required) -> tuple[tuple[Difference, ...], tuple[Difference, ...]]:
    strengths, gaps = [], []
    for code, level in required.items():
        if code not in scores:
            continue
        low, high = level_band(level)
        if scores[code] > high:
            strengths.append(Difference("competency", code, scores[code], high, round(scores[code] - high, 1)))
        elif scores[code] < low:
            gaps.append(Difference("competency", code, scores[code], low, round(scores[code] - low, 1)))
    for code, weight in mix.items():
        if weight < WANTED_TYPE or percentiles is None or code not in percentiles:
            continue
        value = percentiles[code]
        item = Difference("service_type", code, value, TYPE_TARGET, round(value - TYPE_TARGET, 1))
        if value > TYPE_TARGET:
            strengths.append(item)
        elif value < TYPE_TARGET:
            gaps.append(item)
    strengths.sort(key=lambda d: (-d.difference, d.code))
    gaps.sort(key=lambda d: (d.difference, d.code))
    return tuple(strengths[:TOP]), tuple(gaps[:TOP])


def _what_would_change(percentiles, mix, scores, required, hurdles, core: _Core, config: FitConfig) -> Change | None:
    """Solve each single raise for the next band, then check it (and one step less) with the real maths."""
    rank = config.rank(core.capped_label)
    if rank == 0:
        return None
    target = config.bands[rank - 1][1] - STEP / 2  # the fit shown, rounded to one decimal, reaches the band
    service, competency = core.service or 0.0, core.competency or 0.0
    w_service, w_competency = core.weights[SERVICE_TYPES], core.weights[COMPETENCIES]

    def label_rank(new_percentiles, new_scores) -> int:
        moved = _core(new_percentiles, mix, new_scores, required, hurdles, config)
        return config.rank(moved.capped_label)

    options = []
    if percentiles is not None and core.service is not None and w_service > 0:
        weight = sum(w for t, w in mix.items() if w > 0 and t in percentiles)
        for code, w in mix.items():
            if w <= 0 or code not in percentiles:
                continue
            needed = percentiles[code] + (target - core.value) / (w_service * w / weight)

            def moved(x, code=code):
                return label_rank({**percentiles, code: x}, scores) < rank

            options.append((SERVICE_TYPES, code, percentiles[code], needed, moved))
    for code in sorted(set(required) | set(hurdles)):
        if code not in scores:
            continue
        needed = scores[code]
        if code in required and w_competency > 0:
            others = sum(competency_credit(scores[c], lvl) for c, lvl in required.items() if c in scores and c != code)
            count = sum(1 for c in required if c in scores)
            wanted_c = (target - w_service * service) / w_competency
            if wanted_c > 100:
                needed = math.inf
            elif wanted_c > competency:
                needed = _score_for_credit(wanted_c * count - others, required[code])
        if code in hurdles and config.rank(config.hurdle_cap) >= rank:  # the cap would hold the label
            needed = max(needed, level_band(hurdles[code])[0])

        def moved(x, code=code):
            return label_rank(percentiles, {**scores, code: x}) < rank

        options.append((COMPETENCIES, code, scores[code], needed, moved))

    best = None
    for component, code, current, needed, moved in options:
        to = _smallest_step(current, needed, moved)
        if to is not None and (best is None or to - current < best.amount - 1e-9):
            new_percentiles = {**percentiles, code: to} if component == SERVICE_TYPES else percentiles
            new_scores = {**scores, code: to} if component == COMPETENCIES else scores
            label = _core(new_percentiles, mix, new_scores, required, hurdles, config).capped_label
            best = Change(component, code, current, to, round(to - current, 1), label)
    return best


def _smallest_step(current: float, needed: float, moved) -> float | None:
    if math.isnan(needed) or needed > 100:
        return None
    to = min(100.0, max(round(current + STEP, 1), math.ceil(round(needed, 6) / STEP) * STEP))
    to = round(to, 1)
    for _ in range(3):  # rounding of the shown fit can leave the solved value a step off either way
        if to - STEP > current and moved(round(to - STEP, 1)):
            to = round(to - STEP, 1)
        elif not moved(to):
            to = round(to + STEP, 1)
            if to > 100:
                return None
        else:
            return to
    return to if moved(to) else None
