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


@pytest.mark.parametrize(("number", "at_least"), [(1, 40), (2, 140)])
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_its_markers_with_controller_and_empathizer_richest(db, language, number, at_least):
    counts = Counter(
        LanguageMarker.objects.filter(lexicon_version__number=number, language=language).values_list(
            "service_type__code", flat=True
        )
    )
    assert sum(counts.values()) >= at_least
    assert set(counts) == {t.code for t in ServiceType.objects.all()}
    others = [n for code, n in counts.items() if code not in ("controller", "empathizer")]
    assert min(counts["controller"], counts["empathizer"]) >= max(others)


@pytest.mark.parametrize("number", [1, 2])
def test_the_seed_phrases_are_in_the_danish_lexicon(db, number):
    danish = dict(
        LanguageMarker.objects.filter(lexicon_version__number=number, language="da").values_list(
            "phrase", "service_type__code"
        )
    )
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


def test_the_migration_wrote_every_row_of_the_frozen_files(db):
    from profiles import framework_file

    data = framework_file.load()  # the live validator still accepts the frozen file
    assert ServiceType.objects.count() == len(data["service_types"]) == 7
    assert Competency.objects.count() == len(data["competencies"])
    assert RoleProfile.objects.filter(is_template=True).count() == len(data["role_profiles"]) == 3
    support = RoleProfile.objects.get(slug="technical-support-specialist")
    expected = next(p for p in data["role_profiles"] if p["slug"] == "technical-support-specialist")
    weights = {w.service_type.code: float(w.weight) for w in support.type_weights.select_related("service_type")}
    assert weights == expected["type_weights"]
    controller = ServiceType.objects.get(code="controller").translation("da")
    assert controller.strength_list == next(
        t["translations"]["da"]["strengths"] for t in data["service_types"] if t["code"] == "controller"
    )


SHIPPED_LEXICONS = [
    pytest.param(
        1,
        "lexicon_v1.json",
        380,
        {"type": "controller", "text": "problem solver who takes ownership of the case"},
        id="v1",
    ),
    pytest.param(2, "lexicon_v2.json", 600, {"type": "controller", "text": "solution-focused", "pos": "adj"}, id="v2"),
]


@pytest.mark.parametrize(("number", "filename", "at_least", "first_suggestion"), SHIPPED_LEXICONS)
def test_the_markers_equal_what_the_live_lexicon_validator_reads(db, number, filename, at_least, first_suggestion):
    from profiles import framework_file, lexicon_file

    text = (framework_file.DATA_DIR / filename).read_text(encoding="utf-8")
    parsed = lexicon_file.load(text, "json")  # the live validator still accepts the frozen file
    stored = LanguageMarker.objects.filter(lexicon_version__number=number).values_list(
        "language", "service_type__code", "phrase", "weight", "pos", "suggestions"
    )
    expected = [(m.language, m.type, m.phrase, m.weight, m.pos, list(m.suggestions)) for m in parsed.markers]
    assert len(stored) == len(expected) >= at_least
    assert sorted(stored, key=repr) == sorted(expected, key=repr)
    marker = LanguageMarker.objects.select_related("lexicon_version").get(
        lexicon_version__number=number, language="en", phrase="service-minded"
    )
    assert (marker.lexicon_version.note, marker.lexicon_version.source) == (parsed.note, filename)
    assert marker.suggestions[0] == first_suggestion


def test_v2_gives_every_marker_a_part_of_speech_and_v1_none(db):
    parts = Counter(LanguageMarker.objects.filter(lexicon_version__number=2).values_list("pos", flat=True))
    assert set(parts) == {"adj", "noun", "verb", "phrase"}
    assert not LanguageMarker.objects.filter(lexicon_version__number=1).exclude(pos="").exists()
