"""Candidates' personal data: export and erasure on request, and erasure after the retention period."""

import contextlib
import json
from datetime import timedelta
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from assessments import selectors, services
from assessments.models import Answer, Attempt, AttemptResult, Invitation, Item, ReviewerScore
from servicefit.core import personal_data as registry
from servicefit.core.exceptions import ApplicationError
from servicefit.core.models import AccessLog
from servicefit.core.personal_data import PersonalDataHandler, Subject
from servicefit.core.services import personal_data_erase, personal_data_find
from tests.i18n.pending import pending_translations

from . import factories

NAME = "Ingeborg Quistgaard"
EMAIL = "Ingeborg.Quistgaard@Example.dk"
WRITTEN = "Zebrafinch callback plan: I phone the customer back at 14:00 with the refund in place."
MARKERS = [NAME.lower(), "quistgaard", EMAIL.lower(), "zebrafinch", WRITTEN.lower()]
URL = "/api/personal-data/"


def person_with_everything(battery, hr_user, admin_user):
    """A submitted attempt with Likert, option and written answers, a result with text analysis,
    a reviewer's scores, admin history and access-log rows."""
    invitation = services.invitation_create(
        assessment=battery, email=EMAIL, name=NAME, language="en", user=hr_user, send=False
    )
    token = services.invitation_token(invitation)
    services.attempt_start(invitation=invitation, consent=True)
    for section in battery.sections.all():
        services.section_open(invitation=invitation, section_id=section.id)
    for item in factories.items_of(battery):
        if item.kind == Item.Kind.TEXT:
            value = f"{WRITTEN} ({item.key})"
        elif item.kind == Item.Kind.LIKERT:
            value = 2 if item.reverse else 4
        else:
            value = item.options.order_by("order").last().id
        services.answer_save(invitation=invitation, item_id=item.id, value=value)
    attempt = services.attempt_submit(invitation=invitation)
    written = Answer.objects.filter(attempt=attempt, item__kind=Item.Kind.TEXT).select_related("item").first()
    criteria = written.item.rubric["en"]
    services.review_save(answer=written, scores={str(i): 2 for i in range(len(criteria))}, reviewer=hr_user)
    for obj in (invitation, attempt):
        LogEntry.objects.create(
            user=admin_user,
            content_type=ContentType.objects.get_for_model(obj),
            object_id=str(obj.pk),
            object_repr=str(obj) if obj is not attempt else f"attempt of {NAME}",
            action_flag=CHANGE,
            change_message=json.dumps([{"changed": {"fields": ["name"]}, "note": f"was {NAME} <{EMAIL}>"}]),
        )
    return invitation, attempt, token


@pytest.fixture
def crowd(battery):
    items = factories.items_of(battery)
    return [factories.submitted_attempt(battery, number=n, likert=factories.noisy(n), items=items) for n in range(1, 6)]


@pytest.fixture
def person(battery, hr_user, admin_user):
    return person_with_everything(battery, hr_user, admin_user)


def listed(response) -> list:
    data = response.json()
    return data["results"] if isinstance(data, dict) else data  # paginated or not


def database_text() -> str:
    """Every value of every column of every table, JSON decoded (SQLite stores "ø" as "\\u00f8"),
    and every session's decoded contents; lower-cased."""
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 (names from the database itself)
            for row in cursor.fetchall():
                for value in row:
                    text = value.decode(errors="replace") if isinstance(value, bytes | memoryview) else str(value)
                    chunks.append(text)
                    if text[:1] in ("[", "{", '"'):
                        with contextlib.suppress(ValueError):  # not JSON: the text itself is searched
                            chunks.append(json.dumps(json.loads(text), ensure_ascii=False))
    chunks += [json.dumps(session.get_decoded(), ensure_ascii=False) for session in Session.objects.all()]
    return "\n".join(chunks).lower()


# The decisive test --------------------------------------------------------------------------------


