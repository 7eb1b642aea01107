"""Interval traffic forecast: contacts and AHT per 15- or 30-minute interval, numpy only.

Small on purpose, so a planner can follow it. Four parts:

1. Daily contacts. log(the day's total) = level + weekday + trend + month of year + day of month,
   fitted by least squares on the days the channel was open.
   - Weekday: one effect per open weekday. A weekday is open when at least half of its days in the
     last 8 weeks had contacts; the others are forecast closed (zero).
   - Trend: a straight line in log, i.e. steady growth of so many per cent a year (for a mild trend
     the same as a straight line in contacts).
   - Month of year: twelve effects, one at the middle of each month; a day between two mid-months
     reads both on a straight line, so the forecast does not jump on the 1st.
   - Day of month: 31 effects, for the invoice run's peaks when bills go out on the same date.
   Month and day-of-month effects are ridge-penalised (pulled towards zero), so that a day of the
   month seen seven times does not take its noise for a pattern. A trend and a yearly pattern can
   only be told apart with a year of history: with less, the model has neither, and it weights
   recent days more (a day eight weeks back counts half), so that its level follows the latest weeks.
   Days without contacts on an open weekday (holidays, outages) are left out, and the fit is
   iteratively reweighted (Huber), so that a one-off peak or a half-exported day barely moves it.
   A date closed every time it is in the history, at least twice (25 December), is forecast closed;
   moveable holidays (Easter) are not known: a planner closes them with an uplift of -100 %.
   Back from logs the total is multiplied by the weighted mean of exp(residual) (Duan's smearing):
   exp of a mean log underestimates the mean.
2. Intra-day shape: each interval's share of its weekday's contacts, pooled over the open days of
   the last 8 weeks. An interval without contacts in those weeks is closed: zero.
3. AHT: contact-weighted per weekday x interval over the last 8 weeks (a thin interval is pulled
   towards its weekday's AHT as if it had 10 more contacts at that AHT), times the yearly pattern of
   the daily AHT (month-of-year effects fitted with a trend, which is not extrapolated: AHT keeps
   its recent level) relative to its value over the last 8 weeks.
4. Uplifts multiply the contacts of their days (several on one day multiply); AHT is unchanged.
   A planner closes a day (a new holiday) with an uplift of -100 %.

Gaps (days missing from the export) are simply not there to fit; missing intervals within a day
count as zero contacts. Holdout errors are fractions: MAPE over the intervals with contacts (inflated
by thin intervals, where 2 against 1 is 100 % off), WAPE = sum |forecast - actual| / sum actual over
intervals, daily WAPE the same on daily totals.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

import numpy as np

INTERVALS = (15, 30)
RECENT_WEEKS = 8
MIN_HISTORY_DAYS = 28
YEAR_DAYS = 365
RIDGE = 1.0
HUBER_K = 1.345
ROBUST_PASSES = 6
RECENT_HALF_LIFE_DAYS = 56
THIN_INTERVAL_CONTACTS = 10.0


@dataclass(frozen=True)
class Series:
    """One channel's interval traffic, sorted by start; a regular grid is not required."""

    channel: str
    interval_minutes: int
    starts: np.ndarray  # datetime64[m], local wall-clock time (naive)
    contacts: np.ndarray
    aht_seconds: np.ndarray  # 0 where contacts == 0


@dataclass(frozen=True)
class Uplift:
    """A planner's known event: `percent` more contacts (+15.0 = 15 %) from start to end inclusive."""

    start: date
    end: date
    percent: float
    channel: str | None = None  # None = every channel


@dataclass(frozen=True)
class ForecastError:
    weeks: int
    mape: float
    wape: float
    daily_wape: float


