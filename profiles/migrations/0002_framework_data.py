"""Ships the framework and lexicon v1 as data, editable in the admin afterwards.

Reads the frozen files profiles/data/framework.json and lexicon_v1.json; later changes to the
shipped data go in new migrations (or new lexicon versions), never by editing these files.
Standard library only: the live validators (profiles.framework_file, profiles.lexicon_file) may
change, and what an old migration writes must not (tests/profiles/test_framework_data.py checks
that the files still pass them).
"""

import json
from decimal import Decimal
from pathlib import Path

from django.db import migrations

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def read(name: str) -> dict:
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def load_framework(apps, schema_editor):
    ServiceType = apps.get_model("profiles", "ServiceType")
    ServiceTypeTranslation = apps.get_model("profiles", "ServiceTypeTranslation")
    Competency = apps.get_model("profiles", "Competency")
    CompetencyTranslation = apps.get_model("profiles", "CompetencyTranslation")
    RoleProfile = apps.get_model("profiles", "RoleProfile")
    RoleProfileTypeWeight = apps.get_model("profiles", "RoleProfileTypeWeight")
    RoleProfileCompetency = apps.get_model("profiles", "RoleProfileCompetency")
    LexiconVersion = apps.get_model("profiles", "LexiconVersion")
    LanguageMarker = apps.get_model("profiles", "LanguageMarker")

    data = read("framework.json")
    types = {}
    for item in data["service_types"]:
        service_type = ServiceType.objects.create(code=item["code"], order=item["order"])
        types[item["code"]] = service_type
        for language, t in item["translations"].items():
            ServiceTypeTranslation.objects.create(
                service_type=service_type,
                language=language,
                name=t["name"],
                summary=t["summary"],
                description=t["description"],
                strengths="\n".join(t["strengths"]),
                risks="\n".join(t["risks"]),
                behavioural_markers="\n".join(t["behavioural_markers"]),
            )
    competencies = {}
    for item in data["competencies"]:
        competency = Competency.objects.create(code=item["code"], order=item["order"])
        competencies[item["code"]] = competency
        for language, t in item["translations"].items():
            CompetencyTranslation.objects.create(
                competency=competency,
                language=language,
                name=t["name"],
                description=t["description"],
                **{f"level_{level}": t["anchors"][str(level)] for level in range(1, 6)},
            )
    for item in data["role_profiles"]:
        profile = RoleProfile.objects.create(
            slug=item["slug"], name=item["name"], description=item["description"], is_template=True
        )
        for code, weight in item["type_weights"].items():
            RoleProfileTypeWeight.objects.create(
                role_profile=profile, service_type=types[code], weight=Decimal(str(weight))
            )
        for code, level in item["competencies"].items():
            RoleProfileCompetency.objects.create(
                role_profile=profile, competency=competencies[code], target_level=level
            )

    lexicon = read("lexicon_v1.json")
    version = LexiconVersion.objects.create(number=1, note=lexicon["note"].strip()[:300], source="lexicon_v1.json")
    LanguageMarker.objects.bulk_create(
        LanguageMarker(
            lexicon_version=version,
            language=m["language"],
            service_type=types[m["type"]],
            phrase=" ".join(m["phrase"].split()),
            weight=float(m.get("weight", 1.0)),
            suggestions=[{"type": s["type"], "text": " ".join(s["text"].split())} for s in m.get("suggestions") or []],
        )
        for m in lexicon["markers"]
    )


def unload_framework(apps, schema_editor):
    for model in ("LexiconVersion", "RoleProfile", "Competency"):
        apps.get_model("profiles", model).objects.all().delete()
    apps.get_model("profiles", "LanguageMarker").objects.all().delete()
    apps.get_model("profiles", "ServiceType").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("profiles", "0001_initial")]

    operations = [migrations.RunPython(load_framework, unload_framework)]
