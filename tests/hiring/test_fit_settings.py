import pytest

from hiring import fit_records, fit_settings, ranking
from hiring.models import FitRecord, FitSetting
from profiles.models import RoleProfile
from servicefit.core.exceptions import ApplicationError
from tests.hiring.fitting import IN_BAND, ROLE, apply, assessed_and_stored, battery_with_norms, requisition_make

GOOD = {
    "service_types_weight": 0.5,
    "competencies_weight": 0.5,
    "cover_letter_weight": 0.1,
    "strong_from": 80.0,
    "good_from": 65.0,
    "partial_from": 50.0,
    "hurdles": {},
    "stale_after_days": 365,
}


@pytest.fixture
def role(db):
    return RoleProfile.objects.get(slug=ROLE)


def save(role, user, **changes):
    return fit_settings.fit_setting_save(role_profile=role, user=user, **(GOOD | changes))


def test_it_saves_each_change_as_the_next_version_and_keeps_the_old_ones(role, recruiter):
    first = save(role, recruiter)
    second = save(role, recruiter, competencies_weight=0.7, hurdles={"de_escalation": 3})

    assert (first.number, first.version, second.number, second.version) == (1, f"{ROLE}-v1", 2, f"{ROLE}-v2")
    first.refresh_from_db()
    assert (first.competencies_weight, first.hurdles) == (0.5, {})
    assert (second.competencies_weight, second.hurdles, second.created_by) == (0.7, {"de_escalation": 3}, recruiter)
    assert fit_settings.fit_setting_defaults(role)["competencies_weight"] == 0.7


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"service_types_weight": -0.1}, "service_types_weight", "below 0"),
        ({"service_types_weight": 0, "competencies_weight": 0}, "competencies_weight", "above 0"),
        ({"cover_letter_weight": 0.3}, "cover_letter_weight", "at most 0.25"),
        ({"strong_from": 60.0}, "strong_from", "above “good”"),
        ({"good_from": 45.0}, "good_from", "above “partial”"),
        ({"partial_from": 0}, "partial_from", "above 0"),
        ({"strong_from": 101}, "strong_from", "at most 100"),
        ({"good_from": 65.55}, "good_from", "one decimal"),
        ({"hurdles": {"written_communication": 3}}, "hurdles", "not one of this role's competencies"),
        ({"hurdles": {"de_escalation": 6}}, "hurdles", "from 1 to 5"),
        ({"hurdles": {"de_escalation": 0}}, "hurdles", "from 1 to 5"),
        ({"stale_after_days": 0}, "stale_after_days", "from 1 to"),
    ],
)
def test_it_refuses_bad_settings_with_a_message_per_field_and_writes_nothing(role, recruiter, changes, field, words):
    with pytest.raises(ApplicationError) as refused:
        save(role, recruiter, **changes)
    fields = refused.value.extra["fields"]
    assert field in fields, fields
    assert any(words in message for message in fields[field]), fields[field]
    assert not FitSetting.objects.exists()


def test_a_hurdle_caps_the_label_and_the_ranking_names_the_version_it_used(
    role, recruiter, django_capture_on_commit_callbacks
):
    battery = battery_with_norms()
    requisition = requisition_make(recruiter)
    application = apply(requisition, recruiter, 1)
    # Every competency inside its band, de-escalation at 41 (level 3): "good" (75.0) with the defaults.
    assessed_and_stored(application, battery, recruiter, competencies=IN_BAND)
    [row] = list(ranking.requisition_ranking(requisition=requisition))
    assert (row.fit["label"], row.fit["fit_version"], row.fit["hurdles"]) == ("good", "fit-v1", [])

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        save(role, recruiter, good_from=70.0, hurdles={"de_escalation": 4})
    assert len(callbacks) == 1  # the open requisition is scored again once the version is saved

    record = FitRecord.objects.get(application=application)
    assert (record.fit_version, record.label) == (f"{ROLE}-v1", "partial")
    [row] = list(ranking.requisition_ranking(requisition=requisition))
    assert row.fit["fit"] == 75.0
    assert row.fit["hurdles"] == [
        {"competency": "de_escalation", "required_level": 4, "level": 3, "score": 50.0, "met": False}
    ]
    assert row.fit["what_would_change"]["code"] == "de_escalation"


def test_a_new_version_is_used_on_the_next_read_even_before_the_task_has_run(role, recruiter):
    battery = battery_with_norms()
    requisition = requisition_make(recruiter)
    assessed_and_stored(apply(requisition, recruiter, 1), battery, recruiter, competencies=IN_BAND)
    save(role, recruiter, good_from=76.0)  # no on-commit callbacks run in this test: the task never ran

    [row] = list(ranking.requisition_ranking(requisition=requisition))
    assert (row.fit["fit_version"], row.fit["fit"], row.fit["label"]) == (f"{ROLE}-v1", 75.0, "partial")