def test_it_erases_a_person_so_that_no_table_holds_a_trace_and_the_statistics_stay(
    battery, crowd, person, hr_user, admin_user, client, api
):
    invitation, attempt, token = person
    # People looked at the person through pages, the API and the admin (access-log rows, sessions).
    client.force_login(hr_user)
    assert client.get(f"/assessments/invitations/{invitation.id}/").status_code == 200
    assert client.get("/assessments/").status_code == 200
    assert listed(api.as_user(hr_user).get("/api/invitations/", {"q": "quistgaard"}))[0]["name"] == NAME
    client.force_login(admin_user)
    assert client.get(f"/admin/assessments/invitation/{invitation.id}/change/").status_code == 200
    assert AccessLog.objects.filter(target_id=str(invitation.id)).count() >= 4
    assert AttemptResult.objects.get(attempt=attempt).text_analysis
    assert ReviewerScore.objects.filter(answer__attempt=attempt).exists()
    before = database_text()
    assert all(marker in before for marker in MARKERS), "the dump must see the data it looks for"
    statistics_before = services.psychometrics_compute(assessment_id=battery.id)
    norms_before = selectors.attempt_result(attempt=crowd[0])

    erased = personal_data_erase(subject=Subject(email=EMAIL.upper()), user=hr_user)

    assert erased == {"candidate": 1}
    model_tables = {model._meta.db_table for model in apps.get_models(include_auto_created=True)}
    assert model_tables | {"django_admin_log", "django_session"} <= set(connection.introspection.table_names())
    after = database_text()
    assert [marker for marker in MARKERS if marker in after] == []
    statistics_after = services.psychometrics_compute(assessment_id=battery.id)
    assert statistics_after.n_attempts == statistics_before.n_attempts == 6
    assert statistics_after.data == statistics_before.data
    norms_after = selectors.attempt_result(attempt=crowd[0])
    assert (norms_after["percentiles"], norms_after["stens"], norms_after["norm_group_size"]) == (
        norms_before["percentiles"],
        norms_before["stens"],
        norms_before["norm_group_size"],
    )
    # What stays: an anonymous placeholder with its closed answers; the link leads nowhere.
    placeholder = Invitation.objects.get(id=invitation.id)
    assert (placeholder.email, placeholder.name, placeholder.status) == ("", "—", "submitted")
    closed = Answer.objects.filter(attempt=attempt)
    assert closed.count() == Item.objects.exclude(kind=Item.Kind.TEXT).count()
    assert not closed.filter(item__kind=Item.Kind.TEXT).exists()
    with pytest.raises(ApplicationError) as excinfo:
        services.invitation_for_token(token)
    assert excinfo.value.status == 404
    log = AccessLog.objects.filter(action="erase").get()
    assert (log.user_id, log.category, log.target_id) == (hr_user.id, "candidate", str(invitation.id))
    assert LogEntry.objects.filter(object_id__in=[str(invitation.id), str(attempt.id)]).count() == 2


def test_it_does_not_find_an_erased_person_again(person, hr_user):
    personal_data_erase(subject=Subject(email=EMAIL), user=hr_user)
    with pytest.raises(ApplicationError) as excinfo:
        personal_data_erase(subject=Subject(email=EMAIL), user=hr_user)
    assert excinfo.value.status == 404


def test_it_erases_an_unsubmitted_invitation_entirely(battery, hr_user, invitation):
    services.attempt_start(invitation=invitation, consent=True)
    personal_data_erase(subject=Subject(email="SOFIE@example.dk"), user=hr_user)
    assert not Invitation.objects.exists() and not Attempt.objects.exists()


def test_it_leaves_record_references_to_hiring(person, hr_user):
    # A reference is a hiring candidate's id; invitations reach a candidate through hiring's links.
    invitation, _attempt, _token = person
    assert "candidate" not in personal_data_find(subject=Subject(reference=invitation.id))


# All or nothing -----------------------------------------------------------------------------------


def test_an_erasure_that_fails_in_one_app_leaves_everything_as_it_was(person, hr_user, monkeypatch):
    invitation, attempt, _token = person

    def refuse(records, user):
        raise RuntimeError("the other app cannot erase right now")

    failing = PersonalDataHandler(
        category="zz-test", models=(), find=lambda subject: [invitation], export=lambda records: {}, erase=refuse
    )
    monkeypatch.setitem(registry._handlers, "zz-test", failing)  # runs after the assessments handler
    answers_before = list(Answer.objects.filter(attempt=attempt).values_list("id", "value"))
    with pytest.raises(RuntimeError):
        personal_data_erase(subject=Subject(email=EMAIL), user=hr_user)
    kept = Invitation.objects.get(id=invitation.id)
    assert (kept.name, kept.email) == (NAME, EMAIL)
    assert list(Answer.objects.filter(attempt=attempt).values_list("id", "value")) == answers_before
    assert AttemptResult.objects.get(attempt=attempt).text_analysis
    assert ReviewerScore.objects.filter(answer__attempt=attempt).exists()
    assert LogEntry.objects.filter(object_repr__contains=NAME).exists()
    assert not AccessLog.objects.filter(action="erase").exists()


# Export -------------------------------------------------------------------------------------------


