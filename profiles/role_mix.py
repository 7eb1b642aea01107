"""Rules for a role's ideal service-type mix. Pure Python: no database."""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from profiles.service_types import SERVICE_TYPES

# Weights are stored with three decimals; a mix typed as thirds (0.333 × 3) must still pass.
SUM_TOLERANCE = Decimal("0.0015")


class Problem(StrEnum):
    EMPTY = "empty"
    UNKNOWN_TYPES = "unknown_types"
    NOT_A_NUMBER = "not_a_number"
    OUT_OF_RANGE = "out_of_range"
    SUM = "sum"


@dataclass(frozen=True)
class WeightProblem:
    """One reason a mix is not valid, as data: the API, the file importer and the web form each put
    it in words of their own (the form in percent, in the user's language)."""

    problem: Problem
    codes: tuple[str, ...] = ()
    total: Decimal | None = None

    def english(self) -> str:
        if self.problem == Problem.EMPTY:
            return "Give a weight for at least one service type."
        if self.problem == Problem.UNKNOWN_TYPES:
            return f"Unknown service types: {', '.join(self.codes)}."
        if self.problem == Problem.NOT_A_NUMBER:
            return f"The weight of {self.codes[0]} is not a number."
        if self.problem == Problem.OUT_OF_RANGE:
            return f"The weight of {self.codes[0]} must be between 0 and 1."
        return f"The service-type weights must sum to 1 (they sum to {self.total.normalize()})."


def type_weight_problems(weights: Mapping[str, object]) -> list[WeightProblem]:
    """Every reason `weights` is not a valid mix: unknown types, values outside 0–1, sum ≠ 1."""
    if not weights:
        return [WeightProblem(Problem.EMPTY)]
    problems = []
    unknown = sorted(set(weights) - set(SERVICE_TYPES))
    if unknown:
        problems.append(WeightProblem(Problem.UNKNOWN_TYPES, codes=tuple(unknown)))
    total = Decimal(0)
    for code, value in weights.items():
        try:
            weight = Decimal(str(value))
        except ArithmeticError:
            problems.append(WeightProblem(Problem.NOT_A_NUMBER, codes=(code,)))
            continue
        if not weight.is_finite() or not Decimal(0) <= weight <= Decimal(1):
            problems.append(WeightProblem(Problem.OUT_OF_RANGE, codes=(code,)))
            continue
        total += weight
    if not problems and abs(total - 1) > SUM_TOLERANCE:
        problems.append(WeightProblem(Problem.SUM, total=total))
    return problems


def type_weight_errors(weights: Mapping[str, object]) -> list[str]:
    """The problems of `weights` in English (the framework file and the admin)."""
    return [problem.english() for problem in type_weight_problems(weights)]
