import io
import json

import pytest
from django.core.management import CommandError, call_command

from hiring.management.commands.analyze_ad import Command
from hiring.models import JobAd
from tests.hiring.factories import ADVISOR, DA_AD, DE_AD, EN_AD, SV_AD


def analyze_ad(*args) -> str:
    out = io.StringIO()
    call_command("analyze_ad", *map(str, args), stdout=out)
    return out.getvalue()


def refused(*args) -> CommandError:
    with pytest.raises(CommandError) as caught:
        analyze_ad(*args)
    return caught.value


@pytest.fixture
def ads(tmp_path):
    folder = tmp_path / "ads"
    folder.mkdir()
    (folder / "aarhus.txt").write_text(DA_AD, encoding="utf-8")
    (folder / "london.txt").write_text(EN_AD, encoding="utf-8")
    (folder / ".DS_Store").write_bytes(b"\x00\x01")
    return folder


def test_it_prints_the_analysis_of_one_file_as_json(ads, db):
    result = json.loads(analyze_ad(ads / "aarhus.txt"))
    assert result["language"] == "da"
    assert result["lexicon_version"] == "v2"
    assert result["scores"]["empathizer"] > 0 and result["scores"]["controller"] > 0
    assert "servicemindet" in {m["text"] for m in result["matches"]}
    assert "alignment" not in result


def test_it_prints_one_json_line_per_file_in_a_folder(ads, db):
    lines = analyze_ad(ads).splitlines()
    results = [json.loads(line) for line in lines]
    assert [r["file"] for r in results] == ["aarhus.txt", "london.txt"]  # hidden files are skipped
    assert [r["language"] for r in results] == ["da", "en"]


def test_it_measures_alignment_to_a_role_profile(ads, db):
    result = json.loads(analyze_ad(ads / "london.txt", "--role-profile", ADVISOR))
    assert result["alignment"]["role_profile"] == ADVISOR
    assert 0 <= result["alignment"]["score"] <= 100


def test_the_text_format_is_a_short_summary(ads, db):
    out = analyze_ad(ads / "aarhus.txt", "--format", "text", "--role-profile", ADVISOR)
    first, *rest = out.splitlines()
    assert first.startswith("aarhus.txt: da (")
    assert "words" in first
    assert any(line.strip().startswith("controller index") for line in rest)
    assert any("LIX" in line for line in rest)
    assert any(f"alignment to {ADVISOR}:" in line for line in rest)
    assert "{" not in out


def test_an_explicit_language_overrides_detection(tmp_path, db):
    path = tmp_path / "ad.txt"
    path.write_text(SV_AD, encoding="utf-8")
    assert json.loads(analyze_ad(path, "--language", "sv"))["language_confidence"] == 1.0


def test_an_html_file_is_analysed_as_its_text(tmp_path, db):
    path = tmp_path / "ad.html"
    path.write_text(
        "<html><head><title>Job</title><style>p{color:red}</style></head>"
        "<body><p>Vi søger en <b>servicemindet</b> medarbejder.</p><ul><li>Du er en problemløser.</li></ul>"
        "<script>var servicemindet = 1;</script></body></html>",
        encoding="utf-8",
    )
    result = json.loads(analyze_ad(path))
    assert result["language"] == "da"
    assert sorted(m["text"] for m in result["matches"] if m["source"] == "marker") == [
        "problemløser",
        "servicemindet",
    ]


def test_analysis_saves_nothing(ads, db):
    analyze_ad(ads)
    assert JobAd.objects.count() == 0


def test_an_unknown_role_profile_is_bad_input(ads, db):
    error = refused(ads / "aarhus.txt", "--role-profile", "astronaut")
    assert error.returncode == 2
    assert str(error) == "Unknown role profile: astronaut"


def test_a_file_that_is_not_utf8_is_bad_input(tmp_path, db):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Vi søger en problemløser.".encode("latin-1"))
    error = refused(path)
    assert error.returncode == 2
    assert "latin1.txt: not UTF-8 text" in str(error)
    assert "\n" not in str(error)


def test_a_missing_path_is_bad_input(tmp_path, db):
    error = refused(tmp_path / "nowhere.txt")
    assert error.returncode == 2
    assert "No such file or folder" in str(error)


def test_an_empty_folder_is_bad_input(tmp_path, db):
    error = refused(tmp_path)
    assert error.returncode == 2
    assert "No files in" in str(error)


def test_an_unsupported_language_is_bad_input(tmp_path, db):
    path = tmp_path / "berlin.txt"
    path.write_text(DE_AD, encoding="utf-8")
    error = refused(path)
    assert error.returncode == 2
    assert "Danish, Norwegian Bokmål, Swedish or English" in str(error)


def test_one_bad_file_in_a_folder_is_reported_and_the_others_are_still_analysed(ads, db):
    (ads / "blank.txt").write_text("   \n", encoding="utf-8")
    out = io.StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("analyze_ad", str(ads), stdout=out)
    assert caught.value.returncode == 2
    assert "blank.txt: The text is empty." in str(caught.value)
    results = {r["file"]: r for r in map(json.loads, out.getvalue().splitlines())}
    assert list(results) == ["aarhus.txt", "blank.txt", "london.txt"]
    assert results["blank.txt"] == {"file": "blank.txt", "error": "The text is empty."}
    assert results["london.txt"]["language"] == "en"


def test_from_the_command_line_bad_input_exits_2_with_one_line_on_stderr(ads, db, monkeypatch):
    # run_from_argv closes the database connections when it is done; the test's transaction needs its own.
    monkeypatch.setattr("django.core.management.base.connections.close_all", lambda: None)
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        Command(stdout=out, stderr=err).run_from_argv(
            ["manage.py", "analyze_ad", str(ads / "aarhus.txt"), "--role-profile", "astronaut"]
        )
    assert exit_.value.code == 2
    assert err.getvalue().strip().splitlines() == ["CommandError: Unknown role profile: astronaut"]
    assert out.getvalue() == ""


def test_the_text_format_shows_an_empty_index_as_a_dash(tmp_path, db):
    path = tmp_path / "odense.txt"
    path.write_text("Vi søger en sød og glad kollega til vores butik i Odense.", encoding="utf-8")
    out = analyze_ad(path, "--format", "text", "--language", "da")
    assert "controller index — (insufficient);" in out
    assert json.loads(analyze_ad(path, "--language", "da"))["controller_index"] is None
