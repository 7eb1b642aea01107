"""Speed and figures of the demo contact-centre generator (workforce/demo_population.py). Pure, no database.

Run from the repository root:  .venv/bin/python bench/demo_population.py [--n 50000] [--years 5] [--seed 1]
Figures are printed, never asserted: timings depend on the machine (the target is about 30 s for
50,000 agents over 5 years).
"""

import argparse
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workforce.analysis.rates import month_end_headcounts, voluntary_attrition_rate  # noqa: E402
from workforce.demo_population import population  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=50_000)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    today = date.today()
    started, cpu = time.perf_counter(), time.process_time()
    pop = population(n_agents=args.n, years=args.years, today=today, seed=args.seed)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"population(n_agents={args.n:,}, years={args.years}): {seconds:.1f} s ({cpu:.1f} s CPU)")
    for name in ("agents", "coaching", "trainings", "plans", "snapshots", "moves", "surveys", "pulse", "invited"):
        print(f"  {name:<10} {len(getattr(pop, name)):>10,}")

    start, end = pop.window_start, pop.today
    spells = [(a.hire_date, a.exit_date) for a in pop.agents]
    headcounts = [n for _, n in month_end_headcounts(spells, start, end)]
    exits = [a for a in pop.agents if a.exit_date and start < a.exit_date <= end]
    voluntary = sum(1 for a in exits if a.exit_type == "voluntary")
    rate = voluntary_attrition_rate(voluntary, headcounts, (end - start).days)
    early = sum(1 for a in exits if (a.exit_date - a.hire_date).days <= 91) / max(1, len(exits))
    involuntary = sum(1 for a in exits if a.exit_type == "involuntary") / max(1, len(exits))
    print(f"window {start} – {end}: headcount {headcounts[0]:,} → {headcounts[-1]:,}, exits {len(exits):,}")
    print(f"  voluntary attrition {rate:.1%} a year (README: 30–45%)")
    print(f"  exits within 3 months {early:.1%} (README: 50–60%), involuntary {involuntary:.1%} (~15%)")
    reasons = Counter(a.exit_reason for a in exits if a.exit_type == "voluntary").most_common(4)
    print("  top voluntary reasons " + ", ".join(f"{reason} {n / voluntary:.0%}" for reason, n in reasons))


if __name__ == "__main__":
    main()
