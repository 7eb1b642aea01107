"""The result page and its printable report as an HR person reads them: each scale in a sentence,
the strongest type in words, what waits for a review, and the role's targets when hiring knows them."""

import pytest
from django.utils import translation
from django.utils.html import escape
from pytest_django.asserts import assertContains, assertNotContains

from assessments import services
from assessments.models import Answer, Item, ReviewerScore
from hiring import pipeline, ranking
from hiring.models import Requisition
from profiles import selectors as profile_selectors
from profiles.models import RoleProfile

from . import factories

WRITTEN = "written_communication"
NOT_REVIEWED_OPTION = '<option value="" selected>Not reviewed</option>'


@pytest.fixture
def staff(client, recruiter):
    client.force_login(recruiter)
    return client


@pytest.fixture
def submitted(battery, recruiter):
    # Empathizer answers 5 on every item, every other type 3: the strongest type is unambiguous.
    def likert(item):
        level = 5 if item.scale == "empathizer" else 3
        return 6 - level if item.reverse else level

    return factories.submitted_attempt(battery, number=1, likert=likert, user=recruiter)


def page(client, attempt):
    return client.get(f"/assessments/invitations/{attempt.invitation_id}/")


def report(client, attempt):
    return client.get(f"/assessments/invitations/{attempt.invitation_id}/report/")


def written(attempt) -> list[Answer]:
    return list(Answer.objects.filter(attempt=attempt, item__kind=Item.Kind.TEXT).select_related("item"))


def review(client, answer, values):
    return client.post(
        f"/assessments/answers/{answer.id}/review/",
        {f"criterion-{i}": value for i, value in enumerate(values)},
        follow=True,
    )


# Reading the result -------------------------------------------------------------------------------


def test_it_names_the_strongest_type_in_words_and_explains_every_scale(staff, submitted):
    response = page(staff, submitted)
    types = {t.code: t.translation("en") for t in profile_selectors.service_type_list()}
    empathizer = types["empathizer"]
    assertContains(response, f"Strongest: <strong>{empathizer.name}</strong> — {escape(empathizer.summary)}")
    for translation_ in types.values():
        assertContains(response, f'<span class="scale-note">{escape(translation_.summary)}</span>')
    competencies = {c.code: c.translation("en") for c in profile_selectors.competency_list()}
    assertContains(response, escape(competencies[WRITTEN].description))
    for raw in ("hard_worker", "written_communication", "low_item_rest"):
        assertNotContains(response, f">{raw}<")


def test_a_tie_for_the_highest_score_names_every_type_in_it(staff, battery):
    tied = factories.submitted_attempt(battery, number=2)  # 4 on every scale: all seven types tie
    response = page(staff, tied)
    assertContains(response, "Equally strongest, with the same score: 7 types.")
    assertContains(response, '<span class="badge">strongest</span>', count=7)
    assertNotContains(response, "Strongest: <strong>")


def test_the_sentences_come_in_the_users_language(staff, submitted):
    danish = {t.code: t.translation("da") for t in profile_selectors.service_type_list()}["empathizer"]
    assert (
        danish.summary
        != {t.code: t.translation("en") for t in profile_selectors.service_type_list()}["empathizer"].summary
    )
    response = staff.get(f"/assessments/invitations/{submitted.invitation_id}/", HTTP_ACCEPT_LANGUAGE="da")
    assertContains(response, escape(danish.summary))
    translation.activate("en")


def test_it_says_how_many_written_answers_are_not_reviewed_and_marks_the_provisional_score(staff, submitted):
    response = page(staff, submitted)
    assertContains(response, "2 written answers not reviewed yet.")
    assertContains(response, '<span class="badge provisional">provisional</span>', count=1)
    # Every criterion of both answers starts as "Not reviewed", never on 0.
    assertContains(response, NOT_REVIEWED_OPTION, count=10)
    assertNotContains(response, '<option value="0" selected>')
    assertContains(response, "Not reviewed yet", count=2)


def test_a_partial_review_is_saved_and_still_counts_as_not_reviewed(staff, submitted):
    first = written(submitted)[0]
    response = review(staff, first, ["3", "2", "", "", ""])
    assertContains(response, "Saved: 2 of 5 criteria scored. The answer counts once every criterion is scored.")
    assertContains(response, "Partly reviewed")
    assertContains(response, "2 written answers not reviewed yet.")
    assertContains(response, NOT_REVIEWED_OPTION, count=8)
    assertContains(response, '<option value="3" selected>3</option>')


def test_once_every_answer_is_reviewed_the_notice_and_the_provisional_mark_go(staff, submitted):
    first, second = written(submitted)
    review(staff, first, ["3"] * 5)
    response = review(staff, second, ["0", "1", "2", "3", "0"])
    assertContains(response, "Review saved; the competency scores were updated.")
    assertNotContains(response, "not reviewed yet")
    assertNotContains(response, "provisional")
    assertContains(response, "Reviewed", count=2)


def test_saving_nothing_leaves_the_answer_not_reviewed(staff, submitted):
    response = review(staff, written(submitted)[0], [""] * 5)
    assertContains(response, "Nothing scored: the answer stays not reviewed.")
    assertContains(response, "2 written answers not reviewed yet.")


@pytest.mark.parametrize("hostile", ["²", "٣", "9" * 5000, "-1", "4", "3.0", " 3"])
def test_a_score_that_is_not_0_to_3_is_refused_in_words_and_saves_nothing(staff, submitted, hostile):
    # "²" and 5,000 nines pass str.isdigit() but not int(): they were a server error.
    response = review(staff, written(submitted)[0], ["3", hostile, "", "", ""])
    assert response.status_code == 200
    assertContains(response, "Score each criterion from 0 to 3, or leave it as not reviewed.")
    assert not ReviewerScore.objects.exists()


