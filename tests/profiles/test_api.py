import pytest

from profiles.models import RoleProfile, RoleProfileTypeWeight

ADVISOR = "advisor-controller-led"


def new_profile(**overrides):
    body = {
        "slug": "chat-specialist",
        "name": "Chat specialist",
        "description": "Written channels only.",
        "type_weights": {"controller": "0.5", "empathizer": "0.2", "rock": "0.3"},
        "competencies": {"written_communication": 5, "de_escalation": 4},
    }
    return {**body, **overrides}


def test_it_lists_the_seven_service_types_in_four_languages(api, manager):
    response = api.as_user(manager).get("/api/service-types/")
    assert response.status_code == 200
    types = {t["code"]: t for t in response.json()["results"]}
    assert set(types) == {
        "accommodator",
        "competitor",
        "controller",
        "empathizer",
        "hard_worker",
        "innovator",
        "rock",
    }
    controller = types["controller"]
    assert set(controller["translations"]) == {"en", "da", "nb", "sv"}
    assert controller["translations"]["en"]["strengths"]
    assert isinstance(controller["translations"]["da"]["behavioural_markers"], list)


def test_it_names_types_in_the_requested_language(api, recruiter):
    client = api.as_user(recruiter)
    en = client.get("/api/service-types/controller/").json()
    da = client.get("/api/service-types/controller/", HTTP_ACCEPT_LANGUAGE="da").json()
    assert en["name"] == en["translations"]["en"]["name"]
    assert da["name"] == da["translations"]["da"]["name"]


def test_an_unknown_service_type_is_404(api, recruiter):
    response = api.as_user(recruiter).get("/api/service-types/salesman/")
    assert response.status_code == 404
    assert response.json()["message"]


def test_it_filters_markers_by_language_and_type(api, recruiter):
    response = api.as_user(recruiter).get("/api/markers/", {"language": "da", "type": "empathizer", "limit": 500})
    assert response.status_code == 200
    assert response.json()["count"] == len(response.json()["results"])
    markers = response.json()["results"]
    assert markers
    assert {(m["language"], m["type"], m["lexicon_version"]) for m in markers} == {("da", "empathizer", "v2")}
    assert "servicemindet" in {m["phrase"] for m in markers}


def test_it_refuses_an_unknown_marker_filter(api, recruiter):
    response = api.as_user(recruiter).get("/api/markers/", {"language": "de"})
    assert response.status_code == 400
    assert "language" in response.json()["extra"]["fields"]


def test_an_unknown_lexicon_version_is_404(api, recruiter):
    assert api.as_user(recruiter).get("/api/markers/", {"version": 99}).status_code == 404


def test_it_lists_competencies_with_five_anchors(api, hr_user):
    competencies = api.as_user(hr_user).get("/api/competencies/").json()["results"]
    assert len(competencies) >= 8
    for competency in competencies:
        assert list(competency["translations"]["sv"]["anchors"]) == ["1", "2", "3", "4", "5"]


def test_it_lists_the_role_profile_templates(api, manager):
    profiles = {p["slug"]: p for p in api.as_user(manager).get("/api/role-profiles/").json()["results"]}
    assert {ADVISOR, "classic-service-agent", "technical-support-specialist"} <= set(profiles)
    advisor = profiles[ADVISOR]
    assert advisor["is_template"] is True
    assert sum(advisor["type_weights"].values()) == pytest.approx(1.0)
    assert max(advisor["type_weights"], key=advisor["type_weights"].get) == "controller"
    classic = profiles["classic-service-agent"]
    assert max(classic["type_weights"], key=classic["type_weights"].get) == "empathizer"


