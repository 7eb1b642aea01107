"""The item-analysis page in plain words: an HR person who never studied psychometrics can tell from
the page alone why an item is flagged and what to do about it, and when not to trust the figures."""

import math
import re

import pytest
from django.utils.html import escape
from pytest_django.asserts import assertContains, assertNotContains

from assessments import services
from assessments.models import Item, PsychometricReport

from . import factories

URL = "/assessments/service-profile-standard/items/"
# Codes the data stores that a page must never show as they are.
RAW_CODES = ("low_item_rest", "hurts_reliability", "hard_worker", "inv-controller", "sjt-0", "policy-0")


@pytest.fixture
def hr(client, hr_user):
    client.force_login(hr_user)
    return client


def visible_text(response) -> str:
    """What a reader sees: the page without its tags (ids and classes may carry codes)."""
    return re.sub(r"<[^>]+>", " ", response.content.decode())


def controller_items(battery) -> list[Item]:
    return list(Item.objects.filter(section__assessment=battery, scale="controller").order_by("order"))


@pytest.fixture
def miskeyed(battery):
    """Five attempts at levels 1–5, every answer as the battery keys it; then the two reverse-keyed
    controller statements lose their reverse key, as if an author had forgotten to mark them.

    Scored as given, four controller items follow the level L and two follow 6 − L, so the total is
    2L + 12: var(total) = 4·var(L) while the items' variances add up to 6·var(L). Alpha is
    6/5 · (1 − 6/4) = −0.6. Each unmarked item correlates −1 with the rest (3L + 6), and without it
    alpha is 5/4 · (1 − 5/9) = 0.556."""
    items = factories.items_of(battery)
    for level in range(1, 6):
        factories.submitted_attempt(battery, number=level, likert=factories.keyed(level), items=items)
    Item.objects.filter(section__assessment=battery, scale="controller", reverse=True).update(reverse=False)
    return services.psychometrics_compute(assessment_id=battery.id)


def test_the_miskeyed_scale_has_the_hand_computed_figures(battery, miskeyed):
    controller = miskeyed.data["scales"]["controller"]
    assert controller["alpha"] == pytest.approx(-0.6, abs=1e-3)
    rows = {row["id"]: row for row in miskeyed.data["items"]}
    unmarked = [item for item in controller_items(battery) if item.key.endswith(("-5", "-6"))]
    for item in unmarked:
        assert rows[item.id]["item_total_r"] == pytest.approx(-1.0, abs=1e-3)
        assert rows[item.id]["alpha_if_deleted"] == pytest.approx(5 / 4 * (1 - 5 / 9), abs=1e-3)
        assert rows[item.id]["flags"] == ["low_item_rest", "hurts_reliability"]


def test_it_warns_that_alpha_is_negative_and_says_what_that_means(hr, miskeyed):
    response = hr.get(URL)
    assertContains(response, "Alpha is negative for Controller (-0.60).")
    assertContains(response, "Its items pull in opposite directions")
    assertContains(response, "a reverse-keyed item scored the wrong way round")
    assertContains(response, "negative: see the warning")


def test_a_flagged_item_is_explained_with_its_own_words_figures_and_what_to_do(hr, battery, miskeyed):
    response = hr.get(URL)
    item = next(item for item in controller_items(battery) if item.key.endswith("-5"))
    assertContains(response, f"“{escape(item.stem['en'])}”")
    assertContains(response, "Why it is flagged:")
    assertContains(
        response,
        "It goes against the rest of the scale (item-rest correlation -1.000): people who score high on the other "
        "items tend to score low on this one.",
    )
    assertContains(response, "The scale would be more reliable without it: alpha would rise from -0.600 to 0.556.")
    assertContains(response, "Check whether it is reverse-keyed.")
    assertContains(response, "This item is not marked reverse-keyed: check whether its wording goes against the scale.")
    assertContains(response, "Reword it if it is unclear")
    assertContains(response, "Or drop it and watch alpha: without it, alpha would be 0.556 on these attempts.")
    assertContains(response, f'<a href="#item-{item.id}">')
    text = visible_text(response)
    for code in RAW_CODES:
        assert code not in text


def test_it_warns_that_five_attempts_are_too_few_and_states_the_threshold_and_why(hr, miskeyed):
    response = hr.get(URL)
    assertContains(response, "Only 5 completed attempts: too few to trust these figures.")
    # 95 % margin of a correlation near 0 on 5 people: tanh(1.96 / √(5 − 3)) = tanh(1.386) = 0.882.
    assert math.tanh(1.96 / math.sqrt(2)) == pytest.approx(0.882, abs=5e-4)
    assertContains(response, "an item-rest correlation can be off by about ±0.88 by chance alone")
    assertContains(response, "Wait for at least 100 completed attempts")
    assertContains(response, "With this few attempts the flag may be chance")


def test_enough_attempts_and_a_positive_alpha_raise_no_warning(hr, battery):
    item = controller_items(battery)[0]
    PsychometricReport.objects.create(
        assessment=battery,
        n_attempts=150,
        data={
            "scales": {"controller": {"alpha": 0.84, "omega": 0.86, "sem": 1.9, "n_items": 1, "n_complete": 150}},
            "items": [
                {"id": item.id, "key": item.key, "scale": "controller", "group": "controller", "kind": "likert"}
                | {"reverse": False, "n": 150, "difficulty": 0.6, "item_total_r": 0.55, "alpha_if_deleted": 0.8}
                | {"flags": []}
            ],
        },
    )
    response = hr.get(URL)
    assertNotContains(response, "too few to trust")
    assertNotContains(response, "Alpha is negative")
    assertContains(response, "Reliable enough to compare people.")
    assertContains(response, "no problem found")


