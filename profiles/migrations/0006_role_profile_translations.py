# The shipped role profiles' names and descriptions in Danish, Norwegian and Swedish. The texts are
# frozen here, so this migration gives a fresh and an old install the same result.

from django.db import migrations, models

TRANSLATIONS = {
    "advisor-controller-led": {
        "da": {
            "name": "Rådgiver (Controller-ledet)",
            "description": "Rådgivende frontlinjerolle til de komplekse, kommercielle sager, der er tilbage efter "
            "selvbetjeningen: tager styringen i dialogen, finder årsagen til problemet og anbefaler den bedste løsning.",
        },
        "nb": {
            "name": "Rådgiver (Controller-ledet)",
            "description": "Rådgivende frontlinjerolle for de komplekse, kommersielle sakene som gjenstår etter "
            "selvbetjeningen: tar styringen i samtalen, finner årsaken til problemet og anbefaler den beste løsningen.",
        },
        "sv": {
            "name": "Rådgivare (Controller-ledd)",
            "description": "Rådgivande frontlinjeroll för de komplexa, affärsmässiga ärenden som återstår efter "
            "självservicen: tar befälet i samtalet, hittar orsaken till problemet och rekommenderar den bästa lösningen.",
        },
    },
    "classic-service-agent": {
        "da": {
            "name": "Klassisk kundeservicemedarbejder (Empathizer-ledet)",
            "description": "Traditionel servicerolle med mange daglige henvendelser på telefon, chat og e-mail, hvor "
            "en varm, tålmodig facon og ro under pres betyder mest.",
        },
        "nb": {
            "name": "Klassisk kundeservicemedarbeider (Empathizer-ledet)",
            "description": "Tradisjonell servicerolle med mange hverdagslige henvendelser på telefon, chat og e-post, "
            "der en varm, tålmodig væremåte og ro under press betyr mest.",
        },
        "sv": {
            "name": "Klassisk kundtjänstmedarbetare (Empathizer-ledd)",
            "description": "Traditionell serviceroll med många vardagliga ärenden via telefon, chatt och e-post, där "
            "ett varmt, tålmodigt bemötande och lugn under press betyder mest.",
        },
    },
    "technical-support-specialist": {
        "da": {
            "name": "Teknisk supportspecialist",
            "description": "Specialist i anden linje, der fejlsøger komplekse produkt- og systemfejl, guider kunden "
            "gennem løsningen og melder tilbagevendende problemer tilbage til produkter og processer.",
        },
        "nb": {
            "name": "Teknisk supportspesialist",
            "description": "Andrelinjespesialist som feilsøker komplekse produkt- og systemfeil, leder kunden gjennom "
            "løsningen og melder tilbakevendende problemer tilbake til produkter og prosesser.",
        },
        "sv": {
            "name": "Teknisk supportspecialist",
            "description": "Specialist i andra linjen som felsöker komplexa produkt- och systemfel, guidar kunden "
            "genom lösningen och återkopplar återkommande problem till produkter och processer.",
        },
    },
}


def translate(apps, schema_editor):
    RoleProfile = apps.get_model("profiles", "RoleProfile")
    # Only the shipped profiles; one that already has translations keeps them.
    for profile in RoleProfile.objects.filter(slug__in=TRANSLATIONS, is_template=True, translations={}):
        profile.translations = TRANSLATIONS[profile.slug]
        profile.save(update_fields=["translations"])


def untranslate(apps, schema_editor):
    apps.get_model("profiles", "RoleProfile").objects.filter(slug__in=TRANSLATIONS).update(translations={})


class Migration(migrations.Migration):
    dependencies = [
        ("profiles", "0005_lexicon_upload_job"),
    ]

    operations = [
        migrations.AddField(
            model_name="roleprofile",
            name="translations",
            field=models.JSONField(blank=True, default=dict, verbose_name="translations"),
        ),
        migrations.RunPython(translate, untranslate),
    ]