def test_the_tone_and_readability_of_a_written_answer_are_said_in_words(staff, submitted):
    first, second = written(submitted)
    result = submitted.result
    readability = {"lix": 23.1, "band": "Meget let", "band_code": "very_easy"}
    result.text_analysis = {
        str(first.item_id): {"controller_index": None, "readability": readability},
        str(second.item_id): {"controller_index": -40.0, "readability": {**readability, "band_code": "hard"}},
    }
    result.save(update_fields=["text_analysis"])
    response = page(staff, submitted)
    # Was "Controller index —, LIX 23.1.": a dash and two figures nobody had explained.
    assertNotContains(response, "Controller index —")
    assertContains(response, "Controller index: too few Controller or Empathizer cues in the answer to tell.")
    assertContains(response, "Controller index -40: from −100, written only the way an Empathizer writes")
    assertContains(response, "Readability: LIX 23.1, very easy to read.")
    assertContains(response, "Readability: LIX 23.1, hard to read.")
    assertNotContains(response, "Meget let")


# The role's targets -------------------------------------------------------------------------------


def requisition_make(recruiter) -> Requisition:
    return pipeline.requisition_create(
        user=recruiter,
        title="Kundeservice erhverv",
        role_profile=RoleProfile.objects.get(slug="advisor-controller-led"),
        status=Requisition.Status.OPEN,
    )


@pytest.fixture
def requisition(recruiter):
    return requisition_make(recruiter)


def taken_for(requisition, battery, recruiter):
    candidate = pipeline.candidate_create(
        user=recruiter, name="Kandidat", email="k@example.dk", language="da"
    ).candidate
    application = pipeline.application_create(user=recruiter, candidate=candidate, requisition=requisition)
    invitation = ranking.application_invite(application=application, assessment=battery, user=recruiter)
    services.attempt_start(invitation=invitation, consent=True)
    factories.answer_all(invitation, factories.items_of(battery))
    return services.attempt_submit(invitation=invitation)


def test_the_competency_bars_stand_against_the_roles_targets_when_there_is_a_requisition(
    staff, battery, recruiter, requisition
):
    attempt = taken_for(requisition, battery, recruiter)
    response = page(staff, attempt)
    assertContains(response, "Target for the role")
    assertContains(response, "Kundeservice erhverv")
    scores = attempt.result.competency_scores
    # advisor-controller-led asks for dialogue leadership at level 5: the band 80–100.
    assertContains(response, "Level 5 (80–100)")
    assert scores["dialogue_leadership"] < 80
    short = round(80 - scores["dialogue_leadership"], 1)
    assertContains(response, f"{short:g} points short")
    assertContains(response, '<rect class="bar-target" x="80.0" y="0.5" width="20.0" height="9">', html=False)
    assertContains(report(staff, attempt), "Level 5 (80–100)")


def test_without_a_requisition_there_are_no_targets(staff, submitted):
    response = page(staff, submitted)
    assertNotContains(response, "Target for the role")
    assertNotContains(response, "bar-target")
    assertNotContains(report(staff, submitted), "Target for the role")


# The printable report -----------------------------------------------------------------------------


def test_the_printable_report_renders_on_one_page_of_tables(staff, submitted):
    response = report(staff, submitted)
    assert response.status_code == 200
    assertContains(response, '<h1 id="report-heading">Assessment report: Candidate 1</h1>', html=True)
    assertContains(response, '<link rel="stylesheet" href="/static/assessments/report.css">', html=True)
    assertContains(response, '<button type="button" data-print hidden>Print</button>', html=True)
    assertContains(response, "<table", count=2)
    assertContains(response, "2 written answers not reviewed yet.")
    assertNotContains(response, "<canvas")  # no chart that would print blank
    assertNotContains(response, "fonts.googleapis")
    assertContains(page(staff, submitted), f'href="/assessments/invitations/{submitted.invitation_id}/report/"')


def test_there_is_no_report_to_print_before_submission(staff, invitation):
    services.attempt_start(invitation=invitation, consent=True)
    response = staff.get(f"/assessments/invitations/{invitation.id}/report/")
    assertContains(response, "There is no result to print yet: the report is ready once the candidate has submitted.")
    assertNotContains(response, "data-print")


# Who may read it ----------------------------------------------------------------------------------


def test_the_result_and_its_report_are_refused_to_the_wrong_role_another_team_and_the_anonymous(
    client, submitted, manager, outsider, other_team_users
):
    urls = [
        f"/assessments/invitations/{submitted.invitation_id}/",
        f"/assessments/invitations/{submitted.invitation_id}/report/",
    ]
    for url in urls:
        assert client.get(url).status_code == 302  # anonymous: to the login page
        for user in (manager, outsider):
            client.force_login(user)
            assert client.get(url).status_code == 403
        client.force_login(other_team_users["recruiter"])
        assert client.get(url).status_code == 404  # another team's candidate is as absent as a missing one
        client.logout()


def test_a_recruiter_of_another_team_cannot_review(client, submitted, other_team_users):
    client.force_login(other_team_users["recruiter"])
    answer = written(submitted)[0]
    response = client.post(f"/assessments/answers/{answer.id}/review/", {"criterion-0": "3"})
    assert response.status_code == 404
    assert not ReviewerScore.objects.exists()
