"""Every string a person can meet is translated into Danish, Norwegian and Swedish, and none is fuzzy."""

import shutil
import subprocess
import sys

import pytest

from .po import LOCALE, NORDIC, catalogue, entries

ROOT = LOCALE.parent
NOT_SOURCE = {".git", ".venv", "staticfiles", "media", "node_modules", ".pytest_cache", ".ruff_cache", "locale"}


@pytest.mark.parametrize("language", NORDIC)
def test_it_has_no_untranslated_or_fuzzy_entry(language):
    problems = [
        f"line {e.line}: {'fuzzy' if 'fuzzy' in e.flags else 'untranslated'}: {e.key!r}"
        for e in catalogue(language)
        if "fuzzy" in e.flags or not all(e.msgstrs)
    ]

    assert not problems, f"locale/{language}/LC_MESSAGES/django.po:\n" + "\n".join(problems)


@pytest.mark.parametrize("language", NORDIC)
def test_it_keeps_the_placeholders_of_every_message(language):
    import re

    placeholder = re.compile(r"%\([a-z_]+\)[sd]|%[sd]")
    problems = [
        f"line {e.line}: {e.key!r}"
        for e in catalogue(language)
        for msgstr in e.msgstrs
        if e.msgid_plural is None and sorted(placeholder.findall(msgstr)) != sorted(placeholder.findall(e.msgid))
    ]

    assert not problems, f"{language}: placeholders differ from the English:\n" + "\n".join(problems)


@pytest.mark.skipif(not shutil.which("xgettext"), reason="gettext is not installed (apt-get install gettext)")
def test_it_has_every_string_of_the_code_in_the_catalogues(tmp_path):
    """A string added to the code but never put through `make messages` is as untranslated as an empty one."""
    copy = tmp_path / "src"
    shutil.copytree(ROOT, copy, ignore=lambda _dir, names: [n for n in names if n in NOT_SOURCE])
    (copy / "locale").mkdir()
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "da", "--keep-pot", "-v", "0"],
        cwd=copy,
        check=True,
        env={"PATH": "/usr/bin:/bin", "DEBUG": "1", "DJANGO_SETTINGS_MODULE": "servicefit.settings"},
    )
    in_code = {e.key for e in entries(copy / "locale" / "django.pot")}

    for language in NORDIC:
        missing = sorted(in_code - {e.key for e in catalogue(language)})
        assert not missing, f"not in locale/{language} (run `make messages`, then translate):\n" + "\n".join(missing)
