from decimal import Decimal

import pytest

from profiles.role_mix import type_weight_errors


def test_a_mix_summing_to_one_is_valid():
    assert type_weight_errors({"controller": 0.5, "empathizer": "0.3", "rock": Decimal("0.2")}) == []


def test_thirds_rounded_to_three_decimals_are_accepted():
    assert type_weight_errors({"controller": "0.333", "empathizer": "0.333", "rock": "0.333"}) == []


def test_it_names_the_sum_when_it_is_not_one():
    assert type_weight_errors({"controller": 0.5, "empathizer": 0.4}) == [
        "The service-type weights must sum to 1 (they sum to 0.9)."
    ]


@pytest.mark.parametrize("weight", [-0.1, 1.2, "abc", "NaN"])
def test_it_refuses_a_weight_outside_zero_to_one(weight):
    errors = type_weight_errors({"controller": weight, "empathizer": 1})
    assert errors and "controller" in errors[0]


def test_it_refuses_unknown_types_and_an_empty_mix():
    assert type_weight_errors({"boss": 1}) == ["Unknown service types: boss."]
    assert type_weight_errors({}) == ["Give a weight for at least one service type."]
