"""The traffic file reader (staffing/traffic_csv.py): headers, cells and every kind of bad row."""

import datetime
import subprocess
import sys
from pathlib import Path

import pytest

from staffing import traffic_columns, traffic_csv
from staffing.models import STAFFED_CHANNELS
from staffing.traffic_columns import aht_parsed, columns_guess, moment_parsed
from staffing.traffic_csv import FileError, preview, traffic_parse
from tests.staffing.factories import day_rows, traffic_file

ROOT = Path(__file__).resolve().parents[2]
MARCH = datetime.date(2025, 3, 3)


def parse(text: str, **kwargs) -> traffic_csv.Parsed:
    return traffic_parse(text.encode("utf-8"), **kwargs)


def problems(parsed) -> list[tuple[int, str, str]]:
    return [(p.row, p.column, p.code) for p in parsed.problems]


def test_it_reads_a_plain_file_into_intervals():
    parsed = traffic_parse(traffic_file(day_rows(MARCH, opens=8, closes=9)))
    assert problems(parsed) == []
    assert parsed.interval_minutes == 30
    assert [(i.line, i.channel, i.day, i.start, i.contacts, i.aht_seconds) for i in parsed.intervals] == [
        (2, "phone", MARCH, 480, 10, 180.0),
        (3, "phone", MARCH, 510, 10, 180.0),
    ]
    assert (parsed.first_day, parsed.last_day, parsed.channels) == (MARCH, MARCH, ["phone"])


@pytest.mark.parametrize(
    ("header", "row"),
    [
        ("Date,Interval,Channel,Offered,AHT", "2025-03-03,08:00,Phone,12,185"),
        ("Dato;Interval;Kanal;Tilbudte opkald;Gns. behandlingstid", "03-03-2025;08:00;Telefon;12;185"),
        ("Dato;Tidspunkt;Kanal;Innkommende anrop;Behandlingstid", "03.03.2025;08:00;telefon;12;185"),
        ("Datum;Intervall;Kanal;Erbjudna samtal;Hanteringstid", "2025-03-03;08:00;Telefon;12;185"),
    ],
    ids=["en", "da", "nb", "sv"],
)
def test_it_finds_the_columns_by_their_english_danish_norwegian_and_swedish_names(header, row):
    parsed = parse(f"{header}\n{row}\n")
    assert problems(parsed) == []
    assert [(i.channel, i.day, i.start, i.contacts, i.aht_seconds) for i in parsed.intervals] == [
        ("phone", MARCH, 480, 12, 185.0)
    ]


def test_it_prefers_offered_contacts_to_answered_ones_and_takes_answered_when_that_is_all():
    header = ["Datum", "Intervall", "Kanal", "Besvarade", "Erbjudna", "AHT"]
    assert columns_guess(header)["contacts"] == 4
    assert columns_guess(["Datum", "Intervall", "Kanal", "Besvarade", "AHT"])["contacts"] == 3
    assert traffic_columns.is_answered_header("Besvarade") and not traffic_columns.is_answered_header("Erbjudna")


def test_a_mapping_chosen_by_the_user_overrides_the_guess():
    text = "Dato;Interval;Kanal;Tilbudte;Besvarede;AHT\n2025-03-03;08:00;chat;9;7;300\n"
    assert parse(text).intervals[0].contacts == 9
    chosen = parse(text, mapping={"contacts": "Besvarede"})
    assert chosen.intervals[0].contacts == 7
    left_out = parse(text, mapping={"channel": ""})
    assert problems(left_out) == [(1, "channel", "no_column")]


def test_it_reads_semicolons_decimal_commas_a_bom_and_windows_1252():
    text = "Dato;Interval;Kanal;Indgående opkald;Håndteringstid\n03-03-2025;08:00;Telefon;12;185,5\n"
    for data in (("\ufeff" + text).encode("utf-8"), text.encode("cp1252")):
        parsed = traffic_parse(data)
        assert problems(parsed) == []
        assert parsed.intervals[0].aht_seconds == 185.5


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("245", 245.0),
        ("245,5", 245.5),
        ("245.5", 245.5),
        ("4:05", 245.0),
        ("04:05", 245.0),
        ("0:04:05", 245.0),
        ("1:02:03", 3723.0),
        ("4:05,5", 245.5),
        ("1 245", 1245.0),
        ("1.245,5", 1245.5),
    ],
)
def test_it_reads_the_aht_as_seconds_or_as_minutes_and_seconds(text, seconds):
    assert aht_parsed(text, "seconds") == seconds


