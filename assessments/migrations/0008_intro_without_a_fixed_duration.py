"""The standard battery's introduction no longer says "about 35 minutes": the welcome page and the
invitation e-mail now give the length computed from the battery's parts (about 50 minutes, the timed
parts alone 40). Only the stored sentence is removed; an introduction an administrator has rewritten
is left as it is."""

from django.db import migrations

SLUG = "service-profile-standard"
SENTENCES = {
    "en": " It takes about 35 minutes.",
    "da": " Den tager omkring 35 minutter.",
    "nb": " Den tar omtrent 35 minutter.",
    "sv": " Det tar ungefär 35 minuter.",
}


def forwards(apps, schema_editor):
    Assessment = apps.get_model("assessments", "Assessment")
    for assessment in Assessment.objects.filter(slug=SLUG):
        intro = dict(assessment.intro or {})
        changed = {lang: text.replace(SENTENCES[lang], "") for lang, text in intro.items() if lang in SENTENCES}
        if any(intro[lang] != text for lang, text in changed.items()):
            intro.update(changed)
            assessment.intro = intro
            assessment.save(update_fields=["intro"])


class Migration(migrations.Migration):
    dependencies = [("assessments", "0007_written_answers_start_not_reviewed")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
