import csv
import io

import pytest

from hiring import fit_settings, ranking_views
from hiring.models import FitRecord
from servicefit.core.models import AccessLog
from servicefit.core.roles import Role
from tests.hiring.fitting import (
    IN_BAND,
    ONE_LEVEL_SHORT,
    apply,
    assessed,
    assessed_and_stored,
    battery_with_norms,
    requisition_make,
)


@pytest.fixture
def battery(db):
    return battery_with_norms()


@pytest.fixture
def requisition(recruiter, manager):
    return requisition_make(recruiter, hiring_manager=manager)


@pytest.fixture
def ranked(requisition, battery, recruiter):
    applications = [
        apply(requisition, recruiter, 1, name="Ulla Udvurderet"),
        apply(requisition, recruiter, 2, name="Anna Andersen"),
        apply(requisition, recruiter, 3, name="Bo Berg"),
    ]
    assessed_and_stored(applications[1], battery, recruiter, competencies=IN_BAND)  # 75.0, good
    assessed_and_stored(applications[2], battery, recruiter, competencies=ONE_LEVEL_SHORT, days_ago=400)  # stale
    return applications


def url(requisition) -> str:
    return f"/hiring/requisitions/{requisition.id}/ranking/"


def test_it_shows_each_application_with_its_reasons_in_words(client, requisition, ranked, recruiter):
    client.force_login(recruiter)
    page = client.get(url(requisition)).content.decode()

    assert page.index("Anna Andersen") < page.index("Bo Berg") < page.index("Ulla Udvurderet")
    assert "The ranking advises; a person decides." in page
    assert "75.0 · good" in page
    assert "Service types" in page and "Competencies" in page and "Contribution" in page
    assert "stale" in page and "not yet scorable" in page and "a finished assessment" in page
    assert "Biggest gaps" in page and "What would change this:" in page
    assert "Fit version: fit-v1" in page
    assert "De-escalation" in page and "de_escalation" not in page  # codes are shown as words
    assert ">not_scorable<" not in page


def test_every_application_shown_is_written_to_the_access_log(client, requisition, ranked, recruiter):
    client.force_login(recruiter)
    before = AccessLog.objects.count()
    client.get(url(requisition))
    logged = AccessLog.objects.order_by("id")[before:]
    assert sorted(int(row.target_id) for row in logged) == sorted(a.id for a in ranked)
    assert {(row.target_type, row.user_id, row.category) for row in logged} == {
        ("hiring.application", recruiter.id, "applicant")
    }


def test_it_filters_by_label_and_status(client, requisition, ranked, recruiter):
    client.force_login(recruiter)
    stale = client.get(url(requisition) + "?status=stale").content.decode()
    assert "Bo Berg" in stale and "Anna Andersen" not in stale and "Ulla" not in stale
    good = client.get(url(requisition) + "?label=good").content.decode()
    assert "Anna Andersen" in good and "Ulla" not in good
    odd = client.get(url(requisition) + "?label=superb")
    assert odd.status_code == 200 and "Ulla Udvurderet" in odd.content.decode()  # an unknown filter is ignored


def test_it_pages_through_the_ranking(client, requisition, ranked, recruiter, monkeypatch):
    monkeypatch.setattr(ranking_views, "PAGE_SIZE", 2)
    client.force_login(recruiter)
    first = client.get(url(requisition)).content.decode()
    second = client.get(url(requisition) + "?page=2").content.decode()
    assert "Anna Andersen" in first and "Ulla Udvurderet" not in first
    assert "3. Ulla Udvurderet" in second and "Anna Andersen" not in second


def test_the_csv_has_a_row_per_application_in_ranking_order(client, requisition, ranked, recruiter):
    client.force_login(recruiter)
    before = AccessLog.objects.count()
    response = client.get(f"/hiring/requisitions/{requisition.id}/ranking.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode().lstrip("\ufeff"))))
    assert [(r["position"], r["candidate"], r["fit"], r["label"], r["status"]) for r in rows] == [
        ("1", "Anna Andersen", "75.0", "good", "scored"),
        ("2", "Bo Berg", rows[1]["fit"], rows[1]["label"], "stale"),
        ("3", "Ulla Udvurderet", "", "", "not yet scorable"),
    ]
    assert rows[0]["fit_version"] == "fit-v1"
    assert AccessLog.objects.count() - before == 3


def test_recompute_scores_the_ranking_again(
    client, requisition, ranked, battery, recruiter, django_capture_on_commit_callbacks
):
    assessed(ranked[0], battery, recruiter, competencies=IN_BAND)  # submitted; the stored record is older
    client.force_login(recruiter)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/hiring/requisitions/{requisition.id}/ranking/refresh/")
    assert response.status_code == 302 and response.url == url(requisition)
    assert FitRecord.objects.get(application=ranked[0]).fit == 75.0


def test_it_links_to_the_settings_and_shows_the_version_in_use(client, requisition, ranked, recruiter, manager):
    fit_settings.fit_setting_save(
        role_profile=requisition.role_profile,
        user=recruiter,
        **fit_settings.fit_setting_defaults(requisition.role_profile),
    )
    client.force_login(recruiter)
    page = client.get(url(requisition)).content.decode()
    assert "Fit version: advisor-controller-led-v1" in page
    assert "/hiring/role-profiles/advisor-controller-led/fit-settings/" in page
    client.force_login(manager)
    page = client.get(url(requisition)).content.decode()
    assert "fit-settings" not in page  # a manager reads the ranking but does not edit the settings
    assert "Record the decision" in page  # ... and, as the requisition's hiring manager, decides


def test_the_hiring_manager_of_the_team_sees_it_and_others_do_not(
    client, requisition, ranked, outsider, other_team_users
):
    assert client.get(url(requisition)).status_code == 302  # to the login page
    client.force_login(outsider)
    assert client.get(url(requisition)).status_code == 403
    for role in (Role.RECRUITER, Role.MANAGER):
        client.force_login(other_team_users[role])
        assert client.get(url(requisition)).status_code == 404
        assert client.get(f"/hiring/requisitions/{requisition.id}/ranking.csv").status_code == 404
        assert client.post(f"/hiring/requisitions/{requisition.id}/ranking/refresh/").status_code == 404
    client.force_login(other_team_users[Role.HR])
    assert client.get(url(requisition)).status_code == 200  # HR reaches every team


def test_a_manager_who_is_not_the_hiring_manager_sees_no_decision_buttons(client, requisition, ranked):
    from tests.conftest import make_user

    client.force_login(make_user("mikkel", Role.MANAGER))
    page = client.get(url(requisition)).content.decode()
    assert "Anna Andersen" in page and "Record the decision" not in page


def test_the_ranking_api_reads_under_ranking_read_with_filters(api, requisition, ranked, manager):
    body = api.as_user(manager).get(f"/api/requisitions/{requisition.id}/ranking/?status=stale").json()
    assert [r["candidate"]["name"] for r in body["results"]] == ["Bo Berg"]
    assert body["results"][0]["status"] == "stale"
    bad = api.as_user(manager).get(f"/api/requisitions/{requisition.id}/ranking/?label=superb")
    assert bad.status_code == 400
