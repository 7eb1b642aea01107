"""Two years of made-up interval traffic for a mid-size Nordic contact centre (an energy or telecom
company's customer service). Seeded and deterministic: the same arguments give the same arrays.

What the numbers carry, so that a forecast has something real to find:
- phone and chat open 08-20 on weekdays and 09-15 on Saturdays, closed on Sundays and on public
  holidays (1 January, Good Friday, Easter Monday, 24-26 and 31 December); e-mail arrives around
  the clock, every day, lower at night and at weekends;
- a weekly pattern (Monday the busiest, Friday the quietest weekday);
- a yearly pattern: a little more traffic in winter, a summer dip in the July holidays, a quiet
  Christmas week and a peak in the first weeks of January;
- a mild upward trend (+6 % a year: "rising traffic", seed 002);
- the invoice run: bills go out on the first working day from the 14th of each month, and the next
  working days carry up to a third more contacts (the seeds' invoice mail-outs);
- noise: each channel's day is off its mean by about 5 % (weather, outages, news), and the contacts
  of an interval are Poisson around that;
- AHT of phone about 360 s, chat about 480 s, e-mail about 360 s, a little longer on Mondays, late in
  the day, in January (billing questions) and in July (summer temps), and rising 3 % a year as
  self-service takes the easy contacts (seed 000). An interval's AHT is the mean of its contacts'
  handle times (gamma, coefficient of variation 0.9), so thin intervals are noisy.

A normal weekday holds about 2,250-3,650 calls (2,800 in the middle), 700-1,100 chats and 950-1,550
e-mails: a centre of about 150 agents that needs to hire for the January and November peaks.
`demo_series` gives the noisy traffic; `demo_means` the expected values it is drawn around (no noise),
which is the best any forecast could do and so a floor for its error.
"""

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from staffing.analysis.channels import CHAT, EMAIL, PHONE
from staffing.analysis.forecast import Series

HANDLE_TIME_CV = 0.9
DAY_NOISE = 0.05
INVOICE_DAY = 14
# Extra contacts on the 1st, 2nd, ... working day after the invoice run, as a share of the day.
INVOICE_PEAK = (0.22, 0.32, 0.2, 0.11, 0.05, 0.02)


@dataclass(frozen=True)
class _Channel:
    code: str
    level: float  # contacts on a mid-week day of the first year, before the yearly pattern
    weekday: tuple[float, ...]  # Monday .. Sunday
    invoice: float  # how strongly the invoice run shows (1.0 = INVOICE_PEAK as is)
    aht: float
    weekday_hours: tuple[float, float] | None  # opening hours; None = around the clock
    saturday_hours: tuple[float, float] | None
    peaks: tuple[tuple[float, float, float], ...]  # intra-day shape: (hour, spread in hours, weight)
    night: float  # share of the peak density outside office hours (e-mail only)


CHANNELS = (
    _Channel(
        code=PHONE,
        level=2620.0,
        weekday=(1.22, 1.06, 1.0, 0.96, 0.86, 0.22, 0.0),
        invoice=1.0,
        aht=360.0,
        weekday_hours=(8.0, 20.0),
        saturday_hours=(9.0, 15.0),
        peaks=((10.25, 1.3, 1.0), (13.75, 1.6, 0.85), (18.0, 1.4, 0.25)),
        night=0.0,
    ),
    _Channel(
        code=EMAIL,
        level=1075.0,
        weekday=(1.3, 1.05, 1.0, 0.97, 0.9, 0.32, 0.3),
        invoice=1.2,
        aht=360.0,
        weekday_hours=None,
        saturday_hours=None,
        peaks=((9.0, 1.5, 1.0), (14.0, 2.0, 0.8), (21.0, 1.5, 0.45)),
        night=0.08,
    ),
    _Channel(
        code=CHAT,
        level=830.0,
        weekday=(1.15, 1.05, 1.0, 0.98, 0.9, 0.3, 0.0),
        invoice=0.8,
        aht=480.0,
        weekday_hours=(8.0, 20.0),
        saturday_hours=(9.0, 15.0),
        peaks=((11.0, 1.5, 0.9), (14.5, 1.5, 0.8), (19.0, 1.2, 0.6)),
        night=0.0,
    ),
)


