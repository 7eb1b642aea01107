"""The retention dashboard on 50,000 agents and 5 years of events.

Run from the repository root:  DEBUG=1 .venv/bin/python bench/retention.py [--agents 50000] [--runs 10]
    [--database-url postgres://postgres@127.0.0.1:5432/servicefit_bench_retention]
Builds the agents in bulk (6 teams, 60 managers, 5 sources, hiring-time fit and service type for 40%,
exits from a tenure-dependent hazard, a risk score each, a quarterly pulse, a competency snapshot for
the ServiceFit hires), then times GET /api/retention/summary/ for all teams over the last 12 months and
over 5 years, and the whole dashboard page's selectors (retention_dashboard), median and p95 over
--runs, with the SQL queries each takes. Without --database-url a throwaway SQLite file is used; a
PostgreSQL database named there is created and dropped. Figures are printed, never asserted.
"""

import argparse
import os
import platform
import random
import secrets
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGET_SUMMARY_S = 1.0
BATCH = 5000
TODAY = date(2026, 6, 30)

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"


def main() -> int:
    args = _arguments()
    work = Path(tempfile.mkdtemp(prefix="servicefit-bench-retention-"))
    url = args.database_url or f"sqlite:///{Path(args.db).resolve() if args.db else work / 'bench.sqlite3'}"
    try:
        _django_setup(url)
        from django.db import connection

        load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
        python = f"{platform.python_implementation()} {platform.python_version()}"
        print(f"[{python}, {os.cpu_count()} CPUs, {connection.vendor}]")
        print(f"[load average at the start {load}: other work on the machine slows every figure below]")
        user = _bench_user()
        from workforce.models import Agent

        if not Agent.objects.exists():
            build(args.agents, seed=args.seed)
        bench(user, runs=args.runs)
    finally:
        if args.database_url:
            _drop_test_database()
        for file in work.iterdir():
            file.unlink()
        work.rmdir()
    return 0


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--agents", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--db", help="keep the SQLite database in this file (built once, reused)")
    parser.add_argument("--database-url", help="a PostgreSQL URL; the database is created and dropped")
    return parser.parse_args()


def _django_setup(url: str) -> None:
    os.environ.setdefault("DEBUG", "1")
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "servicefit.settings"
    sys.path.insert(0, str(REPO))
    import django
    from django.core.management import call_command

    django.setup()
    if url.startswith("postgres"):
        _create_database()
    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    print(f"[bench database {url}: migrated in {time.perf_counter() - started:.1f} s]")


def _maintenance_connection():
    import psycopg
    from django.conf import settings

    db = settings.DATABASES["default"]
    return psycopg.connect(
        dbname="postgres", user=db["USER"], host=db["HOST"], port=db["PORT"] or 5432, password=db["PASSWORD"] or None,
        autocommit=True,
    )  # fmt: skip


def _create_database() -> None:
    from django.conf import settings

    name = settings.DATABASES["default"]["NAME"]
    with _maintenance_connection() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def _drop_test_database() -> None:
    from django.conf import settings
    from django.db import connections

    connections.close_all()
    with _maintenance_connection() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{settings.DATABASES["default"]["NAME"]}"')


def _bench_user():
    from servicefit.core.roles import Role
    from servicefit.core.services import user_create_or_update

    return user_create_or_update(
        username=f"bench-hr-{secrets.token_hex(3)}", password=secrets.token_urlsafe(), role=Role.HR
    )


