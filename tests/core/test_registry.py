from django.contrib.auth.models import Group

from servicefit.core import registry
from servicefit.core.roles import Role


def test_it_lists_the_areas_each_app_registered_in_their_order():
    assert [area.namespace for area in registry.areas()] == [
        "profiles",
        "hiring",
        "assessments",
        "workforce",
        "staffing",
    ]


def test_it_shows_a_manager_only_the_areas_their_role_opens(client, manager):
    client.force_login(manager)
    response = client.get("/")
    assert [area["app"] for area in response.context["nav_areas"]] == ["profiles", "hiring", "workforce", "staffing"]
    assert b'href="/assessments/"' not in response.content


def test_it_keeps_the_people_area_from_recruiters(client, recruiter):
    client.force_login(recruiter)
    response = client.get("/")
    assert "workforce" not in [area["app"] for area in response.context["nav_areas"]]
    assert b'href="/workforce/"' not in response.content


def test_it_renders_each_registered_home_panel(client, hr_user):
    client.force_login(hr_user)
    content = client.get("/").content.decode()
    assert "service types" in content  # the profiles panel counts the framework
    assert 'href="/hiring/"' in content and 'href="/assessments/"' in content


def test_it_gives_the_admin_role_the_registered_apps_models(db, admin_user):
    labels = set(Group.objects.get(name=Role.ADMIN).permissions.values_list("content_type__app_label", flat=True))
    assert registry.admin_app_labels() <= labels
    assert {"profiles", "hiring", "assessments", "auth", "core"} <= labels


def test_it_runs_the_demo_loaders_in_order():
    # The pipeline demo comes after the assessments demo: its applicants are scored against that battery.
    assert [loader.name for loader in registry.demo_loaders()] == [
        "hiring",
        "assessments",
        "hiring-pipeline",
        "workforce",
        "staffing",
        "assessments-statistics",  # last: the item analysis counts every demo's attempts
    ]
