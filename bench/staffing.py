"""Staffing maths speed (staffing/analysis/erlang.py): a year of 15-minute intervals, and pyworkforce.

Run from the repository root:  .venv/bin/python bench/staffing.py [--seed 0] [--compare 1000]
Sections: (1) a synthetic year of phone, chat and e-mail traffic, 105,120 intervals, staffed with
agents_required_many (phone: Erlang C 80 % in 20 s, occupancy ≤ 85 %; chat: 2.5 conversations per
agent, 80 % in 60 s; e-mail: agent-hours answered the next day); (2) pyworkforce's ErlangC on 1,000
phone intervals of that year against ours: identical agent counts and the speed ratio. pyworkforce
is a bench-only requirement (bench/requirements.txt); without it section 2 says so and stops.
One BLAS/OpenMP thread. Figures are printed, never asserted: timings depend on the machine.
"""

import argparse
import os
import platform
import sys
import time
from pathlib import Path

# Before numpy is imported: one thread, so "one core" means one core.
for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from staffing.analysis.erlang import agents_required_many, email_agent_hours  # noqa: E402

INTERVAL_MINUTES = 15
PER_DAY = 24 * 60 // INTERVAL_MINUTES
PHONE = {"target_answer_seconds": 20, "service_level": 0.8, "max_occupancy": 0.85}
CHAT = {"target_answer_seconds": 60, "service_level": 0.8, "max_occupancy": 0.9, "concurrency": 2.5}
TARGET_SECONDS = 1.0
TARGET_RATIO = 20.0


def best_of(runs, function):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def _year(rng, *, daily, opens, closes, weekend, aht, aht_spread, peaks):
    """One channel's 15-minute contacts and AHT for 2026: opening hours, an intraday curve with
    `peaks` (hours), weekday and yearly seasonality, invoice-run peaks on the first working days
    of the month, Poisson noise; AHT lognormal around a time-of-day curve."""
    days = np.arange("2026-01-01", "2027-01-01", dtype="datetime64[D]")
    weekday = (days.astype(int) + 3) % 7  # 0 = Monday
    day_of_month = (days - days.astype("datetime64[M]")).astype(int) + 1
    month = days.astype("datetime64[M]").astype(int) % 12
    day_factor = np.array([1.25, 1.1, 1.0, 0.95, 0.9, weekend, weekend * 0.6])[weekday]
    day_factor *= 1 + 0.15 * np.cos(2 * np.pi * (month - 0.5) / 12)  # winter high, summer low
    day_factor *= np.where((day_of_month <= 4) & (weekday < 5), 1.35, 1.0)  # invoice mail-outs
    hours = (np.arange(PER_DAY) + 0.5) * INTERVAL_MINUTES / 60
    curve = sum(np.exp(-0.5 * ((hours - peak) / 1.6) ** 2) for peak in peaks) + 0.3
    curve = np.where((hours >= opens) & (hours < closes), curve, 0.0)
    mean = daily * day_factor[:, None] * (curve / curve.sum())[None, :]
    contacts = rng.poisson(mean).astype(float).ravel()
    aht_curve = aht * (1 + 0.08 * np.sin(2 * np.pi * hours / 24))
    handling = np.broadcast_to(aht_curve, mean.shape).ravel() * rng.lognormal(0, aht_spread, contacts.size)
    return contacts, np.where(contacts > 0, handling.round(1), 0.0)


def synthetic_year(seed):
    rng = np.random.default_rng(seed)
    phone = _year(rng, daily=6000, opens=8, closes=20, weekend=0.45, aht=320, aht_spread=0.12, peaks=(10, 14))
    chat = _year(rng, daily=2200, opens=8, closes=22, weekend=0.7, aht=660, aht_spread=0.15, peaks=(11, 20))
    email = _year(rng, daily=1800, opens=0, closes=24, weekend=0.5, aht=420, aht_spread=0.2, peaks=(9, 13, 21))
    return phone, chat, email


def email_agents(contacts, aht):
    """The 24-hour response target: each day's mail is answered the next day, between 08:00 and
    16:00 (32 intervals), spread evenly; December 31st's mail is answered on January 1st."""
    hours = email_agent_hours(contacts=contacts, aht_seconds=aht).reshape(-1, PER_DAY).sum(axis=1)
    open_intervals = slice(8 * 4, 16 * 4)
    agents = np.zeros((hours.size, PER_DAY))
    agents[:, open_intervals] = np.roll(hours, 1)[:, None] / 8.0  # hours of mail over 8 open hours
    return np.ceil(agents).astype(int).ravel()


