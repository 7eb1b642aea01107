from dataclasses import replace
from datetime import date

import pytest

from staffing.analysis.plan import Class, PlanInput, Ramp, hiring_plan, project, steady_state_hires

MONTHS_2027 = [date(2027, month, 1) for month in range(1, 13)]


def flat_plan(**changes) -> PlanInput:
    """50 FTE needed and 50 FTE here all year, nobody leaving: nothing to hire."""
    base = PlanInput(
        months=MONTHS_2027,
        required_fte=[50.0] * 12,
        current_fte_by_month=[50.0] * 12,
        monthly_attrition=0.0,
        ramp=Ramp(),
        hire_lead_days=30,
        today=date(2026, 12, 1),
    )
    return replace(base, **changes)


def step_in_july(**changes) -> PlanInput:
    """10 more FTE needed from July 2027."""
    return flat_plan(required_fte=[50.0] * 6 + [60.0] * 6, **changes)


def test_it_needs_3_75_hires_a_month_to_hold_100_agents():
    assert steady_state_hires(headcount=100, monthly_attrition=0.03, early_loss=0.2) == pytest.approx(3.75)


def test_it_ramps_productivity_from_training_to_full():
    ramp = Ramp()

    assert [ramp.productivity(k) for k in range(-1, 6)] == [0.0, 0.0, 0.5, 0.75, 1.0, 1.0, 1.0]
    assert ramp.months_to_full == 3
    assert Ramp(training_months=2, curve=(0.6,)).productivity(2) == 0.6
    assert Ramp(training_months=2, curve=(0.6,)).months_to_full == 3


def test_it_counts_a_class_month_by_month_with_early_loss_then_attrition():
    plan_input = flat_plan(
        months=MONTHS_2027[:5], required_fte=[0.0] * 5, current_fte_by_month=[0.0] * 5, monthly_attrition=0.03
    )
    january_class = Class(
        start=date(2027, 1, 1),
        hires=10,
        open_requisition_by=date(2026, 12, 1),
        productive_month=date(2027, 4, 1),
        for_month=date(2027, 4, 1),
    )

    rows = project(plan_input, [january_class])

    # 10 start; 2 leave in training (January); the 8 left are 50 %, 75 %, 100 % productive and lose 3 % a month.
    assert [row.available_fte_with_plan for row in rows] == pytest.approx([0, 4.0, 5.82, 7.5272, 7.301384])
    assert [row.exits_expected for row in rows] == pytest.approx([2.0, 0.24, 0.2328, 0.225816, 0.21904152])
    assert [row.hires_starting for row in rows] == [10, 0, 0, 0, 0]
    assert all(row.available_fte_without_hiring == 0 for row in rows)


def test_it_closes_a_gap_with_a_class_starting_as_late_as_possible():
    plan = hiring_plan(step_in_july())

    (july_class,) = plan.classes
    # Fully productive three months after the start (one month's training, then 50 % and 75 %); 10 FTE after
    # 20 % early loss takes 12.5 people, rounded up.
    assert july_class == Class(
        start=date(2027, 4, 1),
        hires=13,
        open_requisition_by=date(2027, 3, 2),
        productive_month=date(2027, 7, 1),
        for_month=date(2027, 7, 1),
        late=False,
    )
    july = plan.months[6]
    assert july.gap_without_hiring == pytest.approx(10.0)
    assert july.gap_with_plan == pytest.approx(-0.4)
    assert plan.months[5].gap_with_plan == pytest.approx(50 - 50 - 13 * 0.8 * 0.75)
    assert plan.months[3].hires_starting == 13


def test_it_marks_a_gap_too_soon_to_close_as_late_and_starts_as_early_as_possible():
    plan_input = flat_plan(required_fte=[50.0] + [60.0] * 11, today=date(2026, 12, 15), hire_lead_days=45)

    plan = hiring_plan(plan_input)

    # February would need a class in November 2026; the earliest start is the first 1st at least 45 days
    # after 15 December: 1 February 2027. One class, not one for each late month.
    (late_class,) = plan.classes
    assert late_class == Class(
        start=date(2027, 2, 1),
        hires=13,
        open_requisition_by=date(2026, 12, 18),
        productive_month=date(2027, 5, 1),
        for_month=date(2027, 2, 1),
        late=True,
    )
    assert [round(row.gap_with_plan, 2) for row in plan.months[1:5]] == [10.0, 4.8, 2.2, -0.4]