def test_many_outdated_records_keep_their_version_and_a_refresh_is_enqueued(
    role, recruiter, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(fit_records, "OUTDATED_ON_THE_FLY", 1)
    battery = battery_with_norms()
    requisition = requisition_make(recruiter)
    for n in range(2):
        assessed_and_stored(apply(requisition, recruiter, n), battery, recruiter, competencies=IN_BAND)
    save(role, recruiter, good_from=76.0)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        rows = list(ranking.requisition_ranking(requisition=requisition))
    assert [(row.fit["fit_version"], row.fit["label"]) for row in rows] == [("fit-v1", "good")] * 2
    assert len(callbacks) == 1  # the requisition's refresh

    with django_capture_on_commit_callbacks(execute=True):
        callbacks[0]()
    rows = list(ranking.requisition_ranking(requisition=requisition))
    assert [(row.fit["fit_version"], row.fit["label"]) for row in rows] == [(f"{ROLE}-v1", "partial")] * 2


# API ----------------------------------------------------------------------------------------------


def test_the_api_lists_versions_and_creates_the_next(api, role, recruiter):
    client = api.as_user(recruiter)
    url = f"/api/role-profiles/{ROLE}/fit-settings/"
    created = client.post(url, GOOD | {"hurdles": {"de_escalation": 3}}, format="json")
    assert created.status_code == 201, created.json()
    assert (created.json()["version"], created.json()["hurdles"]) == (f"{ROLE}-v1", {"de_escalation": 3})
    client.post(f"/api/role-profiles/{role.id}/fit-settings/", GOOD, format="json")  # by id as well as by slug

    listed = client.get(f"/api/role-profiles/{ROLE}/fit-settings/").json()
    assert listed["count"] == 2
    assert [v["version"] for v in listed["results"]] == [f"{ROLE}-v2", f"{ROLE}-v1"]
    assert listed["results"][1]["created_by"] == recruiter.username


def test_the_api_answers_400_with_the_fields_and_404_for_an_unknown_role(api, recruiter):
    client = api.as_user(recruiter)
    bad = client.post(f"/api/role-profiles/{ROLE}/fit-settings/", GOOD | {"strong_from": 10.0}, format="json")
    assert bad.status_code == 400
    assert "strong_from" in bad.json()["extra"]["fields"]
    assert client.get("/api/role-profiles/no-such-role/fit-settings/").status_code == 404
    assert not FitSetting.objects.exists()


def test_managers_read_the_settings_but_do_not_change_them(api, role, manager, outsider):
    url = f"/api/role-profiles/{ROLE}/fit-settings/"
    assert api.get(url).status_code == 401
    assert api.as_user(outsider).get(url).status_code == 403
    managers = api.as_user(manager)
    assert managers.get(url).status_code == 200
    assert managers.post(url, GOOD, format="json").status_code == 403
    assert not FitSetting.objects.exists()


# Page ---------------------------------------------------------------------------------------------


def form_data(**changes) -> dict:
    values = {k: v for k, v in GOOD.items() if k != "hurdles"} | changes
    return {k: str(v) for k, v in values.items()}


def test_the_page_saves_a_version_and_returns_to_the_ranking(client, role, recruiter):
    requisition = requisition_make(recruiter)
    client.force_login(recruiter)
    url = f"/hiring/role-profiles/{ROLE}/fit-settings/"
    page = client.get(url + f"?requisition={requisition.id}")
    assert page.status_code == 200
    assert "De-escalation" in page.content.decode() or "de-escalation" in page.content.decode().lower()

    response = client.post(url, form_data(hurdle_de_escalation="3", requisition=requisition.id))
    assert response.status_code == 302
    assert response.url == f"/hiring/requisitions/{requisition.id}/ranking/"
    setting = FitSetting.objects.get()
    assert (setting.number, setting.hurdles) == (1, {"de_escalation": 3})
    assert f"{ROLE}-v1" in client.get(url).content.decode()


def test_the_page_shows_what_is_wrong_and_saves_nothing(client, role, recruiter):
    client.force_login(recruiter)
    response = client.post(f"/hiring/role-profiles/{ROLE}/fit-settings/", form_data(good_from="40"))
    assert response.status_code == 200
    assert "“Good” must start above “partial”." in response.content.decode()
    assert not FitSetting.objects.exists()


def test_the_page_is_for_those_who_edit_the_framework(client, role, manager):
    url = f"/hiring/role-profiles/{ROLE}/fit-settings/"
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(manager)
    assert client.get(url).status_code == 403
    assert client.post(url, form_data()).status_code == 403
    assert not FitSetting.objects.exists()


def test_the_admin_shows_an_old_version_read_only(client, role, admin_user, recruiter):
    setting = save(role, recruiter)
    client.force_login(admin_user)
    url = f"/admin/hiring/fitsetting/{setting.id}/change/"
    assert client.get(url).status_code == 200
    client.post(url, form_data(competencies_weight="0.9", role_profile=role.id))
    setting.refresh_from_db()
    assert setting.competencies_weight == 0.5
