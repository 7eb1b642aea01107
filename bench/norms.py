"""Result page cost against a large norm group: the result API with N submitted attempts.

Run from the repository root:  .venv/bin/python bench/norms.py [--attempts 10000] [--requests 50]
A throwaway SQLite database (or --db-url, e.g. postgres://postgres@127.0.0.1:5432/sf_bench) gets N
submitted attempts written in bulk (rows, not the API), the norm statistics are recounted once, and
then GET /api/attempts/<id>/result/ is timed. Prints the queries one result costs, its latency, what
the old per-request read of every result would cost, and the cost of one submission's norm update.
Figures are printed, never asserted.
"""

import argparse
import os
import random
import secrets
import shutil
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TYPES = ("accommodator", "competitor", "controller", "empathizer", "hard_worker", "innovator", "rock")
COMPETENCIES = ("empathy", "problem_solving", "communication")
BATCH = 2000


def main() -> int:
    args = _arguments()
    work = Path(tempfile.mkdtemp(prefix="servicefit-bench-norms-"))
    try:
        return _bench(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _bench(args: argparse.Namespace, work: Path) -> int:
    _django_setup(args.db_url or f"sqlite:///{work / 'bench.sqlite3'}")

    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from assessments import services
    from assessments.models import Assessment, AttemptResult
    from servicefit.core.roles import Role
    from servicefit.core.tokens import api_token_issue

    assessment = Assessment.objects.get(slug="service-profile-standard")
    started = time.perf_counter()
    attempt_ids = _bulk_attempts(assessment, args.attempts)
    print(f"{args.attempts} submitted attempts written in bulk in {time.perf_counter() - started:.1f} s")

    started = time.perf_counter()
    services.norm_statistics_rebuild(assessment=assessment)
    print(f"norms_rebuild (all {args.attempts} results read once): {1000 * (time.perf_counter() - started):.0f} ms")

    user = _hr_user(Role.HR)
    _token, key = api_token_issue(user=user)
    client = Client(HTTP_HOST="127.0.0.1", HTTP_AUTHORIZATION=f"Token {key}")
    url = f"/api/attempts/{attempt_ids[len(attempt_ids) // 2]}/result/"
    status = client.get(url).status_code
    if status != 200:
        raise SystemExit(f"GET {url} answered {status}")
    reset_queries()  # DEBUG logs every query; the capture below must count only its own request's
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    timings = []
    for _ in range(args.requests):
        started = time.perf_counter()
        client.get(url)
        timings.append(1000 * (time.perf_counter() - started))
    print(f"GET /api/attempts/<id>/result/: {len(queries)} queries")
    median, worst = statistics.median(timings), max(timings)
    print(f"  latency over {args.requests} requests: median {median:.1f} ms, max {worst:.1f} ms")

    started = time.perf_counter()
    rows = list(
        AttemptResult.objects.filter(attempt__invitation__assessment=assessment).values_list(
            "type_scores", "competency_scores"
        )
    )
    print(
        f"  for comparison, reading every result as the old selector did on each request: "
        f"{1000 * (time.perf_counter() - started):.0f} ms ({len(rows)} rows)"
    )

    rng = random.Random(1)  # noqa: S311 (benchmark data)
    timings, counts = [], []
    for _ in range(20):
        old = {t: round(rng.randint(6, 30) / 6, 3) for t in TYPES}
        new = {t: round(rng.randint(6, 30) / 6, 3) for t in TYPES}
        services.norm_statistics_replace(assessment_id=assessment.id, old={}, new=old)
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            services.norm_statistics_replace(assessment_id=assessment.id, old=old, new=new)
            timings.append(1000 * (time.perf_counter() - started))
        counts.append(len(queries))
    print(f"norm update of one (re-)scored attempt: {max(counts)} queries, median {statistics.median(timings):.1f} ms")
    return 0


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--attempts", type=int, default=10_000, help="submitted attempts (default 10000)")
    parser.add_argument("--requests", type=int, default=50, help="timed result requests (default 50)")
    parser.add_argument("--db-url", help="a database URL instead of a throwaway SQLite file")
    return parser.parse_args()


def _django_setup(database_url: str) -> None:
    # Settings read the environment at import, so the bench database is chosen before setup.
    os.environ.setdefault("DEBUG", "1")
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "servicefit.settings"
    sys.path.insert(0, str(REPO))
    import django
    from django.core.management import call_command

    django.setup()
    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    print(f"[bench database {database_url}: migrated in {time.perf_counter() - started:.1f} s]")


def _hr_user(role):
    from servicefit.core.services import user_create_or_update

    return user_create_or_update(username=f"bench-{secrets.token_hex(3)}", password=secrets.token_hex(16), role=role)


def _bulk_attempts(assessment, count: int) -> list[int]:
    from django.utils import timezone

    from assessments.models import Attempt, AttemptResult, Invitation
    from servicefit.core.teams import team_default

    team = team_default()
    rng = random.Random(0)  # noqa: S311 (benchmark data)
    now = timezone.now()
    ids = []
    for start in range(0, count, BATCH):
        numbers = range(start, min(start + BATCH, count))
        invitations = Invitation.objects.bulk_create(
            Invitation(
                assessment=assessment,
                team=team,
                name=f"Bench {n}",
                email=f"bench{n}@example.dk",
                language="da",
                public_id=secrets.token_urlsafe(18),
                expires_at=now + timedelta(days=14),
                status=Invitation.Status.SUBMITTED,
            )
            for n in numbers
        )
        attempts = Attempt.objects.bulk_create(
            Attempt(invitation=i, started_at=now, submitted_at=now, consent_at=now, layout={}) for i in invitations
        )
        results = []
        for attempt in attempts:
            scores = {t: round(rng.randint(6, 30) / 6, 3) for t in TYPES}  # means of six 1–5 answers
            results.append(
                AttemptResult(
                    attempt=attempt,
                    type_scores=scores,
                    top_type=max(scores, key=scores.get),
                    competency_scores={c: round(rng.randint(0, 20) * 5.0, 1) for c in COMPETENCIES},
                )
            )
        AttemptResult.objects.bulk_create(results)
        ids.extend(a.id for a in attempts)
    return ids


if __name__ == "__main__":
    sys.exit(main())
