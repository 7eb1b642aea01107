"""Ships the standard battery (assessments/data/standard_battery/) in en, da, nb and sv.

Standard library only: the files are frozen, and the live validator (assessments.battery_file)
may change without changing what this migration writes; a test checks the files still pass it.
"""

import json
from pathlib import Path

from django.db import migrations

FOLDER = Path(__file__).resolve().parent.parent / "data" / "standard_battery"
SECTIONS = ("inventory", "preferences", "situations", "skills")


def read(name: str):
    return json.loads((FOLDER / name).read_text(encoding="utf-8"))


def load(apps, schema_editor):
    Assessment = apps.get_model("assessments", "Assessment")
    Section = apps.get_model("assessments", "Section")
    Item = apps.get_model("assessments", "Item")
    Option = apps.get_model("assessments", "Option")

    meta = read("meta.json")
    assessment = Assessment.objects.create(slug=meta["slug"], title=meta["title"], intro=meta.get("intro", {}))
    for section_order, key in enumerate(SECTIONS, start=1):
        section_data = meta["sections"][key]
        minutes = section_data.get("time_limit_minutes")
        section = Section.objects.create(
            assessment=assessment,
            key=key,
            order=section_order,
            title=section_data["title"],
            instructions=section_data.get("instructions", {}),
            time_limit_seconds=minutes * 60 if minutes else None,
        )
        for item_order, item_data in enumerate(read(f"{key}.json"), start=1):
            item = Item.objects.create(
                section=section,
                key=item_data["key"],
                order=item_order,
                kind=item_data["kind"],
                stem=item_data["stem"],
                scale=item_data.get("scale", ""),
                reverse=item_data.get("reverse", False),
                rubric=item_data.get("rubric", {}),
            )
            Option.objects.bulk_create(
                Option(
                    item=item,
                    key=option["key"],
                    order=option_order,
                    text=option["text"],
                    service_type=option.get("type", ""),
                    correct=bool(option.get("correct")),
                    scores=option.get("scores", {}),
                )
                for option_order, option in enumerate(item_data.get("options", []), start=1)
            )


def unload(apps, schema_editor):
    apps.get_model("assessments", "Assessment").objects.filter(slug="service-profile-standard").delete()


class Migration(migrations.Migration):
    dependencies = [("assessments", "0001_initial"), ("profiles", "0002_framework_data")]

    operations = [migrations.RunPython(load, unload)]