def build(n: int, *, seed: int) -> None:
    from django.contrib.auth import get_user_model

    from profiles.models import Competency, RoleProfile, ServiceType
    from servicefit.core.teams import team_create
    from workforce.models import (
        Agent,
        AttritionModel,
        CompetencyLevel,
        CompetencySnapshot,
        ModelKind,
        PulseResponse,
        PulseSurvey,
        RiskScore,
    )

    started = time.perf_counter()
    rng = random.Random(seed)  # noqa: S311 (synthetic data, not secrets)
    parent = team_create(name="Bench centre")
    teams = [team_create(name=f"Bench {city}", parent=parent) for city in ("CPH", "AAR", "OSL", "BGN", "STO", "GBG")]
    users = get_user_model().objects.bulk_create(
        [get_user_model()(username=f"bench-lead-{i}", first_name="Lead", last_name=str(i)) for i in range(60)]
    )
    profiles = list(RoleProfile.objects.all()[:4]) or [None]
    codes = list(ServiceType.Code.values)
    bands = ["strong", "good", "partial", "poor"]
    sources = ["jobindex", "finn", "referral", "linkedin", "arbetsformedlingen"]
    first = TODAY - timedelta(days=5 * 365)
    agents = []
    for i in range(n):
        hired = (
            first - timedelta(days=rng.randrange(0, 700)) if i % 10 == 0 else first + timedelta(rng.randrange(5 * 365))
        )
        through = rng.random() < 0.4
        tenure = int(rng.expovariate(1 / 700))
        left = hired + timedelta(days=tenure)
        exited = left <= TODAY + timedelta(days=30)
        team = rng.randrange(len(teams))
        agents.append(
            Agent(
                employee_number=f"B{i:06d}",
                name=f"Agent {i}",
                team=teams[team],
                manager=users[team * 10 + rng.randrange(10)],
                role_profile=rng.choice(profiles),
                hire_date=hired,
                exit_date=left if exited else None,
                exit_type=("voluntary" if rng.random() < 0.75 else "involuntary") if exited else "",
                employment_status="exited" if exited and left <= TODAY else "active",
                source=rng.choice(sources),
                hiring_fit=rng.uniform(40, 95) if through else None,
                hiring_fit_label=rng.choice(bands) if through else "",
                hiring_dominant_type=rng.choice(codes) if through else "",
            )
        )
    Agent.objects.bulk_create(agents, batch_size=BATCH)
    agents = list(Agent.objects.filter(team__in=teams).only("id", "team_id", "hire_date", "exit_date", "hiring_fit"))
    model = AttritionModel.objects.create(
        kind=ModelKind.HAZARD, version=1, schema=[], schema_hash="bench", parameters={}, n_rows=n, positives=1
    )
    RiskScore.objects.bulk_create(
        [RiskScore(agent=a, model=model, probability=rng.random()) for a in agents], batch_size=BATCH
    )
    responses = []
    for quarter in range(20):
        opens = first + timedelta(days=91 * quarter)
        survey = PulseSurvey.objects.create(
            title=f"Pulse {opens:%Y-%m}", opens_on=opens, closes_on=opens + timedelta(14)
        )
        employed = [a for a in agents if a.hire_date <= opens and (a.exit_date is None or a.exit_date > opens)]
        for a in rng.sample(employed, min(len(employed), 1500)):
            responses.append(
                PulseResponse(
                    survey=survey,
                    agent=a,
                    team_id=a.team_id,
                    answered_on=opens + timedelta(3),
                    recommend=rng.randrange(11),
                    workload=rng.randrange(1, 6),
                    growth=rng.randrange(1, 6),
                    manager_support=rng.randrange(1, 6),
                )  # fmt: skip
            )
    PulseResponse.objects.bulk_create(responses, batch_size=BATCH)
    competencies = list(Competency.objects.all()[:5])
    snapshots = [
        CompetencySnapshot(agent=a, taken_on=a.hire_date + timedelta(days=90), source="manager_rating")
        for a in agents
        if a.hiring_fit is not None and competencies
    ]
    CompetencySnapshot.objects.bulk_create(snapshots, batch_size=BATCH)
    CompetencyLevel.objects.bulk_create(
        [CompetencyLevel(snapshot=s, competency=c, level=rng.randint(1, 5)) for s in snapshots for c in competencies],
        batch_size=BATCH,
    )
    print(
        f"built {len(agents):,} agents, {len(responses):,} pulse answers, {len(snapshots):,} snapshots "
        f"in {time.perf_counter() - started:.1f} s"
    )


def _timed(runs: int, call) -> tuple[list[float], int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    call()  # warm the caches a server would have warm
    seconds, queries = [], 0
    for _ in range(runs):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            call()
            seconds.append(time.perf_counter() - started)
        queries = len(captured)
    return seconds, queries


def _report(name: str, seconds: list[float], queries: int, target: float | None = None) -> None:
    ordered = sorted(seconds)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    verdict = "" if target is None else ("  OK" if statistics.median(seconds) < target else f"  OVER {target:.0f} s")
    print(f"{name:<52} median {statistics.median(seconds):6.3f} s  p95 {p95:6.3f} s  {queries:3d} queries{verdict}")


def bench(user, *, runs: int) -> None:
    from rest_framework.test import APIClient

    from workforce import retention_selectors

    client = APIClient()
    client.force_authenticate(user)
    year = f"from={TODAY - timedelta(days=364)}&to={TODAY}"
    five = f"from={TODAY - timedelta(days=5 * 365)}&to={TODAY}"
    for label, query in (("12 months", year), ("5 years", five)):

        def summary(query=query):
            response = client.get(f"/api/retention/summary/?{query}", HTTP_HOST="localhost")
            assert response.status_code == 200, response.content[:300]

        seconds, queries = _timed(runs, summary)
        _report(f"GET /api/retention/summary/ ({label}, all teams)", seconds, queries, TARGET_SUMMARY_S)
    body = client.get(f"/api/retention/summary/?{year}", HTTP_HOST="localhost").json()
    print(
        f"  headcount {body['headcount']:,}, exits {body['exits']:,}, voluntary attrition "
        f"{body['voluntary_attrition_rate']:.1%}, median tenure {body['median_tenure_days']} days"
    )
    for label, (start, end) in (
        ("12 months", (TODAY - timedelta(days=364), TODAY)),
        ("5 years", (TODAY - timedelta(days=5 * 365), TODAY)),
    ):
        scope = retention_selectors.retention_scope(user=user, start=start, end=end)
        seconds, queries = _timed(max(3, runs // 2), lambda scope=scope: retention_selectors.retention_dashboard(
            scope=scope, user=user
        ))  # fmt: skip
        _report(f"retention_dashboard, the whole page ({label})", seconds, queries)


if __name__ == "__main__":
    sys.exit(main())
