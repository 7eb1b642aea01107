import json

import pytest
from django.core.management import CommandError, call_command

from profiles.models import LanguageMarker, LexiconVersion


def export(tmp_path, *args):
    out = tmp_path / "export.out"
    call_command("lexicon_export", "-o", str(out), *args)
    return out


def test_export_then_import_makes_an_identical_new_version(tmp_path, db):
    path = export(tmp_path)
    target = tmp_path / "lexicon.json"
    path.rename(target)
    call_command("lexicon_import", str(target))
    v1, v2 = LexiconVersion.objects.order_by("number")
    assert v2.number == 2 and v2.source == "lexicon.json"

    def rows(version):
        return sorted(version.markers.values_list("language", "service_type__code", "phrase", "weight"))

    assert rows(v1) == rows(v2)


def test_yaml_export_imports_too(tmp_path, db):
    target = tmp_path / "lexicon.yaml"
    export(tmp_path, "--format", "yaml").rename(target)
    call_command("lexicon_import", str(target))
    assert LexiconVersion.objects.count() == 2


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
    assert LexiconVersion.objects.count() == 1
    assert LanguageMarker.objects.count() == markers_before


def test_dry_run_validates_without_writing(tmp_path, db):
    good = tmp_path / "good.yml"
    good.write_text("markers:\n  - {language: sv, type: rock, phrase: stresstålig}\n", encoding="utf-8")
    call_command("lexicon_import", str(good), "--dry-run")
    assert LexiconVersion.objects.count() == 1


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