def test_a_header_that_says_minutes_makes_a_plain_aht_minutes():
    parsed = parse('date,start,channel,contacts,AHT (min)\n2025-03-03,08:00,phone,12,"4,5"\n')
    assert parsed.intervals[0].aht_seconds == 270.0
    assert (
        parse("date,start,channel,contacts,AHT (min)\n2025-03-03,08:00,phone,12,4:30\n").intervals[0].aht_seconds == 270
    )
    as_seconds = parse("date,start,channel,contacts,AHT (min)\n2025-03-03,08:00,phone,12,270\n", aht_unit="seconds")
    assert as_seconds.intervals[0].aht_seconds == 270.0


@pytest.mark.parametrize(
    ("value", "channel"),
    [
        ("Telefon", "phone"),
        ("voice", "phone"),
        ("E-mail", "email"),
        ("mail", "email"),
        ("E-post", "email"),
        ("chatt", "chat"),
        ("Chat", "chat"),
    ],
)
def test_it_maps_the_channel_names_exports_use(value, channel):
    assert parse(f"date,start,channel,contacts,aht\n2025-03-03,08:00,{value},1,60\n").intervals[0].channel == channel


def test_its_channels_are_the_staffed_channels():
    assert set(traffic_columns.CHANNELS) == {channel.value for channel in STAFFED_CHANNELS}


def test_it_reads_dates_and_times_as_exports_write_them():
    assert moment_parsed("2025-03-03") == (MARCH, None, None)
    assert (
        moment_parsed("03-03-2025") == moment_parsed("03.03.2025") == moment_parsed("3/3/2025") == (MARCH, None, None)
    )
    assert moment_parsed("8:30") == moment_parsed("08.30") == moment_parsed("08:30:00") == (None, 510, None)
    assert moment_parsed("08:00-08:15") == moment_parsed("08:00 – 08:15") == (None, 480, 15)
    assert moment_parsed("23:30-00:00") == (None, 1410, 30)
    assert moment_parsed("2025-03-03 08:30") == moment_parsed("2025-03-03T08:30:00") == (MARCH, 510, None)
    for bad in ("24:00", "08:60", "08:30:15", "2025-02-30", "half past eight", "2025-03-03T08:30:00Z"):
        assert moment_parsed(bad) is None, bad


def test_a_date_and_time_in_one_column_is_enough():
    parsed = parse("Interval start,Channel,Offered,AHT\n2025-03-03 08:15,chat,4,300\n2025-03-03 08:30,chat,5,310\n")
    assert problems(parsed) == []
    assert parsed.interval_minutes == 15
    assert [(i.day, i.start) for i in parsed.intervals] == [(MARCH, 495), (MARCH, 510)]


def test_a_range_or_an_end_column_gives_the_interval_length():
    by_range = parse("date,interval,channel,contacts,aht\n2025-03-03,08:00-08:15,phone,3,200\n")
    assert by_range.interval_minutes == 15
    by_end = parse("date,start,end,channel,contacts,aht\n2025-03-03,08:00,08:15,phone,3,200\n")
    assert by_end.interval_minutes == 15


def test_a_channel_chosen_for_the_file_stands_for_a_missing_channel_column():
    parsed = parse("date,start,contacts,aht\n2025-03-03,08:00,3,200\n", channel_default="email")
    assert parsed.intervals[0].channel == "email"
    assert problems(parse("date,start,contacts,aht\n2025-03-03,08:00,3,200\n")) == [(1, "channel", "no_column")]


def test_no_contacts_need_no_aht_and_store_none():
    parsed = parse("date,start,channel,contacts,aht\n2025-03-03,08:00,phone,0,\n2025-03-03,08:30,phone,0,200\n")
    assert [(i.contacts, i.aht_seconds) for i in parsed.intervals] == [(0, 0.0), (0, 0.0)]


def test_the_length_read_from_the_file_is_15_when_any_interval_starts_at_a_quarter():
    rows = day_rows(MARCH, minutes=15, opens=8, closes=10)
    assert traffic_parse(traffic_file(rows)).interval_minutes == 15
    assert traffic_parse(traffic_file(day_rows(MARCH, opens=8, closes=10))).interval_minutes == 30


# Bad rows: each kind, with its row number --------------------------------------------------------

