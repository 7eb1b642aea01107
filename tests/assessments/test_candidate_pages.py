"""What a candidate meets around the questions: the employer and the job on every page, where they
are (part, questions, steps), the check for questions left open, every page in the invitation's
language, and after submitting what happens next and (when the employer wants) a short report."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from assessments import services
from assessments.api import TakeTokenThrottle
from assessments.models import Attempt, AttemptResult, Invitation, Item
from profiles.models import ServiceTypeTranslation

from .candidate_setup import EMPLOYER, JOB, employer_set, job_invitation, png
from .conftest import answer_for
from .factories import answer_all, items_of


@pytest.fixture
def candidate():
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def swedish(recruiter):
    """An invitation in Swedish, sent for a requisition, from an employer with a name and logo."""
    employer_set(logo=png())
    invitation = job_invitation(recruiter, language="sv")
    return invitation, services.invitation_token(invitation)


def in_language(language: str, message: str, **values) -> str:
    with translation.override(language):
        text = gettext(message)
    return text % values if values else text


def started(candidate, token) -> Attempt:
    assert candidate.post(f"/take/{token}/", {"consent": "yes"}).status_code == 302
    return Attempt.objects.get(invitation__public_id=token.split(".")[0])


def page_items(attempt: Attempt, number: int) -> list[Item]:
    ids = attempt.layout["items"][str(attempt.layout["sections"][number - 1])]
    items = Item.objects.in_bulk(ids)
    return [items[item_id] for item_id in ids]


def answers(items) -> dict[str, str]:
    return {f"item-{item.id}": str(answer_for(item)) for item in items}


# The employer and the job --------------------------------------------------------------------------


def test_every_page_shows_the_employer_and_the_job(candidate, swedish):
    invitation, token = swedish
    logo = '<img class="employer-logo" src="/employer/logo/'
    pages = [candidate.get(f"/take/{token}/")]
    started(candidate, token)
    pages += [candidate.get(f"/take/{token}/{page}") for page in ("part/1/", "part/1/page/3/", "part/3/", "finish/")]
    for response in pages:
        assert response.status_code == 200
        assertContains(response, f'<span class="employer-name">{EMPLOYER}</span>', html=True)
        assertContains(response, logo)
        assertContains(response, in_language("sv", "Job: %(title)s", title=JOB))
        assertContains(response, '<html lang="sv">')
    answer_all(invitation, items_of(invitation.assessment))
    assertRedirects(candidate.post(f"/take/{token}/finish/"), f"/take/{token}/done/", fetch_redirect_response=False)
    done = candidate.get(f"/take/{token}/done/")
    assertContains(done, EMPLOYER)
    assertContains(done, JOB)


def test_without_a_requisition_there_is_no_job_line_and_without_a_profile_no_employer(candidate, token):
    response = candidate.get(f"/take/{token}/")
    assertNotContains(response, 'class="job-title"')
    assertNotContains(response, "employer-logo")


def test_the_welcome_page_gives_the_true_length(candidate, swedish):
    _invitation, token = swedish
    with translation.override("sv"):
        expected = ngettext(
            "It takes about %(counter)s minute in all: the timed parts alone are %(timed)s minutes, and the other "
            "parts take most people about %(untimed)s minutes.",
            "It takes about %(counter)s minutes in all: the timed parts alone are %(timed)s minutes, and the other "
            "parts take most people about %(untimed)s minutes.",
            50,
        ) % {"counter": 50, "timed": 40, "untimed": 10}
    response = candidate.get(f"/take/{token}/")
    assertContains(response, expected)
    # Each part with its number of questions and its limit.
    with translation.override("sv"):
        limit = ngettext("time limit %(counter)s minute", "time limit %(counter)s minutes", 25) % {"counter": 25}
    assertContains(response, limit)


# Where the candidate is ------------------------------------------------------------------------------


def test_the_progress_says_which_questions_of_how_many_and_which_part(candidate, token):
    started(candidate, token)
    response = candidate.get(f"/take/{token}/part/1/page/2/")
    text = re.sub(r"\s+", " ", response.content.decode())
    with translation.override("da"):
        assert gettext("Questions %(first)s–%(last)s of %(total)s") % {"first": 8, "last": 14, "total": 42} in text
        assert gettext("Part %(number)s of %(count)s") % {"number": 1, "count": 4} in text
    assert text.count('aria-current="step"') == 1
    assert re.search(r'<li class="step step-current" aria-current="step">', text)
    assert len(re.findall(r'<li class="step step-', text)) == 4
    # The questions are numbered through the part.
    assert re.search(r'<span class="item-number">8\.</span>', text)
    assert re.search(r'<span class="item-number">14\.</span>', text)


def test_a_finished_part_is_marked_done_in_the_steps(candidate, token):
    attempt = started(candidate, token)
    items = page_items(attempt, 1)
    candidate.post(f"/take/{token}/part/1/", answers(items))  # all 42 at once, as an old form would
    text = candidate.get(f"/take/{token}/part/2/").content.decode()
    done = re.search(r'<li class="step step-done">\s*<a href="/take/[^"]+/part/1/" aria-label="([^"]+)">', text)
    assert done and done.group(1) == "1. Sådan arbejder du (" + in_language("da", "done") + ")"
    assert '<li class="step step-current" aria-current="step">' in text
    assert text.count('class="step step-todo"') == 2


def test_coming_back_continues_on_the_first_page_with_an_open_question(candidate, token):
    attempt = started(candidate, token)
    items = page_items(attempt, 1)
    candidate.post(f"/take/{token}/part/1/", answers(items[:7] + items[14:21]))
    assertRedirects(candidate.get(f"/take/{token}/"), f"/take/{token}/part/1/page/2/", fetch_redirect_response=False)


# Questions left open -----------------------------------------------------------------------------


def test_next_with_open_questions_stops_and_says_how_many(candidate, token):
    attempt = started(candidate, token)
    items = page_items(attempt, 1)[:7]
    response = candidate.post(f"/take/{token}/part/1/", answers(items[:5]))
    assertRedirects(response, f"/take/{token}/part/1/?unanswered=1#unanswered", fetch_redirect_response=False)
    page = candidate.get(f"/take/{token}/part/1/", {"unanswered": "1"})
    with translation.override("da"):
        warning = ngettext(
            "%(counter)s question on this page is not answered.",
            "%(counter)s questions on this page are not answered.",
            2,
        ) % {"counter": 2}
    assertContains(page, warning)
    assertContains(page, 'class="item item-likert unanswered"', count=2)
    for item in items[5:]:
        assertContains(page, f'id="q-{item.id}"')
    assertContains(page, f'href="#q-{items[5].id}"')  # "Answer now" goes to the first one
    # The warning's "go on" comes after "Next" in the form: Enter in a question still means "Next".
    html = page.content.decode()
    assert html.index('name="skip"') > html.index(in_language("da", "Next"))


def test_going_on_deliberately_leaves_the_questions_open_for_later(candidate, token):
    attempt = started(candidate, token)
    items = page_items(attempt, 1)[:7]
    response = candidate.post(f"/take/{token}/part/1/", {**answers(items[:5]), "skip": "1"})
    assertRedirects(response, f"/take/{token}/part/1/page/2/", fetch_redirect_response=False)
    assert attempt.answers.count() == 5
    with translation.override("da"):
        still_open = ngettext("%(counter)s question still open", "%(counter)s questions still open", 37) % {
            "counter": 37
        }
    assertContains(candidate.get(f"/take/{token}/finish/"), still_open)


def test_answering_the_rest_goes_on_without_a_warning(candidate, token):
    attempt = started(candidate, token)
    items = page_items(attempt, 1)[:7]
    candidate.post(f"/take/{token}/part/1/", answers(items[:5]))
    response = candidate.post(f"/take/{token}/part/1/", answers(items[5:]))
    assertRedirects(response, f"/take/{token}/part/1/page/2/", fetch_redirect_response=False)
    assertNotContains(candidate.get(f"/take/{token}/part/1/", {"unanswered": "1"}), 'id="unanswered"')


def test_a_part_whose_time_is_up_goes_on_without_asking(candidate, token):
    attempt = started(candidate, token)
    candidate.post(f"/take/{token}/part/3/start/")
    section_id = str(attempt.layout["sections"][2])
    attempt.refresh_from_db()
    attempt.section_started[section_id] = (timezone.now() - timedelta(minutes=30)).isoformat()
    attempt.save()
    assertRedirects(candidate.post(f"/take/{token}/part/3/"), f"/take/{token}/part/4/", fetch_redirect_response=False)


def test_a_page_number_out_of_range_is_not_found(candidate, token):
    started(candidate, token)
    assert candidate.get(f"/take/{token}/part/1/page/7/").status_code == 404
    assert candidate.get(f"/take/{token}/part/3/page/2/").status_code == 404
    assert candidate.get(f"/take/{token}/part/1/page/0/").status_code == 404


# The timed part's clock ------------------------------------------------------------------------------


def test_the_clock_has_a_few_spoken_moments_in_the_candidates_language(candidate, token):
    started(candidate, token)
    candidate.post(f"/take/{token}/part/3/start/")
    html = candidate.get(f"/take/{token}/part/3/").content.decode()
    moments = re.findall(r'<li data-seconds="(\d+)">([^<]+)</li>', html)
    with translation.override("da"):
        one_minute = ngettext("%(n)s minute left", "%(n)s minutes left", 1) % {"n": 1}
        thirty = ngettext("%(n)s second left", "%(n)s seconds left", 30) % {"n": 30}
    assert [int(s) for s, _text in moments] == [600, 300, 60, 30]
    assert dict(moments)["60"] == one_minute and dict(moments)["30"] == thirty
    # The clock itself is not a live region (it changes every second); a separate status is.
    assert re.search(r'<p class="timer" id="timer"(?![^>]*aria-live)', html)
    assert re.search(r'id="timer-announcer" role="status" aria-live="polite"', html)


# Languages of the error pages ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "template", "message"),
    [
        ({"status": Invitation.Status.REVOKED}, "withdrawn", "This invitation has been withdrawn."),
        (
            {"expires_at": timezone.now() - timedelta(days=1)},
            "expired",
            "This link expired on %(date)s. Ask the recruiter for a new one.",
        ),
    ],
)
def test_withdrawn_and_expired_pages_speak_the_invitations_language_and_name_the_employer(
    candidate, swedish, change, template, message
):
    invitation, token = swedish
    Invitation.objects.filter(id=invitation.id).update(**change)
    response = candidate.get(f"/take/{token}/", headers={"accept-language": "da"})
    assert response.status_code == 410
    assert f"assessments/take/{template}.html" in [t.name for t in response.templates]
    assertContains(response, '<html lang="sv">', status_code=410)
    assertContains(response, in_language("sv", "This link cannot be used"), status_code=410)
    assertContains(response, in_language("sv", message).split("%")[0], status_code=410)
    assertContains(response, EMPLOYER, status_code=410)
    assertContains(response, JOB, status_code=410)


def test_a_link_that_is_not_ours_follows_the_browser_and_still_names_the_employer(candidate, swedish):
    _invitation, token = swedish
    forged = token[:-4] + "0000"
    response = candidate.get(f"/take/{forged}/", headers={"accept-language": "nb"})
    assert response.status_code == 404
    assertContains(response, '<html lang="nb">', status_code=404)
    assertContains(response, EMPLOYER, status_code=404)
    assertNotContains(response, JOB, status_code=404)


def test_the_busy_page_of_a_link_speaks_its_language(candidate, swedish, monkeypatch):
    _invitation, token = swedish
    monkeypatch.setitem(TakeTokenThrottle.THROTTLE_RATES, TakeTokenThrottle.scope, "2/min")
    statuses = [candidate.get(f"/take/{token}/").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    busy = candidate.get(f"/take/{token}/", headers={"accept-language": "da"})
    assertContains(busy, '<html lang="sv">', status_code=429)
    assertContains(busy, EMPLOYER, status_code=429)
    assertContains(busy, JOB, status_code=429)


# After submitting ------------------------------------------------------------------------------------


def submitted(candidate, invitation, token) -> Attempt:
    started(candidate, token)
    answer_all(invitation, items_of(invitation.assessment))
    assertRedirects(candidate.post(f"/take/{token}/finish/"), f"/take/{token}/done/", fetch_redirect_response=False)
    return Attempt.objects.get(invitation=invitation)


def test_the_thank_you_says_what_happens_next_and_shows_no_report_by_default(candidate, swedish):
    invitation, token = swedish
    submitted(candidate, invitation, token)
    response = candidate.get(f"/take/{token}/done/")
    assertContains(response, in_language("sv", "What happens next"))
    assertContains(
        response,
        in_language(
            "sv",
            "The recruiter looks at your answers together with the rest of your application for the job as %(job)s.",
            job=JOB,
        ),
    )
    assertNotContains(response, in_language("sv", "Your service style"))


def test_with_the_report_on_the_candidate_reads_their_two_strongest_styles_in_plain_words(candidate, swedish):
    invitation, token = swedish
    employer_set(logo=None, feedback=True)
    attempt = submitted(candidate, invitation, token)
    AttemptResult.objects.filter(attempt=attempt).update(
        type_scores={"rock": 3.2, "controller": 4.4, "empathizer": 4.1, "hard_worker": 2.0}
    )
    response = candidate.get(f"/take/{token}/done/")
    assertContains(response, in_language("sv", "Your service style"))
    shown = {t.service_type.code: t for t in ServiceTypeTranslation.objects.filter(language="sv")}
    for code in ("controller", "empathizer"):
        assertContains(response, f"<h3>{shown[code].name}</h3>", html=True)
        assertContains(response, shown[code].summary)
        assertContains(response, shown[code].strength_list[0])
    assertNotContains(response, shown["rock"].summary)
    html = response.content.decode()
    assert "4.4" not in html and "4,4" not in html  # words, no scores
    assert not re.search(r">\s*(controller|empathizer|hard_worker)\s*<", html)  # no codes


def test_the_report_is_gone_once_the_answers_are_no_longer_shown(candidate, swedish, settings):
    invitation, token = swedish
    employer_set(feedback=True)
    attempt = submitted(candidate, invitation, token)
    Attempt.objects.filter(id=attempt.id).update(
        submitted_at=timezone.now() - timedelta(minutes=settings.TAKE_ANSWERS_VISIBLE_MINUTES + 1)
    )
    response = candidate.get(f"/take/{token}/done/")
    assertContains(response, in_language("sv", "What happens next"))
    assertNotContains(response, in_language("sv", "Your service style"))
