import json

import pytest
from django.core.management import CommandError, call_command

from profiles.models import LanguageMarker, LexiconVersion

from .lexicon_files import WRONG_PART_OF_SPEECH


def export(tmp_path, *args):
    out = tmp_path / "export.out"
    call_command("lexicon_export", "-o", str(out), *args)
    return out


def rows(version):
    return sorted(
        version.markers.values_list("language", "service_type__code", "phrase", "weight", "pos", "suggestions"),
        key=repr,
    )


def test_export_then_import_makes_an_identical_new_version(tmp_path, db):
    path = export(tmp_path)
    target = tmp_path / "lexicon.json"
    path.rename(target)
    call_command("lexicon_import", str(target))
    *_, shipped, imported = LexiconVersion.objects.order_by("number")
    assert (shipped.number, shipped.source) == (2, "lexicon_v2.json")
    assert imported.number == 3 and imported.source == "lexicon.json"
    assert rows(shipped) == rows(imported)


def test_the_export_writes_parts_of_speech_of_markers_and_suggestions(tmp_path, db):
    exported = json.loads(export(tmp_path).read_text(encoding="utf-8"))
    assert exported["version"] == "2"
    assert all(marker["pos"] in ("adj", "noun", "verb", "phrase") for marker in exported["markers"])
    servicemindet = next(m for m in exported["markers"] if (m["language"], m["phrase"]) == ("da", "servicemindet"))
    assert servicemindet["pos"] == "adj"
    assert {"type": "controller", "text": "løsningsorienteret", "pos": "adj"} in servicemindet["suggestions"]
    assert any(s["pos"] == "clause" for s in servicemindet["suggestions"])


def test_the_v1_export_has_no_parts_of_speech_and_still_imports(tmp_path, db):
    target = tmp_path / "v1.json"
    export(tmp_path, "--lexicon-version", "1").rename(target)
    assert not any("pos" in marker for marker in json.loads(target.read_text(encoding="utf-8"))["markers"])
    call_command("lexicon_import", str(target))
    assert rows(LexiconVersion.objects.get(number=3)) == rows(LexiconVersion.objects.get(number=1))


def test_yaml_export_imports_too(tmp_path, db):
    target = tmp_path / "lexicon.yaml"
    export(tmp_path, "--format", "yaml").rename(target)
    call_command("lexicon_import", str(target))
    assert LexiconVersion.objects.count() == 3
    assert rows(LexiconVersion.objects.get(number=3)) == rows(LexiconVersion.objects.get(number=2))


def test_a_bad_file_is_refused_whole_with_row_errors(tmp_path, db, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "markers": [
                    {"language": "da", "type": "controller", "phrase": "tager styringen"},
                    {"language": "fi", "type": "controller", "phrase": "ottaa ohjat"},
                    {"language": "da", "type": "controller", "phrase": "Tager  styringen"},
                ]
            }
        ),
        encoding="utf-8",
    )
    markers_before = LanguageMarker.objects.count()
    with pytest.raises(CommandError, match="2 error"):
        call_command("lexicon_import", str(bad))
    err = capsys.readouterr().err
    assert "bad.json: row 2, language: unknown language 'fi'" in err
    assert "bad.json: row 3, phrase: duplicate of row 1" in err
    assert LexiconVersion.objects.count() == 2
    assert LanguageMarker.objects.count() == markers_before


def test_a_word_level_rewrite_of_the_wrong_part_of_speech_is_refused_by_row_and_field(tmp_path, db, capsys):
    bad = tmp_path / "pos.json"
    bad.write_text(json.dumps(WRONG_PART_OF_SPEECH, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CommandError, match="2 error"):
        call_command("lexicon_import", str(bad))
    err = capsys.readouterr().err
    assert "pos.json: row 2, suggestions[2]: a word-level rewrite of a noun must be a noun or a clause" in err
    assert "pos.json: row 3, pos: unknown part of speech 'adverb'" in err
    assert "row 1" not in err
    assert LexiconVersion.objects.count() == 2


def test_a_file_with_parts_of_speech_imports_them(tmp_path, db, capsys):
    good = tmp_path / "pos.yaml"
    good.write_text(
        "markers:\n"
        "  - language: nb\n    type: empathizer\n    phrase: smil\n    pos: noun\n    suggestions:\n"
        "      - {type: controller, text: løsning, pos: noun}\n"
        "      - {type: controller, text: Du finner den rette løsningen for kunden., pos: clause}\n",
        encoding="utf-8",
    )
    call_command("lexicon_import", str(good))
    marker = LexiconVersion.objects.get(number=3).markers.get()
    assert (marker.phrase, marker.pos) == ("smil", "noun")
    assert [s["pos"] for s in marker.suggestions] == ["noun", "clause"]


def test_dry_run_validates_without_writing(tmp_path, db):
    good = tmp_path / "good.yml"
    good.write_text("markers:\n  - {language: sv, type: rock, phrase: stresstålig}\n", encoding="utf-8")
    call_command("lexicon_import", str(good), "--dry-run")
    assert LexiconVersion.objects.count() == 2


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.json", None, "No such file"),
        ("lexicon.txt", b"{}", "Cannot tell the format"),
        ("latin1.json", '{"markers": ["bl\xe5"]}'.encode("latin-1"), "not UTF-8"),
    ],
)
def test_unreadable_input_gets_a_clear_message(tmp_path, db, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        call_command("lexicon_import", str(path))


def test_export_of_an_unknown_version_fails(db):
    with pytest.raises(CommandError, match="no lexicon version 7"):
        call_command("lexicon_export", "--lexicon-version", "7")
