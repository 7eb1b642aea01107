from datetime import date, timedelta

import numpy as np
import pytest

from staffing.analysis.demo_traffic import demo_series
from staffing.analysis.forecast import Series, Uplift, forecast, forecast_error, holdout_error

# Monday .. Sunday; closed on Sundays.
WEEKDAY = (1.2, 1.1, 1.0, 1.0, 0.9, 0.3, 0.0)
HISTORY_START = date(2024, 1, 1)  # a Monday


def office_shape(interval_minutes: int) -> np.ndarray:
    """Share of a day's contacts per interval: open 08-16, a triangle peaking at noon."""
    hours = (np.arange(24 * 60 // interval_minutes) + 0.5) * interval_minutes / 60
    density = np.where((hours > 8) & (hours < 16), 4 - np.abs(hours - 12), 0.0)
    return density / density.sum()


def synthetic(days, daily, *, shape=None, aht=None, interval_minutes=30, start=HISTORY_START, channel="phone"):
    """A noise-free series: `daily(day index, date)` contacts spread by `shape`, every interval of every day."""
    shape = office_shape(interval_minutes) if shape is None else shape
    aht = np.full(len(shape), 300.0) if aht is None else aht
    dates = [start + timedelta(days=i) for i in range(days)]
    totals = np.array([daily(i, d) for i, d in enumerate(dates)])
    grid = np.arange(np.datetime64(start), np.datetime64(start + timedelta(days=days)), dtype="datetime64[D]")
    starts = (grid[:, None].astype("datetime64[m]") + np.arange(len(shape)) * interval_minutes).ravel()
    contacts = (totals[:, None] * shape[None, :]).ravel()
    return Series(channel, interval_minutes, starts, contacts, np.where(contacts > 0, np.tile(aht, days), 0.0))


def daily_totals(series: Series) -> np.ndarray:
    return series.contacts.reshape(-1, 24 * 60 // series.interval_minutes).sum(axis=1)


def weekday_with_trend(i, day):
    return (1000 + 0.5 * i) * WEEKDAY[day.weekday()]


def truth(days_after, daily, *, history_days):
    return np.array(
        [daily(history_days + i, HISTORY_START + timedelta(days=history_days + i)) for i in range(days_after)]
    )


def test_it_reproduces_a_weekday_pattern_with_a_linear_trend():
    history = synthetic(730, weekday_with_trend)
    start = HISTORY_START + timedelta(days=730)

    result = forecast(history, start=start, days=28)

    expected = truth(28, weekday_with_trend, history_days=730)
    open_days = expected > 0
    assert np.allclose(daily_totals(result)[open_days], expected[open_days], rtol=0.01)
    assert np.all(daily_totals(result)[~open_days] == 0)
    shares = result.contacts.reshape(28, -1)[open_days] / daily_totals(result)[open_days, None]
    assert np.allclose(shares, office_shape(30))


def test_it_learns_a_yearly_pattern_and_carries_it_a_year_ahead():
    def seasonal(i, day):
        return 1500 * WEEKDAY[day.weekday()] * (1 + 0.2 * np.cos(2 * np.pi * day.timetuple().tm_yday / 365.25))

    history = synthetic(730, seasonal)

    result = forecast(history, start=HISTORY_START + timedelta(days=730), days=364)

    expected = truth(364, seasonal, history_days=730)
    open_days = expected > 0
    assert np.allclose(daily_totals(result)[open_days], expected[open_days], rtol=0.02)


def test_it_ignores_closed_holidays_and_gaps_in_the_history():
    history = synthetic(730, weekday_with_trend)
    day = history.starts.astype("datetime64[D]")
    holidays = np.isin(day, np.array(["2024-12-24", "2024-12-25", "2025-04-18", "2025-06-05"], dtype="datetime64[D]"))
    contacts = np.where(holidays, 0.0, history.contacts)
    gap = (day >= np.datetime64("2025-02-10")) & (day < np.datetime64("2025-03-03"))
    rng = np.random.default_rng(1)
    dropped_rows = rng.random(len(day)) < 0.002  # an export that lost a few intervals
    keep = ~gap & ~dropped_rows
    holey = Series("phone", 30, history.starts[keep], contacts[keep], history.aht_seconds[keep])

    result = forecast(holey, start=HISTORY_START + timedelta(days=730), days=28)

    expected = truth(28, weekday_with_trend, history_days=730)
    assert np.allclose(daily_totals(result), expected, rtol=0.015)


def test_it_applies_an_uplift_only_on_its_days_and_its_channel():
    history = synthetic(120, lambda i, day: 1000 * WEEKDAY[day.weekday()])
    start = HISTORY_START + timedelta(days=120)
    campaign = Uplift(start=start + timedelta(days=7), end=start + timedelta(days=9), percent=15.0, channel="phone")
    elsewhere = Uplift(start=start, end=start + timedelta(days=13), percent=50.0, channel="email")

    plain = daily_totals(forecast(history, start=start, days=14))
    lifted = daily_totals(forecast(history, start=start, days=14, uplifts=[campaign, elsewhere]))

    ratio = np.divide(lifted, plain, out=np.ones_like(plain), where=plain > 0)
    assert ratio[7:10] == pytest.approx([1.15, 1.15, 1.15])
    assert ratio[:7] == pytest.approx([1.0] * 7)
    assert ratio[10:] == pytest.approx([1.0] * 4)


def test_it_multiplies_uplifts_for_every_channel_and_closes_a_day_at_minus_100():
    history = synthetic(120, lambda i, day: 1000 * WEEKDAY[day.weekday()])
    start = HISTORY_START + timedelta(days=120)  # a Tuesday
    uplifts = [Uplift(start=start, end=start, percent=10.0), Uplift(start=start, end=start, percent=20.0)]
    new_holiday = Uplift(start=start + timedelta(days=1), end=start + timedelta(days=1), percent=-100.0)

    plain = daily_totals(forecast(history, start=start, days=3))
    lifted = daily_totals(forecast(history, start=start, days=3, uplifts=[*uplifts, new_holiday]))

    assert lifted[0] == pytest.approx(plain[0] * 1.1 * 1.2)
    assert lifted[1] == 0
    assert lifted[2] == pytest.approx(plain[2])


def test_it_forecasts_zero_outside_the_opening_hours_of_the_demo_phone_line():
    phone = demo_series(end=date(2026, 12, 1))[0]

    result = forecast(phone, start=date(2026, 12, 1), days=14)

    hours = (result.starts - result.starts.astype("datetime64[D]")).astype(np.int64) / 60
    weekday = (result.starts.astype("datetime64[D]").astype(np.int64) + 3) % 7
    weekday_open = (weekday < 5) & (hours >= 8) & (hours < 20)
    saturday_open = (weekday == 5) & (hours >= 9) & (hours < 15)
    assert np.all(result.contacts[~(weekday_open | saturday_open)] == 0)
    assert np.all(result.aht_seconds[result.contacts == 0] == 0)
    assert np.all(result.contacts[weekday_open | saturday_open] > 0)


def test_it_forecasts_a_channel_open_around_the_clock_every_day():
    around_the_clock = np.ones(48) + np.sin(np.linspace(0, np.pi, 48))
    email = synthetic(
        90, lambda i, day: 600 if day.weekday() < 5 else 200, shape=around_the_clock / around_the_clock.sum()
    )

    result = forecast(email, start=HISTORY_START + timedelta(days=90), days=7)

    assert np.all(result.contacts > 0)
    assert sorted(np.round(daily_totals(result)).tolist()) == [200, 200, 600, 600, 600, 600, 600]


def test_it_forecasts_15_minute_intervals():
    history = synthetic(120, lambda i, day: 800 * WEEKDAY[day.weekday()], interval_minutes=15)

    result = forecast(history, start=HISTORY_START + timedelta(days=120), days=7)

    assert result.interval_minutes == 15
    assert len(result.starts) == 7 * 96
    assert result.starts[1] - result.starts[0] == np.timedelta64(15, "m")
    monday = HISTORY_START + timedelta(days=126)
    assert daily_totals(result)[6] == pytest.approx(800 * WEEKDAY[monday.weekday()])
    assert result.contacts[6 * 96 : 7 * 96] == pytest.approx(800 * 1.2 * office_shape(15))


def test_it_forecasts_aht_per_interval_from_the_recent_weeks():
    morning_slow = np.where(np.arange(48) < 24, 420.0, 300.0)  # longer calls before noon
    old = synthetic(100, lambda i, day: 100_000 * WEEKDAY[day.weekday()], aht=np.full(48, 600.0))
    recent = synthetic(
        70, lambda i, day: 100_000 * WEEKDAY[day.weekday()], aht=morning_slow, start=HISTORY_START + timedelta(days=100)
    )
    history = Series(
        "phone",
        30,
        np.concatenate([old.starts, recent.starts]),
        np.concatenate([old.contacts, recent.contacts]),
        np.concatenate([old.aht_seconds, recent.aht_seconds]),
    )

    result = forecast(history, start=HISTORY_START + timedelta(days=170), days=7)

    open_now = result.contacts > 0
    assert np.allclose(result.aht_seconds[open_now], np.tile(morning_slow, 7)[open_now], rtol=0.002)
    assert np.all(result.aht_seconds[~open_now] == 0)


def test_it_pulls_a_thin_intervals_aht_towards_its_weekdays():
    shape, aht = np.zeros(48), np.zeros(48)
    shape[20], shape[30] = 1000 / 1001, 1 / 1001
    aht[20], aht[30] = 300.0, 600.0
    five_weeks = synthetic(35, lambda i, day: 1001.0, shape=shape, aht=aht)

    result = forecast(five_weeks, start=HISTORY_START + timedelta(days=35), days=1)

    # Five Mondays: 5,000 contacts at 300 s and 5 at 600 s; the Monday AHT is 1,503,000 / 5,005.
    # The thin interval counts as if it had 10 more contacts at that AHT: (5 x 600 + 10 x 300.2997) / 15.
    monday = 1_503_000 / 5005
    assert result.aht_seconds[30] == pytest.approx((5 * 600 + 10 * monday) / 15)
    assert result.aht_seconds[20] == pytest.approx((5000 * 300 + 10 * monday) / 5010)


def test_it_keeps_the_level_flat_with_under_a_year_of_history():
    growing = synthetic(70, lambda i, day: 1000 * 1.01 ** (i / 7) * WEEKDAY[day.weekday()])  # +1 % a week

    result = forecast(growing, start=HISTORY_START + timedelta(days=70), days=182)

    last_week = daily_totals(growing)[-7:].sum()
    half_a_year_on = daily_totals(result)[-7:].sum()
    assert half_a_year_on == pytest.approx(last_week, rel=0.05)  # +26 % had the trend been carried on


def test_it_gives_a_sane_holdout_error_on_the_demo_data():
    errors = {series.channel: holdout_error(series, weeks=8) for series in demo_series(end=date(2026, 12, 1))}

    for channel, error in errors.items():
        print(f"{channel}: MAPE {error.mape:.1%}  WAPE {error.wape:.1%}  daily WAPE {error.daily_wape:.1%}")
    assert {error.weeks for error in errors.values()} == {8}
    assert errors["phone"].wape < 0.15
    assert all(error.daily_wape < 0.1 for error in errors.values())
    assert all(error.wape < 0.25 for error in errors.values())


def test_it_scores_a_forecast_by_hand():
    starts = np.array(["2025-01-06T10:00", "2025-01-06T10:30", "2025-01-07T10:00"], dtype="datetime64[m]")
    predicted = Series("phone", 30, starts, np.array([10.0, 20.0, 5.0]), np.full(3, 300.0))
    actual = Series("phone", 30, starts, np.array([8.0, 25.0, 0.0]), np.array([300.0, 300.0, 0.0]))

    error = forecast_error(predicted, actual)

    # |10-8| + |20-25| + |5-0| = 12 over 33 contacts; MAPE over the intervals with contacts: (2/8 + 5/25) / 2.
    # Days: |30-33| + |5-0| = 8 over 33.
    assert error.wape == pytest.approx(12 / 33)
    assert error.mape == pytest.approx(0.225)
    assert error.daily_wape == pytest.approx(8 / 33)
    assert error.weeks == 1


def test_it_explains_that_the_history_is_too_short():
    three_weeks = synthetic(21, lambda i, day: 1000 * WEEKDAY[day.weekday()])

    with pytest.raises(ValueError, match="21 days of history; the forecast needs at least 28"):
        forecast(three_weeks, start=date(2024, 2, 1), days=7)
    with pytest.raises(ValueError, match="leaves less than 4 weeks"):
        holdout_error(synthetic(60, lambda i, day: 1000), weeks=8)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"interval_minutes": 20}, "15 or 30 minutes"),
        ({"contacts": -1.0}, "contacts must be zero or more"),
        ({"starts": "reversed"}, "sorted"),
        ({"starts": "off-grid"}, "grid"),
    ],
)
def test_it_refuses_a_malformed_series(change, message):
    good = synthetic(35, lambda i, day: 1000 * WEEKDAY[day.weekday()])
    starts, contacts, interval = good.starts, good.contacts.copy(), good.interval_minutes
    if change.get("starts") == "reversed":
        starts = starts[::-1]
    if change.get("starts") == "off-grid":
        starts = starts + np.timedelta64(5, "m")
    if "contacts" in change:
        contacts[100] = change["contacts"]
    interval = change.get("interval_minutes", interval)

    with pytest.raises(ValueError, match=message):
        forecast(Series("phone", interval, starts, contacts, good.aht_seconds), start=date(2024, 3, 1), days=7)


