"""Ships classifier v2 (profiles/data/classifier_v2.zlib) as the newest classifier version.

v2 learns from the shipped sentences plus 529 labelled sentences of 75 real job ads (the ads are
listed with their sources in bench/adcorpus.jsonl; their texts and sentences are not committed, their
licences forbid it; classifier_v2.json records the SHA-256 of the sentence set). Measured without
cheating (bench/adcorpus.py, each ad analysed by a model that never saw its sentences) it adds signal
to the lexicon: sign agreement 70 % → 83 %, Spearman +0.60 → +0.72, verdicts for 72 % → 79 % of ads.

Copies the file's bytes with the standard library only (see 0004). Installs on top of whatever
versions exist (an install that retrained already has a version 2), renaming the model inside to
match its number. An installation's own retraining (services.classifier_train) learns from the
shipped sentences and its recruiters' corrections only: the real sentences are not shipped.
"""

import hashlib
import json
import zlib
from pathlib import Path

from django.db import migrations
from django.db.models import Max

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
META = "classifier_v2.json"


def _meta() -> dict:
    return json.loads((DATA_DIR / META).read_text(encoding="utf-8"))


def _figures(meta: dict) -> dict:
    return meta.get("macro_f1_grouped_by_ad", {}).get("shipped_plus_real", {})


def load_v2(apps, schema_editor):
    ClassifierModel = apps.get_model("profiles", "ClassifierModel")
    meta = _meta()
    blob = (DATA_DIR / meta["model"]).read_bytes()
    if hashlib.sha256(blob).hexdigest() != meta["model_sha256"]:
        raise ValueError(f"{meta['model']} does not match the hash in {META}; run classifier_build --real.")
    number = (ClassifierModel.objects.aggregate(n=Max("version"))["n"] or 0) + 1
    if f"m{number}" != meta["version"]:
        data = json.loads(zlib.decompress(blob).decode("utf-8"))
        data["version"] = f"m{number}"
        blob = zlib.compress(json.dumps(data, separators=(",", ":")).encode("utf-8"), level=6)
    ClassifierModel.objects.create(version=number, blob=blob, sentences=meta["sentences"], macro_f1=_figures(meta))


def remove_v2(apps, schema_editor):
    ClassifierModel = apps.get_model("profiles", "ClassifierModel")
    meta = _meta()
    installed = ClassifierModel.objects.filter(sentences=meta["sentences"], corrections=0, created_by=None)
    for model in installed.order_by("-version"):
        if model.macro_f1 == _figures(meta):
            model.delete()
            return


class Migration(migrations.Migration):
    dependencies = [("profiles", "0008_lexicon_v2")]

    operations = [migrations.RunPython(load_v2, remove_v2)]
