"""Pure analysis tests: no database. The shipped lexicon file is read directly."""

from pathlib import Path

import pytest

from profiles import lexicon_file
from profiles.analysis.engine import Analyzer
from profiles.analysis.gender import GenderCoder
from profiles.analysis.lexicon import CompiledLexicon, Marker

DATA = Path(__file__).resolve().parents[3] / "profiles" / "data"


def compile_markers(rows) -> CompiledLexicon:
    return CompiledLexicon([Marker(**row) for row in rows], version="test")


@pytest.fixture(scope="session")
def shipped_lexicon() -> CompiledLexicon:
    parsed = lexicon_file.load((DATA / "lexicon_v2.json").read_text(encoding="utf-8"), "json")
    markers = [Marker(m.language, m.type, m.phrase, m.weight, m.suggestions, m.pos) for m in parsed.markers]
    return CompiledLexicon(markers, version="v2")


SMALL_GENDER = {
    lang: {
        "masculine": ["dominer", "konkurren", "aggress", "competit"],
        "feminine": ["omsorg", "empati", "warm", "varm"],
    }
    for lang in ("en", "da", "nb", "sv")
}


@pytest.fixture
def analyzer(shipped_lexicon) -> Analyzer:
    return Analyzer(lexicon=shipped_lexicon, gender=GenderCoder(SMALL_GENDER))
