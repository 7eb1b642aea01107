"""A fresh install: migration profiles/0008 ships lexicon v2 as the newest version, and can be undone."""

import importlib
from collections import Counter

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from profiles import selectors
from profiles.models import LanguageMarker, LexiconVersion

LANGUAGES = ["en", "da", "nb", "sv"]
V2_MIGRATION = "0008_lexicon_v2"


def test_the_newest_lexicon_after_install_is_v2_from_its_file(db):
    latest = selectors.lexicon_version_latest()
    assert (latest.label, latest.source) == ("v2", "lexicon_v2.json")
    assert latest.note.startswith("Lexicon v2")
    assert selectors.analysis_versions()[0] == 2  # what a new analysis uses
    assert LexiconVersion.objects.get(number=1).source == "lexicon_v1.json"  # v1 stays as history


@pytest.mark.parametrize("language", LANGUAGES)
def test_v2_has_its_markers_in_every_language_each_with_a_part_of_speech(db, language):
    markers = LanguageMarker.objects.filter(lexicon_version__number=2, language=language)
    assert 140 <= markers.count() <= 250  # v2 has 170–190 per language
    assert not markers.filter(pos="").exists()
    suggestion_parts = Counter(s.get("pos") for m in markers for s in m.suggestions)
    assert suggestion_parts["clause"] >= 1
    with_suggestions = [m for m in markers if m.suggestions]
    assert all(any(s.get("pos") == "clause" for s in m.suggestions) for m in with_suggestions)


def test_installing_v2_again_changes_nothing(db):
    migration = importlib.import_module(f"profiles.migrations.{V2_MIGRATION}")
    state = MigrationLoader(connection).project_state(("profiles", V2_MIGRATION))
    before = LanguageMarker.objects.count()
    migration.load_lexicon_v2(state.apps, None)
    assert LexiconVersion.objects.filter(source="lexicon_v2.json").count() == 1
    assert LanguageMarker.objects.count() == before


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_undoing_the_migration_leaves_v1_newest_and_redoing_it_brings_v2_back():
    v1_markers = LanguageMarker.objects.filter(lexicon_version__number=1).count()
    v2_markers = LanguageMarker.objects.filter(lexicon_version__number=2).count()

    call_command("migrate", "profiles", "0007", verbosity=0)
    assert selectors.lexicon_version_latest().label == "v1"
    assert not LexiconVersion.objects.filter(source="lexicon_v2.json").exists()
    assert LanguageMarker.objects.count() == v1_markers

    call_command("migrate", "profiles", V2_MIGRATION, verbosity=0)
    latest = selectors.lexicon_version_latest()
    assert (latest.label, latest.source) == ("v2", "lexicon_v2.json")
    assert latest.markers.count() == v2_markers
    assert LanguageMarker.objects.filter(lexicon_version__number=1).count() == v1_markers
