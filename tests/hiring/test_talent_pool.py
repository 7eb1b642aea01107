import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from assessments.api import TakeAddressThrottle, TakeTokenThrottle
from hiring import talent_pool
from hiring.models import Candidate, TalentPoolEntry
from hiring.tasks import candidate_retention_task
from servicefit.core.exceptions import ApplicationError
from servicefit.core.models import AccessLog

from .privacy_factories import apply, candidate_make, pooled, requisition_make

SUBJECTS = {
    "en": "Would you like to stay in our talent pool?",
    "da": "Vil du fortsat være i vores talentbank?",
    "nb": "Vil du fortsatt være i talentbanken vår?",
    "sv": "Vill du finnas kvar i vår talangbank?",
}
LINK = re.compile(r"http\S+/talent-pool/(\S+)/")


# Adding ----------------------------------------------------------------------------------------------


def test_it_keeps_a_consent_for_twelve_months_with_its_text_version(recruiter):
    entry = pooled(recruiter, candidate_make(recruiter))
    assert entry.consent_text_version == "pool-v1" and entry.added_by == recruiter
    assert 365 <= (entry.consent_expires_at - entry.consent_given_at).days <= 366


def test_it_refuses_a_consent_without_text_version_in_the_future_or_already_run_out(recruiter):
    candidate = candidate_make(recruiter)
    now = timezone.now()
    for version, given, field in (
        (" ", None, "consent_text_version"),
        ("v1", now + timedelta(days=2), "consent_given_at"),
        ("v1", now - timedelta(days=400), "consent_given_at"),
    ):
        with pytest.raises(ApplicationError) as excinfo:
            talent_pool.talent_pool_add(
                user=recruiter, candidate=candidate, consent_text_version=version, consent_given_at=given
            )
        assert set(excinfo.value.extra["fields"]) == {field}
    assert not TalentPoolEntry.objects.exists()


def test_it_refuses_the_same_candidate_twice(recruiter):
    candidate = candidate_make(recruiter)
    pooled(recruiter, candidate)
    with pytest.raises(ApplicationError) as excinfo:
        pooled(recruiter, candidate)
    assert excinfo.value.status == 409


# The renewal e-mail and the candidate's page -------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "da", "nb", "sv"])
def test_it_asks_for_renewal_in_the_candidates_language_once(client, recruiter, language):
    candidate = candidate_make(recruiter, language=language)
    pooled(recruiter, candidate, expires_in_days=20)
    pooled(recruiter, candidate_make(recruiter, 2), expires_in_days=90)  # not due yet
    candidate_retention_task.delay()
    candidate_retention_task.delay()
    [message] = mail.outbox
    assert message.to == [candidate.email] and message.subject == SUBJECTS[language]
    assert candidate.name in message.body
    page = client.get(f"/talent-pool/{LINK.search(message.body).group(1)}/")
    assert page.status_code == 200 and f'<html lang="{language}">'.encode() in page.content
    assert TalentPoolEntry.objects.get(candidate=candidate).renewal_requested_at is not None


def test_a_failed_send_is_tried_again_on_the_next_run(recruiter, monkeypatch):
    entry = pooled(recruiter, candidate_make(recruiter), expires_in_days=20)

    def refuse(self, fail_silently=False):
        raise OSError("SMTP down")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)
    with pytest.raises(OSError):
        talent_pool.talent_pool_renewal_request(entry_id=entry.id)
    entry.refresh_from_db()
    assert entry.renewal_requested_at is None
    monkeypatch.undo()
    assert talent_pool.talent_pool_renewal_request(entry_id=entry.id) is True
    assert len(mail.outbox) == 1


def link_of(entry) -> str:
    return f"/talent-pool/{talent_pool.talent_pool_token(entry)}/"


def test_the_candidate_renews_on_their_page_in_their_language(client, recruiter):
    entry = pooled(recruiter, candidate_make(recruiter, language="sv"), expires_in_days=10)
    page = client.get(link_of(entry))
    assert page.status_code == 200 and b'<html lang="sv">' in page.content
    assert page["Cache-Control"] == "no-store"
    assert client.post(link_of(entry), {"action": "renew"}).status_code == 200
    entry.refresh_from_db()
    assert entry.renewed_at is not None and entry.renewal_requested_at is None
    assert entry.consent_expires_at > timezone.now() + timedelta(days=360)


