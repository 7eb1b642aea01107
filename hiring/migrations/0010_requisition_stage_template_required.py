import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("hiring", "0009_standard_stage_templates")]

    operations = [
        migrations.AlterField(
            model_name="requisition",
            name="stage_template",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="requisitions",
                to="hiring.stagetemplate",
                verbose_name="stage template",
            ),
        ),
    ]
