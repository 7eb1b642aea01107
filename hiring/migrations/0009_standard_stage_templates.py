"""The global stage templates every team starts with, and every existing requisition on the standard one.

The stage lists are written out here rather than read from hiring.models: a migration must do the
same thing whatever the code looks like later."""

from django.db import migrations

STANDARD = [
    {"stage": "applied", "name": "", "optional": False},
    {"stage": "screened", "name": "", "optional": True},
    {"stage": "assessed", "name": "", "optional": True},
    {"stage": "interview", "name": "", "optional": False},
    {"stage": "offer", "name": "", "optional": False},
    {"stage": "hired", "name": "", "optional": False},
]
INTERNAL_MOVE = [
    {"stage": "applied", "name": "", "optional": False},
    {"stage": "interview", "name": "", "optional": False},
    {"stage": "offer", "name": "", "optional": False},
    {"stage": "hired", "name": "", "optional": False},
]


def forwards(apps, schema_editor):
    StageTemplate = apps.get_model("hiring", "StageTemplate")
    Requisition = apps.get_model("hiring", "Requisition")
    standard, _created = StageTemplate.objects.get_or_create(
        team=None, name="Standard", defaults={"stages": STANDARD, "is_default": True}
    )
    StageTemplate.objects.get_or_create(team=None, name="Internal move", defaults={"stages": INTERNAL_MOVE})
    Requisition.objects.filter(stage_template__isnull=True).update(stage_template=standard)


def backwards(apps, schema_editor):
    apps.get_model("hiring", "Requisition").objects.update(stage_template=None)
    apps.get_model("hiring", "StageTemplate").objects.filter(team=None, name__in=["Standard", "Internal move"]).delete()


class Migration(migrations.Migration):
    dependencies = [("hiring", "0008_stage_templates_and_hires")]

    operations = [migrations.RunPython(forwards, backwards)]
