"""Length must not give the key away: in the standard battery's situations (sjt) and multiple-choice
items, the best-scoring option may be strictly the longest text in at most a third of the items, per
language. Also checks that migration 0005 brings upgraded installs to the texts of the data files.

`python tests/assessments/test_option_lengths.py` prints the share per language, before (the texts
migration 0005 replaced) and after (the data files).
"""

import importlib
import json
from fractions import Fraction
from pathlib import Path

import pytest

LANGUAGES = ("en", "da", "nb", "sv")
FOLDER = Path(__file__).resolve().parents[2] / "assessments" / "data" / "standard_battery"
MIGRATION = "assessments.migrations.0005_option_lengths_give_nothing_away"
MOST = Fraction(1, 3)


def file_items() -> list[dict]:
    items = []
    for section in ("situations", "skills"):
        items += json.loads((FOLDER / f"{section}.json").read_text(encoding="utf-8"))
    return [item for item in items if item["kind"] in ("sjt", "mcq")]


def keyed(item: dict) -> dict:
    options = item["options"]
    if item["kind"] == "mcq":
        return next(option for option in options if option.get("correct"))
    return max(options, key=lambda option: sum(option.get("scores", {}).values()))


def keyed_longest(items: list[dict], language: str) -> list[str]:
    found = []
    for item in items:
        key = keyed(item)
        length = len(key["text"][language])
        if all(length > len(option["text"][language]) for option in item["options"] if option is not key):
            found.append(item["key"])
    return found


def with_texts(items: list[dict], texts: dict) -> list[dict]:
    return [
        {**item, "options": [{**o, "text": texts.get((item["key"], o["key"]), o["text"])} for o in item["options"]]}
        for item in items
    ]


def database_items() -> list[dict]:
    from assessments.models import Item

    items = Item.objects.filter(
        section__assessment__slug="service-profile-standard", kind__in=("sjt", "mcq")
    ).prefetch_related("options")
    return [
        {
            "key": item.key,
            "kind": item.kind,
            "options": [
                {"key": o.key, "text": o.text, "scores": o.scores, "correct": o.correct} for o in item.options.all()
            ],
        }
        for item in items
    ]


def database_texts() -> dict:
    from assessments.models import Option

    options = Option.objects.filter(item__section__assessment__slug="service-profile-standard")
    return {
        (section, item, key): text
        for section, item, key, text in options.values_list("item__section__key", "item__key", "key", "text")
    }


def all_file_texts() -> dict:
    texts = {}
    for section in ("inventory", "preferences", "situations", "skills"):
        for item in json.loads((FOLDER / f"{section}.json").read_text(encoding="utf-8")):
            for option in item.get("options", []):
                texts[(section, item["key"], option["key"])] = option["text"]
    return texts


def assert_length_gives_nothing_away(items: list[dict]) -> None:
    assert len(items) == 16
    too_often = {
        language: found
        for language in LANGUAGES
        if Fraction(len(found := keyed_longest(items, language)), len(items)) > MOST
    }
    assert too_often == {}, f"the keyed option is the longest in more than a third of the items: {too_often}"


def test_it_finds_one_keyed_option_per_item():
    for item in file_items():
        top = max(sum(o.get("scores", {}).values()) for o in item["options"])
        best = [
            o
            for o in item["options"]
            if (o.get("correct") if item["kind"] == "mcq" else sum(o.get("scores", {}).values()) == top)
        ]
        assert len(best) == 1, item["key"]


def test_it_counts_the_old_texts_as_giving_the_key_away():
    old = with_texts(file_items(), importlib.import_module(MIGRATION).OLD_TEXTS)
    assert {language: len(keyed_longest(old, language)) for language in LANGUAGES} == {
        "en": 14,
        "da": 15,
        "nb": 15,
        "sv": 14,
    }


def test_it_fails_the_check_on_the_old_texts():
    old = with_texts(file_items(), importlib.import_module(MIGRATION).OLD_TEXTS)
    with pytest.raises(AssertionError, match="more than a third"):
        assert_length_gives_nothing_away(old)


def test_it_keeps_the_keyed_option_from_being_the_longest_in_the_files():
    assert_length_gives_nothing_away(file_items())


def test_it_keeps_the_keyed_option_from_being_the_longest_in_the_database(db):
    assert_length_gives_nothing_away(database_items())


def test_it_migrates_a_fresh_install_to_the_texts_of_the_files(db):
    assert database_texts() == all_file_texts()


def test_it_migrates_an_upgraded_install_to_the_texts_of_the_files(db):
    from django.apps import apps

    from assessments.models import Option

    migration = importlib.import_module(MIGRATION)
    migration.backwards(apps, None)
    stored = Option.objects.get(item__key="sjt-01", key="b")
    assert stored.text == migration.OLD_TEXTS[("sjt-01", "b")]
    assert database_texts() != all_file_texts()
    migration.forwards(apps, None)
    assert database_texts() == all_file_texts()


def test_it_changes_only_option_texts_it_froze_in_both_directions():
    migration = importlib.import_module(MIGRATION)
    assert migration.NEW_TEXTS.keys() == migration.OLD_TEXTS.keys()
    files = {(item["key"], o["key"]): o["text"] for item in file_items() for o in item["options"]}
    assert {key: files[key] for key in migration.NEW_TEXTS} == migration.NEW_TEXTS
    for key, text in migration.NEW_TEXTS.items():
        assert set(text) == set(migration.OLD_TEXTS[key]) == set(LANGUAGES)


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(FOLDER.parents[2]))
    before = with_texts(file_items(), importlib.import_module(MIGRATION).OLD_TEXTS)
    after = file_items()
    print("keyed option strictly the longest (sjt + mcq items):")
    for language in LANGUAGES:
        old, new = keyed_longest(before, language), keyed_longest(after, language)
        print(
            f"  {language}: before {len(old)}/{len(before)} ({len(old) / len(before):.0%}), "
            f"after {len(new)}/{len(after)} ({len(new) / len(after):.0%}) {', '.join(new)}"
        )
