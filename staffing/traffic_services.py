"""Interval traffic imported from a CSV export, all rows or none, and imports deleted.

A file is checked row by row first (staffing.traffic_csv, pure); with any problem nothing is written
and the first MAX_PROBLEMS problems come back as {row, column, message}. A clean file is written in
one transaction: a TrafficImport and its intervals. An interval already stored for the same channel,
day and start is replaced (the latest export of a day is the right one). A channel keeps one interval
length: the forecast reads a channel's history as one regular grid.
"""

import datetime
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from servicefit.core.exceptions import ApplicationError
from servicefit.core.policies import STAFFING_WRITE
from staffing import traffic_csv
from staffing.models import CHANNEL_CHOICES, TrafficImport, TrafficInterval
from workforce.hris_files import UNWANTED, FileError

BATCH = 2_000

FIELD_LABELS = {
    "date": gettext_lazy("Date"),
    "start": gettext_lazy("Interval start"),
    "end": gettext_lazy("Interval end"),
    "channel": gettext_lazy("Channel"),
    "contacts": gettext_lazy("Contacts offered"),
    "aht": gettext_lazy("AHT (average handling time)"),
}
PROBLEM_MESSAGES = {
    "unknown_field": gettext_lazy("There is no traffic field “%(value)s” to map a column to."),
    "column_missing": gettext_lazy("The file has no column “%(value)s”."),
    "no_column": gettext_lazy("The file has no column for %(field)s."),
    "no_rows": gettext_lazy("The file has a header but no intervals."),
    "characters": gettext_lazy("The value contains characters that are not allowed (such as NUL)."),
    "required": gettext_lazy("This value is required."),
    "date": gettext_lazy("“%(value)s” is not a date; write it as 2024-03-31, 31-03-2024 or 31.03.2024."),
    "future": gettext_lazy("“%(value)s” is in the future; import traffic that has happened."),
    "time": gettext_lazy("“%(value)s” is not an interval start; write the time as 08:30."),
    "length": gettext_lazy("The interval is %(minutes)s minutes long; use 15- or 30-minute intervals."),
    "mixed": gettext_lazy(
        "This interval is %(minutes)s minutes long and the first one %(length)s minutes: "
        "a file holds one interval length."
    ),
    "length_chosen": gettext_lazy(
        "This interval is %(minutes)s minutes long, not the %(length)s minutes chosen for the file."
    ),
    "grid": gettext_lazy(
        "%(value)s is not on the %(minutes)s-minute grid: intervals start on the hour "
        "or every %(minutes)s minutes after."
    ),
    "hourly": gettext_lazy(
        "Every interval starts on the hour, so the file looks like hourly data. Export 15- or 30-minute "
        "intervals, or choose 30 minutes as the interval length if the half hours simply had no traffic."
    ),
    "mixed_channel": gettext_lazy(
        "The %(channel)s rows are 30-minute intervals in a file of 15-minute intervals: "
        "import each interval length in a file of its own."
    ),
    "duplicate": gettext_lazy("The same channel, date and interval start are already on row %(row)s."),
    "channel": gettext_lazy(
        "“%(value)s” is not a channel; write phone, e-mail or chat (telefon, mail, chatt and the like work too)."
    ),
    "number": gettext_lazy("“%(value)s” is not a number of contacts; write a whole number such as 42."),
    "negative": gettext_lazy("“%(value)s” is negative."),
    "thousands": gettext_lazy(
        "“%(value)s” could be a thousands separator or decimals; write whole numbers without separators."
    ),
    "whole": gettext_lazy("“%(value)s” is not a whole number of contacts."),
    "too_many": gettext_lazy("“%(value)s” contacts in one interval is more than %(limit)s; check the column."),
    "aht_missing": gettext_lazy("The AHT is missing: an interval with contacts needs its average handling time."),
    "aht": gettext_lazy(
        "“%(value)s” is not a handling time; write seconds (245 or 245,5) or minutes and seconds (4:05)."
    ),
    "aht_too_long": gettext_lazy("“%(value)s” is longer than a day; write the average handling time per contact."),
}
FILE_MESSAGES = {
    "empty": gettext_lazy("The file is empty."),
    "too_large": gettext_lazy("The file is larger than %(limit)s MB; split it into smaller files."),
    "too_many_rows": gettext_lazy("The file has more than %(limit)s rows; split it into smaller files."),
    "too_many_columns": gettext_lazy("The file has more than %(limit)s columns; is it a traffic export?"),
    "header": gettext_lazy(
        "A column name in the first row is longer than %(limit)s characters; the first row must be the header."
    ),
    "binary": gettext_lazy("The file is not a text file; export the traffic as CSV."),
    "broken": gettext_lazy(
        "Line %(line)s could not be read as CSV (an unclosed quote or a cell of more than 100,000 characters)."
    ),
}
CHANNEL_LABELS = dict(CHANNEL_CHOICES)


