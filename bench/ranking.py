"""Ranking a requisition of 10,000 assessed applications, and importing a 10,000-row candidate CSV.

Run from the repository root:  DEBUG=1 .venv/bin/python bench/ranking.py [--sizes 100 10000] [...]
Builds each requisition as rows (bulk inserts: candidates, applications, invitations, submitted
attempts with results), stores every application's fit (the refresh task's work, timed once), then
times the ranking API's first page (GET /api/requisitions/<id>/ranking/, 50 rows) and the whole
ranking read in order (what the CSV download does), median and p95 over --runs, with the SQL
queries each takes. Then it imports a CSV of --import-rows candidates through
hiring.pipeline_import. Figures are printed, never asserted. See bench/README.md.
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
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ROLE = "advisor-controller-led"
ASSESSMENT = "service-profile-standard"
TYPES = ("accommodator", "competitor", "controller", "empathizer", "hard_worker", "innovator", "rock")
TARGET_RANKING_S = 1.0
TARGET_IMPORT_S = 10.0
BATCH = 1000

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"


def main() -> int:
    args = _arguments()
    work = Path(tempfile.mkdtemp(prefix="servicefit-bench-ranking-"))
    database = Path(args.db).resolve() if args.db else work / "bench.sqlite3"
    try:
        _django_setup(database)
        load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
        print(f"[{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs, SQLite]")
        print(f"[load average at the start {load}: other work on the machine slows every figure below]")
        user = _bench_user()
        for size in args.sizes:
            requisition = build_requisition(size, user)
            bench_ranking(requisition, user, runs=args.runs)
        bench_import(user, rows=args.import_rows, runs=args.import_runs)
    finally:
        if not args.db:
            for file in work.iterdir():
                file.unlink()
            work.rmdir()
    return 0


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 10_000], help="applications per requisition")
    parser.add_argument("--runs", type=int, default=15, help="timed ranking reads per size (default 15)")
    parser.add_argument("--import-rows", type=int, default=10_000, help="rows of the imported CSV (default 10000)")
    parser.add_argument("--import-runs", type=int, default=3, help="timed imports, each into a new team (default 3)")
    parser.add_argument("--db", help="SQLite file to (re)use instead of a throwaway one; migrated if needed")
    return parser.parse_args()


def _django_setup(database: Path) -> None:
    # Settings read the environment at import, so the bench database is chosen before setup.
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


def _bench_user():
    from servicefit.core.roles import Role
    from servicefit.core.services import user_create_or_update

    return user_create_or_update(
        username=f"bench-{secrets.token_hex(3)}", password=secrets.token_urlsafe(), role=Role.HR
    )


# ---------------------------------------------------------------------------------------------
# The data: a requisition whose applications all have a submitted, scored attempt.


def build_requisition(size: int, user):
    from django.utils import timezone

    from assessments.models import Assessment, Attempt, AttemptResult, Invitation, NormTable
    from hiring import pipeline
    from hiring.models import Application, ApplicationInvitation, ApplicationMove, Candidate, Requisition
    from profiles.models import RoleProfile
    from servicefit.core.teams import team_create

    started = time.perf_counter()
    rng = random.Random(size)  # noqa: S311 (bench data)
    role = RoleProfile.objects.get(slug=ROLE)
    battery = Assessment.objects.get(slug=ASSESSMENT)
    for scale in TYPES:
        NormTable.objects.update_or_create(assessment=battery, scale=scale, defaults={"mean": 3.0, "sd": 1.0, "n": 500})
    team = team_create(name=f"Bench {size} {secrets.token_hex(2)}")
    requisition = pipeline.requisition_create(
        user=user, title=f"Bench {size}", role_profile=role, team=team, status=Requisition.Status.OPEN
    )
    required = list(role.competencies.values_list("competency__code", flat=True))
    now = timezone.now()
    tag = secrets.token_hex(3)
    candidates = Candidate.objects.bulk_create(
        (
            Candidate(name=f"Kandidat {n}", email=f"k{n}-{tag}@example.dk", language="da", team=team)
            for n in range(size)
        ),
        batch_size=BATCH,
    )
    applications = Application.objects.bulk_create(
        (Application(candidate=c, requisition=requisition) for c in candidates), batch_size=BATCH
    )
    ApplicationMove.objects.bulk_create(
        (ApplicationMove(application=a, to_stage="applied", by=user) for a in applications), batch_size=BATCH
    )
    invitations = Invitation.objects.bulk_create(
        (
            Invitation(
                assessment=battery,
                team=team,
                name=c.name,
                email=c.email,
                language="da",
                public_id=secrets.token_urlsafe(18),
                expires_at=now + timedelta(days=14),
                status=Invitation.Status.SUBMITTED,
            )
            for c in candidates
        ),
        batch_size=BATCH,
    )
    ApplicationInvitation.objects.bulk_create(
        (ApplicationInvitation(application=a, invitation=i) for a, i in zip(applications, invitations, strict=True)),
        batch_size=BATCH,
    )
    submitted = now - timedelta(days=3)
    attempts = Attempt.objects.bulk_create(
        (
            Attempt(invitation=i, started_at=submitted, submitted_at=submitted, consent_at=submitted, layout={})
            for i in invitations
        ),
        batch_size=BATCH,
    )
    results = []
    for attempt in attempts:
        type_scores = {t: round(rng.randint(6, 30) / 6, 3) for t in TYPES}  # means of six 1–5 answers
        results.append(
            AttemptResult(
                attempt=attempt,
                type_scores=type_scores,
                top_type=max(type_scores, key=type_scores.get),
                competency_scores={code: float(rng.randint(10, 100)) for code in required},
            )
        )
    AttemptResult.objects.bulk_create(results, batch_size=BATCH)
    built = time.perf_counter() - started
    print(f"\n== {size:,} applications (built as rows in {built:.1f} s)")
    return requisition


# ---------------------------------------------------------------------------------------------
# The ranking.


def _timed(work, runs: int) -> tuple[list[float], int]:
    """Seconds of each run, and the queries of the last one."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            work()
            times.append(time.perf_counter() - started)
    return times, len(captured)