def test_it_counts_pipeline_hires_against_the_need():
    with_pipeline = step_in_july(pipeline_hires=[(date(2027, 4, 14), 5)])

    plan = hiring_plan(with_pipeline)

    # The 5 already hired give 4 FTE in July; the remaining 6 FTE take 7.5 -> 8 people.
    assert [c.hires for c in plan.classes] == [8]
    assert plan.months[6].available_fte_without_hiring == pytest.approx(54.0)
    assert plan.months[3].hires_starting == 13


def test_it_hires_more_when_attrition_is_higher():
    def total_hires(attrition):
        plan_input = PlanInput(
            months=[date(2027 + (m // 12), m % 12 + 1, 1) for m in range(24)],
            required_fte=[100.0] * 24,
            current_fte_by_month=[100 * 0.98**m for m in range(24)],
            monthly_attrition=attrition,
            ramp=Ramp(),
            hire_lead_days=60,
            today=date(2026, 10, 1),
        )
        return sum(c.hires for c in hiring_plan(plan_input).classes)

    totals = [total_hires(attrition) for attrition in (0.0, 0.01, 0.02, 0.03, 0.05, 0.08)]

    assert totals == sorted(totals)
    assert totals[-1] > totals[0]


def test_it_hires_nobody_when_required_equals_available():
    plan = hiring_plan(flat_plan())

    assert plan.classes == []
    assert all(row.gap_with_plan == 0 and row.gap_without_hiring == 0 for row in plan.months)
    assert all(row.hires_starting == 0 and row.exits_expected == 0 for row in plan.months)


def test_it_counts_todays_agents_exits_from_their_expected_fte():
    plan_input = flat_plan(months=MONTHS_2027[:3], required_fte=[0.0] * 3, current_fte_by_month=[100.0, 97.0, 94.09])

    rows = project(plan_input, [])

    # 3 leave in January and 2.91 in February; March goes on at February's rate (3 %).
    assert [row.exits_expected for row in rows] == pytest.approx([3.0, 2.91, 2.8227])


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"monthly_attrition": -0.01}, "monthly attrition must be at least 0"),
        ({"monthly_attrition": 1.0}, "monthly attrition must be at least 0 and below 1"),
        (
            {"months": [date(2027, 1, 1), date(2027, 3, 1)], "required_fte": [1, 1], "current_fte_by_month": [1, 1]},
            "consecutive",
        ),
        ({"months": [date(2027, 1, 15)], "required_fte": [1], "current_fte_by_month": [1]}, "first day"),
        ({"months": []}, "at least one month"),
        ({"required_fte": [50.0] * 11}, "11 values for 12 months"),
        ({"required_fte": [-1.0] * 12}, "zero or more"),
        ({"hire_lead_days": -5}, "time to hire"),
        ({"pipeline_hires": [(date(2027, 2, 1), -3)]}, "negative number of people"),
    ],
)
def test_it_refuses_bad_plan_inputs(changes, message):
    with pytest.raises(ValueError, match=message):
        hiring_plan(flat_plan(**changes))


@pytest.mark.parametrize(
    ("ramp", "message"),
    [
        ({"early_loss": 1.0}, "early loss must be at least 0 and below 1"),
        ({"early_loss": -0.1}, "early loss"),
        ({"training_months": -1}, "training"),
        ({"curve": (0.5, 1.5)}, "between 0 and 1"),
    ],
)
def test_it_refuses_a_ramp_that_makes_no_sense(ramp, message):
    with pytest.raises(ValueError, match=message):
        Ramp(**ramp)


def test_it_refuses_negative_rates_for_steady_state_hires():
    with pytest.raises(ValueError, match="monthly attrition"):
        steady_state_hires(headcount=100, monthly_attrition=-0.03, early_loss=0.2)
    with pytest.raises(ValueError, match="early loss"):
        steady_state_hires(headcount=100, monthly_attrition=0.03, early_loss=1.0)