def test_it_exports_everything_held_and_logs_the_export(api, hr_user, person, battery):
    invitation, attempt, _token = person
    again = factories.invitation(battery, number=9)  # the same person, invited a second time
    Invitation.objects.filter(id=again.id).update(email=EMAIL.lower())
    response = api.as_user(hr_user).get(URL, {"email": EMAIL.lower()})
    assert response.status_code == 200
    document = response.json()
    assert document["subject"]["email"] == EMAIL.lower()
    first, second = document["data"]["candidate"]["invitations"]
    assert (first["id"], second["id"]) == (invitation.id, again.id)
    assert (first["name"], first["email"]) == (NAME, EMAIL)
    assert "candidate" not in first
    stored = dict(Answer.objects.filter(attempt=attempt).values_list("item__key", "value"))
    assert {answer["item"]: answer["value"] for answer in first["answers"]} == stored
    reviewed = [answer for answer in first["answers"] if answer["review"]]
    assert len(reviewed) == 1 and set(reviewed[0]["review"]["scores"].values()) == {2}
    result = AttemptResult.objects.get(attempt=attempt)
    assert first["result"]["text_analysis"] == result.text_analysis
    assert first["result"]["competency_scores"] == result.competency_scores
    assert first["submitted_at"] and first["consent_at"]
    assert (second["answers"], second["result"]) == ([], None)
    logged = AccessLog.objects.filter(action="export").values_list("user_id", "category", "target_id")
    assert sorted(logged) == sorted(
        [(hr_user.id, "candidate", str(invitation.id)), (hr_user.id, "candidate", str(again.id))]
    )


def test_the_invitation_endpoint_exports_and_erases_through_the_same_layer(api, hr_user, person):
    invitation, _attempt, _token = person
    data = api.as_user(hr_user).get(f"/api/invitations/{invitation.id}/").json()
    assert (data["name"], data["email"]) == (NAME, EMAIL)
    assert api.as_user(hr_user).delete(f"/api/invitations/{invitation.id}/").status_code == 204
    assert Invitation.objects.get(id=invitation.id).email == ""
    assert list(AccessLog.objects.order_by("id").values_list("action", flat=True)) == ["export", "erase"]


# Through the API ----------------------------------------------------------------------------------


def test_hr_erases_a_person_by_email_through_the_api(api, hr_user, person):
    invitation, _attempt, _token = person
    response = api.as_user(hr_user).delete(f"{URL}?email={EMAIL.lower()}")
    assert response.status_code == 200
    assert response.json()["erased"] == {"candidate": 1}
    assert Invitation.objects.get(id=invitation.id).name != NAME
    again = api.as_user(hr_user).delete(f"{URL}?email={EMAIL.lower()}")
    assert again.status_code == 404
    assert again.json() == {
        "message": "No personal data is held for this person.",
        "code": "not_found",
        "extra": {},
    }


def test_the_api_says_the_data_was_erased_in_the_callers_language(api, hr_user, person):
    # Was English in every language.
    with pending_translations("h-errors"):
        response = api.as_user(hr_user).delete(f"{URL}?email={EMAIL.lower()}", HTTP_ACCEPT_LANGUAGE="sv")
    assert response.status_code == 200
    assert response.json()["message"] == "Personens uppgifter har raderats."


def test_an_admin_may_export_and_erase_too(api, admin_user, invitation):
    assert api.as_user(admin_user).get(URL, {"email": "sofie@example.dk"}).status_code == 200
    assert api.as_user(admin_user).delete(f"{URL}?email=sofie@example.dk").status_code == 200
    assert not Invitation.objects.exists()


def test_an_unknown_address_is_a_plain_404_and_changes_nothing(api, hr_user, invitation):
    for method in ("get", "delete"):
        response = getattr(api.as_user(hr_user), method)(f"{URL}?email=nobody@example.dk")
        assert response.status_code == 404
        assert response.json()["message"] == "No personal data is held for this person."
    assert Invitation.objects.get().name == "Sofie Jensen"
    assert not AccessLog.objects.exists()


@pytest.mark.parametrize("query", ["", "?email=not-an-address", "?reference=abc", "?email="])
def test_a_request_without_a_usable_address_is_refused(api, hr_user, invitation, query):
    response = api.as_user(hr_user).delete(URL + query)
    assert response.status_code == 400
    assert response.json()["message"]
    assert Invitation.objects.exists()


@pytest.mark.parametrize("role", ["recruiter", "manager", "outsider"])
def test_other_roles_may_neither_export_nor_erase(api, request, invitation, role):
    client = api.as_user(request.getfixturevalue(role))
    assert client.get(URL, {"email": "sofie@example.dk"}).status_code == 403
    assert client.delete(f"{URL}?email=sofie@example.dk").status_code == 403
    assert client.get(f"/api/invitations/{invitation.id}/").status_code == 403
    assert Invitation.objects.get().email == "sofie@example.dk"
    assert not AccessLog.objects.exists()