@dataclass(frozen=True)
class ImportResult:
    traffic_import: TrafficImport
    rows: int
    replaced: int  # intervals already stored for the same channel, day and start

    @property
    def first_day(self) -> datetime.date:
        return self.traffic_import.first_day

    @property
    def last_day(self) -> datetime.date:
        return self.traffic_import.last_day

    @property
    def channels(self) -> list[str]:
        return list(self.traffic_import.channels)


def file_error(error: FileError) -> ApplicationError:
    """The whole file refused: 413 when it is too large, else 400."""
    params = {**error.params, "limit": number_format(error.params.get("limit", 0), force_grouping=True)}
    message = str(FILE_MESSAGES[error.code]) % params
    status = 413 if error.code in ("too_large", "too_many_rows") else 400
    return ApplicationError(
        message,
        extra={"errors": [{"row": error.params.get("line", 1), "column": "file", "message": message}]},
        status=status,
    )


def problem_message(problem: traffic_csv.Problem) -> str:
    params = {"value": problem.value, **problem.params}
    if "channel" in params:
        params["channel"] = CHANNEL_LABELS.get(params["channel"], params["channel"])
    if "field" not in params:
        params["field"] = FIELD_LABELS.get(problem.column, problem.column)
    if "limit" in params:
        params["limit"] = number_format(params["limit"], force_grouping=True)
    if problem.code == "required" and problem.column == "contacts":
        return _("This value is required; write 0 for an interval without contacts.")
    return str(PROBLEM_MESSAGES[problem.code]) % params


def _refuse(parsed: traffic_csv.Parsed):
    count = parsed.problem_rows
    message = _("Rows with errors: %(count)s. Nothing was imported; correct them and import the file again.") % {
        "count": number_format(count, force_grouping=True)
    }
    if count > len({p.row for p in parsed.problems}):
        message += " " + _("The first %(shown)s problems are listed.") % {"shown": len(parsed.problems)}
    errors = [{"row": p.row, "column": p.column, "message": problem_message(p)} for p in parsed.problems]
    raise ApplicationError(message, extra={"errors": errors, "error_rows": count})


def traffic_import_file(
    *,
    filename: str,
    data: bytes,
    user,
    mapping: Mapping[str, str] | None = None,
    channel_default: str | None = None,
    interval_minutes: int | None = None,
    aht_unit: str | None = None,
    source: str = TrafficImport.Source.UPLOAD,
) -> ImportResult:
    """Check every row of the file, then write all its intervals, or raise ApplicationError with the
    problems in extra["errors"] ({row, column, message}; row 1 is the header). `user` None is a command."""
    if user is not None and not STAFFING_WRITE.allows(user):
        raise ApplicationError(_("You cannot import traffic."), status=403)
    try:
        parsed = traffic_csv.traffic_parse(
            data,
            mapping=mapping,
            channel_default=channel_default,
            interval_minutes=interval_minutes,
            aht_unit=aht_unit,
            latest_day=timezone.localdate(),
        )
    except FileError as exc:
        raise file_error(exc) from exc
    if parsed.problem_rows:
        _refuse(parsed)
    return traffic_intervals_write(
        intervals=parsed.intervals,
        interval_minutes=parsed.interval_minutes,
        filename=filename,
        source=source,
        user=user,
    )


def _lengths_check(channels: list[str], interval_minutes: int) -> None:
    """A channel keeps one interval length; another length in the file is refused, naming the channel."""
    held = (
        TrafficInterval.objects.filter(channel__in=channels)
        .exclude(interval_minutes=interval_minutes)
        .values_list("channel", "interval_minutes")
        .distinct()
    )
    errors = []
    for channel, minutes in sorted(set(held)):
        message = _(
            "%(channel)s traffic is stored in %(stored)s-minute intervals and this file has %(minutes)s-minute "
            "intervals. Delete the earlier imports with %(channel)s traffic first, or export %(stored)s-minute "
            "intervals."
        ) % {"channel": CHANNEL_LABELS[channel], "stored": minutes, "minutes": interval_minutes}
        errors.append({"row": 1, "column": "start", "message": message})
    if errors:
        raise ApplicationError(errors[0]["message"], extra={"errors": errors, "error_rows": 1})