def _p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _line(what: str, times: list[float], queries: int, target: float | None = None) -> None:
    median, p95 = statistics.median(times), _p95(times)
    verdict = "" if target is None else f"  (target < {target:.0f} s: {'met' if p95 < target else 'MISSED'})"
    print(f"  {what:<46} median {median * 1000:8.1f} ms   p95 {p95 * 1000:8.1f} ms   {queries:3d} queries{verdict}")


def bench_ranking(requisition, user, *, runs: int) -> None:
    from rest_framework.test import APIClient

    from hiring import fit_records, ranking
    from servicefit.core.tokens import api_token_issue

    size = requisition.applications.count()
    refresh, refresh_queries = _timed(lambda: fit_records.requisition_fit_refresh(requisition=requisition), 1)
    task = "scoring and storing every fit (the task)"
    print(f"  {task:<46} {refresh[0]:8.2f} s once       {refresh_queries:3d} queries")

    client = APIClient()
    _token, key = api_token_issue(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    url = f"/api/requisitions/{requisition.id}/ranking/"

    def api_page():
        response = client.get(url, HTTP_HOST="localhost")
        assert response.status_code == 200, response.content[:300]
        assert response.json()["count"] == size

    def whole():
        rows = list(ranking.requisition_ranking(requisition=requisition))
        assert len(rows) == size

    api_page()  # warm: the first request imports the serializers and compiles templates
    times, queries = _timed(api_page, runs)
    _line("API ranking, first page of 50", times, queries, TARGET_RANKING_S)
    times, queries = _timed(whole, max(3, runs // 3))
    _line(f"the whole ranking in order ({size:,} rows)", times, queries, TARGET_RANKING_S)


# ---------------------------------------------------------------------------------------------
# The CSV import.


def _csv(rows: int, tag: str) -> str:
    rng = random.Random(rows)  # noqa: S311 (bench data)
    first = ["Anna", "Bo", "Camilla", "Dag", "Elin", "Frida", "Gustav", "Henrik", "Ida", "Jonas", "Karin", "Lars"]
    last = ["Hansen", "Nilsen", "Johansson", "Berg", "Lund", "Dahl", "Holm", "Strand", "Vik", "Ek", "Moe", "Lie"]
    languages = ["Dansk", "Norsk", "Svenska", "English"]
    lines = ["Full name,E-mail,Mobile,Language,Source"]
    for n in range(rows):
        name = f"{rng.choice(first)} {rng.choice(last)} {n}"
        lines.append(f"{name},c{n}-{tag}@example.dk,+45{20000000 + n},{rng.choice(languages)},job board")
    return "\n".join(lines) + "\n"


def bench_import(user, *, rows: int, runs: int) -> None:
    from hiring import pipeline_import
    from servicefit.core.teams import team_create

    print(f"\n== CSV import of {rows:,} rows (a new team each run)")
    times = []
    for _ in range(runs):
        tag = secrets.token_hex(3)
        text = _csv(rows, tag)
        team = team_create(name=f"Import {tag}")
        started = time.perf_counter()
        result = pipeline_import.candidates_import(text=text.encode(), team=team, user=user)
        times.append(time.perf_counter() - started)
        assert len(result.imported) == rows
    _line("candidates_import", times, 0, TARGET_IMPORT_S)


if __name__ == "__main__":
    sys.exit(main())
