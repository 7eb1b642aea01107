"""The personal-data access log: ids and a category, written once, changed or deleted by nobody."""

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from servicefit.core.models import AccessLog
from servicefit.core.personal_data import (
    PersonalDataHandler,
    Subject,
    personal_data_category,
    personal_data_handler,
    personal_data_handler_register,
)
from servicefit.core.services import access_log


@pytest.fixture
def entry(db, hr_user):
    return AccessLog.objects.create(
        user=hr_user, action="view", category="candidate", target_type="assessments.invitation", target_id="7"
    )


def raw(sql: str):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)


def test_it_refuses_changes_and_deletion_through_the_orm(entry):
    with pytest.raises(PermissionDenied):
        AccessLog.objects.filter(id=entry.id).update(target_id="8")
    with pytest.raises(PermissionDenied):
        AccessLog.objects.filter(id=entry.id).delete()
    with pytest.raises(PermissionDenied):
        AccessLog.objects.all().delete()
    entry.target_id = "8"
    with pytest.raises(PermissionDenied):
        entry.save()
    with pytest.raises(PermissionDenied):
        entry.delete()
    with pytest.raises(PermissionDenied):
        AccessLog.objects.bulk_update([entry], ["target_id"])
    assert AccessLog.objects.values_list("target_id", flat=True).get() == "7"


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE core_accesslog SET target_id = '8'",
        "UPDATE core_accesslog SET user_id = NULL",
        "DELETE FROM core_accesslog",
    ],
)
def test_the_database_refuses_changes_and_deletion_in_raw_sql(entry, sql):
    with pytest.raises(DatabaseError, match="append-only"):
        raw(sql)
    assert AccessLog.objects.values_list("target_id", "user_id").get() == ("7", entry.user_id)


def test_raw_sql_may_still_add_rows(entry):
    raw(
        "INSERT INTO core_accesslog (action, category, target_type, target_id, at) "
        "VALUES ('view', 'candidate', 'assessments.invitation', '9', CURRENT_TIMESTAMP)"
    )
    assert AccessLog.objects.count() == 2


def test_the_admin_offers_no_add_change_or_delete(client, admin_user, entry):
    client.force_login(admin_user)
    listing = client.get("/admin/core/accesslog/")
    assert listing.status_code == 200
    assert b"delete_selected" not in listing.content
    assert b"/admin/core/accesslog/add/" not in listing.content
    assert client.get("/admin/core/accesslog/add/").status_code == 403
    assert client.get(f"/admin/core/accesslog/{entry.id}/delete/").status_code == 403
    assert client.post(f"/admin/core/accesslog/{entry.id}/delete/", {"post": "yes"}).status_code == 403
    assert client.post(f"/admin/core/accesslog/{entry.id}/change/", {"target_id": "8"}).status_code == 403
    bulk = client.post("/admin/core/accesslog/", {"action": "delete_selected", "_selected_action": [entry.id]})
    assert bulk.status_code in (200, 302)
    assert AccessLog.objects.values_list("target_id", flat=True).get() == "7"


def test_a_deleted_users_id_stays_in_the_log(client, admin_user, entry, hr_user):
    user_id = hr_user.id
    hr_user.delete()
    assert AccessLog.objects.get().user_id == user_id
    client.force_login(admin_user)
    listing = client.get("/admin/core/accesslog/")
    assert f"#{user_id}".encode() in listing.content


def test_it_holds_no_column_for_a_name_or_an_address():
    columns = {field.name for field in AccessLog._meta.get_fields()}
    assert columns == {"id", "user", "action", "category", "target_type", "target_id", "at"}


