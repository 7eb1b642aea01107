"""Rules for a role's ideal service-type mix. Pure Python: no database."""

from collections.abc import Mapping
from decimal import Decimal

from profiles.service_types import SERVICE_TYPES

# Weights are stored with three decimals; a mix typed as thirds (0.333 × 3) must still pass.
SUM_TOLERANCE = Decimal("0.0015")


def type_weight_errors(weights: Mapping[str, object]) -> list[str]:
    """Every reason `weights` is not a valid mix: unknown types, values outside 0–1, sum ≠ 1."""
    errors = []
    if not weights:
        return ["Give a weight for at least one service type."]
    unknown = sorted(set(weights) - set(SERVICE_TYPES))
    if unknown:
        errors.append(f"Unknown service types: {', '.join(unknown)}.")
    total = Decimal(0)
    for code, value in weights.items():
        try:
            weight = Decimal(str(value))
        except ArithmeticError:
            errors.append(f"The weight of {code} is not a number.")
            continue
        if not weight.is_finite() or not Decimal(0) <= weight <= Decimal(1):
            errors.append(f"The weight of {code} must be between 0 and 1.")
            continue
        total += weight
    if not errors and abs(total - 1) > SUM_TOLERANCE:
        errors.append(f"The service-type weights must sum to 1 (they sum to {total.normalize()}).")
    return errors
