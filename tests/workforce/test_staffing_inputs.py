from datetime import date

import numpy as np
import pytest

from tests.staffing.plan_factories import agents_make, hazard_model_make
from workforce.models import AttritionModel, EmploymentStatus, ModelKind
from workforce.staffing_inputs import agents_outlook, starters_after

TODAY = date(2025, 1, 15)


@pytest.fixture
def centre(db):
    agents_make(3)
    agents_make(1, start=10, exit_date=date(2025, 2, 15), exit_type="voluntary", exit_reason="pay")
    agents_make(1, start=20, exit_date=date(2024, 12, 31), exit_type="voluntary", exit_reason="pay")
    agents_make(1, start=30, employment_status=EmploymentStatus.ON_LEAVE)
    agents_make(2, start=40, hire_date=date(2025, 2, 3))


def test_it_counts_the_agents_at_work_today_with_their_known_exits(centre):
    outlook = agents_outlook(as_of=TODAY, months=3)

    assert len(outlook.hire_dates) == 4  # three staying, one working their notice
    assert sorted(outlook.exit_dates, key=lambda d: d or date.max) == [date(2025, 2, 15), None, None, None]
    assert outlook.hazards is None and outlook.model_version is None


def test_it_gives_each_agent_the_models_monthly_hazard(centre):
    hazard_model_make(monthly=0.05)

    outlook = agents_outlook(as_of=TODAY, months=4)

    assert outlook.hazards.shape == (4, 4)
    assert np.allclose(outlook.hazards, 0.05)
    assert outlook.model_version == 1


def test_it_advances_the_tenure_month_by_month(db):
    agents_make(1, hire_date=date(2024, 12, 10))  # one month of tenure on TODAY
    hazard_model_make(monthly=0.01, first_quarter=0.2)

    hazards = agents_outlook(as_of=TODAY, months=4).hazards[0]

    # Tenure 1 and 2 months: the first quarter's hazard; from 3 months on the settled one.
    assert hazards == pytest.approx([0.2, 0.2, 0.01, 0.01])


def test_it_ignores_a_model_trained_on_other_features(centre):
    model = hazard_model_make(monthly=0.05)
    AttritionModel.objects.filter(pk=model.pk).update(schema_hash="0" * 64)

    assert agents_outlook(as_of=TODAY, months=2).hazards is None
    assert AttritionModel.objects.filter(kind=ModelKind.HAZARD, is_active=True).exists()


def test_it_lists_the_agents_who_start_later(centre):
    assert starters_after(TODAY) == [(None, date(2025, 2, 3))] * 2
    assert starters_after(date(2025, 2, 3)) == []


def test_it_reads_in_a_fixed_number_of_queries(db, django_assert_max_num_queries):
    agents_make(50)
    hazard_model_make(monthly=0.05)
    with django_assert_max_num_queries(12):
        agents_outlook(as_of=TODAY, months=12)


def test_it_scores_new_hires_at_their_own_tenure(db):
    agents_make(3)  # tenured: the settled hazard
    hazard_model_make(monthly=0.01, first_quarter=0.2)

    outlook = agents_outlook(as_of=TODAY, months=4, new_hire_tenure=1)

    assert outlook.hazards == pytest.approx(np.full((3, 4), 0.01))
    # A new hire one month in: two more months in the first quarter, then settled.
    assert outlook.new_hire_hazards == pytest.approx([0.2, 0.2, 0.01, 0.01])
