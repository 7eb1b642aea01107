"""Classical test theory for assessment scales. Pure numpy: no Django, no psychometrics package.

Scores are plain 2-D arrays or lists of rows: one row per respondent, one column per item. NaN
marks a missing answer. Reliability and correlations use listwise deletion (only respondents who
answered every item), so that every variance and covariance in one estimate comes from the same
people; pairwise deletion can produce estimates no single sample could have given. Functions
return NaN, rather than raise, when a statistic is undefined for the data (too few items or
respondents, no variance), so a report can show "n/a" for a young scale; they raise ValueError
for arguments that are wrong rather than data that is thin.

The Python psychometrics packages are GPL, heavy or unmaintained, and the formulas are short.
"""

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

# Principal-axis factoring: communalities stay inside (0, 1) so that an item the one-factor
# model would give a loading of 1 or more (a Heywood case) keeps a small uniqueness and omega
# stays below 1, instead of the iteration diverging.
MIN_COMMUNALITY = 0.005
MAX_COMMUNALITY = 0.995
PAF_TOLERANCE = 1e-6
PAF_MAX_ITERATIONS = 1000

MIN_ITEM_REST = 0.20
# Below this many complete attempts the item figures are too uncertain to act on: a correlation
# measured on n people can be off by about tanh(1.96/√(n − 3)) (95 %, Fisher's z near r = 0): ±.20
# at 100 people, as wide as the whole distance between a useless item (0) and the .20 line.
MIN_TRUSTED_ATTEMPTS = 100
# Conventional floors for alpha: .70 to compare groups, .80 for a scale that compares people.
ALPHA_ACCEPTABLE = 0.70
ALPHA_GOOD = 0.80
# Alpha-if-deleted is itself an estimate: on a few hundred respondents it moves by a few
# thousandths with sampling noise alone, and dropping an item also narrows what the scale covers.
# Only a gain beyond this margin is worth a reviewer's attention.
ALPHA_GAIN_MARGIN = 0.005


def complete_cases(scores: ArrayLike) -> np.ndarray:
    """The rows with no missing answer, as a float matrix."""
    matrix = np.asarray(scores, dtype=float)
    if matrix.ndim != 2:
        raise ValueError(f"scores must be 2-D (respondents × items), got {matrix.ndim}-D")
    return matrix[~np.isnan(matrix).any(axis=1)]


def _variance(values: np.ndarray) -> float:
    # The exact ptp test keeps a constant column at variance 0: its float mean can miss the value
    # by an ulp, and alpha would then divide by rounding noise instead of returning NaN.
    if values.size < 2:
        return math.nan
    if np.ptp(values) == 0:
        return 0.0
    return float(np.var(values, ddof=1))


def _pearson(x: np.ndarray, y: np.ndarray) -> float:
    if x.size < 2 or np.ptp(x) == 0 or np.ptp(y) == 0:
        return math.nan
    dx = x - x.mean()
    dy = y - y.mean()
    return float(dx @ dy / math.sqrt((dx @ dx) * (dy @ dy)))


def _alpha(complete: np.ndarray) -> float:
    n_respondents, n_items = complete.shape
    if n_items < 2 or n_respondents < 2:
        return math.nan
    total_variance = _variance(complete.sum(axis=1))
    if total_variance == 0:
        return math.nan
    item_variances = sum(_variance(complete[:, item]) for item in range(n_items))
    return n_items / (n_items - 1) * (1 - item_variances / total_variance)


def cronbach_alpha(scores: ArrayLike) -> float:
    return _alpha(complete_cases(scores))


def alpha_if_item_deleted(scores: ArrayLike) -> list[float]:
    # Deletion works on the complete cases of the whole scale, so each value is comparable with
    # the scale's alpha (same respondents), not with a larger sample that skipped that item.
    complete = complete_cases(scores)
    return [_alpha(np.delete(complete, item, axis=1)) for item in range(complete.shape[1])]


def _initial_communalities(correlations: np.ndarray) -> np.ndarray:
    # Squared multiple correlations; a singular matrix (collinear items, fewer respondents than
    # items) has none, so fall back to each item's largest absolute correlation.
    try:
        inverse_diagonal = np.diag(np.linalg.inv(correlations))
    except np.linalg.LinAlgError:
        inverse_diagonal = np.full(len(correlations), np.nan)
    if np.all(np.isfinite(inverse_diagonal)) and np.all(inverse_diagonal > 0):
        return 1 - 1 / inverse_diagonal
    off_diagonal = np.abs(correlations - np.eye(len(correlations)))
    return off_diagonal.max(axis=1)


