"""The home page's counts cost the same number of queries however much work waits."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext

from servicefit.core.roles import Role
from servicefit.core.teams import team_default

from . import home_data
from .test_home import AT_RISK, BELOW_TARGET, TO_REVIEW, WAITING, WITHOUT_CANDIDATES, dashboard


def some_of_everything(recruiter, hr_user, team, start: int, count: int) -> None:
    for number in range(start, start + count):
        home_data.invitation_sent(recruiter, number, expires_in=timedelta(hours=20))
        home_data.job_ad_below_target(recruiter, f"Annonce {number}")
        home_data.requisition(recruiter, f"Stilling {number}")
    home_data.submitted_with_written_answers(recruiter, start + 1000)
    home_data.agents_with_risk(hr_user, team, [0.5] * count, start=start)


def test_the_query_count_stays_flat_as_the_work_grows(
    client,
    recruiter,
    hr_user,
    manager,
    other_team_users,
    other_team,
    django_assert_max_num_queries,
    django_capture_on_commit_callbacks,
):
    other_recruiter = other_team_users[Role.RECRUITER]
    with django_capture_on_commit_callbacks(execute=True):
        some_of_everything(recruiter, hr_user, team_default(), start=1, count=1)
    baseline = {}
    for user in (hr_user, recruiter, manager):
        client.force_login(user)
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/").status_code == 200
        baseline[user.username] = len(queries)

    with django_capture_on_commit_callbacks(execute=True):
        some_of_everything(recruiter, hr_user, team_default(), start=100, count=6)
        some_of_everything(other_recruiter, hr_user, other_team, start=200, count=6)
    for user in (hr_user, recruiter, manager):
        client.force_login(user)
        with django_assert_max_num_queries(baseline[user.username]):
            assert client.get("/").status_code == 200

    # The same requests did count the new records.
    counts = {url: count for url, (count, _label) in dashboard(client, hr_user).items()}
    assert counts[WAITING] == counts[BELOW_TARGET] == counts[WITHOUT_CANDIDATES] == 13
    assert counts[TO_REVIEW] == 3 and counts[AT_RISK] == 13
