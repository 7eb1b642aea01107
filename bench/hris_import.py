"""Speed of the HRIS import: a 10,000-row CSV and the same as XLSX, first as new agents, then again
as updates (every period known, exits recorded), on a throwaway SQLite database.

Run from the repository root:  DEBUG=1 .venv/bin/python bench/hris_import.py [--rows 10000] [--db FILE]
Prints seconds for reading the file, checking the rows and writing them, the CPU seconds of this
process (less sensitive to other load on the machine than the wall clock), and the SQL queries the
whole import costs. Figures are printed, never asserted (target: a few seconds for 10,000 rows).
"""

import argparse
import csv
import datetime
import io
import os
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TEAMS = ("Copenhagen", "Oslo", "Stockholm")
MANAGERS_PER_TEAM = 10


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--db", help="SQLite file to (re)use instead of a throwaway one")
    parser.add_argument("--profile", action="store_true", help="cProfile of the first import, top 25 functions")
    args = parser.parse_args()
    database = Path(args.db) if args.db else Path(tempfile.mkdtemp(prefix="servicefit-bench-hris-")) / "db.sqlite3"
    try:
        _django_setup(database)
        run(args.rows, profile=args.profile)
    finally:
        if not args.db:
            for file in database.parent.iterdir():
                file.unlink()
            database.parent.rmdir()
    return 0


def _django_setup(database: Path) -> None:
    sys.path.insert(0, str(REPO))
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "servicefit.settings")
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    import django
    from django.core.management import call_command

    django.setup()
    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    print(f"[bench database {database}: migrated in {time.perf_counter() - started:.1f} s]")


def rows(count: int, *, exits: bool) -> list[list]:
    # The same hire dates with or without exits; not for secrets.
    rng, exit_rng = random.Random(9), random.Random(10)  # noqa: S311
    out = []
    for i in range(count):
        hired = datetime.date(2020, 1, 1) + datetime.timedelta(days=rng.randrange(1500))
        left = hired + datetime.timedelta(days=exit_rng.randrange(30, 600)) if exits and i % 3 == 0 else None
        kind = exit_rng.choice(("frivillig", "ufrivillig")) if left else ""
        manager = f"lead-{i % 3}-{i % MANAGERS_PER_TEAM}"
        row = [f"E{i:06d}", f"Agent {i}", TEAMS[i % 3], hired.strftime("%d-%m-%Y"), left, kind, "Telefon;chat", manager]
        out.append(row)
    return out


HEADER = [
    "Medarbejdernummer",
    "Navn",
    "Afdeling",
    "Ansættelsesdato",
    "Fratrædelsesdato",
    "Fratrædelsestype",
    "Kanaler",
    "Nærmeste leder",
]


def as_csv(table: list[list]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    writer.writerow(HEADER)
    for row in table:
        writer.writerow("" if v is None else (v.strftime("%d.%m.%Y") if hasattr(v, "day") else v) for v in row)
    return buffer.getvalue().encode("cp1252")


def as_xlsx(table: list[list]) -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(HEADER)
    for row in table:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def timed_import(label: str, filename: str, data: bytes, user) -> None:
    from django.db import connection, reset_queries

    from servicefit.core.exceptions import ApplicationError
    from workforce.hris_import import agents_import, table_from_file

    reset_queries()
    started, cpu = time.perf_counter(), time.process_time()
    table = table_from_file(filename=filename, data=data)
    read = time.perf_counter()
    try:
        result = agents_import(table=table, user=user)
    except ApplicationError as exc:
        print(f"{label}: refused: {exc.message} {exc.extra.get('errors', [])[:3]}")
        return
    done, cpu = time.perf_counter(), time.process_time() - cpu
    print(
        f"{label:<34} {len(table.rows):>6} rows, {len(data) / 1e6:5.2f} MB: read {read - started:5.2f} s, "
        f"check + write {done - read:5.2f} s, total {done - started:5.2f} s (CPU {cpu:5.2f} s); "
        f"created {result.created}, updated {result.updated}, unchanged {result.unchanged}; "
        f"{len(connection.queries)} queries"
    )


def run(count: int, *, profile: bool = False) -> None:
    from django.conf import settings
    from django.db import connection

    from servicefit.core.teams import team_create
    from workforce.models import Agent

    settings.DEBUG = True  # keeps connection.queries
    from servicefit.core.roles import Role
    from servicefit.core.services import user_create_or_update

    for index, name in enumerate(TEAMS):
        team = team_create(name=name)
        for n in range(MANAGERS_PER_TEAM):
            user_create_or_update(username=f"lead-{index}-{n}", password=None, role=Role.MANAGER, teams=[team])
    hr = user_create_or_update(username="hr", password=None, role=Role.HR)
    fresh, exited = rows(count, exits=False), rows(count, exits=True)
    if profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        timed_import("CSV (cp1252, ;), new agents", "hr.csv", as_csv(fresh), hr)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        return
    timed_import("CSV (cp1252, ;), new agents", "hr.csv", as_csv(fresh), hr)
    timed_import("CSV again with exits (updates)", "hr.csv", as_csv(exited), hr)
    Agent.objects.all().delete()
    timed_import("XLSX, new agents", "hr.xlsx", as_xlsx(fresh), hr)
    timed_import("XLSX again with exits (updates)", "hr.xlsx", as_xlsx(exited), hr)
    print(f"[database: {connection.vendor}; agents now {Agent.objects.count()}; load average {os.getloadavg()}]")


if __name__ == "__main__":
    raise SystemExit(main())
