"""The shipped framework: what the admin and the API show on a fresh install."""

from collections import Counter

import pytest

from profiles.models import Competency, LanguageMarker, RoleProfile, ServiceType

LANGUAGES = ["en", "da", "nb", "sv"]


def test_the_seven_types_exist_in_four_languages(db):
    types = ServiceType.objects.prefetch_related("translations")
    assert [t.code for t in types][:2] == ["controller", "empathizer"]
    assert len(types) == 7
    for service_type in types:
        translations = {t.language: t for t in service_type.translations.all()}
        assert sorted(translations) == sorted(LANGUAGES), service_type.code
        for t in translations.values():
            assert t.name and t.summary and t.description
            assert len(t.strength_list) >= 2 and len(t.risk_list) >= 2 and len(t.behavioural_marker_list) >= 2


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_40_markers_with_controller_and_empathizer_richest(db, language):
    counts = Counter(
        LanguageMarker.objects.filter(lexicon_version__number=1, language=language).values_list(
            "service_type__code", flat=True
        )
    )
    assert sum(counts.values()) >= 40
    assert set(counts) == {t.code for t in ServiceType.objects.all()}
    others = [n for code, n in counts.items() if code not in ("controller", "empathizer")]
    assert min(counts["controller"], counts["empathizer"]) >= max(others)


def test_the_seed_phrases_are_in_the_danish_lexicon(db):
    danish = dict(LanguageMarker.objects.filter(language="da").values_list("phrase", "service_type__code"))
    assert danish["servicemindet"] == "empathizer"
    assert danish["problemløser"] == "controller"


def test_competencies_have_anchors_for_five_levels_in_every_language(db):
    competencies = Competency.objects.prefetch_related("translations")
    assert 8 <= len(competencies) <= 12
    for competency in competencies:
        assert sorted(t.language for t in competency.translations.all()) == sorted(LANGUAGES)
        for t in competency.translations.all():
            assert all(t.anchors[level] for level in range(1, 6))


def test_the_three_role_profile_templates_have_valid_mixes(db):
    templates = RoleProfile.objects.filter(is_template=True).prefetch_related("type_weights", "competencies")
    assert {t.slug for t in templates} == {
        "advisor-controller-led",
        "classic-service-agent",
        "technical-support-specialist",
    }
    for template in templates:
        assert sum(w.weight for w in template.type_weights.all()) == 1
        assert template.competencies.count() >= 4
