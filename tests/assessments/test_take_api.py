"""Taking an assessment through the API, as the candidate pages and the load benchmark do."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone, translation

from assessments import services, timing
from assessments.models import Answer, Attempt, Invitation, Item

from .conftest import answer_for


def start(client, token):
    return client.post(f"/api/take/{token}/start/", {"consent": True}, content_type="application/json")


def put(client, token, item_id, value):
    return client.put(f"/api/take/{token}/answers/{item_id}/", {"value": value}, content_type="application/json")


def open_part(client, token, section_id):
    return client.post(f"/api/take/{token}/sections/{section_id}/open/")


def open_all_parts(client, token):
    for section_id in Attempt.objects.get().layout["sections"]:
        assert open_part(client, token, section_id).status_code == 200


def answer_everything(client, token, battery):
    open_all_parts(client, token)
    for item in Item.objects.filter(section__assessment=battery).prefetch_related("options"):
        assert put(client, token, item.id, answer_for(item)).status_code == 200


def test_the_invitation_email_is_in_the_candidates_language(invitation, token):
    [message] = mail.outbox
    assert message.to == ["sofie@example.dk"]
    assert "Kære Sofie Jensen" in message.body  # Danish, the candidate's language
    assert f"/take/{token}/" in message.body
    assert invitation.sent_at is None or Invitation.objects.get(id=invitation.id).sent_at


def test_staff_create_an_invitation_and_get_the_link(api, recruiter, battery, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = api.as_user(recruiter).post(
            "/api/invitations/",
            {"assessment": battery.slug, "email": "ola@example.no", "name": "Ola Nordmann", "language": "nb"},
            format="json",
        )
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"id", "token", "url", "expires_at"}
    assert body["url"].endswith(f"/take/{body['token']}/")
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("field", "value"), [("email", "not-an-address"), ("language", "de"), ("assessment", "no-such"), ("name", "")]
)
def test_a_bad_invitation_is_refused_and_nothing_is_sent(api, recruiter, battery, field, value):
    body = {"assessment": battery.slug, "email": "a@example.se", "name": "Anna", "language": "sv", field: value}
    response = api.as_user(recruiter).post("/api/invitations/", body, format="json")
    assert response.status_code == 400
    assert not Invitation.objects.exists()
    assert not mail.outbox


def test_a_whole_attempt_from_start_to_result(client, api, hr_user, battery, token, invitation):
    view = client.get(f"/api/take/{token}/").json()
    assert view["started"] is False and view["language"] == "da"
    assert start(client, token).status_code == 201
    answer_everything(client, token, battery)
    response = client.post(f"/api/take/{token}/submit/")
    assert response.status_code == 200
    attempt = Attempt.objects.get()
    result = api.as_user(hr_user).get(f"/api/attempts/{attempt.id}/result/").json()
    assert set(result["type_scores"]) == {
        "accommodator",
        "competitor",
        "controller",
        "empathizer",
        "hard_worker",
        "innovator",
        "rock",
    }
    assert result["top_type"] in result["type_scores"]
    assert result["competency_scores"]
    assert "percentiles" in result


def test_the_same_answer_twice_is_one_answer(client, battery, token):
    start(client, token)
    item = Item.objects.filter(section__assessment=battery, kind="likert").first()
    assert put(client, token, item.id, 2).status_code == 200
    assert put(client, token, item.id, 5).status_code == 200
    assert list(Answer.objects.values_list("value", flat=True)) == [5]


def test_each_attempt_gets_its_own_order(client, battery, recruiter, token):
    start(client, token)
    other = services.invitation_create(
        assessment=battery, email="b@example.dk", name="B", language="en", user=recruiter
    )
    start(client, services.invitation_token(other))
    first, second = Attempt.objects.order_by("id")
    assert sorted(map(sorted, first.layout["items"].values())) == sorted(map(sorted, second.layout["items"].values()))
    assert first.layout["items"] != second.layout["items"]


@pytest.mark.parametrize(
    ("value", "kind"),
    [(0, "likert"), (6, "likert"), ("3", "likert"), (True, "likert"), (999999, "sjt"), ("x" * 5001, "text")],
)
def test_out_of_range_values_are_refused_and_earlier_answers_kept(client, battery, token, value, kind):
    start(client, token)
    open_all_parts(client, token)
    item = Item.objects.filter(section__assessment=battery, kind=kind).first()
    assert put(client, token, item.id, answer_for(item)).status_code == 200
    response = put(client, token, item.id, value)
    assert response.status_code == 422
    assert response.json()["message"]
    assert Answer.objects.get(item=item).value == answer_for(item)


def test_an_item_of_another_assessment_is_refused(client, token):
    start(client, token)
    assert put(client, token, 10**9, 3).status_code == 404


def test_answering_before_starting_is_refused(client, battery, token):
    item = Item.objects.filter(section__assessment=battery).first()
    assert put(client, token, item.id, 3).status_code == 409


def test_consent_is_required(client, token):
    response = client.post(f"/api/take/{token}/start/", {"consent": False}, content_type="application/json")
    assert response.status_code == 400
    assert not Attempt.objects.exists()


def test_submit_with_open_questions_names_them_and_keeps_everything(client, battery, token):
    start(client, token)
    item = Item.objects.filter(section__assessment=battery, kind="likert").first()
    put(client, token, item.id, 4)
    response = client.post(f"/api/take/{token}/submit/")
    assert response.status_code == 400
    missing = response.json()["extra"]["missing_items"]
    assert item.id not in missing and len(missing) == Item.objects.filter(section__assessment=battery).count() - 1
    assert Answer.objects.count() == 1
    assert Attempt.objects.get().submitted_at is None


def test_after_submit_the_attempt_is_read_only(client, battery, token):
    start(client, token)
    answer_everything(client, token, battery)
    assert client.post(f"/api/take/{token}/submit/").status_code == 200
    item = Item.objects.filter(section__assessment=battery, kind="likert").first()
    response = put(client, token, item.id, 1)
    assert response.status_code == 409
    assert client.post(f"/api/take/{token}/submit/").status_code == 409
    assert client.get(f"/api/take/{token}/").json()["submitted"] is True


def test_an_answer_after_the_deadline_is_refused(client, battery, token):
    start(client, token)
    timed = Item.objects.filter(section__assessment=battery, section__time_limit_seconds__isnull=False).first()
    assert open_part(client, token, timed.section_id).status_code == 200  # starts the section's clock
    assert put(client, token, timed.id, answer_for(timed)).status_code == 200
    attempt = Attempt.objects.get()
    opened = timezone.now() - timedelta(seconds=timed.section.time_limit_seconds + timing.GRACE_SECONDS + 1)
    attempt.section_started[str(timed.section_id)] = opened.isoformat()
    attempt.save()
    response = put(client, token, timed.id, answer_for(timed))
    assert response.status_code == 409
    # The invitation is Danish: the message is shown on a Danish page (it was English before).
    with translation.override("da"):
        time_up = translation.gettext("The time for this part is up; this answer was not saved.")
    assert response.json()["message"] == time_up


@pytest.mark.parametrize(
    ("change", "status"),
    [
        ({"status": Invitation.Status.REVOKED}, 410),
        ({"expires_at": timezone.now() - timedelta(minutes=1)}, 410),
    ],
)
def test_revoked_and_expired_links_are_refused(client, invitation, token, change, status):
    Invitation.objects.filter(id=invitation.id).update(**change)
    response = client.get(f"/api/take/{token}/")
    assert response.status_code == status
    assert response.json()["message"]


def test_a_tampered_token_is_unknown(client, token):
    assert client.get(f"/api/take/{token[:-1]}x/").status_code == 404


def test_the_staff_detail_shows_keys(api, hr_user, battery):
    data = api.as_user(hr_user).get(f"/api/assessments/{battery.slug}/").json()
    items = [item for section in data["sections"] for item in section["items"]]
    likert = [i for i in items if i["kind"] == "likert"]
    assert {i["scale"] for i in likert} >= {"controller", "empathizer"}
    assert any(i["reverse"] for i in likert)
    sjt = next(i for i in items if i["kind"] == "sjt")
    assert all(o["scores"] for o in sjt["options"])