def one_factor_loadings(correlations: np.ndarray) -> np.ndarray:
    """Loadings of a one-factor principal-axis solution, signed so that they sum to ≥ 0."""
    communalities = np.clip(_initial_communalities(correlations), MIN_COMMUNALITY, MAX_COMMUNALITY)
    loadings = np.sqrt(communalities)
    for _ in range(PAF_MAX_ITERATIONS):
        reduced = correlations.copy()
        np.fill_diagonal(reduced, communalities)
        eigenvalues, eigenvectors = np.linalg.eigh(reduced)
        loadings = eigenvectors[:, -1] * math.sqrt(max(eigenvalues[-1], 0.0))
        updated = np.clip(loadings**2, MIN_COMMUNALITY, MAX_COMMUNALITY)
        converged = np.max(np.abs(updated - communalities)) < PAF_TOLERANCE
        communalities = updated
        if converged:
            break
    # An eigenvector's sign is arbitrary; the scale is keyed so that most items point the same way.
    if loadings.sum() < 0:
        loadings = -loadings
    # The same bound as the communalities, keeping the sign of the loading.
    return np.sign(loadings) * np.sqrt(np.clip(loadings**2, MIN_COMMUNALITY, MAX_COMMUNALITY))


def mcdonald_omega(scores: ArrayLike) -> float:
    """Omega total of the sum of standardized items, from a one-factor principal-axis solution.

    Computed on the correlation matrix, so it is the reliability of the sum of z-scored items and
    is comparable with standardized alpha: for tau-equivalent items the two coincide. For items
    with very different variances it can differ from the reliability of the raw sum score.
    The denominator is the model-implied variance, (Σλ)² + Σ(1 − λ²).

    An item that was not reverse-keyed enters with a negative loading and lowers omega, as it
    lowers the reliability of the sum score as keyed. A Heywood case (a loading of 1 or more) is
    held at a communality of 0.995. With two items the one-factor model is not identified; the
    solution is the symmetric one and omega equals standardized alpha (Spearman-Brown).
    """
    complete = complete_cases(scores)
    n_respondents, n_items = complete.shape
    if n_items < 2 or n_respondents < 2 or np.any(np.ptp(complete, axis=0) == 0):
        return math.nan
    loadings = one_factor_loadings(np.corrcoef(complete, rowvar=False))
    common = loadings.sum() ** 2
    return float(common / (common + np.sum(1 - loadings**2)))


def reliability_band(alpha: float | None) -> str | None:
    """ "negative", "low", "acceptable" or "good"; None when alpha could not be computed."""
    if alpha is None or math.isnan(alpha):
        return None
    if alpha < 0:
        return "negative"
    if alpha < ALPHA_ACCEPTABLE:
        return "low"
    return "acceptable" if alpha < ALPHA_GOOD else "good"


def correlation_margin(n: int) -> float:
    """Half the width of the 95 % interval around a correlation of 0 measured on `n` people:
    ±1.96 standard errors of Fisher's z, 1/√(n − 3), taken back to r. NaN below four people."""
    if n < 4:
        return math.nan
    return math.tanh(1.96 / math.sqrt(n - 3))


def standard_error_of_measurement(sd: float, reliability: float) -> float:
    # A negative reliability estimate (alpha can be) means no consistent true-score variance: the
    # whole SD is error. Clipping keeps the SEM from exceeding the SD it is a part of.
    if sd < 0:
        raise ValueError(f"sd must be ≥ 0, got {sd}")
    if math.isnan(reliability):
        return math.nan
    return sd * math.sqrt(1 - min(max(reliability, 0.0), 1.0))


def item_difficulty(scores: ArrayLike, min_score: float, max_score: float) -> list[float]:
    """Each item's mean rescaled to 0–1; for items scored 0/1 it is the proportion correct.

    Uses every answer given to the item (a mean needs no pairing); an unanswered item is NaN.
    """
    if max_score <= min_score:
        raise ValueError(f"max_score ({max_score}) must be above min_score ({min_score})")
    matrix = np.asarray(scores, dtype=float)
    if matrix.ndim != 2:
        raise ValueError(f"scores must be 2-D (respondents × items), got {matrix.ndim}-D")
    difficulties = []
    for column in matrix.T:
        answered = column[~np.isnan(column)]
        mean = float(answered.mean()) if answered.size else math.nan
        difficulties.append((mean - min_score) / (max_score - min_score))
    return difficulties


