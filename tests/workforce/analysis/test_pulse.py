import pytest

from workforce.analysis.pulse import enps, item_summary, pulse_summary


def test_it_computes_enps_as_promoters_minus_detractors():
    # 10, 9, 9 promoters; 8, 7 passives; 6, 0, 3 detractors: (3 - 3) / 8 = 0; then 4 - 1 of 5 = 60.
    assert enps([10, 9, 9, 8, 7, 6, 0, 3]) == 0
    assert enps([10, 10, 9, 9, 2]) == 60
    assert enps([0, 0]) == -100
    assert enps([]) is None


def test_it_suppresses_groups_under_five():
    assert pulse_summary([10, 9, 8, 2]) is None
    assert pulse_summary([10, 9, 8, 2, 6]) == {"n": 5, "promoters": 2, "passives": 1, "detractors": 2, "enps": 0}
    assert item_summary([4, 5, 3, 4]) is None
    assert item_summary([4, 5, 3, 4, 4]) == {"n": 5, "mean": 4.0}


@pytest.mark.parametrize("answer", [11, -1, 7.5, "9", True, None])
def test_it_refuses_answers_off_the_scale(answer):
    with pytest.raises(ValueError, match="whole number from 0 to 10"):
        enps([9, answer])