def demo_series(*, end: date, years: int = 2, interval_minutes: int = 30, seed: int = 0) -> list[Series]:
    """Phone, e-mail and chat traffic for the `years` years before `end` (the last day is end - 1, so
    a forecast from `end` carries on): every interval of every day, zero where closed."""
    rng = np.random.default_rng(seed)
    series = []
    for channel, (starts, contacts, aht) in zip(CHANNELS, _expected(end, years, interval_minutes), strict=True):
        days = len(contacts) // (24 * 60 // interval_minutes)
        day_noise = np.exp(rng.normal(0.0, DAY_NOISE, days) - DAY_NOISE**2 / 2)
        drawn = rng.poisson(contacts * np.repeat(day_noise, len(contacts) // days)).astype(float)
        shape = drawn / HANDLE_TIME_CV**2  # the mean of n gamma handle times is gamma with n times the shape
        mean_aht = np.where(drawn > 0, rng.gamma(np.maximum(shape, 1.0), aht / np.maximum(shape, 1.0)), 0.0)
        series.append(Series(channel.code, interval_minutes, starts, drawn, mean_aht))
    return series


def demo_means(*, end: date, years: int = 2, interval_minutes: int = 30) -> list[Series]:
    """The expected contacts and AHT that `demo_series` draws around (same grid, no noise)."""
    return [
        Series(channel.code, interval_minutes, starts, contacts, np.where(contacts > 0, aht, 0.0))
        for channel, (starts, contacts, aht) in zip(CHANNELS, _expected(end, years, interval_minutes), strict=True)
    ]


def _expected(end: date, years: int, interval_minutes: int):
    if interval_minutes not in (15, 30):
        raise ValueError(f"interval_minutes must be 15 or 30, not {interval_minutes}")
    if years < 1:
        raise ValueError("the demo data needs at least one year")
    first = _years_before(end, years)
    days = np.arange(np.datetime64(first), np.datetime64(end), dtype="datetime64[D]")
    slots = 24 * 60 // interval_minutes
    hours = (np.arange(slots) + 0.5) * interval_minutes / 60  # the middle of each interval
    starts = (days[:, None].astype("datetime64[m]") + np.arange(slots) * interval_minutes).ravel()
    weekday = (days.astype(np.int64) + 3) % 7  # 1970-01-01 was a Thursday
    closed = np.isin(days, _holidays(first, end))
    years_in = (days - days[0]).astype(np.int64) / 365.25
    doy = (days - days.astype("datetime64[Y]").astype("datetime64[D]")).astype(np.int64) + 1.0
    invoice = _invoice_peak(days, weekday, closed)
    for channel in CHANNELS:
        day_type = np.where(weekday < 5, 0, np.where(weekday == 5, 1, 2))
        if channel.weekday_hours is None:
            day_type = np.where(closed, 2, day_type)  # e-mail on a holiday looks like a Sunday's
        shapes = np.stack([_intraday(channel, hours, kind) for kind in range(3)])
        level = channel.level * np.asarray(channel.weekday)[weekday] * (1 + 0.06 * years_in)
        daily = level * _yearly(doy) * (1 + channel.invoice * invoice)
        if channel.weekday_hours is not None:
            daily = np.where(closed, 0.0, daily)
        contacts = daily[:, None] * shapes[day_type]
        aht = channel.aht * _aht_day(doy, weekday, years_in)[:, None] * (1 + 0.04 * (hours - 14) / 6)[None, :]
        yield starts, contacts.ravel(), np.where(contacts > 0, aht, 0.0).ravel()


def _years_before(end: date, years: int) -> date:
    try:
        return end.replace(year=end.year - years)
    except ValueError:  # 29 February
        return end.replace(year=end.year - years, day=28)


def _easter(year: int) -> date:
    """Easter Sunday, Gregorian calendar (the anonymous algorithm, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _holidays(first: date, end: date) -> np.ndarray:
    days = []
    for year in range(first.year, end.year + 1):
        easter = _easter(year)
        days += [date(year, 1, 1), easter - timedelta(days=2), easter + timedelta(days=1)]
        days += [date(year, 12, 24), date(year, 12, 25), date(year, 12, 26), date(year, 12, 31)]
    return np.array(days, dtype="datetime64[D]")


def _yearly(doy: np.ndarray) -> np.ndarray:
    winter = 0.07 * np.cos(2 * np.pi * (doy - 20) / 365.25)
    summer = -0.24 * np.exp(-0.5 * ((doy - 196) / 12) ** 2)
    christmas = -0.25 * np.exp(-0.5 * (np.minimum(np.abs(doy - 362), 365 - np.abs(doy - 362)) / 4) ** 2)
    january = np.where(doy >= 2, 0.22 * np.exp(-(doy - 2) / 15), 0.0)
    return 1 + winter + summer + christmas + january


def _aht_day(doy: np.ndarray, weekday: np.ndarray, years_in: np.ndarray) -> np.ndarray:
    january = np.where(doy >= 2, 0.06 * np.exp(-(doy - 2) / 20), 0.0)
    summer = 0.05 * np.exp(-0.5 * ((doy - 196) / 15) ** 2)
    return (1 + january + summer) * np.where(weekday == 0, 1.03, 1.0) * (1 + 0.03 * years_in)


def _invoice_peak(days: np.ndarray, weekday: np.ndarray, closed: np.ndarray) -> np.ndarray:
    """Extra share of contacts on each day from its month's invoice run (0 on most days)."""
    working = np.flatnonzero((weekday < 5) & ~closed)
    month = days.astype("datetime64[M]")
    dom = (days - month.astype("datetime64[D]")).astype(np.int64) + 1
    extra = np.zeros(len(days))
    for this_month in np.unique(month):
        runs = working[(month[working] == this_month) & (dom[working] >= INVOICE_DAY)]
        if len(runs) == 0:
            continue
        after_run = working[np.searchsorted(working, runs[0]) + 1 :][: len(INVOICE_PEAK)]
        extra[after_run] += INVOICE_PEAK[: len(after_run)]
    return extra


def _intraday(channel: _Channel, hours: np.ndarray, kind: int) -> np.ndarray:
    """Share of the day's contacts per interval: 0 weekday, 1 Saturday, 2 Sunday or holiday."""
    density = sum(weight * np.exp(-0.5 * ((hours - at) / spread) ** 2) for at, spread, weight in channel.peaks)
    if kind > 0:  # weekends: one broad late-morning peak
        density = np.exp(-0.5 * ((hours - 11.5) / 2.5) ** 2)
    density = density + channel.night
    opening = channel.weekday_hours if kind == 0 else channel.saturday_hours if kind == 1 else None
    if opening is not None:
        density = np.where((hours > opening[0]) & (hours < opening[1]), density, 0.0)
    elif channel.weekday_hours is not None:
        density = np.zeros_like(hours)  # closed on Sundays
    total = density.sum()
    return density / total if total > 0 else density