def item_rest_correlations(scores: ArrayLike) -> list[float]:
    """Corrected item-total correlations: each item against the sum of the other items.

    The item is left out of the total because it would otherwise correlate with itself, which
    inflates the value most for short scales.
    """
    complete = complete_cases(scores)
    totals = complete.sum(axis=1)
    return [_pearson(complete[:, item], totals - complete[:, item]) for item in range(complete.shape[1])]


def reverse_key(values: ArrayLike, min_score: float = 1, max_score: float = 5) -> np.ndarray | float:
    """min + max − value: 1 ↔ 5 on a 1–5 scale. NaN stays NaN; a value off the scale is an error."""
    array = np.asarray(values, dtype=float)
    given = array[~np.isnan(array)]
    if np.any(given < min_score) or np.any(given > max_score):
        raise ValueError(f"values must lie within {min_score}–{max_score}")
    reversed_values = min_score + max_score - array
    return float(reversed_values) if reversed_values.ndim == 0 else reversed_values


def percentile_rank(value: float, norm_values: ArrayLike) -> float:
    """Percentage of the norm group below `value`, counting ties as half below (mid-rank), 0–100.

    Counting ties as half keeps the rank of the norm group's own scores centred at 50 on
    average, where "strictly below" would bias every rank down on a coarse scale.
    """
    norms = np.asarray(norm_values, dtype=float).ravel()
    norms = norms[~np.isnan(norms)]
    if norms.size == 0 or math.isnan(value):
        return math.nan
    below = np.count_nonzero(norms < value)
    equal = np.count_nonzero(norms == value)
    return 100 * (below + equal / 2) / norms.size


def sten(value: float, mean: float, sd: float) -> int:
    """Standard ten: 5.5 + 2z, rounded half up and held to 1–10.

    The mean is the boundary between stens 5 and 6; rounding half up (not Python's half-to-even)
    puts a score exactly at the mean in 6 and treats every other boundary the same way. With
    sd 0 only the side of the mean is known: 5 below it, 6 at or above it, matching that rule.
    """
    if not (math.isfinite(value) and math.isfinite(mean) and math.isfinite(sd)):
        raise ValueError("value, mean and sd must be finite numbers")
    if sd < 0:
        raise ValueError(f"sd must be ≥ 0, got {sd}")
    if sd == 0:
        return 5 if value < mean else 6
    raw = 5.5 + 2 * (value - mean) / sd
    return min(max(math.floor(raw + 0.5), 1), 10)


def flag_items(
    item_rest: list[float], alpha_if_deleted: list[float], alpha: float, min_item_rest: float = MIN_ITEM_REST
) -> list[list[str]]:
    """Per item, the reasons a reviewer should look at it. NaN statistics raise no flag."""
    if len(item_rest) != len(alpha_if_deleted):
        raise ValueError("item_rest and alpha_if_deleted must have one value per item")
    flags = []
    for correlation, alpha_without in zip(item_rest, alpha_if_deleted, strict=True):
        reasons = []
        if correlation < min_item_rest:
            reasons.append("low_item_rest")
        if alpha_without > alpha + ALPHA_GAIN_MARGIN:
            reasons.append("hurts_reliability")
        flags.append(reasons)
    return flags


@dataclass(frozen=True)
class ScaleStatistics:
    n_items: int
    n_respondents: int  # complete cases: every statistic below is computed on these rows
    alpha: float
    omega: float
    mean: float  # of the total (sum) score
    sd: float  # of the total score, ddof=1
    sem: float  # from alpha, the conventional reliability for a sum score
    difficulty: list[float]
    item_rest: list[float]
    alpha_if_deleted: list[float]
    flags: list[list[str]]


def scale_statistics(scores: ArrayLike, *, min_score: float, max_score: float) -> ScaleStatistics:
    complete = complete_cases(scores)
    n_respondents, n_items = complete.shape
    totals = complete.sum(axis=1)
    alpha = _alpha(complete)
    sd = math.sqrt(_variance(totals))  # NaN below two respondents
    item_rest = item_rest_correlations(complete)
    alpha_if_deleted = alpha_if_item_deleted(complete)
    return ScaleStatistics(
        n_items=n_items,
        n_respondents=n_respondents,
        alpha=alpha,
        omega=mcdonald_omega(complete),
        mean=float(totals.mean()) if n_respondents else math.nan,
        sd=sd,
        sem=standard_error_of_measurement(sd, alpha),
        difficulty=item_difficulty(complete, min_score, max_score),
        item_rest=item_rest,
        alpha_if_deleted=alpha_if_deleted,
        flags=flag_items(item_rest, alpha_if_deleted, alpha),
    )
