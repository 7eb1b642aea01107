"""Agents' master data: create, edit, record an exit, rehire (a new employment period).

Every change is checked in full first and written in one transaction; a wrong value is an
ApplicationError naming the field. HR (AGENT_WRITE) makes these changes; the hire hand-off
(workforce/hire_handoff.py) uses the same checks without a user.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from servicefit.core.exceptions import ApplicationError
from servicefit.core.policies import AGENT_READ, AGENT_WRITE
from workforce.models import Agent, Channel, EmploymentStatus, ExitReason, ExitType

REHIRE_SOURCE = "rehire"
EDITABLE = (
    "employee_number",
    "name",
    "email",
    "team",
    "manager",
    "role_profile",
    "channels",
    "hire_date",
    "employment_status",
    "source",
)


def _invalid(errors: dict[str, list[str]]) -> ApplicationError:
    problems = [problem for messages in errors.values() for problem in messages]
    # One problem is the message itself; several are listed per field.
    message = problems[0] if len(problems) == 1 else _("The agent's details are not valid.")
    return ApplicationError(message, extra={"fields": errors})


def _checked(agent: Agent, *, user, errors: dict | None = None) -> None:
    errors = {key: list(value) for key, value in (errors or {}).items()}
    agent.employee_number = " ".join((agent.employee_number or "").split())
    agent.name = " ".join((agent.name or "").split())
    agent.email = (agent.email or "").strip()
    agent.source = " ".join((agent.source or "").split())
    if not agent.employee_number:
        errors.setdefault("employee_number", []).append(_("Give the employee number."))
    if not agent.name:
        errors.setdefault("name", []).append(_("Give the agent's name."))
    if user is not None and agent.team_id is not None and not AGENT_WRITE.allows_team(user, agent.team_id):
        errors.setdefault("team", []).append(_("You cannot add agents to that team."))
    # A manager who could not open the agent's page is no manager of theirs.
    if (
        agent.manager_id is not None
        and agent.team_id is not None
        and not AGENT_READ.allows_team(agent.manager, agent.team_id)
    ):
        errors.setdefault("manager", []).append(_("The manager must be a team lead or HR user of the agent's team."))
    channels = agent.channels if isinstance(agent.channels, list) else None
    if channels is None or any(channel not in Channel.values for channel in channels):
        errors.setdefault("channels", []).append(
            _("Channels must be a list of: %(choices)s.") % {"choices": ", ".join(Channel.values)}
        )
    else:
        agent.channels = list(dict.fromkeys(channels))
    if agent.exit_date is None and agent.employment_status == EmploymentStatus.EXITED:
        errors.setdefault("employment_status", []).append(_("Record an exit to mark the agent as left."))
    try:
        agent.full_clean(exclude=[*errors, "hire", "candidate", "application"], validate_constraints=False)
    except ValidationError as exc:
        for key, messages in exc.message_dict.items():
            errors.setdefault(key, []).extend(messages)
    if agent.exit_date is not None and agent.hire_date is not None and agent.exit_date < agent.hire_date:
        errors.setdefault("exit_date", []).append(_("The exit date cannot be before the hire date."))
    if not errors and agent.employee_number and agent.hire_date:
        _periods_checked(agent, errors)
    if errors:
        raise _invalid(errors)


def _periods_checked(agent: Agent, errors: dict) -> None:
    """One person's employment periods do not overlap: a new period starts after the last one ended."""
    others = Agent.objects.filter(employee_number=agent.employee_number).exclude(pk=agent.pk)
    if others.filter(hire_date=agent.hire_date).exists():
        errors["hire_date"] = [_("This employee number already has an employment period starting on that date.")]
        return
    for other in others.only("hire_date", "exit_date"):
        ends_before = other.exit_date is not None and other.exit_date < agent.hire_date
        ends_first = agent.exit_date is not None and agent.exit_date < other.hire_date
        starts_after = other.hire_date > agent.hire_date and ends_first
        if not (ends_before or starts_after):
            errors["employee_number"] = [
                _("This employee number has another employment period at the same time (hired %(date)s).")
                % {"date": other.hire_date.isoformat()}
            ]
            return


