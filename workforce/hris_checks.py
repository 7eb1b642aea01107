"""The rows of an HRIS export checked against what the database knows: teams, users, role
profiles and the employment periods already stored. Every error is collected with its line and
column; nothing is written here (workforce.hris_import writes).

Each lookup is one query (or one per 5,000 values), whatever the number of rows.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from profiles.models import RoleProfile
from servicefit.core.models import Team
from servicefit.core.policies import AGENT_READ, AGENT_WRITE
from workforce import hris_columns as columns_
from workforce.hire_handoff import PROVISIONAL_PREFIX
from workforce.hris_files import UNWANTED, Table
from workforce.models import Agent, EmploymentStatus

MAX_LENGTHS = {"employee_number": 64, "name": 200, "email": 254, "source": 60}
QUOTED = 60  # characters of a bad value an error message repeats
LOOKUP_CHUNK = 5_000  # values per IN (...): SQLite allows 32,766 parameters
WRITTEN = (
    "name",
    "email",
    "team",
    "manager",
    "role_profile",
    "channels",
    "hire_date",
    "employment_status",
    "exit_date",
    "exit_type",
    "exit_reason",
    "source",
)
# Written whatever the file holds; the others only when the file has their column.
ALWAYS_WRITTEN = ("name", "team", "hire_date", "exit_date", "exit_type", "employment_status")


FIELD_LABELS = {
    "employee_number": gettext_lazy("Employee number"),
    "name": gettext_lazy("Name"),
    "team": gettext_lazy("Team"),
    "hire_date": gettext_lazy("Hire date"),
    "exit_date": gettext_lazy("Exit date"),
    "exit_type": gettext_lazy("Exit type"),
    "email": gettext_lazy("E-mail"),
    "manager": gettext_lazy("Manager"),
    "role_profile": gettext_lazy("Role profile"),
    "channels": gettext_lazy("Channels"),
    "exit_reason": gettext_lazy("Exit reason"),
    "source": gettext_lazy("Source"),
    "employment_status": gettext_lazy("Employment status"),
}


@dataclass(frozen=True)
class RowError:
    line: int  # 1 is the header
    column: str  # one of hris_columns.FIELDS, or "file"
    message: str

    def as_dict(self) -> dict:
        return {"line": self.line, "column": self.column, "message": self.message}


def _cut(value: str) -> str:
    """A cell's value as an error message quotes it: a huge cell does not make a huge message."""
    return value if len(value) <= QUOTED else value[: QUOTED - 1] + "…"


def _has_unwanted(text: str) -> bool:
    return UNWANTED.search(text) is not None


def _chunks(values: list, size: int = LOOKUP_CHUNK):
    for start in range(0, len(values), size):
        yield values[start : start + size]


