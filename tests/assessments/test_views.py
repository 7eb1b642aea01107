"""The staff pages under /assessments/: inviting, following up and reviewing candidates."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone, translation
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from assessments import services
from assessments.models import Answer, AttemptResult, Invitation, Item, ReviewerScore
from profiles import selectors as profile_selectors
from servicefit.core.models import AccessLog

from . import factories
from .conftest import answer_for

WRITTEN = "written_communication"


@pytest.fixture
def staff(client, recruiter):
    client.force_login(recruiter)
    return client


@pytest.fixture
def submitted(battery):
    return factories.submitted_attempt(battery, number=1)


def invite(staff, battery, **changes):
    data = {"assessment": battery.slug, "name": "Sofie Jensen", "email": "sofie@example.dk", "language": "da"}
    return staff.post("/assessments/invite/", {**data, **changes})


def written_answers(attempt):
    return list(Answer.objects.filter(attempt=attempt, item__kind=Item.Kind.TEXT).select_related("item"))


def situation_points(attempt) -> tuple[int, int]:
    """Written-communication points the attempt earned, and could have earned, in the situations."""
    earned = possible = 0
    for answer in Answer.objects.filter(attempt=attempt, item__kind=Item.Kind.SJT).select_related("item"):
        points = {option.id: option.scores.get(WRITTEN, 0) for option in answer.item.options.all()}
        earned += points[answer.value]
        possible += max(points.values())
    return earned, possible


def written_score(attempt) -> float | None:
    return AttemptResult.objects.get(attempt=attempt).competency_scores.get(WRITTEN)


def review(staff, answer, scores):
    return staff.post(
        f"/assessments/answers/{answer.id}/review/",
        {f"criterion-{index}": value for index, value in enumerate(scores)},
        follow=True,
    )


# Index --------------------------------------------------------------------------------------------


def test_the_index_shows_the_invite_form_and_the_invitations(staff, invitation):
    response = staff.get("/assessments/")
    assertContains(response, 'action="/assessments/invite/"')
    for field in ("assessment", "name", "email", "language"):
        assertContains(response, f'name="{field}"')
    assertContains(response, f'href="/assessments/invitations/{invitation.id}/">Sofie Jensen</a>')


def test_the_index_filters_the_invitations(staff, battery, invitation):
    other = factories.invitation(battery, number=2)
    services.invitation_revoke(invitation=other)
    revoked_only = staff.get("/assessments/", {"status": "revoked"})
    assertContains(revoked_only, "Candidate 2")
    assertNotContains(revoked_only, "Sofie Jensen")
    by_name = staff.get("/assessments/", {"q": "sofie"})
    assertContains(by_name, "Sofie Jensen")
    assertNotContains(by_name, "Candidate 2")


def test_the_index_is_closed_to_other_roles(client, manager, outsider):
    assert client.get("/assessments/").status_code == 302  # anonymous: to the login page
    for user in (manager, outsider):
        client.force_login(user)
        assert client.get("/assessments/").status_code == 403


# Inviting -----------------------------------------------------------------------------------------


def test_inviting_creates_the_invitation_and_sends_the_link_in_the_candidates_language(
    staff, battery, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(staff, battery)
    invitation = Invitation.objects.get()
    assertRedirects(response, f"/assessments/invitations/{invitation.id}/", fetch_redirect_response=False)
    assert (invitation.name, invitation.email, invitation.language) == ("Sofie Jensen", "sofie@example.dk", "da")
    [message] = mail.outbox
    assert message.to == ["sofie@example.dk"]
    assert battery.title["da"] in message.subject  # the battery's Danish title, not the English one
    assert battery.title["en"] not in message.body
    assert f"/take/{services.invitation_token(invitation)}/" in message.body
    assert Invitation.objects.get().sent_at is not None


def test_a_bad_email_address_is_reported_and_nothing_is_created(staff, battery, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(staff, battery, email="sofie-at-example")
    assertRedirects(response, "/assessments/", fetch_redirect_response=False)
    page = staff.get("/assessments/")
    assertContains(page, "The invitation was not sent")
    assertContains(page, "email")
    assert not Invitation.objects.exists()
    assert not mail.outbox


def test_a_refused_invitation_names_the_fields_as_the_form_does_not_by_their_codes(staff, battery):
    # "anna@firma" passes the browser's e-mail check but not ours; the message said "* email * Enter a valid…".
    invite(staff, battery, email="anna@firma", name="x" * 300)
    page = staff.get("/assessments/").content.decode()
    assert (
        "The invitation was not sent: Candidate&#x27;s name: Ensure this value has at most 200 characters"
        " (it has 300). E-mail: Enter a valid email address." in page
    )
    assert "* email" not in page and "* name" not in page
    assert not Invitation.objects.exists()


# The invitation page ------------------------------------------------------------------------------


def test_the_page_of_a_submitted_attempt_shows_profile_competencies_and_written_answers(staff, recruiter, submitted):
    invitation = submitted.invitation
    response = staff.get(f"/assessments/invitations/{invitation.id}/")
    assert response.status_code == 200
    assertContains(response, "Service-type profile")
    for name in profile_selectors.service_type_names().values():
        assertContains(response, name)
    result = AttemptResult.objects.get(attempt=submitted)
    assertContains(response, "<h2>Competencies</h2>", html=True)
    competency_names = {c.code: c.translation().name for c in profile_selectors.competency_list()}
    for code in result.competency_scores:
        assertContains(response, competency_names[code])
    assertContains(response, '<h2 id="written">Written answers</h2>', html=True)
    text = answer_for(Item.objects.filter(kind=Item.Kind.TEXT).first())
    assertContains(response, text, count=2)  # both written answers
    for answer in written_answers(submitted):
        assertContains(response, f'action="/assessments/answers/{answer.id}/review/"')
    assertContains(response, 'name="criterion-4"', count=2)
    log = AccessLog.objects.get()
    assert (log.user, log.action, log.target_id) == (recruiter, "view", str(invitation.id))


def test_an_unfinished_attempt_has_no_result_yet(staff, invitation):
    services.attempt_start(invitation=invitation, consent=True)
    response = staff.get(f"/assessments/invitations/{invitation.id}/")
    assertContains(response, "The candidate has started but not submitted yet.")
    assertNotContains(response, "Service-type profile")


# Resend and revoke --------------------------------------------------------------------------------


def test_resending_an_expired_link_renews_it_and_sends_it_again(
    staff, client, invitation, token, django_capture_on_commit_callbacks
):
    Invitation.objects.filter(id=invitation.id).update(expires_at=timezone.now() - timedelta(days=1))
    assert client.get(f"/take/{token}/").status_code == 410
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(f"/assessments/invitations/{invitation.id}/resend/", follow=True)
    assertContains(response, "The invitation was sent again.")
    invitation.refresh_from_db()
    assert invitation.expires_at > timezone.now() + timedelta(days=services.INVITATION_DAYS - 1)
    [message] = mail.outbox
    assert f"/take/{token}/" in message.body
    staff.logout()
    assert staff.get(f"/take/{token}/").status_code == 200


def test_revoking_stops_the_link(staff, invitation, token):
    response = staff.post(f"/assessments/invitations/{invitation.id}/revoke/", follow=True)
    assertContains(response, "The invitation was withdrawn; the link no longer works.")
    assert Invitation.objects.get().status == Invitation.Status.REVOKED
    staff.logout()
    # The candidate's page speaks the invitation's language (Danish here), not the staff member's.
    with translation.override("da"):
        withdrawn = translation.gettext("This invitation has been withdrawn.")
    assertContains(staff.get(f"/take/{token}/"), withdrawn, status_code=410)


def test_a_submitted_invitation_cannot_be_revoked(staff, submitted):
    invitation = submitted.invitation
    response = staff.post(f"/assessments/invitations/{invitation.id}/revoke/", follow=True)
    assertContains(response, "A completed assessment cannot be withdrawn")
    assert Invitation.objects.get().status == Invitation.Status.SUBMITTED


# Reviewing written answers ------------------------------------------------------------------------


def test_a_review_scores_the_written_communication_competency(staff, submitted):
    # Situations also carry written-communication points; each reviewed answer adds 5 criteria × 3.
    earned, possible = situation_points(submitted)
    assert written_score(submitted) == (round(100 * earned / possible, 1) if possible else None)
    first, second = written_answers(submitted)
    response = review(staff, first, [3, 3, 3, 3, 3])
    assertContains(response, "Review saved; the competency scores were updated.")
    assert ReviewerScore.objects.get(answer=first).scores == {str(i): 3 for i in range(5)}
    assert written_score(submitted) == round(100 * (earned + 15) / (possible + 15), 1)

    review(staff, second, [0, 1, 2, 3, 0])
    assert written_score(submitted) == round(100 * (earned + 15 + 6) / (possible + 30), 1)
    review(staff, first, [0, 0, 0, 0, 0])  # a changed review replaces the old one
    assert ReviewerScore.objects.count() == 2
    expected = round(100 * (earned + 6) / (possible + 30), 1)
    assert written_score(submitted) == expected
    page = staff.get(f"/assessments/invitations/{submitted.invitation_id}/")
    assertContains(page, "Update review", count=2)
    assertContains(page, f'<span class="figure">{expected}</span>')
    assertNotContains(page, "not reviewed yet")


@pytest.mark.parametrize("scores", [[3, 3, 5, 3, 3], [3, 3, "x", 3, 3], [3, 3, -1, 3, 3]])
def test_a_bad_review_is_refused_and_nothing_is_stored(staff, submitted, scores):
    before = written_score(submitted)
    answer = written_answers(submitted)[0]
    response = review(staff, answer, scores)
    assertContains(response, "Score each criterion from 0 to 3, or leave it as not reviewed.")
    assert not ReviewerScore.objects.exists()
    assert written_score(submitted) == before
