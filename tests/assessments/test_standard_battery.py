"""Migration assessments/0002 writes the frozen standard battery; the live validator still accepts it."""

import json

from assessments import battery_file
from assessments.models import Assessment, Item, Option, Section
from profiles.models import Competency

FOLDER = battery_file.STANDARD_BATTERY


def test_it_loads_every_section_item_and_option_of_the_frozen_files(db):
    files = {
        key: json.loads((FOLDER / f"{key}.json").read_text(encoding="utf-8")) for key in battery_file.PART_SECTIONS
    }
    battery = Assessment.objects.get(slug="service-profile-standard")
    assert list(Section.objects.filter(assessment=battery).values_list("key", flat=True)) == list(
        battery_file.PART_SECTIONS
    )
    assert Item.objects.filter(section__assessment=battery).count() == sum(map(len, files.values())) == 70
    assert Option.objects.filter(item__section__assessment=battery).count() == 100
    first = files["situations"][0]
    item = Item.objects.get(section__key="situations", key=first["key"])
    assert (item.order, item.kind, item.stem) == (1, first["kind"], first["stem"])
    assert [o.scores for o in item.options.order_by("order")] == [o.get("scores", {}) for o in first["options"]]
    correct = sum(bool(o.get("correct")) for item in files["skills"] for o in item.get("options", []))
    assert Option.objects.filter(item__section__key="skills", correct=True).count() == correct == 4


def test_the_frozen_files_still_pass_the_live_validator(db):
    competencies = set(Competency.objects.values_list("code", flat=True))
    data = battery_file.load(FOLDER, competencies)
    assert battery_file.validate(data, competencies) == []
    timed = {s["key"]: s.get("time_limit_minutes") for s in data["sections"]}
    stored = dict(Section.objects.values_list("key", "time_limit_seconds"))
    assert stored == {key: minutes * 60 if minutes else None for key, minutes in timed.items()}
