"""Survival maths speed on 50,000 durations (workforce/analysis/survival.py). Pure, no database.

Run from the repository root:  .venv/bin/python bench/survival.py [--n 50000]
Figures are printed, never asserted: timings depend on the machine.
"""

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workforce.analysis.survival import concordance_index, group_hazard_ratios, kaplan_meier, logrank_test  # noqa: E402


def best_of(runs, function):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=50_000)
    n = parser.parse_args().n
    rng = np.random.default_rng(0)
    durations = rng.integers(0, 5 * 365, n).astype(float)  # tenure in days over five years
    events = rng.random(n) < 0.3
    groups = rng.integers(0, 4, n)
    scores = rng.normal(size=n)
    print(f"n = {n:,}, {np.unique(durations).size:,} distinct days, best of 5 runs")
    print(f"kaplan_meier        {best_of(5, lambda: kaplan_meier(durations, events)):8.1f} ms")
    print(f"kaplan_meier.rows() {best_of(5, lambda: kaplan_meier(durations, events).rows()):8.1f} ms")
    print(f"logrank_test 4 grp  {best_of(5, lambda: logrank_test(durations, events, groups)):8.1f} ms")
    print(f"concordance_index   {best_of(5, lambda: concordance_index(durations, scores, events)):8.1f} ms")
    print(f"group_hazard_ratios {best_of(5, lambda: group_hazard_ratios(durations, events, groups, 0)):8.1f} ms")


if __name__ == "__main__":
    main()