def test_the_candidate_withdraws_and_leaves_the_pool(client, recruiter):
    entry = pooled(recruiter, candidate_make(recruiter, language="nb"))
    response = client.post(link_of(entry), {"action": "withdraw"})
    assert response.status_code == 200 and b'<html lang="nb">' in response.content
    assert not TalentPoolEntry.objects.exists()
    assert client.get(link_of(entry)).status_code == 404


def test_a_post_without_a_choice_changes_nothing(client, recruiter):
    entry = pooled(recruiter, candidate_make(recruiter))
    assert client.post(link_of(entry), {"action": "maybe"}).status_code == 400
    assert TalentPoolEntry.objects.get(id=entry.id).renewed_at is None


def test_the_page_refuses_a_wrong_or_tampered_link(client, recruiter):
    entry = pooled(recruiter, candidate_make(recruiter))
    token = talent_pool.talent_pool_token(entry)
    tampered = token[:-1] + ("0" if token[-1] != "0" else "1")
    for url in (f"/talent-pool/{tampered}/", "/talent-pool/nothing-here/", f"/talent-pool/{token}x/"):
        assert client.get(url).status_code == 404, url
    assert client.get(f"/talent-pool/{tampered}/?lang=da").content.count(b'<html lang="da">') == 1


def test_the_page_says_gone_in_the_candidates_language_when_the_consent_ran_out(client, recruiter):
    entry = pooled(recruiter, candidate_make(recruiter, language="da"), expires_in_days=-1)
    response = client.get(link_of(entry))
    assert response.status_code == 410 and b'<html lang="da">' in response.content
    assert client.post(link_of(entry), {"action": "renew"}).status_code == 410
    assert TalentPoolEntry.objects.get(id=entry.id).renewed_at is None


def test_the_page_is_rate_limited_per_link_and_per_address(client, recruiter, monkeypatch):
    entry = pooled(recruiter, candidate_make(recruiter))
    monkeypatch.setitem(TakeTokenThrottle.THROTTLE_RATES, TakeTokenThrottle.scope, "2/min")
    assert [client.get(link_of(entry)).status_code for _ in range(3)] == [200, 200, 429]
    monkeypatch.setitem(TakeAddressThrottle.THROTTLE_RATES, TakeAddressThrottle.scope, "3/min")
    statuses = [client.get(f"/talent-pool/guess{n}.{'0' * 32}/").status_code for n in range(5)]
    assert statuses[-1] == 429


def test_without_renewal_the_candidate_is_erased_unless_an_application_keeps_them(recruiter):
    gone = candidate_make(recruiter, 1)
    pooled(recruiter, gone, expires_in_days=-1)
    kept = candidate_make(recruiter, 2)
    pooled(recruiter, kept, expires_in_days=-1)
    apply(recruiter, kept, requisition_make(recruiter))
    Candidate.objects.filter(id__in=[gone.id, kept.id]).update(created_at=timezone.now() - timedelta(days=400))
    candidate_retention_task.delay()
    assert list(Candidate.objects.values_list("id", flat=True)) == [kept.id]
    assert not TalentPoolEntry.objects.exists()


# Staff pages -------------------------------------------------------------------------------------------


def test_the_list_shows_the_teams_pool_filters_it_and_logs_who_was_shown(client, recruiter, other_team_users):
    soon = pooled(recruiter, candidate_make(recruiter, 1, language="da", source="referral"), expires_in_days=10)
    later = pooled(recruiter, candidate_make(recruiter, 2, language="sv", source="job_board"))
    other = candidate_make(other_team_users["recruiter"], 3)
    pooled(other_team_users["recruiter"], other)
    client.force_login(recruiter)
    page = client.get("/hiring/talent-pool/")
    assert page.status_code == 200
    text = page.content.decode()
    assert soon.candidate.name in text and later.candidate.name in text and other.name not in text
    logged = set(AccessLog.objects.filter(action="view").values_list("target_id", flat=True))
    assert logged == {str(soon.candidate_id), str(later.candidate_id)}
    assert later.candidate.name not in client.get("/hiring/talent-pool/?expiring=on").content.decode()
    assert soon.candidate.name not in client.get("/hiring/talent-pool/?language=sv").content.decode()
    assert later.candidate.name not in client.get("/hiring/talent-pool/?source=referral").content.decode()
    assert "Nobody in the talent pool matches" in client.get("/hiring/talent-pool/?language=en").content.decode()


def test_the_list_has_an_empty_state(client, recruiter):
    client.force_login(recruiter)
    assert "The talent pool is empty" in client.get("/hiring/talent-pool/").content.decode()


