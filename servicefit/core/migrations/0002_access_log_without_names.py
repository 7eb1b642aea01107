import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    """The access log keeps ids and a category, never a name: old labels are blanked before the
    column goes, so no copy of them survives the table rebuild."""

    dependencies = [
        ("core", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunSQL("UPDATE core_accesslog SET target_label = ''", migrations.RunSQL.noop),
        migrations.RemoveField(model_name="accesslog", name="target_label"),
        migrations.AddField(
            model_name="accesslog",
            name="category",
            field=models.CharField(default="", max_length=40, verbose_name="category"),
            preserve_default=False,
        ),
        # Until now only candidates' invitations were logged.
        migrations.RunSQL(
            "UPDATE core_accesslog SET category = 'candidate' WHERE target_type LIKE 'assessments.%'",
            migrations.RunSQL.noop,
        ),
        migrations.AlterField(
            model_name="accesslog",
            name="user",
            field=models.ForeignKey(
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="user",
            ),
        ),
        migrations.AlterModelOptions(
            name="accesslog",
            options={
                "ordering": ["-at", "-id"],
                "verbose_name": "personal-data access",
                "verbose_name_plural": "personal-data access log",
            },
        ),
    ]