def test_it_refuses_an_uplift_that_makes_no_sense():
    history = synthetic(35, lambda i, day: 1000 * WEEKDAY[day.weekday()])

    with pytest.raises(ValueError, match="ends"):
        forecast(history, start=date(2024, 3, 1), days=7, uplifts=[Uplift(date(2024, 3, 5), date(2024, 3, 4), 10.0)])
    with pytest.raises(ValueError, match="negative"):
        forecast(history, start=date(2024, 3, 1), days=7, uplifts=[Uplift(date(2024, 3, 4), date(2024, 3, 5), -120)])


def test_it_keeps_a_date_closed_that_was_closed_every_year_but_not_a_one_off_closure():
    def closed_on_christmas_and_once_in_march(i, day):
        if (day.month, day.day) == (12, 25) or day == date(2024, 3, 13):
            return 0.0
        return 1000 * WEEKDAY[day.weekday()]

    history = synthetic(731, closed_on_christmas_and_once_in_march)  # 1 Jan 2024 - 31 Dec 2025

    result = daily_totals(forecast(history, start=date(2026, 1, 1), days=365))

    christmas, march_13 = (date(2026, 12, 25) - date(2026, 1, 1)).days, (date(2026, 3, 13) - date(2026, 1, 1)).days
    assert result[christmas] == 0  # a Friday
    assert result[march_13] == pytest.approx(1000 * WEEKDAY[4], rel=0.02)  # a Friday too


def test_it_is_not_moved_by_a_one_off_peak():
    def with_an_outage_storm(i, day):
        return weekday_with_trend(i, day) * (3 if day == date(2025, 5, 14) else 1)

    history = synthetic(730, with_an_outage_storm)

    result = forecast(history, start=HISTORY_START + timedelta(days=730), days=28)

    expected = truth(28, weekday_with_trend, history_days=730)
    open_days = expected > 0
    assert np.allclose(daily_totals(result)[open_days], expected[open_days], rtol=0.01)


def test_it_follows_the_recent_level_with_under_a_year_of_history():
    def stepping_up(i, day):
        return (1000 if i < 42 else 1200) * WEEKDAY[day.weekday()]

    history = synthetic(70, stepping_up)  # six weeks at 1,000, then four at 1,200

    result = daily_totals(forecast(history, start=HISTORY_START + timedelta(days=70), days=28))

    level = result.sum() / (28 / 7 * sum(WEEKDAY))
    assert 1090 < level < 1200  # the same fit with every day weighing the same: 1,065