@dataclass(frozen=True)
class _Table:
    """A series as days x intervals: the days that have rows, zeros for intervals without one."""

    days: np.ndarray  # datetime64[D], sorted
    contacts: np.ndarray  # (days, slots)
    handled_seconds: np.ndarray  # contacts x AHT, (days, slots)

    @classmethod
    def of(cls, series: Series) -> "_Table":
        starts = series.starts.astype("datetime64[m]")
        day = starts.astype("datetime64[D]")
        slot = (starts - day.astype("datetime64[m]")).astype(np.int64) // series.interval_minutes
        days, row = np.unique(day, return_inverse=True)
        shape = (len(days), 24 * 60 // series.interval_minutes)
        contacts, handled = np.zeros(shape), np.zeros(shape)
        np.add.at(contacts, (row, slot), series.contacts)
        np.add.at(handled, (row, slot), series.contacts * series.aht_seconds)
        return cls(days, contacts, handled)


@dataclass(frozen=True)
class _Model:
    interval_minutes: int
    open_weekdays: tuple[int, ...]
    closed_dates: frozenset[int]  # month x 100 + day, closed every year of the history (25 December: 1225)
    trend_origin: np.datetime64 | None  # None: no trend and no yearly pattern (under a year of history)
    beta: np.ndarray
    smearing: float
    shares: np.ndarray  # (7, slots): share of the weekday's contacts per interval
    aht: np.ndarray  # (7, slots)
    aht_months: np.ndarray | None  # month-of-year effects on log AHT
    aht_recent: float  # their mean over the last weeks' days, the level the AHT profile was measured at

    def predict(self, channel: str, start: date, days: int, uplifts: Sequence[Uplift]) -> Series:
        grid = np.arange(np.datetime64(start), np.datetime64(start + timedelta(days=days)), dtype="datetime64[D]")
        weekday = _weekday(grid)
        design, _ = _design(grid, self.open_weekdays, self.trend_origin, day_of_month=True)
        totals = np.exp(design @ self.beta) * self.smearing * _uplift_factors(grid, channel, uplifts)
        closed = np.isin(_month_day(grid), list(self.closed_dates)) | ~np.isin(weekday, self.open_weekdays)
        totals = np.where(closed, 0.0, totals)
        contacts = totals[:, None] * self.shares[weekday]
        aht = self.aht[weekday]
        if self.aht_months is not None:
            aht = aht * np.exp(_month_hats(grid) @ self.aht_months - self.aht_recent)[:, None]
        slots = self.shares.shape[1]
        starts = grid[:, None].astype("datetime64[m]") + np.arange(slots) * self.interval_minutes
        return Series(
            channel, self.interval_minutes, starts.ravel(), contacts.ravel(), np.where(contacts > 0, aht, 0.0).ravel()
        )


def forecast(series: Series, *, start: date, days: int, uplifts: Sequence[Uplift] = ()) -> Series:
    """Contacts and AHT per interval for [start, start + days), every interval of every day."""
    if days < 1:
        raise ValueError("a forecast needs at least one day")
    _check_uplifts(uplifts)
    return _fit(series).predict(series.channel, start, days, uplifts)


def holdout_error(series: Series, *, weeks: int = 8) -> ForecastError:
    """Fit on all but the last `weeks` weeks of the series and score the forecast of those weeks."""
    if weeks < 1:
        raise ValueError("the holdout needs at least one week")
    _check(series)
    if len(series.starts) == 0:
        raise ValueError(f"the {series.channel} series is empty")
    day = series.starts.astype("datetime64[D]")
    cut = day[-1] - 7 * weeks + 1
    train = day < cut
    if len(np.unique(day[train])) < MIN_HISTORY_DAYS:
        raise ValueError(
            f"holding out {weeks} weeks of the {series.channel} series leaves less than 4 weeks "
            f"({MIN_HISTORY_DAYS} days) to fit on"
        )
    predicted = _fit(_subset(series, train)).predict(series.channel, cut.astype(date), 7 * weeks, ())
    return replace(forecast_error(predicted, _subset(series, ~train)), weeks=weeks)


def forecast_error(predicted: Series, actual: Series) -> ForecastError:
    """Score a forecast against what happened, on the days `actual` has rows for (all of which the
    forecast must cover); `weeks` is the number of those days / 7, rounded up."""
    if predicted.interval_minutes != actual.interval_minutes:
        raise ValueError("the forecast and the actual traffic have different interval lengths")
    forecast_table, actual_table = _Table.of(predicted), _Table.of(actual)
    where = np.searchsorted(forecast_table.days, actual_table.days)
    covered = where < len(forecast_table.days)
    covered[covered] = forecast_table.days[where[covered]] == actual_table.days[covered]
    if not covered.all():
        raise ValueError("the forecast does not cover every day of the actual traffic")
    forecast_contacts, actual_contacts = forecast_table.contacts[where], actual_table.contacts
    if actual_contacts.sum() <= 0:
        raise ValueError(f"the actual {actual.channel} traffic has no contacts to score against")
    with_contacts = actual_contacts > 0
    miss = np.abs(forecast_contacts - actual_contacts)
    daily_miss = np.abs(forecast_contacts.sum(axis=1) - actual_contacts.sum(axis=1))
    return ForecastError(
        weeks=-(-len(actual_table.days) // 7),
        mape=float(np.mean(miss[with_contacts] / actual_contacts[with_contacts])),
        wape=float(miss.sum() / actual_contacts.sum()),
        daily_wape=float(daily_miss.sum() / actual_contacts.sum()),
    )


def _check(series: Series) -> None:
    if series.interval_minutes not in INTERVALS:
        raise ValueError(f"intervals must be 15 or 30 minutes, not {series.interval_minutes}")
    n = len(series.starts)
    if len(series.contacts) != n or len(series.aht_seconds) != n:
        raise ValueError("starts, contacts and AHT must have the same length")
    if n and not np.issubdtype(series.starts.dtype, np.datetime64):
        raise ValueError("interval starts must be datetime64 values")
    starts = series.starts.astype("datetime64[m]")
    if np.any(np.diff(starts) <= np.timedelta64(0, "m")):
        raise ValueError("interval starts must be sorted, without repeats")
    if np.any((starts - starts.astype("datetime64[D]")).astype(np.int64) % series.interval_minutes):
        raise ValueError(f"an interval does not start on the {series.interval_minutes}-minute grid")
    if not (np.all(np.isfinite(series.contacts)) and np.all(series.contacts >= 0)):
        raise ValueError("contacts must be zero or more")
    if not (np.all(np.isfinite(series.aht_seconds)) and np.all(series.aht_seconds >= 0)):
        raise ValueError("AHT must be zero or more seconds")


def _check_uplifts(uplifts: Sequence[Uplift]) -> None:
    for uplift in uplifts:
        if uplift.end < uplift.start:
            raise ValueError(f"an uplift ends ({uplift.end}) before it starts ({uplift.start})")
        if not uplift.percent >= -100:
            raise ValueError(f"an uplift of {uplift.percent} % would make contacts negative")


def _subset(series: Series, keep: np.ndarray) -> Series:
    return Series(
        series.channel, series.interval_minutes, series.starts[keep], series.contacts[keep], series.aht_seconds[keep]
    )


def _fit(series: Series) -> _Model:
    _check(series)
    table = _Table.of(series)
    if len(table.days) < MIN_HISTORY_DAYS:
        raise ValueError(
            f"the {series.channel} series has {len(table.days)} days of history; the forecast needs at least "
            f"{MIN_HISTORY_DAYS} (4 weeks) to learn the weekly pattern"
        )
    totals = table.contacts.sum(axis=1)
    weekday = _weekday(table.days)
    recent = table.days > table.days[-1] - 7 * RECENT_WEEKS
    open_weekdays = tuple(
        w for w in range(7) if np.any(recent & (weekday == w)) and np.mean(totals[recent & (weekday == w)] > 0) >= 0.5
    )
    if not open_weekdays:
        raise ValueError(f"the {series.channel} series has no contacts in its last {RECENT_WEEKS} weeks")
    on_open_weekdays = np.isin(weekday, open_weekdays)
    fit = on_open_weekdays & (totals > 0)
    month_day = _month_day(table.days)
    closed_dates = frozenset(
        int(md)
        for md in np.unique(month_day[on_open_weekdays & (totals == 0)])
        if np.sum(month_day == md) >= 2 and np.all(totals[month_day == md] == 0)
    )
    days = table.days[fit]
    yearly = (days[-1] - days[0]).astype(np.int64) + 1 >= YEAR_DAYS
    origin = days[-1] if yearly else None
    age = (days[-1] - days).astype(np.int64)
    weights = np.ones(len(days)) if yearly else 0.5 ** (age / RECENT_HALF_LIFE_DAYS)
    design, penalty = _design(days, open_weekdays, origin, day_of_month=True)
    beta, residual, final = _robust_fit(design, np.log(totals[fit]), penalty, weights)

    pooled = recent & fit
    shares = np.zeros((7, table.contacts.shape[1]))
    aht = np.zeros_like(shares)
    for w in open_weekdays:
        rows = pooled & (weekday == w)
        contacts, handled = table.contacts[rows].sum(axis=0), table.handled_seconds[rows].sum(axis=0)
        shares[w] = contacts / contacts.sum()
        typical = handled.sum() / contacts.sum()
        aht[w] = (handled + THIN_INTERVAL_CONTACTS * typical) / (contacts + THIN_INTERVAL_CONTACTS)

    aht_months, aht_recent = None, 0.0
    daily_aht = table.handled_seconds[fit].sum(axis=1) / totals[fit]
    known = daily_aht > 0
    if yearly and known.sum() >= MIN_HISTORY_DAYS:  # an export without AHT has none to fit
        design, penalty = _design(days[known], open_weekdays, origin, day_of_month=False)
        coefficients, _, _ = _robust_fit(design, np.log(daily_aht[known]), penalty, np.ones(int(known.sum())))
        aht_months = coefficients[-12:]
        aht_recent = float(np.mean(_month_hats(table.days[pooled]) @ aht_months))
    return _Model(
        interval_minutes=series.interval_minutes,
        open_weekdays=open_weekdays,
        closed_dates=closed_dates,
        trend_origin=origin,
        beta=beta,
        smearing=float(np.sum(final * np.exp(residual)) / np.sum(final)),
        shares=shares,
        aht=aht,
        aht_months=aht_months,
        aht_recent=aht_recent,
    )


def _weekday(days: np.ndarray) -> np.ndarray:
    return (days.astype("datetime64[D]").astype(np.int64) + 3) % 7  # Monday = 0; 1970-01-01 was a Thursday


def _month_day(days: np.ndarray) -> np.ndarray:
    month = days.astype("datetime64[M]")
    return (month.astype(np.int64) % 12 + 1) * 100 + (days - month.astype("datetime64[D]")).astype(np.int64) + 1


def _month_hats(days: np.ndarray) -> np.ndarray:
    """(days, 12): each day's weights on the two mid-months around it, summing to 1."""
    months = days.astype("datetime64[M]")
    first = months.astype("datetime64[D]")
    length = ((months + 1).astype("datetime64[D]") - first).astype(np.int64)
    position = months.astype(np.int64) % 12 + ((days - first).astype(np.int64) + 0.5) / length - 0.5
    below = np.floor(position)
    above_weight = position - below
    hats = np.zeros((len(days), 12))
    rows = np.arange(len(days))
    np.add.at(hats, (rows, below.astype(np.int64) % 12), 1 - above_weight)
    np.add.at(hats, (rows, (below.astype(np.int64) + 1) % 12), above_weight)
    return hats


def _design(days, open_weekdays, trend_origin, *, day_of_month: bool) -> tuple[np.ndarray, np.ndarray]:
    """Columns: level, weekdays (the first open one is the reference), [trend, 12 months], [31 days of
    month]; and each column's ridge penalty. The month columns come last unless days of month follow."""
    weekday = _weekday(days)
    columns = [np.ones(len(days))] + [(weekday == w).astype(float) for w in open_weekdays[1:]]
    penalty = [0.0] * len(columns)
    if trend_origin is not None:
        columns.append((days - trend_origin).astype(np.int64) / 365.25)
        penalty.append(0.0)
    blocks = [np.column_stack(columns)]
    if trend_origin is not None:
        blocks.append(_month_hats(days))
        penalty += [RIDGE] * 12
    if day_of_month:
        dom = (days - days.astype("datetime64[M]").astype("datetime64[D]")).astype(np.int64)
        blocks.append((dom[:, None] == np.arange(31)).astype(float))
        penalty += [RIDGE] * 31
    return np.hstack(blocks), np.asarray(penalty)


def _robust_fit(design, y, penalty, weights) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Ridge least squares, reweighted with Huber weights on the residuals scaled by their MAD.
    Returns the coefficients, the residuals and the final weights."""
    ridge_rows = np.diag(np.sqrt(penalty))[penalty > 0]
    robust = np.ones(len(y))
    for _ in range(ROBUST_PASSES):
        root = np.sqrt(weights * robust)
        system = np.vstack([design * root[:, None], ridge_rows])
        target = np.concatenate([y * root, np.zeros(len(ridge_rows))])
        beta = np.linalg.lstsq(system, target, rcond=None)[0]
        residual = y - design @ beta
        scale = 1.4826 * np.median(np.abs(residual - np.median(residual)))
        if scale <= 1e-12:  # an exact fit: nothing to reweight
            break
        size = np.abs(residual) / scale
        robust = np.divide(HUBER_K, size, out=np.ones_like(size), where=size > HUBER_K)
    return beta, residual, weights * robust


def _uplift_factors(days: np.ndarray, channel: str, uplifts: Sequence[Uplift]) -> np.ndarray:
    factors = np.ones(len(days))
    for uplift in uplifts:
        if uplift.channel is None or uplift.channel == channel:
            on = (days >= np.datetime64(uplift.start)) & (days <= np.datetime64(uplift.end))
            factors[on] *= 1 + uplift.percent / 100
    return factors
