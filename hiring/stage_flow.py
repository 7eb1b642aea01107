"""The moves a stage template allows. Pure Python: a template is its stage codes in order and the
set of those that may be skipped.

A step forward goes to the next stage, or over one optional stage to the stage after it, never
over two in a row: with screening and the assessment both optional, an application is still either
screened or assessed before an interview. A step back is an undo (the history shows it taken back),
so it is not a move. The exits (rejected, withdrawn, each with a reason) are the caller's to add.
"""

from collections.abc import Collection, Sequence


def forward_moves(stages: Sequence[str], optional: Collection[str], current: str) -> list[str]:
    """The stages an application in `current` may move forward to, in template order."""
    if current not in stages:
        return []
    position = stages.index(current)
    moves = list(stages[position + 1 : position + 2])
    if moves and moves[0] in optional and position + 2 < len(stages):
        moves.append(stages[position + 2])
    return moves


def stage_order_problems(stages: Sequence[str], *, order: Sequence[str], first: str, last: str) -> list[str]:
    """What is wrong with a template's stage list, as codes for the caller to word:
    "empty", "unknown", "duplicate", "order", "first", "last"."""
    if not stages:
        return ["empty"]
    problems = []
    if any(stage not in order for stage in stages):
        problems.append("unknown")
    elif len(set(stages)) != len(stages):
        problems.append("duplicate")
    elif [order.index(stage) for stage in stages] != sorted(order.index(stage) for stage in stages):
        problems.append("order")
    if stages[0] != first:
        problems.append("first")
    if stages[-1] != last:
        problems.append("last")
    return problems