def test_it_refuses_to_log_a_model_no_handler_covers(hr_user):
    with pytest.raises(LookupError, match="register"):
        access_log(user=hr_user, action="view", target=hr_user)
    assert not AccessLog.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_flush_empties_the_log_and_keeps_it_append_only(hr_user):
    AccessLog.objects.create(user=hr_user, action="view", category="candidate", target_type="x.y", target_id="1")
    # As the test runner flushes between transactional tests (resetting sequences here would make the
    # rows restored by serialized_rollback collide with the next inserts on PostgreSQL).
    call_command("flush", interactive=False, verbosity=0, reset_sequences=False)
    assert not AccessLog.objects.exists()
    AccessLog.objects.create(action="view", category="candidate", target_type="x.y", target_id="2")
    with pytest.raises(DatabaseError, match="append-only"):
        raw("DELETE FROM core_accesslog")


# The registry -------------------------------------------------------------------------------------


def test_a_subject_needs_an_address_or_a_reference_and_ignores_case():
    assert Subject(email="  Sofie@Example.DK ").email == "sofie@example.dk"
    assert Subject(reference=3).reference == 3
    with pytest.raises(ValueError):
        Subject(email="  ")


def test_a_category_or_a_model_cannot_be_claimed_twice():
    from assessments.models import Invitation

    assert personal_data_category(Invitation) == "candidate"
    other = PersonalDataHandler(
        category="candidate", models=(), find=lambda s: [], export=lambda r: {}, erase=lambda r, u: None
    )
    with pytest.raises(ValueError, match="already registered"):
        personal_data_handler_register(other)
    thief = PersonalDataHandler(
        category="agent", models=(Invitation,), find=lambda s: [], export=lambda r: {}, erase=lambda r, u: None
    )
    with pytest.raises(ValueError, match="another personal-data category"):
        personal_data_handler_register(thief)


# The admin's words ---------------------------------------------------------------------------------


def test_the_admin_names_who_what_and_which_records_in_the_readers_language(client, admin_user, hr_user):
    # Were the raw codes "candidate", "assessments.invitation" and the username "henrik" in every language.
    from django.utils import translation

    from assessments.models import Invitation

    hr_user.first_name, hr_user.last_name = "Henrik", "Dahl"
    hr_user.save()
    AccessLog.objects.create(
        user=hr_user, action="export", category="candidate", target_type="assessments.invitation", target_id="7"
    )
    client.force_login(admin_user)
    listing = client.get("/admin/core/accesslog/", HTTP_ACCEPT_LANGUAGE="da").content.decode()
    with translation.override("da"):
        category = str(personal_data_handler("candidate").label)
        record_type = str(Invitation._meta.verbose_name)
        action = str(AccessLog.Action.EXPORT.label)
    rows = listing.split("<tbody>")[1].split("</tbody>")[0]
    for shown in ("Henrik Dahl", category, record_type.capitalize(), action):
        assert shown in rows, shown
    for raw_code in (">candidate<", "assessments.invitation", ">henrik<"):
        assert raw_code not in rows, raw_code
    filters = listing.split('id="changelist-filter"')[1]
    assert category in filters and record_type.capitalize() in filters
    assert ">candidate<" not in filters and "assessments.invitation<" not in filters


def test_the_admins_record_page_names_them_too(client, admin_user, entry):
    client.force_login(admin_user)
    page = client.get(f"/admin/core/accesslog/{entry.id}/change/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert page.count("Assessment invitations and answers") == 1 and "assessments.invitation" not in page


def test_it_filters_the_admins_log_by_category_and_record_type(client, admin_user, hr_user):
    AccessLog.objects.create(
        user=hr_user, action="view", category="candidate", target_type="assessments.invitation", target_id="7"
    )
    AccessLog.objects.create(
        user=hr_user, action="view", category="employee", target_type="workforce.agent", target_id="8"
    )
    client.force_login(admin_user)

    def shown(query: str) -> list[str]:
        response = client.get(f"/admin/core/accesslog/?{query}", HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 200
        return sorted(entry.target_id for entry in response.context["cl"].result_list)

    assert shown("") == ["7", "8"]
    assert shown("category=employee") == ["8"]
    assert shown("target_type=assessments.invitation") == ["7"]
    assert shown("category=candidate&target_type=workforce.agent") == []
