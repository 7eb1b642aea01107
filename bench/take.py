"""Candidate answering under load: N simulated candidates take the standard battery at once through
the candidate API, against gunicorn and PostgreSQL on this machine, and nothing they saved may be lost.

Run from the repository root:  DEBUG=1 .venv/bin/python bench/take.py [--candidates 500] [...]
Prints answers saved per second, latency of PUT /api/take/<token>/answers/<item>/ (p50, p95, p99,
max), errors by status, the SQL queries one saved answer costs, and then checks in the database
that every acknowledged answer is stored. Figures are printed, never asserted. See bench/README.md.
"""

import argparse
import asyncio
import cProfile
import io
import json
import math
import os
import platform
import pstats
import random
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PG_ADMIN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres"
PG_URL = "postgres://postgres@127.0.0.1:5432/{name}"
ASSESSMENT = "service-profile-standard"
TARGET_CANDIDATES = 500
TARGET_P95_MS = 100.0
LANGUAGES = ("en", "da", "nb", "sv")
# Written answers, in the candidate's language (they are run through the text analysis at submit).
TEXTS = {
    "en": "I would listen to the customer first, apologise for the trouble and explain what I can do "
    "today. Then I would follow up by e-mail so the customer knows the case is being handled.",
    "da": "Jeg ville først lytte til kunden, beklage besværet og forklare, hvad jeg kan gøre i dag. "
    "Bagefter ville jeg følge op på mail, så kunden ved, at sagen bliver behandlet.",
    "nb": "Jeg ville først lytte til kunden, beklage bryet og forklare hva jeg kan gjøre i dag. "
    "Etterpå ville jeg følge opp på e-post, slik at kunden vet at saken blir behandlet.",
    "sv": "Jag skulle först lyssna på kunden, be om ursäkt för besväret och förklara vad jag kan göra "
    "i dag. Sedan skulle jag följa upp via mejl så att kunden vet att ärendet hanteras.",
}

# Before numpy is imported (Django setup, the text analysis at submit): one BLAS thread per
# process. Gunicorn, started from here, inherits it: two cores are shared by three kinds of process.
for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"


