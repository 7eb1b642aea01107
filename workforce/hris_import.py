"""Agents imported from an HRIS export (CSV or XLSX): all rows, or none with every bad row listed.

A row is one employment period, keyed by (employee_number, hire_date): a known period is updated
(its exit recorded, its team or manager changed), an unknown one is created. Optional columns that
the file does not have leave the existing values alone.

An agent created from a ServiceFit hire has the employee number "SF-<hire id>" until HR's system
gives them one. When a row's period is unknown but its e-mail, hire date and team match such an
agent, that agent takes the row's employee number instead of a duplicate being created.

Every row is checked first (workforce.hris_checks: a handful of queries for teams, users, role
profiles and the periods already known), then everything is written in one transaction.
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from servicefit.core.exceptions import ApplicationError
from servicefit.core.models import Team
from servicefit.core.policies import AGENT_WRITE
from workforce import hris_columns as columns_
from workforce.hris_checks import WRITTEN, RowChecker, RowError
from workforce.hris_files import MAX_ROWS, FileError, Table, table_read
from workforce.models import Agent, EmploymentStatus

BATCH = 1_000


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int  # known periods the file repeats as they are
    renumbered: int  # of the updated: agents from ServiceFit hires that got their HRIS number


def file_error_message(error: FileError) -> str:
    messages = {
        "empty": _("The file is empty."),
        "too_large": _("The file is larger than %(limit)s MB; split it into smaller files."),
        "too_many_rows": _("The file has more than %(limit)s rows; split it into smaller files."),
        "too_many_columns": _("The file has more than %(limit)s columns."),
        "type": _("Upload the export as a .csv or .xlsx file."),
        "encoding": _("The file's encoding was not recognised; save it as “CSV UTF-8” and try again."),
        "old_excel": _(
            "The file is an old Excel workbook (.xls) or is protected with a password; "
            "save it as .xlsx or CSV without a password."
        ),
        "macros": _("The workbook contains macros; save it as a plain .xlsx workbook or as CSV."),
        "not_xlsx": _("The file is not an Excel workbook; save it as .xlsx or CSV."),
        "zip_bomb": _("The workbook unpacks to more than %(limit)s MB; it cannot be an HR export."),
        "broken": _("The workbook could not be read; it may be damaged. Save it again and upload the copy."),
        "unreadable": _("Line %(line)s: a cell is too long; is a quotation mark not closed?"),
    }
    return messages[error.code] % error.params


def _file_error(error: FileError) -> ApplicationError:
    status = 413 if error.code in ("too_large", "too_many_rows", "zip_bomb") else 400
    return ApplicationError(file_error_message(error), extra={"fields": {"file": [error.code]}}, status=status)


def table_from_file(*, filename: str, data: bytes) -> Table:
    """The uploaded file as a table, or ApplicationError saying what is wrong with it."""
    try:
        return table_read(filename, data)
    except FileError as exc:
        raise _file_error(exc) from exc


def agents_import_file(
    *, filename: str, data: bytes, mapping: Mapping[str, str] | None = None, user, team_default: Team | None = None
) -> ImportResult:
    return agents_import(
        table=table_from_file(filename=filename, data=data), mapping=mapping, user=user, team_default=team_default
    )


def agents_import(
    *, table: Table, mapping: Mapping[str, str] | None = None, user, team_default: Team | None = None
) -> ImportResult:
    """Validate every row, then write all of them in one transaction. A bad row refuses the whole
    file: ApplicationError with every problem in extra["errors"] as {line, column, message}.
    `user` None (a command) reaches every team. `team_default` fills an empty team cell, or stands
    for a missing team column."""
    if user is not None and not AGENT_WRITE.allows(user):
        raise ApplicationError(_("You cannot import agents."), status=403)
    if len(table.rows) > MAX_ROWS:
        raise _file_error(FileError("too_many_rows", {"limit": MAX_ROWS}))
    if team_default is not None and user is not None and not AGENT_WRITE.allows_team(user, team_default.id):
        raise ApplicationError(_("You cannot add agents to that team."), extra={"fields": {"team": ["forbidden"]}})
    checker = RowChecker(table=table, mapping=mapping, user=user, team_default=team_default)
    rows = checker.rows()
    if checker.errors:
        _refuse(checker.errors)
    return _write(rows, checker.written_fields())


def _refuse(errors: list[RowError]):
    lines = {error.line for error in errors}
    raise ApplicationError(
        _("Lines with errors: %(count)d. Nothing was imported; correct them and import the file again.")
        % {"count": len(lines)},
        extra={"errors": [error.as_dict() for error in sorted(errors, key=lambda e: (e.line, _order(e.column)))]},
    )


def _order(column: str) -> int:
    return columns_.FIELDS.index(column) if column in columns_.FIELDS else -1


def _status_derived(agent: Agent | None, exit_date: datetime.date | None, today: datetime.date) -> str:
    """Left once the exit date has passed; otherwise as known (on leave stays on leave), else active."""
    if exit_date is not None and exit_date <= today:
        return EmploymentStatus.EXITED
    if agent is not None and agent.employment_status == EmploymentStatus.ON_LEAVE:
        return EmploymentStatus.ON_LEAVE
    return EmploymentStatus.ACTIVE


def _changed(agent: Agent, row: dict, fields: tuple[str, ...]) -> bool:
    for name in fields:
        value = row[name]
        if Agent._meta.get_field(name).is_relation:
            if getattr(agent, f"{name}_id") != (value.id if value is not None else None):
                return True
        elif getattr(agent, name) != value:
            return True
    return agent.employee_number != row["employee_number"]


def _write(rows, fields: tuple[str, ...]) -> ImportResult:
    now = timezone.now()
    created, updated, unchanged, renumbered = [], [], 0, 0
    today = timezone.localdate()
    for _line, row in rows:
        agent = row.pop("agent")
        if not row["employment_status"]:
            row["employment_status"] = _status_derived(agent, row["exit_date"], today)
        if agent is None:
            created.append(Agent(**{f: row[f] for f in ("employee_number", *WRITTEN)}))
            continue
        if not _changed(agent, row, fields):
            unchanged += 1
            continue
        if agent.employee_number != row["employee_number"]:
            renumbered += 1
            agent.employee_number = row["employee_number"]
        for name in fields:
            setattr(agent, name, row[name])
        agent.updated_at = now
        updated.append(agent)
    with transaction.atomic():
        _insert_many(created)
        _update_many(updated, ("employee_number", *fields, "updated_at"))
    return ImportResult(created=len(created), updated=len(updated), unchanged=unchanged, renumbered=renumbered)


# Agents are written with one parameterised statement per row, sent with executemany: the ORM's
# bulk_update() builds a CASE per column over the whole batch, which SQLite evaluates row by row
# (10,000 updates took minutes), and bulk_create() spends most of its time compiling a multi-row
# VALUES per batch of 70 rows (SQLite's parameter limit). Values go through each field's own
# get_db_prep_save (pre_save for the timestamps), as the ORM's would. Table and column names come
# from the model; every value is a parameter.


def _insert_many(agents: list[Agent]) -> None:
    if not agents:
        return
    fields = [field for field in Agent._meta.concrete_fields if not field.primary_key]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608
        quote(Agent._meta.db_table), ", ".join(quote(field.column) for field in fields), ", ".join(["%s"] * len(fields))
    )
    params = [[field.get_db_prep_save(field.pre_save(agent, True), connection) for field in fields] for agent in agents]
    _execute_many(sql, params)


def _update_many(agents: list[Agent], names: tuple[str, ...]) -> None:
    if not agents:
        return
    fields = [Agent._meta.get_field(name) for name in names]
    quote = connection.ops.quote_name
    sql = "UPDATE {} SET {} WHERE {} = %s".format(  # noqa: S608
        quote(Agent._meta.db_table),
        ", ".join(f"{quote(field.column)} = %s" for field in fields),
        quote(Agent._meta.pk.column),
    )
    params = [
        [field.get_db_prep_save(getattr(agent, field.attname), connection) for field in fields] + [agent.pk]
        for agent in agents
    ]
    _execute_many(sql, params)


def _execute_many(sql: str, params: list[list]) -> None:
    with connection.cursor() as cursor:
        for start in range(0, len(params), BATCH):
            cursor.executemany(sql, params[start : start + BATCH])
