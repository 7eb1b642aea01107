"""The shipped framework (service types, competencies, role-profile templates). Pure Python.

`profiles/data/framework.json` is loaded by a data migration; this module checks it is complete
before anything is written, so a broken edit fails the migration instead of half-loading.
"""

import json
from pathlib import Path

from profiles.role_mix import type_weight_errors
from profiles.service_types import SERVICE_TYPES
from servicefit.core.languages import LANGUAGE_CODES

DATA_DIR = Path(__file__).resolve().parent / "data"
SERVICE_TYPE_KEYS = ("name", "summary", "description", "strengths", "risks", "behavioural_markers")
COMPETENCY_KEYS = ("name", "description", "anchors")


class FrameworkFileError(ValueError):
    pass


def load(path: Path = DATA_DIR / "framework.json") -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    errors = validate(data)
    if errors:
        raise FrameworkFileError(f"{path.name}: " + "; ".join(errors))
    return data


def validate(data: dict) -> list[str]:
    errors = []
    codes = [t.get("code") for t in data.get("service_types", [])]
    if sorted(codes) != sorted(SERVICE_TYPES):
        errors.append(f"service types must be exactly {', '.join(SERVICE_TYPES)}")
    for item in data.get("service_types", []):
        errors += _translation_errors(item, SERVICE_TYPE_KEYS)
    competency_codes = set()
    for item in data.get("competencies", []):
        competency_codes.add(item.get("code"))
        errors += _translation_errors(item, COMPETENCY_KEYS)
        for language, translation in item.get("translations", {}).items():
            if sorted(translation.get("anchors", {})) != ["1", "2", "3", "4", "5"]:
                errors.append(f"{item.get('code')} ({language}): anchors must cover levels 1 to 5")
    for profile in data.get("role_profiles", []):
        errors += [f"{profile.get('slug')}: {e}" for e in type_weight_errors(profile.get("type_weights", {}))]
        for code, level in profile.get("competencies", {}).items():
            if code not in competency_codes:
                errors.append(f"{profile.get('slug')}: unknown competency {code}")
            if not isinstance(level, int) or not 1 <= level <= 5:
                errors.append(f"{profile.get('slug')}: level of {code} must be 1-5")
    return errors


def _translation_errors(item: dict, keys: tuple[str, ...]) -> list[str]:
    errors = []
    translations = item.get("translations", {})
    for language in LANGUAGE_CODES:
        translation = translations.get(language)
        if not translation:
            errors.append(f"{item.get('code')}: no {language} translation")
            continue
        missing = [key for key in keys if not translation.get(key)]
        if missing:
            errors.append(f"{item.get('code')} ({language}): missing {', '.join(missing)}")
    return errors
