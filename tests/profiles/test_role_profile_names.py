"""Role profiles are data, so their names are too: the shipped ones come in every UI language."""

import pytest
from django.utils import translation

from profiles.models import RoleProfile
from profiles.services import role_profile_update

SHIPPED = {
    "advisor-controller-led": {"da": "Rådgiver (Controller-ledet)", "sv": "Rådgivare (Controller-ledd)"},
    "technical-support-specialist": {"nb": "Teknisk supportspesialist", "en": "Technical support specialist"},
}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("slug", "language", "name"), [(s, lang, n) for s, names in SHIPPED.items() for lang, n in names.items()]
)
def test_it_names_a_shipped_role_profile_in_the_reader_s_language(slug, language, name):
    profile = RoleProfile.objects.get(slug=slug)

    with translation.override(language):
        assert str(profile) == name
        assert profile.name_in() == name


@pytest.mark.django_db
def test_it_has_every_shipped_profile_in_danish_norwegian_and_swedish():
    missing = [
        (profile.slug, language)
        for profile in RoleProfile.objects.filter(is_template=True)
        for language in ("da", "nb", "sv")
        if not profile.translations.get(language, {}).get("name")
        or not profile.translations[language].get("description")
    ]

    assert not missing


@pytest.mark.django_db
def test_it_drops_the_translations_when_a_profile_is_renamed():
    """A Danish reader must see the new name, not a translation of the old one."""
    profile = RoleProfile.objects.get(slug="classic-service-agent")

    role_profile_update(role_profile=profile, name="Frontline agent")

    profile.refresh_from_db()
    with translation.override("da"):
        assert profile.name_in() == "Frontline agent"
    assert profile.translations == {}