def test_anonymous_requests_are_refused(client, invitation):
    assert client.get(URL, {"email": "sofie@example.dk"}).status_code == 401
    assert client.delete(f"{URL}?email=sofie@example.dk").status_code == 401
    assert Invitation.objects.get().email == "sofie@example.dk"


# From the command line ----------------------------------------------------------------------------


def test_the_command_exports_as_json_and_logs_who_asked(person, hr_user):
    out = StringIO()
    call_command("personal_data", "export", "--email", EMAIL.upper(), "--by", hr_user.username, stdout=out)
    [exported] = json.loads(out.getvalue())["data"]["candidate"]["invitations"]
    assert exported["email"] == EMAIL
    assert len(exported["answers"]) == Item.objects.count()
    log = AccessLog.objects.get()
    assert (log.user_id, log.action) == (hr_user.id, "export")


def test_the_command_erases_every_invitation_of_the_address_and_logs_who_did_it(battery, hr_user):
    first = factories.invitation(battery, number=1)
    second = factories.invitation(battery, number=1)  # the same person, invited again
    other = factories.invitation(battery, number=2)
    err = StringIO()
    call_command("personal_data", "erase", "--email", "candidate1@example.dk", "--by", "henrik", stderr=err)
    assert "2 candidate record(s)" in err.getvalue()
    assert list(Invitation.objects.all()) == [other]
    logged = AccessLog.objects.values_list("user_id", "action", "target_id")
    assert sorted(logged) == sorted([(hr_user.id, "erase", str(first.id)), (hr_user.id, "erase", str(second.id))])


@pytest.mark.parametrize("by", [None, "nobody", "inactive"])
def test_the_command_refuses_to_run_without_a_valid_user(invitation, hr_user, by):
    hr_user.is_active = by != "inactive"
    hr_user.save()
    args = ["personal_data", "erase", "--email", "sofie@example.dk"]
    if by is not None:
        args += ["--by", "henrik" if by == "inactive" else by]
    with pytest.raises(CommandError):
        call_command(*args, stderr=StringIO())
    assert Invitation.objects.exists()
    assert not AccessLog.objects.exists()


def test_the_command_refuses_an_unknown_address(invitation, hr_user):
    with pytest.raises(CommandError, match="nobody@example.dk"):
        call_command("personal_data", "export", "--email", "nobody@example.dk", "--by", "henrik")
    with pytest.raises(CommandError):
        call_command("personal_data", "erase", "--email", "nobody@example.dk", "--by", "henrik")
    assert Invitation.objects.exists()


def test_the_old_candidate_data_command_is_an_alias(person, hr_user):
    out = StringIO()
    call_command("candidate_data", EMAIL, "--export", "--by", "henrik", stdout=out)
    assert json.loads(out.getvalue())["data"]["candidate"]["invitations"][0]["name"] == NAME
    call_command("candidate_data", EMAIL, "--erase", "--by", "henrik", stderr=StringIO())
    assert not Invitation.objects.filter(email__iexact=EMAIL).exists()
    with pytest.raises(CommandError):
        call_command("candidate_data", "sofie@example.dk", "--erase")


# Retention ----------------------------------------------------------------------------------------


def test_data_past_the_retention_period_is_erased_and_recent_data_kept(battery, settings):
    settings.CANDIDATE_RETENTION_DAYS = 30
    now = timezone.now()
    items = factories.items_of(battery)

    def submitted_days_ago(number, days):
        attempt = factories.submitted_attempt(battery, number=number, items=items)
        Attempt.objects.filter(id=attempt.id).update(submitted_at=now - timedelta(days=days))
        return attempt.invitation_id

    def unused_expired_days_ago(number, days):
        invitation = factories.invitation(battery, number=number)
        Invitation.objects.filter(id=invitation.id).update(expires_at=now - timedelta(days=days))
        return invitation.id

    old_submitted = submitted_days_ago(1, 31)
    recent_submitted = submitted_days_ago(2, 29)
    old_unused = unused_expired_days_ago(3, 31)
    recent_unused = unused_expired_days_ago(4, 29)
    pending = factories.invitation(battery, number=5).id

    from assessments.personal_data import candidate_data_purge

    assert candidate_data_purge() == 2
    assert set(Invitation.objects.values_list("id", flat=True)) == {
        old_submitted,
        recent_submitted,
        recent_unused,
        pending,
    }
    placeholder = Invitation.objects.get(id=old_submitted)
    assert (placeholder.email, placeholder.name) == ("", "—")
    assert not Answer.objects.filter(attempt__invitation_id=old_submitted, item__kind=Item.Kind.TEXT).exists()
    assert Answer.objects.filter(attempt__invitation_id=recent_submitted, item__kind=Item.Kind.TEXT).exists()
    assert Invitation.objects.get(id=recent_submitted).email == "candidate2@example.dk"
    erased = AccessLog.objects.filter(action="erase").values_list("user_id", "target_id")
    assert sorted(erased) == sorted([(None, str(old_submitted)), (None, str(old_unused))])
    assert candidate_data_purge() == 0  # placeholders are not erased twice


