"""Reading and validating lexicon files (JSON or YAML). Pure Python: no database.

A file is refused whole if any row is bad, and every bad row is reported with its number, so an
admin can fix the file in one pass.

    {"version": "2", "note": "...", "markers": [
        {"language": "da", "type": "empathizer", "phrase": "servicemindet", "weight": 1.0,
         "suggestions": [{"type": "controller", "text": "problemløser"}]}]}
"""

import json
import math
from dataclasses import dataclass

import yaml

from profiles.analysis.lexicon import CLAUSE, PARTS_OF_SPEECH
from profiles.service_types import SERVICE_TYPES
from servicefit.core.languages import LANGUAGE_CODES
from servicefit.core.unsafe_text import has_unsafe_text

MIN_WEIGHT, MAX_WEIGHT = 0.1, 5.0
MAX_PHRASE_LENGTH = 120
FORMATS = ("json", "yaml")
UNSAFE = "contains a NUL character or an unpaired surrogate, which cannot be stored"


@dataclass(frozen=True)
class RowError:
    row: int | None  # 1-based position in "markers"; None for the file as a whole
    field: str
    message: str

    def __str__(self):
        where = f"row {self.row}" if self.row is not None else "file"
        return f"{where}, {self.field}: {self.message}"


class LexiconFileError(Exception):
    def __init__(self, errors: list[RowError]):
        self.errors = errors
        super().__init__("; ".join(str(e) for e in errors))


@dataclass(frozen=True)
class Marker:
    language: str
    type: str
    phrase: str
    weight: float
    suggestions: tuple[dict, ...] = ()
    pos: str = ""


@dataclass(frozen=True)
class LexiconFile:
    markers: tuple[Marker, ...]
    note: str = ""


def normalise_phrase(phrase: str) -> str:
    return " ".join(phrase.split()).casefold()


def load(text: str, fmt: str) -> LexiconFile:
    """Parse `text` in `fmt` ("json" or "yaml") and validate it; raises LexiconFileError."""
    if fmt not in FORMATS:
        raise LexiconFileError([RowError(None, "format", f"unknown format {fmt!r}; use json or yaml")])
    try:
        data = json.loads(text) if fmt == "json" else yaml.safe_load(text)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        raise LexiconFileError([RowError(None, "syntax", f"not valid {fmt.upper()}: {exc}")]) from exc
    except RecursionError as exc:  # thousands of nested lists; a lexicon file is three levels deep
        raise LexiconFileError([RowError(None, "syntax", "nested too deeply to be a lexicon file")]) from exc
    return validate(data)


def validate(data) -> LexiconFile:
    if not isinstance(data, dict) or not isinstance(data.get("markers"), list):
        raise LexiconFileError([RowError(None, "markers", 'expected an object with a "markers" list')])
    if not data["markers"]:
        raise LexiconFileError([RowError(None, "markers", "the file has no markers")])
    note = data.get("note") or ""
    if not isinstance(note, str):
        raise LexiconFileError([RowError(None, "note", "must be text")])
    if has_unsafe_text(note):
        raise LexiconFileError([RowError(None, "note", UNSAFE)])

    errors: list[RowError] = []
    markers: list[Marker] = []
    first_row_of: dict[tuple[str, str], int] = {}
    for row, raw in enumerate(data["markers"], start=1):
        marker = _validate_row(row, raw, errors)
        if marker is None:
            continue
        key = (marker.language, normalise_phrase(marker.phrase))
        if key in first_row_of:
            errors.append(
                RowError(row, "phrase", f"duplicate of row {first_row_of[key]} ({marker.phrase!r}, {marker.language})")
            )
            continue
        first_row_of[key] = row
        markers.append(marker)
    if errors:
        raise LexiconFileError(errors)
    return LexiconFile(markers=tuple(markers), note=note.strip()[:300])


