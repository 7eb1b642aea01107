import pytest

from servicefit.core.ids import MAX_ID, record_id


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("7", 7),
        (str(MAX_ID), MAX_ID),
        ("0", None),
        (str(MAX_ID + 1), None),
        ("222520197472271592138996518486016", None),
        ("-3", None),
        ("٣", None),
        ("3a", None),
        ("", None),
        (" 3", None),
    ],
)
def test_it_reads_only_ids_a_database_can_hold(raw, expected):
    assert record_id(raw) == expected


def test_it_refuses_a_team_beyond_any_database_id_on_the_at_risk_api(api, hr_user):
    response = api.as_user(hr_user).get("/api/at-risk/?team=222520197472271592138996518486016")
    assert response.status_code == 400
