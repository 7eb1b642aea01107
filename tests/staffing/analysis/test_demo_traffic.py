from datetime import date

import numpy as np
import pytest

from staffing.analysis.demo_traffic import demo_means, demo_series
from workforce.models import Channel

END = date(2026, 12, 1)


@pytest.fixture(scope="module")
def demo():
    return {series.channel: series for series in demo_series(end=END)}


def daily(series):
    days = series.starts.astype("datetime64[D]")
    totals = series.contacts.reshape(-1, 24 * 60 // series.interval_minutes).sum(axis=1)
    return days.reshape(len(totals), -1)[:, 0], totals


def hour_of(series):
    return (series.starts - series.starts.astype("datetime64[D]")).astype(np.int64) / 60


def weekday_of(days):
    return (days.astype("datetime64[D]").astype(np.int64) + 3) % 7


def test_it_makes_two_years_of_half_hours_for_the_three_channels_up_to_the_day_before_end(demo):
    assert set(demo) == {"phone", "email", "chat"}
    assert set(demo) <= set(Channel.values)
    for series in demo.values():
        assert series.interval_minutes == 30
        assert series.starts[0] == np.datetime64("2024-12-01T00:00")
        assert series.starts[-1] == np.datetime64("2026-11-30T23:30")
        assert len(series.starts) == 730 * 48
        assert np.all(np.diff(series.starts) == np.timedelta64(30, "m"))


def test_it_is_the_same_for_the_same_seed_and_differs_for_another():
    first, again, other = demo_series(end=END, seed=3), demo_series(end=END, seed=3), demo_series(end=END, seed=4)

    assert all(np.array_equal(a.contacts, b.contacts) for a, b in zip(first, again, strict=True))
    assert all(np.array_equal(a.aht_seconds, b.aht_seconds) for a, b in zip(first, again, strict=True))
    assert not np.array_equal(first[0].contacts, other[0].contacts)


def test_it_keeps_phone_and_chat_to_opening_hours(demo):
    for channel in ("phone", "chat"):
        series = demo[channel]
        hour, weekday = hour_of(series), weekday_of(series.starts)
        open_ = ((weekday < 5) & (hour >= 8) & (hour < 20)) | ((weekday == 5) & (hour >= 9) & (hour < 15))
        assert np.all(series.contacts[~open_] == 0)
        assert series.contacts[open_].mean() > 10
        christmas = series.starts.astype("datetime64[D]") == np.datetime64("2025-12-25")
        assert series.contacts[christmas].sum() == 0


def test_it_lets_e_mail_arrive_around_the_clock_lower_at_night(demo):
    email = demo["email"]
    hour = hour_of(email)

    night = email.contacts[(hour >= 1) & (hour < 5)].mean()
    day = email.contacts[(hour >= 9) & (hour < 15)].mean()
    assert 0 < night < day / 4
    days, totals = daily(email)
    assert np.all(totals[weekday_of(days) == 6] > 0)


def test_it_has_the_volumes_of_a_mid_size_nordic_centre(demo):
    days, totals = daily(demo["phone"])
    weekdays = weekday_of(days) < 5

    assert 1500 < np.median(totals[weekdays]) < 3000
    assert 200 < np.median(daily(demo["chat"])[1][weekdays]) < 1500
    assert 400 < np.median(daily(demo["email"])[1][weekdays]) < 1500


def test_it_gives_each_channel_a_realistic_aht(demo):
    def mean_aht(series):
        return (series.contacts * series.aht_seconds).sum() / series.contacts.sum()

    assert 300 <= mean_aht(demo["phone"]) <= 420
    assert 430 <= mean_aht(demo["chat"]) <= 530
    assert 320 <= mean_aht(demo["email"]) <= 400
    assert np.all(demo["phone"].aht_seconds[demo["phone"].contacts == 0] == 0)


def test_it_has_a_weekly_and_a_yearly_pattern_and_a_trend():
    phone = demo_means(end=END)[0]
    days, totals = daily(phone)
    weekday, month = weekday_of(days), days.astype("datetime64[M]").astype(np.int64) % 12 + 1

    def mean(mask):
        return totals[mask].mean()

    tuesdays_to_thursdays = (weekday >= 1) & (weekday <= 3)
    assert mean(weekday == 0) > 1.15 * mean(weekday == 4)  # Monday over Friday
    assert mean(tuesdays_to_thursdays & (month == 7)) < 0.9 * mean(tuesdays_to_thursdays & (month == 6))
    after_new_year = (days >= np.datetime64("2026-01-05")) & (days <= np.datetime64("2026-01-16"))
    november = (days >= np.datetime64("2025-11-01")) & (days <= np.datetime64("2025-11-30"))
    assert mean(tuesdays_to_thursdays & after_new_year) > 1.1 * mean(tuesdays_to_thursdays & november)
    second_year = days >= np.datetime64("2025-12-01")
    assert mean(tuesdays_to_thursdays & second_year) > 1.04 * mean(tuesdays_to_thursdays & ~second_year)


def test_it_peaks_in_the_working_days_after_the_invoice_run():
    phone = demo_means(end=END)[0]
    days, totals = daily(phone)
    # October 2025: the run is on Tuesday the 14th; Wednesday 15th and Thursday 16th carry its peak,
    # against the same weekdays a week before.
    on = {str(d): t for d, t in zip(days, totals, strict=True)}
    assert on["2025-10-15"] > 1.2 * on["2025-10-08"]
    assert on["2025-10-16"] > 1.2 * on["2025-10-09"]


def test_it_makes_15_minute_intervals_with_the_same_daily_traffic():
    half_hours, quarters = demo_means(end=END)[0], demo_means(end=END, interval_minutes=15)[0]

    assert quarters.interval_minutes == 15
    assert len(quarters.starts) == 2 * len(half_hours.starts)
    assert daily(quarters)[1] == pytest.approx(daily(half_hours)[1])
    assert demo_series(end=END, interval_minutes=15)[0].contacts.sum() == pytest.approx(
        half_hours.contacts.sum(), rel=0.01
    )


def test_it_refuses_other_interval_lengths():
    with pytest.raises(ValueError, match="15 or 30"):
        demo_series(end=END, interval_minutes=60)