HEADER = "date,start,channel,contacts,aht\n"


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("2025-02-30,08:00,phone,1,60", ("date", "date")),
        ("31/31/2025,08:00,phone,1,60", ("date", "date")),
        (",08:00,phone,1,60", ("date", "required")),
        ("2025-03-03,8 o'clock,phone,1,60", ("start", "time")),
        ("2025-03-03,08:10,phone,1,60", ("start", "grid")),
        ("2025-03-03,08:00,fax,1,60", ("channel", "channel")),
        ("2025-03-03,08:00,,1,60", ("channel", "required")),
        ("2025-03-03,08:00,phone,-3,60", ("contacts", "negative")),
        ("2025-03-03,08:00,phone,2.5,60", ("contacts", "whole")),
        ('2025-03-03,08:00,phone,"1,000",60', ("contacts", "thousands")),
        ("2025-03-03,08:00,phone,many,60", ("contacts", "number")),
        ("2025-03-03,08:00,phone,,60", ("contacts", "required")),
        ("2025-03-03,08:00,phone,nan,60", ("contacts", "number")),
        ("2025-03-03,08:00,phone,5000000,60", ("contacts", "too_many")),
        ("2025-03-03,08:00,phone,4,", ("aht", "aht_missing")),
        ("2025-03-03,08:00,phone,4,0", ("aht", "aht_missing")),
        ("2025-03-03,08:00,phone,4,-60", ("aht", "negative")),
        ("2025-03-03,08:00,phone,4,inf", ("aht", "aht")),
        ("2025-03-03,08:00,phone,4,90000", ("aht", "aht_too_long")),
        ("2025-03-03,08:00,phone\x00,4,60", ("channel", "characters")),
        ("2099-03-03,08:00,phone,4,60", ("date", "future")),
    ],
)
def test_it_names_the_row_and_column_of_each_kind_of_bad_row(row, expected):
    parsed = parse(HEADER + "2025-03-03,09:00,phone,1,60\n" + row + "\n", latest_day=datetime.date(2026, 1, 1))
    assert problems(parsed) == [(3, *expected)]
    assert parsed.intervals == [] and parsed.problem_rows == 1


def test_a_repeated_interval_names_the_row_it_repeats():
    parsed = parse(HEADER + "2025-03-03,08:00,phone,1,60\n2025-03-03,08:30,phone,1,60\n03.03.2025,08:00,Telefon,2,60\n")
    assert problems(parsed) == [(4, "start", "duplicate")]
    assert parsed.problems[0].params == {"row": 2}
    # The same start in another channel is no repeat.
    assert problems(parse(HEADER + "2025-03-03,08:00,phone,1,60\n2025-03-03,08:00,chat,1,60\n")) == []


def test_mixed_interval_lengths_are_refused_row_by_row():
    text = (
        "date,interval,channel,contacts,aht\n2025-03-03,08:00-08:30,phone,3,200\n2025-03-03,08:30-08:45,phone,3,200\n"
    )
    parsed = parse(text)
    assert problems(parsed) == [(3, "start", "mixed")]
    assert parsed.problems[0].params == {"minutes": 15, "length": 30}
    hour = parse("date,interval,channel,contacts,aht\n2025-03-03,08:00-09:00,phone,3,200\n")
    assert problems(hour) == [(2, "start", "length")]


def test_a_channel_of_half_hours_in_a_file_of_quarter_hours_is_mixed():
    rows = day_rows(MARCH, "phone", minutes=15) + day_rows(MARCH, "email", minutes=30)
    parsed = traffic_parse(traffic_file(rows))
    assert [(p.column, p.code, p.params) for p in parsed.problems] == [("start", "mixed_channel", {"channel": "email"})]
    # A quiet channel with a few rows on the half hours is not evidence of 30-minute data.
    few = day_rows(MARCH, "phone", minutes=15) + day_rows(MARCH, "email", minutes=30, opens=8, closes=10)
    assert problems(traffic_parse(traffic_file(few))) == []


def test_hourly_data_is_refused_unless_the_user_says_it_is_30_minute_data():
    rows = day_rows(MARCH, minutes=60)
    assert problems(traffic_parse(traffic_file(rows))) == [(1, "start", "hourly")]
    chosen = traffic_parse(traffic_file(rows), interval_minutes=30)
    assert problems(chosen) == [] and chosen.interval_minutes == 30


def test_an_interval_length_chosen_by_the_user_puts_quarter_hours_off_the_grid():
    parsed = traffic_parse(traffic_file(day_rows(MARCH, minutes=15, opens=8, closes=9)), interval_minutes=30)
    assert problems(parsed) == [(3, "start", "grid"), (5, "start", "grid")]