def main() -> int:
    args = _arguments()
    database = f"servicefit_bench_{secrets.token_hex(4)}"
    work = Path(tempfile.mkdtemp(prefix="servicefit-bench-take-"))
    _database_create(database)
    try:
        _django_setup(database)
        print_facts(args, database)
        if args.profile:
            profile_answer(requests=args.profile)
        query_cost()
        if args.compare:
            compare_servers(args, database, work)
        run = run_candidates(args, database, work, _server_config(args))
        report(args, run)
    finally:
        _database_drop(database)
        for file in work.iterdir():
            file.unlink()
        work.rmdir()
    return 0


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--candidates", type=int, default=TARGET_CANDIDATES, help="simulated candidates (500)")
    parser.add_argument(
        "--think-ms",
        default="3000-9000",
        help="each answer waits a random LOW-HIGH ms first, a candidate reading the question (3000-9000)",
    )
    parser.add_argument("--ramp", type=float, default=10.0, help="candidates open their link over this many s (10)")
    parser.add_argument("--connections", type=int, default=64, help="client connections at once, at most (64)")
    parser.add_argument(
        "--keepalive",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="the client keeps connections open between requests, as a browser does (default);"
        " --no-keepalive: a new connection per request, as a reverse proxy in front of gunicorn",
    )
    # sync -w 4 did best on this 2-core machine (see --compare and bench/README.md).
    parser.add_argument("--worker-class", choices=("sync", "gthread"), default="sync", help="gunicorn -k (sync)")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn -w (4)")
    parser.add_argument("--threads", type=int, default=8, help="gunicorn --threads, gthread only (8)")
    parser.add_argument(
        "--timeout",
        type=float,
        help="the candidates' run stops after this many s (default: ramp + 70 × the longest think time + 120 s)",
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed of think times and answers (1)")
    parser.add_argument(
        "--compare",
        action="store_true",
        help="first run the same load against a few gunicorn configurations, one line each",
    )
    parser.add_argument(
        "--profile", type=int, default=0, metavar="N", help="cProfile N in-process answer requests first"
    )
    args = parser.parse_args()
    try:
        low, _dash, high = args.think_ms.partition("-")
        args.think = (float(low) / 1000, float(high or low) / 1000)
    except ValueError:
        parser.error("--think-ms is LOW-HIGH in milliseconds, e.g. 300-1500")
    if not 0 <= args.think[0] <= args.think[1] <= 60:
        parser.error("--think-ms: 0 <= LOW <= HIGH <= 60000")
    if args.candidates < 1 or args.connections < 1 or args.workers < 1 or args.threads < 1:
        parser.error("--candidates, --connections, --workers and --threads must be at least 1")
    if args.workers * (args.threads if args.worker_class == "gthread" else 1) > 80:
        # Each worker thread holds its own database connection (CONN_MAX_AGE); PostgreSQL's default is 100.
        parser.error("at most 80 worker threads in all: each holds a PostgreSQL connection")
    return args


# ---------------------------------------------------------------------------------------------
# The bench database: a fresh PostgreSQL database, migrated, dropped at the end.


def _database_create(name: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')  # a name made here: servicefit_bench_<hex>


def _database_drop(name: str) -> None:
    import psycopg

    if "django" in sys.modules:
        from django.db import connections

        connections.close_all()
    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    print(f"[bench database {name} dropped]")


def _django_setup(database: str) -> None:
    # Settings read the environment at import, so everything is chosen before setup. Gunicorn gets
    # the same environment (plus production switches, see _server_environment).
    os.environ.setdefault("DEBUG", "1")
    os.environ["DATABASE_URL"] = PG_URL.format(name=database)
    os.environ["DJANGO_SETTINGS_MODULE"] = "servicefit.settings"
    # Links are signed with SECRET_KEY: this process makes them, gunicorn checks them, so both
    # get the same random key (a random one, since gunicorn runs with DEBUG=0).
    os.environ["SECRET_KEY"] = secrets.token_urlsafe(50)
    os.environ["EMAIL_URL"] = "dummymail://"  # 500 invitation e-mails, sent nowhere
    # All simulated candidates come from 127.0.0.1: the per-address limit would stop them.
    os.environ["TAKE_RATE_PER_LINK"] = "100000/min"
    os.environ["TAKE_RATE_PER_ADDRESS"] = "10000000/min"
    os.environ["CONN_MAX_AGE"] = "60"
    os.environ.setdefault("LOG_LEVEL", "WARNING")  # not a line per invitation e-mail task
    sys.path.insert(0, str(REPO))
    import django
    from django.core.management import call_command

    django.setup()
    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    print(f"[bench database {database} (PostgreSQL): migrated in {time.perf_counter() - started:.1f} s]")


def _invitations_create(count: int, label: str) -> list[tuple[str, str]]:
    """[(token, language)] for `count` new invitations of the standard battery."""
    from assessments import services
    from assessments.models import Assessment

    assessment = Assessment.objects.get(slug=ASSESSMENT)
    created = []
    for i in range(count):
        language = LANGUAGES[i % len(LANGUAGES)]
        invitation = services.invitation_create(
            assessment=assessment,
            email=f"candidate-{label}-{i}@bench.invalid",
            name=f"Bench candidate {label} {i}",
            language=language,
            user=None,
        )
        created.append((services.invitation_token(invitation), language))
    return created


# ---------------------------------------------------------------------------------------------
# Facts: what was measured, on what.


def print_facts(args, database: str) -> None:
    from django.db import connection

    from assessments.models import Item

    _heading("Machine and versions")
    cpu = next(
        (line.split(":", 1)[1].strip() for line in _read_lines("/proc/cpuinfo") if line.startswith("model name")),
        platform.processor() or "unknown",
    )
    print(f"cpu                 {cpu}")
    print(f"nproc               {os.cpu_count()} (usable by this process: {len(os.sched_getaffinity(0))})")
    print("load average        {:.2f} {:.2f} {:.2f} (1, 5, 15 min)".format(*os.getloadavg()))
    print(f"python              {platform.python_version()}")
    versions = ", ".join(
        f"{name} {_version(name)}" for name in ("Django", "djangorestframework", "gunicorn", "psycopg")
    )
    print(f"packages            {versions}")
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        server_version = cursor.fetchone()[0]
        cursor.execute("SHOW max_connections")
        max_connections = cursor.fetchone()[0]
    print(f"postgresql          {server_version} on 127.0.0.1:5432, max_connections {max_connections}")
    print(f"database            {database} (dropped at the end)")
    items = Item.objects.filter(section__assessment__slug=ASSESSMENT)
    kinds = Counter(items.values_list("kind", flat=True))
    print(f"battery             {ASSESSMENT}: {sum(kinds.values())} items ({_counts(kinds)})")
    print(f"git                 {_git('rev-parse', '--short', 'HEAD') or '?'}", end="")
    print(" (with uncommitted changes)" if _git("status", "--porcelain", "--", "assessments", "servicefit") else "")


# ---------------------------------------------------------------------------------------------
# What one saved answer costs in-process: SQL queries (and, on request, a profile).


def _bench_attempt(label: str):
    """A started attempt for in-process measurements, with its token and items by kind."""
    from assessments import services
    from assessments.models import Invitation, Item

    ((token, _language),) = _invitations_create(1, label)
    invitation = Invitation.objects.select_related("assessment").get(public_id=token.partition(".")[0])
    attempt = services.attempt_start(invitation=invitation, consent=True)
    for section in invitation.assessment.sections.all():  # timed parts are answered only once opened
        attempt = services.section_open(invitation=invitation, section_id=section.id)
    items = {item.id: item for item in Item.objects.filter(section__assessment=invitation.assessment)}
    return token, attempt, items


def _value_for(item, rng: random.Random, language: str = "en"):
    if item.kind == "likert":
        return rng.randint(1, 5)
    if item.kind == "text":
        return TEXTS[language]
    return rng.choice([option.id for option in item.options.all()])


class SqlTimer:
    """A database execute wrapper: each query's SQL and its time (ms), at perf_counter resolution."""

    def __init__(self):
        self.queries: list[tuple[str, float]] = []

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.queries.append((sql, 1000 * (time.perf_counter() - started)))

    @property
    def ms(self) -> float:
        return sum(ms for _sql, ms in self.queries)


def query_cost() -> None:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    _heading("SQL queries per saved answer (in-process, Django test client, one request at a time)")
    token, _attempt, items = _bench_attempt("queries")
    client = Client(HTTP_HOST="127.0.0.1")
    rng = random.Random(0)  # noqa: S311 (answers, not security)
    untimed = [i for i in items.values() if i.section.time_limit_seconds is None]
    timed = [i for i in items.values() if i.section.time_limit_seconds]
    cases = [
        ("first answer to an item (untimed section)", untimed[0]),
        ("the same item answered again", untimed[0]),
        ("first answer in a timed section", timed[0]),
        ("next answer in that timed section", timed[1]),
    ]
    for name, item in cases:
        body = json.dumps({"value": _value_for(item, rng)})
        timer = SqlTimer()
        with CaptureQueriesContext(connection) as queries, connection.execute_wrapper(timer):
            response = client.put(f"/api/take/{token}/answers/{item.id}/", body, content_type="application/json")
        print(f"{name:<52}{len(queries):>3} queries ({timer.ms:.2f} ms in SQL)   HTTP {response.status_code}")
        if name.startswith(("first answer to", "first answer in")):
            for number, query in enumerate(queries.captured_queries, 1):
                print(f"    {number:>2}. {_short_sql(query['sql'])}")
    # Time per request in-process (no network, no other load): the floor under the HTTP latency.
    likert = [i for i in untimed if i.kind == "likert"]
    requests = 300
    with override_settings(DEBUG=False):  # as gunicorn runs: no query log
        for item in likert[:20]:  # warm-up
            client.put(
                f"/api/take/{token}/answers/{item.id}/", json.dumps({"value": 3}), content_type="application/json"
            )
        timer = SqlTimer()
        started, cpu_started = time.perf_counter(), time.thread_time()
        with connection.execute_wrapper(timer):
            for n in range(requests):
                item = likert[n % len(likert)]
                client.put(
                    f"/api/take/{token}/answers/{item.id}/",
                    json.dumps({"value": 1 + n % 5}),
                    content_type="application/json",
                )
        elapsed, cpu = time.perf_counter() - started, time.thread_time() - cpu_started
    print(
        f"in-process PUT, {requests} answers one after another, DEBUG off: {1000 * elapsed / requests:.2f} ms each, "
        f"{1000 * cpu / requests:.2f} ms of it CPU in Python; {timer.ms / requests:.2f} ms inside "
        f"{len(timer.queries) / requests:.0f} database calls"
    )


SELECT_COLUMNS = re.compile(r"^SELECT .+? FROM ", re.S)


def _short_sql(sql: str, width: int = 140) -> str:
    sql = SELECT_COLUMNS.sub("SELECT … FROM ", " ".join(sql.split()))
    return sql if len(sql) <= width else sql[: width - 1] + "…"


def profile_answer(requests: int, top: int = 25) -> None:
    from django.test import Client

    _heading(f"Profile: cProfile of {requests} in-process PUT answer requests")
    token, _attempt, items = _bench_attempt("profile")
    client = Client(HTTP_HOST="127.0.0.1")
    likert = [i for i in items.values() if i.kind == "likert"]

    def put(n):
        item = likert[n % len(likert)]
        url = f"/api/take/{token}/answers/{item.id}/"
        return client.put(url, json.dumps({"value": 1 + n % 5}), content_type="application/json")

    for n in range(20):
        put(n)
    profiler = cProfile.Profile()
    profiler.enable()
    for n in range(requests):
        put(n)
    profiler.disable()
    for order in ("tottime", "cumulative"):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats(order).print_stats(top)
        print(f"-- top {top} by {order} --")
        print(out.getvalue().split("\n\n", 1)[-1].strip().replace(str(REPO) + "/", ""))
        print()


# ---------------------------------------------------------------------------------------------
# The server: gunicorn on a free loopback port, production switches, stopped in a finally.


@dataclass(frozen=True)
class ServerConfig:
    """A gunicorn worker model, and whether the client keeps its connections open between requests."""

    worker_class: str
    workers: int
    threads: int
    keepalive: bool = True

    def describe(self) -> str:
        if self.worker_class == "sync":
            return f"-k sync -w {self.workers}"
        return f"-k gthread -w {self.workers} --threads {self.threads}"

    def describe_client(self) -> str:
        if self.worker_class == "sync":
            return "a new connection per request (sync workers close each one)"
        return "keep-alive connections" if self.keepalive else "a new connection per request"

    def arguments(self) -> list[str]:
        threads = ["--threads", str(self.threads)] if self.worker_class == "gthread" else []
        return ["-k", self.worker_class, "-w", str(self.workers), *threads]


def _server_config(args) -> ServerConfig:
    return ServerConfig(args.worker_class, args.workers, args.threads, args.keepalive)


KEEP_ALIVE_SECONDS = 30


class Server:
    def __init__(self, config: ServerConfig, database: str, work: Path):
        self.config = config
        self.port = _free_port()
        self.log_path = work / f"gunicorn-{self.port}.log"
        environment = {
            **os.environ,
            "DATABASE_URL": PG_URL.format(name=database),
            "DEBUG": "0",
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "0",
            "SESSION_COOKIE_SECURE": "0",
            "CSRF_COOKIE_SECURE": "0",
            "STATICFILES_BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
            "LOG_LEVEL": "WARNING",
            "CONN_MAX_AGE": "60",
            "EMAIL_URL": "dummymail://",
            "TAKE_RATE_PER_LINK": "100000/min",
            "TAKE_RATE_PER_ADDRESS": "10000000/min",
        }
        command = [
            str(REPO / ".venv" / "bin" / "gunicorn"),
            "servicefit.wsgi",
            *config.arguments(),
            "-b",
            f"127.0.0.1:{self.port}",
            "--keep-alive",
            str(KEEP_ALIVE_SECONDS),
        ]
        with self.log_path.open("w") as log:
            # A fixed command line: nothing in it comes from outside this script.
            self.process = subprocess.Popen(command, cwd=REPO, env=environment, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603

    def __enter__(self):
        try:
            _wait_until_listening(self.process, self.port, self.log_path)
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def log_tail(self, lines: int = 15) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_listening(server: subprocess.Popen, port: int, log_path: Path, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.returncode}:\n{log_path.read_text()[-3000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"gunicorn did not listen on port {port} in {timeout:g} s:\n{log_path.read_text()[-3000:]}")


# ---------------------------------------------------------------------------------------------
# The client: asyncio, HTTP/1.1 over at most `size` keep-alive connections to 127.0.0.1 only.


class HttpPool:
    """A bounded pool of keep-alive connections; a request waits for a free one.

    A connection the server closed while idle (keep-alive timeout, a worker restart) is detected by
    the response not starting; the request is then sent once more on a new connection. Only then:
    once any byte of a response came back the request is never repeated.
    """

    def __init__(self, port: int, size: int, *, keepalive: bool = True, request_timeout: float = 30.0):
        self.port = port
        self.keepalive = keepalive
        self.slots = asyncio.Semaphore(size)
        self.idle: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []
        self.request_timeout = request_timeout
        self.opened = 0
        self.resent = 0

    async def request(self, method: str, path: str, payload=None) -> tuple[int, bytes, float]:
        """(status, body, ms spent on the wire, i.e. after a connection was free)."""
        body = b"" if payload is None else json.dumps(payload).encode("utf-8")
        head = (
            f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
            f"Connection: {'keep-alive' if self.keepalive else 'close'}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        ).encode("ascii")
        async with self.slots:
            started = time.perf_counter()
            for _attempt in range(2):
                reused = bool(self.idle)
                connection = self.idle.pop() if reused else await self._open()
                try:
                    status, data, keep = await asyncio.wait_for(
                        self._exchange(connection, head + body), self.request_timeout
                    )
                except _NoResponse:
                    self._close(connection)
                    if reused:
                        self.resent += 1
                        continue
                    raise
                except BaseException:
                    self._close(connection)
                    raise
                if keep:
                    self.idle.append(connection)
                else:
                    self._close(connection)
                return status, data, 1000 * (time.perf_counter() - started)
        raise _NoResponse("the server closed a fresh connection without answering")

    async def _open(self):
        self.opened += 1
        return await asyncio.open_connection("127.0.0.1", self.port)

    @staticmethod
    async def _exchange(connection, request: bytes) -> tuple[int, bytes, bool]:
        reader, writer = connection
        try:
            writer.write(request)
            await writer.drain()
            status_line = await reader.readline()
        except (ConnectionError, OSError) as exc:
            raise _NoResponse(str(exc)) from exc
        if not status_line:
            raise _NoResponse("connection closed")
        version, status, *_reason = status_line.decode("latin-1").split(" ", 2)
        headers = {}
        while True:
            line = await reader.readline()
            if line in (b"\r\n", b"\n", b""):
                break
            name, _colon, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        if headers.get("transfer-encoding", "").lower() == "chunked":
            chunks = []
            while True:
                size = int((await reader.readline()).split(b";")[0], 16)
                if size == 0:
                    while (await reader.readline()) not in (b"\r\n", b"\n", b""):
                        pass
                    break
                chunks.append(await reader.readexactly(size))
                await reader.readexactly(2)
            data = b"".join(chunks)
        elif "content-length" in headers:
            data = await reader.readexactly(int(headers["content-length"]))
        else:
            data = await reader.read()
            return int(status), data, False
        keep = version.strip() == "HTTP/1.1" and headers.get("connection", "").lower() != "close"
        return int(status), data, keep

    def _close(self, connection) -> None:
        connection[1].close()

    def close(self) -> None:
        while self.idle:
            self._close(self.idle.pop())


class _NoResponse(ConnectionError):
    pass


# ---------------------------------------------------------------------------------------------
# The candidates.


@dataclass
class Calls:
    """Latencies (ms, from the moment the candidate sends until the last byte back) and outcomes."""

    latency: list[float] = field(default_factory=list)
    wire: list[float] = field(default_factory=list)
    ended: list[float] = field(default_factory=list)  # perf_counter at each response
    saved: list[bool] = field(default_factory=list)  # each response was a 2xx
    statuses: Counter = field(default_factory=Counter)

    def add(self, status, started: float, wire_ms: float | None) -> None:
        now = time.perf_counter()
        self.statuses[status] += 1
        if isinstance(status, int):
            self.latency.append(1000 * (now - started))
            self.wire.append(wire_ms)
            self.ended.append(now)
            self.saved.append(200 <= status < 300)

    @property
    def ok(self) -> int:
        return sum(n for s, n in self.statuses.items() if isinstance(s, int) and 200 <= s < 300)


@dataclass
class Run:
    config: ServerConfig
    candidates: int
    calls: dict[str, Calls]
    acknowledged: dict[str, dict[int, object]]  # public id -> {item id: value the server acknowledged}
    submitted: set[str]
    finished: int
    items_per_attempt: int
    elapsed: float
    answer_window: float
    timed_out: bool
    opened: int
    resent: int
    server_log: str
    cpu: dict[str, float]  # CPU seconds during the candidates' run, by who used them


async def _call(pool: HttpPool, calls: Calls, method: str, path: str, payload=None):
    started = time.perf_counter()
    try:
        status, data, wire = await pool.request(method, path, payload)
    except TimeoutError:
        calls.add("timeout", started, None)
        return None, b""
    except (ConnectionError, OSError, asyncio.IncompleteReadError, ValueError) as exc:
        calls.add(type(exc).__name__, started, None)
        return None, b""
    calls.add(status, started, wire)
    return status, data


async def _start_all(pool: HttpPool, tokens: list[tuple[str, str]], calls: Calls) -> None:
    async def start(token):
        await _call(pool, calls, "POST", f"/api/take/{token}/start/", {"consent": True})

    await asyncio.gather(*(start(token) for token, _language in tokens))


async def _candidate(pool, token, language, delay, rng, think, calls, acknowledged, submitted) -> bool:
    """One candidate: open the link, answer every item after a think time, submit. True if done."""
    public_id = token.partition(".")[0]
    await asyncio.sleep(delay)
    status, data = await _call(pool, calls["GET attempt"], "GET", f"/api/take/{token}/")
    if status != 200:
        return False
    attempt = json.loads(data)
    saved = acknowledged.setdefault(public_id, {})
    for section in attempt["sections"]:
        if not section["opened"]:
            # A timed part's questions are served only when the candidate starts it (its clock starts then).
            path = f"/api/take/{token}/sections/{section['id']}/open/"
            status, data = await _call(pool, calls["POST open part"], "POST", path, {})
            if status != 200:
                return False
            section = json.loads(data)
        for item in section["items"]:
            await asyncio.sleep(rng.uniform(*think))
            if item["kind"] == "likert":
                value = rng.randint(1, 5)
            elif item["kind"] == "text":
                value = TEXTS[language]
            else:
                value = rng.choice([option["id"] for option in item["options"]])
            path = f"/api/take/{token}/answers/{item['id']}/"
            status, _data = await _call(pool, calls["PUT answer"], "PUT", path, {"value": value})
            if status is not None and 200 <= status < 300:
                saved[item["id"]] = value
    await asyncio.sleep(rng.uniform(*think))
    status, _data = await _call(pool, calls["POST submit"], "POST", f"/api/take/{token}/submit/")
    if status is not None and 200 <= status < 300:
        submitted.add(public_id)
        return True
    return False


def run_candidates(args, database: str, work: Path, config: ServerConfig, *, quiet: bool = False) -> Run:
    label = secrets.token_hex(3)
    started = time.perf_counter()
    tokens = _invitations_create(args.candidates, label)
    if not quiet:
        _heading(f"{args.candidates} candidates answering at once, gunicorn {config.describe()}")
        print(f"invitations created in-process: {len(tokens)} in {time.perf_counter() - started:.1f} s")
    items = _items_per_attempt()
    with Server(config, database, work) as server:
        return asyncio.run(_drive(args, config, server, tokens, items, quiet=quiet))


async def _drive(args, config: ServerConfig, server: Server, tokens, items_per_attempt: int, *, quiet: bool) -> Run:
    pool = HttpPool(server.port, args.connections, keepalive=config.keepalive)
    calls = {name: Calls() for name in ("POST start", "GET attempt", "POST open part", "PUT answer", "POST submit")}
    acknowledged: dict[str, dict[int, object]] = {}
    submitted: set[str] = set()
    try:
        # Not timed against the target: every candidate consents and starts (the workers warm up).
        started = time.perf_counter()
        await _start_all(pool, tokens, calls["POST start"])
        if not quiet:
            print(
                f"started through the API: {calls['POST start'].ok} of {len(tokens)} "
                f"in {time.perf_counter() - started:.1f} s (all at once, warms up the workers; "
                f"{_counts(calls['POST start'].statuses)})"
            )
            low, high = (1000 * t for t in args.think)
            mean = sum(args.think) / 2
            offered = (
                f"≈ {len(tokens) / mean:.0f} answers/s ({len(tokens)} candidates / {1000 * mean:g} ms on average)"
                if mean
                else "as many answers as the server can take"
            )
            print(
                f"now: each candidate opens its link within the first {args.ramp:g} s, waits {low:g}-{high:g} ms"
                f" before each answer, then submits\noffered load: {offered}"
            )
        master = random.Random(args.seed)  # noqa: S311 (think times and answers, not security)
        tasks = [
            asyncio.ensure_future(
                _candidate(
                    pool,
                    token,
                    language,
                    args.ramp * i / len(tokens),
                    random.Random(master.getrandbits(64)),  # noqa: S311
                    args.think,
                    calls,
                    acknowledged,
                    submitted,
                )
            )
            for i, (token, language) in enumerate(tokens)
        ]
        started = time.perf_counter()
        sampler = CpuSampler(server.process.pid)
        sampling = asyncio.ensure_future(sampler.run())
        done, pending = await asyncio.wait(tasks, timeout=_timeout(args, items_per_attempt))
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.wait(pending, timeout=10)
        elapsed = time.perf_counter() - started
        sampling.cancel()
        cpu = sampler.result()
    finally:
        pool.close()
    finished = sum(1 for task in done if not task.cancelled() and task.exception() is None and task.result())
    for task in done:
        if not task.cancelled() and task.exception() is not None:
            print(f"candidate failed: {task.exception()!r}")
    answers = calls["PUT answer"]
    window = (max(answers.ended) - started) if answers.ended else elapsed
    return Run(
        config=config,
        candidates=len(tokens),
        calls=calls,
        acknowledged=acknowledged,
        submitted=submitted,
        finished=finished,
        items_per_attempt=items_per_attempt,
        elapsed=elapsed,
        answer_window=window,
        timed_out=bool(pending),
        cpu=cpu,
        opened=pool.opened,
        resent=pool.resent,
        server_log=server.log_tail(),
    )


def _pace(args) -> str:
    low, high = (round(1000 * t) for t in args.think)
    return f"{low}-{high} ms before each answer"


def _timeout(args, items: int) -> float:
    return args.timeout or round(args.ramp + items * args.think[1] + 120)


def _items_per_attempt() -> int:
    from assessments.models import Item

    return Item.objects.filter(section__assessment__slug=ASSESSMENT).count()


# ---------------------------------------------------------------------------------------------
# The figures, and the check that nothing acknowledged was lost.


def report(args, run: Run) -> None:
    answers = run.calls["PUT answer"]
    saved = answers.ok
    p50, p95, p99 = (_percentile(answers.latency, q) for q in (50, 95, 99))
    print()
    print(f"server                    gunicorn {run.config.describe()} --keep-alive {KEEP_ALIVE_SECONDS}")
    print("                          DEBUG=0, CONN_MAX_AGE=60, locmem cache (rate limits)")
    print(f"client                    ≤ {args.connections} connections, {run.config.describe_client()}")
    print(f"candidates                {run.candidates} ({run.finished} answered everything and submitted)")
    print(f"items per attempt         {run.items_per_attempt}")
    print(f"answers sent              {sum(answers.statuses.values())} ({saved} saved: HTTP 2xx)")
    print(f"run time                  {run.elapsed:.1f} s (answers: {run.answer_window:.1f} s)", end="")
    print(f"; stopped by the {_timeout(args, run.items_per_attempt):g} s timeout" if run.timed_out else "")
    print(f"answers saved per second  {saved / run.answer_window:.1f} (over the whole run, ramp and tail included)")
    if run.answer_window > 20:
        print(f"                          {_peak_rate(answers):.1f} in the busiest 10 s")
    if answers.latency:
        print(
            f"PUT answer latency (ms)   p50 {p50:.1f}   p95 {p95:.1f}   p99 {p99:.1f}   max {max(answers.latency):.1f}"
        )
        wire = [_percentile(answers.wire, q) for q in (50, 95, 99)]
        print(
            f"  on the wire only        p50 {wire[0]:.1f}   p95 {wire[1]:.1f}   p99 {wire[2]:.1f}"
            "   (from when a client connection was free)"
        )
    for name in ("POST start", "GET attempt", "POST open part", "POST submit"):
        calls = run.calls[name]
        if calls.latency:
            q = [_percentile(calls.latency, x) for x in (50, 95, 99)]
            print(
                f"{name + ' (ms)':<26}p50 {q[0]:.1f}   p95 {q[1]:.1f}   p99 {q[2]:.1f}   max {max(calls.latency):.1f}"
            )
    print("responses by status")
    for name, calls in run.calls.items():
        print(f"  {name:<24}{_counts(calls.statuses) or '-'}")
    print(f"submits OK                {run.calls['POST submit'].ok} of {run.candidates}")
    print(f"client connections        {run.opened} opened, {run.resent} requests re-sent on a new one (idle closed)")
    _print_cpu(run)
    print("timeline (10 s windows)   saved/s, PUT p95 ms")
    for line in _timeline(answers):
        print(f"  {line}")

    _heading("Lost answers: the database against what the server acknowledged")
    lost, mismatched, extra, count_differs, unscored = verify(run)
    print(f"attempts checked                       {len(run.acknowledged)}")
    print(f"answers acknowledged (2xx)             {sum(len(v) for v in run.acknowledged.values())}")
    print(f"attempts whose answer count differs    {count_differs}")
    print(f"stored with another value              {mismatched}")
    print(f"stored but not acknowledged            {extra} (a request that timed out at the client; not lost)")
    print(f"submitted attempts without a result    {unscored}")
    print(f"lost answers: {lost}")
    print()
    met = run.candidates >= TARGET_CANDIDATES and answers.latency and p95 < TARGET_P95_MS
    nothing_lost = lost == 0 and mismatched == 0 and unscored == 0
    print(
        f"target p95 < {TARGET_P95_MS:g} ms with {TARGET_CANDIDATES} candidates: "
        + ("met" if met else "not met")
        + (f" (p95 {p95:.1f} ms, {run.candidates} candidates" if answers.latency else " (no answer saved")
        + f", {_pace(args)})"
    )
    print("target zero lost answers: " + ("met" if nothing_lost else "not met"))
    failed = sum(n for s, n in answers.statuses.items() if not (isinstance(s, int) and 200 <= s < 300))
    if failed or run.finished < run.candidates:
        print(f"({failed} answers were refused or failed, {run.candidates - run.finished} candidates did not finish;")
        print(" last lines of the gunicorn log:)")
        print(run.server_log or "  (empty)")


def verify(run: Run) -> tuple[int, int, int, int, int]:
    """(lost, stored with another value, stored but unacknowledged, attempts whose count differs,
    submitted attempts without a result), from the database."""
    from assessments.models import Answer, AttemptResult, Invitation

    ids = list(run.acknowledged)
    stored: dict[str, dict[int, object]] = {}
    for public_id, item_id, value in Answer.objects.filter(attempt__invitation__public_id__in=ids).values_list(
        "attempt__invitation__public_id", "item_id", "value"
    ):
        stored.setdefault(public_id, {})[item_id] = value
    lost = mismatched = extra = count_differs = 0
    for public_id, acknowledged in run.acknowledged.items():
        in_db = stored.get(public_id, {})
        if len(in_db) != len(acknowledged):
            count_differs += 1
        for item_id, value in acknowledged.items():
            if item_id not in in_db:
                lost += 1
            elif in_db[item_id] != value:
                mismatched += 1
        extra += len(set(in_db) - set(acknowledged))
    scored = set(
        AttemptResult.objects.filter(attempt__invitation__public_id__in=run.submitted).values_list(
            "attempt__invitation__public_id", flat=True
        )
    )
    marked = set(
        Invitation.objects.filter(public_id__in=run.submitted, status=Invitation.Status.SUBMITTED).values_list(
            "public_id", flat=True
        )
    )
    unscored = len(run.submitted - (scored & marked))
    return lost, mismatched, extra, count_differs, unscored


class CpuSampler:
    """CPU seconds used while it runs: the whole machine (busy time of all cores, from /proc/stat),
    gunicorn (master and workers), PostgreSQL (every postgres process) and this client.

    Processes are sampled every half second, because PostgreSQL backends come and go (CONN_MAX_AGE
    recycles them): a process that ends counts up to its last sample, one that starts counts from 0.
    """

    def __init__(self, server_pid: int):
        self.server_pid = server_pid
        self.tick = os.sysconf("SC_CLK_TCK")
        self.first: dict[tuple[int, str], float] = {}
        self.last: dict[tuple[int, str], tuple[str, float]] = {}
        self.machine_start = self._machine()
        self.client_start = time.process_time()
        self.sample(initial=True)

    def _machine(self) -> float:
        values = [int(v) for v in _read_lines("/proc/stat")[0].split()[1:]]
        idle = values[3] + (values[4] if len(values) > 4 else 0)  # idle + iowait
        return (sum(values[:8]) - idle) / self.tick

    def sample(self, initial: bool = False) -> None:
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                text = stat.read_text()
            except OSError:
                continue  # it ended meanwhile
            comm = text[text.index("(") + 1 : text.rindex(")")]
            rest = text[text.rindex(")") + 2 :].split()
            pid, ppid = int(stat.parent.name), int(rest[1])
            if pid == self.server_pid or ppid == self.server_pid:
                kind = "gunicorn"
            elif comm == "postgres" or comm.startswith("postgres:"):
                kind = "postgresql"
            else:
                continue
            key = (pid, rest[19])  # (pid, start time): a pid can be reused
            used = (int(rest[11]) + int(rest[12])) / self.tick  # utime + stime
            if initial:
                self.first[key] = used
            self.last[key] = (kind, used)

    async def run(self, interval: float = 0.5) -> None:
        while True:
            await asyncio.sleep(interval)
            self.sample()

    def result(self) -> dict[str, float]:
        self.sample()
        used = {"machine": self._machine() - self.machine_start, "gunicorn": 0.0, "postgresql": 0.0}
        for key, (kind, seconds) in self.last.items():
            used[kind] += seconds - self.first.get(key, 0.0)
        used["client"] = time.process_time() - self.client_start
        used["other"] = max(0.0, used["machine"] - used["gunicorn"] - used["postgresql"] - used["client"])
        return used


def _print_cpu(run: Run) -> None:
    cpu, cores = run.cpu, len(os.sched_getaffinity(0))
    requests = sum(calls.ok for name, calls in run.calls.items() if name != "POST start")
    available = cores * run.elapsed
    print(
        f"CPU in the run            {cpu['machine']:.1f} of {available:.1f} core-s busy ({cores} cores):"
        f" gunicorn {cpu['gunicorn']:.1f}, PostgreSQL {cpu['postgresql']:.1f},"
        f" this client {cpu['client']:.1f}, other processes {cpu['other']:.1f}"
    )
    if requests:
        print(
            f"                          per request: gunicorn {1000 * cpu['gunicorn'] / requests:.2f} ms,"
            f" PostgreSQL {1000 * cpu['postgresql'] / requests:.2f} ms, client {1000 * cpu['client'] / requests:.2f} ms"
        )


def _peak_rate(calls: Calls, window: float = 10.0) -> float:
    """Saved answers per second in the busiest `window` seconds."""
    ok = sorted(t for t, saved in zip(calls.ended, calls.saved, strict=True) if saved)
    best, low = 0, 0
    for high, t in enumerate(ok):
        while t - ok[low] > window:
            low += 1
        best = max(best, high - low + 1)
    return best / window


def _timeline(calls: Calls, window: float = 10.0) -> list[str]:
    if not calls.ended:
        return []
    start = min(e - lat / 1000 for e, lat in zip(calls.ended, calls.latency, strict=True))
    buckets: dict[int, list[float]] = {}
    for ended, latency in zip(calls.ended, calls.latency, strict=True):
        buckets.setdefault(int((ended - start) // window), []).append(latency)
    return [
        f"{int(k * window):>4}-{int((k + 1) * window):<4}s {len(v) / window:8.1f}/s   p95 {_percentile(v, 95):7.1f}"
        for k, v in sorted(buckets.items())
    ]


# ---------------------------------------------------------------------------------------------
# --compare: the same load against a few gunicorn configurations.

COMPARED = (
    ServerConfig("sync", 4, 1),
    ServerConfig("sync", 6, 1),
    ServerConfig("gthread", 3, 4, keepalive=True),
    ServerConfig("gthread", 3, 4, keepalive=False),
    ServerConfig("gthread", 3, 8, keepalive=True),
    ServerConfig("gthread", 3, 8, keepalive=False),
)


def compare_servers(args, database: str, work: Path, rounds: int = 2) -> None:
    """Each configuration in turn, `rounds` times (so a burst of load elsewhere does not fall on one
    configuration only), then the median of each."""
    _heading(f"gunicorn configurations, {args.candidates} candidates each, {rounds} rounds (fresh invitations)")
    header = (
        f"{'saved/s':>9}{'p50':>8}{'p95':>8}{'p99':>8}{'errors':>8}{'lost':>6}{'gunicorn CPU':>14}{'other CPU':>11}"
    )
    print(f"{'round':<7}{'configuration':<44}{header}")
    results: dict[ServerConfig, list[tuple[float, ...]]] = {config: [] for config in COMPARED}
    for number in range(1, rounds + 1):
        for config in COMPARED:
            run = run_candidates(args, database, work, config, quiet=True)
            answers = run.calls["PUT answer"]
            requests = sum(calls.ok for name, calls in run.calls.items() if name != "POST start")
            row = (
                answers.ok / run.answer_window,
                *(_percentile(answers.latency, q) for q in (50, 95, 99)),
                sum(answers.statuses.values()) - answers.ok,
                verify(run)[0],
                1000 * run.cpu["gunicorn"] / max(requests, 1),
                run.cpu["other"] / run.elapsed,
            )
            results[config].append(row)
            print(f"{number:<7}{_compare_label(config):<44}{_compare_cells(row)}")
    print("median")
    for config, rows in results.items():
        median = tuple(statistics.median(column) for column in zip(*rows, strict=True))
        print(f"{'':<7}{_compare_label(config):<44}{_compare_cells(median)}")
    print("(PUT answer latency in ms; keep-alive / new conn.: the client keeps its connections open, or opens")
    print(" one per request as a reverse proxy does; gunicorn CPU: ms per request; other CPU: cores busy with other")
    print(" processes on the machine during the run, on average. The default configuration follows in full.)")


def _compare_label(config: ServerConfig) -> str:
    if config.worker_class == "sync":
        return config.describe()
    return config.describe() + (", keep-alive" if config.keepalive else ", new conn.")


def _compare_cells(row) -> str:
    rate, p50, p95, p99, errors, lost, gunicorn, other = row
    return f"{rate:>9.1f}{p50:>8.1f}{p95:>8.1f}{p99:>8.1f}{errors:>8.0f}{lost:>6.0f}{gunicorn:>11.2f} ms{other:>9.2f} c"


# ---------------------------------------------------------------------------------------------
# Small helpers.


def _percentile(values: list[float], q: float) -> float:
    """Linear interpolation between closest ranks (numpy's default)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _counts(counter: Counter) -> str:
    return ", ".join(f"{key}: {n}" for key, n in sorted(counter.items(), key=lambda kv: str(kv[0])))


def _git(*args: str) -> str:
    try:
        # Fixed git sub-commands, read-only; nothing in them comes from outside this script.
        done = subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True, check=False)  # noqa: S603, S607
    except OSError:
        return ""
    return done.stdout.strip()


def _read_lines(path: str) -> list[str]:
    try:
        return Path(path).read_text().splitlines()
    except OSError:
        return []


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def _heading(title: str) -> None:
    print()
    print(title)
    print("-" * len(title))


if __name__ == "__main__":
    sys.exit(main())
