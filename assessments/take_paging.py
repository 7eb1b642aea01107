"""How a part's questions are split into pages. Pure Python.

Forty-two statements on one page make a phone scroll for minutes and hide how far the candidate
has come; a page of seven is one or two screens. A timed part stays on one page: its clock runs
while pages load, and the candidate should see every question they still have time for.
"""

import math

from assessments import kinds

# The most questions of a kind on one page of a part without a time limit.
PAGE_SIZE = {kinds.LIKERT: 7, kinds.FORCED_CHOICE: 5}


def page_bounds(item_kinds: list[str], *, timed: bool) -> list[tuple[int, int]]:
    """[(start, end)] of each page over the part's items in the order shown; at least one page.

    Pages are as even as they can be (43 statements: one page of seven, six of six), so the last
    page is never a lone question."""
    count = len(item_kinds)
    sizes = [PAGE_SIZE[kind] for kind in item_kinds if kind in PAGE_SIZE]
    if timed or not sizes or count <= min(sizes):
        return [(0, count)]
    pages = math.ceil(count / min(sizes))
    base, extra = divmod(count, pages)
    bounds, start = [], 0
    for number in range(pages):
        end = start + base + (1 if number < extra else 0)
        bounds.append((start, end))
        start = end
    return bounds
