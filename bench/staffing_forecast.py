"""The traffic forecast on the demo data: its error on the last weeks, against simple baselines.

Run from the repository root:

    .venv/bin/python bench/staffing_forecast.py [--end 2026-12-01] [--weeks 8] [--seed 0] [--interval 30]

For each channel of `demo_series` (two years up to the day before --end) the forecast is fitted on all
but the last --weeks weeks and scored on them (staffing.analysis.forecast.holdout_error), beside:
- seasonal naive: the last week before the holdout, repeated (the same information as the model);
- naive one week ahead: each interval as it was a week earlier, from the held-out weeks themselves
  (information the model does not have for weeks 2 onwards, so an easier, flattering baseline);
- the floor: the generator's own expected values (demo_means), i.e. what only the noise leaves; no
  forecast can do much better.
AHT error is |forecast - actual| weighted by the actual contacts, over the actual contacts' AHT.
Nothing needs the database. Figures are printed, never asserted.
"""

import argparse
import os
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")  # one BLAS thread: small solves only lose time to thread start-up

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from staffing.analysis.demo_traffic import demo_means, demo_series  # noqa: E402
from staffing.analysis.forecast import Series, forecast, forecast_error, holdout_error  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--end", type=date.fromisoformat, default=date(2026, 12, 1), help="the day after the data")
    parser.add_argument("--weeks", type=int, default=8, help="weeks held out")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--interval", type=int, default=30, choices=(15, 30), help="interval minutes")
    args = parser.parse_args()

    print(f"demo data: two years to {args.end} (exclusive), {args.interval}-minute intervals, seed {args.seed}")
    print(f"holdout: the last {args.weeks} weeks; errors as MAPE (intervals with contacts) / WAPE / daily WAPE\n")
    header = f"{'channel':8} {'method':34} {'MAPE':>7} {'WAPE':>7} {'daily':>7} {'AHT err':>8}"
    print(header)
    print("-" * len(header))
    actual_series = demo_series(end=args.end, interval_minutes=args.interval, seed=args.seed)
    means = demo_means(end=args.end, interval_minutes=args.interval)
    for series, mean in zip(actual_series, means, strict=True):
        slots = 24 * 60 // series.interval_minutes
        held_out = 7 * args.weeks * slots
        train, actual = _cut(series, -held_out), _cut(series, -held_out, tail=True)
        started = time.perf_counter()
        error = holdout_error(series, weeks=args.weeks)
        seconds = time.perf_counter() - started
        predicted = forecast(train, start=actual.starts[0].astype("datetime64[D]").astype(date), days=7 * args.weeks)
        rows = [
            (f"model (fit + forecast {seconds * 1000:.0f} ms)", error, _aht_error(predicted, actual)),
            ("seasonal naive (last week again)", *_scored(_repeat_last_week(train, args.weeks, slots), actual)),
            ("naive one week ahead (easier)", *_scored(_week_before(series, held_out, slots), actual)),
            ("floor: the generator's means", *_scored(_cut(mean, -held_out, tail=True), actual)),
        ]
        for name, scored, aht in rows:
            figures = f"{scored.mape:7.1%} {scored.wape:7.1%} {scored.daily_wape:7.1%} {aht:8.1%}"
            print(f"{series.channel:8} {name:34} {figures}")
        print()
    return 0


def _cut(series: Series, at: int, *, tail: bool = False) -> Series:
    part = slice(at, None) if tail else slice(None, at)
    return Series(
        series.channel, series.interval_minutes, series.starts[part], series.contacts[part], series.aht_seconds[part]
    )


def _scored(predicted: Series, actual: Series):
    return forecast_error(predicted, actual), _aht_error(predicted, actual)


def _repeat_last_week(train: Series, weeks: int, slots: int) -> Series:
    week = 7 * slots
    starts = np.tile(train.starts[-week:], weeks) + np.repeat(np.arange(1, weeks + 1) * 7, week).astype(
        "timedelta64[D]"
    )
    return Series(
        train.channel,
        train.interval_minutes,
        starts,
        np.tile(train.contacts[-week:], weeks),
        np.tile(train.aht_seconds[-week:], weeks),
    )


def _week_before(series: Series, held_out: int, slots: int) -> Series:
    before = slice(-held_out - 7 * slots, -7 * slots)
    return replace(
        _cut(series, -held_out, tail=True),
        contacts=series.contacts[before],
        aht_seconds=series.aht_seconds[before],
    )


def _aht_error(predicted: Series, actual: Series) -> float:
    """Contact-weighted absolute AHT error; both series on the same regular grid."""
    weights = actual.contacts
    return float(
        np.sum(weights * np.abs(predicted.aht_seconds - actual.aht_seconds)) / np.sum(weights * actual.aht_seconds)
    )


if __name__ == "__main__":
    sys.exit(main())