def traffic_intervals_write(
    *,
    intervals: Sequence[traffic_csv.Interval],
    interval_minutes: int,
    filename: str,
    source: str,
    user,
) -> ImportResult:
    """Write checked intervals as one import, replacing those stored for the same channel, day and
    start, in one transaction."""
    if not intervals:
        raise ApplicationError(_("There are no intervals to import."))
    channels = sorted({interval.channel for interval in intervals}, key=list(CHANNEL_LABELS).index)
    traffic_import = TrafficImport(
        # A file name is the client's to choose: no NUL or lone surrogate reaches the database.
        filename=UNWANTED.sub("", filename)[:255],
        source=source,
        uploaded_by=user,
        rows=len(intervals),
        interval_minutes=interval_minutes,
        first_day=min(interval.day for interval in intervals),
        last_day=max(interval.day for interval in intervals),
        channels=channels,
    )
    traffic_import.full_clean()
    with transaction.atomic():
        _lengths_check(channels, interval_minutes)
        traffic_import.save()
        replaced = _replace(intervals, traffic_import)
        _insert(intervals, traffic_import)
    return ImportResult(traffic_import=traffic_import, rows=len(intervals), replaced=replaced)


def _replace(intervals: Sequence[traffic_csv.Interval], traffic_import: TrafficImport) -> int:
    """Delete the stored intervals the new ones stand for: one keyed DELETE each (the unique index
    finds it), sent with executemany; returns how many went. They are counted before and after, as
    drivers disagree on what an executemany's rowcount means."""
    stored = TrafficInterval.objects.filter(
        channel__in=traffic_import.channels, day__range=(traffic_import.first_day, traffic_import.last_day)
    )
    before = stored.count()
    if not before:
        return 0
    quote = connection.ops.quote_name
    column = {name: quote(TrafficInterval._meta.get_field(name).column) for name in ("channel", "day", "start")}
    sql = "DELETE FROM {} WHERE {} = %s AND {} = %s AND {} = %s".format(  # noqa: S608 - names from the model
        quote(TrafficInterval._meta.db_table), column["channel"], column["day"], column["start"]
    )
    day, start = _preparers()
    _execute_many(sql, ([i.channel, day(i.day), start(i.start)] for i in intervals), len(intervals))
    return before - stored.count()


def _preparers():
    """The day and start of an interval as the database stores them (each field's get_db_prep_save,
    as the ORM's would), each distinct value prepared once."""
    day_field, start_field = TrafficInterval._meta.get_field("day"), TrafficInterval._meta.get_field("start")
    days, starts = {}, {}

    def day(value: datetime.date):
        if value not in days:
            days[value] = day_field.get_db_prep_save(value, connection)
        return days[value]

    def start(minutes: int):
        if minutes not in starts:
            starts[minutes] = start_field.get_db_prep_save(datetime.time(minutes // 60, minutes % 60), connection)
        return starts[minutes]

    return day, start


def _insert(intervals: Sequence[traffic_csv.Interval], traffic_import: TrafficImport) -> None:
    """One parameterised INSERT sent with executemany, as the HRIS import writes agents: for two years
    of 30-minute intervals in three channels (105,120 rows, SQLite) bulk_create took 4.6 s, this under
    1 s."""
    fields = [field for field in TrafficInterval._meta.concrete_fields if not field.primary_key]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608 - names from the model, values as parameters
        quote(TrafficInterval._meta.db_table),
        ", ".join(quote(field.column) for field in fields),
        ", ".join(["%s"] * len(fields)),
    )
    day, start = _preparers()
    constant = {"traffic_import": traffic_import.id, "interval_minutes": traffic_import.interval_minutes}

    def row(interval: traffic_csv.Interval) -> list:
        values = constant | {
            "channel": interval.channel,
            "day": day(interval.day),
            "start": start(interval.start),
            "contacts": interval.contacts,
            "aht_seconds": float(interval.aht_seconds),
        }
        return [values[field.name] for field in fields]

    _execute_many(sql, (row(interval) for interval in intervals), len(intervals))


def _execute_many(sql: str, params, count: int) -> None:
    params = iter(params)
    with connection.cursor() as cursor:
        for _begin in range(0, count, BATCH):
            cursor.executemany(sql, list(itertools.islice(params, BATCH)))


def traffic_import_delete(*, traffic_import: TrafficImport, user) -> int:
    """Delete an import and the intervals it still holds (later imports may have replaced some);
    returns how many intervals went. Intervals it replaced in earlier imports do not come back."""
    if user is not None and not STAFFING_WRITE.allows(user):
        raise ApplicationError(_("You cannot delete traffic imports."), status=403)
    with transaction.atomic():
        removed = TrafficInterval.objects.filter(traffic_import=traffic_import).delete()[0]
        traffic_import.delete()
    return removed