def _validate_row(row: int, raw, errors: list[RowError]) -> Marker | None:
    if not isinstance(raw, dict):
        errors.append(RowError(row, "row", "expected an object"))
        return None
    before = len(errors)
    unknown_keys = set(raw) - {"language", "type", "phrase", "weight", "suggestions", "pos"}
    if unknown_keys:
        errors.append(RowError(row, "row", f"unknown fields: {', '.join(sorted(unknown_keys))}"))

    language = raw.get("language")
    if language not in LANGUAGE_CODES:
        errors.append(
            RowError(row, "language", f"unknown language {language!r}; use one of {', '.join(LANGUAGE_CODES)}")
        )
    service_type = raw.get("type")
    if service_type not in SERVICE_TYPES:
        errors.append(RowError(row, "type", f"unknown service type {service_type!r}"))

    phrase = raw.get("phrase")
    if not isinstance(phrase, str) or not phrase.strip():
        errors.append(RowError(row, "phrase", "empty phrase"))
        phrase = ""
    elif has_unsafe_text(phrase):
        errors.append(RowError(row, "phrase", UNSAFE))
    elif len(phrase.strip()) > MAX_PHRASE_LENGTH:
        errors.append(RowError(row, "phrase", f"longer than {MAX_PHRASE_LENGTH} characters"))

    weight = raw.get("weight", 1.0)
    if isinstance(weight, bool) or not isinstance(weight, int | float) or not math.isfinite(weight):
        errors.append(RowError(row, "weight", f"not a number: {weight!r}"))
    elif not MIN_WEIGHT <= weight <= MAX_WEIGHT:
        errors.append(RowError(row, "weight", f"{weight} is outside {MIN_WEIGHT}–{MAX_WEIGHT}"))

    pos = raw.get("pos", "") or ""
    if pos not in ("", *PARTS_OF_SPEECH):
        errors.append(RowError(row, "pos", f"unknown part of speech {pos!r}; use one of {', '.join(PARTS_OF_SPEECH)}"))
    suggestions = _validate_suggestions(row, raw.get("suggestions", []), service_type, pos, errors)
    if len(errors) > before:
        return None
    return Marker(
        language=language,
        type=service_type,
        phrase=" ".join(phrase.split()),
        weight=float(weight),
        suggestions=suggestions,
        pos=pos,
    )


def _validate_suggestions(row: int, raw, own_type, own_pos: str, errors: list[RowError]) -> tuple[dict, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        errors.append(RowError(row, "suggestions", "expected a list"))
        return ()
    result = []
    for index, item in enumerate(raw, start=1):
        where = f"suggestions[{index}]"
        if not isinstance(item, dict):
            errors.append(RowError(row, where, 'expected {"type": ..., "text": ...}'))
            continue
        target, text = item.get("type"), item.get("text")
        if target not in SERVICE_TYPES:
            errors.append(RowError(row, where, f"unknown service type {target!r}"))
        elif target == own_type:
            errors.append(RowError(row, where, "a rewrite must point to another type"))
        if not isinstance(text, str) or not text.strip():
            errors.append(RowError(row, where, "empty suggestion text"))
            continue
        if has_unsafe_text(text):
            errors.append(RowError(row, where, UNSAFE))
            continue
        pos = item.get("pos", "") or ""
        if pos not in ("", CLAUSE, *PARTS_OF_SPEECH):
            errors.append(RowError(row, where, f"unknown part of speech {pos!r}"))
            continue
        if own_pos and pos not in (CLAUSE, own_pos):
            # A word-level rewrite must fit where the marker stood: "smil" (a noun) cannot become
            # "løsningsorienteret" (an adjective); a whole new sentence can replace anything.
            errors.append(RowError(row, where, f"a word-level rewrite of a {own_pos} must be a {own_pos} or a clause"))
            continue
        suggestion = {"type": target, "text": " ".join(text.split())}
        if pos:
            suggestion["pos"] = pos
        result.append(suggestion)
    return tuple(result)


def dump(markers: list[dict], *, version: str, note: str, fmt: str) -> str:
    """Serialise markers (dicts with the file's keys) in the same format `load` reads."""
    data = {"version": version, "note": note, "markers": markers}
    if fmt == "yaml":
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
