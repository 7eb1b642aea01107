"""Assessment batteries as data files (JSON): validation and writing. Pure Python but for `write`,
which is given the model classes so the data migration can pass its historical models.
"""

import json
from pathlib import Path

from assessments import kinds
from profiles.service_types import SERVICE_TYPES
from servicefit.core.languages import LANGUAGE_CODES

STANDARD_BATTERY = Path(__file__).resolve().parent / "data" / "standard_battery"
KINDS = kinds.ALL


PART_SECTIONS = ("inventory", "preferences", "situations", "skills")


def load(folder: Path, competencies: set[str]) -> dict:
    """A battery kept as parts: meta.json (titles, intro, section texts) and one item list per section."""
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    data = {"slug": meta["slug"], "title": meta["title"], "intro": meta.get("intro", {}), "sections": []}
    for key in PART_SECTIONS:
        section = meta["sections"][key]
        items = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
        data["sections"].append({"key": key, **section, "items": items})
    errors = validate(data, competencies)
    if errors:
        raise ValueError(f"{folder.name}: " + "; ".join(errors[:20]))
    return data


def validate(data: dict, competencies: set[str]) -> list[str]:
    errors = []
    keys = set()

    def texts(owner: str, value) -> None:
        if not isinstance(value, dict) or any(not str(value.get(lang, "")).strip() for lang in LANGUAGE_CODES):
            errors.append(f"{owner}: needs a non-empty text in each of {', '.join(LANGUAGE_CODES)}")

    texts("title", data.get("title"))
    for section in data.get("sections", []):
        texts(f"section {section.get('key')}", section.get("title"))
        for item in section.get("items", []):
            key = item.get("key")
            if key in keys:
                errors.append(f"item {key}: duplicate key")
            keys.add(key)
            kind = item.get("kind")
            if kind not in KINDS:
                errors.append(f"item {key}: unknown kind {kind!r}")
            texts(f"item {key}", item.get("stem"))
            scale = item.get("scale", "")
            if kind == kinds.LIKERT and scale not in SERVICE_TYPES:
                errors.append(f"item {key}: Likert items need a service-type scale")
            if kind in (kinds.MCQ, kinds.TEXT) and scale and scale not in competencies:
                errors.append(f"item {key}: unknown competency {scale!r}")
            options = item.get("options", [])
            if kind in kinds.WITH_OPTIONS and len(options) < 2:
                errors.append(f"item {key}: needs at least two options")
            for option in options:
                texts(f"item {key} option {option.get('key')}", option.get("text"))
                if kind == kinds.FORCED_CHOICE and option.get("type") not in SERVICE_TYPES:
                    errors.append(f"item {key} option {option.get('key')}: unknown service type")
                for competency, points in option.get("scores", {}).items():
                    if competency not in competencies or not isinstance(points, int) or not 0 <= points <= 3:
                        errors.append(f"item {key} option {option.get('key')}: bad score {competency}={points!r}")
            if kind == kinds.MCQ and sum(bool(o.get("correct")) for o in options) != 1:
                errors.append(f"item {key}: a multiple-choice item needs exactly one correct option")
    return errors


def write(data: dict, *, Assessment, Section, Item, Option):  # noqa: N803 (model classes)
    assessment = Assessment.objects.create(slug=data["slug"], title=data["title"], intro=data.get("intro", {}))
    for section_order, section_data in enumerate(data["sections"], start=1):
        minutes = section_data.get("time_limit_minutes")
        section = Section.objects.create(
            assessment=assessment,
            key=section_data["key"],
            order=section_order,
            title=section_data["title"],
            instructions=section_data.get("instructions", {}),
            time_limit_seconds=minutes * 60 if minutes else None,
        )
        for item_order, item_data in enumerate(section_data["items"], start=1):
            item = Item.objects.create(
                section=section,
                key=item_data["key"],
                order=item_order,
                kind=item_data["kind"],
                stem=item_data["stem"],
                scale=item_data.get("scale", ""),
                reverse=item_data.get("reverse", False),
                rubric=item_data.get("rubric", {}),
            )
            Option.objects.bulk_create(
                Option(
                    item=item,
                    key=option["key"],
                    order=option_order,
                    text=option["text"],
                    service_type=option.get("type", ""),
                    correct=bool(option.get("correct")),
                    scores=option.get("scores", {}),
                )
                for option_order, option in enumerate(item_data.get("options", []), start=1)
            )
    return assessment