def test_a_recruiter_creates_a_role_profile(api, recruiter):
    response = api.as_user(recruiter).post("/api/role-profiles/", new_profile(), format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["type_weights"] == {"controller": 0.5, "empathizer": 0.2, "rock": 0.3}
    assert body["competencies"] == {"de_escalation": 4, "written_communication": 5}
    assert RoleProfile.objects.get(slug="chat-specialist").created_by == recruiter


def test_it_refuses_weights_that_do_not_sum_to_one_and_saves_nothing(api, recruiter):
    response = api.as_user(recruiter).post(
        "/api/role-profiles/",
        new_profile(type_weights={"controller": "0.5", "empathizer": "0.2"}),
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["extra"]["fields"]["type_weights"] == [
        "The service-type weights must sum to 1 (they sum to 0.7)."
    ]
    assert not RoleProfile.objects.filter(slug="chat-specialist").exists()


def test_it_reports_every_problem_at_once(api, hr_user):
    response = api.as_user(hr_user).post(
        "/api/role-profiles/",
        new_profile(slug=ADVISOR, type_weights={"boss": "1"}, competencies={"juggling": 3, "de_escalation": 9}),
        format="json",
    )
    assert response.status_code == 400
    fields = response.json()["extra"]["fields"]
    assert "slug" in fields  # already taken
    assert fields["type_weights"] == ["Unknown service types: boss."]
    assert fields["competencies"] == [
        "Unknown competency: juggling.",
        "The target level of de_escalation must be a whole number from 1 to 5.",
    ]


def test_it_refuses_the_short_name_of_the_new_profile_page(api, hr_user):
    # /profiles/role-profiles/new/ is the form: a profile called "new" would have no page of its own.
    response = api.as_user(hr_user).post("/api/role-profiles/", new_profile(slug="new"), format="json")
    assert response.status_code == 400
    assert response.json()["extra"]["fields"]["slug"] == ["“new” is reserved: choose another short name."]
    assert not RoleProfile.objects.filter(slug="new").exists()


def test_it_refuses_a_description_longer_than_the_page_allows(api, hr_user):
    response = api.as_user(hr_user).post(
        "/api/role-profiles/", new_profile(description="ord " * 100_000), format="json"
    )
    assert response.status_code == 400
    assert response.json()["extra"]["fields"]["description"] == [
        "Keep the description to 1,000 characters or fewer (it has 399,999)."
    ]
    assert not RoleProfile.objects.filter(slug="chat-specialist").exists()


def test_it_refuses_malformed_input(api, recruiter):
    response = api.as_user(recruiter).post(
        "/api/role-profiles/", {"slug": "bad slug!", "type_weights": "x"}, format="json"
    )
    assert response.status_code == 400
    assert {"slug", "name", "type_weights", "competencies"} <= set(response.json()["extra"]["fields"])


def test_patch_changes_only_what_is_given(api, hr_user):
    client = api.as_user(hr_user)
    response = client.patch(f"/api/role-profiles/{ADVISOR}/", {"name": "Senior advisor"}, format="json")
    assert response.status_code == 200
    assert response.json()["name"] == "Senior advisor"
    assert sum(response.json()["type_weights"].values()) == pytest.approx(1.0)


def test_put_replaces_the_mix(api, admin_user):
    response = api.as_user(admin_user).put(
        f"/api/role-profiles/{ADVISOR}/",
        {
            "name": "Advisor",
            "type_weights": {"controller": "1"},
            "competencies": {"commercial_sense": 3},
        },
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["type_weights"] == {"controller": 1.0}
    assert RoleProfileTypeWeight.objects.filter(role_profile__slug=ADVISOR).count() == 1


def test_a_bad_update_leaves_the_profile_as_it_was(api, recruiter):
    client = api.as_user(recruiter)
    before = client.get(f"/api/role-profiles/{ADVISOR}/").json()
    response = client.put(
        f"/api/role-profiles/{ADVISOR}/",
        {"name": "Changed", "type_weights": {"controller": "0.9"}, "competencies": {}},
        format="json",
    )
    assert response.status_code == 400
    after = client.get(f"/api/role-profiles/{ADVISOR}/").json()
    assert after == before


def test_delete_removes_a_role_profile(api, recruiter):
    client = api.as_user(recruiter)
    client.post("/api/role-profiles/", new_profile(), format="json")
    assert client.delete("/api/role-profiles/chat-specialist/").status_code == 204
    assert client.get("/api/role-profiles/chat-specialist/").status_code == 404


def test_a_manager_may_read_but_not_write_role_profiles(api, manager):
    client = api.as_user(manager)
    assert client.get(f"/api/role-profiles/{ADVISOR}/").status_code == 200
    assert client.post("/api/role-profiles/", new_profile(), format="json").status_code == 403
    assert client.delete(f"/api/role-profiles/{ADVISOR}/").status_code == 403
    assert RoleProfile.objects.filter(slug=ADVISOR).exists()


def test_the_token_endpoint_gives_a_token_that_works(client, recruiter):
    response = client.post("/api/auth/token/", {"username": "rikke", "password": "pw-rikke"})
    assert response.status_code == 200
    token = response.json()["token"]
    assert client.get("/api/service-types/", HTTP_AUTHORIZATION=f"Token {token}").status_code == 200


def test_the_token_endpoint_refuses_a_wrong_password(client, recruiter):
    response = client.post("/api/auth/token/", {"username": "rikke", "password": "nope"})
    assert response.status_code == 400


def test_the_schema_and_docs_are_served_to_staff_without_a_cdn(client, recruiter):
    client.force_login(recruiter)
    schema = client.get("/api/schema/")
    assert schema.status_code == 200
    assert b"/api/role-profiles/" in schema.content
    docs = client.get("/api/docs/")
    assert docs.status_code == 200
    assert b"cdn" not in docs.content.lower()
