"""Ships lexicon v2, measured on real job ads (bench/adcorpus.py), as the newest version.

v2 revises v1 from real Danish, Norwegian, Swedish and English ads: the cues real ads use
(adjectives alone, phrases of taking charge and advising, troubleshooting, commercial drive, working
independently, loanwords such as "service-minded"), parts of speech, and rewrites that keep the
sentence grammatical. Reads the frozen file profiles/data/lexicon_v2.json with the standard library
only (see 0002). Installs on top of whatever versions exist, so an edited v1 stays as history.
"""

import json
from pathlib import Path

from django.db import migrations
from django.db.models import Max

SOURCE = "lexicon_v2.json"
DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def load_lexicon_v2(apps, schema_editor):
    LexiconVersion = apps.get_model("profiles", "LexiconVersion")
    LanguageMarker = apps.get_model("profiles", "LanguageMarker")
    ServiceType = apps.get_model("profiles", "ServiceType")
    if LexiconVersion.objects.filter(source=SOURCE).exists():
        return
    lexicon = json.loads((DATA_DIR / SOURCE).read_text(encoding="utf-8"))
    types = {t.code: t for t in ServiceType.objects.all()}
    number = (LexiconVersion.objects.aggregate(n=Max("number"))["n"] or 0) + 1
    version = LexiconVersion.objects.create(number=number, note=lexicon["note"].strip()[:300], source=SOURCE)
    LanguageMarker.objects.bulk_create(
        LanguageMarker(
            lexicon_version=version,
            language=m["language"],
            service_type=types[m["type"]],
            phrase=" ".join(m["phrase"].split()),
            weight=float(m.get("weight", 1.0)),
            pos=m.get("pos", ""),
            suggestions=[
                {"type": s["type"], "text": " ".join(s["text"].split()), **({"pos": s["pos"]} if s.get("pos") else {})}
                for s in m.get("suggestions") or []
            ],
        )
        for m in lexicon["markers"]
    )


def unload_lexicon_v2(apps, schema_editor):
    apps.get_model("profiles", "LexiconVersion").objects.filter(source=SOURCE).delete()


class Migration(migrations.Migration):
    dependencies = [("profiles", "0007_marker_part_of_speech")]

    operations = [migrations.RunPython(load_lexicon_v2, unload_lexicon_v2)]