def _saved(agent: Agent) -> Agent:
    try:
        with transaction.atomic():
            agent.save()
    except IntegrityError as exc:  # a concurrent save of the same period got there first
        raise _invalid(
            {"hire_date": [_("This employee number already has an employment period starting on that date.")]}
        ) from exc
    return agent


def agent_create(
    *,
    user,
    employee_number: str,
    name: str,
    team,
    hire_date: date,
    email: str = "",
    manager=None,
    role_profile=None,
    channels: list[str] | None = None,
    source: str = "",
    employment_status: str = EmploymentStatus.ACTIVE,
) -> Agent:
    agent = Agent(
        employee_number=employee_number,
        name=name,
        email=email,
        team=team,
        manager=manager,
        role_profile=role_profile,
        channels=list(channels or []),
        hire_date=hire_date,
        employment_status=employment_status,
        source=source,
    )
    errors = {} if team is not None else {"team": [_("Choose the agent's team.")]}
    _checked(agent, user=user, errors=errors)
    return _saved(agent)


def agent_update(*, agent: Agent, user, **changes) -> Agent:
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise _invalid({field: [_("This field cannot be changed here.")] for field in sorted(unknown)})
    for field, value in changes.items():
        setattr(agent, field, value)
    _checked(agent, user=user)
    return _saved(agent)


def _status_on(exit_date: date, current: str) -> str:
    # A future exit date is a notice period: the agent stays employed until then (agent_exits_due).
    if exit_date <= timezone.localdate():
        return EmploymentStatus.EXITED
    return EmploymentStatus.ACTIVE if current == EmploymentStatus.EXITED else current


def agent_exit(*, agent: Agent, user, exit_date: date | None, exit_type: str, exit_reason: str = "") -> Agent:
    errors: dict[str, list[str]] = {}
    if exit_date is None:
        errors["exit_date"] = [_("Give the last day of employment.")]
    elif exit_date < agent.hire_date:
        errors["exit_date"] = [_("The exit date cannot be before the hire date.")]
    if exit_type not in ExitType.values:
        errors["exit_type"] = [_("Say whether the exit was voluntary or involuntary.")]
    if exit_reason and exit_reason not in ExitReason.values:
        errors["exit_reason"] = [_("Choose one of the listed reasons.")]
    if errors:
        raise _invalid(errors)
    agent.exit_date, agent.exit_type, agent.exit_reason = exit_date, exit_type, exit_reason or ExitReason.OTHER
    agent.employment_status = _status_on(exit_date, agent.employment_status)
    _checked(agent, user=user)
    return _saved(agent)


def agent_rehire(
    *, agent: Agent, user, hire_date: date | None, team=None, manager=None, role_profile=None, source: str = ""
) -> Agent:
    """A new employment period for the person of `agent` (same employee number, name and e-mail)."""
    latest = Agent.objects.filter(employee_number=agent.employee_number).order_by("-hire_date", "-id").first()
    if latest.exit_date is None:
        raise _invalid({"hire_date": [_("The agent is still employed: record their exit first.")]})
    if hire_date is None or hire_date <= latest.exit_date:
        raise _invalid({"hire_date": [_("The new period must start after the last one ended.")]})
    return agent_create(
        user=user,
        employee_number=agent.employee_number,
        name=agent.name,
        email=agent.email,
        team=team or agent.team,
        manager=manager if manager is not None else agent.manager,
        role_profile=role_profile if role_profile is not None else agent.role_profile,
        channels=agent.channels,
        hire_date=hire_date,
        source=source or REHIRE_SOURCE,
    )


def agent_exits_due(*, today: date | None = None) -> int:
    """Agents whose notice period ended: their status becomes "left". Safe to run twice."""
    today = today or timezone.localdate()
    return (
        Agent.objects.filter(exit_date__lte=today)
        .exclude(employment_status=EmploymentStatus.EXITED)
        .update(employment_status=EmploymentStatus.EXITED, updated_at=timezone.now())
    )