class RowChecker:
    """Reads the rows' values against what the database knows, collecting every error."""

    def __init__(self, *, table: Table, mapping, user, team_default):
        self.table, self.user, self.team_default = table, user, team_default
        self.errors: list[RowError] = []
        self.columns: dict[str, int] = {}
        self._map(mapping)
        self.today = timezone.localdate()

    def _error(self, line: int, column: str, message: str):
        self.errors.append(RowError(line, column, message))

    def _map(self, mapping):
        for key, value in (mapping or {}).items():
            if _has_unwanted(str(key)) or _has_unwanted(str(value)):
                self._error(1, "file", _("The column mapping contains characters that are not allowed."))
                return
        self.columns, problems = columns_.columns_map(self.table.header, mapping)
        for field, code in problems:
            if code == "unknown_field":
                self._error(
                    1, "file", _("There is no agent field %(value)r to map a column to.") % {"value": _cut(field)}
                )
            else:
                self._error(1, field, _("The file has no column %(value)r.") % {"value": _cut(mapping[field])})
        for field in columns_.REQUIRED:
            if field in self.columns or (field == "team" and self.team_default is not None):
                continue
            if not any(f == field for f, _code in problems):
                self._error(1, field, _("The file has no column for %(field)s.") % {"field": FIELD_LABELS[field]})
        if not self.table.rows and not self.errors:
            self._error(2, "file", _("The file has a header but no agents."))

    def written_fields(self) -> tuple[str, ...]:
        return tuple(f for f in WRITTEN if f in ALWAYS_WRITTEN or f in self.columns)

    def _values(self) -> list[tuple[int, dict[str, str]]]:
        out = []
        for line, cells in self.table.rows:
            values = {f: (cells[i] if i < len(cells) else "") for f, i in self.columns.items()}
            out.append((line, {f: values.get(f, "") for f in columns_.FIELDS}))
        return out

    def rows(self) -> list[tuple[int, dict]]:
        if self.errors:
            return []
        values = self._values()
        teams = self._teams()
        users = self._users(values)
        profiles = self._profiles()
        seen: dict[tuple[str, datetime.date], int] = {}
        rows = []
        for line, row in values:
            parsed = self._row(line, row, teams, users, profiles)
            if parsed is None:
                continue
            key = (parsed["employee_number"], parsed["hire_date"])
            first = seen.setdefault(key, line)
            if first != line:
                self._error(
                    line,
                    "employee_number",
                    _("The same employee number and hire date are already on line %(line)s.") % {"line": first},
                )
                continue
            rows.append((line, parsed))
        if not self.errors:
            self._existing(rows)
        return rows

    # Lookups: one query each, whatever the number of rows -----------------------------------------

    def _teams(self) -> dict[str, Team]:
        return {columns_.fold(team.name): team for team in Team.objects.all()}

    def _users(self, values) -> dict[str, object]:
        wanted = sorted({columns_.fold(row["manager"]) for _line, row in values if row["manager"]})
        found: dict[str, object] = {}
        model = get_user_model()
        for chunk in _chunks(wanted, LOOKUP_CHUNK // 2):
            query = Q()
            for value in chunk:
                query |= Q(username__iexact=value) | Q(email__iexact=value)
            for user in model.objects.filter(query, is_active=True):
                found.setdefault(columns_.fold(user.username), user)
                if user.email:
                    found.setdefault(columns_.fold(user.email), user)
        return found

    def _profiles(self) -> dict[str, RoleProfile]:
        found = {}
        for profile in RoleProfile.objects.only("id", "slug", "name"):
            found.setdefault(columns_.fold(profile.slug), profile)
            found.setdefault(columns_.fold(profile.name), profile)
        return found

    # One row ------------------------------------------------------------------------------------

    def _row(self, line, row, teams, users, profiles) -> dict | None:
        count = len(self.errors)
        for field, value in row.items():
            if _has_unwanted(value):
                self._error(line, field, _("The value contains characters that are not allowed (such as NUL)."))
                row[field] = ""
        if len(self.errors) > count:
            return None
        for field in ("employee_number", "name", "hire_date"):
            if not row[field]:
                self._error(line, field, _("This value is required."))
        for field, limit in MAX_LENGTHS.items():
            if len(row[field]) > limit:
                self._error(line, field, _("Use at most %(limit)s characters.") % {"limit": limit})
        parsed = {"employee_number": row["employee_number"], "name": row["name"], "source": row["source"]}
        parsed["team"] = self._team(line, row["team"], teams)
        parsed["hire_date"] = self._date(line, "hire_date", row["hire_date"])
        parsed["exit_date"] = self._date(line, "exit_date", row["exit_date"])
        if parsed["hire_date"] and parsed["exit_date"] and parsed["exit_date"] < parsed["hire_date"]:
            self._error(line, "exit_date", _("The exit date is before the hire date."))
        parsed.update(self._exit(line, row, has_exit=bool(row["exit_date"])))
        parsed["employment_status"] = self._status(line, row["employment_status"], parsed["exit_date"])
        parsed["email"] = ""
        if row["email"]:
            try:
                validate_email(row["email"])
                parsed["email"] = row["email"]
            except ValidationError:
                self._error(line, "email", _("%(value)r is not an e-mail address.") % {"value": _cut(row["email"])})
        parsed["manager"] = self._manager(line, row["manager"], users, parsed["team"])
        parsed["role_profile"] = None
        if row["role_profile"]:
            parsed["role_profile"] = profiles.get(columns_.fold(row["role_profile"]))
            if parsed["role_profile"] is None:
                message = _("There is no role profile %(value)r.") % {"value": _cut(row["role_profile"])}
                self._error(line, "role_profile", message)
        channels, unknown = columns_.channels_parsed(row["channels"])
        if unknown:
            message = _("%(value)r is not a channel (phone, e-mail, chat, social media, back office).")
            self._error(line, "channels", message % {"value": _cut(", ".join(unknown))})
        parsed["channels"] = channels
        return parsed if len(self.errors) == count else None

    def _team(self, line, value, teams) -> Team | None:
        if not value:
            if self.team_default is None:
                self._error(line, "team", _("This value is required."))
            return self.team_default
        team = teams.get(columns_.fold(value))
        if team is None:
            self._error(line, "team", _("There is no team %(value)r.") % {"value": _cut(value)})
        elif self.user is not None and not AGENT_WRITE.allows_team(self.user, team.id):
            self._error(line, "team", _("You cannot add agents to team %(value)r.") % {"value": team.name})
            return None
        return team

    def _date(self, line, field, value) -> datetime.date | None:
        if not value:
            return None
        parsed = columns_.date_parsed(value)
        if parsed is None:
            message = _("%(value)r is not a date; write it as 2024-03-31, 31-03-2024, 31.03.2024 or 31/03/2024.")
            self._error(line, field, message % {"value": _cut(value)})
        return parsed

    def _exit(self, line, row, *, has_exit: bool) -> dict:
        exit_type = columns_.coded(row["exit_type"], columns_.EXIT_TYPE_LOOKUP) if row["exit_type"] else ""
        reason = columns_.coded(row["exit_reason"], columns_.EXIT_REASON_LOOKUP) if row["exit_reason"] else ""
        if exit_type is None:
            message = _("%(value)r is not an exit type; write voluntary or involuntary.")
            self._error(line, "exit_type", message % {"value": _cut(row["exit_type"])})
        elif has_exit and not exit_type:
            self._error(line, "exit_type", _("An exit needs its type: voluntary or involuntary."))
        elif exit_type and not has_exit:
            self._error(line, "exit_type", _("An exit type needs an exit date."))
        if reason is None:
            self._error(
                line, "exit_reason", _("%(value)r is not a known exit reason.") % {"value": _cut(row["exit_reason"])}
            )
        elif reason and not has_exit:
            self._error(line, "exit_reason", _("An exit reason needs an exit date."))
        return {"exit_type": exit_type or "", "exit_reason": reason or ""}

    def _status(self, line, value, exit_date) -> str:
        """The status the row gives, or "" to derive it from the exit date when written."""
        left = exit_date is not None and exit_date <= self.today
        if not value:
            return ""
        status = columns_.coded(value, columns_.STATUS_LOOKUP)
        if status is None:
            message = _("%(value)r is not an employment status (active, on leave, left).")
            self._error(line, "employment_status", message % {"value": _cut(value)})
        elif status == EmploymentStatus.EXITED and exit_date is None:
            self._error(line, "employment_status", _("An agent who has left needs an exit date."))
        elif status != EmploymentStatus.EXITED and left:
            self._error(line, "employment_status", _("The exit date has passed, so the agent has left."))
        return status or ""

    def _manager(self, line, value, users, team):
        if not value:
            return None
        manager = users.get(columns_.fold(value))
        if manager is None:
            self._error(line, "manager", _("There is no user %(value)r.") % {"value": _cut(value)})
        elif team is not None and not AGENT_READ.allows_team(manager, team.id):
            message = _("%(value)r does not lead team %(team)s and cannot see its agents.")
            self._error(line, "manager", message % {"value": _cut(value), "team": team.name})
            return None
        return manager

    # The periods already known ------------------------------------------------------------------

    def _existing(self, rows):
        """Each row's known period (row["agent"]), found by (employee number, hire date), or by
        e-mail, hire date and team among agents still carrying a ServiceFit hire number."""
        numbers = sorted({row["employee_number"] for _line, row in rows})
        known = {}
        for chunk in _chunks(numbers):
            for agent in Agent.objects.filter(employee_number__in=chunk):
                known[(agent.employee_number, agent.hire_date)] = agent
        emails = sorted({row["email"].casefold() for _line, row in rows if row["email"]})
        from_hires = {}
        for chunk in _chunks(emails):
            query = Q()
            for email in chunk:
                query |= Q(email__iexact=email)
            for agent in Agent.objects.filter(query, employee_number__startswith=PROVISIONAL_PREFIX):
                from_hires.setdefault((agent.email.casefold(), agent.hire_date, agent.team_id), agent)
        for line, row in rows:
            agent = known.get((row["employee_number"], row["hire_date"]))
            if agent is None and row["email"]:
                agent = from_hires.pop((row["email"].casefold(), row["hire_date"], row["team"].id), None)
                if agent is not None and (agent.employee_number, agent.hire_date) in known:
                    agent = None
            if agent is not None and self.user is not None and not AGENT_WRITE.allows_team(self.user, agent.team_id):
                message = _("Employee %(value)s belongs to a team you cannot change.")
                self._error(line, "employee_number", message % {"value": _cut(row["employee_number"])})
            row["agent"] = agent
