"""Creating and editing a role profile in the browser: the mix in percent, the competencies' levels."""

import json
from decimal import Decimal

import pytest
from django.conf import settings
from django.utils import translation

from profiles.models import RoleProfile
from profiles.service_types import SERVICE_TYPES

ADVISOR = "advisor-controller-led"
MIX = {"controller": 40, "empathizer": 20, "rock": 10, "hard_worker": 10, "innovator": 10, "competitor": 10}


def form_data(*, name="Kunderådgiver, erhverv", slug="", mix=None, levels=None, description="") -> dict:
    data = {"name": name, "slug": slug, "description": description}
    data.update({f"weight_{code}": "" for code in SERVICE_TYPES})
    data.update({f"weight_{code}": str(value) for code, value in (MIX if mix is None else mix).items()})
    data.update({f"level_{code}": str(level) for code, level in (levels or {"dialogue_leadership": 4}).items()})
    return data


def weights_of(role_profile: RoleProfile) -> dict[str, Decimal]:
    return {w.service_type.code: w.weight for w in role_profile.type_weights.select_related("service_type")}


def levels_of(role_profile: RoleProfile) -> dict[str, int]:
    return {c.competency.code: c.target_level for c in role_profile.competencies.select_related("competency")}


def test_it_offers_every_service_type_and_competency_and_the_radar(client, recruiter):
    client.force_login(recruiter)
    response = client.get("/profiles/role-profiles/new/")
    content = response.content.decode()
    assert response.status_code == 200
    assert all(f'name="weight_{code}"' in content for code in SERVICE_TYPES)
    assert content.count('name="level_') == 10
    assert "<canvas data-live-radar" in content and "profiles/role_profile_form.js" in content
    assert "<script>" not in content  # the strict CSP allows no inline script; data comes as JSON
    chart = json.loads(content.split('<script id="mix-data" type="application/json">', 1)[1].split("</script>")[0])
    # In the framework's order, the same as the fields beside the radar.
    assert chart["labels"] == [
        "Controller",
        "Empathizer",
        "Rock",
        "Hard Worker",
        "Innovator",
        "Competitor",
        "Accommodator",
    ]


def test_a_recruiter_creates_a_role_profile_in_percent(client, recruiter):
    client.force_login(recruiter)
    response = client.post(
        "/profiles/role-profiles/new/",
        form_data(
            mix={**MIX, "controller": "33.3", "empathizer": "26.7"}, levels={"de_escalation": 3, "resilience": 5}
        ),
    )
    role_profile = RoleProfile.objects.get(slug="kunderaadgiver-erhverv")
    assert response.status_code == 302 and response.url == "/profiles/role-profiles/kunderaadgiver-erhverv/"
    assert role_profile.name == "Kunderådgiver, erhverv" and role_profile.created_by == recruiter
    assert weights_of(role_profile) == {
        "controller": Decimal("0.333"),
        "empathizer": Decimal("0.267"),
        "rock": Decimal("0.1"),
        "hard_worker": Decimal("0.1"),
        "innovator": Decimal("0.1"),
        "competitor": Decimal("0.1"),
    }
    assert levels_of(role_profile) == {"de_escalation": 3, "resilience": 5}


def test_hr_creates_one_with_a_slug_of_their_own(client, hr_user):
    client.force_login(hr_user)
    client.post("/profiles/role-profiles/new/", form_data(name="Salg", slug="salg-udgaaende"))
    assert RoleProfile.objects.filter(slug="salg-udgaaende", name="Salg").exists()


def test_it_starts_a_new_profile_from_another(client, recruiter):
    client.force_login(recruiter)
    response = client.get(f"/profiles/role-profiles/new/?from={ADVISOR}")
    form = response.context["form"]
    assert form["weight_controller"].value() == 40 and form["level_dialogue_leadership"].value() == 5
    assert form["name"].value() == ""


@pytest.mark.parametrize(
    ("mix", "message"),
    [
        ({"controller": 50, "empathizer": 40}, "The service-type weights must add up to 100 % (they add up to 90 %)."),
        ({"controller": 70, "empathizer": "45.5"}, "(they add up to 115.5 %)"),
        ({}, "Give at least one service type a weight."),
    ],
)
def test_it_refuses_a_mix_that_does_not_make_100_percent(client, recruiter, mix, message):
    client.force_login(recruiter)
    response = client.post("/profiles/role-profiles/new/", form_data(mix=mix))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not RoleProfile.objects.filter(slug="kunderaadgiver-erhverv").exists()


def test_it_accepts_thirds_as_the_api_does(client, recruiter):
    client.force_login(recruiter)
    client.post("/profiles/role-profiles/new/", form_data(mix={"controller": 33.3, "empathizer": 33.3, "rock": 33.3}))
    assert RoleProfile.objects.filter(slug="kunderaadgiver-erhverv").exists()


def test_it_puts_each_refusal_on_its_field(client, recruiter):
    client.force_login(recruiter)
    response = client.post(
        "/profiles/role-profiles/new/",
        form_data(name="", slug=ADVISOR, mix={**MIX, "controller": 140}, levels={"resilience": 7}),
    )
    errors = response.context["form"].errors
    assert set(errors) == {"name", "weight_controller", "level_resilience"}
    assert RoleProfile.objects.count() == 3


def test_it_shows_the_services_refusal_of_a_slug_in_use(client, recruiter):
    client.force_login(recruiter)
    response = client.post("/profiles/role-profiles/new/", form_data(slug=ADVISOR))
    assert response.status_code == 200
    assert response.context["form"].errors["slug"] == ["Role profile with this Slug already exists."]
    assert RoleProfile.objects.get(slug=ADVISOR).name == "Advisor (Controller-led)"


