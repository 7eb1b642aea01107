import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from tests.staffing.plan_factories import agents_make, settings_make, traffic_make


@pytest.fixture
def centre(db):
    traffic_make(last_day=timezone.localdate() - timedelta(days=1))
    settings_make(monthly_attrition=0.02, time_to_hire_days=30)
    agents_make(24)


def run(*args) -> str:
    out = StringIO()
    call_command("staffing_plan", *args, stdout=out)
    return out.getvalue()


def test_it_prints_the_plan_as_a_table(centre):
    lines = run().splitlines()

    assert lines[1].split()[:3] == ["month", "required", "available"]  # under a line of group titles
    assert len([line for line in lines[1:14] if line[:4].isdigit()]) == 12
    assert any(line.startswith("class start") for line in lines)
    assert any("24" in line and "Agents today" in line for line in lines)


def test_it_prints_json_that_moves_with_the_what_ifs(centre):
    base = json.loads(run("--format", "json"))
    worse = json.loads(run("--format", "json", "--attrition-points", "10", "--aht-percent", "10"))

    assert len(base["months"]) == 12 and base["inputs"]["agents_today"] == 24
    assert sum(c["hires"] for c in worse["classes"]) > sum(c["hires"] for c in base["classes"])
    assert worse["what_if"]["aht_percent"] == 10


def test_it_refuses_values_out_of_range_and_says_when_there_is_no_traffic(db):
    with pytest.raises(CommandError, match="--shrinkage"):
        run("--shrinkage", "0.95")
    with pytest.raises(CommandError, match="between 1 and 24"):
        traffic_make(last_day=timezone.localdate() - timedelta(days=1))
        run("--months", "30")


def test_it_says_when_there_is_no_traffic(db):
    with pytest.raises(CommandError, match="No traffic"):
        run()


def test_it_groups_the_table_s_columns_so_no_two_headers_read_as_one_phrase(centre):
    lines = run().splitlines()
    groups, header, first = lines[0], lines[1], lines[2]

    assert header.split() == ["month", "required", "available", "shortfall", "service", "level", "|", "hires"] + [
        "available",
        "shortfall",
    ]
    assert "with plan gap" not in header and "hires with" not in header
    # Each group's title lies over its own columns, and each figure under its header.
    assert groups.index("if nobody is hired") < header.index("|") < groups.index("with the hiring plan")
    under_a_title = [groups[header.index(name)] != " " for name in ("available", "level", "|")]
    under_a_title += [groups[position] != " " for position in (header.index("hires"), len(header) - 1)]
    assert under_a_title == [True, True, False, True, True]
    assert len(first) == len(header) and first[header.index("|")] == "|"
    classes = next(line for line in lines if line.startswith("class starts"))
    assert classes.split()[:3] == ["class", "starts", "hires"] and "open the requisition by" in classes
