"""Cuts a text into segments for display, each carrying the matches that cover it. Pure Python.

The template escapes every segment; nothing from the ad is ever marked safe.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    text: str
    marker: dict | None = None  # a "marker" match from the analysis
    model: dict | None = None  # a sentence-level "model" match
    tip_id: str = ""


def segments(text: str, matches: list[dict]) -> list[Segment]:
    markers = [m for m in matches if m["source"] == "marker"]
    models = [m for m in matches if m["source"] == "model"]
    cuts = {0, len(text)}
    for match in matches:
        cuts.update((match["start"], match["end"]))
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    result = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        if start == end:
            continue
        marker = next((m for m in markers if m["start"] <= start and end <= m["end"]), None)
        model = next((m for m in models if m["start"] <= start and end <= m["end"]), None)
        tip = f"tip-{marker['start']}" if marker and marker["start"] == start else ""
        result.append(Segment(text[start:end], marker, model, tip))
    return result
