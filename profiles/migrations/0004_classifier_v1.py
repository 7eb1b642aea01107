"""Trains classifier v1 on the shipped sentence corpus, so a fresh install scores paraphrases.

Cross-validation is left to `bench/jobads.py` and to later retraining: it would add half a minute
to every migrate (and to every test database).
"""

from django.db import migrations

from profiles.analysis.classifier import SentenceClassifier, read_corpus
from profiles.framework_file import DATA_DIR


def train_v1(apps, schema_editor):
    ClassifierModel = apps.get_model("profiles", "ClassifierModel")
    with (DATA_DIR / "sentences.jsonl").open(encoding="utf-8") as lines:
        rows = read_corpus(lines)
    classifier = SentenceClassifier.train(rows, version="m1")
    ClassifierModel.objects.create(version=1, blob=classifier.dumps(), sentences=len(rows))


def remove_v1(apps, schema_editor):
    apps.get_model("profiles", "ClassifierModel").objects.filter(version=1).delete()


class Migration(migrations.Migration):
    dependencies = [("profiles", "0003_classifier")]

    operations = [migrations.RunPython(train_v1, remove_v1)]
