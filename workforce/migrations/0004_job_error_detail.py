from django.db import migrations, models
from django.db.models import F

# A job that failed on an error of ours kept the error's kind and first line ("KeyError: 'lix'") as the
# message its user read. That is the admin's now (error_detail); the user reads a sentence in their own
# language. A refusal of the job's own input ("The file was refused.") stays the user's message.
CRASH = r"^[A-Za-z_]\w*(:\s|$)"  # servicefit.core.jobs.error_text: "OSError: disk full", "MemoryError"


def detail_from_error(apps, schema_editor):
    jobs = apps.get_model("workforce", "SnapshotTraining").objects.filter(status="failed")
    jobs.filter(error__regex=CRASH).update(error_detail=F("error"), error="")


def error_from_detail(apps, schema_editor):
    jobs = apps.get_model("workforce", "SnapshotTraining").objects.filter(status="failed")
    jobs.filter(error="").exclude(error_detail="").update(error=F("error_detail"))


class Migration(migrations.Migration):
    dependencies = [
        ("workforce", "0003_dash"),
    ]

    operations = [
        migrations.AddField(
            model_name="snapshottraining",
            name="error_detail",
            field=models.TextField(blank=True, verbose_name="technical detail"),
        ),
        migrations.RunPython(detail_from_error, error_from_detail),
    ]