def test_the_purge_task_runs_the_purge(battery, settings):
    settings.CANDIDATE_RETENTION_DAYS = 30
    invitation = factories.invitation(battery, number=1)
    Invitation.objects.filter(id=invitation.id).update(expires_at=timezone.now() - timedelta(days=31))
    from assessments.tasks import candidate_data_purge_task

    candidate_data_purge_task.delay()
    assert not Invitation.objects.exists()
    assert AccessLog.objects.get().action == "erase"


# In the Django admin ------------------------------------------------------------------------------


def test_admin_pages_that_show_people_log_every_record_shown(client, admin_user, person, crowd):
    invitation, attempt, _token = person
    client.force_login(admin_user)
    pages = {
        "/admin/assessments/invitation/": ("assessments.invitation", 6),
        f"/admin/assessments/invitation/{invitation.id}/change/": ("assessments.invitation", 1),
        "/admin/assessments/attempt/": ("assessments.attempt", 6),
        f"/admin/assessments/attempt/{attempt.id}/change/": ("assessments.attempt", 1),
        "/admin/assessments/attemptresult/": ("assessments.attemptresult", 6),
        f"/admin/assessments/attemptresult/{attempt.result.id}/change/": ("assessments.attemptresult", 1),
    }
    for url, (target_type, shown) in pages.items():
        before = AccessLog.objects.count()
        assert client.get(url).status_code == 200, url
        rows = AccessLog.objects.order_by("-id")[: AccessLog.objects.count() - before]
        assert [(r.user_id, r.action, r.category, r.target_type) for r in rows] == [
            (admin_user.id, "view", "candidate", target_type)
        ] * shown, url
    assert str(attempt.id) in AccessLog.objects.filter(target_type="assessments.attempt").values_list(
        "target_id", flat=True
    )


def test_the_admin_cannot_delete_people_only_erase_them(client, admin_user, person):
    invitation, attempt, _token = person
    client.force_login(admin_user)
    assert client.get(f"/admin/assessments/invitation/{invitation.id}/delete/").status_code == 403
    assert client.post(f"/admin/assessments/attempt/{attempt.id}/delete/", {"post": "yes"}).status_code == 403
    listing = client.get("/admin/assessments/invitation/")
    assert b'value="delete_selected"' not in listing.content
    assert b'value="erase_personal_data"' in listing.content
    selected = {"action": "erase_personal_data", "_selected_action": [invitation.id]}
    confirm = client.post("/admin/assessments/invitation/", selected)
    assert confirm.status_code == 200 and b"Erase the personal data of 1 record?" in confirm.content
    assert Invitation.objects.get(id=invitation.id).name == NAME  # asked, not done
    done = client.post("/admin/assessments/invitation/", {**selected, "post": "yes"})
    assert done.status_code == 302
    assert Invitation.objects.get(id=invitation.id).email == ""
    assert not LogEntry.objects.filter(object_repr__icontains="quistgaard").exists()
    assert not LogEntry.objects.filter(change_message__icontains="quistgaard").exists()
    log = AccessLog.objects.get(action="erase")
    assert (log.user_id, log.target_id) == (admin_user.id, str(invitation.id))


def test_the_invitation_list_logs_the_people_it_shows(client, api, recruiter, crowd):
    client.force_login(recruiter)
    assert client.get("/assessments/").status_code == 200
    shown = set(AccessLog.objects.values_list("target_id", flat=True))
    assert shown == {str(attempt.invitation_id) for attempt in crowd}
    before = AccessLog.objects.count()
    found = listed(api.as_user(recruiter).get("/api/invitations/", {"q": "candidate 3"}))
    rows = AccessLog.objects.order_by("-id")[: AccessLog.objects.count() - before]
    assert [(r.user_id, r.action, r.target_id) for r in rows] == [(recruiter.id, "view", str(found[0]["id"]))]
