"""The job-ad engine's full output over some thousands of texts, to prove that a speed change
changes nothing: write it before the change, compare after.

    DEBUG=1 .venv/bin/python bench/engine_golden.py --write /tmp/before.jsonl
    # ... change the engine ...
    DEBUG=1 .venv/bin/python bench/engine_golden.py --compare /tmp/before.jsonl

The texts: the demo ads and the real-ad corpus of bench/adcorpus.py when present (whole, cut into
sentences, with HTML tags and bullets, with tabs and no-break spaces), seeded shuffles of their
sentences across languages, and every marker of the shipped lexicon in a plain, a negated and a
contrast frame of its language. Each analysis is compared as `Analysis.to_dict()`, with a role target
and without, and both in a fresh analyzer (no sentence seen before) and in one that has seen them.
Prints the number of texts and of differences, and the first differences; exits 1 on a difference.
"""

import argparse
import contextlib
import json
import os
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

FRAMES = {
    "en": ("We are looking for someone {}.", "It is not enough to be {}.", "You are more than {}, you decide."),
    "da": ("Vi søger en, der er {}.", "Det er ikke nok at være {}.", "Du er mere end {}, du tager styringen."),
    "nb": ("Vi søker en som er {}.", "Det er ikke nok å være {}.", "Du er mer enn {}, du tar styringen."),
    "sv": ("Vi söker dig som är {}.", "Det räcker inte att vara {}.", "Du är mer än {}, du tar ansvar."),
}


def texts() -> list[tuple[str, str | None]]:
    """(text, language or None for detection)."""
    import jobads

    from profiles.analysis.text import split_sentences

    ads = [text for _name, _language, text in jobads.build_demo_ads()]
    with contextlib.suppress(OSError, SystemExit, ValueError):  # no real-ad corpus on this machine
        ads += [text for _name, _language, text in jobads.build_real_ads()]
    result: list[tuple[str, str | None]] = []
    sentences: list[str] = []
    for ad in ads:
        result.append((ad, None))
        pieces = [s.text for s in split_sentences(ad)]
        sentences += pieces
        result.append(("\n".join(f"<li>{p}</li>" for p in pieces[:12]), None))
        result.append(("\n".join(f"• {p}" for p in pieces[:12]), None))
        result.append((ad.replace(" ", "\t", 40).replace(" ", "\xa0", 40), None))
    generator = random.Random(0)  # noqa: S311 - a fixed shuffle, not a secret
    for _ in range(300):
        result.append((" ".join(generator.sample(sentences, min(len(sentences), 14))), None))
    result += [(sentence, None) for sentence in sentences if len(sentence.split()) >= 4][:1500]
    lexicon = json.loads((REPO / "profiles" / "data" / "lexicon_v2.json").read_text(encoding="utf-8"))
    for marker in lexicon["markers"]:
        for frame in FRAMES.get(marker["language"], ()):
            result.append((frame.format(marker["phrase"]), marker["language"]))
    return result


def analyses(items) -> list[str]:
    from profiles import selectors
    from profiles.analysis import AnalysisInputError, Analyzer, UnsupportedLanguage

    warm = selectors.analyzer_current()
    profile = selectors.role_profile_for_analysis("classic-service-agent")
    target = selectors.role_target(profile) if profile else None
    lines = []
    for text, language in items:
        for analyzer in (
            Analyzer(lexicon=warm.lexicon, gender=warm.gender, classifier=warm.classifier, examples=warm.examples),
            warm,
        ):
            for role in (None, target):
                try:
                    out = analyzer.analyze(text, language, role).to_dict()
                except (AnalysisInputError, UnsupportedLanguage) as error:
                    out = {"error": type(error).__name__, "message": str(error)}
                lines.append(json.dumps(out, ensure_ascii=False, sort_keys=True, default=str))
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path)
    group.add_argument("--compare", type=Path)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "servicefit.settings")
    os.environ.setdefault("DEBUG", "1")
    import django

    django.setup()
    items = texts()
    lines = analyses(items)
    if args.write:
        args.write.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{len(items)} texts, {len(lines)} analyses written to {args.write}")
        return 0
    before = args.compare.read_text(encoding="utf-8").splitlines()
    differ = [i for i, (a, b) in enumerate(zip(before, lines, strict=False)) if a != b]
    if len(before) != len(lines):
        print(f"{len(before)} analyses before, {len(lines)} now: the inputs differ")
        return 1
    print(f"{len(items)} texts, {len(lines)} analyses: {len(differ)} differ")
    for i in differ[:5]:
        print(f"--- text {i // 4}: {items[i // 4][0][:100]!r}")
        print(f"before: {before[i][:600]}")
        print(f"now:    {lines[i][:600]}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