def test_it_lists_the_first_50_problems_and_counts_every_bad_row():
    days = [f"2025-03-0{day}" for day in (3, 4, 5)]
    text = HEADER + "".join(f"{d},{h:02d}:{m:02d},fax,1,60\n" for d in days for h in range(24) for m in (0, 30))
    bad = parse(text)
    assert bad.problem_rows == 144 and len(bad.problems) == 50
    assert [p.row for p in bad.problems] == list(range(2, 52))


def test_a_mapping_to_a_column_the_file_lacks_or_to_no_field_is_refused():
    parsed = parse(HEADER + "2025-03-03,08:00,phone,1,60\n", mapping={"aht": "Handle time", "colour": "x"})
    assert problems(parsed) == [(1, "file", "unknown_field"), (1, "aht", "column_missing")]


def test_a_file_without_the_needed_columns_says_which():
    parsed = parse("when,what\n2025-03-03,1\n")
    assert problems(parsed) == [
        (1, "date", "no_column"),
        (1, "start", "no_column"),
        (1, "channel", "no_column"),
        (1, "contacts", "no_column"),
        (1, "aht", "no_column"),
    ]
    assert problems(parse(HEADER)) == [(2, "file", "no_rows")]


# Hostile files ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b" \r\n\r\n", "empty"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 200 + b"IHDR", "binary"),
        (b'date,start\n2025-03-03,"' + b"x" * 200_000 + b'"\n', "broken"),
        (",".join(f"c{i}" for i in range(500)).encode(), "too_many_columns"),
        (b"x" * 500 + b",date\n", "header"),
    ],
    ids=["empty", "blank", "binary", "huge-cell", "columns", "long-header"],
)
def test_it_refuses_a_file_it_cannot_read_as_a_whole(data, code):
    with pytest.raises(FileError) as raised:
        traffic_parse(data)
    assert raised.value.code == code


def test_it_refuses_a_file_over_the_size_and_row_limits(monkeypatch):
    monkeypatch.setattr(traffic_csv, "MAX_BYTES", 1_000)
    with pytest.raises(FileError) as raised:
        traffic_parse(traffic_file(day_rows(MARCH, opens=0, closes=24)))
    assert raised.value.code == "too_large"
    monkeypatch.setattr(traffic_csv, "MAX_BYTES", 20_000_000)
    monkeypatch.setattr(traffic_csv, "MAX_ROWS", 10)
    with pytest.raises(FileError) as raised:
        traffic_parse(traffic_file(day_rows(MARCH, opens=8, closes=14)))
    assert raised.value.code == "too_many_rows"


def test_it_names_the_row_of_a_lone_surrogate_or_a_nul_and_reads_bytes_no_codepage_defines():
    surrogate = (HEADER + "2025-03-03,08:00,phone,1,60\n2025-03-03,08:30,ph\ud800,1,60\n").encode(
        "utf-8", "surrogatepass"
    )
    assert problems(traffic_parse(surrogate)) == [(3, "channel", "characters")]
    # 0x81 is undefined in Windows-1252: the file is read as Latin-1 and the bad cell is named.
    undefined = (HEADER + "2025-03-03,08:00,phone,1,60\n").encode() + b"2025-03-03,08:30,\x81\xff,1,60\n"
    assert problems(traffic_parse(undefined)) == [(3, "channel", "channel")]
    long_value = parse(HEADER + "2025-03-03,08:00," + "y" * 5_000 + ",1,60\n")
    assert len(long_value.problems[0].value) == traffic_csv.QUOTED


def test_the_preview_shows_the_first_rows_cut_short_and_counts_them_all():
    rows = day_rows(MARCH, opens=0, closes=24)
    rows[0] = (rows[0][0], rows[0][1], "p\x00" + "h" * 100, 1, 60)
    shown = preview(traffic_file(rows), rows=3)
    assert shown.header == ["date", "interval start", "channel", "contacts offered", "aht"]
    assert shown.row_count == 48 and len(shown.rows) == 3
    assert shown.rows[0][2].startswith("p\ufffdhhh") and len(shown.rows[0][2]) == traffic_csv.QUOTED


def test_the_reader_needs_no_django():
    code = "import sys, staffing.traffic_csv; sys.exit(any(m.split('.')[0] == 'django' for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=False).returncode == 0  # noqa: S603