def staff_year(phone, chat, email):
    interval = {"interval_seconds": INTERVAL_MINUTES * 60}
    return (
        agents_required_many(*phone, **interval, **PHONE),
        agents_required_many(*chat, **interval, **CHAT),
        email_agents(*email),
    )


def section_year(seed):
    phone, chat, email = synthetic_year(seed)
    intervals = sum(channel[0].size for channel in (phone, chat, email))
    staff_year(phone, chat, email)  # warm-up: imports, first calls
    seconds = best_of(5, lambda: staff_year(phone, chat, email))
    staffed = staff_year(phone, chat, email)
    print(f"(1) a year of {INTERVAL_MINUTES}-minute intervals, three channels: {intervals:,} intervals")
    for name, (contacts, aht), agents in zip(("phone", "chat", "e-mail"), (phone, chat, email), staffed, strict=True):
        mean_aht = np.average(aht[contacts > 0], weights=contacts[contacts > 0])
        print(
            f"    {name:7} {contacts.sum():>11,.0f} contacts, AHT {mean_aht:5.0f} s,"
            f" peak {agents.max():4d} agents, {agents.sum() * INTERVAL_MINUTES / 60:>9,.0f} agent-hours"
        )
    print(
        f"    staffed in {seconds:.3f} s (best of 5), {intervals / seconds:,.0f} intervals/s"
        f"  [target < {TARGET_SECONDS:.0f} s: {'met' if seconds < TARGET_SECONDS else 'NOT met'}]"
    )
    return phone


def section_pyworkforce(phone, count, seed):
    try:
        from pyworkforce.queuing import ErlangC
    except ImportError:
        print("(2) pyworkforce is not installed: pip install -r bench/requirements.txt")
        return
    rng = np.random.default_rng(seed)
    open_ = np.flatnonzero(phone[0] > 0)
    chosen = np.sort(rng.choice(open_, size=min(count, open_.size), replace=False))
    contacts, aht = phone[0][chosen], phone[1][chosen]
    interval = {"interval_seconds": INTERVAL_MINUTES * 60}

    def theirs():
        return [
            ErlangC(
                transactions=c, aht=a / 60, asa=PHONE["target_answer_seconds"] / 60, interval=INTERVAL_MINUTES
            ).required_positions(service_level=PHONE["service_level"], max_occupancy=PHONE["max_occupancy"])[
                "raw_positions"
            ]
            for c, a in zip(contacts, aht, strict=True)
        ]

    ours_seconds = best_of(20, lambda: agents_required_many(contacts, aht, **interval, **PHONE))
    theirs_seconds = best_of(3, theirs)
    ours = agents_required_many(contacts, aht, **interval, **PHONE)
    mismatches = int(np.sum(ours != np.array(theirs())))
    ratio = theirs_seconds / ours_seconds
    traffic = contacts * aht / (INTERVAL_MINUTES * 60)
    print(
        f"(2) pyworkforce ErlangC.required_positions on {contacts.size:,} phone intervals "
        f"({traffic.min():.1f}–{traffic.max():.1f} Erlangs, {ours.min()}–{ours.max()} agents), 80/20, occupancy ≤ 85 %"
    )
    print(f"    pyworkforce           {theirs_seconds * 1000:9.1f} ms (best of 3)")
    print(f"    agents_required_many  {ours_seconds * 1000:9.2f} ms (best of 20)")
    print(f"    agent counts differing: {mismatches}")
    verdict = "met" if ratio >= TARGET_RATIO else "NOT met"
    print(f"    speed ratio: {ratio:,.0f}x  [target >= {TARGET_RATIO:.0f}x: {verdict}]")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--compare", type=int, default=1000, help="intervals to staff with pyworkforce too")
    args = parser.parse_args()
    print(f"Python {platform.python_version()}, numpy {np.__version__}, {platform.machine()}, one thread")
    phone = section_year(args.seed)
    section_pyworkforce(phone, args.compare, args.seed)


if __name__ == "__main__":
    main()
