"""Ships classifier v1 as the file profiles/data/classifier_v1.zlib, so a fresh install scores paraphrases.

The file is what `SentenceClassifier.train` makes from profiles/data/sentences.jsonl (rebuilt with
`manage.py classifier_build`); this migration only copies its bytes, with the standard library, so
it neither trains at migrate time nor depends on today's code. An install migrated before the file
existed trained the same bytes here (training is deterministic; tests/profiles/test_classifier_file.py).
"""

import hashlib
import json
from pathlib import Path

from django.db import migrations

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def load_v1(apps, schema_editor):
    ClassifierModel = apps.get_model("profiles", "ClassifierModel")
    meta = json.loads((DATA_DIR / "classifier_v1.json").read_text(encoding="utf-8"))
    blob = (DATA_DIR / meta["model"]).read_bytes()
    if hashlib.sha256(blob).hexdigest() != meta["model_sha256"]:
        raise ValueError(f"{meta['model']} does not match the hash in classifier_v1.json; run classifier_build.")
    ClassifierModel.objects.create(version=meta["version"], blob=blob, sentences=meta["sentences"])


def remove_v1(apps, schema_editor):
    apps.get_model("profiles", "ClassifierModel").objects.filter(version=1).delete()


class Migration(migrations.Migration):
    dependencies = [("profiles", "0003_classifier")]

    operations = [migrations.RunPython(load_v1, remove_v1)]
