"""Scoring attrition risk for 50,000 agents: `workforce.risk.risk_scores_refresh()` (the nightly job).

Run from the repository root:  DEBUG=1 .venv/bin/python bench/risk_scoring.py [--agents 50000] [--db FILE]
Builds a contact centre of --agents employment periods over four years in a throwaway SQLite file
(bulk inserts): 8 teams, 40 team leads, about a third of the agents already gone (four in five of
them voluntarily), and per agent realistic record counts: coaching every ~6 weeks, a training or two a
year, a competency rating (4 competencies) twice a year, a plan with two goals, quarterly pulse
answers (70 % answer), a career move for one in five. Trains the hazard model once (the weekly job,
timed), then times the scoring: seconds, rows/s and SQL queries. Figures are printed, never asserted.
"""

import argparse
import os
import platform
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGET_SCORING_S = 60.0
AS_OF = date(2026, 1, 1)
YEARS = 4

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--agents", type=int, default=50_000)
    parser.add_argument("--db", help="keep and reuse this SQLite file (data is built only when it has no agents)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--reuse-model", action="store_true", help="with --db: score with the model already in it")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="servicefit-bench-risk-"))
    database = Path(args.db).resolve() if args.db else work / "bench.sqlite3"
    try:
        _django_setup(database)
        load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
        print(f"[{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs, SQLite]")
        print(f"[load average at the start {load}: other work on the machine slows every figure below]")
        from workforce.models import Agent

        if not Agent.objects.exists():
            build(args.agents, random.Random(args.seed))  # noqa: S311 (synthetic data, not secrets)
        bench(reuse_model=args.reuse_model)
    finally:
        if not args.db:
            for file in work.iterdir():
                file.unlink()
            work.rmdir()
    return 0


def _django_setup(database: Path) -> None:
    os.environ.setdefault("DEBUG", "1")
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "servicefit.settings"
    sys.path.insert(0, str(REPO))
    import django
    from django.core.management import call_command

    django.setup()
    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    print(f"[bench database {database}: migrated in {time.perf_counter() - started:.1f} s]")


def _days(rng, start: date, end: date, mean_gap: float) -> list[date]:
    days, day = [], start + timedelta(days=int(rng.expovariate(1 / mean_gap)))
    while day < end:
        days.append(day)
        day += timedelta(days=max(1, int(rng.expovariate(1 / mean_gap))))
    return days


