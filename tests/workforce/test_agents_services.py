from datetime import date, timedelta

import pytest
from django.utils import timezone

from servicefit.core.exceptions import ApplicationError
from servicefit.core.teams import team_default
from tests.conftest import make_user
from workforce import agents as services
from workforce.models import Agent

from .agent_factories import agent_make


def fields_of(exc) -> set:
    return set(exc.value.extra["fields"])


def test_it_creates_an_agent_with_tidy_values(hr_user, manager):
    agent = agent_make(
        hr_user, employee_number="  E 1 ", name=" Sofie   Holm ", manager=manager, channels=["phone", "chat", "phone"]
    )
    agent.refresh_from_db()
    assert (agent.employee_number, agent.name, agent.manager, agent.channels) == (
        "E 1",
        "Sofie Holm",
        manager,
        ["phone", "chat"],
    )
    assert agent.employment_status == "active"


def test_it_refuses_bad_input_naming_every_field_and_writes_nothing(hr_user):
    with pytest.raises(ApplicationError) as exc:
        services.agent_create(
            user=hr_user,
            employee_number=" ",
            name="",
            email="not-an-address",
            team=team_default(),
            hire_date=date(2024, 1, 1),
            channels=["fax"],
        )
    assert {"employee_number", "name", "email", "channels"} <= fields_of(exc)
    assert not Agent.objects.exists()


def test_it_refuses_a_manager_who_cannot_see_the_team(hr_user, recruiter, other_team_users):
    with pytest.raises(ApplicationError) as exc:
        agent_make(hr_user, manager=recruiter)
    assert fields_of(exc) == {"manager"}
    with pytest.raises(ApplicationError):
        agent_make(hr_user, manager=other_team_users["manager"])


def test_it_refuses_a_second_period_that_overlaps(hr_user):
    agent_make(hr_user, employee_number="E1", hire_date=date(2023, 1, 1))
    with pytest.raises(ApplicationError) as exc:
        agent_make(hr_user, 2, employee_number="E1", hire_date=date(2023, 1, 1))
    assert fields_of(exc) == {"hire_date"}
    with pytest.raises(ApplicationError) as exc:
        agent_make(hr_user, 2, employee_number="E1", hire_date=date(2024, 1, 1))
    assert fields_of(exc) == {"employee_number"}


def test_an_exit_needs_a_date_on_or_after_the_hire_and_a_type(hr_user):
    agent = agent_make(hr_user, hire_date=date(2024, 3, 1))
    with pytest.raises(ApplicationError) as exc:
        services.agent_exit(agent=agent, user=hr_user, exit_date=date(2024, 2, 28), exit_type="")
    assert fields_of(exc) == {"exit_date", "exit_type"}
    with pytest.raises(ApplicationError) as exc:
        services.agent_exit(agent=agent, user=hr_user, exit_date=None, exit_type="voluntary", exit_reason="bored")
    assert fields_of(exc) == {"exit_date", "exit_reason"}
    agent.refresh_from_db()
    assert (agent.exit_date, agent.employment_status) == (None, "active")

    services.agent_exit(
        agent=agent, user=hr_user, exit_date=date(2024, 3, 1), exit_type="voluntary", exit_reason="studies"
    )
    agent.refresh_from_db()
    assert (agent.exit_date, agent.exit_type, agent.exit_reason, agent.employment_status) == (
        date(2024, 3, 1),
        "voluntary",
        "studies",
        "exited",
    )


def test_an_exit_in_the_future_is_a_notice_period_until_the_nightly_task(hr_user):
    today = timezone.localdate()
    agent = agent_make(hr_user, hire_date=date(2024, 3, 1))
    services.agent_exit(agent=agent, user=hr_user, exit_date=today + timedelta(days=30), exit_type="voluntary")
    agent.refresh_from_db()
    assert (agent.employment_status, agent.exit_reason) == ("active", "other")
    assert services.agent_exits_due(today=today) == 0
    assert services.agent_exits_due(today=today + timedelta(days=30)) == 1
    assert services.agent_exits_due(today=today + timedelta(days=30)) == 0
    agent.refresh_from_db()
    assert agent.employment_status == "exited"


def test_a_rehire_is_a_new_period_after_the_last_one_ended(hr_user, manager):
    first = agent_make(hr_user, hire_date=date(2022, 1, 10), manager=manager, channels=["chat"])
    with pytest.raises(ApplicationError, match="still employed"):
        services.agent_rehire(agent=first, user=hr_user, hire_date=date(2023, 1, 1))
    services.agent_exit(agent=first, user=hr_user, exit_date=date(2022, 12, 31), exit_type="voluntary")
    with pytest.raises(ApplicationError) as exc:
        services.agent_rehire(agent=first, user=hr_user, hire_date=date(2022, 12, 31))
    assert fields_of(exc) == {"hire_date"}

    second = services.agent_rehire(agent=first, user=hr_user, hire_date=date(2023, 6, 1))

    assert second.id != first.id
    assert (second.employee_number, second.name, second.email, second.manager, second.channels) == (
        first.employee_number,
        first.name,
        first.email,
        manager,
        ["chat"],
    )
    assert (second.hire_date, second.exit_date, second.source) == (date(2023, 6, 1), None, "rehire")
    first.refresh_from_db()
    assert first.exit_date == date(2022, 12, 31)


def test_edits_refuse_unknown_fields_and_a_status_of_left_without_an_exit(hr_user):
    agent = agent_make(hr_user)
    with pytest.raises(ApplicationError):
        services.agent_update(agent=agent, user=hr_user, exit_date=date(2025, 1, 1))
    with pytest.raises(ApplicationError) as exc:
        services.agent_update(agent=agent, user=hr_user, employment_status="exited")
    assert fields_of(exc) == {"employment_status"}
    services.agent_update(agent=agent, user=hr_user, name="Sofie Holm", employment_status="on_leave")
    agent.refresh_from_db()
    assert (agent.name, agent.employment_status) == ("Sofie Holm", "on_leave")


def test_a_manager_of_the_team_is_accepted(hr_user):
    lead = make_user("lene", "manager")
    agent = agent_make(hr_user, manager=lead)
    assert agent.manager == lead
