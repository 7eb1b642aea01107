"""A small reader for gettext .po files (standard library only), enough for the catalogue tests."""

import ast
from dataclasses import dataclass, field
from pathlib import Path

LOCALE = Path(__file__).resolve().parents[2] / "locale"
NORDIC = ("da", "nb", "sv")


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstrs: list[str] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)
    line: int = 0

    @property
    def key(self) -> str:
        return self.msgid if self.msgid_plural is None else f"{self.msgid}|{self.msgid_plural}"


def entries(path: Path) -> list[Entry]:
    """The live entries of a catalogue, header excluded; obsolete (#~) entries are left out."""
    found: list[Entry] = []
    entry, target = None, None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#~"):
            entry, target = None, None
            continue
        if entry is None:
            entry = Entry(line=number)
            found.append(entry)
        if line.startswith("#,"):
            entry.flags.update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            _append(entry, target, ast.literal_eval(line))
        else:
            keyword, _, value = line.partition(" ")
            target = keyword
            if keyword.startswith("msgstr"):
                entry.msgstrs.append("")
            elif keyword == "msgid_plural":
                entry.msgid_plural = ""
            _append(entry, target, ast.literal_eval(value))
    return [e for e in found if e.msgid or e.msgid_plural]


def _append(entry: Entry, target: str, text: str) -> None:
    if target == "msgid":
        entry.msgid += text
    elif target == "msgid_plural":
        entry.msgid_plural += text
    elif target == "msgctxt":
        entry.msgctxt = (entry.msgctxt or "") + text
    else:
        entry.msgstrs[-1] += text


def catalogue(language: str) -> list[Entry]:
    return entries(LOCALE / language / "LC_MESSAGES" / "django.po")