def build(n: int, rng: random.Random) -> None:
    from django.contrib.auth import get_user_model

    from profiles.models import Competency
    from servicefit.core.teams import team_create
    from workforce.models import (
        Agent,
        CareerMove,
        CoachingSession,
        CompetencyLevel,
        CompetencySnapshot,
        DevelopmentPlan,
        PlanGoal,
        PulseResponse,
        PulseSurvey,
        Training,
    )

    started = time.perf_counter()
    teams = [team_create(name=f"Bench team {i}") for i in range(8)]
    User = get_user_model()
    leads = User.objects.bulk_create([User(username=f"bench-lead-{i}") for i in range(40)])
    competencies = list(Competency.objects.all()[:4])
    start = date(AS_OF.year - YEARS, 1, 1)
    surveys = [
        PulseSurvey.objects.create(
            title=f"Pulse {q}", opens_on=start + timedelta(days=91 * q), closes_on=start + timedelta(days=91 * q + 14)
        )
        for q in range(YEARS * 4)
    ]
    agents, histories = [], []
    for i in range(n):
        hire = start + timedelta(days=rng.randrange((AS_OF - start).days - 1))
        exit_date = exit_type = None
        if rng.random() < 0.45:
            tenure = int(rng.expovariate(1 / 420))
            if hire + timedelta(days=tenure) < AS_OF:
                exit_date = hire + timedelta(days=tenure)
                exit_type = "voluntary" if rng.random() < 0.8 else "involuntary"
        team = i % len(teams)
        agents.append(
            Agent(
                employee_number=f"B{i:06d}",
                name=f"Bench agent {i}",
                team=teams[team],
                manager=leads[team * 5 + rng.randrange(5)],
                hire_date=hire,
                exit_date=exit_date,
                exit_type=exit_type or "",
                employment_status="exited" if exit_date else "active",
                hiring_fit=round(rng.uniform(0.3, 0.95), 3) if rng.random() < 0.6 else None,
            )
        )
        histories.append((hire, exit_date or AS_OF))
    agents = Agent.objects.bulk_create(agents, batch_size=2000)
    counts = {}

    def insert(model, rows):
        model.objects.bulk_create(rows, batch_size=2000)
        counts[model.__name__] = counts.get(model.__name__, 0) + len(rows)

    chunk = 5000
    for first in range(0, n, chunk):
        coaching, training, snapshots, moves, plans, pulse = [], [], [], [], [], []
        for agent, (hire, end) in zip(agents[first : first + chunk], histories[first : first + chunk], strict=True):
            developed = rng.random() < 0.6
            coaching += [
                CoachingSession(agent=agent, held_on=day, topic="product")
                for day in _days(rng, hire, end, 42 if developed else 150)
            ]
            training += [
                Training(agent=agent, kind="course", title="Course", completed_on=day)
                for day in _days(rng, hire, end, 240)
            ]
            snapshots += [
                CompetencySnapshot(agent=agent, taken_on=day, source="manager_rating")
                for day in _days(rng, hire + timedelta(days=60), end, 180)
            ]
            if rng.random() < 0.2 and (end - hire).days > 200:
                moves.append(
                    CareerMove(
                        agent=agent,
                        moved_on=hire + timedelta(days=rng.randrange(180, (end - hire).days)),
                        kind="specialist",
                    )
                )
            plans.append(DevelopmentPlan(agent=agent, title="Plan", starts_on=hire + timedelta(days=30)))
            for survey in surveys:
                if hire < survey.opens_on < end and rng.random() < 0.7:
                    pulse.append(
                        PulseResponse(
                            survey=survey,
                            agent=agent,
                            team_id=agent.team_id,
                            answered_on=survey.opens_on + timedelta(days=rng.randrange(14)),
                            recommend=rng.randint(0, 10),
                            workload=rng.randint(1, 5),
                            growth=rng.randint(1, 5),
                            manager_support=rng.randint(1, 5),
                        )
                    )
        insert(CoachingSession, coaching)
        insert(Training, training)
        snapshots = CompetencySnapshot.objects.bulk_create(snapshots, batch_size=2000)
        counts["CompetencySnapshot"] = counts.get("CompetencySnapshot", 0) + len(snapshots)
        insert(
            CompetencyLevel,
            [
                CompetencyLevel(snapshot=snapshot, competency=competency, level=rng.randint(2, 5))
                for snapshot in snapshots
                for competency in competencies
            ],
        )
        insert(CareerMove, moves)
        plans = DevelopmentPlan.objects.bulk_create(plans, batch_size=2000)
        goals = []
        for plan in plans:
            for _ in range(2):
                achieved = plan.starts_on + timedelta(days=rng.randrange(30, 400))
                done = rng.random() < 0.5 and achieved < AS_OF
                goals.append(
                    PlanGoal(
                        plan=plan,
                        description="Goal",
                        status="achieved" if done else "in_progress",
                        completed_on=achieved if done else None,
                    )
                )
        insert(PlanGoal, goals)
        insert(PulseResponse, pulse)
    counts["Agent"] = n
    print(
        f"[built {n:,} agents in {time.perf_counter() - started:.0f} s: "
        + ", ".join(f"{name} {count:,}" for name, count in counts.items())
        + "]"
    )


def bench(*, reuse_model: bool = False) -> None:
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    from workforce.attrition_models import attrition_model_active
    from workforce.models import ModelKind, RiskScore
    from workforce.risk import hazard_model_train, risk_scores_refresh

    started = time.perf_counter()
    model = attrition_model_active(kind=ModelKind.HAZARD) if reuse_model else None
    trained = model is None
    if trained:
        model = hazard_model_train(until=AS_OF)
    seconds = time.perf_counter() - started
    head = f"training (weekly job): {seconds:.1f} s" if trained else f"model in use: v{model.version}"
    print(
        f"{head} on {model.n_rows:,} person-months ({model.positives:,} voluntary exits); "
        f"held-out concordance {model.metrics['concordance']:.3f}, Brier {model.metrics['brier']:.3f}, "
        f"calibration slope {model.metrics['calibration_slope']:.2f}"
    )
    reset_queries()  # the build's queries filled the debug log (it keeps 9,000)
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        scored = risk_scores_refresh(as_of=AS_OF)
        seconds = time.perf_counter() - started
    verdict = "meets" if seconds < TARGET_SCORING_S else "MISSES"
    print(
        f"risk_scores_refresh(): {seconds:.2f} s for {scored:,} employed agents = {scored / seconds:,.0f} rows/s, "
        f"{len(queries.captured_queries)} SQL queries ({verdict} the target of {TARGET_SCORING_S:.0f} s)"
    )
    assert RiskScore.objects.count() == scored


if __name__ == "__main__":
    raise SystemExit(main())