def test_the_page_explains_alpha_omega_and_sem_in_a_sentence_each(hr, miskeyed):
    response = hr.get(URL)
    assertContains(response, "How consistently the items of a scale measure the same thing")
    assertContains(response, "A second reliability figure that allows some items to measure the scale more strongly")
    assertContains(response, "Standard error of measurement: how far a person")


def test_the_situations_and_the_questions_with_one_answer_are_shown_by_their_text(hr, battery, miskeyed):
    response = hr.get(URL)
    assertContains(response, '<h2 id="scale-sjt-heading">Situations at work</h2>')
    assertContains(response, '<h2 id="scale-mcq-heading">Questions with one correct answer</h2>')
    for item in Item.objects.filter(section__assessment=battery, kind__in=[Item.Kind.SJT, Item.Kind.MCQ]):
        assertContains(response, escape(item.stem["en"][:60]))


def test_the_chart_reads_its_data_from_the_page_without_an_inline_script(hr, miskeyed):
    response = hr.get(URL)
    assertContains(response, '<script src="/static/assessments/item_analysis.js" defer></script>')
    assertContains(response, '<canvas data-item-rest="item-rest-controller"')
    assertContains(response, '<script id="item-rest-controller" type="application/json">')
    assertContains(response, '"threshold": 0.2')
    assertNotContains(response, "<script>")


def test_a_report_stored_before_the_situations_had_statistics_still_reads(hr, battery):
    item = Item.objects.filter(section__assessment=battery, kind=Item.Kind.MCQ).first()
    PsychometricReport.objects.create(
        assessment=battery,
        n_attempts=3,
        data={
            "scales": {},
            "items": [
                {"id": item.id, "key": item.key, "scale": item.scale, "kind": "mcq", "n": 3}
                | {"difficulty": 0.667, "item_total_r": None, "alpha_if_deleted": None, "flags": []}
            ],
        },
    )
    response = hr.get(URL)
    assertContains(response, "Questions with one correct answer")
    assertContains(response, "<td>0.67</td>")


def test_it_says_when_attempts_completed_since_are_not_in_the_figures(hr, battery, miskeyed):
    # Nothing recomputes on its own: the demo computed from its first 12 and showed them beside "74 completed".
    assertNotContains(hr.get(URL), "completed since")
    items = factories.items_of(battery)
    for number in (6, 7):
        factories.submitted_attempt(battery, number=number, likert=factories.keyed(3), items=items)
    response = hr.get(URL)
    assertContains(response, "2 attempts completed since are not in these figures: press Recompute now.")
    services.psychometrics_compute(assessment_id=battery.id)
    assertNotContains(hr.get(URL), "completed since")


def test_an_item_without_figures_is_not_called_problem_free(hr, battery):
    # Computed before anyone completed the battery: every item said "no problem found".
    services.psychometrics_compute(assessment_id=battery.id)
    response = hr.get(URL)
    assertNotContains(response, "no problem found")
    assertContains(response, "too few answers to judge")
    assertNotContains(response, "<td></td>")  # the scales' "Complete attempts" was left blank


def test_an_item_everyone_answers_alike_is_said_to_tell_no_one_apart(hr, battery):
    item = Item.objects.filter(section__assessment=battery, kind=Item.Kind.MCQ).first()
    PsychometricReport.objects.create(
        assessment=battery,
        n_attempts=150,
        data={
            "scales": {"mcq": {"alpha": 0.5, "omega": None, "sem": 0.4, "n_items": 1, "n_complete": 150}},
            "items": [
                {"id": item.id, "key": item.key, "scale": item.scale, "group": "mcq", "kind": "mcq", "n": 150}
                | {"difficulty": 1.0, "item_total_r": None, "alpha_if_deleted": 0.6, "flags": []}
            ],
        },
    )
    response = hr.get(URL)
    assertNotContains(response, "no problem found")
    assertContains(response, "everyone answered it alike, so it tells no one apart")


def test_the_page_is_refused_to_recruiters_managers_and_the_anonymous(client, recruiter, manager, outsider):
    assert client.get(URL).status_code == 302
    for user in (recruiter, manager, outsider):
        client.force_login(user)
        assert client.get(URL).status_code == 403


def test_the_demo_computes_the_statistics_after_every_demo_has_added_its_attempts(battery):
    # The hiring pipeline's demo (after this app's) submits most demo attempts: the figures counted 12 of 74.
    from assessments import demo
    from servicefit.core import registry

    order = {loader.name: loader.order for loader in registry.demo_loaders()}
    assert order["assessments-statistics"] > max(o for name, o in order.items() if name != "assessments-statistics")
    items = factories.items_of(battery)
    services.psychometrics_compute(assessment_id=battery.id)
    for number in (1, 2, 3):
        factories.submitted_attempt(battery, number=number, likert=factories.keyed(number), items=items)
    assert demo.demo_statistics_load(users={}) == "item statistics computed: 1 assessment"
    assert PsychometricReport.objects.filter(assessment=battery).latest("computed_at").n_attempts == 3