def test_it_refuses_a_description_of_a_book_and_saves_nothing(client, recruiter):
    # 400,000 characters were saved and then shown on every page that lists the profile.
    client.force_login(recruiter)
    response = client.post("/profiles/role-profiles/new/", form_data(description="ord " * 100_000))
    assert response.status_code == 200
    assert response.context["form"].errors["description"] == [
        "Ensure this value has at most 1000 characters (it has 399999)."
    ]
    assert 'maxlength="1000"' in response.content.decode()
    assert not RoleProfile.objects.filter(slug="kunderaadgiver-erhverv").exists()


def test_it_refuses_the_slug_of_the_new_profile_page(client, recruiter):
    client.force_login(recruiter)
    response = client.post("/profiles/role-profiles/new/", form_data(name="New"))
    assert "slug" in response.context["form"].errors
    assert not RoleProfile.objects.filter(slug="new").exists()


def test_the_edit_page_shows_the_profile_in_percent(client, recruiter):
    client.force_login(recruiter)
    form = client.get(f"/profiles/role-profiles/{ADVISOR}/edit/").context["form"]
    assert {code: form[f"weight_{code}"].value() for code in ("controller", "empathizer", "accommodator")} == {
        "controller": 40,
        "empathizer": 15,
        "accommodator": 5,
    }
    assert form["level_dialogue_leadership"].value() == 5 and form["level_resilience"].value() is None
    assert "slug" not in form.fields


def test_editing_the_mix_keeps_the_translated_name(client, hr_user):
    client.force_login(hr_user)
    response = client.post(
        f"/profiles/role-profiles/{ADVISOR}/edit/",
        form_data(
            name="Advisor (Controller-led)",
            description=RoleProfile.objects.get(slug=ADVISOR).description,
            mix={"controller": 60, "competitor": 40},
            levels={"commercial_sense": 5},
        ),
    )
    role_profile = RoleProfile.objects.get(slug=ADVISOR)
    assert response.status_code == 302
    assert weights_of(role_profile) == {"controller": Decimal("0.6"), "competitor": Decimal("0.4")}
    assert levels_of(role_profile) == {"commercial_sense": 5}
    assert role_profile.name_in("da") == "Rådgiver (Controller-ledet)"


def test_renaming_replaces_the_translations(client, recruiter):
    client.force_login(recruiter)
    client.post(f"/profiles/role-profiles/{ADVISOR}/edit/", form_data(name="Rådgiver, privat"))
    role_profile = RoleProfile.objects.get(slug=ADVISOR)
    assert role_profile.name_in("da") == role_profile.name_in("sv") == "Rådgiver, privat"


def test_an_invalid_edit_changes_nothing(client, recruiter):
    client.force_login(recruiter)
    before = weights_of(RoleProfile.objects.get(slug=ADVISOR))
    response = client.post(f"/profiles/role-profiles/{ADVISOR}/edit/", form_data(mix={"controller": 99}))
    assert response.status_code == 200 and "they add up to 99 %" in response.content.decode()
    assert weights_of(RoleProfile.objects.get(slug=ADVISOR)) == before


def test_editors_find_the_forms_and_readers_do_not(client, recruiter, manager):
    client.force_login(recruiter)
    assert 'href="/profiles/role-profiles/new/"' in client.get("/profiles/").content.decode()
    assert (
        f'href="/profiles/role-profiles/{ADVISOR}/edit/"'
        in client.get(f"/profiles/role-profiles/{ADVISOR}/").content.decode()
    )
    client.force_login(manager)
    assert 'href="/profiles/role-profiles/new/"' not in client.get("/profiles/").content.decode()
    assert "/edit/" not in client.get(f"/profiles/role-profiles/{ADVISOR}/").content.decode()


@pytest.mark.parametrize("url", ["/profiles/role-profiles/new/", f"/profiles/role-profiles/{ADVISOR}/edit/"])
def test_it_refuses_a_manager_and_sends_anonymous_visitors_to_log_in(client, manager, url):
    response = client.post(url, form_data(name="Leder", mix={"controller": 100}))
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")
    client.force_login(manager)
    assert client.get(url).status_code == 403
    assert client.post(url, form_data(name="Leder", mix={"controller": 100})).status_code == 403
    assert not RoleProfile.objects.filter(slug="leder").exists()
    assert weights_of(RoleProfile.objects.get(slug=ADVISOR))["controller"] == Decimal("0.4")


@pytest.fixture
def danish(client):
    client.cookies["django_language"] = "da"
    yield
    # The locale middleware leaves the request's language active in this thread: later tests expect English.
    translation.activate(settings.LANGUAGE_CODE)


def test_a_danish_recruiter_edits_the_danish_wording_and_the_other_languages_stay(client, recruiter, danish):
    client.force_login(recruiter)
    form = client.get(f"/profiles/role-profiles/{ADVISOR}/edit/").context["form"]
    assert form["name"].value() == "Rådgiver (Controller-ledet)"
    assert form["description"].value().startswith("Rådgivende frontlinjerolle")

    client.post(
        f"/profiles/role-profiles/{ADVISOR}/edit/",
        form_data(name=form["name"].value(), description=form["description"].value(), mix={"controller": 100}),
    )
    role_profile = RoleProfile.objects.get(slug=ADVISOR)
    assert weights_of(role_profile) == {"controller": Decimal("1")}
    assert (
        role_profile.name_in("sv") == "Rådgivare (Controller-ledd)" and role_profile.name == "Advisor (Controller-led)"
    )