def test_a_recruiter_adds_from_a_candidate_and_removes(client, recruiter):
    candidate = candidate_make(recruiter)
    client.force_login(recruiter)
    assert client.get(f"/hiring/talent-pool/add/{candidate.id}/").status_code == 200
    refused = client.post(f"/hiring/talent-pool/add/{candidate.id}/", {"consent_text_version": ""})
    assert refused.status_code == 400 and not TalentPoolEntry.objects.exists()
    added = client.post(f"/hiring/talent-pool/add/{candidate.id}/", {"consent_text_version": "pool-2026"})
    assert added.status_code == 302
    entry = TalentPoolEntry.objects.get(candidate=candidate)
    assert client.post(f"/hiring/talent-pool/{entry.id}/remove/").status_code == 302
    assert not TalentPoolEntry.objects.exists() and Candidate.objects.filter(id=candidate.id).exists()


def test_staff_pages_refuse_anonymous_wrong_role_and_other_team(client, recruiter, manager, other_team_users):
    candidate = candidate_make(recruiter)
    entry = pooled(recruiter, candidate)
    anonymous = client.get("/hiring/talent-pool/")
    assert anonymous.status_code == 302 and anonymous.url.startswith("/accounts/login/")
    client.force_login(manager)
    assert client.get("/hiring/talent-pool/").status_code == 403
    assert client.post(f"/hiring/talent-pool/{entry.id}/remove/").status_code == 403
    client.force_login(other_team_users["recruiter"])
    assert client.post(f"/hiring/talent-pool/add/{candidate.id}/", {"consent_text_version": "x"}).status_code == 404
    assert client.post(f"/hiring/talent-pool/{entry.id}/remove/").status_code == 404
    assert TalentPoolEntry.objects.filter(id=entry.id).exists()


# API ---------------------------------------------------------------------------------------------------


def test_the_api_lists_adds_and_deletes(api, recruiter):
    candidate = candidate_make(recruiter)
    client = api.as_user(recruiter)
    created = client.post("/api/talent-pool/", {"candidate": candidate.id, "consent_text_version": "v2"}, format="json")
    assert created.status_code == 201, created.json()
    assert created.json()["candidate"]["id"] == candidate.id and created.json()["consent_text_version"] == "v2"
    listed = client.get("/api/talent-pool/").json()
    assert listed["count"] == 1 and listed["results"][0]["id"] == created.json()["id"]
    again = client.post("/api/talent-pool/", {"candidate": candidate.id, "consent_text_version": "v2"}, format="json")
    assert again.status_code == 409
    assert client.delete(f"/api/talent-pool/{created.json()['id']}/").status_code == 204
    assert client.get("/api/talent-pool/").json()["count"] == 0


def test_the_api_refuses_bad_input_another_team_a_wrong_role_and_anonymous(api, recruiter, manager, other_team_users):
    candidate = candidate_make(recruiter)
    entry = pooled(recruiter, candidate)
    assert api.get("/api/talent-pool/").status_code == 401
    bad = api.as_user(recruiter).post("/api/talent-pool/", {"candidate": candidate.id}, format="json")
    assert bad.status_code == 400
    assert api.as_user(manager).get("/api/talent-pool/").status_code == 403
    outsider = api.as_user(other_team_users["recruiter"])
    assert outsider.get("/api/talent-pool/").json()["count"] == 0
    assert outsider.delete(f"/api/talent-pool/{entry.id}/").status_code == 404
    posted = outsider.post("/api/talent-pool/", {"candidate": candidate.id, "consent_text_version": "v"}, format="json")
    assert posted.status_code == 404
    assert TalentPoolEntry.objects.filter(id=entry.id).exists()


def test_the_links_error_pages_speak_the_candidates_language_in_the_candidate_layout(client, recruiter, settings):
    # Were the staff pages' English "Not found" / "The request could not be handled".
    entry = pooled(recruiter, candidate_make(recruiter, language="sv"))
    missing = client.get(f"{link_of(entry)}no-such-page/", HTTP_ACCEPT_LANGUAGE="en")
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 5
    too_many = client.post(link_of(entry), {f"f{n}": "x" for n in range(10)}, HTTP_ACCEPT_LANGUAGE="en")
    for response, status in ((missing, 404), (too_many, 400)):
        html = response.content.decode()
        assert response.status_code == status
        assert '<html lang="sv">' in html and '<body class="take">' in html
        assert response["Cache-Control"] == "no-store"
    assert TalentPoolEntry.objects.get(id=entry.id).renewed_at is None
