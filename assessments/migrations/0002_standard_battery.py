"""Ships the standard battery (assessments/data/standard_battery/) in en, da, nb and sv."""

from django.db import migrations

from assessments import battery_file


def load(apps, schema_editor):
    competencies = set(apps.get_model("profiles", "Competency").objects.values_list("code", flat=True))
    data = battery_file.load(battery_file.STANDARD_BATTERY, competencies)
    battery_file.write(
        data,
        Assessment=apps.get_model("assessments", "Assessment"),
        Section=apps.get_model("assessments", "Section"),
        Item=apps.get_model("assessments", "Item"),
        Option=apps.get_model("assessments", "Option"),
    )


def unload(apps, schema_editor):
    apps.get_model("assessments", "Assessment").objects.filter(slug="service-profile-standard").delete()


class Migration(migrations.Migration):
    dependencies = [("assessments", "0001_initial"), ("profiles", "0002_framework_data")]

    operations = [migrations.RunPython(load, unload)]
